//! The temporary callback listener: receives the browser's redirect with the
//! `auth_code`, on loopback only unless explicitly asked otherwise.
//!
//! Only `GET` on the exact path counts. Other paths get 404 and other
//! methods 405, so a favicon request never ends the wait; a wrong `state`
//! gets a 400 page and the wait goes on. The HTTP side is the bounded
//! server of [`crate::http_server`]: no client can hold up the wait.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use html_escape::encode_text;

use super::{Callback, State};
use crate::http_server::{self, Limits, Server, ServerConfig, Transport};

/// Why the callback could not be received: facts only; the edge words
/// them and names the flags that change them.
#[derive(Debug, thiserror::Error)]
pub enum ListenError {
    #[error("port {} on {} is already in use, so the callback listener cannot start", .0.port(), .0.ip())]
    InUse(SocketAddr),
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: SocketAddr, reason: String },
    /// A listen address without an explicit port, or with a path.
    #[error("listen address {0:?} is not HOST:PORT")]
    NotHostPort(String),
    /// A listen address naming a host other than localhost.
    #[error("the listen address needs an IP address or localhost, not {0:?}")]
    NotIp(String),
    /// A non-loopback listen address without the permission for it.
    #[error(
        "listen address {0} is not a loopback address: the callback, with its auth code, would be reachable from the network"
    )]
    NotLoopback(String),
    #[error("the redirect URI has no host")]
    NoRedirectHost,
    #[error("cannot start the callback listener: {0}")]
    Start(String),
    /// No usable callback or paste within the wait.
    #[error("no authorization within {} s: {}", .timeout.as_secs(), .why.join("; "))]
    TimedOut {
        timeout: Duration,
        why: Vec<String>,
        /// Nothing was listening: only a paste could have arrived.
        paste_only: bool,
    },
    /// Standard input ended first (the message says what was pasted).
    #[error("{0}")]
    InputEnded(String),
    /// Ctrl-C during the wait.
    #[error("interrupted")]
    Interrupted,
    /// A callback handed over without its code: a bug, reported rather than
    /// a panic.
    #[error("the callback carried no auth code")]
    NoCode,
}

/// What the listener needs.
#[derive(Debug, Clone)]
pub struct ListenerConfig {
    /// Where to listen; `localhost` means both 127.0.0.1 and ::1.
    pub addrs: Vec<SocketAddr>,
    /// The callback path, e.g. `/callback`.
    pub path: String,
    pub state: State,
}

/// Something that happened while waiting.
pub enum Event {
    Request(Request),
    /// A URL or code pasted by the person at the terminal.
    Pasted(String),
    /// The input pastes come from has ended (end of file, Ctrl-D): nothing
    /// more can be pasted.
    InputEnded,
    /// Ctrl-C.
    Interrupted,
}

/// Something the person waiting should know now, while the wait goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// A callback with another state reached the listener and was ignored.
    CallbackWrongState,
    /// A callback with the right state but no auth_code (login refused?).
    CallbackWithoutCode,
    /// Pasted text that was not used.
    Pasted(PasteProblem),
}

/// Why pasted text was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteProblem {
    /// A URL whose state is not this login's.
    WrongState,
    /// A URL without a state: it cannot be tied to this login.
    NoState,
    /// Neither a URL with an auth_code nor a bare code.
    NoCode,
}

impl PasteProblem {
    fn describe(self) -> &'static str {
        match self {
            PasteProblem::WrongState => {
                "the pasted URL carries a different state: it is not from the login started here"
            }
            PasteProblem::NoState => {
                "the pasted URL has no state, so it cannot be from the login started here"
            }
            PasteProblem::NoCode => "the pasted text has no auth_code",
        }
    }
}

/// A request to the listener, answered from the waiting thread.
pub struct Request {
    method: http::Method,
    /// Path and query, as the browser sent them.
    url: String,
    reply: tokio::sync::oneshot::Sender<http_server::Response>,
}

impl Request {
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn method(&self) -> &http::Method {
        &self.method
    }
}

/// Hands each request to the waiting thread and answers what it says.
struct Forward(Sender<Event>);

impl http_server::Handler for Forward {
    async fn handle(&self, request: http_server::Request) -> http_server::Response {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let url = if request.query.is_empty() {
            request.path
        } else {
            format!("{}?{}", request.path, request.query)
        };
        let forwarded = self
            .0
            .send(Event::Request(Request {
                method: request.method,
                url,
                reply,
            }))
            .is_ok();
        match (forwarded, answer.await) {
            (true, Ok(response)) => response,
            _ => http_server::Response::text(503, "the login is over\n"),
        }
    }
}

/// What a callback may send: a GET's head, no body.
fn limits() -> Limits {
    Limits {
        max_body: 0,
        ..Limits::default()
    }
}

/// A bound listener.
pub struct Listener {
    config: ListenerConfig,
    events: Receiver<Event>,
    sender: Sender<Event>,
    bound: Vec<SocketAddr>,
    // Dropped last: the answer to the callback is written before it stops.
    _server: Server,
}

/// Why the wait ended without a code.
#[derive(Debug, Default, Clone)]
pub struct WaitReport {
    /// Callbacks whose state did not match (an old tab? another login?).
    pub wrong_state: usize,
    /// Callbacks with the right state but no auth_code.
    pub missing_code: usize,
    /// Requests to other paths or with other methods.
    pub stray: usize,
    /// The last pasted text that was not used, and why.
    pub pasted: Option<PasteProblem>,
}

impl Listener {
    /// Binds every address. A port in use is a usage error naming the port.
    pub fn bind(config: ListenerConfig) -> Result<Listener, ListenError> {
        let mut sockets = Vec::new();
        for addr in &config.addrs {
            match std::net::TcpListener::bind(addr) {
                Ok(s) => sockets.push(s),
                // ::1 may not exist (IPv6 disabled in a container); one
                // loopback address is enough as long as one binds. But if
                // something else holds [::1]:PORT it would get callbacks.
                Err(e)
                    if addr.is_ipv6()
                        && config.addrs.len() > 1
                        && e.kind() != std::io::ErrorKind::AddrInUse => {}
                Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                    return Err(ListenError::InUse(*addr));
                }
                Err(e) => {
                    return Err(ListenError::Bind {
                        addr: *addr,
                        reason: e.to_string(),
                    });
                }
            }
        }
        let (sender, events) = mpsc::channel();
        let mut server = Server::start(
            sockets,
            ServerConfig {
                limits: limits(),
                transport: Transport::Plain,
                threads: 1,
                name: "callback-listener",
            },
            Arc::new(Forward(sender.clone())),
        )
        .map_err(|e| ListenError::Start(e.to_string()))?;
        // The browser must get its page before the process moves on.
        server.set_grace(Duration::from_secs(2));
        Ok(Listener {
            config,
            bound: server.local_addrs().to_vec(),
            events,
            sender,
            _server: server,
        })
    }

    /// The addresses actually bound (with the real port when 0 was asked).
    pub fn local_addrs(&self) -> &[SocketAddr] {
        &self.bound
    }

    /// A handle for other threads to deliver pasted input or Ctrl-C.
    pub fn sender(&self) -> Sender<Event> {
        self.sender.clone()
    }

    /// Waits for the callback (or a pasted URL or code) until `timeout`.
    /// Calls `tick` with the time left about ten times a second (for a
    /// spinner), and `notice` when something is ignored and the wait goes
    /// on (so the person hears of it at once, not after the timeout).
    pub fn wait(
        &self,
        timeout: Duration,
        mut tick: impl FnMut(Duration),
        mut notice: impl FnMut(Notice),
    ) -> Result<Callback, ListenError> {
        let deadline = Instant::now() + timeout;
        let mut report = WaitReport::default();
        loop {
            let now = Instant::now();
            if now >= deadline {
                return Err(self.timed_out(timeout, &report));
            }
            tick(deadline - now);
            let event = match self
                .events
                .recv_timeout((deadline - now).min(Duration::from_millis(100)))
            {
                Ok(e) => e,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(self.timed_out(timeout, &report));
                }
            };
            match event {
                Event::Interrupted => return Err(ListenError::Interrupted),
                Event::InputEnded if self.bound.is_empty() => {
                    return Err(input_ended(&report));
                }
                // A listener still waits for the browser.
                Event::InputEnded => {}
                Event::Pasted(text) => match self.check_pasted(&text) {
                    Ok(cb) => return Ok(cb),
                    Err(problem) => {
                        report.pasted = Some(problem);
                        notice(Notice::Pasted(problem));
                    }
                },
                Event::Request(request) => {
                    let before = (report.wrong_state, report.missing_code);
                    if let Some(cb) = self.handle(request, &mut report) {
                        return Ok(cb);
                    }
                    if report.wrong_state > before.0 {
                        notice(Notice::CallbackWrongState);
                    }
                    if report.missing_code > before.1 {
                        notice(Notice::CallbackWithoutCode);
                    }
                }
            }
        }
    }

    /// A pasted URL or bare code, if it is usable for this login.
    fn check_pasted(&self, text: &str) -> Result<Callback, PasteProblem> {
        let cb = Callback::from_pasted(text);
        // Alipay returns the state it was given: only a bare code can come
        // without one.
        let bare_code = !text.contains('=');
        if !bare_code && cb.state.is_none() {
            return Err(PasteProblem::NoState);
        }
        if let Some(state) = &cb.state
            && !self.config.state.matches(state)
        {
            return Err(PasteProblem::WrongState);
        }
        if cb.auth_code.is_none() {
            return Err(PasteProblem::NoCode);
        }
        Ok(cb)
    }

    fn timed_out(&self, timeout: Duration, report: &WaitReport) -> ListenError {
        let mut why = Vec::new();
        if report.wrong_state > 0 {
            why.push(format!(
                "{} callback(s) with a different state were ignored (an old tab, or another login?)",
                report.wrong_state
            ));
        }
        if report.missing_code > 0 {
            why.push(format!(
                "{} callback(s) came without an auth_code",
                report.missing_code
            ));
        }
        if let Some(p) = report.pasted {
            why.push(p.describe().to_string());
        }
        let paste_only = self.bound.is_empty();
        if why.is_empty() {
            why.push(if paste_only {
                "nothing was pasted".into()
            } else {
                "no callback arrived (the login was not finished, or the browser could not reach the listener)".into()
            });
        }
        ListenError::TimedOut {
            timeout,
            why,
            paste_only,
        }
    }

    /// Answers one request; returns the callback when it is the one.
    fn handle(&self, request: Request, report: &mut WaitReport) -> Option<Callback> {
        let url = request.url().to_string();
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        if path != self.config.path {
            report.stray += 1;
            respond(
                request,
                404,
                &page(
                    "Not found",
                    "<p>Nothing here. Waiting for the Alipay callback.</p>",
                ),
                &[],
            );
            return None;
        }
        if *request.method() != http::Method::GET {
            report.stray += 1;
            respond(
                request,
                405,
                &page(
                    "Method not allowed",
                    "<p>The callback is a GET request.</p>",
                ),
                &[("Allow", "GET")],
            );
            return None;
        }
        let cb = Callback::from_query(query);
        let state_ok = cb
            .state
            .as_deref()
            .is_some_and(|s| self.config.state.matches(s));
        if !state_ok {
            report.wrong_state += 1;
            respond(
                request,
                400,
                &page(
                    "This is not the login in progress",
                    "<p>The <code>state</code> of this callback does not match the login started in the terminal: \
it may come from an old tab or from someone else. It was ignored.</p>\
<p>Start over from the URL the terminal printed.</p>",
                ),
                &[],
            );
            return None;
        }
        if cb.auth_code.is_none() {
            report.missing_code += 1;
            respond(
                request,
                400,
                &page(
                    "No authorization code",
                    "<p>Alipay sent the browser back without an <code>auth_code</code>: the login did not complete. \
Try again from the URL the terminal printed.</p>",
                ),
                &[],
            );
            return None;
        }
        let app = cb.app_id.as_deref().unwrap_or("");
        respond(
            request,
            200,
            &page(
                "Logged in with Alipay",
                &format!(
                    "<p id=\"done\"><strong>Done.</strong> You can close this tab and return to the terminal.</p>\
<p>App <code>{}</code> received an authorization code. Do not share this page's address: it contains the code.</p>",
                    encode_text(app)
                ),
            ),
            &[],
        );
        Some(cb)
    }
}

/// Standard input (or the terminal) ended and nothing usable was pasted.
fn input_ended(report: &WaitReport) -> ListenError {
    let message = match report.pasted {
        Some(p) => format!(
            "the input ended without a usable URL or code ({})",
            p.describe()
        ),
        None => "the input ended before a URL or code was pasted".into(),
    };
    ListenError::InputEnded(message)
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title>\
<style>body{{font-family:system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem}}</style></head>\
<body><h1>{}</h1>{body}<p style=\"color:#777\">alipay-oauth</p></body></html>\n",
        encode_text(title),
        encode_text(title)
    )
}

fn respond(request: Request, status: u16, html: &str, extra: &[(&str, &str)]) {
    let headers = [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Cache-Control", "no-store"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
        (
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'",
        ),
        ("Connection", "close"),
    ]
    .iter()
    .chain(extra)
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    // The connection may be gone already; nothing to do then.
    let _ = request.reply.send(http_server::Response {
        status,
        headers,
        body: html.as_bytes().to_vec(),
        cut_short: false,
    });
}

/// Where the listener will run, or why the person must paste instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListenPlan {
    Listen {
        addrs: Vec<SocketAddr>,
        path: String,
    },
    PasteOnly {
        why: PasteReason,
    },
}

/// Why no listener can receive the callback, so the person pastes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasteReason {
    /// The person asked to paste.
    Asked,
    /// The redirect URI's host (named) is not this machine.
    RemoteHost(String),
    /// The redirect URI is https on this machine; the listener is plain http.
    HttpsRedirect,
}

fn loopback_addrs(host: &url::Host<&str>, port: u16) -> Option<Vec<SocketAddr>> {
    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    match host {
        url::Host::Domain(d) if d.eq_ignore_ascii_case("localhost") => Some(vec![
            SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port),
            SocketAddr::new(IpAddr::V6(Ipv6Addr::LOCALHOST), port),
        ]),
        url::Host::Ipv4(ip) if ip.is_loopback() => {
            Some(vec![SocketAddr::new(IpAddr::V4(*ip), port)])
        }
        url::Host::Ipv6(ip) if ip.is_loopback() => {
            Some(vec![SocketAddr::new(IpAddr::V6(*ip), port)])
        }
        _ => None,
    }
}

/// Plans the listener from the redirect URI, or from `--listen HOST:PORT`
/// (for a callback domain that reaches this machine through a hosts-file
/// entry, a tunnel or an SSH forward). Only loopback addresses unless
/// `allow_remote`.
pub fn plan(
    redirect: &url::Url,
    listen: Option<&str>,
    allow_remote: bool,
) -> Result<ListenPlan, ListenError> {
    let path = match redirect.path() {
        "" => "/".to_string(),
        p => p.to_string(),
    };
    if let Some(spec) = listen {
        let with_scheme = format!("http://{spec}");
        // An explicit `:PORT` is required; the url crate hides a default 80.
        let has_port = spec
            .rsplit_once(':')
            .is_some_and(|(_, p)| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        let parsed = url::Url::parse(&with_scheme)
            .ok()
            .filter(|u| has_port && u.path() == "/")
            .ok_or_else(|| ListenError::NotHostPort(spec.to_string()))?;
        let host = parsed.host().expect("http URLs have a host");
        let port = parsed
            .port_or_known_default()
            .expect("http has a default port");
        if let Some(addrs) = loopback_addrs(&host, port) {
            return Ok(ListenPlan::Listen { addrs, path });
        }
        let ip: std::net::IpAddr = match host {
            url::Host::Ipv4(ip) => ip.into(),
            url::Host::Ipv6(ip) => ip.into(),
            url::Host::Domain(d) => {
                return Err(ListenError::NotIp(d.to_string()));
            }
        };
        if !allow_remote {
            return Err(ListenError::NotLoopback(spec.to_string()));
        }
        return Ok(ListenPlan::Listen {
            addrs: vec![SocketAddr::new(ip, port)],
            path,
        });
    }
    let host = redirect.host().ok_or(ListenError::NoRedirectHost)?;
    let Some(addrs) = loopback_addrs(&host, redirect.port_or_known_default().unwrap_or(80)) else {
        return Ok(ListenPlan::PasteOnly {
            why: PasteReason::RemoteHost(redirect.host_str().unwrap_or("?").to_string()),
        });
    };
    if redirect.scheme() == "https" {
        return Ok(ListenPlan::PasteOnly {
            why: PasteReason::HttpsRedirect,
        });
    }
    Ok(ListenPlan::Listen { addrs, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> url::Url {
        url::Url::parse(s).unwrap()
    }

    #[test]
    fn plans() {
        match plan(&u("http://localhost:8080/cb"), None, false).unwrap() {
            ListenPlan::Listen { addrs, path } => {
                assert_eq!(addrs.len(), 2);
                assert_eq!(path, "/cb");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            plan(&u("https://shop.example.com/cb"), None, false).unwrap(),
            ListenPlan::PasteOnly { .. }
        ));
        assert!(matches!(
            plan(
                &u("https://shop.example.com/cb"),
                Some("127.0.0.1:9000"),
                false
            )
            .unwrap(),
            ListenPlan::Listen { .. }
        ));
        assert!(
            plan(
                &u("https://shop.example.com/cb"),
                Some("0.0.0.0:9000"),
                false
            )
            .is_err()
        );
        assert!(
            plan(
                &u("https://shop.example.com/cb"),
                Some("0.0.0.0:9000"),
                true
            )
            .is_ok()
        );
        assert!(plan(&u("http://x/cb"), Some("shop.example.com:9000"), true).is_err());
        assert!(plan(&u("http://x/cb"), Some("9000"), false).is_err());
        match plan(&u("http://x/cb"), Some("127.0.0.1:80"), false).unwrap() {
            ListenPlan::Listen { addrs, .. } => assert_eq!(addrs[0].port(), 80),
            other => panic!("{other:?}"),
        }
    }
}
