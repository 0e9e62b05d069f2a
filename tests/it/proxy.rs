//! `alipay-oauth proxy` between the official SDKs (as the application) and
//! the emulator: every exchange's bytes pass unchanged, each signature is
//! reported as it really is, and the bounds hold.

use crate::common;

use std::io::{BufRead as _, Write as _};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use alipay_oauth::sign::key::{KeyFormat, to_bare};
use alipay_oauth::sign::{Charset, Params, PrivateKey, SignType};
use common::*;
use serde_json::{Value, json};

/// The fields of a JSON line, exactly as the CLI contract (cli.md) fixes them.
const FIELDS: &[&str] = &[
    "time",
    "dialect",
    "method",
    "app_id",
    "status",
    "code",
    "sub_code",
    "request_signature",
    "response_signature",
    "elapsed_ms",
    "diagnosis",
];

/// A real `alipay-oauth proxy` process, -o json, on a free loopback port.
struct ProxyProc {
    child: std::process::Child,
    base: String,
    lines: Receiver<String>,
    dir: tempfile::TempDir,
}

impl ProxyProc {
    fn start(emu: &EmulatorProc, upstream: &str, extra: &[&str], env: &[(&str, &str)]) -> Self {
        Self::start_as(emu, upstream, "json", extra, env)
    }

    fn start_as(
        emu: &EmulatorProc,
        upstream: &str,
        format: &str,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> Self {
        let dir = tempdir();
        let err = std::fs::File::create(dir.path().join("stderr")).unwrap();
        let mut cmd = cli_std();
        cmd.arg("--private-key-file")
            .arg(&emu.app_key)
            .arg("--alipay-public-key-file")
            .arg(&emu.alipay_pub)
            .args([
                "proxy",
                "--listen",
                "127.0.0.1:0",
                "-o",
                format,
                "--upstream",
            ])
            .arg(upstream)
            .args(extra)
            .envs(env.iter().copied())
            .stdout(std::process::Stdio::piped())
            .stderr(err);
        let mut child = cmd.spawn().expect("the proxy starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let started = std::time::Instant::now();
        let base = loop {
            let text = std::fs::read_to_string(dir.path().join("stderr")).unwrap_or_default();
            if let Some(at) = text.find("listening on http://") {
                let rest = &text[at + "listening on ".len()..];
                break rest.split([',', ' ', '\n']).next().unwrap().to_string();
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the proxy did not start: {text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        ProxyProc {
            child,
            base,
            lines,
            dir,
        }
    }

    fn gateway(&self) -> String {
        format!("{}/gateway.do", self.base)
    }

    /// The next exchange's JSON line, checked for cli.md's fields.
    fn next(&self) -> Value {
        let line = self
            .lines
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no exchange line; stderr: {}", self.stderr()));
        let v: Value = serde_json::from_str(&line).expect("a JSON line");
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, FIELDS, "{line}");
        v
    }

    fn stderr(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("stderr")).unwrap_or_default()
    }
}

impl Drop for ProxyProc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn codes(line: &Value) -> Vec<String> {
    line["diagnosis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn app_key(emu: &EmulatorProc) -> PrivateKey {
    PrivateKey::parse(&std::fs::read(&emu.app_key).unwrap()).unwrap()
}

fn bare(key: &PrivateKey, format: KeyFormat) -> String {
    to_bare(&key.to_der(format).unwrap())
}

/// Runs the Python SDK on a batch of calls against `server_url`.
fn python_calls(
    python: &Path,
    server_url: &str,
    private_key: &str,
    alipay: &str,
    charset: &str,
    calls: Value,
    env: &[(&str, &str)],
) -> Vec<Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/sdk_proxy_client.py");
    let mut cmd = std::process::Command::new(python);
    cmd.arg(script)
        .env("TZ", "Asia/Shanghai")
        .envs(env.iter().copied());
    run_helper(
        cmd,
        &json!({
            "server_url": server_url,
            "app_id": APP_ID,
            "private_key": private_key,
            "alipay_public_key": alipay,
            "charset": charset,
            "calls": calls,
        }),
    )
}

fn alipay_bare(emu: &EmulatorProc) -> String {
    emu.startup["alipay_public_key"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn the_python_sdk_through_the_proxy_good_faults_and_a_wrong_key() {
    let Some(python) = python_sdk() else { return };
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let proxy = ProxyProc::start(&emu, &emu.base, &[], &[]);
    let pkcs1 = bare(&app_key(&emu), KeyFormat::Pkcs1);
    let alipay = alipay_bare(&emu);
    let run = |key: &str, calls: Value| {
        python_calls(&python, &proxy.gateway(), key, &alipay, "utf-8", calls, &[])
    };

    let got = run(
        &pkcs1,
        json!([{"method": "token", "code": emu.auth_code("auth_user")}]),
    );
    assert!(got[0]["ok"].as_bool().unwrap(), "{got:?}");
    let token = got[0]["result"]["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let line = proxy.next();
    assert_eq!(line["dialect"], "v2");
    assert_eq!(line["method"], "alipay.system.oauth.token");
    assert_eq!(line["app_id"], APP_ID);
    assert_eq!(line["status"], 200);
    assert_eq!(line["request_signature"], "valid");
    assert_eq!(line["response_signature"], "valid");
    assert!(line["diagnosis"].as_array().unwrap().is_empty(), "{line}");
    assert!(line["elapsed_ms"].as_u64().is_some());
    // Neither the code nor the token is printed.
    assert!(!line.to_string().contains(&token));

    let userinfo = json!({"method": "userinfo", "auth_token": token});
    let got = run(&pkcs1, json!([userinfo]));
    assert!(got[0]["ok"].as_bool().unwrap(), "{got:?}");
    assert_eq!(got[0]["result"]["nick_name"], "沙箱用户");
    let line = proxy.next();
    assert_eq!(line["method"], "alipay.user.info.share");
    assert_eq!(line["code"], "10000");
    assert_eq!(line["response_signature"], "valid");

    // The emulator's faults: the SDK refuses each answer, the proxy says why.
    emu.fault("tamper", 1);
    emu.fault("wrong-key", 1);
    emu.fault("unsigned", 1);
    let got = run(&pkcs1, json!([userinfo, userinfo, userinfo]));
    assert!(!got[0]["ok"].as_bool().unwrap(), "tamper: {got:?}");
    assert!(!got[1]["ok"].as_bool().unwrap(), "wrong key: {got:?}");
    for (fault, finding) in [
        ("tamper", "no_match"),
        ("wrong-key", "no_match"),
        ("unsigned", "unsigned"),
    ] {
        let line = proxy.next();
        assert_eq!(line["request_signature"], "valid", "{fault}: {line}");
        assert_eq!(line["response_signature"], "invalid", "{fault}: {line}");
        assert!(
            codes(&line).contains(&finding.to_string()),
            "{fault}: {line}"
        );
    }

    // The application signs with a key that is not the one in the console.
    let wrong = bare(&PrivateKey::generate(2048).unwrap(), KeyFormat::Pkcs1);
    let got = run(&wrong, json!([userinfo]));
    assert!(
        got[0].to_string().contains("isv.invalid-signature"),
        "{got:?}"
    );
    let line = proxy.next();
    assert_eq!(line["request_signature"], "invalid", "{line}");
    assert_eq!(line["sub_code"], "isv.invalid-signature");
    let found = codes(&line);
    for c in [
        "no_match",
        "gateway_sign_content",
        "request_sign_content",
        "sign_content_diff",
    ] {
        assert!(found.contains(&c.to_string()), "{c}: {line}");
    }
    let text = line.to_string();
    assert!(text.contains("the strings to sign are identical"), "{line}");
    // The auth_token the request carried is masked in the echoed string to sign.
    assert!(!text.contains(&token), "{line}");
}

#[test]
fn the_python_sdk_in_gbk_through_the_proxy() {
    let Some(python) = python_sdk() else { return };
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let proxy = ProxyProc::start(&emu, &emu.gateway(), &[], &[]);
    let pkcs1 = bare(&app_key(&emu), KeyFormat::Pkcs1);
    let got = python_calls(
        &python,
        &proxy.gateway(),
        &pkcs1,
        &alipay_bare(&emu),
        "GBK",
        json!([{"method": "token", "code": emu.auth_code("auth_user")}]),
        &[],
    );
    assert!(got[0]["ok"].as_bool().unwrap(), "{got:?}");
    let token = got[0]["result"]["access_token"].as_str().unwrap();
    let got = python_calls(
        &python,
        &proxy.gateway(),
        &pkcs1,
        &alipay_bare(&emu),
        "GBK",
        json!([{"method": "userinfo", "auth_token": token}]),
        &[],
    );
    assert_eq!(got[0]["result"]["nick_name"], "沙箱用户", "{got:?}");
    for _ in 0..2 {
        let line = proxy.next();
        assert_eq!(line["request_signature"], "valid", "{line}");
        assert_eq!(line["response_signature"], "valid", "{line}");
    }
}

/// A signed v2 request for alipay.user.info.share with a made-up token: the
/// emulator's answer to it is the same bytes every time.
fn fixed_request(emu: &EmulatorProc) -> (String, String) {
    let key = app_key(emu);
    let mut params = Params::new();
    for (k, v) in [
        ("app_id", APP_ID),
        ("method", "alipay.user.info.share"),
        ("format", "JSON"),
        ("charset", "utf-8"),
        ("sign_type", "RSA2"),
        ("version", "1.0"),
        ("auth_token", "authusrBnotarealtoken0000000000000"),
    ] {
        params.set(k, v);
    }
    params.set(
        "timestamp",
        alipay_oauth::protocol::v2::now_timestamp().as_str(),
    );
    let signed =
        alipay_oauth::sign::sign_params(&params, &key, SignType::Rsa2, Charset::Utf8).unwrap();
    params.set("sign", signed.sign.as_str());
    let query = alipay_oauth::sign::form::encode(params.iter(), Charset::Utf8).unwrap();
    (format!("/gateway.do?{query}"), String::new())
}

#[test]
fn faulty_answers_pass_byte_for_byte_and_are_reported() {
    let emu = EmulatorProc::start(&[]);
    let proxy = ProxyProc::start(&emu, &emu.base, &[], &[]);
    let (target, _) = fixed_request(&emu);
    let client = http_client();
    let send = |base: &str| {
        let r = client
            .post(format!("{base}{target}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .send()
            .unwrap();
        let status = r.status().as_u16();
        let content_type = r.headers()["content-type"].to_str().unwrap().to_string();
        (status, content_type, r.bytes().unwrap().to_vec())
    };
    for (fault, expected) in [
        (None, "valid"),
        (Some("tamper"), "invalid"),
        (Some("wrong-key"), "invalid"),
        // An unsigned error answer is what the gateway sends for errors:
        // reported as absent, not as a forgery.
        (Some("unsigned"), "absent"),
    ] {
        if let Some(f) = fault {
            emu.fault(f, 1);
        }
        let direct = send(&emu.base);
        if let Some(f) = fault {
            emu.fault(f, 1);
        }
        let proxied = send(&proxy.base);
        assert_eq!(proxied, direct, "{fault:?}: the bytes changed");
        let line = proxy.next();
        assert_eq!(line["request_signature"], "valid", "{fault:?}: {line}");
        assert_eq!(line["response_signature"], expected, "{fault:?}: {line}");
        assert_eq!(line["sub_code"], "aop.invalid-auth-token", "{line}");
    }
}

#[test]
fn the_node_sdk_v2_through_the_proxy() {
    let Some(modules) = node_sdk() else { return };
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let proxy = ProxyProc::start(&emu, &emu.base, &[], &[]);
    let node = |calls: Value| {
        let mut cmd = std::process::Command::new("node");
        cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/node_proxy_helper.js"))
            .arg("v2")
            // The SDK stamps local time, which the gateway wants in Beijing's.
            .env("TZ", "Asia/Shanghai")
            .env("NODE_PATH", &modules);
        run_helper(
            cmd,
            &json!({
                "gateway": proxy.gateway(),
                "app_id": APP_ID,
                "private_key": bare(&app_key(&emu), KeyFormat::Pkcs8),
                "alipay_public_key": alipay_bare(&emu),
                "calls": calls,
            }),
        )
    };
    let got = node(json!([{
        "method": "alipay.system.oauth.token",
        "params": {"grant_type": "authorization_code", "code": emu.auth_code("auth_user")}
    }]));
    assert!(got[0]["ok"].as_bool().unwrap(), "{got:?}");
    let token = got[0]["result"]["access_token"]
        .as_str()
        .or(got[0]["result"]["accessToken"].as_str())
        .unwrap()
        .to_string();
    let line = proxy.next();
    assert_eq!(line["method"], "alipay.system.oauth.token", "{line}");
    assert_eq!(line["request_signature"], "valid", "{line}");
    assert_eq!(line["response_signature"], "valid", "{line}");

    emu.fault("tamper", 1);
    let got = node(json!([{"method": "alipay.user.info.share", "params": {"auth_token": token}}]));
    assert!(!got[0]["ok"].as_bool().unwrap(), "{got:?}");
    let line = proxy.next();
    assert_eq!(line["request_signature"], "valid", "{line}");
    assert_eq!(line["response_signature"], "invalid", "{line}");
}

#[test]
fn the_node_sdk_v3_through_the_proxy() {
    let Some(modules) = node_sdk() else { return };
    // The emulator only lends the test keys here; the v3 upstream is the
    // helper's own server, signing as Alipay signs v3 answers.
    let emu = EmulatorProc::start(&[]);
    let (_, _, alipay_key_file, _) = test_keys().clone();
    let pem = |k: &PrivateKey| {
        alipay_oauth::sign::key::to_pem(&k.to_der(KeyFormat::Pkcs8).unwrap(), "PRIVATE KEY")
    };
    // The SDK reads the app key as PKCS#1 unless told otherwise.
    let pkcs1 = |k: &PrivateKey| {
        alipay_oauth::sign::key::to_pem(&k.to_der(KeyFormat::Pkcs1).unwrap(), "RSA PRIVATE KEY")
    };
    let alipay_key = PrivateKey::parse(&std::fs::read(&alipay_key_file).unwrap()).unwrap();
    let wrong = PrivateKey::generate(2048).unwrap();
    let mut child = std::process::Command::new("node")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/node_proxy_helper.js"))
        .arg("v3")
        .env("NODE_PATH", &modules)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    let endpoint: Value = serde_json::from_str(&first).expect("the helper's endpoint");
    let proxy = ProxyProc::start(&emu, endpoint["endpoint"].as_str().unwrap(), &[], &[]);
    let answer = r#"{"access_token":"authusrB0123456789abcdef","expires_in":1296000}"#;
    let case = |fault: &str| {
        json!({
            "path": "/v3/alipay/system/oauth/token",
            "body": {"grant_type": "authorization_code", "code": "4b203fe6c11548bcabd8da5bb087a83b"},
            "answer": answer,
            "fault": fault,
        })
    };
    let mut wrong_app = case("none");
    wrong_app["private_key"] = json!(pkcs1(&wrong));
    let job = json!({
        "proxy": proxy.base,
        "app_id": APP_ID,
        "private_key": pkcs1(&app_key(&emu)),
        "alipay_public_key": std::fs::read_to_string(&emu.alipay_pub).unwrap(),
        "alipay_private_key": pem(&alipay_key),
        "wrong_private_key": pem(&wrong),
        "cases": [case("none"), case("tamper"), case("wrong_key"), case("unsigned"), wrong_app],
    });
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{job}").unwrap();
    drop(stdin);
    let mut second = String::new();
    out.read_line(&mut second).unwrap();
    let _ = child.wait();
    let results: Vec<Value> = serde_json::from_str(&second).expect("the helper's results");
    assert!(results[0]["ok"].as_bool().unwrap(), "{results:?}");
    assert!(!results[1]["ok"].as_bool().unwrap(), "{results:?}");
    assert!(!results[2]["ok"].as_bool().unwrap(), "{results:?}");
    let expected = [
        ("valid", "valid"),
        ("valid", "invalid"),
        ("valid", "invalid"),
        ("valid", "invalid"),
        ("invalid", "valid"),
    ];
    for (i, (request, response)) in expected.iter().enumerate() {
        let line = proxy.next();
        assert_eq!(line["dialect"], "v3", "{line}");
        assert_eq!(line["method"], "POST /v3/alipay/system/oauth/token");
        assert_eq!(line["app_id"], APP_ID);
        assert_eq!(line["request_signature"], *request, "case {i}: {line}");
        assert_eq!(line["response_signature"], *response, "case {i}: {line}");
        // The answer reached the SDK as the upstream sent it.
        if i == 0 {
            assert_eq!(results[0]["response"]["body"], answer);
        }
        assert!(!line.to_string().contains("authusrB0123456789abcdef"));
    }
}

#[test]
fn an_https_upstream_is_reached_with_ssl_cert_file_and_refused_without() {
    let Some(python) = python_sdk() else { return };
    let tls = tempdir();
    let emu = EmulatorProc::start(&["--auto-approve", "--tls", tls.path().to_str().unwrap()]);
    assert!(emu.base.starts_with("https://"), "{}", emu.base);
    let ca = tls.path().join("ca.pem");
    let proxy = ProxyProc::start(
        &emu,
        &emu.gateway(),
        &[],
        &[("SSL_CERT_FILE", ca.to_str().unwrap())],
    );
    let pkcs1 = bare(&app_key(&emu), KeyFormat::Pkcs1);
    // The admin endpoint and the authorization page are https too.
    let code = {
        let client = reqwest::blocking::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .tls_certs_only([reqwest::Certificate::from_pem(&std::fs::read(&ca).unwrap()).unwrap()])
            .build()
            .unwrap();
        let mut url = url::Url::parse(&emu.authorize()).unwrap();
        url.query_pairs_mut()
            .append_pair("app_id", APP_ID)
            .append_pair("scope", "auth_user")
            .append_pair("redirect_uri", "http://127.0.0.1:1/callback")
            .append_pair("state", "s");
        let r = client.get(url.as_str()).send().unwrap();
        let location = r.headers()["location"].to_str().unwrap().to_string();
        url::Url::parse(&location)
            .unwrap()
            .query_pairs()
            .find(|(k, _)| k == "auth_code")
            .unwrap()
            .1
            .into_owned()
    };
    let got = python_calls(
        &python,
        &proxy.gateway(),
        &pkcs1,
        &alipay_bare(&emu),
        "utf-8",
        json!([{"method": "token", "code": code}]),
        &[],
    );
    assert!(got[0]["ok"].as_bool().unwrap(), "{got:?}");
    let line = proxy.next();
    assert_eq!(line["request_signature"], "valid", "{line}");
    assert_eq!(line["response_signature"], "valid", "{line}");

    // Without the CA the upstream is not trusted: a 502, said plainly.
    let untrusting = ProxyProc::start(&emu, &emu.gateway(), &[], &[]);
    let r = http_client()
        .post(format!("{}/gateway.do?charset=utf-8", untrusting.base))
        .send()
        .unwrap();
    assert_eq!(r.status().as_u16(), 502);
    let line = untrusting.next();
    assert_eq!(line["status"], 502);
    assert!(
        codes(&line).contains(&"upstream_failed".to_string()),
        "{line}"
    );
    assert!(line.to_string().contains("certificate"), "{line}");
}

#[test]
fn recorded_exchanges_are_private_masked_and_replay_with_verify() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let dir = tempdir();
    let masked_dir = dir.path().join("masked");
    let proxy = ProxyProc::start(
        &emu,
        &emu.base,
        &["--record", masked_dir.to_str().unwrap()],
        &[],
    );
    let through = |p: &ProxyProc| {
        let mut c = emu.cli();
        c.args(["--gateway", &p.gateway()]);
        c
    };
    let code = emu.auth_code("auth_user");
    let out = through(&proxy)
        .args(["exchange", "--code", "-", "--no-store", "-o", "json"])
        .write_stdin(code.clone())
        .output()
        .unwrap();
    let tokens = ok_json(&out);
    let access = tokens["access_token"].as_str().unwrap().to_string();
    let refresh = tokens["refresh_token"].as_str().unwrap().to_string();
    assert_eq!(proxy.next()["response_signature"], "valid");
    emu.fault("tamper", 1);
    let out = through(&proxy)
        .args(["call", "alipay.user.info.share", "--no-auth-token"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(proxy.next()["response_signature"], "invalid");

    use std::os::unix::fs::PermissionsExt as _;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&masked_dir), 0o700);
    let mut names: Vec<String> = std::fs::read_dir(&masked_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 8, "{names:?}");
    for name in &names {
        let path = masked_dir.join(name);
        assert_eq!(mode(&path), 0o600, "{name}");
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        for secret in [&access, &refresh, &code] {
            assert!(!text.contains(secret.as_str()), "{name} holds a secret");
        }
    }
    let replay = |dir: &Path, seq: &str| -> std::process::Output {
        let meta: Value =
            serde_json::from_slice(&std::fs::read(dir.join(format!("{seq}.json"))).unwrap())
                .unwrap();
        let words = shell_words::split(meta["replay"].as_str().unwrap()).unwrap();
        assert_eq!(words[0], "alipay-oauth");
        // The command names the Alipay key file itself: run as it is.
        assert!(
            words.contains(&"--alipay-public-key-file".to_string()),
            "{words:?}"
        );
        cli().args(&words[1..]).output().unwrap()
    };
    // The tampered answer replays as invalid, with the same diagnosis.
    let out = replay(&masked_dir, "000002");
    assert_eq!(out.status.code(), Some(6), "{out:?}");
    // A masked token answer no longer verifies: its tokens were changed.
    assert_eq!(replay(&masked_dir, "000001").status.code(), Some(6));

    // With --show-secrets the token answer is kept whole and verifies again.
    let open_dir = dir.path().join("open");
    let open = ProxyProc::start(
        &emu,
        &emu.base,
        &["--record", open_dir.to_str().unwrap(), "--show-secrets"],
        &[],
    );
    let out = through(&open)
        .args(["exchange", "--code", "-", "--no-store", "-o", "json"])
        .write_stdin(emu.auth_code("auth_user"))
        .output()
        .unwrap();
    ok_json(&out);
    open.next();
    let out = replay(&open_dir, "000001");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // A directory others can read is refused.
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = emu
        .cli()
        .args(["proxy", "--listen", "127.0.0.1:0", "--record"])
        .arg(&shared)
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "open to other users");
}

#[test]
fn the_record_cap_stops_recording_and_says_so() {
    let emu = EmulatorProc::start(&[]);
    let dir = tempdir();
    let rec = dir.path().join("rec");
    // 1 MiB, then requests whose recorded size is over half of it.
    let proxy = ProxyProc::start(
        &emu,
        &emu.base,
        &["--record", rec.to_str().unwrap(), "--record-limit", "1"],
        &[],
    );
    let body = format!("biz_content={}", "x".repeat(600 << 10));
    for _ in 0..2 {
        let r = http_client()
            .post(format!("{}/gateway.do?charset=utf-8", proxy.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.clone())
            .send()
            .unwrap();
        assert_eq!(r.status().as_u16(), 200);
        proxy.next();
    }
    let count = std::fs::read_dir(&rec).unwrap().count();
    assert_eq!(count, 4, "only the first exchange is recorded");
    assert!(proxy.stderr().contains("record cap"), "{}", proxy.stderr());
}

#[test]
fn the_bounds_hold() {
    let emu = EmulatorProc::start(&[]);
    let proxy = ProxyProc::start(&emu, &emu.base, &[], &[]);
    // Over the 1 MiB body bound: refused before anything is forwarded.
    let r = http_client()
        .post(format!("{}/gateway.do?charset=utf-8", proxy.base))
        .body(vec![b'a'; 2 << 20])
        .send();
    if let Ok(r) = r {
        assert_eq!(r.status().as_u16(), 413);
    }
    let (target, _) = fixed_request(&emu);
    let r = http_client()
        .post(format!("{}{target}", proxy.base))
        .send()
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    // The next line is that request's: the oversize one never reached the gateway.
    assert_eq!(proxy.next()["method"], "alipay.user.info.share");
    assert!(!emu.log().contains("413"), "{}", emu.log());

    // Only loopback unless asked.
    let out = emu
        .cli()
        .args(["proxy", "--listen", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "not a loopback address");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--allow-remote-listen"));
    // A port already taken is named as such.
    let taken = proxy.base.trim_start_matches("http://").to_string();
    let out = emu
        .cli()
        .args(["proxy", "--listen", &taken])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "already in use");
    // Without the app key nothing can be checked: refused at start.
    let out = cli()
        .args(["--alipay-public-key-file"])
        .arg(&emu.alipay_pub)
        .args(["proxy", "--listen", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "app public key");
}

#[test]
fn certificate_mode_answers_must_name_the_alipay_certificate() {
    let dir = tempdir();
    let emu = EmulatorProc::start(&["--cert-dir", dir.path().to_str().unwrap()]);
    let file = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let alipay_cert = file("alipayCertPublicKey_RSA2.crt");
    let proxy = ProxyProc::start(&emu, &emu.base, &["--alipay-cert-file", &alipay_cert], &[]);
    // alipay-oauth itself is the application here, in certificate mode.
    let call = || {
        emu.cli()
            .args(["--gateway", &proxy.gateway()])
            .args([
                "--app-cert-file",
                &file(&format!("appCertPublicKey_{APP_ID}.crt")),
            ])
            .args(["--alipay-cert-file", &alipay_cert])
            .args(["--alipay-root-cert-file", &file("alipayRootCert.crt")])
            .args(["call", "alipay.trade.query", "--biz-content", "{}"])
            .output()
            .unwrap()
    };
    assert_eq!(call().status.code(), Some(4));
    let line = proxy.next();
    assert_eq!(line["sub_code"], "isv.invalid-method", "{line}");
    assert_eq!(line["request_signature"], "valid", "{line}");
    assert_eq!(line["response_signature"], "valid", "{line}");

    emu.fault("wrong-cert-sn", 1);
    assert_eq!(call().status.code(), Some(6));
    let line = proxy.next();
    assert_eq!(line["response_signature"], "invalid", "{line}");
    assert!(
        codes(&line).contains(&"cert_sn_mismatch".to_string()),
        "{line}"
    );
}

#[test]
fn human_lines_mask_secrets_and_sigterm_stops_with_a_summary() {
    let emu = EmulatorProc::start(&[]);
    let proxy = ProxyProc::start_as(&emu, &emu.base, "human", &[], &[]);
    // A code exchanged with the wrong key: the gateway echoes the string to
    // sign, code included.
    let code = emu.auth_code("auth_user");
    let wrong = tempdir();
    let wrong_key = wrong.path().join("wrong.key");
    let out = cli()
        .args(["keys", "generate", "--out"])
        .arg(&wrong_key)
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = emu
        .cli()
        .args(["--gateway", &proxy.gateway(), "--private-key-file"])
        .arg(&wrong_key)
        .args(["exchange", "--code", "-", "--no-store"])
        .write_stdin(code.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let mut text = String::new();
    while !text.contains("sign_content_diff") {
        let line = proxy
            .lines
            .recv_timeout(Duration::from_secs(60))
            .expect("the exchange's lines");
        text.push_str(&line);
        text.push('\n');
    }
    assert!(
        text.starts_with(
            "#1 v2 alipay.system.oauth.token app 2021000000000000 → 200 40002 isv.invalid-signature"
        ),
        "{text}"
    );
    assert!(text.contains("request ✗ response absent"), "{text}");
    assert!(text.contains("the strings to sign are identical"), "{text}");
    assert!(!text.contains(&code), "the code leaked: {text}");

    // SIGTERM (as Ctrl-C) stops it with a summary.
    unsafe {
        libc::kill(proxy.child.id() as i32, libc::SIGTERM);
    }
    let started = std::time::Instant::now();
    while !proxy.stderr().contains("stopped after") {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{}",
            proxy.stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        proxy
            .stderr()
            .contains("stopped after 1 exchanges, 1 with a signature that did not verify"),
        "{}",
        proxy.stderr()
    );
}

#[test]
fn parallel_exchanges_are_each_forwarded_and_reported_once() {
    let emu = EmulatorProc::start(&[]);
    let proxy = ProxyProc::start(&emu, &emu.base, &[], &[]);
    let (target, _) = fixed_request(&emu);
    let expected = http_client()
        .post(format!("{}{target}", emu.base))
        .send()
        .unwrap()
        .bytes()
        .unwrap();
    let n = 24;
    std::thread::scope(|s| {
        for _ in 0..n {
            s.spawn(|| {
                let body = http_client()
                    .post(format!("{}{target}", proxy.base))
                    // curl sends this for large bodies; the proxy answers it itself.
                    .header("expect", "100-continue")
                    .send()
                    .unwrap()
                    .bytes()
                    .unwrap();
                assert_eq!(body, expected);
            });
        }
    });
    for _ in 0..n {
        let line = proxy.next();
        assert_eq!(line["request_signature"], "valid", "{line}");
        assert_eq!(line["response_signature"], "valid", "{line}");
    }
    assert!(
        proxy
            .lines
            .recv_timeout(Duration::from_millis(500))
            .is_err()
    );
}

/// A stand-in Antom gateway on loopback: answers each request with the body
/// `answers` gives for it, signed as Antom signs answers (or spoilt).
fn antom_upstream(
    alipay: PrivateKey,
    answers: Vec<(&'static str, &'static str)>,
) -> (String, std::thread::JoinHandle<()>) {
    use alipay_oauth::sign::dialect::header;
    use std::io::Read as _;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        for (fault, body) in answers {
            let (stream, _) = listener.accept().unwrap();
            let mut reader = std::io::BufReader::new(stream);
            let (mut line, mut length, mut target) = (String::new(), 0usize, String::new());
            reader.read_line(&mut line).unwrap();
            target.push_str(line.split(' ').nth(1).unwrap());
            loop {
                line.clear();
                reader.read_line(&mut line).unwrap();
                if line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
            }
            let mut request_body = vec![0u8; length];
            reader.read_exact(&mut request_body).unwrap();
            let time = "2024-01-02T03:04:06+08:00";
            let signed = header::sign(
                &alipay,
                1,
                "POST",
                &target,
                "SANDBOX_5Y",
                time,
                body.as_bytes(),
            )
            .unwrap();
            let sent = match fault {
                "tamper" => body.replace("S\"", "U\""),
                _ => body.to_string(),
            };
            let signature_headers = match fault {
                "unsigned" => String::new(),
                _ => format!(
                    "Client-Id: SANDBOX_5Y\r\nResponse-Time: {time}\r\nSignature: {}\r\n",
                    signed.header
                ),
            };
            let answer = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=UTF-8\r\n{signature_headers}Content-Length: {}\r\nConnection: close\r\n\r\n{sent}",
                sent.len()
            );
            reader.get_mut().write_all(answer.as_bytes()).unwrap();
        }
    });
    (base, handle)
}

#[test]
fn the_antom_header_dialect_through_the_proxy() {
    use alipay_oauth::sign::dialect::header;
    let emu = EmulatorProc::start(&[]);
    let (_, _, alipay_key_file, _) = test_keys().clone();
    let alipay = PrivateKey::parse(&std::fs::read(&alipay_key_file).unwrap()).unwrap();
    let ok = r#"{"result":{"resultStatus":"S","resultCode":"SUCCESS"},"accessToken":"281006AA4B6C1E0E"}"#;
    let failed = r#"{"result":{"resultStatus":"F","resultCode":"INVALID_CLIENT"}}"#;
    let (base, upstream) = antom_upstream(
        alipay,
        vec![
            ("none", ok),
            ("tamper", ok),
            ("unsigned", failed),
            ("none", ok),
        ],
    );
    let proxy = ProxyProc::start(&emu, &base, &[], &[]);
    let path = "/ams/api/v1/authorizations/applyToken";
    let body = r#"{"grantType":"AUTHORIZATION_CODE","authCode":"663A8FA9D83648EE"}"#;
    let send = |key: &PrivateKey| {
        let time = "2024-01-02T03:04:05+08:00";
        let signed =
            header::sign(key, 1, "POST", path, "SANDBOX_5Y", time, body.as_bytes()).unwrap();
        http_client()
            .post(format!("{}{path}", proxy.base))
            .header("content-type", "application/json; charset=UTF-8")
            .header("client-id", "SANDBOX_5Y")
            .header("request-time", time)
            .header("signature", signed.header)
            .body(body)
            .send()
            .unwrap()
            .text()
            .unwrap()
    };
    let app = app_key(&emu);
    let wrong = PrivateKey::generate(2048).unwrap();
    let expected = [
        (&app, "valid", "valid", ok),
        (&app, "valid", "invalid", ""),
        (&app, "valid", "absent", failed),
        (&wrong, "invalid", "valid", ok),
    ];
    for (i, (key, request, response, body)) in expected.iter().enumerate() {
        let got = send(key);
        if !body.is_empty() {
            assert_eq!(got, *body, "case {i}: the answer changed");
        }
        let line = proxy.next();
        assert_eq!(line["dialect"], "header", "{line}");
        assert_eq!(line["app_id"], "SANDBOX_5Y");
        assert_eq!(line["method"], format!("POST {path}"));
        assert_eq!(line["request_signature"], *request, "case {i}: {line}");
        assert_eq!(line["response_signature"], *response, "case {i}: {line}");
        assert!(!line.to_string().contains("281006AA4B6C1E0E"));
    }
    upstream.join().unwrap();
}
