//! A local Alipay: the authorization page and the v2 gateway on loopback,
//! signing and verifying exactly as Alipay does, with test users, expiring
//! codes and rotating tokens, and fault injection for testing clients.

pub mod apps_file;
mod authorize;
pub mod certs;
pub mod faults;
mod gateway;
mod pages;
pub mod state;
pub mod users;

use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use serde_json::json;

use crate::endpoints::{AUTHORIZE_PATH, GATEWAY_PATH};
use crate::error::Error;
use crate::sign::{PrivateKey, PublicKey};
use crate::trace::Tracer;
use faults::{FaultQueue, FaultSpec};
use state::{Lifetimes, State};
use users::{IdMode, TestUser};

/// An app registered with the emulator.
#[derive(Debug, Clone)]
pub struct AppConfig {
    pub app_id: String,
    pub name: String,
    pub public_key: PublicKey,
    /// Hosts (and their subdomains) that redirect URIs may point at.
    pub redirect_domains: Vec<String>,
    pub id_mode: IdMode,
    /// The member-info capability; without it `alipay.user.info.share`
    /// answers `isv.insufficient-isv-permissions`.
    pub member_info: bool,
    /// Apps in a group get a `union_id`.
    pub group: Option<String>,
}

/// Everything the emulator needs.
#[derive(Debug, Clone)]
pub struct EmulatorConfig {
    pub bind: IpAddr,
    pub port: u16,
    pub apps: Vec<AppConfig>,
    pub alipay_key: PrivateKey,
    /// Approve every authorization at once as the first test user.
    pub auto_approve: bool,
    /// Accept redirect URIs on loopback hosts for every app.
    pub allow_loopback: bool,
    pub lifetimes: Lifetimes,
    /// How far a request's timestamp may be from Beijing time.
    pub timestamp_window: Duration,
    pub threads: usize,
    pub faults: Vec<FaultSpec>,
    pub users: Vec<TestUser>,
    /// Public-key-certificate mode: issue certificates at startup and
    /// require `app_cert_sn` and `alipay_root_cert_sn`.
    pub certificates: bool,
}

impl EmulatorConfig {
    /// A configuration with defaults for everything but the apps and the key.
    pub fn new(apps: Vec<AppConfig>, alipay_key: PrivateKey) -> EmulatorConfig {
        EmulatorConfig {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: crate::endpoints::DEFAULT_EMULATOR_PORT,
            apps,
            alipay_key,
            auto_approve: false,
            allow_loopback: true,
            lifetimes: Lifetimes::default(),
            timestamp_window: Duration::from_secs(15 * 60),
            threads: 16,
            faults: Vec::new(),
            users: users::default_users(),
            certificates: false,
        }
    }
}

/// Counters for `/__emulator/health`.
#[derive(Debug, Default)]
struct Stats {
    requests: AtomicU64,
    gateway_calls: AtomicU64,
    tokens_issued: AtomicU64,
}

/// What the request handlers share.
struct Shared {
    config: EmulatorConfig,
    alipay_public: PublicKey,
    state: Mutex<State>,
    faults: FaultQueue,
    /// A key that is not Alipay's, for the wrong-key fault (made on first use).
    wrong_key: OnceLock<PrivateKey>,
    stats: Stats,
    base_url: String,
    tracer: Arc<dyn Tracer + Send + Sync>,
    certs: Option<certs::IssuedCerts>,
}

impl Shared {
    fn app(&self, app_id: &str) -> Option<&AppConfig> {
        self.config.apps.iter().find(|a| a.app_id == app_id)
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A handler that panicked mid-update leaves nothing half-done that
        // matters more than staying up.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A reply before it is written.
struct Reply {
    status: u16,
    content_type: String,
    body: Vec<u8>,
    headers: Vec<(String, String)>,
    /// Cut the body off halfway and close the connection.
    truncate: bool,
    delay: Option<Duration>,
}

impl Reply {
    fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            content_type: content_type.to_string(),
            body: body.into(),
            headers: Vec::new(),
            truncate: false,
            delay: None,
        }
    }

    fn html(status: u16, body: String) -> Reply {
        let mut r = Reply::new(status, "text/html; charset=utf-8", body);
        r.headers.push(("Cache-Control".into(), "no-store".into()));
        r
    }

    fn json(status: u16, value: serde_json::Value) -> Reply {
        Reply::new(status, "application/json; charset=utf-8", value.to_string())
    }

    fn redirect(location: &str) -> Reply {
        let mut r = Reply::new(302, "text/plain; charset=utf-8", "redirecting");
        r.headers.push(("Location".into(), location.to_string()));
        r.headers.push(("Cache-Control".into(), "no-store".into()));
        r
    }
}

/// A running emulator. Dropping it stops the server.
pub struct Emulator {
    shared: Arc<Shared>,
    server: Arc<tiny_http::Server>,
    workers: Vec<std::thread::JoinHandle<()>>,
    stopping: Arc<AtomicBool>,
    addr: SocketAddr,
}

impl Emulator {
    /// Binds and starts serving in background threads.
    pub fn start(
        config: EmulatorConfig,
        tracer: Arc<dyn Tracer + Send + Sync>,
    ) -> Result<Emulator, Error> {
        if config.apps.is_empty() {
            return Err(Error::usage_with_hint(
                "the emulator has no app",
                "register one with --app-id and --app-public-key-file (or --generate-app-key FILE), or an --apps-file",
            ));
        }
        let addr = SocketAddr::new(config.bind, config.port);
        let server = tiny_http::Server::http(addr).map_err(|e| bind_error(addr, e.as_ref()))?;
        let bound = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| Error::Internal("the emulator is not on an IP socket".into()))?;
        let host = match bound.ip() {
            IpAddr::V6(ip) => format!("[{ip}]"),
            IpAddr::V4(ip) if ip.is_unspecified() => "127.0.0.1".into(),
            IpAddr::V4(ip) => ip.to_string(),
        };
        let base_url = format!("http://{host}:{}", bound.port());
        let issued = if config.certificates {
            Some(certs::issue(&config.alipay_key, &config.apps)?)
        } else {
            None
        };
        let faults = FaultQueue::default();
        for f in &config.faults {
            faults.push(f.clone());
        }
        let shared = Arc::new(Shared {
            alipay_public: config.alipay_key.public_key(),
            config,
            state: Mutex::new(State::default()),
            faults,
            wrong_key: OnceLock::new(),
            stats: Stats::default(),
            base_url,
            tracer,
            certs: issued,
        });
        let server = Arc::new(server);
        let stopping = Arc::new(AtomicBool::new(false));
        let workers = (0..shared.config.threads.max(1))
            .map(|_| {
                let (server, shared, stopping) = (server.clone(), shared.clone(), stopping.clone());
                std::thread::spawn(move || {
                    while !stopping.load(Ordering::Relaxed) {
                        match server.recv() {
                            // A bug in one handler must not take a worker down.
                            Ok(request) => {
                                let _ =
                                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                        serve(&shared, request)
                                    }));
                            }
                            Err(_) => break,
                        }
                    }
                })
            })
            .collect();
        Ok(Emulator {
            shared,
            server,
            workers,
            stopping,
            addr: bound,
        })
    }

    /// `http://127.0.0.1:PORT`
    pub fn base_url(&self) -> &str {
        &self.shared.base_url
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn gateway_url(&self) -> String {
        format!("{}{GATEWAY_PATH}", self.base_url())
    }

    pub fn authorize_url(&self) -> String {
        format!("{}{AUTHORIZE_PATH}", self.base_url())
    }

    /// The public key clients verify responses with.
    pub fn alipay_public_key(&self) -> &PublicKey {
        &self.shared.alipay_public
    }

    /// The certificates of certificate mode.
    pub fn certificates(&self) -> Option<&certs::IssuedCerts> {
        self.shared.certs.as_ref()
    }

    /// Blocks until the server stops (it never does on its own).
    pub fn wait(mut self) {
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }

    fn stop(&mut self) {
        self.stopping.store(true, Ordering::Relaxed);
        for _ in 0..self.workers.len() {
            self.server.unblock();
        }
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.stop();
    }
}

fn bind_error(addr: SocketAddr, e: &(dyn std::error::Error + Send + Sync + 'static)) -> Error {
    let in_use = e
        .downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::AddrInUse)
        || e.to_string().contains("in use");
    if in_use {
        Error::usage_with_hint(
            format!("port {} is already in use on {}", addr.port(), addr.ip()),
            "choose another with --port, or --port 0 for any free port",
        )
    } else {
        Error::usage(format!("cannot listen on {addr}: {e}"))
    }
}

/// The largest request body read.
const MAX_BODY: u64 = 1 << 20;

fn serve(shared: &Shared, mut request: tiny_http::Request) {
    shared.stats.requests.fetch_add(1, Ordering::Relaxed);
    let method = request.method().clone();
    let url = request.url().to_string();
    let (path, query) = match url.split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (url.clone(), String::new()),
    };
    let mut body = Vec::new();
    let _ = request.as_reader().take(MAX_BODY).read_to_end(&mut body);
    let header = |name: &str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str().to_string())
    };
    // The admin API changes behaviour for everyone: only JSON requests (which
    // a web page cannot send cross-site without a preflight we never answer).
    let admin_ok = header("content-type").is_some_and(|c| c.starts_with("application/json"));
    use tiny_http::Method::*;
    let reply = match (&method, path.as_str()) {
        (Get | Head, AUTHORIZE_PATH) => authorize::page(shared, query.as_bytes()),
        (Post, "/oauth2/consent") => authorize::consent(shared, &body),
        (Post | Get, GATEWAY_PATH) => {
            shared.stats.gateway_calls.fetch_add(1, Ordering::Relaxed);
            gateway::handle(shared, query.as_bytes(), &body)
        }
        (Get, "/__emulator/health") => health(shared),
        (Post, "/__emulator/faults") if admin_ok => add_fault(shared, &body),
        (Delete, "/__emulator/faults") => {
            shared.faults.clear();
            Reply::json(200, json!({"pending": []}))
        }
        (Post, "/__emulator/faults") => Reply::json(
            415,
            json!({"error": "send the fault as JSON with Content-Type: application/json"}),
        ),
        (Get, "/") => Reply::html(
            200,
            pages::index(
                &shared.base_url,
                &shared
                    .config
                    .apps
                    .iter()
                    .map(|a| a.app_id.clone())
                    .collect::<Vec<_>>(),
            ),
        ),
        (_, AUTHORIZE_PATH | "/oauth2/consent" | GATEWAY_PATH) => {
            Reply::new(405, "text/plain; charset=utf-8", "method not allowed")
        }
        _ => Reply::new(404, "text/plain; charset=utf-8", "not found"),
    };
    shared
        .tracer
        .trace(1, &format!("{method} {path} -> {}", reply.status));
    send(request, reply);
}

fn health(shared: &Shared) -> Reply {
    let [pending, codes, access, refresh] = shared.state().sizes();
    Reply::json(
        200,
        json!({
            "status": "ok",
            "apps": shared.config.apps.iter().map(|a| &a.app_id).collect::<Vec<_>>(),
            "requests": shared.stats.requests.load(Ordering::Relaxed),
            "gateway_calls": shared.stats.gateway_calls.load(Ordering::Relaxed),
            "tokens_issued": shared.stats.tokens_issued.load(Ordering::Relaxed),
            "live": {"consents": pending, "codes": codes, "access_tokens": access, "refresh_tokens": refresh},
            "faults": shared.faults.pending(),
        }),
    )
}

/// `POST /__emulator/faults` with `{"fault": "delay:2000", "count": 1}`.
fn add_fault(shared: &Shared, body: &[u8]) -> Reply {
    let parsed = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| {
            let spec = v.get("fault")?.as_str()?.to_string();
            let count = v.get("count").and_then(|c| c.as_u64()).unwrap_or(1);
            Some(format!("{spec}/{count}"))
        })
        .ok_or_else(|| "send {\"fault\": \"KIND[:ARG]\", \"count\": N}".to_string())
        .and_then(|s| s.parse::<FaultSpec>().map_err(|e| e.to_string()));
    match parsed {
        Ok(spec) => {
            shared.faults.push(spec);
            Reply::json(200, json!({"pending": shared.faults.pending()}))
        }
        Err(e) => Reply::json(400, json!({"error": e, "syntax": faults::FAULT_SYNTAX})),
    }
}

fn send(request: tiny_http::Request, reply: Reply) {
    if let Some(d) = reply.delay {
        std::thread::sleep(d);
    }
    let mut headers: Vec<tiny_http::Header> = Vec::new();
    let mut push = |k: &str, v: &str| {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            headers.push(h);
        }
    };
    push("Content-Type", &reply.content_type);
    push(
        "Server",
        concat!("alipay-oauth-emulator/", env!("CARGO_PKG_VERSION")),
    );
    for (k, v) in &reply.headers {
        push(k, v);
    }
    let full = reply.body.len();
    let data = if reply.truncate {
        push("Connection", "close");
        reply.body[..full / 2].to_vec()
    } else {
        reply.body
    };
    let response = tiny_http::Response::new(
        tiny_http::StatusCode(reply.status),
        headers,
        std::io::Cursor::new(data),
        Some(full),
        None,
    );
    let _ = request.respond(response);
}
