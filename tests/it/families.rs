//! Antom and Alipay+ (`--family`), the real binary against the real
//! emulator over loopback: a login in each family through the scripted
//! browser, refresh, userinfo, `call`, `logout --revoke`, F and U results,
//! answers that do not verify, `doctor --live` and `demo`.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::EmulatorProc;
use serde_json::Value;

fn browser() -> String {
    format!(
        "python3 {}",
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/helpers/browser.py")
            .display()
    )
}

/// The CLI aimed at the emulator in a family.
fn cli(emu: &EmulatorProc, family: &str) -> assert_cmd::Command {
    let mut c = emu.cli();
    c.args(["--family", family]);
    if family == "alipayplus" {
        c.args(["--auth-client-id", "ACQ_TEST"]);
    }
    c
}

/// Logs in through the scripted browser (user 1 agrees) and returns the
/// JSON report.
fn login(emu: &EmulatorProc, family: &str) -> Value {
    let out = cli(emu, family)
        .args(["-o", "json", "authorize"])
        .env("BROWSER", browser())
        .env("FAKE_BROWSER_USER", "1")
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    common::ok_json(&out)
}

fn stdin_token(doc: &Value) -> String {
    doc["access_token"].as_str().unwrap().to_string()
}

#[test]
fn antom_login_refresh_userinfo_call_and_revoke() {
    let emu = EmulatorProc::start(&[]);
    let doc = login(&emu, "antom");
    assert_eq!(doc["family"], "antom");
    let subject = doc["subject"].as_str().unwrap().to_string();
    assert_eq!(doc["user_id"], subject.as_str());
    // The alipay family's fields, and the rest of the answer under raw.
    assert!(doc["expires_at"].as_str().unwrap().ends_with('Z'));
    assert!(doc["refresh_expires_at"].is_string());
    assert_eq!(doc["raw"]["accessToken"], doc["access_token"]);
    assert!(doc["raw"]["accessTokenExpiryTime"].is_string());
    assert_eq!(doc["user"]["nickname"], "Test Buyer");
    let first = stdin_token(&doc);

    // Stored under the family.
    let out = cli(&emu, "antom")
        .args(["-o", "json", "status"])
        .output()
        .unwrap();
    let status = common::ok_json(&out);
    assert_eq!(status[0]["family"], "antom");
    // The family is its own field, not part of the environment.
    assert!(
        status[0]["environment"]
            .as_str()
            .unwrap()
            .starts_with("production-127.0.0.1-"),
        "{status}"
    );
    assert_eq!(status[0]["subject"], subject.as_str());
    // ... and not seen by the alipay family on the same emulator.
    let out = emu.cli().args(["token"]).output().unwrap();
    assert_eq!(out.status.code(), Some(5));

    // Refresh (customerBelongsTo sent too): the tokens rotate.
    let out = cli(&emu, "antom")
        .args(["-o", "json", "exchange", "--refresh"])
        .output()
        .unwrap();
    let refreshed = common::ok_json(&out);
    assert_ne!(refreshed["access_token"], doc["access_token"]);
    assert_ne!(refreshed["refresh_token"], doc["refresh_token"]);
    assert_eq!(refreshed["family"], "antom");
    // Traces (-vv: the string to sign, the HTTP exchange) never show a
    // code or token.
    let out = cli(&emu, "antom")
        .args(["-vv", "userinfo", "--access-token-stdin"])
        .write_stdin(refreshed["access_token"].as_str().unwrap())
        .output()
        .unwrap();
    let trace = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{trace}");
    assert!(
        trace.contains("string to sign: POST /ams/api/v1/users/inquiryUserInfo"),
        "{trace}"
    );
    assert!(trace.contains("< body: "), "{trace}");
    assert!(
        !trace.contains(refreshed["access_token"].as_str().unwrap()),
        "{trace}"
    );
    // The spent refresh token is refused by Antom: F, exit 4.
    let out = cli(&emu, "antom")
        .args(["exchange", "--refresh-token-stdin", "--no-store"])
        .write_stdin(doc["refresh_token"].as_str().unwrap())
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 4, "INVALID_REFRESH_TOKEN");

    // The stored (refreshed) login answers userinfo.
    let out = cli(&emu, "antom")
        .args(["-o", "json", "userinfo"])
        .output()
        .unwrap();
    let user = common::ok_json(&out);
    assert_eq!(user["subject"], subject.as_str());
    assert_eq!(user["raw"]["userId"], subject.as_str());
    // --raw: the verified answer exactly as sent.
    let out = cli(&emu, "antom")
        .args(["userinfo", "--raw"])
        .output()
        .unwrap();
    let raw: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(raw["result"]["resultStatus"], "S");
    assert_eq!(raw["userInfo"]["userId"], subject.as_str());
    // `token` prints the stored access token alone.
    let out = cli(&emu, "antom")
        .args(["-o", "json", "token"])
        .output()
        .unwrap();
    let token = common::ok_json(&out);
    assert_eq!(token["family"], "antom");
    let current = token["access_token"].as_str().unwrap().to_string();
    assert_eq!(current, refreshed["access_token"].as_str().unwrap());

    // `call` any API by path: the body is sent as given, the answer verified.
    let body = emu.dir.path().join("query.json");
    std::fs::write(&body, format!("{{\"accessToken\": \"{current}\"}}")).unwrap();
    let out = cli(&emu, "antom")
        .args([
            "-o",
            "json",
            "call",
            "/ams/api/v1/authorizations/query",
            "--body-file",
        ])
        .arg(&body)
        .output()
        .unwrap();
    let answer = common::ok_json(&out);
    assert_eq!(answer["tokenStatusType"], "VALID");
    assert_eq!(answer["result"]["resultStatus"], "S");
    // `--curl` sends nothing and prints the signed headers.
    let out = cli(&emu, "antom")
        .args([
            "-o",
            "json",
            "call",
            "/ams/api/v1/authorizations/query",
            "--curl",
            "--body-file",
        ])
        .arg(&body)
        .output()
        .unwrap();
    let curl = common::ok_json(&out);
    assert!(
        curl["headers"]["Signature"]
            .as_str()
            .unwrap()
            .starts_with("algorithm=RSA256,keyVersion=1,signature=")
    );
    assert_eq!(curl["headers"]["Client-Id"], common::APP_ID);

    // logout --revoke: revoked at Antom, then forgotten.
    let out = cli(&emu, "antom")
        .args(["-o", "json", "logout", "--revoke"])
        .output()
        .unwrap();
    let gone = common::ok_json(&out);
    assert_eq!(gone["revoked"], subject.as_str());
    assert_eq!(gone["removed"], 1);
    for token in [&first, &current] {
        let out = cli(&emu, "antom")
            .args(["userinfo", "--access-token-stdin"])
            .write_stdin(token.as_str())
            .output()
            .unwrap();
        common::assert_clean_failure(&out, 4, "INVALID_ACCESS_TOKEN");
    }
}

#[test]
fn alipayplus_login_refresh_cancel_and_no_userinfo() {
    let emu = EmulatorProc::start(&[]);
    let doc = login(&emu, "alipayplus");
    assert_eq!(doc["family"], "alipayplus");
    // Alipay+ has no user API: the login ends with the token and customerId.
    assert!(doc.get("user").is_none());
    assert_eq!(doc["raw"]["customerId"], doc["subject"]);
    let out = cli(&emu, "alipayplus")
        .args(["-vv", "-o", "json", "exchange", "--refresh"])
        .output()
        .unwrap();
    let refreshed = common::ok_json(&out);
    assert_ne!(refreshed["refresh_token"], doc["refresh_token"]);
    // The trace shows the answer, the spent and the new tokens masked.
    let trace = String::from_utf8_lossy(&out.stderr);
    assert!(trace.contains("< body: "), "{trace}");
    for t in [
        &doc["refresh_token"],
        &refreshed["access_token"],
        &refreshed["refresh_token"],
    ] {
        assert!(!trace.contains(t.as_str().unwrap()), "{trace}");
    }

    let out = cli(&emu, "alipayplus").args(["userinfo"]).output().unwrap();
    common::assert_clean_failure(&out, 2, "Alipay+ has no user-information API");

    // A new code needs the authClientId; the stored login keeps its own, so
    // a refresh without the option (or with another) still sends the one
    // the tokens are bound to.
    let out = emu
        .cli()
        .args(["--family", "alipayplus", "exchange", "--code", "c"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "authClientId");
    let out = emu
        .cli()
        .args([
            "--family",
            "alipayplus",
            "-o",
            "json",
            "exchange",
            "--refresh",
        ])
        .output()
        .unwrap();
    let refreshed = common::ok_json(&out);
    let out = emu
        .cli()
        .args(["--family", "alipayplus", "--auth-client-id", "OTHER"])
        .args(["-o", "json", "exchange", "--refresh"])
        .output()
        .unwrap();
    let refreshed = {
        let again = common::ok_json(&out);
        assert_ne!(again["refresh_token"], refreshed["refresh_token"]);
        again
    };

    let out = cli(&emu, "alipayplus")
        .args(["-o", "json", "logout", "--revoke"])
        .output()
        .unwrap();
    assert_eq!(common::ok_json(&out)["removed"], 1);
    let token = refreshed["access_token"].as_str().unwrap();
    let body = emu.dir.path().join("cancel.json");
    std::fs::write(
        &body,
        format!("{{\"authClientId\":\"ACQ_TEST\",\"accessToken\":\"{token}\"}}"),
    )
    .unwrap();
    let out = cli(&emu, "alipayplus")
        .args([
            "call",
            "/aps/api/v1/authorizations/cancelToken",
            "--body-file",
        ])
        .arg(&body)
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 4, "INVALID_ACCESS_TOKEN");
}

#[test]
fn f_results_u_results_and_answers_that_do_not_verify() {
    let emu = EmulatorProc::start(&[]);
    let exchange_as = |format: &str, code: &str| {
        cli(&emu, "antom")
            .args(["-o", format, "exchange", "--no-store", "--code", "-"])
            .write_stdin(code)
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap()
    };
    let exchange = |code: &str| exchange_as("human", code);
    // F: a code that was never issued; the JSON error carries the result.
    let out = exchange_as("json", "no-such-code");
    assert_eq!(out.status.code(), Some(4));
    let doc: Value = serde_json::from_slice(&out.stderr).unwrap();
    let err = &doc["error"];
    assert_eq!(err["code"], "INVALID_CODE");
    assert_eq!(err["result_status"], "F");
    assert!(err["hint"].as_str().unwrap().contains("log in again"));

    // U, three times: the same request is sent three times, then exit 3,
    // never a success.
    emu.fault("error:UNKNOWN_EXCEPTION", 3);
    let before = emu.health();
    let started = Instant::now();
    let out = exchange("no-such-code");
    common::assert_clean_failure(&out, 3, "unknown");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("retry with the same request"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = emu.health();
    let calls = |h: &Value| h["gateway_calls"].as_u64().expect("gateway_calls");
    assert_eq!(calls(&after) - calls(&before), 3, "{after}");
    // Two pauses (0.5 s, then 1 s) between the attempts.
    assert!(started.elapsed() >= Duration::from_millis(1400));

    // U once: the retry of the same request gets the real (F) answer.
    emu.fault("error:UNKNOWN_EXCEPTION", 1);
    let out = exchange("no-such-code");
    common::assert_clean_failure(&out, 4, "INVALID_CODE");

    // An HTTP error page, a body cut short, an answer too late: the
    // network's doing, exit 3, and the code may be spent.
    for fault in ["http:502", "truncate", "delay:4000"] {
        emu.fault(fault, 1);
        let out = cli(&emu, "antom")
            .args([
                "--request-timeout",
                "2",
                "exchange",
                "--no-store",
                "--code",
                "-",
            ])
            .write_stdin("no-such-code")
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        common::assert_clean_failure(&out, 3, "127.0.0.1");
        if fault != "http:502" {
            assert!(
                String::from_utf8_lossy(&out.stderr).contains("auth code is spent"),
                "{fault}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }

    // A tampered, a foreign-signed or an unsigned success: refused, exit 6.
    for fault in ["tamper", "wrong-key", "unsigned"] {
        emu.fault(fault, 1);
        let out = cli(&emu, "antom")
            .args(["doctor", "--live"])
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(0), "{fault}");
        let text = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        // The dummy code's refusal is an F that may come unsigned (reported,
        // not trusted): doctor does not count it as proof.
        assert!(!text.contains("accepted the client id"), "{fault}: {text}");
    }
    let code = emu_code(&emu);
    emu.fault("tamper", 1);
    let out = exchange(&code);
    common::assert_clean_failure(&out, 6, "signature");
    let code = emu_code(&emu);
    emu.fault("wrong-key", 1);
    let out = exchange(&code);
    common::assert_clean_failure(&out, 6, "signature");
    let code = emu_code(&emu);
    emu.fault("unsigned", 1);
    let out = exchange(&code);
    common::assert_clean_failure(&out, 6, "no signature");
}

/// An Antom authCode for user 0, through consult and the wallet page.
fn emu_code(emu: &EmulatorProc) -> String {
    let callback = format!("http://127.0.0.1:{}/cb", common::closed_port());
    let body = emu.dir.path().join("consult.json");
    std::fs::write(
        &body,
        serde_json::json!({
            "customerBelongsTo": "ALIPAY_CN",
            "authRedirectUrl": callback,
            "scopes": ["BASE_USER_INFO"],
            "authState": "s1",
            "terminalType": "WEB",
        })
        .to_string(),
    )
    .unwrap();
    let out = cli(emu, "antom")
        .args([
            "-o",
            "json",
            "call",
            "/ams/api/v1/authorizations/consult",
            "--body-file",
        ])
        .arg(&body)
        .output()
        .unwrap();
    let answer = common::ok_json(&out);
    let location = emu.follow_authorization(answer["normalUrl"].as_str().unwrap(), 0);
    url::Url::parse(&location)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "authCode")
        .map(|(_, v)| v.into_owned())
        .expect("authCode in the redirect")
}

#[test]
fn sandbox_client_ids_sign_the_rewritten_path_and_doctor_proves_them() {
    let emu = EmulatorProc::start(&[]);
    for (family, extra) in [
        ("antom", vec![]),
        ("alipayplus", vec!["--auth-client-id", "ACQ_TEST"]),
    ] {
        let out = cli(&emu, family)
            .args(extra)
            .args(["doctor", "--live"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{text}");
        assert!(
            text.contains("accepted the client id and the signature"),
            "{text}"
        );
    }
    // A SANDBOX_ client id goes to /ams/sandbox/api, signed after the rewrite
    // (the emulator refuses a sandbox id on the production paths).
    let out = emu
        .cli()
        .args([
            "--family",
            "antom",
            "--app-id",
            &format!("SANDBOX_{}", common::APP_ID),
        ])
        .args(["-vv", "doctor", "--live"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("/ams/sandbox/api/v1/authorizations/applyToken"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The family's domain per region, shown by config.
    let out = common::cli()
        .args([
            "--family", "antom", "--region", "eu", "-o", "json", "config",
        ])
        .output()
        .unwrap();
    let cfg = common::ok_json(&out);
    assert_eq!(
        cfg["base_url"]["value"],
        "https://open-de-global.alipay.com"
    );
    // ... and from a profile of the config file.
    let config = emu.dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[profiles.wallet]\nfamily = \"antom\"\nregion = \"na\"\ncustomer_belongs_to = \"GCASH\"\n",
    )
    .unwrap();
    let out = common::cli()
        .arg("--config")
        .arg(&config)
        .args(["--profile", "wallet", "-o", "json", "config"])
        .output()
        .unwrap();
    let cfg = common::ok_json(&out);
    assert_eq!(cfg["family"]["value"], "antom", "{cfg}");
    assert_eq!(cfg["family"]["source"], "profile \"wallet\"", "{cfg}");
    assert_eq!(
        cfg["base_url"]["value"],
        "https://open-na-global.alipay.com"
    );
    assert_eq!(cfg["customer_belongs_to"]["value"], "GCASH");
    let out = common::cli()
        .args(["--family", "alipayplus", "--region", "eu", "doctor"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("no domain in region eu"));
}

#[test]
fn demo_plays_each_family_offline() {
    for family in ["antom", "alipayplus"] {
        let out = common::cli()
            .args(["--family", family, "-o", "json", "demo"])
            .timeout(Duration::from_secs(120))
            .output()
            .unwrap();
        let doc = common::ok_json(&out);
        let steps = doc["steps"].as_array().unwrap();
        assert_eq!(steps.len(), 7, "{doc}");
        assert!(
            steps[2]["details"]["get"]
                .as_str()
                .unwrap()
                .contains("authState=")
        );
        assert!(steps[6]["title"].as_str().unwrap().contains("revoked"));
        assert!(doc["user"]["subject"].as_str().unwrap().starts_with("2088"));
    }
}

#[test]
fn parallel_antom_token_calls_share_one_refresh() {
    // Tokens live 100 s; asking for 90 s refreshes once they are 10 s old,
    // and the new token then satisfies every process that runs within 10 s.
    let emu = EmulatorProc::start(&["--token-ttl", "100"]);
    let doc = login(&emu, "antom");
    std::thread::sleep(Duration::from_secs(11));
    let issued = |e: &EmulatorProc| e.health()["tokens_issued"].as_u64().expect("tokens_issued");
    let before = issued(&emu);
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let mut c = common::cli_std();
            c.args(emu.client_args())
                .args(["--family", "antom", "token", "--min-valid", "90"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outs: Vec<std::process::Output> = runs
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    for o in &outs {
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let first = String::from_utf8_lossy(&outs[0].stdout).to_string();
    assert_ne!(first.trim(), doc["access_token"].as_str().unwrap());
    assert!(
        outs.iter().all(|o| o.stdout == outs[0].stdout),
        "one token for all"
    );
    assert_eq!(issued(&emu), before + 1, "exactly one refresh");
}

#[test]
fn a_pasted_callback_with_another_auth_state_is_refused() {
    let emu = EmulatorProc::start(&[]);
    let out = cli(&emu, "antom")
        .args(["authorize", "--manual", "--no-browser"])
        .args(["--redirect-uri", "http://127.0.0.1:1/cb"])
        .write_stdin("http://127.0.0.1:1/cb?authCode=c1&authState=not-this-login\n")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 5, "different state");
    // The code was never spent: consult reached the emulator, applyToken not.
    let log = emu.log();
    assert!(log.contains("authorizations/consult"), "{log}");
    assert!(!log.contains("applyToken"), "{log}");
}

/// The bare base64 of a PEM file, as the global SDK takes keys.
fn bare(pem: &Path) -> String {
    std::fs::read_to_string(pem)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect()
}

#[test]
fn the_global_sdk_verifies_the_requests_the_client_signs() {
    let Some(python) = common::global_sdk() else {
        return;
    };
    let emu = EmulatorProc::start(&[]);
    let sandbox = format!("SANDBOX_{}", common::APP_ID);
    let cases = [
        (
            "antom",
            common::APP_ID,
            "/ams/api/v1/authorizations/consult",
            "{\"customerBelongsTo\":\"ALIPAY_CN\",\"scopes\":[\"USER_INFO\"],\"authState\":\"é ✓\"}",
        ),
        (
            "antom",
            sandbox.as_str(),
            "/ams/api/v1/authorizations/applyToken",
            "{ \"grantType\" : \"AUTHORIZATION_CODE\", \"authCode\": \"c\" }\n",
        ),
        (
            "alipayplus",
            common::APP_ID,
            "/aps/api/v1/authorizations/cancelToken",
            "{\"authClientId\":\"ACQ_TEST\",\"accessToken\":\"t\"}",
        ),
    ];
    let mut ops = Vec::new();
    let mut expected = Vec::new();
    for (i, (family, client_id, path, body)) in cases.iter().enumerate() {
        let file = emu.dir.path().join(format!("body-{i}.json"));
        std::fs::write(&file, body).unwrap();
        let out = cli(&emu, family)
            .args(["--app-id", client_id, "--key-version", "3"])
            .args(["-o", "json", "call", path, "--curl", "--body-file"])
            .arg(&file)
            .output()
            .unwrap();
        let curl = common::ok_json(&out);
        let url = url::Url::parse(curl["url"].as_str().unwrap()).unwrap();
        let signature = curl["headers"]["Signature"].as_str().unwrap();
        assert!(
            signature.starts_with("algorithm=RSA256,keyVersion=3,signature="),
            "{signature}"
        );
        let signature = signature.split("signature=").nth(1).unwrap();
        // The body is sent byte for byte as given.
        assert_eq!(curl["body"], *body);
        if client_id.starts_with("SANDBOX_") {
            assert_eq!(url.path(), "/ams/sandbox/api/v1/authorizations/applyToken");
        }
        let op = |body: &str| {
            serde_json::json!({
                "op": "verify", "method": "POST", "path": url.path(),
                "client_id": curl["headers"]["Client-Id"], "time": curl["headers"]["Request-Time"],
                "body": body, "signature": signature, "public_key": bare(&emu.app_pub),
            })
        };
        ops.push(op(body));
        expected.push(true);
        // One byte changed: the SDK refuses it.
        ops.push(op(&body.replacen('"', "'", 1)));
        expected.push(false);
    }
    let mut cmd = std::process::Command::new(python);
    cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/global_sdk_helper.py"));
    let results = common::run_helper(cmd, &Value::Array(ops));
    let got: Vec<bool> = results.iter().map(|r| r["valid"] == true).collect();
    assert_eq!(got, expected, "{results:?}");
}

#[test]
fn a_stored_alipayplus_login_without_its_auth_client_id_asks_for_it() {
    let emu = EmulatorProc::start(&[]);
    let doc = login(&emu, "alipayplus");
    // A login file written before logins kept their authClientId.
    let file = walkdir(&emu.token_dir())
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .expect("a stored login");
    let mut stored: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(stored["party"], "ACQ_TEST", "{stored}");
    stored.as_object_mut().unwrap().remove("party");
    std::fs::write(&file, stored.to_string()).unwrap();
    let out = emu
        .cli()
        .args(["--family", "alipayplus", "exchange", "--refresh"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "names no authClientId");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--auth-client-id"));
    let out = cli(&emu, "alipayplus")
        .args(["-o", "json", "exchange", "--refresh"])
        .output()
        .unwrap();
    assert_ne!(common::ok_json(&out)["access_token"], doc["access_token"]);
}

/// Every file under `dir`.
fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else {
            out.push(path);
        }
    }
    out
}
