//! Hostile clients against the two servers (the emulator and the callback
//! listener of `authorize`): every bound holds, nothing crashes, stalls or
//! grows without limit. Loopback only; each test is bounded in time.

use crate::common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::EmulatorProc;

fn addr_of(emu: &EmulatorProc) -> SocketAddr {
    let url = url::Url::parse(&emu.base).unwrap();
    format!("{}:{}", url.host_str().unwrap(), url.port().unwrap())
        .parse()
        .unwrap()
}

fn connect(addr: SocketAddr) -> TcpStream {
    let s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(20))).unwrap();
    s
}

/// Sends raw bytes on a fresh connection and returns the status code and
/// the whole answer (read until the server closes or the answer is in).
fn raw(addr: SocketAddr, request: &[u8]) -> (u16, String) {
    let mut s = connect(addr);
    // The server may answer and close before taking everything.
    let _ = s.write_all(request);
    read_answer(&mut s)
}

fn read_answer(s: &mut TcpStream) -> (u16, String) {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                got.extend_from_slice(&buf[..n]);
                if complete(&got) {
                    break;
                }
            }
            Err(_) => break,
        }
    }
    let text = String::from_utf8_lossy(&got).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, text)
}

/// True once the head and a Content-Length body are in.
fn complete(got: &[u8]) -> bool {
    let text = String::from_utf8_lossy(got);
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return false;
    };
    let length = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse::<usize>().unwrap_or(0))
        })
        .unwrap_or(0);
    body.len() >= length
}

fn health_ok(emu: &EmulatorProc) -> bool {
    let (status, _) = raw(
        addr_of(emu),
        b"GET /__emulator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    status == 200
}

/// A /proc/PID/status field in kB or count.
fn proc_status(pid: u32, field: &str) -> u64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {field} in /proc/{pid}/status"))
}

fn threads_of(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .count()
}

/// Waits until `check` holds, or fails after `limit`.
fn eventually(limit: Duration, what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !check() {
        assert!(Instant::now() < deadline, "{what} within {limit:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_huge_content_length_gets_413_without_reading_or_aborting() {
    let emu = EmulatorProc::start(&[]);
    let addr = addr_of(&emu);
    let (status, answer) = raw(
        addr,
        b"POST /gateway.do?charset=utf-8 HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000000\r\n\r\nabc",
    );
    assert_eq!(status, 413, "{answer}");
    // A chunked body over the limit is cut off while streaming.
    let mut s = connect(addr);
    s.write_all(
        b"POST /gateway.do?charset=utf-8 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
    )
    .unwrap();
    let chunk = format!("{:x}\r\n{}\r\n", 64 << 10, "a".repeat(64 << 10));
    for _ in 0..20 {
        if s.write_all(chunk.as_bytes()).is_err() {
            break;
        }
    }
    let (status, answer) = read_answer(&mut s);
    assert_eq!(status, 413, "{answer}");
    assert!(health_ok(&emu), "the emulator still answers");
}

#[test]
fn stalled_bodies_stop_neither_the_emulator_nor_the_listener_and_the_timeout_holds() {
    let emu = EmulatorProc::start(&[]);
    let addr = addr_of(&emu);
    // More stalled bodies than the old server had worker threads.
    let stalled: Vec<TcpStream> = (0..40)
        .map(|_| {
            let mut s = connect(addr);
            s.write_all(
                b"POST /gateway.do?charset=utf-8 HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\nabc",
            )
            .unwrap();
            s
        })
        .collect();
    assert!(health_ok(&emu), "the emulator answers past stalled bodies");

    // The listener: stalled requests, then the real callback is answered.
    let (child, auth_url) = start_authorize(&emu, &["--timeout", "60"]);
    let callback = emu.follow_authorization(&auth_url, 0);
    let cb = url::Url::parse(&callback).unwrap();
    let listener: SocketAddr = format!("{}:{}", cb.host_str().unwrap(), cb.port().unwrap())
        .parse()
        .unwrap();
    let target = &callback[callback.find("/callback").unwrap()..];
    let held: Vec<TcpStream> = (0..16)
        .map(|_| {
            let mut s = connect(listener);
            s.write_all(
                format!("GET {target} HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\nabc")
                    .as_bytes(),
            )
            .unwrap();
            s
        })
        .collect();
    let mut slow_head = connect(listener);
    slow_head.write_all(b"GET /callback?st").unwrap();
    let (status, answer) = raw(
        listener,
        format!("GET {target} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000000\r\n\r\n")
            .as_bytes(),
    );
    assert_eq!(status, 413, "{answer}");
    let started = Instant::now();
    let resp = common::http_client().get(&callback).send().unwrap();
    assert_eq!(resp.status(), 200);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "authorize ended {:?} after the callback",
        started.elapsed()
    );
    drop((held, slow_head, stalled));

    // Stalled clients held open, no callback: --timeout still ends the wait.
    let (child, auth_url) = start_authorize(&emu, &["--timeout", "4"]);
    let callback = emu.follow_authorization(&auth_url, 0);
    let cb = url::Url::parse(&callback).unwrap();
    let listener: SocketAddr = format!("{}:{}", cb.host_str().unwrap(), cb.port().unwrap())
        .parse()
        .unwrap();
    let _held: Vec<TcpStream> = (0..16)
        .map(|_| {
            let mut s = connect(listener);
            let _ = s.write_all(
                b"GET /callback?state=x HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\nabc",
            );
            s
        })
        .collect();
    let started = Instant::now();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "--timeout 4 took {:?}",
        started.elapsed()
    );
}

/// `authorize --no-exchange` with a BROWSER that records the URL; returns
/// the child (the caller waits for it) and the authorization URL.
#[allow(clippy::zombie_processes)]
fn start_authorize(emu: &EmulatorProc, extra: &[&str]) -> (Child, String) {
    let record = emu.dir.path().join(format!(
        "opened-{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    let helper = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/helpers/record_browser.py");
    let mut child = common::cli_std()
        .args(emu.client_args())
        .args(["-o", "json", "authorize", "--no-exchange"])
        .args(extra)
        .env("BROWSER", format!("python3 {}", helper.display()))
        .env("FAKE_BROWSER_RECORD", &record)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(line) = std::fs::read_to_string(&record)
            .ok()
            .and_then(|t| t.lines().next().map(str::to_string))
        {
            return (child, line);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the browser was never opened");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn running_out_of_file_descriptors_does_not_end_the_accept_loop() {
    // A low descriptor limit for the emulator alone.
    let emu = EmulatorProc::start_with(&[], |cmd| {
        use std::os::unix::process::CommandExt;
        // SAFETY: setrlimit is async-signal-safe and touches only the child.
        unsafe {
            cmd.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: 64,
                    rlim_max: 64,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    });
    let addr = addr_of(&emu);
    // More idle connections than descriptors: the kernel queues the rest.
    let idle: Vec<TcpStream> = (0..120)
        .filter_map(|_| TcpStream::connect(addr).ok())
        .collect();
    assert!(idle.len() > 64, "only {} connections", idle.len());
    std::thread::sleep(Duration::from_millis(500));
    drop(idle);
    eventually(
        Duration::from_secs(30),
        "the emulator answers again",
        || health_ok(&emu),
    );
}

#[test]
fn oversized_request_lines_and_heads_get_414_or_431_and_memory_stays_flat() {
    let emu = EmulatorProc::start(&[]);
    let addr = addr_of(&emu);
    let pid = emu.pid();
    assert!(health_ok(&emu));
    let before = proc_status(pid, "VmRSS:");

    // A target over 8 KiB (the head still under 16 KiB): 414.
    let target = format!("/oauth2/publicAppAuthorize.htm?x={}", "a".repeat(10 << 10));
    let (status, answer) = raw(
        addr,
        format!("GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes(),
    );
    assert_eq!(status, 414, "{}", &answer[..answer.len().min(200)]);
    // Headers over 16 KiB: 431.
    let (status, _) = raw(
        addr,
        format!(
            "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
            "b".repeat(20 << 10)
        )
        .as_bytes(),
    );
    assert_eq!(status, 431);
    // A 64 MB request line, streamed by several clients at once: each is
    // cut off at the head limit.
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                let mut c = connect(addr);
                let _ = c.write_all(b"GET /");
                let chunk = vec![b'a'; 1 << 20];
                for _ in 0..64 {
                    if c.write_all(&chunk).is_err() {
                        break;
                    }
                }
                let (status, _) = read_answer(&mut c);
                assert!(matches!(status, 0 | 414 | 431), "{status}");
            });
        }
    });
    // Authorization requests with a 1 MB redirect_uri: refused, not kept.
    let redirect = format!("http%3A%2F%2F127.0.0.1%2F{}", "c".repeat(1 << 20));
    for _ in 0..50 {
        let mut c = connect(addr);
        let _ = c.write_all(
            format!(
                "GET /oauth2/publicAppAuthorize.htm?app_id={}&scope=auth_user&redirect_uri={redirect} HTTP/1.1\r\nHost: x\r\n\r\n",
                emu.app_id
            )
            .as_bytes(),
        );
        let (status, _) = read_answer(&mut c);
        assert!(matches!(status, 0 | 414 | 431), "{status}");
    }
    assert_eq!(emu.health()["live"]["consents"], 0);
    assert!(health_ok(&emu));
    let after = proc_status(pid, "VmRSS:");
    assert!(
        after < before + 32 * 1024,
        "VmRSS grew from {before} kB to {after} kB"
    );
}

#[test]
fn idle_connections_cost_no_threads_and_the_cap_answers_503() {
    let emu = EmulatorProc::start(&["--max-connections", "300"]);
    let addr = addr_of(&emu);
    let pid = emu.pid();
    assert!(health_ok(&emu));
    let before = threads_of(pid);
    let idle: Vec<TcpStream> = (0..300).map(|_| connect(addr)).collect();
    // Let the server accept them all.
    std::thread::sleep(Duration::from_secs(1));
    let during = threads_of(pid);
    assert!(
        during <= before + 2,
        "{before} threads before, {during} with 300 idle connections"
    );
    // The 301st is over the cap.
    let (status, answer) = raw(addr, b"GET /__emulator/health HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(status, 503, "{answer}");
    drop(idle);
    eventually(Duration::from_secs(20), "room again", || health_ok(&emu));
}

#[test]
fn idle_slow_head_and_slow_body_are_timed_out() {
    let emu = EmulatorProc::start(&[
        "--idle-timeout",
        "1",
        "--header-timeout",
        "2",
        "--body-timeout",
        "1",
    ]);
    let addr = addr_of(&emu);
    let closed_within = |s: &mut TcpStream, limit: Duration| {
        let started = Instant::now();
        let mut buf = [0u8; 1024];
        loop {
            match s.read(&mut buf) {
                Ok(0) => return started.elapsed() < limit,
                Ok(_) => continue,
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
                    return started.elapsed() < limit;
                }
                Err(_) => return false,
            }
        }
    };

    // A kept-alive connection, idle after its answer, is closed.
    let mut s = connect(addr);
    s.write_all(b"GET /__emulator/health HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let (status, _) = read_answer(&mut s);
    assert_eq!(status, 200);
    let started = Instant::now();
    assert!(closed_within(&mut s, Duration::from_secs(15)));
    assert!(started.elapsed() >= Duration::from_millis(500));
    // One that never sends anything.
    let mut s = connect(addr);
    assert!(closed_within(&mut s, Duration::from_secs(15)));
    // A head that trickles in, a byte at a time, is cut off at the header
    // timeout (it would go on for a minute).
    let mut s = connect(addr);
    let started = Instant::now();
    let head = format!(
        "GET /__emulator/health HTTP/1.1\r\nHost: x\r\nX-Slow: {}",
        "a".repeat(300)
    );
    let mut cut_off = false;
    for b in head.bytes() {
        if s.write_all(&[b]).is_err() {
            cut_off = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(cut_off, "the slow head was never cut off");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "cut off only after {:?}",
        started.elapsed()
    );
    // A body that stops arriving: 408.
    let mut s = connect(addr);
    s.write_all(
        b"POST /gateway.do?charset=utf-8 HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc",
    )
    .unwrap();
    let (status, answer) = read_answer(&mut s);
    assert_eq!(status, 408, "{answer}");
    assert!(health_ok(&emu));
}

#[test]
fn absolute_form_targets_are_answered() {
    let emu = EmulatorProc::start(&[]);
    let addr = addr_of(&emu);
    let (status, answer) = raw(
        addr,
        format!(
            "GET {}/__emulator/health HTTP/1.1\r\nHost: {addr}\r\n\r\n",
            emu.base
        )
        .as_bytes(),
    );
    assert_eq!(status, 200, "{answer}");
    // The gateway in absolute form, as the official SDK sends it: a real
    // gateway answer (an unsigned error for the missing fields), not 404.
    let (status, answer) = raw(
        addr,
        format!(
            "POST {}/gateway.do?charset=utf-8&app_id=2021000000000000 HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 0\r\n\r\n",
            emu.base
        )
        .as_bytes(),
    );
    assert_eq!(status, 200, "{answer}");
    assert!(answer.contains("isv.missing-method"), "{answer}");
}

#[test]
fn threads_out_of_range_are_a_usage_error() {
    for n in ["0", "257", "10000000"] {
        let out = common::cli()
            .args(["emulator", "--port", "0", "--threads", n])
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "--threads {n}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("--threads"), "{stderr}");
        assert!(!stderr.contains("panic"), "{stderr}");
    }
}

#[test]
fn fault_counts_that_are_not_whole_numbers_in_range_get_400() {
    let emu = EmulatorProc::start(&[]);
    let post = |body: &str| {
        common::http_client()
            .post(format!("{}/__emulator/faults", emu.base))
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .unwrap()
    };
    for count in ["-1", "1e10", "10000000000", "1.5", "0", "\"2\"", "null"] {
        let resp = post(&format!("{{\"fault\":\"tamper\",\"count\":{count}}}"));
        assert_eq!(resp.status(), 400, "count {count}");
        assert!(resp.text().unwrap().contains("count"), "count {count}");
    }
    assert!(emu.health()["faults"].as_array().unwrap().is_empty());
    assert_eq!(post("{\"fault\":\"tamper\",\"count\":2}").status(), 200);
    assert_eq!(emu.health()["faults"][0], "tamper/2");
}

#[test]
fn the_request_log_names_method_app_outcome_and_time() {
    let emu = EmulatorProc::start(&[]);
    let out = emu
        .cli()
        .args(["exchange", "--code", "-"])
        .write_stdin("not-a-code")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    eventually(Duration::from_secs(10), "a gateway line in the log", || {
        emu.log().contains("POST /gateway.do")
    });
    let log = emu.log();
    let line = log
        .lines()
        .find(|l| l.starts_with("POST /gateway.do"))
        .unwrap();
    assert!(
        line.contains(
            "alipay.system.oauth.token app 2021000000000000 -> 200 40002 isv.code-invalid ("
        ),
        "{line}"
    );
    assert!(line.ends_with(" ms)"), "{line}");
}
