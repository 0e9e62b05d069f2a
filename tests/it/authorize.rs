//! `authorize` end to end against the emulator: a scripted browser through
//! BROWSER, a real headless Chromium clicking Agree, wrong states, stray
//! requests, timeouts, busy ports, pasting (on a pipe and on a terminal),
//! Ctrl-C and the browser rules.

use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{EmulatorProc, have, skip};
use serde_json::Value;

fn helper(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/helpers")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn http() -> reqwest::blocking::Client {
    common::http_client()
}

/// Starts `authorize` with a BROWSER that only records the URL; returns
/// the child and the authorization URL once it was "opened".
// The child is returned to the caller, who waits for it.
#[allow(clippy::zombie_processes)]
fn start_recorded(emu: &EmulatorProc, extra: &[&str]) -> (Child, String, PathBuf) {
    let record = emu.dir.path().join(format!("opened-{}", rand_suffix()));
    let mut cmd = common::cli_std();
    cmd.args(emu.client_args())
        .args(["-o", "json", "authorize"])
        .args(extra)
        .env(
            "BROWSER",
            format!("python3 {}", helper("record_browser.py")),
        )
        .env("FAKE_BROWSER_RECORD", &record)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(text) = std::fs::read_to_string(&record)
            && let Some(line) = text.lines().next()
        {
            return (child, line.to_string(), record);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the browser was never opened");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn rand_suffix() -> String {
    format!(
        "{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    )
}

/// The child's stderr, line by line as it comes (each wait up to 30 s).
fn stderr_lines(child: &mut Child) -> impl Iterator<Item = String> + use<> {
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    std::iter::from_fn(move || rx.recv_timeout(Duration::from_secs(30)).ok())
}

fn finish(child: Child) -> std::process::Output {
    child.wait_with_output().unwrap()
}

/// Follows the authorization URL through the emulator (agreeing) and returns
/// the callback URL without visiting it.
fn callback_url(emu: &EmulatorProc, auth_url: &str) -> String {
    emu.follow_authorization(auth_url, 0)
}

#[test]
fn scripted_browser_logs_in_end_to_end() {
    let emu = EmulatorProc::start(&[]);
    let log = emu.dir.path().join("browser.log");
    let out = emu
        .cli()
        .args(["-o", "json", "authorize"])
        .env("BROWSER", format!("python3 {}", helper("browser.py")))
        .env("FAKE_BROWSER_USER", "1")
        .env("FAKE_BROWSER_LOG", &log)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let doc = common::ok_json(&out);
    assert!(
        doc["access_token"]
            .as_str()
            .unwrap()
            .starts_with("authusrB")
    );
    assert_eq!(doc["user"]["nickname"], "Test Buyer");
    assert_eq!(doc["user"]["id_kind"], "open_id");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Open this URL to log in with Alipay:"),
        "{stderr}"
    );
    let pages = std::fs::read_to_string(&log).unwrap();
    assert!(
        pages
            .lines()
            .any(|l| l.starts_with("200 http://127.0.0.1:") && l.contains("/callback?")),
        "{pages}"
    );
    // The login is stored and usable.
    let out = emu.cli().args(["-o", "json", "userinfo"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// The login report in its other forms: quiet is the stored access token
/// alone, JSON is the token file's shape (with `permanent`) plus the user.
#[test]
fn login_report_quiet_and_json() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let login = |args: &[&str]| {
        emu.cli()
            .args(args)
            .arg("authorize")
            .env("BROWSER", format!("python3 {}", helper("browser.py")))
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap()
    };
    let out = login(&["-q"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    let token = emu.cli().args(["token"]).output().unwrap();
    assert_eq!(token.status.code(), Some(0));
    assert_eq!(printed, String::from_utf8(token.stdout).unwrap());
    assert_eq!(printed.lines().count(), 1, "{printed}");
    let doc = common::ok_json(&login(&["-o", "json"]));
    assert_eq!(doc["permanent"], false, "{doc}");
    assert_eq!(doc["user"]["nickname"], "沙箱用户");
}

#[test]
fn no_exchange_prints_the_code() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let out = emu
        .cli()
        .args([
            "-o",
            "json",
            "authorize",
            "--no-exchange",
            "--scope",
            "auth_base",
        ])
        .env("BROWSER", format!("python3 {}", helper("browser.py")))
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let doc = common::ok_json(&out);
    assert_eq!(doc["auth_code"].as_str().unwrap().len(), 32);
    assert_eq!(doc["scope"], "auth_base");
    assert_eq!(doc["app_id"], common::APP_ID);
    assert_eq!(doc["state"].as_str().unwrap().len(), 22);
    // The code works once, through exchange.
    let out = emu
        .cli()
        .args(["exchange", "--code", "-"])
        .write_stdin(doc["auth_code"].as_str().unwrap().to_string())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn wrong_state_stray_requests_then_the_right_callback() {
    let emu = EmulatorProc::start(&[]);
    let (child, auth_url, _) = start_recorded(&emu, &[]);
    let callback = callback_url(&emu, &auth_url);
    let cb = url::Url::parse(&callback).unwrap();
    let origin = format!("http://{}:{}", cb.host_str().unwrap(), cb.port().unwrap());

    // A favicon, another path, a POST: the wait goes on.
    assert_eq!(
        http()
            .get(format!("{origin}/favicon.ico"))
            .send()
            .unwrap()
            .status(),
        404
    );
    assert_eq!(http().post(callback.clone()).send().unwrap().status(), 405);
    // A wrong state: 400, ignored, and told in the terminal at once.
    let mut child = child;
    let mut lines = stderr_lines(&mut child);
    let forged = callback.replace("state=", "state=forged");
    let resp = http().get(&forged).send().unwrap();
    assert_eq!(resp.status(), 400);
    assert!(resp.text().unwrap().contains("does not match"));
    let told = lines
        .find(|l| l.contains("different state"))
        .expect("the wrong state is reported while the wait goes on");
    assert!(told.contains("still waiting"), "{told}");
    // Missing code, right state.
    let no_code: String = {
        let mut u = cb.clone();
        let pairs: Vec<(String, String)> = cb
            .query_pairs()
            .into_owned()
            .filter(|(k, _)| k != "auth_code")
            .collect();
        u.query_pairs_mut().clear().extend_pairs(pairs);
        u.to_string()
    };
    assert_eq!(http().get(&no_code).send().unwrap().status(), 400);

    // The right one: a UTF-8 page that escapes, is not cached, and ends the wait.
    let resp = http().get(&callback).send().unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["cache-control"], "no-store");
    assert_eq!(resp.headers()["content-type"], "text/html; charset=utf-8");
    let page = resp.text().unwrap();
    assert!(page.contains("return to the terminal") && page.contains("Do not share"));
    let out = finish(child);
    let doc = common::ok_json(&out);
    assert_eq!(doc["user"]["nickname"], "沙箱用户");
    // The listener is gone.
    assert!(http().get(&callback).send().is_err());
}

#[test]
fn the_callback_page_escapes_what_it_reflects() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let (child, auth_url, _) = start_recorded(&emu, &["--no-exchange"]);
    let callback = callback_url(&emu, &auth_url);
    let evil = callback.replace(
        "app_id=2021000000000000",
        "app_id=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    );
    let page = http().get(&evil).send().unwrap().text().unwrap();
    assert!(!page.contains("<script>"), "{page}");
    assert!(page.contains("&lt;script&gt;"));
    assert_eq!(finish(child).status.code(), Some(0));
}

#[test]
fn timeout_explains_what_happened() {
    let emu = EmulatorProc::start(&[]);
    let (child, auth_url, _) = start_recorded(&emu, &["--timeout", "6"]);
    let callback = callback_url(&emu, &auth_url);
    http()
        .get(callback.replace("state=", "state=old"))
        .send()
        .unwrap();
    let out = finish(child);
    assert_eq!(out.status.code(), Some(5));
    let err: Value = serde_json::from_slice(
        out.stderr
            .split(|b| *b == b'\n')
            .rfind(|l| l.starts_with(b"{"))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(err["error"]["kind"], "authorization");
    // stderr is a pipe and --qr was not given: no QR code.
    assert!(!String::from_utf8_lossy(&out.stderr).contains('█'));
    let msg = err["error"]["message"].as_str().unwrap();
    assert!(msg.contains("no authorization within 6 s"), "{msg}");
    assert!(
        msg.contains("1 callback(s) with a different state were ignored"),
        "{msg}"
    );
}

#[test]
fn busy_port_and_remote_listen_are_refused() {
    let emu = EmulatorProc::start(&[]);
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let out = emu
        .cli()
        .args([
            "authorize",
            "--no-browser",
            "--redirect-uri",
            &format!("http://127.0.0.1:{port}/cb"),
        ])
        .output()
        .unwrap();
    common::assert_clean_failure(
        &out,
        2,
        &format!("port {port} on 127.0.0.1 is already in use"),
    );
    let out = emu
        .cli()
        .args(["authorize", "--no-browser", "--listen", "0.0.0.0:0"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "not a loopback address");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--allow-remote-listen"), "{stderr}");
    // The core says what is wrong with the address; the command line puts
    // back the flag it came from, and the hint.
    for (spec, needle, hint) in [
        (
            "localhost",
            "--listen \"localhost\" is not HOST:PORT",
            "e.g. --listen 127.0.0.1:8080",
        ),
        (
            "example.com:8080",
            "--listen needs an IP address or localhost, not \"example.com\"",
            "e.g. --listen",
        ),
    ] {
        let out = emu
            .cli()
            .args(["authorize", "--no-browser", "--listen", spec])
            .output()
            .unwrap();
        common::assert_clean_failure(&out, 2, needle);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(hint), "{stderr}");
    }
    let out = emu
        .cli()
        .args([
            "authorize",
            "--no-browser",
            "--listen",
            "localhost",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    let doc: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stderr).trim()).expect("one JSON error");
    assert_eq!(doc["error"]["kind"], "usage");
    assert_eq!(
        doc["error"]["message"],
        "--listen \"localhost\" is not HOST:PORT"
    );
    let out = emu
        .cli()
        .args(["authorize", "--scope", "auth_email"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "auth_email");
}

#[test]
fn manual_paste_on_standard_input() {
    let emu = EmulatorProc::start(&["--redirect-domain", "shop.example.com"]);
    for (mangle, expect) in [(0, 0), (1, 5), (2, 5)] {
        let mut child = common::cli_std()
            .args(emu.client_args())
            .args(["-o", "json", "authorize", "--manual", "--no-browser"])
            .args(["--redirect-uri", "https://shop.example.com/alipay/cb"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut auth_url = String::new();
        let mut line = String::new();
        while stderr.read_line(&mut line).unwrap() > 0 {
            if let Some(u) = line.trim().strip_prefix("http") {
                auth_url = format!("http{u}");
                break;
            }
            line.clear();
        }
        let callback = callback_url(&emu, &auth_url);
        assert!(callback.starts_with("https://shop.example.com/alipay/cb?"));
        let pasted = match mangle {
            0 => callback,
            1 => callback.replace("state=", "state=x"),
            // Without its state: not from this login.
            _ => callback.split("&state=").next().unwrap().to_string(),
        };
        writeln!(child.stdin.take().unwrap(), "{pasted}").unwrap();
        let rest = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
            s
        });
        let status = child.wait().unwrap();
        let err = rest.join().unwrap();
        assert_eq!(status.code(), Some(expect), "{err}");
        match mangle {
            1 => assert!(err.contains("different state"), "{err}"),
            2 => assert!(err.contains("has no state"), "{err}"),
            _ => {}
        }
    }
}

/// `authorize --manual </dev/null`: the end of input ends the wait at once,
/// and manual mode never talks about a listener.
#[test]
fn manual_mode_ends_when_input_ends() {
    let emu = EmulatorProc::start(&["--redirect-domain", "shop.example.com"]);
    for json in [false, true] {
        let started = Instant::now();
        let mut cmd = common::cli_std();
        cmd.args(emu.client_args());
        if json {
            cmd.args(["-o", "json"]);
        }
        let out = cmd
            .args(["authorize", "--manual", "--no-browser"])
            .args(["--redirect-uri", "https://shop.example.com/alipay/cb"])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        // The default timeout is 300 s.
        assert!(started.elapsed() < Duration::from_secs(60));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(5), "{err}");
        assert!(err.contains("input ended"), "{err}");
        assert!(!err.to_lowercase().contains("listener"), "{err}");
        assert!(!err.contains("browser could not reach"), "{err}");
        if json {
            let doc: Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
            assert_eq!(doc["error"]["kind"], "authorization");
        } else {
            common::assert_clean_failure(&out, 5, "input ended");
        }
    }
}

#[test]
fn paste_on_a_terminal() {
    if !have("python3") {
        skip("python3");
        return;
    }
    let emu = EmulatorProc::start(&[]);
    // A wrong state is told at once and the prompt stays, so the right URL
    // pasted next logs in.
    for (mode, expect) in [("url", 0), ("code", 0), ("wrong-state", 0)] {
        let mut args: Vec<String> = vec![
            "python3".into(),
            helper("pty_paste.py"),
            mode.into(),
            common::bin_path().to_string_lossy().into_owned(),
        ];
        args.extend(emu.client_args());
        args.extend(["authorize".into(), "--no-browser".into()]);
        // On a terminal the QR code is shown unless refused.
        let no_qr = mode == "code";
        if no_qr {
            args.push("--no-qr".into());
        }
        let out = common::cli_std_program(&args[0])
            .args(&args[1..])
            .env("TERM", "xterm")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(expect), "{mode}: {text}");
        if expect == 0 {
            assert!(text.contains("沙箱用户"), "{mode}: {text}");
        }
        if mode == "wrong-state" {
            assert!(
                text.contains("different state") && text.contains("paste the address you land on"),
                "{text}"
            );
        }
        assert_eq!(
            text.contains("Or scan it with the Alipay app:") && text.contains('█'),
            !no_qr,
            "{mode}: {text}"
        );
    }
}

#[test]
fn ctrl_c_exits_130() {
    let emu = EmulatorProc::start(&[]);
    let (child, _, _) = start_recorded(&emu, &[]);
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: sending SIGINT to our own child process.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGINT);
    }
    let out = finish(child);
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted"));
}

#[test]
fn no_browser_without_a_display_or_over_ssh() {
    let emu = EmulatorProc::start(&[]);
    for (env, why) in [
        (("DISPLAY", ""), "there is no display"),
        (("SSH_CONNECTION", "10.0.0.1 22 10.0.0.2 22"), "SSH session"),
    ] {
        let mut child = common::cli_std()
            .args(emu.client_args())
            .args(["authorize", "--timeout", "1"])
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env("DISPLAY", if env.0 == "SSH_CONNECTION" { ":0" } else { "" })
            .env(env.0, env.1)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let status = child.wait().unwrap();
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        assert_eq!(status.code(), Some(5));
        assert!(err.contains(why), "{err}");
        assert!(
            err.contains("/oauth2/publicAppAuthorize.htm?"),
            "the URL is always printed: {err}"
        );
    }
}

/// A real headless Chromium (through chromedriver's WebDriver API) loads the
/// consent page, clicks Agree and lands on the listener.
#[test]
fn headless_chromium_clicks_agree() {
    let (Some(chromium), Some(driver)) = (
        find(&["chromium", "chromium-browser"]),
        find(&["chromedriver"]),
    ) else {
        skip("chromium and chromedriver (Debian packages chromium, chromium-driver)");
        return;
    };
    let emu = EmulatorProc::start(&[]);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut driver = std::process::Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let wd = format!("http://127.0.0.1:{port}");
    let client = reqwest::blocking::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let call = |method: reqwest::Method, path: &str, body: Value| -> Value {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let mut req = client.request(method.clone(), format!("{wd}{path}"));
            if !body.is_null() {
                req = req
                    .header("content-type", "application/json")
                    .body(body.to_string());
            }
            match req.send() {
                Ok(r) => return serde_json::from_str(&r.text().unwrap()).unwrap(),
                Err(_) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(100))
                }
                Err(e) => panic!("chromedriver: {e}"),
            }
        }
    };
    let profile = emu.dir.path().join("chromium-profile");
    let session = call(
        reqwest::Method::POST,
        "/session",
        serde_json::json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     format!("--user-data-dir={}", profile.display())]
        }}}}),
    );
    let id = session["value"]["sessionId"]
        .as_str()
        .unwrap_or_else(|| panic!("no session: {session}"))
        .to_string();

    let (child, auth_url, _) = start_recorded(&emu, &[]);
    call(
        reqwest::Method::POST,
        &format!("/session/{id}/url"),
        serde_json::json!({"url": auth_url}),
    );
    let agree = call(
        reqwest::Method::POST,
        &format!("/session/{id}/element"),
        serde_json::json!({"using": "css selector", "value": "#agree"}),
    );
    let element = agree["value"]
        .as_object()
        .and_then(|o| o.values().next())
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no Agree button: {agree}"))
        .to_string();
    call(
        reqwest::Method::POST,
        &format!("/session/{id}/element/{element}/click"),
        serde_json::json!({}),
    );
    let out = finish(child);
    let page = call(
        reqwest::Method::GET,
        &format!("/session/{id}/source"),
        Value::Null,
    );
    let current = call(
        reqwest::Method::GET,
        &format!("/session/{id}/url"),
        Value::Null,
    );
    call(
        reqwest::Method::DELETE,
        &format!("/session/{id}"),
        Value::Null,
    );
    let _ = driver.kill();
    let _ = driver.wait();
    let doc = common::ok_json(&out);
    assert_eq!(doc["user"]["nickname"], "沙箱用户");
    assert!(
        current["value"]
            .as_str()
            .is_some_and(|u| u.contains("/callback?")),
        "{current}"
    );
    assert!(
        page["value"]
            .as_str()
            .is_some_and(|p| p.contains("Logged in with Alipay")),
        "{page}"
    );
}

fn find(names: &[&str]) -> Option<String> {
    for n in names {
        for dir in std::env::var("PATH").unwrap_or_default().split(':') {
            let p = Path::new(dir).join(n);
            if p.is_file() {
                return Some(p.to_string_lossy().into_owned());
            }
        }
    }
    None
}

/// The QR code lines of `authorize --qr` on stderr: the half-block rows.
fn qr_rows(stderr: &str) -> Vec<Vec<char>> {
    stderr
        .lines()
        .filter(|l| l.contains('█') && l.chars().all(|c| matches!(c, ' ' | '▀' | '▄' | '█')))
        .map(|l| l.chars().collect())
        .collect()
}

/// Draws half-block rows as a binary PGM image, `scale` pixels per module:
/// ink (the light modules) white, blank cells black.
fn rows_to_pgm(rows: &[Vec<char>], scale: usize) -> Vec<u8> {
    let width = rows[0].len();
    let mut modules: Vec<Vec<bool>> = Vec::new();
    for row in rows {
        assert_eq!(row.len(), width, "every row of the code is as wide");
        let upper = row.iter().map(|c| matches!(c, '▀' | '█')).collect();
        let lower = row.iter().map(|c| matches!(c, '▄' | '█')).collect();
        modules.push(upper);
        modules.push(lower);
    }
    let (w, h) = (width * scale, modules.len() * scale);
    let mut pgm = format!("P5\n{w} {h}\n255\n").into_bytes();
    for line in &modules {
        let pixels: Vec<u8> = line
            .iter()
            .flat_map(|&light| std::iter::repeat_n(if light { 255 } else { 0 }, scale))
            .collect();
        for _ in 0..scale {
            pgm.extend_from_slice(&pixels);
        }
    }
    pgm
}

#[test]
fn qr_code_decodes_to_the_exact_url() {
    if !have("zbarimg") {
        skip("zbarimg (Debian zbar-tools)");
        return;
    }
    let emu = EmulatorProc::start(&[]);
    // A redirect URI with a query of its own makes a long, percent-encoded URL.
    let redirect = format!(
        "http://127.0.0.1:{}/alipay/callback?next=%2Faccount%2Forders&lang=zh-CN",
        common::closed_port()
    );
    let (child, auth_url, _) = start_recorded(
        &emu,
        &[
            "--qr",
            "--scope",
            "auth_user,auth_base",
            "--redirect-uri",
            &redirect,
        ],
    );
    let callback = callback_url(&emu, &auth_url);
    http().get(&callback).send().unwrap();
    let out = finish(child);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains(&format!("  {auth_url}\n")), "{stderr}");

    let rows = qr_rows(&stderr);
    assert!(!rows.is_empty(), "a QR code on stderr: {stderr}");
    assert!(rows[0].len() <= 80, "{} columns", rows[0].len());
    let image = emu.dir.path().join("qr.pgm");
    std::fs::write(&image, rows_to_pgm(&rows, 4)).unwrap();
    let decoded = std::process::Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(&image)
        .output()
        .unwrap();
    assert!(
        decoded.status.success(),
        "zbarimg: {}",
        String::from_utf8_lossy(&decoded.stderr)
    );
    let text = String::from_utf8(decoded.stdout).unwrap();
    assert_eq!(text.trim_end_matches('\n'), auth_url);
}

/// Why no listener runs and why no browser opens are the core's facts; the
/// command line words them, naming the flags that change them.
#[test]
fn paste_and_browser_reasons_are_worded_at_the_edge() {
    let emu = EmulatorProc::start(&["--redirect-domain", "shop.example.com"]);
    let out = emu
        .cli()
        .args(["authorize", "--no-browser"])
        .args(["--redirect-uri", "https://shop.example.com/alipay/cb"])
        .write_stdin("")
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 5, "the input ended");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("No callback listener: the redirect URI's host shop.example.com is not this machine (use --listen HOST:PORT"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Not opening a browser (--no-browser)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("echo \"$URL\" | alipay-oauth authorize"),
        "{stderr}"
    );
}
