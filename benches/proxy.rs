//! What `alipay-oauth proxy` adds to an exchange: the latency of the same
//! signed v2 request sent straight to the emulator and through the proxy,
//! alternately, on kept-alive connections, as mean, p50 and p95.
//!
//! Run: `cargo bench --bench proxy` (`-- --exchanges N`, default 200).
//! The proxy checks both signatures after the answer is on its way, so the
//! figure is the forwarding; the checks' own cost is printed beside it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use alipay_oauth::emulator::users::IdMode;
use alipay_oauth::emulator::{AppConfig, Emulator, EmulatorConfig};
use alipay_oauth::protocol::v2::{Common, common_params, now_timestamp};
use alipay_oauth::proxy::{self, Keys, Proxy, inspect};
use alipay_oauth::sign::form;
use alipay_oauth::sign::{Charset, PrivateKey, SignType, sign_params};

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter()
        .skip_while(|a| *a != name)
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Counts the exchanges the proxy reported.
struct Count(AtomicU64);

impl proxy::Sink for Count {
    fn exchange(&self, e: &proxy::Exchange) {
        assert_eq!(e.inspection.request, proxy::Verdict::Valid);
        assert_eq!(e.inspection.response, proxy::Verdict::Valid);
        self.0.fetch_add(1, Ordering::Relaxed);
    }
    fn record_problem(&self, _: &proxy::record::RecordError) {}
}

fn stats(name: &str, mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = samples.iter().map(|d| ms(*d)).sum::<f64>() / samples.len() as f64;
    let at = |q: f64| ms(samples[((samples.len() as f64 * q).ceil() as usize).saturating_sub(1)]);
    println!(
        "{name:<14} n={} mean {mean:.3} ms  p50 {:.3} ms  p95 {:.3} ms",
        samples.len(),
        at(0.50),
        at(0.95)
    );
    mean
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let benching = args.iter().any(|a| a == "--bench");
    let n = arg(&args, "--exchanges", if benching { 200 } else { 5 });

    let app_key = PrivateKey::generate(2048).unwrap();
    let alipay_key = PrivateKey::generate(2048).unwrap();
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
        alipay_key.clone(),
    );
    config.port = 0;
    config.threads = 2;
    let emulator = Emulator::start(config, Arc::new(alipay_oauth::trace::Silent)).unwrap();
    let upstream = url::Url::parse(emulator.base_url()).unwrap();
    let count = Arc::new(Count(AtomicU64::new(0)));
    let proxy = Proxy::start(
        vec![std::net::TcpListener::bind("127.0.0.1:0").unwrap()],
        proxy::Config {
            upstream,
            keys: Keys {
                app: app_key.public_key(),
                alipay: alipay_key.public_key(),
                alipay_cert_sn: None,
            },
            limits: alipay_oauth::http_server::Limits::default(),
            threads: 4,
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            outgoing_proxy: Default::default(),
            recorder: None,
        },
        count.clone(),
    )
    .unwrap();
    let proxy_base = format!("http://{}", proxy.local_addrs()[0]);

    // One signed request (a made-up user token: the emulator answers a
    // signed aop.invalid-auth-token), sent every time.
    let mut params = common_params(
        "alipay.user.info.share",
        &Common {
            app_id: "2021000000000000",
            charset: Charset::Utf8,
            sign_type: SignType::Rsa2,
            timestamp: now_timestamp(),
        },
    );
    params.set("auth_token", "authusrBnotarealtoken0000000000000");
    let signed = sign_params(&params, &app_key, SignType::Rsa2, Charset::Utf8).unwrap();
    params.set("sign", signed.sign);
    let query = form::encode(params.iter(), Charset::Utf8).unwrap();
    let client = reqwest::blocking::Client::builder()
        .no_proxy()
        .build()
        .unwrap();
    let send = |base: &str| {
        let started = Instant::now();
        let r = client
            .post(format!("{base}/gateway.do?{query}"))
            .send()
            .unwrap();
        let body = r.bytes().unwrap();
        let took = started.elapsed();
        assert!(body.starts_with(b"{\"alipay_user_info_share_response\""));
        took
    };
    // Warm both paths (connections, first allocations).
    for _ in 0..5 {
        send(emulator.base_url().trim_end_matches('/'));
        send(&proxy_base);
    }
    let (mut direct, mut proxied) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for _ in 0..n {
        direct.push(send(emulator.base_url().trim_end_matches('/')));
        proxied.push(send(&proxy_base));
    }
    let d = stats("direct", direct);
    let p = stats("through proxy", proxied);
    println!("overhead       mean {:.3} ms per exchange", p - d);

    // The checks run after the answer; their cost on one exchange.
    let body = client
        .post(format!(
            "{}/gateway.do?{query}",
            emulator.base_url().trim_end_matches('/')
        ))
        .send()
        .unwrap()
        .bytes()
        .unwrap();
    let keys = Keys {
        app: app_key.public_key(),
        alipay: alipay_key.public_key(),
        alipay_cert_sn: None,
    };
    let started = Instant::now();
    for _ in 0..n {
        let ins = inspect::inspect(
            &inspect::SeenRequest {
                method: "POST",
                path: "/gateway.do",
                query: &query,
                headers: &[],
                body: b"",
            },
            &inspect::SeenAnswer {
                status: 200,
                headers: &[],
                body: &body,
            },
            &keys,
        );
        assert_eq!(ins.response, proxy::Verdict::Valid);
    }
    println!(
        "checks         {:.3} ms per exchange (both signatures, off the answer's path)",
        started.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while count.0.load(Ordering::Relaxed) < (n + 5) as u64 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(
        count.0.load(Ordering::Relaxed),
        (n + 5) as u64,
        "every exchange reported"
    );
}
