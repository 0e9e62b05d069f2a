//! Interop of the two newer dialects with the official SDKs, through the
//! real binary:
//! - the Antom / Alipay+ header dialect with the global Python SDK
//!   (`global-open-sdk-python`): `sign --dialect header` equals its signature
//!   tool over random methods, paths, client ids, times, bodies and key
//!   shapes; the SDK accepts ours; `verify header` accepts what the SDK signs
//!   (header value, bare, URL-encoded in either case or not) and refuses a
//!   one-byte change;
//! - OpenAPI v3 with the Node SDK (`alipay-sdk` 4.x): its `curl()` against a
//!   local server gives the `Authorization` header that `sign --dialect v3`
//!   must reproduce byte for byte, and its response verification and
//!   `verify v3` must agree on signed, tampered and wrongly signed answers.
//!
//! `ALIPAY_OAUTH_DIALECT_CASES` sets the number of cases per SDK (default 100).

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;
use std::sync::OnceLock;

use common::Rng;
use common::key_pool::{KeyFiles, bare, make_keys, read};
use common::{cli, global_sdk, node_sdk, openssl, run_helper};
use serde_json::{Value, json};

fn case_count() -> usize {
    std::env::var("ALIPAY_OAUTH_DIALECT_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100)
}

/// A small pool of openssl-made keys, shared by the tests of this file.
fn keys() -> &'static [KeyFiles] {
    static KEYS: OnceLock<Vec<KeyFiles>> = OnceLock::new();
    KEYS.get_or_init(|| make_keys("dialect-keys", 6))
}

/// The private key file of case `i`, in one of five shapes.
fn private_key_shape(i: usize, k: &KeyFiles) -> (&Path, &'static str) {
    match i % 5 {
        0 => (&k.pkcs1_pem, "PKCS#1 PEM"),
        1 => (&k.pkcs8_pem, "PKCS#8 PEM"),
        2 => (&k.pkcs1_bare, "PKCS#1 bare base64"),
        3 => (&k.pkcs8_bare, "PKCS#8 bare base64"),
        _ => (&k.pkcs8_der, "PKCS#8 DER"),
    }
}

const TEXT: &[&str] = &[
    "测试",
    "支付宝",
    "é",
    "Ω",
    "😀",
    "👍🏽",
    "\u{3000}",
    "&",
    "=",
    "+",
    "%2B",
    " ",
    "/",
    "\\",
    "\"",
    "'",
    "?",
    "#",
    ".",
    ",",
    ":",
    "\n",
    "\t",
    "a",
    "authCode",
    "2088102104794936",
];

fn random_text(rng: &mut Rng) -> String {
    (0..1 + rng.below(6)).map(|_| rng.pick_str(TEXT)).collect()
}

fn random_json(rng: &mut Rng) -> Value {
    let mut m = serde_json::Map::new();
    for _ in 0..1 + rng.below(6) {
        let key = format!(
            "{}{}",
            rng.pick_str(&["authCode", "scopes", "a", "é", "n"]),
            rng.below(100)
        );
        let v = match rng.below(5) {
            0 => json!(random_text(rng)),
            1 => json!(rng.below(1_000_000)),
            2 => json!([random_text(rng), rng.below(10) as f64 / 4.0, null, true]),
            3 => {
                json!({"referenceOrderId": random_text(rng), "amount": {"currency": "USD", "value": "100"}})
            }
            _ => json!("https://example.com/cb?authState=x&y=1"),
        };
        m.insert(key, v);
    }
    Value::Object(m)
}

/// A body as a client may write it: compact, indented, with `\/` or `\u`
/// escapes, with spaces, or empty.
fn random_body(rng: &mut Rng) -> String {
    let v = random_json(rng);
    match rng.below(6) {
        0 => serde_json::to_string_pretty(&v).unwrap(),
        1 => v.to_string().replace('/', "\\/"),
        2 => v
            .to_string()
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    c.to_string()
                } else {
                    c.encode_utf16(&mut [0; 2])
                        .iter()
                        .map(|u| format!("\\u{u:04x}"))
                        .collect()
                }
            })
            .collect(),
        3 => v.to_string().replace(',', ", ").replace(':', ": "),
        4 if rng.below(4) == 0 => String::new(),
        _ => v.to_string(),
    }
}

/// Changes one byte of an ASCII letter or digit (keeping the text UTF-8).
fn one_byte_changed(body: &str, rng: &mut Rng) -> String {
    let spots: Vec<usize> = body
        .bytes()
        .enumerate()
        .filter(|(_, b)| b.is_ascii_alphanumeric())
        .map(|(i, _)| i)
        .collect();
    let mut bytes = body.as_bytes().to_vec();
    match spots.get(rng.below(spots.len().max(1))) {
        Some(&i) => bytes[i] = if bytes[i] == b'x' { b'y' } else { b'x' },
        None => bytes.push(b' '),
    }
    String::from_utf8(bytes).unwrap()
}

/// `%2B` → `%2b`: what some SDKs send.
fn lowercase_escapes(s: &str) -> String {
    let mut out = String::new();
    let mut hex_left = 0;
    for c in s.chars() {
        if hex_left > 0 {
            out.push(c.to_ascii_lowercase());
            hex_left -= 1;
        } else {
            out.push(c);
            if c == '%' {
                hex_left = 2;
            }
        }
    }
    out
}

struct HeaderCase {
    key: usize,
    method: &'static str,
    path: String,
    client_id: String,
    time: String,
    body: String,
    key_version: u32,
}

fn header_cases() -> Vec<HeaderCase> {
    let mut rng = Rng(0xa11a_5eed_0001);
    (0..case_count())
        .map(|i| HeaderCase {
            key: i % keys().len(),
            method: if i % 6 == 5 { "GET" } else { "POST" },
            path: format!(
                "{}{}{}",
                rng.pick_str(&["/ams/api", "/ams/sandbox/api", "/aps/api"]),
                rng.pick_str(&[
                    "/v1/authorizations/consult",
                    "/v1/authorizations/applyToken",
                    "/v1/users/inquiryUserInfo",
                    "/v1/authorizations/prepare",
                    "/v1/payments/pay",
                ]),
                rng.pick_str(&["", "", "", "?lang=zh-CN&x=%2B"]),
            ),
            client_id: match rng.below(3) {
                0 => format!("SANDBOX_5YBZ1V2ZVNYF{:05}", rng.below(100_000)),
                1 => format!("2188{:012}", rng.next() % 1_000_000_000_000),
                _ => "client.with.dots-and_underscores".to_string(),
            },
            time: match rng.below(4) {
                0 => format!(
                    "2024-0{}-1{}T03:04:05+08:00",
                    1 + rng.below(9),
                    rng.below(10)
                ),
                1 => format!("{}", 1_700_000_000_000u64 + rng.next() % 100_000_000_000),
                2 => "2019-11-27T12:01:01.123456+00:00".to_string(),
                _ => "2026-12-05T07:30:13Z".to_string(),
            },
            body: if i % 6 == 5 {
                String::new()
            } else {
                random_body(&mut rng)
            },
            key_version: if i % 7 == 3 {
                2 + rng.below(8) as u32
            } else {
                1
            },
        })
        .collect()
}

fn write(dir: &Path, name: &str, content: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

fn global_helper(python: &Path, ops: &[Value]) -> Vec<Value> {
    let mut cmd = StdCommand::new(python);
    cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/global_sdk_helper.py"));
    run_helper(cmd, &Value::Array(ops.to_vec()))
}

fn sign_op(c: &HeaderCase, body: &str) -> Value {
    json!({"method": c.method, "path": c.path, "client_id": c.client_id, "time": c.time, "body": body})
}

#[test]
fn header_signatures_equal_the_global_sdk_and_verify_both_ways() {
    let Some(python) = global_sdk() else { return };
    if openssl().is_none() {
        return;
    }
    let started = std::time::Instant::now();
    let keys = keys();
    let cases = header_cases();
    let dir = common::tempdir();
    let mut rng = Rng(0x00b0_d1e5);

    let ops: Vec<Value> = cases
        .iter()
        .map(|c| {
            let mut op = sign_op(c, &c.body);
            op["op"] = json!("sign");
            op["key"] = json!(bare(&keys[c.key].pkcs1_pem));
            op
        })
        .collect();
    let sdk = global_helper(&python, &ops);

    // Our signatures equal the SDK's, whatever shape the key comes in.
    let mut ours = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let body = write(dir.path(), &format!("req-{i}.json"), &c.body);
        let (key, shape) = private_key_shape(i, &keys[c.key]);
        let mut cmd = cli();
        cmd.args(["sign", "--dialect", "header", "-o", "json"])
            .args(["--http-method", c.method, "--path", &c.path])
            .args(["--client-id", &c.client_id, "--request-time", &c.time])
            .arg("--private-key-file")
            .arg(key)
            .arg("--body-file");
        if i % 4 == 0 {
            cmd.arg("-").write_stdin(c.body.clone());
        } else {
            cmd.arg(&body);
        }
        if c.key_version != 1 {
            cmd.env("ALIPAY_KEY_VERSION", c.key_version.to_string());
        }
        let doc = common::ok_json(&cmd.output().unwrap());
        let expected_sig = sdk[i]["signature"].as_str().unwrap();
        assert_eq!(
            doc["sign_content"].as_str().unwrap(),
            sdk[i]["content"].as_str().unwrap(),
            "case {i}: content to sign"
        );
        assert_eq!(
            doc["header"].as_str().unwrap(),
            format!(
                "algorithm=RSA256,keyVersion={},signature={expected_sig}",
                c.key_version
            ),
            "case {i}: Signature header ({shape})"
        );
        ours.push(expected_sig.to_string());
    }

    // The SDK accepts our signatures, and refuses them over a changed body.
    let mut ops = Vec::new();
    for (c, sig) in cases.iter().zip(&ours) {
        let public = bare(&keys[c.key].spki_pem);
        let changed = one_byte_changed(&c.body, &mut rng);
        for body in [&c.body, &changed] {
            let mut op = sign_op(c, body);
            op["op"] = json!("verify");
            op["signature"] = json!(sig);
            op["public_key"] = json!(public);
            ops.push(op);
        }
    }
    let verdicts = global_helper(&python, &ops);
    for (i, pair) in verdicts.chunks(2).enumerate() {
        assert_eq!(
            pair[0]["valid"], true,
            "case {i}: the SDK refuses our signature"
        );
        assert_eq!(
            pair[1]["valid"], false,
            "case {i}: the SDK accepts a changed body"
        );
    }

    // `verify header` accepts what the SDK signed, in every way the signature
    // may be handed over, and refuses a one-byte change.
    for (i, c) in cases.iter().enumerate() {
        let sig = &ours[i];
        let decoded = sig
            .replace("%2B", "+")
            .replace("%2F", "/")
            .replace("%3D", "=");
        let given = match i % 4 {
            0 => format!(
                "algorithm=RSA256,keyVersion={},signature={sig}",
                c.key_version
            ),
            1 => sig.clone(),
            2 => decoded,
            _ => lowercase_escapes(sig),
        };
        let public = if i % 2 == 0 {
            &keys[c.key].spki_pem
        } else {
            &keys[c.key].spki_bare
        };
        let run = |body: &str| {
            let f = write(dir.path(), &format!("answer-{i}.json"), body);
            cli()
                .args(["verify", "header", "-o", "json"])
                .args(["--http-method", c.method, "--path", &c.path])
                .args(["--client-id", &c.client_id, "--time", &c.time])
                .arg("--signature")
                .arg(&given)
                .arg("--alipay-public-key-file")
                .arg(public)
                .arg("--body-file")
                .arg(&f)
                .output()
                .unwrap()
        };
        let out = run(&c.body);
        let doc = common::ok_json(&out);
        assert_eq!(doc["valid"], true, "case {i}");
        let out = run(&one_byte_changed(&c.body, &mut rng));
        assert_eq!(
            out.status.code(),
            Some(6),
            "case {i}: a changed body verifies"
        );
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["valid"], false);
        assert!(!doc["diagnosis"].as_array().unwrap().is_empty());
    }
    eprintln!(
        "header dialect: {} random cases equal to global-open-sdk-python in {:.1}s",
        cases.len(),
        started.elapsed().as_secs_f64()
    );
}

/// An OpenAPI v3 call for the Node SDK, and how the test server answers it.
fn v3_cases() -> Vec<Value> {
    let mut rng = Rng(0x0003_a11a_5eed);
    let keys = keys();
    let n = keys.len();
    (0..case_count())
        .map(|i| {
            let get = i % 4 == 3;
            let query = (get || i % 5 == 0).then(|| {
                json!({"scope": rng.pick_str(&["auth_user", "auth base", "a&b=c", "测试"]),
                       "n": rng.below(1000).to_string()})
            });
            let fault = match i % 5 {
                1 => "tamper",
                3 => "wrong_key",
                _ => "none",
            };
            let response_body = match rng.below(3) {
                0 => random_json(&mut rng).to_string(),
                1 => serde_json::to_string_pretty(&random_json(&mut rng)).unwrap(),
                _ => json!({"access_token": "authusrB", "user_id": "2088", "url": "https://x/y"})
                    .to_string()
                    .replace('/', "\\/"),
            };
            json!({
                "app_id": format!("2021{:012}", rng.next() % 1_000_000_000_000),
                "private_key_pem": read(&keys[i % n].pkcs1_pem),
                "alipay_private_key_pem": read(&keys[(i + 1) % n].pkcs8_pem),
                "alipay_public_key_pem": read(&keys[(i + 1) % n].spki_pem),
                "wrong_private_key_pem": read(&keys[(i + 2) % n].pkcs1_pem),
                "method": if get { "GET" } else { rng.pick_str(&["POST", "POST", "PUT", "PATCH"]) },
                "path": rng.pick_str(&["/v3/alipay/system/oauth/token", "/v3/alipay/user/info/share",
                                   "/v3/alipay/trade/query", "/v3/alipay/open/app/qrcode/create"]),
                "query": query,
                "body": if get { Value::Null } else { random_json(&mut rng) },
                "app_auth_token": (i % 6 == 2).then(|| format!("202412BB{:016x}", rng.next())),
                "response": {
                    "body": response_body,
                    "timestamp": (1_700_000_000_000u64 + rng.next() % 100_000_000_000).to_string(),
                    "nonce": format!("{:032x}", u128::from(rng.next()) << 64 | u128::from(rng.next())),
                    "fault": fault,
                },
            })
        })
        .collect()
}

/// `nonce` and `timestamp` of an `Authorization` header value.
fn auth_field<'a>(authorization: &'a str, name: &str) -> &'a str {
    authorization
        .split_once(' ')
        .unwrap()
        .1
        .split(',')
        .find_map(|p| p.strip_prefix(name)?.strip_prefix('='))
        .unwrap_or_else(|| panic!("{name} in {authorization}"))
}

#[test]
fn v3_authorization_equals_the_node_sdk_and_answers_get_the_same_verdict() {
    let Some(modules) = node_sdk() else { return };
    if openssl().is_none() {
        return;
    }
    let started = std::time::Instant::now();
    let keys = keys();
    let n = keys.len();
    let cases = v3_cases();
    let mut cmd = StdCommand::new("node");
    cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/node_v3_helper.js"))
        .env("NODE_PATH", &modules);
    let sdk = run_helper(cmd, &Value::Array(cases.clone()));
    let dir = common::tempdir();
    let (mut valid, mut refused) = (0, 0);

    for (i, (c, seen)) in cases.iter().zip(&sdk).enumerate() {
        let authorization = seen["authorization"].as_str().unwrap();
        let (path, query) = match seen["target"].as_str().unwrap().split_once('?') {
            Some((p, q)) => (p.to_string(), Some(q.to_string())),
            None => (seen["target"].as_str().unwrap().to_string(), None),
        };
        let body = write(
            dir.path(),
            &format!("v3-req-{i}.json"),
            seen["request_body"].as_str().unwrap(),
        );
        let (key, shape) = private_key_shape(i, &keys[i % n]);
        let mut cmd = cli();
        cmd.args(["sign", "--dialect", "v3", "-o", "json"])
            .args(["--app-id", c["app_id"].as_str().unwrap()])
            .args([
                "--http-method",
                c["method"].as_str().unwrap(),
                "--path",
                &path,
            ])
            .args(["--nonce", auth_field(authorization, "nonce")])
            .args(["--timestamp", auth_field(authorization, "timestamp")])
            .arg("--private-key-file")
            .arg(key)
            .arg("--body-file")
            .arg(&body);
        if let Some(q) = &query {
            cmd.args(["--query", q]);
        }
        if let Some(t) = c["app_auth_token"].as_str() {
            assert_eq!(seen["app_auth_token"].as_str(), Some(t), "case {i}");
            cmd.env("ALIPAY_APP_AUTH_TOKEN", t);
        }
        let doc = common::ok_json(&cmd.output().unwrap());
        assert_eq!(
            doc["authorization"].as_str().unwrap(),
            authorization,
            "case {i}: Authorization ({shape})"
        );

        let r = &seen["response"];
        let answer = write(
            dir.path(),
            &format!("v3-answer-{i}.json"),
            r["body"].as_str().unwrap(),
        );
        let public = if i % 2 == 0 {
            &keys[(i + 1) % n].spki_pem
        } else {
            &keys[(i + 1) % n].spki_bare
        };
        let out = cli()
            .args(["verify", "v3", "-o", "json"])
            .args(["--timestamp", r["timestamp"].as_str().unwrap()])
            .args(["--nonce", r["nonce"].as_str().unwrap()])
            .args(["--signature", r["signature"].as_str().unwrap()])
            .arg("--alipay-public-key-file")
            .arg(public)
            .arg("--body-file")
            .arg(&answer)
            .output()
            .unwrap();
        let sdk_valid = seen["sdk_valid"].as_bool().unwrap();
        assert_eq!(
            out.status.code(),
            Some(if sdk_valid { 0 } else { 6 }),
            "case {i} ({}): the SDK says valid={sdk_valid}; stderr: {}",
            c["response"]["fault"],
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            sdk_valid,
            c["response"]["fault"] == "none",
            "case {i}: the SDK's verdict"
        );
        if sdk_valid {
            valid += 1;
        } else {
            refused += 1;
        }
    }
    eprintln!(
        "OpenAPI v3: {} random Authorization headers equal to alipay-sdk 4.14.0, \
         {valid} answers valid and {refused} refused by both, in {:.1}s",
        cases.len(),
        started.elapsed().as_secs_f64()
    );
}
