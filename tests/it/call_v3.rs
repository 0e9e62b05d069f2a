//! OpenAPI v3 end to end: `exchange`, `userinfo` and `call --dialect v3`
//! (with `--curl`), the real binary against the real emulator over
//! loopback, answers verified or refused (exit 4 for Alipay's errors, 6 for
//! answers that do not verify, 3 for the network).

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

fn exchange_v3(emu: &EmulatorProc, code: &str) -> std::process::Output {
    emu.cli()
        .args(["-o", "json", "exchange", "--dialect", "v3", "--code", "-"])
        .write_stdin(code.to_string())
        .output()
        .unwrap()
}

/// The keys of a JSON object, sorted.
fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

#[test]
fn a_v3_login_gives_the_json_of_a_v2_login_and_keeps_the_state_rules() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let v2 = ok_json(
        &emu.cli()
            .args(["-o", "json", "exchange", "--no-store", "--code", "-"])
            .write_stdin(emu.auth_code("auth_user"))
            .output()
            .unwrap(),
    );
    let code = emu.auth_code("auth_user");
    let v3 = ok_json(&exchange_v3(&emu, &code));
    assert_eq!(keys(&v3), keys(&v2), "{v3}\n{v2}");
    assert_eq!(v3["open_id"], v2["open_id"]);
    assert!(v3["access_token"].as_str().unwrap().starts_with("authusr"));
    let log = emu.log();
    assert!(
        log.contains(&format!(
            "POST /v3/alipay/system/oauth/token app {} -> 200",
            common::APP_ID
        )),
        "{log}"
    );

    // A code works once, through either API.
    let e = json_error(&exchange_v3(&emu, &code), 4);
    assert_eq!(e["error"]["code"], "code-invalid", "{e}");
    assert_eq!(e["error"]["signed"], true, "{e}");
    assert!(
        e["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("authorize again"),
        "{e}"
    );

    // The user, as `userinfo` shows it through v2.
    let user_v3 = ok_json(
        &emu.cli()
            .args(["-o", "json", "userinfo", "--dialect", "v3"])
            .output()
            .unwrap(),
    );
    let user_v2 = ok_json(&emu.cli().args(["-o", "json", "userinfo"]).output().unwrap());
    assert_eq!(keys(&user_v3), keys(&user_v2));
    for k in ["subject", "nickname", "gender", "city", "is_certified"] {
        assert_eq!(user_v3[k], user_v2[k], "{k}");
    }
    assert!(user_v3["raw"].get("code").is_none(), "{user_v3}");
    assert!(
        emu.log().contains(&format!(
            "GET /v3/alipay/user/info/share app {} -> 200",
            common::APP_ID
        )),
        "{}",
        emu.log()
    );

    // The stored login refreshes through v3 too.
    let refreshed = ok_json(
        &emu.cli()
            .args(["-o", "json", "exchange", "--dialect", "v3", "--refresh"])
            .output()
            .unwrap(),
    );
    // Refresh tokens rotate: the old one is refused once it was used.
    let refresh = refreshed["refresh_token"].as_str().unwrap().to_string();
    let refresh_with = |token: &str| {
        emu.cli()
            .args(["-o", "json", "exchange", "--dialect", "v3"])
            .args(["--refresh-token-stdin", "--no-store"])
            .write_stdin(token.to_string())
            .output()
            .unwrap()
    };
    let rotated = ok_json(&refresh_with(&refresh));
    assert_ne!(rotated["refresh_token"].as_str().unwrap(), refresh);
    let e = json_error(&refresh_with(&refresh), 4);
    assert_eq!(e["error"]["code"], "refresh-token-invalid", "{e}");
    assert!(e["error"]["hint"].as_str().unwrap().contains("rotate"));
}

#[test]
fn authorize_logs_in_through_v3() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let browser = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/helpers/browser.py");
    let out = emu
        .cli()
        .args(["-o", "json", "authorize", "--dialect", "v3"])
        .env("BROWSER", format!("python3 {}", s(&browser)))
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let doc = ok_json(&out);
    assert_eq!(doc["user"]["nickname"], "沙箱用户", "{doc}");
    let log = emu.log();
    for line in [
        "POST /v3/alipay/system/oauth/token app",
        "GET /v3/alipay/user/info/share app",
    ] {
        assert!(log.contains(line), "{line}: {log}");
    }
    assert!(!log.contains("POST /gateway.do"), "{log}");
    let out = emu
        .cli()
        .args(["authorize", "--dialect", "v3", "--no-exchange"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "--no-exchange makes no call to choose an API for"
    );
}

#[test]
fn call_v3_signs_any_path_query_and_body_and_verifies_the_answer() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    ok_json(&exchange_v3(&emu, &emu.auth_code("auth_user")));

    // A user API gets the stored login's token; a query is signed as sent.
    let out = emu
        .cli()
        .args(["-o", "json", "call", "--dialect", "v3", "get"])
        .args(["/v3/alipay/user/info/share", "--query", "scene=a b&c"])
        .output()
        .unwrap();
    let node = ok_json(&out);
    assert_eq!(node["nick_name"], "沙箱用户");
    assert!(node.get("code").is_none());

    // Human output: a summary line saying it verified.
    let out = emu
        .cli()
        .args([
            "call",
            "--dialect",
            "v3",
            "GET",
            "/v3/alipay/user/info/share",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("GET /v3/alipay/user/info/share: success (signature verified)"),
        "{text}"
    );

    // A path the emulator does not serve: a signed v3 error, exit 4.
    let out = emu
        .cli()
        .args(["-o", "json", "call", "--dialect", "v3", "POST"])
        .args(["/v3/alipay/trade/query", "--body-file", "-"])
        .write_stdin(r#"{"out_trade_no":"订单-1","memo":"a\/b"}"#)
        .output()
        .unwrap();
    let e = json_error(&out, 4);
    assert_eq!(e["error"]["code"], "invalid-method", "{e}");
    assert_eq!(e["error"]["signed"], true);
    assert!(e["error"]["hint"].as_str().unwrap().contains("method"));

    // Without a token, the user API says which one it lacks.
    let out = emu
        .cli()
        .args(["-o", "json", "call", "--dialect", "v3", "GET"])
        .args(["/v3/alipay/user/info/share", "--no-auth-token"])
        .output()
        .unwrap();
    let e = json_error(&out, 4);
    assert_eq!(e["error"]["code"], "missing-auth-token", "{e}");
    assert!(e["error"]["hint"].as_str().unwrap().contains("log in"));

    // Usage errors, before anything is sent.
    let before = emu.health()["gateway_calls"].as_u64().unwrap();
    for (args, needle) in [
        (vec!["POST"], "takes an HTTP method and a path"),
        (
            vec!["POST", "alipay.trade.query"],
            "an HTTP method and a path",
        ),
        (
            vec!["FETCH", "/v3/alipay/trade/query"],
            "is not one of GET, POST",
        ),
        (
            vec!["POST", "/v3/alipay/trade/query", "--biz-content", "{}"],
            "--biz-content belongs to the v2 gateway",
        ),
        (
            vec!["POST", "/v3/alipay/trade/query", "--query", "novalue"],
            "not NAME=VALUE",
        ),
    ] {
        let out = emu
            .cli()
            .args(["call", "--dialect", "v3"])
            .args(&args)
            .output()
            .unwrap();
        common::assert_clean_failure(&out, 2, needle);
    }
    let dir = common::tempdir();
    let not_json = dir.path().join("body.txt");
    std::fs::write(&not_json, "grant_type=authorization_code").unwrap();
    let out = emu
        .cli()
        .args(["call", "--dialect", "v3", "POST", "/v3/alipay/trade/query"])
        .args(["--body-file", &s(&not_json)])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "not JSON");
    let out = emu
        .cli()
        .args(["call", "alipay.trade.query", "--query", "a=1"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "belong to OpenAPI v3");
    // OpenAPI v3 is the alipay family's: refused for Antom and Alipay+.
    for args in [
        vec!["userinfo", "--dialect", "v3"],
        vec!["exchange", "--dialect", "v3", "--refresh"],
        vec![
            "call",
            "--dialect",
            "v3",
            "GET",
            "/v3/alipay/user/info/share",
        ],
    ] {
        let out = emu
            .cli()
            .args(["--family", "antom"])
            .args(&args)
            .output()
            .unwrap();
        common::assert_clean_failure(&out, 2, "OpenAPI v3 of the alipay family");
    }
    assert_eq!(emu.health()["gateway_calls"].as_u64().unwrap(), before);

    // Signed with a key that is not the app's: the emulator refuses the
    // signature, and the hint points at the keys.
    let not_the_app_key = dir.path().join("other.pem");
    emu.cli()
        .args(["keys", "generate", "--out", &s(&not_the_app_key)])
        .assert()
        .success();
    let out = emu
        .cli()
        .args(["--private-key-file", &s(&not_the_app_key)])
        .args(["-o", "json", "call", "--dialect", "v3", "GET"])
        .args(["/v3/alipay/user/info/share"])
        .output()
        .unwrap();
    let e = json_error(&out, 4);
    assert_eq!(e["error"]["code"], "invalid-signature", "{e}");
    assert!(e["error"]["hint"].as_str().unwrap().contains("key"), "{e}");
    // The emulator's echoed string to sign, compared with ours: the same
    // bytes, so the key is the problem (the token masked in both).
    let diff = &e["error"]["sign_content_diff"];
    assert_eq!(diff["ours"], diff["theirs"], "{e}");
    assert!(
        diff["differences"][0]
            .as_str()
            .unwrap()
            .contains("identical"),
        "{e}"
    );
    let out = emu
        .cli()
        .args(["--private-key-file", &s(&not_the_app_key)])
        .args([
            "call",
            "--dialect",
            "v3",
            "GET",
            "/v3/alipay/user/info/share",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("our string to sign:"), "{stderr}");
    assert!(stderr.contains("the key is the problem"), "{stderr}");
    let access =
        ok_json(&emu.cli().args(["-o", "json", "token"]).output().unwrap())["access_token"]
            .as_str()
            .unwrap()
            .to_string();
    common::assert_no_secrets(&out, &[&access]);
}

#[test]
fn v3_answers_that_do_not_verify_are_refused_and_faults_apply() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    ok_json(&exchange_v3(&emu, &emu.auth_code("auth_user")));
    let userinfo = |extra: &[&str]| {
        emu.cli()
            .args(extra)
            .args(["userinfo", "--dialect", "v3"])
            .output()
            .unwrap()
    };
    for (fault, needle) in [
        ("tamper", "signature is invalid"),
        ("wrong-key", "signature is invalid"),
        ("unsigned", "carries no signature"),
    ] {
        emu.fault(fault, 1);
        let out = userinfo(&[]);
        common::assert_clean_failure(&out, 6, needle);
        assert!(
            !String::from_utf8_lossy(&out.stdout).contains("沙箱用户"),
            "{fault}: nothing of the answer is used"
        );
    }
    // `call` refuses the same way, printing nothing of the answer.
    emu.fault("tamper", 1);
    let out = emu
        .cli()
        .args([
            "call",
            "--dialect",
            "v3",
            "GET",
            "/v3/alipay/user/info/share",
        ])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 6, "signature is invalid");
    assert!(out.stdout.is_empty());
    // An injected Alipay error: exit 4, signed, with its hint.
    emu.fault("error:isv.insufficient-isv-permissions", 1);
    let out = emu
        .cli()
        .args(["-o", "json", "userinfo", "--dialect", "v3"])
        .output()
        .unwrap();
    let e = json_error(&out, 4);
    assert_eq!(e["error"]["code"], "insufficient-isv-permissions", "{e}");
    assert!(e["error"]["hint"].as_str().unwrap().contains("capability"));

    // An HTTP error page, a slow answer and a cut one: the network's, exit 3.
    emu.fault("http:502", 1);
    common::assert_clean_failure(&userinfo(&[]), 3, "HTTP 502");
    emu.fault("delay:6000", 1);
    common::assert_clean_failure(&userinfo(&["--request-timeout", "1"]), 3, "within 1 s");
    emu.fault("truncate", 1);
    let out = userinfo(&[]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        matches!(out.status.code(), Some(3 | 6)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // An Alipay error on a refused stored token: refreshed once, asked again.
    emu.fault("error:aop.invalid-auth-token", 1);
    let out = userinfo(&[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("refreshing it"));
}

#[test]
fn certificate_mode_v3_sends_the_sns_and_checks_alipay_sn() {
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
        .args(["-o", "json", "exchange", "--dialect", "v3", "--code", "-"])
        .write_stdin(emu.auth_code("auth_user"))
        .output()
        .unwrap();
    ok_json(&out);

    // Without the certificates the emulator refuses the request itself.
    let out = emu
        .cli()
        .args(["-o", "json", "userinfo", "--dialect", "v3"])
        .output()
        .unwrap();
    assert_eq!(json_error(&out, 4)["error"]["code"], "missing-app-cert-sn");

    // An answer naming another Alipay certificate does not verify.
    emu.fault("wrong-cert-sn", 1);
    let out = emu
        .cli()
        .args(&cert_args)
        .args(["userinfo", "--dialect", "v3"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 6, "certificate");
    let out = emu
        .cli()
        .args(&cert_args)
        .args(["-o", "json", "userinfo", "--dialect", "v3"])
        .output()
        .unwrap();
    assert_eq!(ok_json(&out)["nickname"], "沙箱用户");
}

/// Runs a printed command with `sh`, as a person pasting it would, with
/// extra curl arguments after it.
fn run_printed(command: &str, extra: &str) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{} {extra}", command.trim_end()))
        .output()
        .expect("sh runs")
}

/// A header of a `curl -D` dump.
fn dumped(headers: &str, name: &str) -> String {
    headers
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
        .unwrap_or_else(|| panic!("no {name} in {headers}"))
}

#[test]
fn curl_v3_prints_a_command_that_sends_the_same_signed_request() {
    if !common::have("curl") {
        common::skip("curl");
        return;
    }
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let tokens = ok_json(&exchange_v3(&emu, &emu.auth_code("auth_user")));
    let access = tokens["access_token"].as_str().unwrap();
    let dir = common::tempdir();

    let out = emu
        .cli()
        .args([
            "call",
            "--dialect",
            "v3",
            "GET",
            "/v3/alipay/user/info/share",
        ])
        .args(["--query", "x=it's $HOME"])
        .arg("--curl")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("live signature and an access token"),
        "{stderr}"
    );
    let command = String::from_utf8(out.stdout).unwrap();
    assert!(
        command.contains("ALIPAY-SHA256withRSA app_id="),
        "{command}"
    );
    assert!(command.contains(access), "{command}");
    let before = emu.health()["gateway_calls"].as_u64().unwrap();
    let head = dir.path().join("head.txt");
    let answer = run_printed(&command, &format!("-D {}", s(&head)));
    assert!(
        answer.status.success(),
        "{command}: {}",
        String::from_utf8_lossy(&answer.stderr)
    );
    let body: Value = serde_json::from_slice(&answer.stdout).unwrap();
    assert_eq!(body["nick_name"], "沙箱用户", "{body}");
    assert_eq!(
        emu.health()["gateway_calls"].as_u64().unwrap(),
        before + 1,
        "only curl reached the emulator"
    );
    // What curl received verifies with `verify v3`.
    let headers = std::fs::read_to_string(&head).unwrap();
    let body_file = dir.path().join("body.json");
    std::fs::write(&body_file, &answer.stdout).unwrap();
    let out = emu
        .cli()
        .args(["-o", "json", "verify", "v3"])
        .args(["--timestamp", &dumped(&headers, "alipay-timestamp")])
        .args(["--nonce", &dumped(&headers, "alipay-nonce")])
        .args(["--signature", &dumped(&headers, "alipay-signature")])
        .args(["--body-file", &s(&body_file)])
        .output()
        .unwrap();
    assert_eq!(ok_json(&out)["valid"], true);

    // A body with shell metacharacters to a path the emulator lacks: the
    // request's signature holds (invalid-method, not invalid-signature).
    let out = emu
        .cli()
        .args(["-o", "json", "call", "--dialect", "v3", "POST"])
        .args(["/v3/alipay/trade/query", "--body-file", "-", "--curl"])
        .write_stdin(r#"{"memo":"it's $HOME `x` \"q\" & 订单;|*"}"#)
        .output()
        .unwrap();
    let doc = ok_json(&out);
    assert_eq!(doc["method"], "POST");
    let answer = run_printed(doc["command"].as_str().unwrap(), "");
    let body: Value = serde_json::from_slice(&answer.stdout).unwrap();
    assert_eq!(body["code"], "invalid-method", "{body}");
}

#[test]
fn traces_of_v3_calls_mask_tokens_codes_and_signatures() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let code = emu.auth_code("auth_user");
    let out = emu
        .cli()
        .args(["-vv", "exchange", "--dialect", "v3", "--code", "-"])
        .write_stdin(code.clone())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("> authorization: ALIPAY-SHA256withRSA app_id="),
        "{stderr}"
    );
    assert!(stderr.contains("< alipay-signature"), "{stderr}");
    let stored = emu.cli().args(["-o", "json", "token"]).output().unwrap();
    let access = ok_json(&stored)["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    common::assert_no_secrets(&out, &[&code, &access]);
    for args in [
        vec!["-vv", "userinfo", "--dialect", "v3"],
        vec![
            "-vv",
            "call",
            "--dialect",
            "v3",
            "GET",
            "/v3/alipay/user/info/share",
        ],
        vec!["-vv", "exchange", "--dialect", "v3", "--refresh"],
    ] {
        let out = emu.cli().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        // The signature of the request is masked in the Authorization trace.
        let shown = stderr
            .lines()
            .find(|l| l.contains("> authorization:"))
            .unwrap_or_else(|| panic!("{args:?}: {stderr}"));
        assert!(shown.contains("sign="), "{shown}");
        common::assert_no_secrets(&out, &[&access]);
    }
}

/// Signs a v3 request with `sign --dialect v3` and sends it with reqwest:
/// the emulator's own checks, without our client.
fn send_signed(
    emu: &EmulatorProc,
    method: &str,
    path: &str,
    body: &str,
    extra: &[&str],
    tamper: impl Fn(&str) -> String,
) -> (u16, Value) {
    let dir = common::tempdir();
    let file = dir.path().join("body.json");
    std::fs::write(&file, body).unwrap();
    let doc = ok_json(
        &emu.cli()
            .args([
                "-o",
                "json",
                "sign",
                "--dialect",
                "v3",
                "--http-method",
                method,
            ])
            .args(["--path", path, "--body-file", &s(&file)])
            .args(extra)
            .output()
            .unwrap(),
    );
    let response = common::http_client()
        .request(method.parse().unwrap(), format!("{}{path}", emu.base))
        .header("authorization", doc["authorization"].as_str().unwrap())
        .header("content-type", "application/json")
        .body(tamper(body))
        .send()
        .unwrap();
    let status = response.status().as_u16();
    for h in ["alipay-timestamp", "alipay-nonce", "alipay-signature"] {
        assert!(response.headers().contains_key(h), "{status}: no {h}");
    }
    (
        status,
        serde_json::from_slice(&response.bytes().unwrap()).unwrap(),
    )
}

#[test]
fn the_emulator_checks_each_v3_request_and_signs_every_refusal() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let same = |b: &str| b.to_string();
    // Bodies of every shape verify: unicode, escapes, layout, empty.
    for body in [
        r#"{"memo":"订单 😀 é","u":"\u8ba2\/x"}"#,
        "{\n  \"a\": [1, 2.5, null, true],\n  \"b\": {\"c\": \"&=+%2B\"}\n}\n",
        r#"{}"#,
        "",
    ] {
        let (status, v) = send_signed(&emu, "POST", "/v3/alipay/trade/query", body, &[], same);
        assert_eq!(
            (status, v["code"].as_str()),
            (404, Some("invalid-method")),
            "{body:?}: {v}"
        );
    }
    // A body changed after signing, an old timestamp, another app.
    let (status, v) = send_signed(
        &emu,
        "POST",
        "/v3/alipay/trade/query",
        r#"{"a":1}"#,
        &[],
        |_| r#"{"a":2}"#.into(),
    );
    assert_eq!(
        (status, v["code"].as_str()),
        (401, Some("invalid-signature")),
        "{v}"
    );
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("POST\\n/v3/alipay/trade/query"),
        "{v}"
    );
    let (status, v) = send_signed(
        &emu,
        "POST",
        "/v3/alipay/trade/query",
        "{}",
        &["--timestamp", "1704135845000"],
        same,
    );
    assert_eq!(
        (status, v["code"].as_str()),
        (401, Some("invalid-timestamp")),
        "{v}"
    );
    let (status, v) = send_signed(
        &emu,
        "POST",
        "/v3/alipay/trade/query",
        "{}",
        &["--app-id", "2021009999999999"],
        same,
    );
    assert_eq!(
        (status, v["code"].as_str()),
        (401, Some("invalid-app-id")),
        "{v}"
    );
    // The token API's own checks: a body that is not an object.
    let (status, v) = send_signed(
        &emu,
        "POST",
        "/v3/alipay/system/oauth/token",
        "[1]",
        &[],
        same,
    );
    assert_eq!(
        (status, v["code"].as_str()),
        (400, Some("invalid-parameter")),
        "{v}"
    );
    let (status, v) = send_signed(
        &emu,
        "DELETE",
        "/v3/alipay/system/oauth/token",
        "",
        &[],
        same,
    );
    assert_eq!(
        (status, v["code"].as_str()),
        (405, Some("invalid-method")),
        "{v}"
    );
}
