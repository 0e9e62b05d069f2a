//! The HTTP/1.1 server under both the callback listener and the emulator:
//! hyper on a tokio runtime, with everything a client can hold bounded (head
//! and body size, the time to send them, idle connections, the number of
//! connections), so no client can crash, stall or exhaust the process.
//!
//! A connection is a task, not a thread. Each one has a watchdog: from the
//! moment it is idle (opened, or its last answer given) it must start a
//! request within the idle timeout, and from its first byte deliver the
//! whole head within the header timeout; the body has its own timeout.
//! (hyper's own header timeout also runs while a connection is idle, so the
//! two could not differ.)

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body::{Frame, SizeHint};
use http_body_util::BodyExt as _;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::{Semaphore, watch};

/// What a client may send and hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The request line and headers together (larger: 431).
    pub max_head: usize,
    /// The request target (larger: 414).
    pub max_target: usize,
    /// The request body (larger: 413, refused on Content-Length before reading).
    pub max_body: u64,
    /// From a request's first byte to the end of its head (then the connection closes).
    pub header_timeout: Duration,
    /// For the whole body once the head is in (then 408).
    pub body_timeout: Duration,
    /// How long a connection may wait for its next request.
    pub idle_timeout: Duration,
    /// Connections open at once; more are answered 503 and closed.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_head: 16 << 10,
            max_target: 8 << 10,
            max_body: 1 << 20,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(30),
            max_connections: 512,
        }
    }
}

/// What carries HTTP over an accepted socket.
#[derive(Clone)]
pub enum Transport {
    Plain,
    Tls(tokio_rustls::TlsAcceptor),
}

impl Transport {
    /// TLS with a certificate chain (leaf first, DER) and its PKCS#8 key,
    /// through the same AWS-LC provider as the rest of the tool.
    pub fn tls(chain_der: &[Vec<u8>], key_pkcs8_der: &[u8]) -> Result<Transport, rustls::Error> {
        use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let chain = chain_der
            .iter()
            .map(|c| CertificateDer::from(c.clone()))
            .collect();
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key_pkcs8_der.to_vec()));
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_no_client_auth()
            .with_single_cert(chain, key)?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Transport::Tls(tokio_rustls::TlsAcceptor::from(Arc::new(
            config,
        ))))
    }

    pub fn is_tls(&self) -> bool {
        matches!(self, Transport::Tls(_))
    }
}

/// A request with its whole body, within the limits.
#[derive(Debug)]
pub struct Request {
    pub method: http::Method,
    /// The path of the target, also when it came in absolute form
    /// (`POST http://host:port/gateway.do?... HTTP/1.1`, RFC 9112 §3.2.2).
    pub path: String,
    /// The query string without `?` (empty when none).
    pub query: String,
    pub headers: http::HeaderMap,
    pub body: Bytes,
}

impl Request {
    /// The first value of a header, when it is text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// An answer before it is written.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Announce the whole body, send half of it, and drop the connection
    /// (the emulator's `truncate` fault).
    pub cut_short: bool,
}

impl Response {
    pub fn text(status: u16, body: &str) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), "text/plain; charset=utf-8".into())],
            body: body.as_bytes().to_vec(),
            cut_short: false,
        }
    }

    /// This answer, then the connection closes.
    fn closing(mut self) -> Response {
        self.headers.push(("Connection".into(), "close".into()));
        self
    }
}

/// Answers requests. Called on the runtime's worker threads.
pub trait Handler: Send + Sync + 'static {
    fn handle(&self, request: Request) -> impl Future<Output = Response> + Send;
}

/// How the server runs.
#[derive(Clone)]
pub struct ServerConfig {
    pub limits: Limits,
    pub transport: Transport,
    /// Worker threads of the runtime.
    pub threads: usize,
    /// Names the runtime's threads.
    pub name: &'static str,
}

/// A running server. Dropping it stops accepting, gives connections with an
/// answer in progress a moment to finish (see [`Server::set_grace`]), then
/// closes everything.
pub struct Server {
    runtime: Option<tokio::runtime::Runtime>,
    stop: watch::Sender<bool>,
    accepting: Vec<tokio::task::JoinHandle<()>>,
    connections: Arc<Semaphore>,
    max_connections: usize,
    addrs: Vec<SocketAddr>,
    grace: Duration,
}

impl Server {
    /// Serves on sockets already bound (so that callers name bind errors
    /// their own way).
    pub fn start<H: Handler>(
        sockets: Vec<std::net::TcpListener>,
        config: ServerConfig,
        handler: Arc<H>,
    ) -> std::io::Result<Server> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(config.threads.max(1))
            .thread_name(config.name)
            .enable_all()
            .build()?;
        let (stop, _) = watch::channel(false);
        let connections = Arc::new(Semaphore::new(config.limits.max_connections));
        let shared = Arc::new(Shared {
            limits: config.limits,
            transport: config.transport,
            handler,
            stop: stop.clone(),
        });
        let mut addrs = Vec::new();
        let mut accepting = Vec::new();
        for socket in sockets {
            socket.set_nonblocking(true)?;
            addrs.push(socket.local_addr()?);
            let listener = {
                let _in_runtime = runtime.enter();
                tokio::net::TcpListener::from_std(socket)?
            };
            accepting.push(runtime.spawn(accept_loop(
                listener,
                shared.clone(),
                connections.clone(),
                stop.subscribe(),
            )));
        }
        Ok(Server {
            runtime: Some(runtime),
            stop,
            accepting,
            connections,
            max_connections: config.limits.max_connections,
            addrs,
            grace: Duration::ZERO,
        })
    }

    /// The addresses served (with the real port when 0 was bound).
    pub fn local_addrs(&self) -> &[SocketAddr] {
        &self.addrs
    }

    /// How long dropping the server waits for answers still being written.
    pub fn set_grace(&mut self, grace: Duration) {
        self.grace = grace;
    }

    /// Blocks for as long as the server runs (until the process ends).
    pub fn wait(&mut self) {
        if let Some(rt) = &self.runtime {
            for task in self.accepting.drain(..) {
                let _ = rt.block_on(task);
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        if let Some(rt) = self.runtime.take() {
            let (connections, max) = (self.connections.clone(), self.max_connections);
            let grace = self.grace;
            if !grace.is_zero() {
                rt.block_on(async {
                    let _ = tokio::time::timeout(grace, async {
                        while connections.available_permits() < max {
                            tokio::time::sleep(Duration::from_millis(5)).await;
                        }
                    })
                    .await;
                });
            }
            rt.shutdown_background();
        }
    }
}

struct Shared<H> {
    limits: Limits,
    transport: Transport,
    handler: Arc<H>,
    stop: watch::Sender<bool>,
}

/// What a connection over the cap gets, written without waiting.
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 21\r\nRetry-After: 1\r\nConnection: close\r\n\r\ntoo many connections\n";

/// True for the accept errors that mean the process (or system) is out of
/// file descriptors or buffers: waiting lets other connections close.
fn out_of_resources(e: &std::io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::EMFILE | libc::ENFILE | libc::ENOBUFS | libc::ENOMEM)
    )
}

async fn accept_loop<H: Handler>(
    listener: tokio::net::TcpListener,
    shared: Arc<Shared<H>>,
    connections: Arc<Semaphore>,
    mut stop: watch::Receiver<bool>,
) {
    let mut backoff = Duration::from_millis(10);
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = stop.changed() => return,
        };
        match accepted {
            Ok((stream, _)) => {
                backoff = Duration::from_millis(10);
                match connections.clone().try_acquire_owned() {
                    Ok(permit) => {
                        let _ = stream.set_nodelay(true);
                        let shared = shared.clone();
                        tokio::spawn(async move {
                            connection(stream, shared).await;
                            drop(permit);
                        });
                    }
                    // Over the cap: a canned answer if the socket takes it
                    // at once, then close. Never wait on such a client.
                    Err(_) => {
                        let _ = stream.try_write(BUSY);
                    }
                }
            }
            Err(e) => {
                // A connection that went away before it was accepted costs
                // nothing; running out of descriptors must not end the loop:
                // wait for some to be released and carry on.
                if out_of_resources(&e) {
                    tokio::select! {
                        _ = tokio::time::sleep(backoff) => {}
                        _ = stop.changed() => return,
                    }
                    backoff = (backoff * 2).min(Duration::from_millis(500));
                }
            }
        }
    }
}

/// What the watchdog of one connection knows. Plain atomics, no wake-ups:
/// answering a request costs the watchdog nothing; it looks every so often.
struct Activity {
    opened: Instant,
    /// A request is being answered.
    busy: AtomicBool,
    /// Bytes of a new request arrived while not busy.
    head_started: AtomicBool,
    /// Milliseconds since `opened`: when the connection became idle, or
    /// when the head of a request started.
    mark_ms: AtomicU64,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            opened: Instant::now(),
            busy: AtomicBool::new(false),
            head_started: AtomicBool::new(false),
            mark_ms: AtomicU64::new(0),
        }
    }

    fn now_ms(&self) -> u64 {
        self.opened.elapsed().as_millis() as u64
    }

    fn read_some(&self) {
        if !self.busy.load(Ordering::Relaxed) && !self.head_started.swap(true, Ordering::Relaxed) {
            self.mark_ms.store(self.now_ms(), Ordering::Relaxed);
        }
    }

    fn begin(&self) {
        self.busy.store(true, Ordering::Relaxed);
        self.head_started.store(false, Ordering::Relaxed);
    }

    fn end(&self) {
        self.mark_ms.store(self.now_ms(), Ordering::Relaxed);
        self.busy.store(false, Ordering::Relaxed);
    }

    /// Idle again (after a TLS handshake).
    fn reset(&self) {
        self.head_started.store(false, Ordering::Relaxed);
        self.end();
    }

    /// Resolves when the connection has been idle, or sending a head, for
    /// too long (noticed within a quarter of the shorter timeout). A request
    /// being answered is bounded by the body timeout and the handler.
    async fn expired(&self, limits: &Limits) {
        let tick =
            (limits.idle_timeout.min(limits.header_timeout) / 4).max(Duration::from_millis(50));
        loop {
            tokio::time::sleep(tick).await;
            if self.busy.load(Ordering::Relaxed) {
                continue;
            }
            let limit = if self.head_started.load(Ordering::Relaxed) {
                limits.header_timeout
            } else {
                limits.idle_timeout
            };
            if self.now_ms() >= self.mark_ms.load(Ordering::Relaxed) + limit.as_millis() as u64 {
                return;
            }
        }
    }
}

/// The accepted socket, telling the watchdog when bytes arrive.
struct Watched<S> {
    inner: S,
    activity: Arc<Activity>,
}

impl<S: AsyncRead + Unpin> AsyncRead for Watched<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.read_some();
        }
        polled
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Watched<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

async fn connection<H: Handler>(stream: tokio::net::TcpStream, shared: Arc<Shared<H>>) {
    let activity = Arc::new(Activity::new());
    let io = Watched {
        inner: stream,
        activity: activity.clone(),
    };
    match &shared.transport {
        Transport::Plain => serve(io, &shared, activity).await,
        Transport::Tls(acceptor) => {
            let handshake =
                tokio::time::timeout(shared.limits.header_timeout, acceptor.accept(io)).await;
            if let Ok(Ok(tls)) = handshake {
                activity.reset();
                serve(tls, &shared, activity).await;
            }
        }
    }
}

async fn serve<H: Handler, S>(io: S, shared: &Arc<Shared<H>>, activity: Arc<Activity>)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let service = {
        let (shared, activity) = (shared.clone(), activity.clone());
        hyper::service::service_fn(move |request| {
            let (shared, activity) = (shared.clone(), activity.clone());
            async move {
                activity.begin();
                let response = answer(request, &shared).await;
                activity.end();
                Ok::<_, Infallible>(response)
            }
        })
    };
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .max_header_size(shared.limits.max_head)
        .max_buf_size(shared.limits.max_head.max(64 << 10))
        // The watchdog bounds the head, idle or not.
        .header_read_timeout(None);
    let conn = builder.serve_connection(TokioIo::new(io), service);
    let mut stop = shared.stop.subscribe();
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = activity.expired(&shared.limits) => {}
        _ = stop.changed() => {
            // Let an answer in progress finish; idle ones close at once.
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        }
    }
}

/// Why a body was not read whole.
enum BodyError {
    TooLarge,
    TimedOut,
    Broken,
}

async fn read_body(
    body: Incoming,
    limits: &Limits,
    declared: Option<u64>,
) -> Result<Bytes, BodyError> {
    // Room for what was announced, but never a hostile client's promise.
    let mut data = Vec::with_capacity(declared.unwrap_or(0).min(64 << 10) as usize);
    let read = async {
        let mut body = body;
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|_| BodyError::Broken)?;
            if let Ok(chunk) = frame.into_data() {
                if (data.len() + chunk.len()) as u64 > limits.max_body {
                    return Err(BodyError::TooLarge);
                }
                data.extend_from_slice(&chunk);
            }
        }
        Ok(())
    };
    match tokio::time::timeout(limits.body_timeout, read).await {
        Ok(Ok(())) => Ok(Bytes::from(data)),
        Ok(Err(e)) => Err(e),
        Err(_) => Err(BodyError::TimedOut),
    }
}

fn target_len(uri: &http::Uri) -> usize {
    uri.scheme_str().map_or(0, |s| s.len() + 3)
        + uri.authority().map_or(0, |a| a.as_str().len())
        + uri.path_and_query().map_or(0, |p| p.as_str().len())
}

async fn answer<H: Handler>(
    request: hyper::Request<Incoming>,
    shared: &Shared<H>,
) -> hyper::Response<ReplyBody> {
    let limits = &shared.limits;
    let (parts, body) = request.into_parts();
    if target_len(&parts.uri) > limits.max_target {
        return Response::text(414, "request target too long\n")
            .closing()
            .into();
    }
    let declared = parts
        .headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.max_body) {
        return Response::text(413, "request body too large\n")
            .closing()
            .into();
    }
    let body = match read_body(body, limits, declared).await {
        Ok(b) => b,
        Err(BodyError::TooLarge) => {
            return Response::text(413, "request body too large\n")
                .closing()
                .into();
        }
        Err(BodyError::TimedOut) => {
            return Response::text(408, "the request body did not arrive in time\n")
                .closing()
                .into();
        }
        Err(BodyError::Broken) => {
            return Response::text(400, "the request body is malformed\n")
                .closing()
                .into();
        }
    };
    let (path, query) = match parts.uri.path_and_query() {
        Some(pq) => (pq.path().to_string(), pq.query().unwrap_or("").to_string()),
        None => (String::new(), String::new()),
    };
    shared
        .handler
        .handle(Request {
            method: parts.method,
            path,
            query,
            headers: parts.headers,
            body,
        })
        .await
        .into()
}

/// A response body: whole, or cut short with an error so hyper drops the
/// connection after the bytes it has.
pub struct ReplyBody {
    data: Option<Bytes>,
    fail_after: bool,
}

impl http_body::Body for ReplyBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        if let Some(data) = self.data.take() {
            return Poll::Ready(Some(Ok(Frame::data(data))));
        }
        if std::mem::take(&mut self.fail_after) {
            return Poll::Ready(Some(Err(std::io::Error::other("cut short on purpose"))));
        }
        Poll::Ready(None)
    }

    fn is_end_stream(&self) -> bool {
        self.data.is_none() && !self.fail_after
    }

    fn size_hint(&self) -> SizeHint {
        match (&self.data, self.fail_after) {
            (Some(d), false) => SizeHint::with_exact(d.len() as u64),
            (None, false) => SizeHint::with_exact(0),
            _ => SizeHint::default(),
        }
    }
}

impl From<Response> for hyper::Response<ReplyBody> {
    fn from(r: Response) -> Self {
        let full = r.body.len();
        let mut body = Bytes::from(r.body);
        if r.cut_short {
            body.truncate(full / 2);
        }
        let mut response = hyper::Response::new(ReplyBody {
            data: (!body.is_empty()).then_some(body),
            fail_after: r.cut_short,
        });
        *response.status_mut() =
            http::StatusCode::from_u16(r.status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        let headers = response.headers_mut();
        for (k, v) in &r.headers {
            if let (Ok(k), Ok(v)) = (
                http::HeaderName::from_bytes(k.as_bytes()),
                http::HeaderValue::from_str(v),
            ) {
                headers.append(k, v);
            }
        }
        if r.cut_short {
            headers.insert(http::header::CONTENT_LENGTH, full.into());
            headers.insert(
                http::header::CONNECTION,
                http::HeaderValue::from_static("close"),
            );
        }
        response
    }
}
