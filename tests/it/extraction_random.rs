//! Randomised checks of response extraction: for thousands of generated
//! nodes (nested objects and arrays, strings with quotes, braces, escaped
//! quotes, backslash runs, `\/`, Unicode, odd whitespace), the extracted
//! content is exactly the node's text; and no mangled body ever panics.

use alipay_oauth::sign::Charset;
use alipay_oauth::sign::response::extract;
use serde_json::{Map, Value, json};

use crate::common::Rng;

const PIECES: &[&str] = &[
    "{",
    "}",
    "\"",
    "\\",
    "\\\\",
    "/",
    "[",
    "]",
    ":",
    ",",
    " ",
    "\n",
    "测试",
    "😀",
    "a",
    "_response",
    "sign",
];

fn string(rng: &mut Rng) -> String {
    (0..rng.below(8))
        .map(|_| PIECES[rng.below(PIECES.len())])
        .collect()
}

fn value(rng: &mut Rng, depth: usize) -> Value {
    match if depth > 3 {
        rng.below(3)
    } else {
        rng.below(6)
    } {
        0 => json!(string(rng)),
        1 => json!(rng.below(100000)),
        2 => [json!(true), json!(null), json!(-1.5e3)][rng.below(3)].clone(),
        3 => Value::Array((0..rng.below(4)).map(|_| value(rng, depth + 1)).collect()),
        _ => Value::Object(object(rng, depth + 1)),
    }
}

fn object(rng: &mut Rng, depth: usize) -> Map<String, Value> {
    (0..rng.below(5))
        .map(|i| (format!("k{i}{}", string(rng)), value(rng, depth)))
        .collect()
}

/// The node as some server might write it: compact, pretty, or with `\/`.
fn render(rng: &mut Rng, node: &Value) -> String {
    match rng.below(3) {
        0 => node.to_string(),
        1 => serde_json::to_string_pretty(node).unwrap(),
        _ => node.to_string().replace('/', "\\/"),
    }
}

#[test]
fn extracted_content_is_exactly_the_node_text() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for i in 0..3000 {
        let node = Value::Object(object(&mut rng, 0));
        let text = render(&mut rng, &node);
        let ws = [" ", "", "\n\t", "\r\n "][rng.below(4)];
        let before = if rng.below(2) == 0 {
            let extra = value(&mut rng, 2);
            format!("\"extra\":{ws}{},{ws}", render(&mut rng, &extra))
        } else {
            String::new()
        };
        let body = format!(
            "{{{ws}{before}\"x_y_response\"{ws}:{ws}{text}{ws},{ws}\"sign\"{ws}:{ws}\"c2lnbmF0dXJl\"{ws}}}"
        );
        let got = extract(body.as_bytes(), Some("x.y"), Charset::Utf8)
            .unwrap_or_else(|e| panic!("case {i}: {e}\n{body}"));
        assert_eq!(String::from_utf8(got.content).unwrap(), text, "case {i}");
        assert_eq!(got.sign.as_deref(), Some("c2lnbmF0dXJl"));
    }
}

#[test]
fn mangled_bodies_never_panic() {
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    for _ in 0..20000 {
        let node = Value::Object(object(&mut rng, 1));
        let mut body = format!("{{\"x_response\":{},\"sign\":\"c2ln\"}}", node).into_bytes();
        for _ in 0..1 + rng.below(4) {
            if body.is_empty() {
                break;
            }
            let at = rng.below(body.len());
            match rng.below(4) {
                0 => body[at] = (rng.next() & 0xff) as u8,
                1 => {
                    body.remove(at);
                }
                2 => body.truncate(at),
                _ => body.insert(at, b"{}\"\\,:"[rng.below(6)]),
            }
        }
        for charset in [Charset::Utf8, Charset::Gbk] {
            let _ = extract(&body, Some("x"), charset);
            let _ = extract(&body, None, charset);
        }
    }
}
