//! A local Alipay: the authorization page and the v2 gateway on loopback,
//! signing and verifying exactly as Alipay does, with test users, expiring
//! codes and rotating tokens, and fault injection for testing clients.

mod antom;
pub mod apps_file;
mod authorize;
pub mod certs;
pub mod faults;
mod gateway;
mod pages;
pub mod state;
pub mod users;
pub mod v3;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::endpoints::{AUTHORIZE_PATH, GATEWAY_PATH};
use crate::http_server::{self, Limits, Server, ServerConfig, Transport};
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
    /// Worker threads of the server's runtime.
    pub threads: usize,
    /// What one client may send and hold.
    pub limits: Limits,
    pub faults: Vec<FaultSpec>,
    pub users: Vec<TestUser>,
    /// Public-key-certificate mode: issue certificates at startup and
    /// require `app_cert_sn` and `alipay_root_cert_sn`.
    pub certificates: bool,
    /// Serve https with a throwaway CA and certificate made at startup.
    pub tls: bool,
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
            limits: Limits::default(),
            faults: Vec::new(),
            users: users::default_users(),
            certificates: false,
            tls: false,
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
#[derive(Debug)]
pub struct Reply {
    status: u16,
    content_type: String,
    body: Vec<u8>,
    headers: Vec<(String, String)>,
    /// Cut the body off halfway and close the connection.
    truncate: bool,
    delay: Option<Duration>,
    /// For the request log: Alipay's `code` (and `sub_code`) of a gateway answer.
    outcome: Option<String>,
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
            outcome: None,
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

    pub fn status(&self) -> u16 {
        self.status
    }

    pub fn content_type(&self) -> &str {
        &self.content_type
    }

    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// Headers besides Content-Type.
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The delay a fault asks for before answering.
    pub fn delay(&self) -> Option<Duration> {
        self.delay
    }

    fn into_response(self) -> http_server::Response {
        let mut headers = Vec::with_capacity(self.headers.len() + 2);
        headers.push(("Content-Type".to_string(), self.content_type));
        headers.push((
            "Server".to_string(),
            concat!("alipay-oauth-emulator/", env!("CARGO_PKG_VERSION")).to_string(),
        ));
        headers.extend(self.headers);
        http_server::Response {
            status: self.status,
            headers,
            body: self.body,
            cut_short: self.truncate,
        }
    }
}

/// A running emulator. Dropping it stops the server.
pub struct Emulator {
    shared: Arc<Shared>,
    server: Server,
    addr: SocketAddr,
    tls_ca_pem: Option<String>,
}

impl Shared {
    fn new(
        config: EmulatorConfig,
        base_url: String,
        tracer: Arc<dyn Tracer + Send + Sync>,
    ) -> Result<Shared, EmulatorError> {
        if config.apps.is_empty() {
            return Err(no_app());
        }
        let issued = if config.certificates {
            Some(certs::issue(&config.alipay_key, &config.apps)?)
        } else {
            None
        };
        let faults = FaultQueue::default();
        for f in &config.faults {
            faults.push(f.clone());
        }
        Ok(Shared {
            alipay_public: config.alipay_key.public_key(),
            config,
            state: Mutex::new(State::default()),
            faults,
            wrong_key: OnceLock::new(),
            stats: Stats::default(),
            base_url,
            tracer,
            certs: issued,
        })
    }
}

fn no_app() -> EmulatorError {
    EmulatorError::NoApp
}

/// Why the emulator cannot start: facts; the edge names the flags.
#[derive(Debug, thiserror::Error)]
pub enum EmulatorError {
    #[error("the emulator has no app")]
    NoApp,
    #[error("port {} is already in use on {}", .0.port(), .0.ip())]
    PortInUse(SocketAddr),
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: SocketAddr, reason: String },
    /// The apps file is missing or unreadable (the reason names it).
    #[error("{0}")]
    AppsFile(String),
    #[error("apps file {} is not valid: {message}", .path.display())]
    AppsInvalid {
        path: std::path::PathBuf,
        message: String,
    },
    #[error("app {app_id}: {reason}")]
    AppKeyUnreadable { app_id: String, reason: String },
    #[error("app {app_id}: {}: {error}", .path.display())]
    AppKeyInvalid {
        app_id: String,
        path: std::path::PathBuf,
        error: crate::sign::key::KeyError,
    },
    /// A failure of the emulator's own set-up (socket, TLS, certificates):
    /// a bug or the system's, not the user's.
    #[error("{0}")]
    Internal(String),
}

impl Emulator {
    /// Binds and starts serving in background threads.
    pub fn start(
        config: EmulatorConfig,
        tracer: Arc<dyn Tracer + Send + Sync>,
    ) -> Result<Emulator, EmulatorError> {
        if config.apps.is_empty() {
            return Err(no_app());
        }
        let addr = SocketAddr::new(config.bind, config.port);
        let socket = std::net::TcpListener::bind(addr).map_err(|e| bind_error(addr, &e))?;
        let bound = socket
            .local_addr()
            .map_err(|e| EmulatorError::Internal(format!("the emulator's socket: {e}")))?;
        let host = match bound.ip() {
            IpAddr::V6(ip) => format!("[{ip}]"),
            IpAddr::V4(ip) if ip.is_unspecified() => "127.0.0.1".into(),
            IpAddr::V4(ip) => ip.to_string(),
        };
        let (transport, tls_ca_pem) = if config.tls {
            let material = certs::issue_tls(config.bind)?;
            let transport = Transport::tls(&material.chain_der, &material.key_pkcs8_der)
                .map_err(|e| EmulatorError::Internal(format!("the emulator's TLS setup: {e}")))?;
            (transport, Some(material.ca_pem))
        } else {
            (Transport::Plain, None)
        };
        let scheme = if transport.is_tls() { "https" } else { "http" };
        let base_url = format!("{scheme}://{host}:{}", bound.port());
        let server_config = ServerConfig {
            limits: config.limits,
            transport,
            threads: config.threads.max(1),
            name: "alipay-emulator",
        };
        let shared = Arc::new(Shared::new(config, base_url, tracer)?);
        let server = Server::start(vec![socket], server_config, Arc::new(Serve(shared.clone())))
            .map_err(|e| EmulatorError::Internal(format!("the emulator's server: {e}")))?;
        Ok(Emulator {
            shared,
            server,
            addr: bound,
            tls_ca_pem,
        })
    }

    /// `http://127.0.0.1:PORT` (`https://` with TLS)
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

    /// With TLS: the CA (PEM) that clients must trust.
    pub fn tls_ca_pem(&self) -> Option<&str> {
        self.tls_ca_pem.as_deref()
    }

    /// Blocks until the server stops (it never does on its own).
    pub fn wait(mut self) {
        self.server.wait();
    }
}

/// The emulator's request handling without a socket, for fuzzing and tests:
/// the same routing, checks and signing as the server.
pub struct Offline(Arc<Shared>);

impl Offline {
    pub fn new(config: EmulatorConfig) -> Result<Offline, EmulatorError> {
        let base_url = format!("http://127.0.0.1:{}", config.port);
        Ok(Offline(Arc::new(Shared::new(
            config,
            base_url,
            Arc::new(crate::trace::Silent),
        )?)))
    }

    /// Answers one request. `target` is origin-form (`/gateway.do?...`) or
    /// absolute-form (`http://host/gateway.do?...`), as on the wire; one
    /// that does not parse gets 400, as the server would answer it.
    pub fn respond(
        &self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Reply {
        let (Ok(method), Ok(uri)) = (
            http::Method::from_bytes(method.as_bytes()),
            target.parse::<http::Uri>(),
        ) else {
            return Reply::new(400, "text/plain; charset=utf-8", "bad request");
        };
        let (path, query) = uri
            .path_and_query()
            .map(|pq| (pq.path(), pq.query().unwrap_or("")))
            .unwrap_or(("", ""));
        let header = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| *v)
        };
        route(&self.0, &method, path, query, header, body)
    }
}

fn bind_error(addr: SocketAddr, e: &std::io::Error) -> EmulatorError {
    if e.kind() == std::io::ErrorKind::AddrInUse {
        EmulatorError::PortInUse(addr)
    } else {
        EmulatorError::Bind {
            addr,
            reason: e.to_string(),
        }
    }
}

/// The server's handler: routes, applies a fault's delay, logs one line.
struct Serve(Arc<Shared>);

impl http_server::Handler for Serve {
    async fn handle(&self, request: http_server::Request) -> http_server::Response {
        let shared = &self.0;
        let started = Instant::now();
        let reply = route(
            shared,
            &request.method,
            &request.path,
            &request.query,
            |name| request.header(name),
            &request.body,
        );
        if let Some(d) = reply.delay {
            tokio::time::sleep(d).await;
        }
        shared
            .tracer
            .trace(1, &log_line(&request, &reply, started.elapsed()));
        reply.into_response()
    }
}

/// `POST /gateway.do alipay.system.oauth.token app 2021… -> 200 40002 isv.code-invalid (3.2 ms)`,
/// `POST /v3/alipay/system/oauth/token app 2021… -> 400 code-invalid (3.2 ms)`
fn log_line(request: &http_server::Request, reply: &Reply, took: Duration) -> String {
    let mut line = format!("{} {}", request.method, request.path);
    if request.path == GATEWAY_PATH {
        // What the gateway reads, wherever the client put it.
        let field = |name: &str| {
            crate::sign::form::peek(request.query.as_bytes(), name)
                .or_else(|| crate::sign::form::peek(&request.body, name))
                .map(|v| printable(&v))
        };
        line.push_str(&format!(
            " {} app {}",
            field("method").unwrap_or_else(|| "(no method)".into()),
            field("app_id").unwrap_or_else(|| "(none)".into())
        ));
    } else if request.path.starts_with("/v3/")
        && let Some(auth) = request
            .header("authorization")
            .and_then(|a| crate::sign::dialect::v3::parse_authorization(a).ok())
    {
        line.push_str(&format!(" app {}", printable(&auth.app_id)));
    } else if request.path == AUTHORIZE_PATH
        && let Some(app) = crate::sign::form::peek(request.query.as_bytes(), "app_id")
    {
        line.push_str(&format!(" app {}", printable(&app)));
    } else if antom::serves(&request.path) {
        line.push_str(&format!(
            " client {}",
            request
                .header("client-id")
                .map(printable)
                .unwrap_or_else(|| "(none)".into())
        ));
    }
    line.push_str(&format!(" -> {}", reply.status));
    if let Some(outcome) = &reply.outcome {
        line.push(' ');
        line.push_str(outcome);
    }
    line.push_str(&format!(" ({:.1} ms)", took.as_secs_f64() * 1000.0));
    line
}

/// A client's text for the log: short, control characters escaped.
fn printable(text: &str) -> String {
    text.chars()
        .take(64)
        .collect::<String>()
        .escape_debug()
        .to_string()
}

/// Routes one request to its page, the gateway, or the admin API.
fn route<'h>(
    shared: &Shared,
    method: &http::Method,
    path: &str,
    query: &str,
    header: impl Fn(&str) -> Option<&'h str>,
    body: &[u8],
) -> Reply {
    shared.stats.requests.fetch_add(1, Ordering::Relaxed);
    // The admin API changes behaviour for everyone: only JSON requests (which
    // a web page cannot send cross-site without a preflight we never answer).
    let admin_ok = header("content-type").is_some_and(|c| c.starts_with("application/json"));
    use http::Method as M;
    match (method, path) {
        (&M::GET | &M::HEAD, AUTHORIZE_PATH) => authorize::page(shared, query.as_bytes()),
        (&M::POST, "/oauth2/consent") => authorize::consent(shared, body),
        (&M::POST | &M::GET, GATEWAY_PATH) => {
            shared.stats.gateway_calls.fetch_add(1, Ordering::Relaxed);
            gateway::handle(shared, query.as_bytes(), body)
        }
        (_, p) if p.starts_with("/v3/") => v3::handle(shared, method, path, query, header, body),
        (&M::GET | &M::HEAD, "/wallet/authorize") => {
            authorize::wallet_page(shared, query.as_bytes())
        }
        (&M::POST, p) if antom::serves(p) => antom::handle(shared, p, header, body),
        (_, p) if antom::serves(p) => {
            Reply::new(405, "text/plain; charset=utf-8", "method not allowed")
        }
        (&M::GET, "/__emulator/health") => health(shared),
        (&M::POST, "/__emulator/faults") if admin_ok => add_fault(shared, body),
        (&M::DELETE, "/__emulator/faults") => {
            shared.faults.clear();
            Reply::json(200, json!({"pending": []}))
        }
        (&M::POST, "/__emulator/faults") => Reply::json(
            415,
            json!({"error": "send the fault as JSON with Content-Type: application/json"}),
        ),
        (&M::GET, "/") => Reply::html(
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
    }
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
    const USAGE: &str = "send {\"fault\": \"KIND[:ARG]\", \"count\": N}";
    let parsed = serde_json::from_slice::<serde_json::Value>(body)
        .map_err(|_| USAGE.to_string())
        .and_then(|v| {
            let spec = v
                .get("fault")
                .and_then(|f| f.as_str())
                .ok_or_else(|| USAGE.to_string())?
                .to_string();
            // A count that is not a whole number in range is refused, not
            // rounded into something else.
            let count = match v.get("count") {
                None => 1,
                Some(c) => c
                    .as_u64()
                    .filter(|n| (1..=u64::from(faults::MAX_COUNT)).contains(n))
                    .ok_or_else(|| {
                        format!(
                            "count must be a whole number from 1 to {}, not {c}",
                            faults::MAX_COUNT
                        )
                    })?,
            };
            Ok(format!("{spec}/{count}"))
        })
        .and_then(|s| s.parse::<FaultSpec>().map_err(|e| e.to_string()));
    match parsed {
        Ok(spec) => {
            shared.faults.push(spec);
            Reply::json(200, json!({"pending": shared.faults.pending()}))
        }
        Err(e) => Reply::json(400, json!({"error": e, "syntax": faults::FAULT_SYNTAX})),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offline() -> Offline {
        let app = PrivateKey::generate(2048).unwrap();
        Offline::new(EmulatorConfig::new(
            vec![AppConfig {
                app_id: "2021000000000000".into(),
                name: "t".into(),
                public_key: app.public_key(),
                redirect_domains: vec![],
                id_mode: IdMode::OpenId,
                member_info: true,
                group: None,
            }],
            PrivateKey::generate(2048).unwrap(),
        ))
        .unwrap()
    }

    #[test]
    fn offline_answers_origin_and_absolute_form_targets_alike() {
        let emu = offline();
        let query = "/gateway.do?charset=utf-8&app_id=2021000000000000";
        let origin = emu.respond("POST", query, &[], b"");
        let absolute = emu.respond("POST", &format!("http://127.0.0.1:9966{query}"), &[], b"");
        assert_eq!(origin.status(), 200);
        assert_eq!(origin.body(), absolute.body());
        assert!(String::from_utf8_lossy(absolute.body()).contains("isv.missing-method"));
        assert_eq!(emu.respond("GET", "/nowhere", &[], b"").status(), 404);
        assert_eq!(emu.respond("G E T", "/", &[], b"").status(), 400);
        assert_eq!(emu.respond("GET", "not a target", &[], b"").status(), 400);
        let fault = |count: &str| {
            emu.respond(
                "POST",
                "/__emulator/faults",
                &[("Content-Type", "application/json")],
                format!("{{\"fault\":\"tamper\",\"count\":{count}}}").as_bytes(),
            )
            .status()
        };
        // Every /v3 answer is signed, a refusal before any check included.
        let v3 = emu.respond("POST", "/v3/alipay/trade/query", &[], b"{}");
        assert_eq!(v3.status(), 401);
        let header = |name: &str| {
            v3.headers()
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap()
        };
        let content = crate::sign::dialect::v3::answer_content(
            &header("alipay-timestamp"),
            &header("alipay-nonce"),
            v3.body(),
        );
        assert!(
            crate::sign::algorithm::verify(
                &emu.0.alipay_public,
                crate::sign::SignType::Rsa2,
                &content,
                &header("alipay-signature")
            )
            .is_ok()
        );
        let body: serde_json::Value = serde_json::from_slice(v3.body()).unwrap();
        assert_eq!(body["code"], "missing-authorization");
        assert!(body["links"].is_array());
        assert_eq!(fault("-1"), 400);
        assert_eq!(fault("1e10"), 400);
        assert_eq!(fault("3"), 200);
    }
}
