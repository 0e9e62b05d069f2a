//! `call` and `call --curl`: the real binary against the real emulator over
//! loopback, and the printed curl command run with the real `curl`.

use crate::common;

use common::{EmulatorProc, ok_json, s};
use serde_json::Value;

/// The JSON error document of a failed `-o json` run, after checking its exit code.
fn json_error(out: &std::process::Output, code: i32) -> Value {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout: {} stderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "nothing on stdout on failure");
    serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|_| panic!("stderr is JSON: {}", String::from_utf8_lossy(&out.stderr)))
}

/// Logs the first test user in (auth_user) and stores the login.
fn log_in(emu: &EmulatorProc) -> Value {
    let out = emu
        .cli()
        .args(["-o", "json", "exchange", "--code", "-"])
        .write_stdin(emu.auth_code("auth_user"))
        .output()
        .unwrap();
    ok_json(&out)
}

#[test]
fn an_unknown_method_is_a_verified_alipay_error_in_every_charset_and_mode() {
    let emu = EmulatorProc::start(&[]);
    // Chinese in biz_content: in GBK the gateway verifies the GBK bytes, so
    // isv.invalid-method (not isv.invalid-signature) proves the signature.
    for charset in ["utf-8", "gbk"] {
        let out = emu
            .cli()
            .args([
                "--charset",
                charset,
                "-o",
                "json",
                "call",
                "alipay.trade.query",
            ])
            .args([
                "--biz-content",
                r#"{"out_trade_no":"订单-20240102001","memo":"a&b=c d"}"#,
            ])
            .output()
            .unwrap();
        let e = json_error(&out, 4);
        assert_eq!(
            e["error"]["sub_code"], "isv.invalid-method",
            "{charset}: {e}"
        );
        assert_eq!(e["error"]["code"], "40002");
        assert!(
            e["error"]["hint"].as_str().unwrap().contains("method"),
            "{e}"
        );
        // A signed refusal: not reported as an unsigned error.
        assert!(
            !e["error"]["message"].as_str().unwrap().contains("unsigned"),
            "{e}"
        );
    }

    // Human output: one error line naming the sub_code, with the hint.
    let out = emu
        .cli()
        .args(["call", "alipay.no.such.method", "x=1"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 4, "isv.invalid-method");
    assert!(String::from_utf8_lossy(&out.stderr).contains("check its name"));

    // The answer is verified: a tampered signature is exit 6, not 4.
    emu.fault("tamper", 1);
    let out = emu
        .cli()
        .args(["call", "alipay.trade.query"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 6, "signature");
}

#[test]
fn certificate_mode_calls_send_the_sns_and_check_the_answer_sn() {
    let dir = common::tempdir();
    let emu = EmulatorProc::start(&["--auto-approve", "--cert-dir", &s(dir.path())]);
    let cert_args = [
        "--app-cert-file".to_string(),
        s(&dir
            .path()
            .join(format!("appCertPublicKey_{}.crt", common::APP_ID))),
        "--alipay-cert-file".into(),
        s(&dir.path().join("alipayCertPublicKey_RSA2.crt")),
        "--alipay-root-cert-file".into(),
        s(&dir.path().join("alipayRootCert.crt")),
    ];
    let out = emu
        .cli()
        .args(&cert_args)
        .args([
            "-o",
            "json",
            "call",
            "alipay.trade.query",
            "--biz-content",
            "{}",
        ])
        .output()
        .unwrap();
    assert_eq!(
        json_error(&out, 4)["error"]["sub_code"],
        "isv.invalid-method"
    );

    // Without the certificates the gateway refuses the request itself.
    let out = emu
        .cli()
        .args(["-o", "json", "call", "alipay.trade.query"])
        .output()
        .unwrap();
    assert_eq!(
        json_error(&out, 4)["error"]["sub_code"],
        "isv.missing-app-cert-sn"
    );

    // An answer naming another Alipay certificate does not verify.
    emu.fault("wrong-cert-sn", 1);
    let out = emu
        .cli()
        .args(&cert_args)
        .args(["call", "alipay.trade.query"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 6, "certificate");
}

#[test]
fn a_user_api_gets_the_stored_login_unless_told_otherwise() {
    let emu = EmulatorProc::start(&["--auto-approve"]);

    // No stored login: sent without a token, and the gateway says so.
    let out = emu
        .cli()
        .args(["-o", "json", "call", "alipay.user.info.share"])
        .output()
        .unwrap();
    let e = json_error(&out, 4);
    assert_eq!(e["error"]["sub_code"], "isv.missing-auth-token");
    assert!(
        e["error"]["hint"].as_str().unwrap().contains("authorize"),
        "{e}"
    );

    let tokens = log_in(&emu);
    let access = tokens["access_token"].as_str().unwrap().to_string();

    // The stored login's token is used by default: the verified node as JSON.
    let out = emu
        .cli()
        .args(["-o", "json", "call", "alipay.user.info.share"])
        .output()
        .unwrap();
    let node = ok_json(&out);
    assert_eq!(node["code"], "10000");
    assert_eq!(node["nick_name"], "沙箱用户");
    assert_eq!(node["open_id"], tokens["open_id"]);

    // Human summary: status line and fields, nothing secret.
    let out = emu
        .cli()
        .args(["call", "alipay.user.info.share"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("alipay.user.info.share: 10000 Success (signature verified)"),
        "{text}"
    );
    assert!(
        text.contains("nick_name") && text.contains("沙箱用户"),
        "{text}"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("auth_token: the stored login of"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    common::assert_no_secrets(&out, &[&access]);

    // --raw: the node exactly as signed (with its \/ escapes).
    let out = emu
        .cli()
        .args(["call", "alipay.user.info.share", "--raw"])
        .output()
        .unwrap();
    let raw = String::from_utf8_lossy(&out.stdout);
    assert!(raw.trim().starts_with('{') && raw.contains("\\/"), "{raw}");

    // --no-auth-token: none is sent.
    let out = emu
        .cli()
        .args([
            "-o",
            "json",
            "call",
            "alipay.user.info.share",
            "--no-auth-token",
        ])
        .output()
        .unwrap();
    assert_eq!(
        json_error(&out, 4)["error"]["sub_code"],
        "isv.missing-auth-token"
    );

    // A token from standard input, and a bad one refused by Alipay (exit 4).
    let out = emu
        .cli()
        .args([
            "-o",
            "json",
            "call",
            "alipay.user.info.share",
            "--auth-token-stdin",
        ])
        .write_stdin(format!("{access}\n"))
        .output()
        .unwrap();
    assert_eq!(ok_json(&out)["nick_name"], "沙箱用户");
    let out = emu
        .cli()
        .args([
            "-o",
            "json",
            "call",
            "alipay.user.info.share",
            "--auth-token-stdin",
        ])
        .write_stdin("authusrBnot-a-token")
        .output()
        .unwrap();
    assert_eq!(
        json_error(&out, 4)["error"]["sub_code"],
        "aop.invalid-auth-token"
    );

    // Other methods get no token unless asked: the stored one with --user-token.
    let trace = |extra: &[&str]| {
        let out = emu
            .cli()
            .args(["-vv", "call", "alipay.trade.query"])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(4));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let plain = trace(&[]);
    assert!(!plain.contains("auth_token="), "{plain}");
    let with = trace(&["--user-token"]);
    assert!(with.contains("auth_token="), "{with}");
    assert!(
        !with.contains(&access),
        "the token is masked in traces: {with}"
    );

    // Tokens in an answer are masked in the human summary, whole in JSON.
    let code = emu.auth_code("auth_base");
    let out = emu
        .cli()
        .args([
            "call",
            "alipay.system.oauth.token",
            "grant_type=authorization_code",
        ])
        .arg(format!("code={code}"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("access_token"))
        .unwrap();
    assert!(
        line.contains('…') && line.contains(" chars)"),
        "masked: {line}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("--show-secrets"));

    // Alipay drops the stored token early: one refresh, one retry, success.
    emu.fault("error:aop.invalid-auth-token", 1);
    let out = emu
        .cli()
        .args(["call", "alipay.user.info.share"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("沙箱用户"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refreshing"));
}

#[test]
fn parameters_are_each_given_once_and_never_the_generated_ones() {
    let emu = EmulatorProc::start(&[]);
    let biz = dir_file(r#"{"a":1,"b":{"c":2,"c":3}}"#);
    for (args, needle) in [
        (
            vec!["alipay.trade.query", "a=1", "a=2"],
            "\"a\" is given more than once",
        ),
        (
            vec![
                "alipay.trade.query",
                "biz_content={}",
                "--biz-content",
                "{}",
            ],
            "\"biz_content\" is given more than once",
        ),
        (
            vec!["alipay.trade.query", "--biz-content", r#"{"k":1,"k":2}"#],
            "\"k\" appears twice",
        ),
        (
            vec!["alipay.trade.query", "biz_content={\"k\":1,\"k\":2}"],
            "\"k\" appears twice",
        ),
        (
            vec![
                "alipay.trade.query",
                "--biz-content",
                &format!("@{}", s(biz.1.as_path())),
            ],
            "\"c\" appears twice",
        ),
        (
            vec!["alipay.trade.query", "--biz-content", "[1]"],
            "not a JSON object",
        ),
        (
            vec!["alipay.trade.query", "--biz-content", "{\"a\":"],
            "refused",
        ),
        (vec!["alipay.trade.query", "noequals"], "not a parameter"),
        (
            vec!["alipay.trade.query", "auth_token=x"],
            "--auth-token-stdin",
        ),
        (vec!["alipay.trade.query", "app_id=2021"], "--app-id"),
        (
            vec!["alipay.trade.query", "sign=abc"],
            "set by alipay-oauth",
        ),
        (vec!["POST /v3/x"], "not a gateway method name"),
        (
            vec!["--dialect", "v3", "POST", "alipay.user.info.share"],
            "takes an HTTP method and a path",
        ),
        // The header dialect (tests/families.rs calls it): a body is one
        // JSON object, an API is a path, v2's parameters are refused.
        (
            vec!["--family", "antom", "/ams/api/v1/authorizations/consult"],
            "not a JSON object",
        ),
        (
            vec!["--family", "alipayplus", "aps/api/v1/x", "--curl"],
            "not an API path",
        ),
        (
            vec!["--family", "antom", "/ams/api/v1/x", "a=b"],
            "--body-file",
        ),
        (
            vec!["--family", "antom", "/ams/api/v1/x", "--user-token"],
            "accessToken in the body",
        ),
    ] {
        let out = emu.cli().arg("call").args(&args).output().unwrap();
        common::assert_clean_failure(&out, 2, needle);
    }
    // --env global: the Global gateway, like exchange (shown, not sent).
    let (app_key, _, _, alipay_pub) = common::test_keys();
    let out = common::cli()
        .args(["--env", "global", "--app-id", common::APP_ID])
        .args([
            "--private-key-file",
            &s(app_key),
            "--alipay-public-key-file",
            &s(alipay_pub),
        ])
        .args(["-q", "call", "alipay.trade.query", "--curl"])
        .output()
        .unwrap();
    let command = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        command.contains("'https://globalopenapi.alipay.com/gateway.do?app_id="),
        "{command}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("live signature"));

    // Nothing was sent for any of them.
    assert_eq!(emu.health()["gateway_calls"].as_u64().unwrap_or(0), 0);
}

/// A file holding `text`, in a directory kept alive with it.
fn dir_file(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = common::tempdir();
    let path = dir.path().join("biz.json");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// Runs a printed command with `sh`, as a person pasting it would.
fn run_printed(command: &str) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(command)
        .output()
        .expect("sh runs")
}

#[test]
fn curl_prints_a_command_that_sends_the_same_signed_request() {
    if !common::have("curl") {
        common::skip("curl");
        return;
    }
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let tokens = log_in(&emu);
    let access = tokens["access_token"].as_str().unwrap().to_string();
    let verify = |body: &[u8], method: &str| {
        emu.cli()
            .args(["-o", "json", "verify", "response", "--method", method])
            .write_stdin(body.to_vec())
            .output()
            .unwrap()
    };

    // A user API with the stored token in the query: curl gets the user,
    // and the answer verifies.
    let out = emu
        .cli()
        .args(["call", "alipay.user.info.share", "--curl"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let command = String::from_utf8(out.stdout.clone()).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("live signature and an access token"),
        "{stderr}"
    );
    assert!(command.starts_with("curl "), "{command}");
    assert!(command.contains(&access), "the command carries the token");
    let before = emu.health()["gateway_calls"].as_u64().unwrap_or(0);
    let answer = run_printed(&command);
    assert!(
        answer.status.success(),
        "{}",
        String::from_utf8_lossy(&answer.stderr)
    );
    let verdict = ok_json(&verify(&answer.stdout, "alipay.user.info.share"));
    assert_eq!(verdict["valid"], true, "{verdict}");
    let body: Value = serde_json::from_slice(&answer.stdout).unwrap();
    assert_eq!(
        body["alipay_user_info_share_response"]["nick_name"],
        "沙箱用户"
    );
    assert_eq!(
        emu.health()["gateway_calls"].as_u64().unwrap_or(0),
        before + 1,
        "only curl reached the gateway"
    );

    // GBK, a body with shell metacharacters and a quote: the gateway
    // verifies our signature (isv.invalid-method, not isv.invalid-signature)
    // and signs its refusal.
    let biz = r#"{"memo":"it's $HOME `x` \"q\" & 订单;|*"}"#;
    let out = emu
        .cli()
        .args([
            "--charset",
            "gbk",
            "-o",
            "json",
            "call",
            "alipay.trade.query",
            "--curl",
        ])
        .args(["--biz-content", biz])
        .output()
        .unwrap();
    let doc = ok_json(&out);
    assert!(doc["url"].as_str().unwrap().contains("charset=gbk"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("live signature"));
    let answer = run_printed(doc["command"].as_str().unwrap());
    assert!(answer.status.success());
    let text = encoding_rs::GBK.decode(&answer.stdout).0.into_owned();
    assert!(text.contains("isv.invalid-method"), "{text}");
    let out = emu
        .cli()
        .args(["--charset", "gbk", "-o", "json", "verify", "response"])
        .args(["--method", "alipay.trade.query"])
        .write_stdin(answer.stdout.clone())
        .output()
        .unwrap();
    assert_eq!(ok_json(&out)["valid"], true);
}

/// The parameters of a printed request (query and body, decoded in its
/// charset), without `sign`, and the signature.
fn request_params(
    doc: &Value,
    charset: alipay_oauth::sign::Charset,
) -> (serde_json::Map<String, Value>, String) {
    let url = url::Url::parse(doc["url"].as_str().unwrap()).unwrap();
    let mut pairs =
        alipay_oauth::sign::form::decode(url.query().unwrap().as_bytes(), charset).unwrap();
    pairs.extend(
        alipay_oauth::sign::form::decode(doc["body"].as_str().unwrap().as_bytes(), charset)
            .unwrap(),
    );
    let mut params = serde_json::Map::new();
    let mut sign = String::new();
    for (k, v) in pairs {
        if k == "sign" {
            sign = v;
        } else {
            assert!(
                params.insert(k.clone(), Value::String(v)).is_none(),
                "{k} sent twice"
            );
        }
    }
    (params, sign)
}

#[test]
fn call_signs_what_the_official_python_sdk_signs() {
    let Some(python) = common::python_sdk() else {
        return;
    };
    let emu = EmulatorProc::start(&[]);
    let pkcs1 = emu
        .cli()
        .args(["keys", "convert", "--to", "pkcs1", "--encoding", "bare"])
        .arg(&emu.app_key)
        .output()
        .unwrap();
    assert!(pkcs1.status.success());
    let key = String::from_utf8(pkcs1.stdout).unwrap().trim().to_string();
    let cases: [(&str, &str, &[&str], &str); 4] = [
        (
            "utf-8",
            "RSA2",
            &["notify_url=https://shop.example.com/n?a=1&b=2"],
            r#"{"out_trade_no":"2024 01+02","subject":"咖啡 & 茶=1"}"#,
        ),
        (
            "gbk",
            "RSA2",
            &["app_auth_token=201208134b203fe6c11548bcabd8da5bb087a83b"],
            r#"{"memo":"订单 \"q\" it's"}"#,
        ),
        ("utf-8", "RSA", &["extra=  spaced  "], "{}"),
        ("gbk", "RSA", &[], r#"{"a":[1,2,{"b":"乙"}]}"#),
    ];
    let mut ops = Vec::new();
    let mut ours = Vec::new();
    for (charset, sign_type, params, biz) in cases {
        let out = emu
            .cli()
            .args(["--charset", charset, "--sign-type", sign_type, "-o", "json"])
            .args([
                "call",
                "alipay.trade.create",
                "--curl",
                "--biz-content",
                biz,
            ])
            .args(params)
            .output()
            .unwrap();
        let doc = ok_json(&out);
        let (params, sign) = request_params(&doc, charset.parse().unwrap());
        assert_eq!(params["biz_content"], *biz, "biz_content is sent as given");
        ops.push(
            serde_json::json!({"op": "sign", "key": key, "params": params,
                                    "sign_type": sign_type, "charset": charset}),
        );
        ours.push(sign);
    }
    let sdk = common::run_sdk(&python, &Value::Array(ops));
    for (i, (theirs, ours)) in sdk.iter().zip(&ours).enumerate() {
        assert_eq!(theirs["sign"].as_str().unwrap(), ours, "case {i}");
    }
}
