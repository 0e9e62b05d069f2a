//! `exchange`, `userinfo`, `config` and `logout` through the real binary
//! against the real emulator over loopback: id modes, every error the
//! emulator can produce, tampered and wrongly signed answers, network
//! faults, proxies, concurrent refreshes, and scans for leaked secrets.

use crate::common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::Output;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::{EmulatorProc, assert_no_secrets, key_secrets, stderr_json, stdout_json};
use serde_json::Value;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exchanges a fresh code and returns the token JSON (stored).
fn login(emu: &EmulatorProc, scope: &str) -> Value {
    let out = emu
        .cli()
        .args(["-o", "json", "exchange", "--code", "-"])
        .write_stdin(emu.auth_code(scope))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout_json(&out)
}

fn token_files(emu: &EmulatorProc) -> usize {
    walk(&emu.token_dir())
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| {
                    let p = e.path();
                    if p.is_dir() {
                        walk(&p)
                    } else {
                        usize::from(p.extension().is_some_and(|x| x == "json"))
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

#[test]
fn id_modes_map_to_the_subject() {
    for (mode, kind, has_user_id, has_open_id) in [
        ("open_id", "open_id", false, true),
        ("user_id", "user_id", true, false),
        ("both", "open_id", true, true),
    ] {
        let emu = EmulatorProc::start(&["--auto-approve", "--id-mode", mode]);
        let tokens = login(&emu, "auth_user");
        assert_eq!(tokens["user_id"].is_string(), has_user_id, "{mode}");
        assert_eq!(tokens["open_id"].is_string(), has_open_id, "{mode}");
        for k in [
            "access_token",
            "refresh_token",
            "expires_in",
            "re_expires_in",
            "expires_at",
            "refresh_expires_at",
            "auth_start",
            "user_id",
            "open_id",
            "union_id",
        ] {
            assert!(tokens.get(k).is_some(), "{k} in {tokens}");
        }
        assert!(tokens["expires_at"].as_str().unwrap().ends_with('Z'));
        let out = emu.cli().args(["-o", "json", "userinfo"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let user = stdout_json(&out);
        assert_eq!(user["id_kind"], kind, "{mode}");
        let expected = if kind == "open_id" {
            &tokens["open_id"]
        } else {
            &tokens["user_id"]
        };
        assert_eq!(&user["subject"], expected);
        assert_eq!(user["gender"], "female");
        assert_eq!(user["is_certified"], true);
        assert_eq!(user["raw"]["nick_name"], "沙箱用户");
        for k in [
            "subject",
            "id_kind",
            "user_id",
            "open_id",
            "union_id",
            "nickname",
            "avatar",
            "gender",
            "province",
            "city",
            "is_certified",
            "raw",
        ] {
            assert!(user.get(k).is_some(), "{k}");
        }
    }
}

/// The token JSON `exchange` prints has one shape, the token file's: it
/// once was written by hand and dropped `permanent`.
#[test]
fn printed_tokens_have_the_token_files_shape() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let printed = login(&emu, "auth_user");
    assert_eq!(printed["permanent"], false, "{printed}");
    let mut files = Vec::new();
    let mut dirs = vec![emu.token_dir()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
            let p = entry.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                files.push(p);
            }
        }
    }
    assert_eq!(files.len(), 1, "{files:?}");
    let stored: Value = serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    assert_eq!(stored["tokens"], printed);
}

#[test]
fn second_test_user_and_raw_output() {
    let emu = EmulatorProc::start(&[]);
    let code = emu.auth_code_for(&emu.app_id, "auth_user", 1);
    let out = emu
        .cli()
        .args(["exchange", "--code", "-"])
        .write_stdin(code)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = emu.cli().args(["-o", "json", "userinfo"]).output().unwrap();
    let user = stdout_json(&out);
    assert_eq!(user["nickname"], "Test Buyer");
    assert_eq!(user["gender"], "male", "the sandbox's lowercase m");
    assert_eq!(user["is_certified"], false);
    let raw = emu.cli().args(["userinfo", "--raw"]).output().unwrap();
    let text = String::from_utf8(raw.stdout).unwrap();
    assert!(
        text.contains(r#""avatar":"https:\/\/tfs.alipayobjects.com\/images\/partner\/T2.png""#),
        "{text}"
    );
}

#[test]
fn alipay_errors_with_exit_4_and_hints() {
    let emu = EmulatorProc::start(&["--auto-approve", "--token-ttl", "2"]);
    let base_token = login(&emu, "auth_base");

    let userinfo = |token: &str| {
        emu.cli()
            .args(["-o", "json", "userinfo"])
            .env("ALIPAY_ACCESS_TOKEN", token)
            .output()
            .unwrap()
    };
    // auth_base tokens cannot read the profile: 40006.
    let out = userinfo(base_token["access_token"].as_str().unwrap());
    assert_eq!(out.status.code(), Some(4));
    let e = stderr_json(&out);
    assert_eq!(e["error"]["kind"], "alipay");
    assert_eq!(e["error"]["code"], "40006");
    assert_eq!(e["error"]["sub_code"], "isv.insufficient-user-permissions");
    assert!(e["error"]["hint"].as_str().unwrap().contains("auth_user"));
    assert_eq!(e["error"]["signed"], true);

    // A new authorization invalidates the earlier access token.
    let user_token = login(&emu, "auth_user");
    let out = userinfo(base_token["access_token"].as_str().unwrap());
    assert_eq!(
        stderr_json(&out)["error"]["sub_code"],
        "aop.invalid-auth-token"
    );

    // An unknown token: 20001.
    let out = userinfo("authusrBdoesnotexist0000000000000000");
    assert_eq!(out.status.code(), Some(4));
    let e = stderr_json(&out);
    assert_eq!(e["error"]["code"], "20001");
    assert_eq!(e["error"]["sub_code"], "aop.invalid-auth-token");
    assert!(e["error"]["hint"].as_str().unwrap().contains("refresh"));

    // An expired token: 20001 time-out.
    std::thread::sleep(Duration::from_millis(2500));
    let out = userinfo(user_token["access_token"].as_str().unwrap());
    assert_eq!(
        stderr_json(&out)["error"]["sub_code"],
        "aop.auth-token-time-out"
    );

    // The stored login is refreshed first instead.
    let out = emu.cli().args(["-o", "json", "userinfo"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // Human error: one line with the hint.
    let out = emu
        .cli()
        .args(["userinfo"])
        .env(
            "ALIPAY_ACCESS_TOKEN",
            "authusrBdoesnotexist0000000000000000",
        )
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 4, "aop.invalid-auth-token");
    assert!(stderr(&out).contains("alipay-oauth exchange --refresh"));
}

#[test]
fn app_without_member_info() {
    let emu = EmulatorProc::start(&["--auto-approve", "--no-member-info"]);
    login(&emu, "auth_user");
    let out = emu.cli().args(["-o", "json", "userinfo"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(
        stderr_json(&out)["error"]["sub_code"],
        "isv.insufficient-isv-permissions"
    );
}

#[test]
fn refresh_tokens_rotate_and_expire() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let first = login(&emu, "auth_user");
    let r1 = first["refresh_token"].as_str().unwrap().to_string();
    let refresh = |token: &str| {
        emu.cli()
            .args([
                "-o",
                "json",
                "exchange",
                "--no-store",
                "--refresh-token-stdin",
            ])
            .write_stdin(format!("{token}\n"))
            .output()
            .unwrap()
    };
    let out = refresh(&r1);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let second = stdout_json(&out);
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    let out = refresh(&r1);
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(
        stderr_json(&out)["error"]["sub_code"],
        "isv.refresh-token-invalid"
    );
    // ALIPAY_REFRESH_TOKEN, for CI.
    let out = emu
        .cli()
        .args(["-o", "json", "exchange", "--refresh", "--no-store"])
        .env(
            "ALIPAY_REFRESH_TOKEN",
            second["refresh_token"].as_str().unwrap(),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let short = EmulatorProc::start(&["--auto-approve", "--refresh-ttl", "1"]);
    let t = login(&short, "auth_user");
    std::thread::sleep(Duration::from_millis(1500));
    let out = short
        .cli()
        .args([
            "-o",
            "json",
            "exchange",
            "--no-store",
            "--refresh-token-stdin",
        ])
        .write_stdin(t["refresh_token"].as_str().unwrap().to_string())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(
        stderr_json(&out)["error"]["sub_code"],
        "isv.refresh-token-time-out"
    );
    // The stored login knows its refresh token has expired: exit 5.
    let out = short
        .cli()
        .args(["exchange", "--refresh"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 5, "expired");
}

#[test]
fn invalid_request_signature_shows_both_strings_to_sign() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let other = alipay_oauth::sign::PrivateKey::generate(2048).unwrap();
    let other_file = common::scratch().join("other-app.key");
    std::fs::write(
        &other_file,
        alipay_oauth::sign::key::to_pem(
            &other
                .to_der(alipay_oauth::sign::key::KeyFormat::Pkcs1)
                .unwrap(),
            "RSA PRIVATE KEY",
        ),
    )
    .unwrap();
    let code = emu.auth_code("auth_user");
    let out = emu
        .cli()
        .arg("--private-key-file")
        .arg(&other_file)
        .args(["exchange", "--code", "-"])
        .write_stdin(code.clone())
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 4, "isv.invalid-signature");
    let err = stderr(&out);
    assert!(err.contains("our string to sign:"), "{err}");
    assert!(err.contains("gateway string to sign:"), "{err}");
    assert!(
        err.contains("the strings to sign are identical: the key is the problem"),
        "{err}"
    );
    assert!(!err.contains(&code), "the auth code is masked: {err}");
    assert_eq!(token_files(&emu), 0);
    // Also in the -vv trace, where the gateway's sub_msg echoes it.
    let code = emu.auth_code("auth_user");
    let out = emu
        .cli()
        .arg("--private-key-file")
        .arg(&other_file)
        .args(["-vv", "exchange", "--code", "-"])
        .write_stdin(code.clone())
        .output()
        .unwrap();
    assert!(stderr(&out).contains("< body:"));
    assert!(!stderr(&out).contains(&code), "{}", stderr(&out));

    // JSON: the comparison is in the error document.
    let out = emu
        .cli()
        .arg("--private-key-file")
        .arg(&other_file)
        .args(["-o", "json", "exchange", "--code", "-"])
        .write_stdin(emu.auth_code("auth_user"))
        .output()
        .unwrap();
    let e = stderr_json(&out);
    assert_eq!(e["error"]["signed"], false, "gateway errors are unsigned");
    assert!(
        e["error"]["sign_content_diff"]["theirs"]
            .as_str()
            .unwrap()
            .starts_with("app_id=")
    );
    assert!(
        e["error"]["sub_msg"].as_str().unwrap().contains("code=") && !stderr(&out).contains(&code)
    );
}

#[test]
fn answers_that_fail_verification_are_never_used() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    for (fault, needle) in [
        ("tamper", "signature is invalid"),
        ("wrong-key", "signature is invalid"),
        ("unsigned", "carries no signature"),
    ] {
        emu.fault(fault, 1);
        let code = emu.auth_code("auth_user");
        let out = emu
            .cli()
            .args(["exchange", "--code", "-"])
            .write_stdin(code)
            .output()
            .unwrap();
        common::assert_clean_failure(&out, 6, needle);
        assert_eq!(token_files(&emu), 0, "{fault}: nothing stored");
        assert!(out.stdout.is_empty(), "{fault}: nothing printed");
    }
    // An Alipay public key that is not the emulator's: exit 6 too.
    let stranger = alipay_oauth::sign::PrivateKey::generate(2048)
        .unwrap()
        .public_key();
    let path = common::scratch().join("stranger.pub");
    std::fs::write(
        &path,
        alipay_oauth::sign::key::to_bare(
            &stranger
                .to_der(alipay_oauth::sign::key::KeyFormat::Spki)
                .unwrap(),
        ),
    )
    .unwrap();
    let out = emu
        .cli()
        .arg("--alipay-public-key-file")
        .arg(&path)
        .args(["exchange", "--code", "-"])
        .write_stdin(emu.auth_code("auth_user"))
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 6, "signature is invalid");
    assert_eq!(token_files(&emu), 0);
    // The app's own public key given as Alipay's is caught before any call.
    let out = emu
        .cli()
        .arg("--alipay-public-key-file")
        .arg(&emu.app_pub)
        .args(["exchange", "--code", "x"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "the app's own public key");
}

#[test]
fn injected_errors_and_http_faults() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    emu.fault("error:isp.unknow-error", 1);
    let out = emu
        .cli()
        .args(["-o", "json", "exchange", "--code", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(stderr_json(&out)["error"]["code"], "20000");
    assert!(
        stderr_json(&out)["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("retry later")
    );

    emu.fault("http:502", 1);
    let out = emu
        .cli()
        .args(["exchange", "--code", "x"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 3, "HTTP 502");
    // Nothing listening: the core names the host, the edge the flags.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let out = emu
        .cli()
        .args(["exchange", "--code", "x", "--gateway"])
        .arg(format!("http://127.0.0.1:{port}/gateway.do"))
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 3, &format!("cannot connect to 127.0.0.1:{port}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("check --env / --gateway, the network, and HTTPS_PROXY / NO_PROXY"),
        "{stderr}"
    );

    emu.fault("truncate", 1);
    let out = emu
        .cli()
        .args(["exchange", "--code", "-"])
        .write_stdin(emu.auth_code("auth_user"))
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 3, "an auth code is spent once sent");
    assert_eq!(token_files(&emu), 0);
    // A cut answer to a call that sent no code says nothing about codes.
    emu.fault("truncate", 1);
    let out = emu
        .cli()
        .args(["--request-timeout", "5", "userinfo", "--access-token-stdin"])
        .write_stdin("authusrB00000000000000000000000000000000")
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 3, "retry");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("auth code"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    emu.fault("delay:3000", 1);
    let started = std::time::Instant::now();
    let out = emu
        .cli()
        .args(["--request-timeout", "1", "exchange", "--code", "x"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 3, "within 1 s");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn network_failures() {
    let emu = EmulatorProc::start(&[]);
    // Nothing listening.
    let port = common::closed_port();
    let out = emu
        .cli()
        .args([
            "--gateway",
            &format!("http://127.0.0.1:{port}/gateway.do"),
            "exchange",
            "--code",
            "x",
        ])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 3, &format!("cannot connect to 127.0.0.1:{port}"));

    // A server that accepts and never answers.
    let hung = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = hung.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in hung.incoming().flatten() {
            held.push(s);
        }
    });
    let out = emu
        .cli()
        .args([
            "--request-timeout",
            "1",
            "--gateway",
            &format!("http://{addr}/gateway.do"),
            "exchange",
            "--code",
            "x",
        ])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 3, "within 1 s");
}

/// A forwarding HTTP proxy that counts what passes through it.
fn start_proxy() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let seen = seen.clone();
            std::thread::spawn(move || {
                let mut client = client;
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") {
                    if client.read(&mut byte).unwrap_or(0) == 0 {
                        return;
                    }
                    head.push(byte[0]);
                }
                let text = String::from_utf8_lossy(&head).into_owned();
                let first = text.lines().next().unwrap_or("").to_string();
                let mut parts = first.split(' ');
                let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let Ok(url) = url::Url::parse(target) else {
                    return;
                };
                seen.fetch_add(1, Ordering::SeqCst);
                let origin = format!("{}:{}", url.host_str().unwrap(), url.port().unwrap());
                let path = match url.query() {
                    Some(q) => format!("{}?{q}", url.path()),
                    None => url.path().to_string(),
                };
                let rest: String = text
                    .split_once("\r\n")
                    .map(|x| x.1.to_string())
                    .unwrap_or_default();
                let Ok(mut server) = std::net::TcpStream::connect(origin) else {
                    return;
                };
                let _ = server.write_all(format!("{method} {path} HTTP/1.1\r\n{rest}").as_bytes());
                let mut c2 = client.try_clone().unwrap();
                let mut s2 = server.try_clone().unwrap();
                std::thread::spawn(move || {
                    let _ = std::io::copy(&mut c2, &mut s2);
                });
                let _ = std::io::copy(&mut server, &mut client);
            });
        }
    });
    (url, count)
}

#[test]
fn proxies_are_honoured() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let (proxy, count) = start_proxy();
    let out = emu
        .cli()
        .args(["-o", "json", "exchange", "--code", "-"])
        .env("HTTP_PROXY", &proxy)
        .write_stdin(emu.auth_code("auth_user"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        count.load(Ordering::SeqCst),
        1,
        "the call went through the proxy"
    );
    // NO_PROXY exempts the host.
    let out = emu
        .cli()
        .args(["-o", "json", "userinfo"])
        .env("HTTP_PROXY", &proxy)
        .env("NO_PROXY", "127.0.0.1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(count.load(Ordering::SeqCst), 1);
    // A dead proxy is a network error.
    let dead = format!("127.0.0.1:{}", common::closed_port());
    let out = emu
        .cli()
        .args(["userinfo"])
        .env("HTTP_PROXY", format!("http://{dead}"))
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 3, "");
    // `doctor` reaches the gateway through the same proxy setup as a call...
    let before = count.load(Ordering::SeqCst);
    let out = emu
        .cli()
        .args(["-o", "json", "doctor"])
        .env("HTTP_PROXY", &proxy)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        count.load(Ordering::SeqCst),
        before + 1,
        "doctor used the proxy"
    );
    // ...and refuses a proxy that is not a URL instead of going direct.
    for cmd in [&["doctor"][..], &["userinfo"][..]] {
        let out = emu
            .cli()
            .args(cmd)
            .env("HTTP_PROXY", "http://[::1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd:?}: {}", stderr(&out));
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        assert!(
            text.contains("http proxy setting is not a valid URL"),
            "{cmd:?}: {text}"
        );
    }
}

#[test]
fn concurrent_refreshes_both_end_with_a_valid_session() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    login(&emu, "auth_user");
    let runs: Vec<Output> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    emu.cli()
                        .args(["-o", "json", "exchange", "--refresh"])
                        .output()
                        .unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for out in &runs {
        assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    }
    let (a, b) = (stdout_json(&runs[0]), stdout_json(&runs[1]));
    assert_ne!(
        a["refresh_token"], b["refresh_token"],
        "the second refreshed with the first's new token"
    );
    // Both access tokens work, and the stored login still refreshes.
    for t in [&a, &b] {
        let out = emu
            .cli()
            .args(["userinfo"])
            .env("ALIPAY_ACCESS_TOKEN", t["access_token"].as_str().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let out = emu.cli().args(["exchange", "--refresh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn secrets_stay_masked_in_human_output_and_traces() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let code = emu.auth_code("auth_user");
    let out = emu
        .cli()
        .args(["-vv", "exchange", "--code", "-"])
        .write_stdin(code.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let trace = stderr(&out);
    assert!(trace.contains("> POST "), "{trace}");
    assert!(trace.contains("< HTTP 200"));
    let stored = {
        let out = emu
            .cli()
            .args(["-o", "json", "exchange", "--refresh"])
            .output()
            .unwrap();
        stdout_json(&out)
    };
    let mut secrets: Vec<String> = key_secrets();
    secrets.push(code);
    assert_no_secrets(
        &out,
        &secrets.iter().map(String::as_str).collect::<Vec<_>>(),
    );

    // Human output and -vv of every command: no token, code or key in clear.
    let access = stored["access_token"].as_str().unwrap().to_string();
    let refresh = stored["refresh_token"].as_str().unwrap().to_string();
    secrets.push(access.clone());
    secrets.push(refresh.clone());
    let secret_refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
    for args in [
        vec!["-vv", "userinfo"],
        vec!["-vv", "exchange", "--refresh"],
        vec!["config"],
        vec!["-vv", "-o", "json", "userinfo"],
    ] {
        let out = emu.cli().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        // The refresh above rotated the tokens: scan for the old and new ones.
        assert_no_secrets(&out, &secret_refs);
    }
    // Errors do not echo tokens either.
    let out = emu
        .cli()
        .args(["-vv", "userinfo"])
        .env("ALIPAY_ACCESS_TOKEN", &access)
        .output()
        .unwrap();
    assert_no_secrets(&out, &secret_refs);
    // --show-secrets shows them, because it was asked.
    let out = emu
        .cli()
        .args(["exchange", "--refresh", "--show-secrets"])
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("authusrB"), "{shown}");
}

#[test]
fn config_shows_sources_and_logout_forgets() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    login(&emu, "auth_user");
    let key_text = std::fs::read_to_string(&emu.alipay_pub).unwrap();
    let out = emu
        .cli()
        .args(["-o", "json", "config", "--sign-type", "RSA2"])
        .env("ALIPAY_CHARSET", "gbk")
        .env(
            "ALIPAY_PRIVATE_KEY",
            std::fs::read_to_string(&emu.app_key).unwrap(),
        )
        .env_remove("ALIPAY_PRIVATE_KEY_FILE")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = stdout_json(&out);
    assert_eq!(doc["sign_type"]["source"], "flag --sign-type");
    assert_eq!(doc["charset"]["value"], "gbk");
    assert_eq!(doc["charset"]["source"], "env ALIPAY_CHARSET");
    assert_eq!(doc["env"]["source"], "default");
    assert_eq!(
        doc["alipay_public_key"]["value"],
        emu.alipay_pub.to_string_lossy().as_ref()
    );
    assert!(
        doc["alipay_public_key"]["info"]
            .as_str()
            .unwrap()
            .contains("SPKI public key")
    );
    assert_eq!(
        doc["private_key"]["value"],
        emu.app_key.to_string_lossy().as_ref()
    );
    assert_eq!(doc["private_key"]["error"], Value::Null);
    assert!(
        doc["private_key"]["info"]
            .as_str()
            .unwrap()
            .contains("PKCS#8 private key")
    );
    let all = String::from_utf8_lossy(&out.stdout);
    for line in key_secrets() {
        assert!(!all.contains(&line), "key text leaked");
    }
    let _ = key_text;

    let out = emu.cli().args(["logout"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("removed 1"));
    assert_eq!(token_files(&emu), 0);
    let out = emu.cli().args(["userinfo"]).output().unwrap();
    common::assert_clean_failure(&out, 2, "no stored login");
}

/// `status`, `token` and `logout` in their three forms, through the one
/// report renderer.
#[test]
fn stored_login_reports_in_every_form() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let tokens = login(&emu, "auth_user");
    let run = |args: &[&str]| {
        let out = emu.cli().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let status: Value = serde_json::from_str(&run(&["-o", "json", "status"])).unwrap();
    assert_eq!(status[0]["subject"], tokens["open_id"]);
    assert_eq!(status[0]["usable"], true);
    let human = run(&["status"]);
    assert!(
        human.starts_with('✓') && human.contains("access   expires"),
        "{human}"
    );
    assert_eq!(run(&["-q", "status"]), human);
    let token = tokens["access_token"].as_str().unwrap();
    assert_eq!(run(&["-q", "token"]), format!("{token}\n"));
    assert_eq!(run(&["token"]), format!("{token}\n"));
    let doc: Value = serde_json::from_str(&run(&["-o", "json", "token"])).unwrap();
    assert_eq!(doc["access_token"], token);
    assert_eq!(doc["expires_at"], tokens["expires_at"]);
    assert_eq!(run(&["-q", "logout"]), "");
    let doc: Value = serde_json::from_str(&run(&["-o", "json", "logout"])).unwrap();
    assert_eq!(doc, serde_json::json!({"removed": 0}));
    assert!(run(&["logout"]).starts_with("no stored login for app"));
    let out = emu.cli().args(["status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(
        stderr(&out).contains("no stored logins in"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn doctor_checks_and_live_call() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let out = emu
        .cli()
        .args(["-o", "json", "doctor", "--live", "--app-public-key-file"])
        .arg(&emu.app_pub)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let doc = stdout_json(&out);
    assert_eq!(doc["ok"], true);
    let status = |name: &str| {
        doc["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .unwrap()["status"]
            .clone()
    };
    for name in [
        "app id",
        "private key",
        "sign type",
        "Alipay public key",
        "app public key",
        "gateway",
        "clock",
        "live call",
    ] {
        assert_eq!(status(name), "ok", "{name}: {doc}");
    }
    // Swapped keys and a wrong app public key: configuration failures, exit 2.
    let out = emu
        .cli()
        .args(["doctor", "--app-public-key-file"])
        .arg(&emu.alipay_pub)
        .arg("--alipay-public-key-file")
        .arg(&emu.app_pub)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("✗ Alipay public key") && text.contains("app's own public key"),
        "{text}"
    );
    assert!(
        text.contains("✗ app public key") && text.contains("does not match"),
        "{text}"
    );
    // An app id the console could not have given: a failed check, as the
    // settings' own hint ("digits only") says.
    let out = emu
        .cli()
        .args(["--app-id", "abc", "doctor"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("✗ app id") && text.contains("digits only"),
        "{text}"
    );
    // A private key the gateway does not know: the live call shows both
    // strings to sign and Alipay's whole sentence.
    let stranger = emu.dir.path().join("stranger.key");
    std::fs::write(
        &stranger,
        alipay_oauth::sign::key::to_pem(
            &alipay_oauth::sign::PrivateKey::generate(2048)
                .unwrap()
                .to_der(alipay_oauth::sign::key::KeyFormat::Pkcs8)
                .unwrap(),
            "PRIVATE KEY",
        ),
    )
    .unwrap();
    let out = emu
        .cli()
        .arg("--private-key-file")
        .arg(&stranger)
        .args(["doctor", "--live"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("✗ live call"), "{text}");
    assert!(text.contains("网关生成的验签字符串为"), "{text}");
    assert!(
        text.contains("our string to sign:") && text.contains("gateway string to sign:"),
        "{text}"
    );
    let out = emu
        .cli()
        .arg("--private-key-file")
        .arg(&stranger)
        .args(["-o", "json", "doctor", "--live"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let live = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "live call")
        .unwrap();
    assert!(
        live["details"][0]
            .as_str()
            .unwrap()
            .starts_with("our string to sign:"),
        "{live}"
    );
    // Only the network failing: exit 3.
    let port = common::closed_port();
    let out = emu
        .cli()
        .args([
            "--gateway",
            &format!("http://127.0.0.1:{port}/gateway.do"),
            "doctor",
            "--live",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn parameters_in_the_gateway_url_are_signed_or_refused() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let out = emu
        .cli()
        .args([
            "--gateway",
            &format!("{}?charset=utf-8&app_auth_token=", emu.gateway()),
            "-o",
            "json",
        ])
        .args(["exchange", "--code", "-"])
        .write_stdin(emu.auth_code("auth_user"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = emu
        .cli()
        .args([
            "--gateway",
            &format!("{}?charset=gbk", emu.gateway()),
            "userinfo",
        ])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "charset=gbk");
}

#[test]
fn the_fault_api_wants_json() {
    let emu = EmulatorProc::start(&[]);
    let resp = common::http_client()
        .post(format!("{}/__emulator/faults", emu.base))
        .header("content-type", "text/plain")
        .body(r#"{"fault":"delay:1000"}"#)
        .send()
        .unwrap();
    assert_eq!(resp.status(), 415);
    assert!(emu.health()["faults"].as_array().unwrap().is_empty());
}

/// The environment the binary sees is one snapshot: a blank key variable is
/// unset, key text is found through it, and a file flag outranks it.
#[test]
fn key_text_variable_takes_its_place_in_the_precedence() {
    let key = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/keys/app-private-key-pkcs8.pem");
    let text = std::fs::read_to_string(&key).unwrap();
    let config = |var: &str, flag: bool| {
        let mut c = common::cli();
        c.env("ALIPAY_PRIVATE_KEY", var).args(["-o", "json"]);
        if flag {
            c.arg("--private-key-file").arg(&key);
        }
        let out = c.arg("config").output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout_json(&out)["private_key"].clone()
    };
    // JSON gives an unset setting as null value and null source.
    let unset = config(" \n", false);
    assert!(
        unset["value"].is_null() && unset["source"].is_null(),
        "{unset}"
    );
    assert_eq!(config(&text, false)["source"], "env ALIPAY_PRIVATE_KEY");
    assert_eq!(config(&text, true)["source"], "flag --private-key-file");
}

/// A gateway URL whose query contradicts the request: the core says which
/// parameter, the edge says to fix --gateway. Nothing is sent.
#[test]
fn a_gateway_url_parameter_that_contradicts_the_request_is_refused() {
    let emu = EmulatorProc::start(&[]);
    let out = emu
        .cli()
        .args(["exchange", "--code", "x", "--gateway"])
        .arg(format!("{}?charset=GBK", emu.gateway()))
        .output()
        .unwrap();
    common::assert_clean_failure(
        &out,
        2,
        "the gateway URL sets charset=GBK, but this request sends charset=utf-8",
    );
    assert!(stderr(&out).contains("remove the parameter from --gateway"));
}
