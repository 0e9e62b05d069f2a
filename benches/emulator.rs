//! Token exchanges per second the emulator sustains with parallel clients,
//! beside `openssl speed rsa2048` sign/s times the cores (each exchange
//! costs the emulator one RSA signature, plus one cheap verification).
//!
//! Run: `cargo bench --bench emulator` (`-- --exchanges N --clients C`).
//! The codes and signed requests are made before the clock starts, so the
//! figure is the emulator's, not the load generator's signing.

use std::sync::Arc;
use std::time::Instant;

use alipay_oauth::emulator::users::IdMode;
use alipay_oauth::emulator::{AppConfig, Emulator, EmulatorConfig};
use alipay_oauth::protocol::v2::{Common, QUERY_PARAMS, common_params, now_timestamp};
use alipay_oauth::sign::form;
use alipay_oauth::sign::{Charset, PrivateKey, SignType, sign_params};

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter()
        .skip_while(|a| *a != name)
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn openssl_speed_multi(cores: usize) -> Option<f64> {
    let out = std::process::Command::new("openssl")
        .args([
            "speed",
            "-seconds",
            "3",
            "-multi",
            &cores.to_string(),
            "rsa2048",
        ])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("rsa 2048 bits") || l.starts_with("rsa  2048 bits"))?;
    let nums: Vec<f64> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (nums.len() >= 3).then(|| nums[nums.len() - 2])
}

thread_local! {
    static CONN: std::cell::RefCell<Option<std::io::BufReader<std::net::TcpStream>>> = const { std::cell::RefCell::new(None) };
}

/// Sends one request on this thread's connection; true when the answer
/// carries an access token.
fn exchange(addr: std::net::SocketAddr, request: &[u8]) -> bool {
    use std::io::{BufRead, Read, Write};
    CONN.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = Some(std::io::BufReader::new(
                std::net::TcpStream::connect(addr).unwrap(),
            ));
        }
        let conn = c.as_mut().unwrap();
        conn.get_mut().write_all(request).unwrap();
        let mut length = 0usize;
        let mut line = String::new();
        loop {
            line.clear();
            conn.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap();
            }
        }
        let mut body = vec![0u8; length];
        conn.read_exact(&mut body).unwrap();
        body.windows(14).any(|w| w == b"\"access_token\"")
    })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let benching = args.iter().any(|a| a == "--bench");
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let exchanges = arg(&args, "--exchanges", if benching { 1200 } else { 8 });
    let clients = arg(&args, "--clients", 8);

    let app_key = PrivateKey::generate(2048).unwrap();
    let mut config = EmulatorConfig::new(
        vec![AppConfig {
            app_id: "2021000000000000".into(),
            name: "bench".into(),
            public_key: app_key.public_key(),
            redirect_domains: Vec::new(),
            id_mode: IdMode::OpenId,
            member_info: true,
            group: None,
        }],
        PrivateKey::generate(2048).unwrap(),
    );
    config.port = 0;
    config.auto_approve = true;
    config.threads = cores.max(2) * 2;
    let emulator = Emulator::start(config, Arc::new(alipay_oauth::trace::Silent)).unwrap();
    let http = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .unwrap();

    // Codes and signed requests, before the clock starts.
    let requests: Vec<(String, String)> = (0..exchanges)
        .map(|_| {
            let resp = http
                .get(format!(
                    "{}?app_id=2021000000000000&scope=auth_user&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2Fcb",
                    emulator.authorize_url()
                ))
                .send()
                .unwrap();
            let location = resp.headers()["location"].to_str().unwrap().to_string();
            let code = url::Url::parse(&location)
                .unwrap()
                .query_pairs()
                .find(|(k, _)| k == "auth_code")
                .unwrap()
                .1
                .into_owned();
            let mut params = common_params(
                "alipay.system.oauth.token",
                &Common {
                    app_id: "2021000000000000",
                    charset: Charset::Utf8,
                    sign_type: SignType::Rsa2,
                    timestamp: now_timestamp(),
                },
            );
            params.set("grant_type", "authorization_code");
            params.set("code", code);
            let signed = sign_params(&params, &app_key, SignType::Rsa2, Charset::Utf8).unwrap();
            params.set("sign", signed.sign);
            type Pairs<'a> = Vec<(&'a str, &'a str)>;
            let (q, b): (Pairs, Pairs) = params.iter().partition(|(k, _)| QUERY_PARAMS.contains(k));
            (
                format!("{}?{}", emulator.gateway_url(), form::encode(q, Charset::Utf8).unwrap()),
                form::encode(b, Charset::Utf8).unwrap(),
            )
        })
        .collect();

    // Raw HTTP/1.1 over kept-alive connections: the lightest load generator,
    // so that on a small machine the emulator, not the client, has the cores.
    let addr = emulator.addr();
    let wire: Vec<Vec<u8>> = requests
        .iter()
        .map(|(url, body)| {
            let target = &url[url.find("/gateway.do").unwrap()..];
            format!(
                "POST {target} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded;charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .into_bytes()
        })
        .collect();
    let per_client = wire.len().div_ceil(clients);
    let started = Instant::now();
    let ok: usize = std::thread::scope(|s| {
        let handles: Vec<_> = wire
            .chunks(per_client)
            .map(|chunk| s.spawn(move || chunk.iter().filter(|req| exchange(addr, req)).count()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    let elapsed = started.elapsed();
    assert_eq!(ok, requests.len(), "every exchange succeeds");
    let rate = ok as f64 / elapsed.as_secs_f64();
    println!(
        "emulator: {ok} token exchanges from {clients} parallel clients in {:.2} s = {rate:.0} exchanges/s ({cores} cores)",
        elapsed.as_secs_f64()
    );
    if benching {
        match openssl_speed_multi(cores) {
            Some(sign) => println!(
                "openssl speed -multi {cores} rsa2048: {sign:.0} sign/s; ratio {:.2} (target 0.6)",
                rate / sign
            ),
            None => println!("openssl speed: not available"),
        }
    }
}
