//! Hostile data (issue 11, items 6–11 and the smaller ones): answers that
//! dribble, echo secrets or carry terminal escapes, duplicate JSON keys,
//! token stores that fail, signals on a terminal, oversized user files.
//! Every server here is a tiny one of the test's own, on loopback.

use crate::common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use alipay_oauth::sign::{PrivateKey, SignType, algorithm};
use common::{assert_clean_failure, cli, test_keys};

/// One request as the fake gateway saw it.
struct Seen {
    /// The request target (path and query).
    target: String,
    body: String,
}

/// What the fake gateway answers.
struct Reply {
    status: u16,
    body: Vec<u8>,
    /// Send the body one byte at a time with this pause between bytes.
    dribble: Option<Duration>,
}

impl Reply {
    fn ok(body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            body: body.into(),
            dribble: None,
        }
    }
}

/// A one-connection-at-a-time HTTP/1.1 server on loopback that hands every
/// request to `handler`; counts the requests it answered.
struct FakeGateway {
    port: u16,
    requests: Arc<AtomicUsize>,
}

impl FakeGateway {
    fn start(handler: impl Fn(&Seen) -> Reply + Send + 'static) -> FakeGateway {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(AtomicUsize::new(0));
        let count = requests.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let Some(seen) = read_request(&mut stream) else {
                    continue;
                };
                count.fetch_add(1, Ordering::SeqCst);
                let reply = handler(&seen);
                let head = format!(
                    "HTTP/1.1 {} X\r\ncontent-type: application/json;charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                    reply.status,
                    reply.body.len()
                );
                if stream.write_all(head.as_bytes()).is_err() {
                    continue;
                }
                match reply.dribble {
                    None => {
                        let _ = stream.write_all(&reply.body);
                    }
                    Some(pause) => {
                        for b in &reply.body {
                            if stream.write_all(&[*b]).is_err() {
                                break;
                            }
                            std::thread::sleep(pause);
                        }
                    }
                }
            }
        });
        FakeGateway { port, requests }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/gateway.do", self.port)
    }

    fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

fn read_request(stream: &mut TcpStream) -> Option<Seen> {
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        buf.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&buf).into_owned();
    let target = head.split(' ').nth(1)?.to_string();
    let length: usize = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse().ok())?
        })
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).ok()?;
    Some(Seen {
        target,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

/// The parameters of a request, query and body together, decoded.
fn params_of(seen: &Seen) -> Vec<(String, String)> {
    let query = seen.target.split_once('?').map_or("", |(_, q)| q);
    url::form_urlencoded::parse(query.as_bytes())
        .chain(url::form_urlencoded::parse(seen.body.as_bytes()))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn alipay_private_key() -> PrivateKey {
    PrivateKey::parse(&std::fs::read(&test_keys().2).unwrap()).unwrap()
}

/// A gateway answer whose node is signed with the test Alipay key.
fn signed_answer(node_name: &str, node: &serde_json::Value) -> Vec<u8> {
    let text = node.to_string();
    let sign = algorithm::sign(&alipay_private_key(), SignType::Rsa2, text.as_bytes()).unwrap();
    format!("{{\"{node_name}\":{text},\"sign\":\"{sign}\"}}").into_bytes()
}

/// Client arguments aimed at a fake gateway, with the test keys.
fn fake_client_args(gateway: &str, token_dir: &std::path::Path) -> Vec<String> {
    let (app_key, _, _, alipay_pub) = test_keys();
    vec![
        "--gateway".into(),
        gateway.into(),
        "--app-id".into(),
        common::APP_ID.into(),
        "--private-key-file".into(),
        app_key.to_string_lossy().into_owned(),
        "--alipay-public-key-file".into(),
        alipay_pub.to_string_lossy().into_owned(),
        "--token-dir".into(),
        token_dir.to_string_lossy().into_owned(),
    ]
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

// ---- 10: duplicate JSON keys ----

#[test]
fn duplicate_json_keys_are_refused_in_notifications_and_signing() {
    let (_, _, alipay_key, alipay_pub) = test_keys();
    // Signed over the second total_amount, the one a last-wins parser keeps.
    let content = "app_id=2021&out_trade_no=1&total_amount=0.01";
    let sign = algorithm::sign(&alipay_private_key(), SignType::Rsa2, content.as_bytes()).unwrap();
    let doc = format!(
        r#"{{"app_id":"2021","total_amount":"1000.00","out_trade_no":"1","total_amount":"0.01","sign":"{sign}"}}"#
    );
    let once = doc.replacen(r#""total_amount":"1000.00","#, "", 1);
    let verify = |input: &str| {
        cli()
            .args(["verify", "notify", "--alipay-public-key-file"])
            .arg(alipay_pub)
            .write_stdin(input.to_string())
            .output()
            .unwrap()
    };
    // The same notification with the key once verifies: only the duplicate is refused.
    assert_eq!(
        verify(&once).status.code(),
        Some(0),
        "{}",
        stderr_of(&verify(&once))
    );
    assert_clean_failure(&verify(&doc), 2, "\"total_amount\" is given more than once");

    let out = cli()
        .args(["sign", "--stdin", "json", "--private-key-file"])
        .arg(alipay_key)
        .write_stdin(r#"{"a":"1","b":"x","a":"2"}"#)
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "\"a\" is given more than once");
}

// ---- 9: terminal escapes in remote text ----

#[test]
fn escapes_in_a_signed_nick_name_are_shown_not_sent() {
    let node = serde_json::json!({
        "code": "10000", "msg": "Success",
        "open_id": "074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5",
        "nick_name": "\u{1b}[2J\u{1b}]0;owned\u{7}Mallory",
        "city": "\u{1b}[31mred",
    });
    let gw = FakeGateway::start(move |_| {
        Reply::ok(signed_answer("alipay_user_info_share_response", &node))
    });
    let tokens = common::tempdir();
    let out = cli()
        .args(fake_client_args(&gw.url(), tokens.path()))
        .args(["userinfo", "--access-token-stdin"])
        .write_stdin("authusrB1234567890")
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(text.contains("␛[2J␛]0;owned␇Mallory"), "{text}");
    assert!(text.contains("␛[31mred"), "{text}");
    // JSON keeps the value exactly (escaped by JSON itself).
    let out = cli()
        .args(fake_client_args(&gw.url(), tokens.path()))
        .args(["userinfo", "--access-token-stdin", "-o", "json"])
        .write_stdin("authusrB1234567890")
        .output()
        .unwrap();
    let doc = common::ok_json(&out);
    assert_eq!(
        doc["nickname"], "\u{1b}[2J\u{1b}]0;owned\u{7}Mallory",
        "{doc}"
    );

    // Raw escapes in an error page reach neither the error nor the -vv trace.
    let gw = FakeGateway::start(|_| Reply {
        status: 502,
        body: b"\x1b]0;owned\x07\x1b[2Jbad gateway".to_vec(),
        dribble: None,
    });
    let out = cli()
        .args(fake_client_args(&gw.url(), tokens.path()))
        .args(["-vv", "userinfo", "--access-token-stdin"])
        .write_stdin("authusrB1234567890")
        .output()
        .unwrap();
    let all = format!("{}{}", stdout_of(&out), stderr_of(&out));
    assert_eq!(out.status.code(), Some(3), "{all}");
    assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
    assert!(all.contains("␛]0;owned␇"), "{all}");
}

// ---- 8: secrets echoed in sub_msg ----

/// A gateway that answers every call with an unsigned error whose sub_msg
/// quotes the whole request, as some gateways and proxies do.
fn echoing_gateway() -> FakeGateway {
    FakeGateway::start(|seen| {
        let node = serde_json::json!({
            "code": "40002", "msg": "Invalid Arguments", "sub_code": "isv.invalid-parameter",
            "sub_msg": format!("参数无效，请求为 {} {}", seen.target, seen.body),
        });
        Reply::ok(format!("{{\"error_response\":{node}}}"))
    })
}

#[test]
fn secrets_echoed_in_sub_msg_are_masked_in_the_error() {
    let gw = echoing_gateway();
    let tokens = common::tempdir();
    let code = "4b203fe6c11548bcabd8da5bb087a83b";
    let token = "authusrBecho5a3f0c9a8b7c6d5e4f";
    for extra in [&[][..], &["-v"][..], &["-o", "json"][..], &["-vv"][..]] {
        for (command, stdin) in [
            (&["exchange", "--code", "-"][..], code),
            (&["userinfo", "--access-token-stdin"][..], token),
        ] {
            let out = cli()
                .args(fake_client_args(&gw.url(), tokens.path()))
                .args(extra)
                .args(command)
                .write_stdin(stdin)
                .output()
                .unwrap();
            let all = format!("{}{}", stdout_of(&out), stderr_of(&out));
            assert_eq!(out.status.code(), Some(4), "{all}");
            assert!(all.contains("isv.invalid-parameter"), "{all}");
            // The echo is there, with the secrets masked.
            assert!(all.contains("请求为"), "{extra:?} {command:?}: {all}");
            assert!(
                !all.contains(code) && !all.contains(token),
                "{extra:?} {command:?}: {all}"
            );
            assert!(all.contains("sign="), "the echo quotes sign=: {all}");
            for (at, _) in all.match_indices("sign=") {
                let quoted: String = all[at + 5..]
                    .chars()
                    .take_while(|c| !matches!(c, '&' | ' ' | '"'))
                    .collect();
                assert!(
                    quoted.starts_with("****") || quoted.contains('…') || quoted.len() < 16,
                    "the signature shows in clear: {quoted} in {all}"
                );
            }
            if extra == ["-vv"] {
                // Alipay's own result code stays readable in the trace.
                assert!(all.contains(r#""code":"40002""#), "{all}");
            }
        }
    }
}

// ---- 7: --request-timeout bounds the whole call ----

#[test]
fn request_timeout_bounds_a_dribbled_body() {
    // 400 bytes at 50 ms each: 20 s in all, yet never 2 s without a byte.
    let gw = FakeGateway::start(|_| Reply {
        status: 200,
        body: vec![b' '; 400],
        dribble: Some(Duration::from_millis(50)),
    });
    let tokens = common::tempdir();
    let mut cmd = cli();
    cmd.args(fake_client_args(&gw.url(), tokens.path()))
        .args(["--request-timeout", "2", "exchange", "--code", "-"])
        .write_stdin("4b203fe6c11548bcabd8da5bb087a83b");
    let started = Instant::now();
    let out = cmd.output().unwrap();
    let took = started.elapsed();
    assert_clean_failure(&out, 3, "within 2 s");
    assert!(took < Duration::from_secs(12), "took {took:?}");
}

// ---- 6: nothing spent is lost to a token store that cannot keep it ----

const NEW_ACCESS: &str = "authusrBnew0access0token0000000001";
const NEW_REFRESH: &str = "authusrBnew0refresh0token000000002";
const OPEN_ID: &str = "074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5";

fn token_node() -> serde_json::Value {
    serde_json::json!({
        "access_token": NEW_ACCESS, "refresh_token": NEW_REFRESH,
        "expires_in": 1296000, "re_expires_in": 2592000,
        "open_id": OPEN_ID,
    })
}

#[test]
fn an_unwritable_store_is_found_before_spending_anything() {
    let gw = FakeGateway::start(|_| {
        Reply::ok(signed_answer(
            "alipay_system_oauth_token_response",
            &token_node(),
        ))
    });
    let scratch = common::tempdir();
    // A token directory that cannot be created: its parent is a file.
    std::fs::write(scratch.path().join("file"), "x").unwrap();
    let blocked = scratch.path().join("file/tokens");
    // A link to a directory others can open: refused, and left as it is.
    let shared = scratch.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
    let link = scratch.path().join("link");
    std::os::unix::fs::symlink(&shared, &link).unwrap();
    for (dir, needle) in [(&blocked, "cannot create"), (&link, "symbolic link")] {
        for (command, stdin) in [
            (
                &["exchange", "--code", "-"][..],
                "4b203fe6c11548bcabd8da5bb087a83b",
            ),
            (
                &["exchange", "--refresh-token-stdin"][..],
                "authusrBold0refresh0token",
            ),
        ] {
            let out = cli()
                .args(fake_client_args(&gw.url(), dir))
                .args(command)
                .write_stdin(stdin)
                .output()
                .unwrap();
            assert_clean_failure(&out, 2, needle);
            assert_eq!(
                gw.requests(),
                0,
                "{command:?} spent its token: {}",
                stderr_of(&out)
            );
        }
    }
    let mode = std::fs::metadata(&shared).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o755, "the link's target was chmod'ed");
}

#[test]
fn tokens_that_cannot_be_stored_go_to_stdout_whole() {
    let tokens = common::tempdir();
    let dir = tokens.path().to_path_buf();
    // The store passes its check; then, while the code is being spent, the
    // session file's place is taken by a directory.
    let gw = FakeGateway::start(move |_| {
        for app_dir in std::fs::read_dir(&dir).unwrap() {
            let blocker = app_dir.unwrap().path().join(format!("{OPEN_ID}.json"));
            let _ = std::fs::create_dir_all(blocker.join("occupied"));
        }
        Reply::ok(signed_answer(
            "alipay_system_oauth_token_response",
            &token_node(),
        ))
    });
    for extra in [&[][..], &["-o", "json"][..]] {
        let out = cli()
            .args(fake_client_args(&gw.url(), tokens.path()))
            .args(extra)
            .args(["exchange", "--code", "-"])
            .write_stdin("4b203fe6c11548bcabd8da5bb087a83b")
            .output()
            .unwrap();
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        if extra.is_empty() {
            assert_clean_failure(&out, 2, "standard output");
        } else {
            let doc: serde_json::Value = serde_json::from_str(stderr.trim()).unwrap();
            assert_eq!(doc["error"]["kind"], "store", "{doc}");
        }
        let session: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|_| panic!("stdout is the session: {}", stdout_of(&out)));
        assert_eq!(session["tokens"]["access_token"], NEW_ACCESS, "{session}");
        assert_eq!(session["tokens"]["refresh_token"], NEW_REFRESH, "{session}");
        assert_eq!(session["subject"], OPEN_ID, "{session}");
    }
}

#[test]
fn refreshed_tokens_that_cannot_be_stored_go_to_stdout_whole() {
    use std::sync::atomic::AtomicBool;
    let tokens = common::tempdir();
    let dir = tokens.path().to_path_buf();
    let sabotage = Arc::new(AtomicBool::new(false));
    let armed = sabotage.clone();
    let gw = FakeGateway::start(move |seen| {
        let params = params_of(seen);
        let grant = params
            .iter()
            .find(|(k, _)| k == "grant_type")
            .map(|(_, v)| v.as_str());
        let mut node = token_node();
        if grant == Some("authorization_code") {
            // Already expired by the time it is used: userinfo refreshes.
            node["expires_in"] = serde_json::json!(1);
        }
        if grant == Some("refresh_token") && armed.load(Ordering::SeqCst) {
            for app_dir in std::fs::read_dir(&dir).unwrap() {
                let file = app_dir.unwrap().path().join(format!("{OPEN_ID}.json"));
                let _ = std::fs::remove_file(&file);
                let _ = std::fs::create_dir_all(file.join("occupied"));
            }
        }
        Reply::ok(signed_answer("alipay_system_oauth_token_response", &node))
    });
    let run = |command: &[&str], stdin: &str| {
        cli()
            .args(fake_client_args(&gw.url(), tokens.path()))
            .args(command)
            .write_stdin(stdin.to_string())
            .output()
            .unwrap()
    };
    for command in [&["exchange", "--refresh"][..], &["userinfo"][..]] {
        // A fresh login, stored.
        sabotage.store(false, Ordering::SeqCst);
        for app_dir in std::fs::read_dir(tokens.path()).into_iter().flatten() {
            let _ = std::fs::remove_dir_all(app_dir.unwrap().path());
        }
        let out = run(
            &["exchange", "--code", "-"],
            "4b203fe6c11548bcabd8da5bb087a83b",
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        sabotage.store(true, Ordering::SeqCst);
        let out = run(command, "");
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{command:?}: {stderr}");
        assert!(stderr.contains("standard output"), "{stderr}");
        let session: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|_| panic!("stdout is the session: {}", stdout_of(&out)));
        assert_eq!(session["tokens"]["refresh_token"], NEW_REFRESH, "{session}");
        assert_eq!(session["tokens"]["access_token"], NEW_ACCESS, "{session}");
    }
}

// ---- 11: the terminal is restored on SIGTERM and SIGHUP too ----

#[test]
fn authorize_restores_the_terminal_on_sigterm_and_sighup() {
    if !common::have("python3") {
        common::skip("python3");
        return;
    }
    let helper =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/helpers/pty_signal.py");
    let emu = common::EmulatorProc::start(&[]);
    for signal in ["SIGTERM", "SIGHUP", "SIGINT"] {
        let out = common::cli_std_program("python3")
            .arg(&helper)
            .arg(signal)
            .arg(common::bin_path())
            .args(emu.client_args())
            .args(["authorize", "--no-browser", "--timeout", "120"])
            .env("TERM", "xterm")
            .output()
            .unwrap();
        assert!(out.status.success(), "helper: {}", stderr_of(&out));
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            report["raw_seen"], true,
            "{signal}: never read keys: {report}"
        );
        assert_eq!(report["after"]["icanon"], true, "{signal}: {report}");
        assert_eq!(report["after"]["echo"], true, "{signal}: {report}");
        assert_eq!(report["status"], 130, "{signal}: {report}");
        assert!(
            report["output"].as_str().unwrap().contains("interrupted"),
            "{signal}: {report}"
        );
    }
}

// ---- smaller ones: user files are bounded, error lines are capped ----

#[test]
fn endless_config_and_apps_files_are_refused_quickly() {
    for args in [
        &["--config", "/dev/zero", "config"][..],
        &["emulator", "--port", "0", "--apps-file", "/dev/zero"][..],
    ] {
        let out = cli()
            .args(args)
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        assert_clean_failure(&out, 2, "larger than 1048576 bytes");
    }
}

#[test]
fn an_error_quoting_huge_input_stays_a_short_line() {
    let (_, _, _, alipay_pub) = test_keys();
    let name = "n".repeat(5_000_000);
    let input = format!("{name}=1&{name}=2");
    for json in [false, true] {
        let mut cmd = cli();
        cmd.args(["verify", "notify", "--alipay-public-key-file"])
            .arg(alipay_pub);
        if json {
            cmd.args(["-o", "json"]);
        }
        let out = cmd.write_stdin(input.clone()).output().unwrap();
        let stderr = stderr_of(&out);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}",
            &stderr[..200.min(stderr.len())]
        );
        assert!(stderr.len() < 3000, "an error of {} bytes", stderr.len());
        assert!(stderr.contains("more characters)"), "{stderr}");
    }
}

#[test]
fn invalid_utf8_under_utf8_is_not_told_to_use_utf8() {
    let (app_key, ..) = test_keys();
    let out = cli()
        .args(["sign", "--stdin", "form", "--private-key-file"])
        .arg(app_key)
        .write_stdin("a=%FF")
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "not valid utf-8");
    let stderr = stderr_of(&out);
    assert!(!stderr.contains("use --charset utf-8"), "{stderr}");
    assert!(stderr.contains("--charset gbk"), "{stderr}");
}

// ---- smaller: a validly signed node nested too deeply ----

#[test]
fn a_signed_node_nested_too_deeply_is_reported_as_such() {
    let (_, _, _, alipay_pub) = test_keys();
    let depth = 5000;
    let node = format!(
        r#"{{"code":"10000","msg":"Success","deep":{}{}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let sign = algorithm::sign(&alipay_private_key(), SignType::Rsa2, node.as_bytes()).unwrap();
    let body = format!(r#"{{"alipay_user_info_share_response":{node},"sign":"{sign}"}}"#);
    // `verify response` checks the signature (valid) and says the node is unusable.
    let out = cli()
        .args([
            "verify",
            "response",
            "-o",
            "json",
            "--alipay-public-key-file",
        ])
        .arg(alipay_pub)
        .write_stdin(body.clone())
        .output()
        .unwrap();
    let doc = common::ok_json(&out);
    assert!(doc["notes"].to_string().contains("too deep"), "{doc}");
    // A client refuses it as too deep, not as a key mismatch.
    let gw = FakeGateway::start(move |_| Reply::ok(body.clone()));
    let tokens = common::tempdir();
    for json in [false, true] {
        let mut cmd = cli();
        cmd.args(fake_client_args(&gw.url(), tokens.path()))
            .args(["userinfo", "--access-token-stdin"]);
        if json {
            cmd.args(["-o", "json"]);
        }
        let out = cmd.write_stdin("authusrB1234567890").output().unwrap();
        let all = format!("{}{}", stdout_of(&out), stderr_of(&out));
        if !json {
            assert_clean_failure(&out, 6, "too deep");
        }
        assert_eq!(out.status.code(), Some(6), "{all}");
        assert!(all.contains("too deep"), "{all}");
        assert!(!all.contains("no_match"), "{all}");
    }
}

// ---- smaller: keys inspect of a certificate whose key is not RSA ----

/// A self-signed SM2 certificate (SM3 with SM2, made with OpenSSL 3).
const SM2_CERT: &str = "-----BEGIN CERTIFICATE-----
MIIBlTCCATugAwIBAgIUBsEpu1v5UEsF6JWGV7tiaDipy/0wCgYIKoEcz1UBg3Uw
HzEdMBsGA1UEAwwUU00yIHRlc3QgY2VydGlmaWNhdGUwIBcNMjYxMjA1MDcxMzIy
WhgPMjEyNjExMTEwNzEzMjJaMB8xHTAbBgNVBAMMFFNNMiB0ZXN0IGNlcnRpZmlj
YXRlMFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEeYFNsYTz2djW7xVDBLCAqWji
vOeZwae0JXsYt5DS78Ah2hTpgBUmIoQba94vLK0OzuMe+nbj3Lxm1bjaraTuzaNT
MFEwHQYDVR0OBBYEFNl/F60UN6LEEFOEAj7JkBwYOklKMB8GA1UdIwQYMBaAFNl/
F60UN6LEEFOEAj7JkBwYOklKMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoEcz1UBg3UD
SAAwRQIgbaRyxg5TK/KZz7Dz1FjJ4sbN9vPZ8SM9WxsP/TzwpwsCIQDJaEBGpbG2
4c1CLE//I1Q92iMUQWSbXIDDGVpuLpb2XQ==
-----END CERTIFICATE-----
";

#[test]
fn inspecting_an_sm2_certificate_names_its_algorithm() {
    let dir = common::tempdir();
    let path = dir.path().join("sm2.crt");
    std::fs::write(&path, SM2_CERT).unwrap();
    let out = cli()
        .args(["-o", "json", "keys", "inspect"])
        .arg(&path)
        .output()
        .unwrap();
    let doc = common::ok_json(&out);
    assert_eq!(doc["certificates"][0]["key_algorithm"], "EC (SM2)", "{doc}");
    assert_eq!(doc["bits"], 256, "{doc}");
    let out = cli().args(["keys", "inspect"]).arg(&path).output().unwrap();
    let text = stdout_of(&out);
    assert!(text.contains("EC (SM2) key"), "{text}");
    assert!(!text.contains("null"), "{text}");
}

// ---- smaller: the lock file ----

#[test]
fn the_lock_file_is_private_and_a_planted_link_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let gw = FakeGateway::start(|_| {
        Reply::ok(signed_answer(
            "alipay_system_oauth_token_response",
            &token_node(),
        ))
    });
    let tokens = common::tempdir();
    let exchange = || {
        cli()
            .args(fake_client_args(&gw.url(), tokens.path()))
            .args(["exchange", "--code", "-"])
            .write_stdin("4b203fe6c11548bcabd8da5bb087a83b")
            .output()
            .unwrap()
    };
    let out = exchange();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let app_dir = std::fs::read_dir(tokens.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let lock = app_dir.join(".lock");
    let mode = std::fs::metadata(&lock).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    std::fs::remove_file(&lock).unwrap();
    let target = tokens.path().join("planted-target");
    std::os::unix::fs::symlink(&target, &lock).unwrap();
    let before = gw.requests();
    let out = exchange();
    assert_clean_failure(&out, 2, "symbolic link");
    assert!(!target.exists(), "the link was followed");
    assert_eq!(gw.requests(), before, "the code was spent");
}
