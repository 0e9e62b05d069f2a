//! Interop with the official Python SDK and `openssl`: hundreds of random key
//! pairs (made by openssl) and parameter sets with Unicode, `&`, `=`, `+`,
//! `%`, spaces and JSON values; keys handed to the CLI in every format. The
//! CLI's signatures must equal the SDK's and openssl's byte for byte, the
//! SDK must accept them, and responses signed by the SDK must verify.
//!
//! `ALIPAY_OAUTH_INTEROP_CASES` sets the number of cases (default 200).

use crate::common;

use std::path::Path;
use std::process::Command as StdCommand;
use std::sync::OnceLock;

use base64::Engine as _;
use common::Rng;
use common::key_pool::{KeyFiles, bare, make_keys, read};
use common::{cli, openssl, python_sdk, run_sdk, scratch};
use serde_json::{Value, json};

fn case_count() -> usize {
    std::env::var("ALIPAY_OAUTH_INTEROP_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

/// The shared pool of openssl-made keys.
fn keys() -> &'static [KeyFiles] {
    static KEYS: OnceLock<Vec<KeyFiles>> = OnceLock::new();
    KEYS.get_or_init(|| make_keys("interop-keys", case_count()))
}

const UNICODE: &[&str] = &[
    "测试",
    "支付宝",
    "用户",
    "昵称",
    "é",
    "ü",
    "Ω",
    "😀",
    "👍🏽",
    "\u{3000}",
    "ﬁ",
    "№",
];
const GBK_SAFE: &[&str] = &["测试", "支付宝", "用户", "昵称", "中文", "杭州", "（", "，"];
const ASCII_TRICKY: &[&str] = &[
    "&", "=", "+", "%", " ", "%20", "a=b&c=d", "/", "\\", "\"", "'", "?", "#", "~", "*", ":",
];

fn random_value(rng: &mut Rng, gbk: bool) -> String {
    let mut v = String::new();
    let parts = 1 + rng.below(6);
    for _ in 0..parts {
        match rng.below(6) {
            0 => v.push_str(rng.pick_str(if gbk { GBK_SAFE } else { UNICODE })),
            1 => v.push_str(rng.pick_str(ASCII_TRICKY)),
            2 => v.push_str(&format!("{}", rng.next() % 100_000)),
            3 => v.push_str(&json!({"subject": rng.pick_str(GBK_SAFE), "amount": "0.01", "n": rng.below(10), "q": "a & b = c"}).to_string()),
            4 => v.push_str(&"abcdefghijklmnopqrstuvwxyz"[..1 + rng.below(26)]),
            _ => v.push_str("2024-01-02 03:04:05"),
        }
    }
    v
}

fn random_params(rng: &mut Rng, gbk: bool) -> serde_json::Map<String, Value> {
    let mut params = serde_json::Map::new();
    let count = 1 + rng.below(10);
    while params.len() < count {
        let len = 1 + rng.below(12);
        let name: String = (0..len)
            .map(|_| *rng.pick(b"abcdefghijklmnopqrstuvwxyz_ABCXYZ0123456789".as_ref()) as char)
            .collect();
        if name == "sign" {
            continue;
        }
        params.insert(name, json!(random_value(rng, gbk)));
    }
    params
}

/// How case `i` hands the private key to the CLI: (arguments, value of
/// ALIPAY_PRIVATE_KEY, description).
fn key_args(i: usize, k: &KeyFiles) -> (Vec<String>, Option<String>, &'static str) {
    let file = |p: &Path| {
        vec![
            "--private-key-file".to_string(),
            p.to_string_lossy().into_owned(),
        ]
    };
    let tmp = |name: &str, content: String| {
        let p = scratch().join(format!("interop-case-{i}-{name}"));
        std::fs::write(&p, content).unwrap();
        file(&p)
    };
    match i % 10 {
        0 => (file(&k.pkcs8_pem), None, "PKCS#8 PEM"),
        1 => (file(&k.pkcs1_pem), None, "PKCS#1 PEM"),
        2 => (
            tmp("pkcs1-bare", bare(&k.pkcs1_pem)),
            None,
            "PKCS#1 one-line base64",
        ),
        3 => (
            tmp("pkcs8-bare", bare(&k.pkcs8_pem)),
            None,
            "PKCS#8 one-line base64",
        ),
        4 => {
            let b = bare(&k.pkcs8_pem);
            let lines: Vec<&str> = b
                .as_bytes()
                .chunks(76)
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect();
            (
                tmp("pkcs8-wrapped", lines.join("\r\n") + "\r\n"),
                None,
                "PKCS#8 base64 wrapped with CRLF",
            )
        }
        5 => (file(&k.pkcs8_der), None, "PKCS#8 DER"),
        6 => (file(&k.pkcs1_der), None, "PKCS#1 DER"),
        7 => (
            vec![],
            Some(read(&k.pkcs1_pem).trim().replace('\n', "\\n")),
            "PKCS#1 PEM in ALIPAY_PRIVATE_KEY with \\n escapes",
        ),
        8 => (
            vec![],
            Some(bare(&k.pkcs8_pem)),
            "PKCS#8 bare in ALIPAY_PRIVATE_KEY",
        ),
        _ => {
            let pem = read(&k.pkcs1_pem);
            let messy: String = pem
                .lines()
                .map(|l| format!("  {l} \t\n"))
                .collect::<String>()
                + "\n\n";
            (
                tmp("messy", messy),
                None,
                "PKCS#1 PEM with stray whitespace",
            )
        }
    }
}

struct Case {
    key: usize,
    params: serde_json::Map<String, Value>,
    sign_type: &'static str,
    charset: &'static str,
}

fn cases() -> Vec<Case> {
    let seed = 0x5eed_a11a_u64;
    let mut rng = Rng(seed);
    (0..case_count())
        .map(|i| {
            let gbk = i % 5 == 4;
            Case {
                key: i,
                params: random_params(&mut rng, gbk),
                sign_type: if i % 7 == 3 { "RSA" } else { "RSA2" },
                charset: if gbk { "gbk" } else { "utf-8" },
            }
        })
        .collect()
}

/// Runs the CLI's `sign` for a case; returns (sign_content, sign).
fn cli_sign(i: usize, case: &Case) -> (String, String) {
    let k = &keys()[case.key];
    let (args, env, shape) = key_args(i, k);
    let mut cmd = cli();
    cmd.args([
        "sign",
        "-o",
        "json",
        "--sign-type",
        case.sign_type,
        "--charset",
        case.charset,
    ])
    .args(&args);
    if let Some(text) = env {
        cmd.env("ALIPAY_PRIVATE_KEY", text);
    }
    // Alternate between NAME=VALUE arguments and a JSON object on stdin.
    if i.is_multiple_of(2) {
        for (k, v) in &case.params {
            cmd.arg(format!("{k}={}", v.as_str().unwrap()));
        }
    } else {
        cmd.args(["--stdin", "json"])
            .write_stdin(Value::Object(case.params.clone()).to_string());
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "case {i} ({shape}): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    (
        doc["sign_content"].as_str().unwrap().to_string(),
        doc["sign"].as_str().unwrap().to_string(),
    )
}

#[test]
fn signatures_equal_the_python_sdk_and_openssl_and_verify_in_the_sdk() {
    let Some(python) = python_sdk() else { return };
    if openssl().is_none() {
        return;
    }
    let cases = cases();
    let keys = keys();
    let ops: Vec<Value> = cases
        .iter()
        .map(|c| {
            json!({"op": "sign", "key": bare(&keys[c.key].pkcs1_pem), "params": c.params,
                   "sign_type": c.sign_type, "charset": c.charset})
        })
        .collect();
    let expected = run_sdk(&python, &Value::Array(ops));

    let mut ours = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let (content, sign) = cli_sign(i, case);
        assert_eq!(
            content,
            expected[i]["content"].as_str().unwrap(),
            "case {i}: string to sign"
        );
        assert_eq!(
            sign,
            expected[i]["sign"].as_str().unwrap(),
            "case {i}: signature ({})",
            key_args(i, &keys[case.key]).2
        );
        ours.push((content, sign));
    }

    // openssl dgst over the same bytes.
    let dir = common::tempdir();
    for (i, (case, (content, sign))) in cases.iter().zip(&ours).enumerate() {
        let bytes = match case.charset {
            "gbk" => encoding_rs::GBK.encode(content).0.into_owned(),
            _ => content.as_bytes().to_vec(),
        };
        let input = dir.path().join(format!("{i}.txt"));
        std::fs::write(&input, &bytes).unwrap();
        let digest = if case.sign_type == "RSA2" {
            "-sha256"
        } else {
            "-sha1"
        };
        let out = StdCommand::new("openssl")
            .args(["dgst", digest, "-sign"])
            .arg(&keys[case.key].pkcs8_pem)
            .arg(&input)
            .output()
            .unwrap();
        assert!(out.status.success());
        let theirs = base64::engine::general_purpose::STANDARD.encode(&out.stdout);
        assert_eq!(&theirs, sign, "case {i}: openssl dgst");
    }

    // The SDK accepts our signatures.
    let ops: Vec<Value> = cases
        .iter()
        .zip(&ours)
        .map(|(c, (content, sign))| {
            json!({"op": "verify", "public_key": bare(&keys[c.key].spki_pem),
                   "content": content, "sign": sign, "charset": c.charset})
        })
        .collect();
    for (i, r) in run_sdk(&python, &Value::Array(ops)).iter().enumerate() {
        assert_eq!(r["valid"], true, "case {i}: SDK rejects our signature");
    }
}

#[test]
fn responses_signed_by_the_python_sdk_verify() {
    let Some(python) = python_sdk() else { return };
    if openssl().is_none() {
        return;
    }
    let keys = keys();
    let n = keys.len();
    let mut rng = Rng(0xfeed_f00d);
    // Alipay signs with "its" key: here key i+1 plays Alipay for case i.
    let nodes: Vec<(String, &'static str, &'static str)> = (0..n)
        .map(|i| {
            let gbk = i % 5 == 4;
            let nick = random_value(&mut rng, gbk);
            let node = json!({"code": "10000", "msg": "Success", "user_id": "2088102104794936",
                              "nick_name": nick, "avatar": "https://tfs.alipayobjects.com/images/partner/T1.png"});
            // Alipay writes URLs with escaped slashes; half the cases do too.
            let mut text = if i.is_multiple_of(3) {
                serde_json::to_string_pretty(&node).unwrap()
            } else {
                node.to_string()
            };
            if i.is_multiple_of(2) {
                text = text.replace('/', "\\/");
            }
            (text, if gbk { "gbk" } else { "utf-8" }, if i % 7 == 3 { "RSA" } else { "RSA2" })
        })
        .collect();
    let ops: Vec<Value> = nodes
        .iter()
        .enumerate()
        .map(|(i, (content, charset, sign_type))| {
            json!({"op": "sign_content", "key": bare(&keys[(i + 1) % n].pkcs1_pem),
                   "content": content, "sign_type": sign_type, "charset": charset})
        })
        .collect();
    let signed = run_sdk(&python, &Value::Array(ops));
    for (i, ((content, charset, sign_type), sig)) in nodes.iter().zip(&signed).enumerate() {
        let sign = sig["sign"].as_str().unwrap();
        let body = format!("{{\"alipay_user_info_share_response\":{content},\"sign\":\"{sign}\"}}");
        let body_bytes = match *charset {
            "gbk" => encoding_rs::GBK.encode(&body).0.into_owned(),
            _ => body.clone().into_bytes(),
        };
        let alipay = &keys[(i + 1) % n];
        // Public keys in PEM or one-line base64.
        let pub_file = if i.is_multiple_of(2) {
            alipay.spki_pem.clone()
        } else {
            let p = scratch().join(format!("interop-alipay-pub-{i}"));
            std::fs::write(&p, bare(&alipay.spki_pem)).unwrap();
            p
        };
        let run = |bytes: Vec<u8>| {
            cli()
                .args([
                    "verify",
                    "response",
                    "-o",
                    "json",
                    "--method",
                    "alipay.user.info.share",
                ])
                .args([
                    "--sign-type",
                    sign_type,
                    "--charset",
                    charset,
                    "--alipay-public-key-file",
                ])
                .arg(&pub_file)
                .write_stdin(bytes)
                .output()
                .unwrap()
        };
        let out = run(body_bytes.clone());
        assert_eq!(
            out.status.code(),
            Some(0),
            "case {i}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["sign_content"].as_str().unwrap(), content, "case {i}");
        assert_eq!(doc["code"], "10000");

        // Tampered: one changed byte in the nickname's area.
        let mut bad = body_bytes.clone();
        let pos = body_bytes
            .windows(9)
            .position(|w| w == b"nick_name")
            .unwrap()
            + 14;
        bad[pos] ^= 0x01;
        let out = run(bad);
        assert_eq!(
            out.status.code(),
            Some(6),
            "case {i}: tampered body accepted"
        );
    }
}
