//! `sign --dialect header|v3`, `verify header` and `verify v3` through the
//! real binary: defaults, what is shown to people, the diagnosis, secrets,
//! and clean usage errors. Byte-for-byte agreement with the official SDKs is
//! in `interop_dialects.rs` and `conformance.rs`.

use crate::common;

use common::{assert_clean_failure, assert_no_secrets, cli, data_file, ok_json};
use serde_json::Value;

fn app_key() -> String {
    data_file("keys/app-private-key.pem")
}

/// `sign --dialect header` with the test app key.
fn sign_header(extra: &[&str], body: &str) -> std::process::Output {
    cli()
        .args([
            "sign",
            "--dialect",
            "header",
            "--private-key-file",
            &app_key(),
        ])
        .args([
            "--client-id",
            "SANDBOX_5Y",
            "--path",
            "/ams/api/v1/authorizations/consult",
        ])
        .args(extra)
        .args(["--body-file", "-"])
        .write_stdin(body.to_string())
        .output()
        .unwrap()
}

/// `verify header` of a message signed by the app key, checked with the app
/// public key (the app plays Antom here).
fn verify_header(args: &[&str], body: &str) -> std::process::Output {
    cli()
        .args(["-o", "json", "verify", "header"])
        .args([
            "--alipay-public-key-file",
            &data_file("keys/app-public-key.pem"),
        ])
        .args(["--client-id", "SANDBOX_5Y"])
        .args(args)
        .args(["--body-file", "-"])
        .write_stdin(body.to_string())
        .output()
        .unwrap()
}

fn codes(out: &std::process::Output) -> Vec<String> {
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["diagnosis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn header_defaults_json_and_quiet() {
    let doc = ok_json(&sign_header(&["-o", "json"], "{}"));
    let time = doc["request_time"].as_str().unwrap();
    // Python's isoformat() in UTC, as the global SDK sends it.
    assert_eq!(time.len(), 25, "{time}");
    assert!(
        time.ends_with("+00:00") && time.as_bytes()[10] == b'T',
        "{time}"
    );
    assert_eq!(doc["key_version"], 1);
    assert!(
        doc["header"]
            .as_str()
            .unwrap()
            .starts_with("algorithm=RSA256,keyVersion=1,signature=")
    );
    assert_eq!(
        doc["sign_content"],
        format!("POST /ams/api/v1/authorizations/consult\nSANDBOX_5Y.{time}.{{}}")
    );

    // --key-version, flag or environment; -q prints the header value alone.
    let fixed = ["--request-time", "1704135845000", "-q"];
    let out = sign_header(&[&fixed[..], &["--key-version", "3"]].concat(), "{}");
    let by_flag = String::from_utf8(out.stdout).unwrap();
    assert!(by_flag.starts_with("algorithm=RSA256,keyVersion=3,signature="));
    assert_eq!(by_flag.lines().count(), 1);
    let out = cli()
        .env("ALIPAY_KEY_VERSION", "3")
        .args([
            "sign",
            "--dialect",
            "header",
            "--private-key-file",
            &app_key(),
        ])
        .args([
            "--client-id",
            "SANDBOX_5Y",
            "--path",
            "/ams/api/v1/authorizations/consult",
        ])
        .args(["--body-file", "-"])
        .args(fixed)
        .write_stdin("{}")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), by_flag);
    // `config` says where the key version came from.
    let doc = ok_json(
        &cli()
            .env("ALIPAY_KEY_VERSION", "3")
            .args(["config", "-o", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(doc["key_version"]["value"], "3");
    assert_eq!(doc["key_version"]["source"], "env ALIPAY_KEY_VERSION");
}

#[test]
fn header_human_output_makes_invisible_bytes_visible() {
    let out = sign_header(&["--request-time", "T"], "{\"a\":\"x\u{200b}y\"}\n");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("consult␊SANDBOX_5Y.T.{\"a\":\"x⟨U+200B⟩y\"}␊"),
        "{text}"
    );
    assert!(text.contains("3 invisible character(s)"), "{text}");
    assert!(text.contains("Signature: algorithm=RSA256,keyVersion=1,signature="));
    assert!(text.contains("Request-Time: T"));
}

#[test]
fn verify_header_diagnoses_the_usual_causes() {
    let body = "{\"authCode\": \"abc\", \"nick\": \"测试\"}";
    let signed = ok_json(&sign_header(
        &["-o", "json", "--request-time", "2024-01-02T03:04:05+08:00"],
        body,
    ));
    let header = signed["header"].as_str().unwrap();
    let plain = signed["signature"].as_str().unwrap();
    let path = ["--path", "/ams/api/v1/authorizations/consult"];
    let time = ["--time", "2024-01-02T03:04:05+08:00"];

    let ok = verify_header(&[&path[..], &time, &["--signature", header]].concat(), body);
    let doc = ok_json(&ok);
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["url_encoded"], true);
    assert_eq!(doc["key_version"], "1");

    // The body reformatted (compact) after signing.
    let compact = "{\"authCode\":\"abc\",\"nick\":\"测试\"}";
    let out = verify_header(
        &[&path[..], &time, &["--signature", header]].concat(),
        compact,
    );
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(codes(&out), ["body_reserialised"]);

    // The answer's time is checked, but the request's was signed.
    let args = [
        &path[..],
        &[
            "--time",
            "2024-01-02T03:04:09+08:00",
            "--request-time",
            "2024-01-02T03:04:05+08:00",
        ],
        &["--signature", header],
    ]
    .concat();
    assert_eq!(codes(&verify_header(&args, body)), ["time_mismatch"]);

    // Checked over the sandbox path.
    let sandbox = ["--path", "/ams/sandbox/api/v1/authorizations/consult"];
    let out = verify_header(
        &[&sandbox[..], &time, &["--signature", header]].concat(),
        body,
    );
    assert_eq!(codes(&out), ["sandbox_path"]);

    // URL-encoded twice.
    let twice = header
        .split("signature=")
        .nth(1)
        .unwrap()
        .replace('%', "%25");
    let out = verify_header(&[&path[..], &time, &["--signature", &twice]].concat(), body);
    assert_eq!(codes(&out), ["signature_url_encoded_twice"]);

    // '+' read as a space by a form decoder.
    if plain.contains('+') {
        let spaced = plain.replace('+', " ");
        let out = verify_header(
            &[&path[..], &time, &["--signature", &spaced]].concat(),
            body,
        );
        assert_eq!(codes(&out), ["plus_as_space"]);
    }

    // Keys swapped: the app key signed, Alipay's is configured; the app key is
    // known from --private-key-file.
    let out = cli()
        .args(["-o", "json", "verify", "header"])
        .args([
            "--alipay-public-key-file",
            &data_file("keys/alipay-public-key.pem"),
        ])
        .args([
            "--private-key-file",
            &app_key(),
            "--client-id",
            "SANDBOX_5Y",
        ])
        .args(path)
        .args(time)
        .args(["--signature", header, "--body-file", "-"])
        .write_stdin(body)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(codes(&out), ["signed_with_app_key"]);
    let stderr: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(stderr["error"]["kind"], "signature");

    // A signature that cannot be read is an invalid one, not a crash.
    let out = cli()
        .args(["verify", "header"])
        .args([
            "--alipay-public-key-file",
            &data_file("keys/app-public-key.pem"),
        ])
        .args(["--client-id", "SANDBOX_5Y"])
        .args(path)
        .args(time)
        .args(["--signature", "algorithm=RSA1,signature=abc"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 6, "RSA1");
}

#[test]
fn v3_defaults_quiet_and_the_token_stays_hidden() {
    let token = "202412BBsecretsecretsecret0123";
    let run = |extra: &[&str]| {
        cli()
            .env("ALIPAY_APP_AUTH_TOKEN", token)
            .args(["sign", "--dialect", "v3", "--app-id", "2021000000000000"])
            .args(["--private-key-file", &app_key(), "--http-method", "get"])
            .args(["--path", "/v3/alipay/user/info/share", "--query", "a=1"])
            .args(extra)
            .output()
            .unwrap()
    };
    let doc = ok_json(&run(&["-o", "json"]));
    let nonce = doc["nonce"].as_str().unwrap();
    assert_eq!(nonce.len(), 36);
    assert_eq!(nonce.as_bytes()[14], b'4', "a version 4 UUID: {nonce}");
    let ts: u64 = doc["timestamp"].as_str().unwrap().parse().unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    assert!(now.abs_diff(ts) < 600_000, "{ts} vs {now}");
    assert!(doc["sign_content"].as_str().unwrap().ends_with(&format!(
        "\nGET\n/v3/alipay/user/info/share?a=1\n\n{token}\n"
    )));

    let human = run(&[]);
    assert!(human.status.success());
    assert_no_secrets(&human, &[token]);
    assert!(String::from_utf8_lossy(&human.stdout).contains("‹app auth token 2024…0123"));

    let quiet = String::from_utf8(run(&["-q"]).stdout).unwrap();
    assert!(quiet.starts_with("ALIPAY-SHA256withRSA app_id=2021000000000000,nonce="));
    assert_eq!(quiet.lines().count(), 1);
}

#[test]
fn verify_v3_in_certificate_mode_needs_the_right_sn() {
    // A signature by "Alipay" (the alipay test key, whose certificate is in
    // tests/data/certs) over an answer.
    let content = "1704135846000\nn1\n{\"a\":1}\n";
    let key = alipay_oauth::sign::PrivateKey::parse(
        &std::fs::read(data_file("keys/alipay-private-key.pem")).unwrap(),
    )
    .unwrap();
    let sig = alipay_oauth::sign::algorithm::sign(
        &key,
        alipay_oauth::sign::SignType::Rsa2,
        content.as_bytes(),
    )
    .unwrap();
    let sn = {
        let doc = ok_json(
            &cli()
                .args(["-o", "json", "keys", "cert-sn"])
                .arg(data_file("certs/alipayCertPublicKey_RSA2.crt"))
                .output()
                .unwrap(),
        );
        doc["sn"].as_str().unwrap().to_string()
    };
    let run = |sn: Option<&str>| {
        let mut c = cli();
        c.args(["-o", "json", "verify", "v3"])
            .args([
                "--alipay-cert-file",
                &data_file("certs/alipayCertPublicKey_RSA2.crt"),
            ])
            .args([
                "--timestamp",
                "1704135846000",
                "--nonce",
                "n1",
                "--signature",
                &sig,
            ])
            .args(["--body-file", "-"])
            .write_stdin("{\"a\":1}");
        if let Some(sn) = sn {
            c.args(["--alipay-sn", sn]);
        }
        c.output().unwrap()
    };
    assert_eq!(ok_json(&run(Some(&sn)))["valid"], true);
    for wrong in [None, Some("0123456789abcdef0123456789abcdef")] {
        let out = run(wrong);
        assert_eq!(out.status.code(), Some(6), "{wrong:?}");
        assert_eq!(codes(&out), ["cert_sn_mismatch"]);
    }
    // Public-key mode does not ask for an SN.
    let out = cli()
        .args([
            "verify",
            "v3",
            "--alipay-public-key-file",
            &data_file("keys/alipay-public-key.pem"),
        ])
        .args([
            "--timestamp",
            "1704135846000",
            "--nonce",
            "n1",
            "--signature",
            &sig,
        ])
        .args(["--body-file", "-", "-q"])
        .write_stdin("{\"a\":1}")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), "valid");
}

#[test]
fn usage_errors_are_clean() {
    let key = app_key();
    let cases: &[(&[&str], &str)] = &[
        (
            &["sign", "--dialect", "header", "--client-id", "C"],
            "--path",
        ),
        (
            &[
                "sign",
                "--dialect",
                "header",
                "--path",
                "/p",
                "--client-id",
                "C",
                "a=1",
            ],
            "parameters",
        ),
        (
            &[
                "sign",
                "--dialect",
                "header",
                "--path",
                "/p",
                "--client-id",
                "C\nD",
            ],
            "cannot be signed",
        ),
        (
            &["sign", "--path", "/p", "a=1"],
            "--path does not apply to --dialect v2",
        ),
        (
            &["sign", "--timestamp", "2024-01-02 03:04:05", "a=1"],
            "--timestamp needs --method",
        ),
        (
            &[
                "sign",
                "--dialect",
                "v3",
                "--path",
                "/v3/x",
                "--app-id",
                "1",
            ],
            "--http-method",
        ),
        (
            &[
                "sign",
                "--dialect",
                "v3",
                "--http-method",
                "POST",
                "--path",
                "/v3/x?a=1",
                "--app-id",
                "1",
            ],
            "not a path",
        ),
        (
            &[
                "sign",
                "--dialect",
                "v3",
                "--http-method",
                "POST",
                "--path",
                "/v3/x",
                "--app-id",
                "1",
                "--timestamp",
                "2024-01-02",
            ],
            "milliseconds",
        ),
        (
            &[
                "sign",
                "--dialect",
                "v3",
                "--http-method",
                "POST",
                "--path",
                "/v3/x",
                "--app-id",
                "1",
                "--nonce",
                "a,b",
            ],
            "cannot be signed",
        ),
        (
            &[
                "sign",
                "--dialect",
                "v3",
                "--http-method",
                "POST",
                "--path",
                "/v3/x",
            ],
            "no app id",
        ),
    ];
    for (args, needle) in cases {
        let out = cli()
            .args(["--private-key-file", &key])
            .args(*args)
            .output()
            .unwrap();
        assert_clean_failure(&out, 2, needle);
    }
}
