//! The emulator through the real binary over loopback: the official Python
//! SDK as a client, the authorization page, every gateway error path, token
//! rules, and a bounded load test.

use crate::common;

use std::time::Duration;

use alipay_oauth::protocol::v2::{Common, common_params, format_timestamp, now_timestamp};
use alipay_oauth::sign::form;
use alipay_oauth::sign::{Charset, PrivateKey, SignType, sign_params};
use common::{APP_ID, EmulatorProc, python_sdk, test_keys};
use serde_json::Value;

fn browser() -> reqwest::blocking::Client {
    common::http_client()
}

fn app_key() -> PrivateKey {
    PrivateKey::parse(&std::fs::read(&test_keys().0).unwrap()).unwrap()
}

type Pairs = Vec<(String, String)>;

/// Posts a request to the gateway as the SDKs do: common parameters in the
/// query, the rest in the body. `mutate` may spoil the parameters after signing.
fn gateway_call(
    emu: &EmulatorProc,
    method: &str,
    api: &[(&str, &str)],
    mutate: impl FnOnce(&mut Pairs, &mut Pairs),
) -> Value {
    let mut params = common_params(
        method,
        &Common {
            app_id: APP_ID,
            charset: Charset::Utf8,
            sign_type: SignType::Rsa2,
            timestamp: now_timestamp(),
        },
    );
    for (k, v) in api {
        params.set(*k, *v);
    }
    let signed = sign_params(&params, &app_key(), SignType::Rsa2, Charset::Utf8).unwrap();
    params.set("sign", signed.sign);
    let (mut query, mut body): (Pairs, Pairs) = params
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .partition(|(k, _)| alipay_oauth::protocol::v2::QUERY_PARAMS.contains(&k.as_str()));
    mutate(&mut query, &mut body);
    let enc = |p: &Pairs| {
        form::encode(
            p.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            Charset::Utf8,
        )
        .unwrap()
    };
    let resp = browser()
        .post(format!("{}?{}", emu.gateway(), enc(&query)))
        .header(
            "content-type",
            "application/x-www-form-urlencoded;charset=utf-8",
        )
        .body(enc(&body))
        .send()
        .unwrap();
    assert_eq!(resp.status(), 200);
    serde_json::from_str(&resp.text().unwrap()).unwrap()
}

fn sub_code(resp: &Value) -> (String, String, bool) {
    let (node, v) = resp
        .as_object()
        .unwrap()
        .iter()
        .find(|(k, _)| k.ends_with("_response"))
        .unwrap();
    (
        node.clone(),
        v["sub_code"].as_str().unwrap_or("").to_string(),
        resp.get("sign").is_some(),
    )
}

#[test]
fn the_official_python_sdk_logs_in_against_the_emulator() {
    let Some(python) = python_sdk() else { return };
    let emu = EmulatorProc::start(&["--auto-approve", "--id-mode", "both"]);
    let bare = |der: Vec<u8>| alipay_oauth::sign::key::to_bare(&der);
    let app_pkcs1 = bare(
        app_key()
            .to_der(alipay_oauth::sign::key::KeyFormat::Pkcs1)
            .unwrap()
            .to_vec(),
    );
    let alipay = emu.startup["alipay_public_key"]
        .as_str()
        .unwrap()
        .to_string();
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/sdk_client.py");
    let run = |tz: &str| {
        std::process::Command::new(&python)
            .arg(&script)
            .args([
                &emu.gateway(),
                APP_ID,
                &app_pkcs1,
                &alipay,
                &emu.auth_code("auth_user"),
            ])
            .env("TZ", tz)
            .output()
            .unwrap()
    };
    let out = run("Asia/Shanghai");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        doc["token"]["access_token"]
            .as_str()
            .unwrap()
            .starts_with("authusrB")
    );
    assert_eq!(doc["token"]["user_id"], "2088102104794936");
    assert_eq!(doc["user"]["code"], "10000");
    assert_eq!(doc["user"]["nick_name"], "沙箱用户");
    // The SDK verified our \/-escaped avatar URL and unescaped it when parsing.
    assert_eq!(
        doc["user"]["avatar"],
        "https://tfs.alipayobjects.com/images/partner/T1.png"
    );
    assert!(doc["user"]["open_id"].as_str().unwrap().starts_with("074"));

    // The SDK stamps local time: far from Beijing, the gateway refuses it.
    let out = run("America/Los_Angeles");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("isv.invalid-timestamp"));
}

#[test]
fn authorization_page_checks_its_request() {
    let emu = EmulatorProc::start(&["--redirect-domain", "shop.example.com"]);
    let get = |query: &str| {
        let r = browser()
            .get(format!("{}?{query}", emu.authorize()))
            .send()
            .unwrap();
        let status = r.status().as_u16();
        let location = r
            .headers()
            .get("location")
            .map(|l| l.to_str().unwrap().to_string());
        (status, location, r.text().unwrap())
    };
    let cb = "redirect_uri=https%3A%2F%2Fshop.example.com%2Fcb";
    for (query, code) in [
        (format!("scope=auth_user&{cb}"), "missing-app-id"),
        (
            format!("app_id=1999&scope=auth_user&{cb}"),
            "invalid-app-id",
        ),
        (
            format!("app_id={APP_ID}&scope=auth_email&{cb}"),
            "invalid-scope",
        ),
        (
            format!("app_id={APP_ID}&scope=auth_user"),
            "missing-redirect-uri",
        ),
        (
            format!("app_id={APP_ID}&scope=auth_user&redirect_uri=ftp%3A%2F%2Fshop.example.com%2F"),
            "invalid-redirect-uri",
        ),
        (
            format!("app_id={APP_ID}&scope=auth_user&redirect_uri=https%3A%2F%2Fevil.example%2Fcb"),
            "invalid-redirect-uri",
        ),
        (
            format!(
                "app_id={APP_ID}&scope=auth_user&{cb}&state={}",
                "x".repeat(101)
            ),
            "invalid-state",
        ),
    ] {
        let (status, _, html) = get(&query);
        assert_eq!(status, 400, "{query}");
        assert!(
            html.contains(&format!("data-error-code=\"{code}\"")),
            "{query}: {html}"
        );
    }

    // auth_base is silent; subdomains of the registered domain are fine.
    let (status, location, _) = get(&format!(
        "app_id={APP_ID}&scope=auth_base&redirect_uri=https%3A%2F%2Fm.shop.example.com%2Fcb%3Fnext%3D1&state=s1"
    ));
    assert_eq!(status, 302);
    let location = url::Url::parse(&location.unwrap()).unwrap();
    assert_eq!(location.host_str(), Some("m.shop.example.com"));
    let q: std::collections::HashMap<String, String> =
        location.query_pairs().into_owned().collect();
    assert_eq!(q["next"], "1");
    assert_eq!(q["app_id"], APP_ID);
    assert_eq!(q["source"], "alipay_wallet");
    assert_eq!(q["scope"], "auth_base");
    assert_eq!(q["state"], "s1");
    assert_eq!(q["auth_code"].len(), 32);

    // auth_user shows a consent page; Agree redirects, Cancel does not.
    let consent = |decision: &str| {
        let (status, _, html) = get(&format!(
            "app_id={APP_ID}&scope=auth_base,auth_user&{cb}&state=s2"
        ));
        assert_eq!(status, 200);
        assert!(html.contains("id=\"agree\"") && html.contains("沙箱用户"));
        let id = common::consent_request_id(&html);
        let post = |id: &str| emu.answer_consent(id, 1, decision);
        let first = post(&id);
        let again = post(&id);
        (first, again)
    };
    let (agreed, replay) = consent("agree");
    assert_eq!(agreed.status(), 302);
    assert!(
        agreed.headers()["location"]
            .to_str()
            .unwrap()
            .contains("state=s2")
    );
    assert_eq!(replay.status(), 400, "a consent request is answered once");
    let (denied, _) = consent("deny");
    assert_eq!(denied.status(), 200);
    assert!(denied.headers().get("location").is_none());
    assert!(denied.text().unwrap().contains("id=\"declined\""));

    // Other paths and methods.
    assert_eq!(
        browser()
            .get(format!("{}/nope", emu.base))
            .send()
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        browser().delete(emu.gateway()).send().unwrap().status(),
        405
    );
}

#[test]
fn strict_redirects_refuse_loopback() {
    let emu = EmulatorProc::start(&["--strict-redirects"]);
    let r = browser()
        .get(format!(
            "{}?app_id={APP_ID}&scope=auth_base&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcb",
            emu.authorize()
        ))
        .send()
        .unwrap();
    assert_eq!(r.status(), 400);
}

#[test]
fn gateway_level_errors_are_unsigned_error_responses() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let token = "alipay.system.oauth.token";
    let code_param = [("grant_type", "authorization_code"), ("code", "nope")];

    let drop_param = |name: &'static str| {
        move |q: &mut Pairs, b: &mut Pairs| {
            q.retain(|(k, _)| k != name);
            b.retain(|(k, _)| k != name);
        }
    };
    for (name, want) in [
        ("app_id", "isv.missing-app-id"),
        ("method", "isv.missing-method"),
        ("sign", "isv.missing-signature"),
        ("sign_type", "isv.missing-signature-type"),
        ("timestamp", "isv.missing-timestamp"),
        ("charset", "isv.invalid-charset"),
    ] {
        let resp = gateway_call(&emu, token, &code_param, drop_param(name));
        assert_eq!(
            sub_code(&resp),
            ("error_response".into(), want.into(), false),
            "without {name}"
        );
    }

    // charset in the body only.
    let resp = gateway_call(&emu, token, &code_param, |q, b| {
        let i = q.iter().position(|(k, _)| k == "charset").unwrap();
        b.push(q.remove(i));
    });
    assert_eq!(sub_code(&resp).1, "isv.invalid-charset");
    assert!(
        resp["error_response"]["sub_msg"]
            .as_str()
            .unwrap()
            .contains("query string")
    );

    // Unknown app.
    let resp = gateway_call(&emu, token, &code_param, |q, _| {
        q.iter_mut().find(|(k, _)| k == "app_id").unwrap().1 = "2021999999999999".into();
    });
    assert_eq!(sub_code(&resp).1, "isv.invalid-app-id");

    // A changed parameter: invalid signature, with the gateway's string to sign.
    let resp = gateway_call(&emu, token, &code_param, |_, b| {
        b.iter_mut().find(|(k, _)| k == "code").unwrap().1 = "changed".into();
    });
    assert_eq!(sub_code(&resp).1, "isv.invalid-signature");
    let sub_msg = resp["error_response"]["sub_msg"].as_str().unwrap();
    assert!(
        sub_msg.contains(
            "验签字符串为：app_id=2021000000000000&charset=utf-8&code=changed&format=JSON"
        ),
        "{sub_msg}"
    );

    // A timestamp an hour off.
    let resp = gateway_call(&emu, token, &code_param, |q, _| {
        let ts = format_timestamp(time::OffsetDateTime::now_utc() - time::Duration::hours(1));
        q.iter_mut().find(|(k, _)| k == "timestamp").unwrap().1 = ts;
    });
    assert_eq!(sub_code(&resp).1, "isv.invalid-timestamp");

    // A method it does not know (properly signed): a signed error_response,
    // so a client can trust the refusal.
    let resp = gateway_call(&emu, "alipay.trade.pay", &[], |_, _| {});
    assert_eq!(
        sub_code(&resp),
        ("error_response".into(), "isv.invalid-method".into(), true)
    );
    assert_eq!(resp["error_response"]["code"], "40002");

    // Bad grant_type: a business error, signed.
    let resp = gateway_call(&emu, token, &[("grant_type", "password")], |_, _| {});
    assert_eq!(
        sub_code(&resp),
        (
            "error_response".into(),
            "isv.grant-type-invalid".into(),
            true
        )
    );
    assert_eq!(resp["error_response"]["code"], "40002");
}

#[test]
fn codes_work_once_belong_to_their_app_and_expire() {
    let (_, app_pub, _, _) = test_keys();
    let dir = common::tempdir();
    let apps = dir.path().join("apps.toml");
    std::fs::write(
        &apps,
        format!(
            "[[apps]]\napp_id = \"2021000000000002\"\npublic_key_file = \"{}\"\nid_mode = \"user_id\"\n",
            app_pub.display()
        ),
    )
    .unwrap();
    let emu = EmulatorProc::start(&[
        "--auto-approve",
        "--code-ttl",
        "2",
        "--apps-file",
        apps.to_str().unwrap(),
    ]);
    let exchange = |code: &str, app: &str| {
        let mut cmd = emu.cli();
        cmd.args([
            "--app-id",
            app,
            "-o",
            "json",
            "exchange",
            "--no-store",
            "--code",
            "-",
        ])
        .write_stdin(code.to_string());
        cmd.output().unwrap()
    };
    let err_sub = |out: &std::process::Output| {
        let doc: Value = serde_json::from_slice(&out.stderr)
            .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
        doc["error"]["sub_code"].as_str().unwrap_or("").to_string()
    };

    let code = emu.auth_code("auth_user");
    let first = exchange(&code, APP_ID);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let again = exchange(&code, APP_ID);
    assert_eq!(again.status.code(), Some(4));
    assert_eq!(err_sub(&again), "isv.code-invalid");

    // A code belongs to its app, and the failed attempt spends it.
    let code = emu.auth_code("auth_user");
    let other = exchange(&code, "2021000000000002");
    assert_eq!(err_sub(&other), "isv.code-invalid");
    assert_eq!(err_sub(&exchange(&code, APP_ID)), "isv.code-invalid");

    // Codes expire.
    let code = emu.auth_code("auth_user");
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(err_sub(&exchange(&code, APP_ID)), "isv.code-invalid");

    // The second app gets only user_id.
    let code = emu.auth_code_for("2021000000000002", "auth_user", 0);
    let out = exchange(&code, "2021000000000002");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["user_id"], "2088102104794936");
    assert_eq!(doc["open_id"], Value::Null);
}

#[test]
fn gbk_requests_get_gbk_answers() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let code = emu.auth_code("auth_user");
    let out = emu
        .cli()
        .args(["--charset", "gbk", "exchange", "--code", "-"])
        .write_stdin(code)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = emu
        .cli()
        .args(["--charset", "gbk", "-o", "json", "userinfo"])
        .output()
        .unwrap();
    let user = common::ok_json(&out);
    assert_eq!(user["nickname"], "沙箱用户");
    assert_eq!(user["city"], "杭州市");
}

#[test]
fn responses_verify_with_verify_response_and_escape_slashes() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let code = emu.auth_code("auth_user");
    let tokens = gateway_call(
        &emu,
        "alipay.system.oauth.token",
        &[("grant_type", "authorization_code"), ("code", &code)],
        |_, _| {},
    );
    let token = tokens["alipay_system_oauth_token_response"]["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    // The raw body, exactly as the gateway sent it.
    let mut params = common_params(
        "alipay.user.info.share",
        &Common {
            app_id: APP_ID,
            charset: Charset::Utf8,
            sign_type: SignType::Rsa2,
            timestamp: now_timestamp(),
        },
    );
    params.set("auth_token", token);
    let signed = sign_params(&params, &app_key(), SignType::Rsa2, Charset::Utf8).unwrap();
    params.set("sign", signed.sign);
    let raw = browser()
        .post(format!(
            "{}?{}",
            emu.gateway(),
            form::encode(params.iter(), Charset::Utf8).unwrap()
        ))
        .send()
        .unwrap()
        .bytes()
        .unwrap();
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.contains(r#""avatar":"https:\/\/tfs.alipayobjects.com\/images\/partner\/T1.png""#),
        "{text}"
    );
    let out = common::cli()
        .args([
            "verify",
            "response",
            "-o",
            "json",
            "--method",
            "alipay.user.info.share",
        ])
        .arg("--alipay-public-key-file")
        .arg(&emu.alipay_pub)
        .write_stdin(raw.to_vec())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["unescaped_slashes"], false);
    assert_eq!(doc["code"], "10000");
}

#[test]
fn load_parallel_clients_exchange_codes_without_losses() {
    use alipay_oauth::gateway::client::{ClientConfig, ProxyConfig};
    let emu = EmulatorProc::start(&["--auto-approve", "--threads", "8"]);
    let clients = 8;
    let per_client = 12;
    let started = std::time::Instant::now();
    let results: Vec<Result<(), String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..clients)
            .map(|_| {
                let emu = &emu;
                s.spawn(move || -> Vec<Result<(), String>> {
                    let cfg = ClientConfig {
                        gateway: url::Url::parse(&emu.gateway()).unwrap(),
                        app_id: APP_ID.into(),
                        private_key: app_key(),
                        alipay_public_key: alipay_oauth::sign::PublicKey::parse(
                            &std::fs::read(&emu.alipay_pub).unwrap(),
                        )
                        .unwrap(),
                        sign_type: SignType::Rsa2,
                        charset: Charset::Utf8,
                        connect_timeout: Duration::from_secs(10),
                        request_timeout: Duration::from_secs(60),
                        proxy: ProxyConfig::default(),
                        cert: None,
                    };
                    let client =
                        alipay_oauth::gateway::Client::new(cfg, &alipay_oauth::trace::Silent)
                            .unwrap();
                    (0..per_client)
                        .map(|_| {
                            let code =
                                alipay_oauth::secret::AuthCode::new(emu.auth_code("auth_user"));
                            client
                                .exchange_code(&code)
                                .map(|_| ())
                                .map_err(|e| e.to_string())
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let failed: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(failed.is_empty(), "failed exchanges: {failed:?}");
    assert_eq!(results.len(), clients * per_client);
    let health = emu.health();
    assert_eq!(health["tokens_issued"], (clients * per_client) as u64);
    assert_eq!(health["live"]["codes"], 0, "every code was spent");
    eprintln!(
        "load: {} exchanges from {clients} clients in {:.2?}",
        results.len(),
        started.elapsed()
    );
}

#[test]
fn emulator_startup_errors() {
    // A port in use.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (_, app_pub, _, _) = test_keys();
    let out = common::cli()
        .args(["emulator", "--port", &port, "--app-public-key-file"])
        .arg(app_pub)
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, &format!("port {port} is already in use"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--port 0 for any free port"));
    // No app.
    let out = common::cli()
        .args(["emulator", "--port", "0"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "no app");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--app-public-key-file"));
    // A bad fault.
    let out = common::cli()
        .args(["emulator", "--fault", "explode"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tamper"));
    // A private key where the app's public key belongs: accepted as its own public key? No.
    let out = common::cli()
        .args(["emulator", "--port", "0", "--app-public-key-file"])
        .arg(&test_keys().0)
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "this is a private key");
}

/// The start-up report in its quiet and human forms: `-q` prints the base
/// URL alone, the human form the addresses and the Alipay public key.
#[test]
fn startup_report_quiet_and_human() {
    use std::io::BufRead;
    let (_, app_pub, alipay_key, _) = common::test_keys().clone();
    let first_lines = |extra: &[&str], n: usize| {
        let mut child = common::cli_std()
            .args(["emulator", "--port", "0"])
            .args(extra)
            .arg("--app-public-key-file")
            .arg(&app_pub)
            .arg("--alipay-private-key-file")
            .arg(&alipay_key)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let lines: Vec<String> = std::io::BufReader::new(stdout)
                .lines()
                .take(n)
                .map_while(Result::ok)
                .collect();
            let _ = tx.send(lines);
        });
        let lines = rx.recv_timeout(Duration::from_secs(120));
        let _ = child.kill();
        let _ = child.wait();
        lines.expect("the emulator prints its start-up report")
    };
    let quiet = first_lines(&["-q"], 1);
    assert!(
        quiet[0].starts_with("http://127.0.0.1:") && !quiet[0].contains(' '),
        "{quiet:?}"
    );
    let human = first_lines(&[], 5).join("\n");
    assert!(
        human.starts_with("Alipay emulator listening on http://127.0.0.1:"),
        "{human}"
    );
    assert!(human.contains("  gateway             http"), "{human}");
    assert!(human.contains("Alipay public key"), "{human}");
}

/// An apps file that is not valid TOML: the path and what is wrong, and
/// what each entry needs.
#[test]
fn an_invalid_apps_file_says_what_an_entry_needs() {
    let dir = common::tempdir();
    let apps = dir.path().join("apps.toml");
    std::fs::write(&apps, "[[apps]]\nname = 3\n").unwrap();
    let out = common::cli()
        .args(["emulator", "--port", "0", "--apps-file"])
        .arg(&apps)
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "is not valid");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&*apps.to_string_lossy()), "{stderr}");
    assert!(
        stderr.contains("each [[apps]] needs app_id and public_key_file"),
        "{stderr}"
    );
}
