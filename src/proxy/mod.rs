//! A debugging proxy between an application and the gateway: each request
//! is forwarded unchanged (method, target, headers but the hop-by-hop ones,
//! body) and the answer comes back unchanged, while every signature on the
//! way is checked (`inspect`) and, if asked, the exchange recorded
//! (`record`). The listener is the hardened `http_server`; the upstream is
//! reached through the one shared HTTP client setup.

pub mod inspect;
pub mod record;

use std::io::Read as _;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::gateway::http::{self, ProxyConfig};
use crate::http_server::{self, Handler, Limits, Server, ServerConfig, Transport};
pub use inspect::{DialectKind, Finding, Inspection, Keys, Side, Verdict};
pub use record::Recorder;

/// The largest answer taken from the upstream.
pub const MAX_ANSWER: u64 = 8 << 20;

/// Headers that belong to one connection, never forwarded (RFC 9110 §7.6.1),
/// and the framing headers the sending side writes again.
const HOP_BY_HOP: &[&str] = &[
    "connection",
    "keep-alive",
    "proxy-connection",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "host",
    "content-length",
    // The proxy has the whole body already: nothing is left to continue.
    "expect",
];

/// Everything the proxy needs. Nothing here comes from argv or the environment.
pub struct Config {
    /// Where requests go: the scheme, host and port of this URL, and its
    /// path as a prefix (a trailing `/gateway.do` is the gateway's own path,
    /// which the application already sends).
    pub upstream: url::Url,
    pub keys: Keys,
    pub limits: Limits,
    pub threads: usize,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    /// Outgoing HTTP proxies.
    pub outgoing_proxy: ProxyConfig,
    pub recorder: Option<Recorder>,
}

/// Why the proxy could not start.
#[derive(Debug, thiserror::Error)]
pub enum ProxyError {
    #[error("the upstream {0:?} is not an http or https URL")]
    Upstream(String),
    /// A listen address off this machine without the permission for it.
    #[error(
        "{0} is not a loopback address: the application's traffic, tokens included, would be reachable from the network"
    )]
    NotLoopback(SocketAddr),
    #[error("port {} on {} is already in use", .0.port(), .0.ip())]
    InUse(SocketAddr),
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: SocketAddr, reason: String },
    #[error(transparent)]
    Http(#[from] http::HttpSetupError),
    #[error(transparent)]
    Record(#[from] record::RecordError),
    #[error("cannot start the proxy: {0}")]
    Start(String),
}

/// Binds the listening socket: loopback only unless `allow_remote`.
pub fn bind(addr: SocketAddr, allow_remote: bool) -> Result<std::net::TcpListener, ProxyError> {
    if !addr.ip().is_loopback() && !allow_remote {
        return Err(ProxyError::NotLoopback(addr));
    }
    std::net::TcpListener::bind(addr).map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => ProxyError::InUse(addr),
        _ => ProxyError::Bind {
            addr,
            reason: crate::files::read::io_reason(&e),
        },
    })
}

/// One exchange, as reported.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub seq: u64,
    /// When the request arrived.
    pub time: time::OffsetDateTime,
    /// The HTTP status answered to the application.
    pub status: u16,
    pub elapsed: Duration,
    pub inspection: Inspection,
    /// The upstream could not be reached or answered badly: why.
    pub upstream_error: Option<String>,
    /// The `verify` command that replays the recorded answer.
    pub replay: Option<String>,
}

/// Receives each exchange once it is checked (on a worker thread).
pub trait Sink: Send + Sync + 'static {
    fn exchange(&self, exchange: &Exchange);
    /// Recording failed or stopped (reported once per cause).
    fn record_problem(&self, problem: &record::RecordError);
}

/// A running proxy; dropping it stops it.
pub struct Proxy {
    server: Server,
    target: String,
}

impl Proxy {
    /// Serves on sockets already bound.
    pub fn start(
        sockets: Vec<std::net::TcpListener>,
        config: Config,
        sink: Arc<dyn Sink>,
    ) -> Result<Proxy, ProxyError> {
        let upstream = &config.upstream;
        if !matches!(upstream.scheme(), "http" | "https") || upstream.host().is_none() {
            return Err(ProxyError::Upstream(upstream.to_string()));
        }
        let client = http::build_client(
            config.connect_timeout,
            config.request_timeout,
            &config.outgoing_proxy,
        )?;
        let (origin, prefix) = upstream_base(upstream);
        let target = format!("{origin}{prefix}");
        let server_config = ServerConfig {
            limits: config.limits,
            transport: Transport::Plain,
            threads: config.threads,
            name: "proxy",
        };
        let handler = Arc::new(Forwarder {
            inner: Arc::new(Inner {
                client,
                origin,
                prefix,
                keys: config.keys,
                recorder: config.recorder,
                sink,
                seq: AtomicU64::new(0),
            }),
        });
        let server = Server::start(sockets, server_config, handler)
            .map_err(|e| ProxyError::Start(crate::files::read::io_reason(&e)))?;
        Ok(Proxy { server, target })
    }

    pub fn local_addrs(&self) -> &[SocketAddr] {
        self.server.local_addrs()
    }

    /// Where requests are forwarded: the upstream's origin and prefix.
    pub fn upstream_base(&self) -> &str {
        &self.target
    }

    /// Blocks while the proxy runs.
    pub fn wait(&mut self) {
        self.server.wait();
    }
}

/// The upstream's origin and path prefix (without a trailing `/`).
fn upstream_base(upstream: &url::Url) -> (String, String) {
    let mut prefix = upstream.path().trim_end_matches('/');
    prefix = prefix.strip_suffix("/gateway.do").unwrap_or(prefix);
    (
        upstream.origin().ascii_serialization(),
        prefix.trim_end_matches('/').to_string(),
    )
}

struct Forwarder {
    inner: Arc<Inner>,
}

struct Inner {
    client: reqwest::blocking::Client,
    origin: String,
    /// The upstream's path prefix (empty, or `/x` without a trailing `/`).
    prefix: String,
    keys: Keys,
    recorder: Option<Recorder>,
    sink: Arc<dyn Sink>,
    seq: AtomicU64,
}

/// The status the application gets when the upstream fails.
const BAD_GATEWAY: u16 = 502;

/// When an exchange happened and how long the upstream took.
struct Seen {
    seq: u64,
    arrived: time::OffsetDateTime,
    elapsed: Duration,
}

/// What the upstream answered.
struct Upstream {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Handler for Forwarder {
    fn handle(
        &self,
        request: http_server::Request,
    ) -> impl std::future::Future<Output = http_server::Response> + Send {
        let inner = self.inner.clone();
        let arrived = time::OffsetDateTime::now_utc();
        async move {
            // The HTTP client blocks: it runs off the async workers, and the
            // checks run after the answer is on its way, so they add no
            // latency to the application's call.
            let forwarded = {
                let inner = inner.clone();
                tokio::task::spawn_blocking(move || {
                    let started = Instant::now();
                    let result = inner.forward(&request);
                    (request, result, started.elapsed())
                })
                .await
            };
            let Ok((request, result, elapsed)) = forwarded else {
                return http_server::Response::text(500, "the proxy failed to forward\n");
            };
            let seq = inner.seq.fetch_add(1, Ordering::Relaxed) + 1;
            let response = match &result {
                Ok(up) => http_server::Response {
                    status: up.status,
                    headers: up.headers.clone(),
                    body: up.body.clone(),
                    cut_short: false,
                },
                Err(why) => http_server::Response::text(
                    BAD_GATEWAY,
                    &format!("alipay-oauth proxy: the upstream failed: {why}\n"),
                ),
            };
            let seen = Seen {
                seq,
                arrived,
                elapsed,
            };
            tokio::task::spawn_blocking(move || inner.report(seen, &request, result));
            response
        }
    }
}

impl Inner {
    fn forward(&self, request: &http_server::Request) -> Result<Upstream, String> {
        let path = format!("{}{}", self.prefix, request.path);
        let mut target = format!("{}{path}", self.origin);
        if !request.query.is_empty() {
            target.push('?');
            target.push_str(&request.query);
        }
        let url = url::Url::parse(&target).map_err(|e| format!("bad target: {e}"))?;
        // The URL parser may re-encode a target: then it would not be the
        // application's bytes that arrive, so refuse rather than alter.
        if url.path() != path || url.query().unwrap_or("") != request.query {
            return Err("the request target cannot be forwarded unchanged".into());
        }
        let mut headers = reqwest::header::HeaderMap::new();
        let named_in_connection: Vec<String> = request
            .headers
            .get_all(::http::header::CONNECTION)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|s| s.trim().to_ascii_lowercase())
            .collect();
        for (name, value) in &request.headers {
            let n = name.as_str();
            if HOP_BY_HOP.contains(&n) || named_in_connection.iter().any(|c| c == n) {
                continue;
            }
            headers.append(name.clone(), value.clone());
        }
        let method = reqwest::Method::from_bytes(request.method.as_str().as_bytes())
            .map_err(|_| "unsupported method".to_string())?;
        let mut builder = self.client.request(method, url).headers(headers);
        if !request.body.is_empty() {
            builder = builder.body(request.body.to_vec());
        }
        let response = builder.send().map_err(|e| describe(&e))?;
        let status = response.status().as_u16();
        let mut out_headers = Vec::new();
        let connection: Vec<String> = response
            .headers()
            .get_all(reqwest::header::CONNECTION)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|s| s.trim().to_ascii_lowercase())
            .collect();
        for (name, value) in response.headers() {
            let n = name.as_str();
            if HOP_BY_HOP.contains(&n) || connection.iter().any(|c| c == n) {
                continue;
            }
            let Ok(v) = value.to_str() else {
                return Err(format!("the answer's {n} header is not text"));
            };
            out_headers.push((n.to_string(), v.to_string()));
        }
        let mut body = Vec::new();
        response
            .take(MAX_ANSWER + 1)
            .read_to_end(&mut body)
            .map_err(|e| format!("the answer broke off: {}", http::root_cause(&e)))?;
        if body.len() as u64 > MAX_ANSWER {
            return Err(format!("the answer is larger than {MAX_ANSWER} bytes"));
        }
        Ok(Upstream {
            status,
            headers: out_headers,
            body,
        })
    }

    fn report(
        &self,
        seen_at: Seen,
        request: &http_server::Request,
        result: Result<Upstream, String>,
    ) {
        let Seen {
            seq,
            arrived,
            elapsed,
        } = seen_at;
        let (upstream, upstream_error) = match result {
            Ok(up) => (Some(up), None),
            Err(why) => (None, Some(why)),
        };
        let status = upstream.as_ref().map_or(BAD_GATEWAY, |u| u.status);
        let request_headers: Vec<(String, String)> = request
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let seen = inspect::SeenRequest {
            method: request.method.as_str(),
            path: &request.path,
            query: &request.query,
            headers: &request_headers,
            body: &request.body,
        };
        let empty = Upstream {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        };
        let up = upstream.as_ref().unwrap_or(&empty);
        let mut inspection = inspect::inspect(
            &seen,
            &inspect::SeenAnswer {
                status: up.status,
                headers: &up.headers,
                body: &up.body,
            },
            &self.keys,
        );
        if let Some(why) = &upstream_error {
            inspection.diagnosis.push(Finding {
                side: Side::Response,
                code: "upstream_failed",
                message: format!("the upstream failed, the application got a 502: {why}"),
            });
        }
        let mut replay = None;
        if let Some(recorder) = &self.recorder {
            let target = seen.target();
            let raw = record::RawExchange {
                method: request.method.as_str(),
                target: &target,
                request_headers: &request_headers,
                request_body: &request.body,
                status: up.status,
                response_headers: &up.headers,
                response_body: &up.body,
            };
            match recorder.record(seq, &raw, &inspection) {
                Ok(r) => replay = r,
                Err(e) => self.sink.record_problem(&e),
            }
        }
        self.sink.exchange(&Exchange {
            seq,
            time: arrived,
            status,
            elapsed,
            inspection,
            upstream_error,
            replay,
        });
    }
}

/// A forwarding failure in words, without the URL (it may carry secrets).
fn describe(e: &reqwest::Error) -> String {
    if let Some(cert) = http::certificate_error(e) {
        return format!("the upstream's TLS certificate is not trusted: {cert}");
    }
    if e.is_timeout() {
        return "the upstream did not answer in time".into();
    }
    if e.is_connect() {
        return format!("cannot connect to the upstream: {}", http::root_cause(e));
    }
    http::root_cause(e)
}
