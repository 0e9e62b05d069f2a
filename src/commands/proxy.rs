//! `alipay-oauth proxy`: the debugging proxy in the foreground, one line
//! (or one JSON line) per exchange.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::json;

use super::app_key_from;
use crate::cli::ProxyArgs;
use crate::cli::settings::Settings;
use crate::error::Error;
use crate::proxy::{self, Exchange, Keys, Proxy, ProxyError, Recorder, Side, Verdict, record};
use crate::ui::failure::ExitStatus;
use crate::ui::output::{Output, visible, write_stdout};

pub fn run(args: &ProxyArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let addr = listen_addr(&args.listen)?;
    let app = app_key_from(args.app_public_key_file.as_deref(), settings)?.ok_or_else(|| {
        Error::usage_with_hint(
            "the proxy needs the app public key to check requests",
            "pass --app-public-key-file (the key uploaded to the console), or --private-key-file",
        )
    })?;
    let (alipay, alipay_cert_sn) = settings.alipay_verifying_key()?;
    if alipay.same_key(&app) {
        return Err(Error::usage_with_hint(
            "the Alipay public key is the app's own public key",
            "use the \"Alipay public key\" (支付宝公钥) shown in the console, not the app public key",
        )
        .into());
    }
    let upstream_text = args
        .upstream
        .clone()
        .unwrap_or_else(|| settings.gateway().value.clone());
    let upstream = url::Url::parse(&upstream_text)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
        .ok_or(ProxyError::Upstream(upstream_text))
        .map_err(Error::from)?;
    let recorder = match &args.record {
        Some(dir) => Some(
            Recorder::new(
                dir,
                args.record_limit << 20,
                args.show_secrets,
                replay_key_args(settings),
            )
            .map_err(|e| Error::from(ProxyError::from(e)))?,
        ),
        None => None,
    };
    let socket = proxy::bind(addr, args.allow_remote_listen).map_err(Error::from)?;
    let config = proxy::Config {
        upstream,
        keys: Keys {
            app,
            alipay,
            alipay_cert_sn,
        },
        limits: crate::http_server::Limits::default(),
        threads: 4,
        connect_timeout: settings.connect_timeout(),
        request_timeout: settings.request_timeout(),
        outgoing_proxy: settings.proxy().clone(),
        recorder,
    };
    let sink = Arc::new(Lines {
        out,
        show_secrets: args.show_secrets,
        count: AtomicU64::new(0),
        failed: AtomicU64::new(0),
    });
    let mut proxy = Proxy::start(vec![socket], config, sink.clone()).map_err(Error::from)?;
    let listening = proxy
        .local_addrs()
        .first()
        .map(|a| format!("http://{a}"))
        .unwrap_or_default();
    // On stderr, so stdout holds exchanges only (one JSON line each with -o json).
    eprintln!(
        "alipay-oauth proxy listening on {listening}, forwarding to {}",
        proxy.upstream_base()
    );
    if !out.quiet {
        eprintln!(
            "point the application's gateway at {listening}/gateway.do (v3, Antom: {listening} as the endpoint); Ctrl-C stops"
        );
    }
    if !addr.ip().is_loopback() {
        out.warn(format!(
            "listening on {}: the application's traffic, tokens included, is reachable from the network",
            addr.ip()
        ));
    }
    let summary = sink.clone();
    let _ = ctrlc::set_handler(move || {
        eprintln!(
            "stopped after {} exchanges, {} with a signature that did not verify",
            summary.count.load(Ordering::Relaxed),
            summary.failed.load(Ordering::Relaxed)
        );
        std::process::exit(ExitStatus::Success.code());
    });
    proxy.wait();
    Ok(ExitStatus::Success)
}

/// The flag naming the Alipay key file, for replay commands; none when the
/// key comes from the environment (the replay then needs the same variable).
fn replay_key_args(settings: &Settings) -> Vec<String> {
    use crate::cli::settings::KeySource;
    let absolute = |p: &std::path::Path| {
        std::path::absolute(p)
            .unwrap_or_else(|_| p.to_path_buf())
            .to_string_lossy()
            .into_owned()
    };
    if let Some(cert) = settings.alipay_cert_file() {
        return vec!["--alipay-cert-file".into(), absolute(&cert.value)];
    }
    match settings.alipay_public_key_source().map(|s| &s.value) {
        Some(KeySource::File(p)) => vec!["--alipay-public-key-file".into(), absolute(p)],
        _ => Vec::new(),
    }
}

/// `HOST:PORT` with an IP address or `localhost`.
fn listen_addr(spec: &str) -> Result<SocketAddr, Error> {
    let bad = || {
        Error::usage_with_hint(
            format!("--listen {spec:?} is not HOST:PORT"),
            "e.g. --listen 127.0.0.1:9980 (port 0 takes a free one)",
        )
    };
    match spec.rsplit_once(':') {
        Some((host, port)) if host.eq_ignore_ascii_case("localhost") => Ok(SocketAddr::new(
            IpAddr::V4(Ipv4Addr::LOCALHOST),
            port.parse().map_err(|_| bad())?,
        )),
        _ => spec.parse::<SocketAddr>().map_err(|_| bad()),
    }
}

/// Prints each exchange.
struct Lines {
    out: Output,
    show_secrets: bool,
    count: AtomicU64,
    failed: AtomicU64,
}

impl Lines {
    fn masked(&self, text: &str, ex: &Exchange) -> String {
        if self.show_secrets {
            return text.to_string();
        }
        let secrets: Vec<&str> = ex.inspection.secrets.iter().map(String::as_str).collect();
        crate::gateway::client::mask_sent(text, &secrets)
    }
}

fn mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Valid => "✓",
        Verdict::Invalid => "✗",
        Verdict::Absent => "absent",
    }
}

impl proxy::Sink for Lines {
    fn exchange(&self, ex: &Exchange) {
        let ins = &ex.inspection;
        self.count.fetch_add(1, Ordering::Relaxed);
        if ins.request == Verdict::Invalid || ins.response == Verdict::Invalid {
            self.failed.fetch_add(1, Ordering::Relaxed);
        }
        let elapsed_ms = ex.elapsed.as_millis() as u64;
        if self.out.is_json() {
            let diagnosis: Vec<serde_json::Value> = ins
                .diagnosis
                .iter()
                .map(|f| json!({"side": f.side, "code": f.code, "message": self.masked(&f.message, ex)}))
                .collect();
            let time = ex
                .time
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default();
            let line = json!({
                "time": time,
                "dialect": ins.dialect,
                "method": ins.method,
                "app_id": ins.app_id,
                "status": ex.status,
                "code": ins.code,
                "sub_code": ins.sub_code,
                "request_signature": ins.request,
                "response_signature": ins.response,
                "elapsed_ms": elapsed_ms,
                "diagnosis": diagnosis,
            });
            // JSON Lines: one object per line, even on a terminal.
            write_stdout(format!("{line}\n").as_bytes());
            return;
        }
        if self.out.quiet && ins.request != Verdict::Invalid && ins.response != Verdict::Invalid {
            return;
        }
        let paint = |v: Verdict| {
            let m = mark(v);
            match v {
                Verdict::Valid => self.out.paint(m, "32"),
                Verdict::Invalid => self.out.paint(m, "1;31"),
                Verdict::Absent => self.out.paint(m, "2"),
            }
        };
        let mut outcome = match (&ins.code, &ins.sub_code) {
            (Some(c), Some(s)) => format!(" {c} {s}"),
            (Some(c), None) => format!(" {c}"),
            (None, Some(s)) => format!(" {s}"),
            (None, None) => String::new(),
        };
        if ins.dialect == proxy::DialectKind::Header && ins.code.is_some() {
            outcome = format!(" resultStatus{outcome}");
        }
        let mut text = format!(
            "#{} {} {} app {} → {}{outcome}, {elapsed_ms} ms, request {} response {}",
            ex.seq,
            dialect_label(ins.dialect),
            visible(&ins.method).0,
            visible(ins.app_id.as_deref().unwrap_or("-")).0,
            ex.status,
            paint(ins.request),
            paint(ins.response),
        );
        for f in &ins.diagnosis {
            let side = match f.side {
                Side::Request => "request",
                Side::Response => "response",
            };
            text.push_str(&format!(
                "\n    {side}: {} [{}]",
                visible(&self.masked(&f.message, ex)).0,
                f.code
            ));
        }
        if let Some(r) = &ex.replay {
            text.push_str(&format!("\n    replay: {r}"));
        }
        text.push('\n');
        write_stdout(text.as_bytes());
    }

    fn record_problem(&self, problem: &record::RecordError) {
        self.out.warn(problem.to_string());
    }
}

fn dialect_label(d: proxy::DialectKind) -> &'static str {
    match d {
        proxy::DialectKind::V2 => "v2",
        proxy::DialectKind::V3 => "v3",
        proxy::DialectKind::Header => "header",
        proxy::DialectKind::Unknown => "?",
    }
}
