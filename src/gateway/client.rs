//! The v2 gateway client: signed requests placed as the official SDKs place
//! them, responses verified fail-closed (docs/protocol.md §3 and §4).

use std::io::Read;
use std::time::{Duration, Instant};

use serde_json::Value;
use time::OffsetDateTime;

use super::alipay_error::AlipayError;
use super::models::{TokenSet, UserInfo};
use super::request::{Common, QUERY_PARAMS, now_timestamp, request_params};
use crate::error::Error;
use crate::form;
use crate::secret::{AccessToken, AuthCode, RefreshToken};
use crate::sign::diagnosis::{self, Case};
use crate::sign::response::{self, SignatureStatus, Verdict, code_str};
use crate::sign::{Charset, Params, PrivateKey, PublicKey, Rule, SignType, sign_params};
use crate::trace::Tracer;

/// The largest response body accepted.
pub const MAX_RESPONSE_BYTES: u64 = 1 << 20;

pub const USER_AGENT: &str = concat!("alipay-oauth/", env!("CARGO_PKG_VERSION"));

/// Proxies, as the environment (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`,
/// `NO_PROXY`) or flags give them. The client never reads the environment.
#[derive(Debug, Clone, Default)]
pub struct ProxyConfig {
    pub http: Option<String>,
    pub https: Option<String>,
    pub all: Option<String>,
    pub no_proxy: Option<String>,
}

/// Certificate mode: the SNs sent with every request, and the SN responses
/// must name.
#[derive(Debug, Clone)]
pub struct CertMode {
    pub app_cert_sn: String,
    pub alipay_root_cert_sn: String,
    pub alipay_cert_sn: String,
}

/// Everything a client needs.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub gateway: url::Url,
    pub app_id: String,
    pub private_key: PrivateKey,
    pub alipay_public_key: PublicKey,
    pub sign_type: SignType,
    pub charset: Charset,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    pub proxy: ProxyConfig,
    pub cert: Option<CertMode>,
}

/// What one gateway call sent and received, for tracing and the demo.
/// Secret parameter values are masked.
#[derive(Debug, Clone)]
pub struct CallRecord {
    pub method: String,
    /// The request URL with secret query values masked.
    pub url: String,
    /// The string to sign with secret values masked.
    pub sign_content: String,
    pub sign: String,
    pub status: u16,
    pub trace_id: Option<String>,
    /// The signed node name and whether its signature verified.
    pub node: String,
    pub verified: SignatureStatus,
}

/// A successful call: the verified node and the record.
#[derive(Debug, Clone)]
pub struct Call {
    pub node: Value,
    /// The node's text exactly as Alipay signed it.
    pub raw_node: String,
    pub record: CallRecord,
}

/// A signed request, ready to send. It holds the signature and any token in
/// the clear, so its `Debug` shows only the masked forms.
#[derive(Clone)]
pub struct Prepared {
    pub method: String,
    /// The URL with the common parameters and the signature in its query.
    pub url: url::Url,
    /// The `Content-Type` header value.
    pub content_type: String,
    /// The form body, already encoded in the request charset (ASCII).
    pub body: String,
    /// A user or app token is among the parameters.
    pub carries_token: bool,
    /// The token call's grant_type: what a lost answer costs.
    pub grant_type: Option<String>,
    shown_url: String,
    shown_body: String,
    masked_content: String,
    sign: String,
    our_sign_content: String,
    /// Every secret value sent, to mask in traces of the answer.
    secrets: Vec<String>,
}

impl Prepared {
    /// The URL with secret values masked.
    pub fn shown_url(&self) -> &str {
        &self.shown_url
    }

    /// The string to sign with secret values masked.
    pub fn masked_content(&self) -> &str {
        &self.masked_content
    }
}

impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prepared")
            .field("method", &self.method)
            .field("url", &self.shown_url)
            .field("body", &self.shown_body)
            .finish_non_exhaustive()
    }
}

pub struct Client<'t> {
    config: ClientConfig,
    http: reqwest::blocking::Client,
    tracer: &'t dyn Tracer,
}

impl<'t> Client<'t> {
    pub fn new(config: ClientConfig, tracer: &'t dyn Tracer) -> Result<Client<'t>, Error> {
        let mut builder = reqwest::blocking::Client::builder()
            .user_agent(USER_AGENT)
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            // Proxies come only from the configuration.
            .no_proxy();
        let no_proxy = config
            .proxy
            .no_proxy
            .as_deref()
            .and_then(reqwest::NoProxy::from_string);
        let proxy = |kind: &str, url: &str| -> Result<reqwest::Proxy, Error> {
            let p = match kind {
                "http" => reqwest::Proxy::http(url),
                "https" => reqwest::Proxy::https(url),
                _ => reqwest::Proxy::all(url),
            };
            p.map(|p| p.no_proxy(no_proxy.clone())).map_err(|_| {
                Error::usage_with_hint(
                    format!("the {kind} proxy setting is not a valid URL"),
                    "set it like http://proxy.example:3128",
                )
            })
        };
        for (kind, url) in [
            ("http", &config.proxy.http),
            ("https", &config.proxy.https),
            ("all", &config.proxy.all),
        ] {
            if let Some(url) = url.as_deref().filter(|u| !u.is_empty()) {
                builder = builder.proxy(proxy(kind, url)?);
            }
        }
        let http = builder.build().map_err(|e| {
            Error::Internal(format!(
                "cannot set up the HTTP client: {}",
                e.without_url()
            ))
        })?;
        Ok(Client {
            config,
            http,
            tracer,
        })
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// Calls `method` with API parameters (in the body) and an optional user
    /// access token (in the query), verifies the answer and returns its node.
    pub fn call(
        &self,
        method: &str,
        api: &Params,
        auth_token: Option<&AccessToken>,
    ) -> Result<Call, Error> {
        let prepared = self.prepare(method, api, auth_token)?;
        self.send(&prepared)
    }

    /// Builds and signs the request `call` sends, without sending it: what
    /// `send` posts, byte for byte (for showing it as a command).
    pub fn prepare(
        &self,
        method: &str,
        api: &Params,
        auth_token: Option<&AccessToken>,
    ) -> Result<Prepared, Error> {
        let cfg = &self.config;
        let common = Common {
            app_id: &cfg.app_id,
            charset: cfg.charset,
            sign_type: cfg.sign_type,
            timestamp: now_timestamp(),
        };
        let mut params = request_params(method, &common, cfg.cert.as_ref());
        if let Some(token) = auth_token {
            params.set("auth_token", token.secret());
        }
        for (k, v) in api.iter() {
            params.set(k, v);
        }
        // Parameters already in the gateway URL are sent, so they are signed.
        let mut url_params: Vec<(String, String)> = Vec::new();
        for (k, v) in cfg.gateway.query_pairs() {
            match params.get(&k) {
                Some(ours) if ours == v => {}
                Some(ours) => {
                    return Err(Error::usage_with_hint(
                        format!("the gateway URL sets {k}={v}, but this request sends {k}={ours}"),
                        "remove the parameter from --gateway",
                    ));
                }
                None => {
                    params.set(k.as_ref(), v.as_ref());
                    url_params.push((k.into_owned(), v.into_owned()));
                }
            }
        }
        let signed = sign_params(&params, &cfg.private_key, cfg.sign_type, cfg.charset)?;

        // Common parameters (and the signature) in the query, the rest in
        // the body; never an empty value.
        type Pairs<'a> = Vec<(&'a str, &'a str)>;
        let in_url = |k: &str| url_params.iter().any(|(n, _)| n == k);
        let (mut query, body): (Pairs, Pairs) = params
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .partition(|(k, _)| QUERY_PARAMS.contains(k) || in_url(k));
        query.push(("sign", &signed.sign));
        let query_string = form::encode(query.iter().copied(), cfg.charset)?;
        let body_string = form::encode(body.iter().copied(), cfg.charset)?;
        let mut url = cfg.gateway.clone();
        url.set_query(Some(&query_string));

        let mut masked = Params::new();
        for (k, v) in params.masked() {
            masked.set(k, v);
        }
        let mut masked_query: Vec<(String, String)> = query
            .iter()
            .map(|(k, v)| (k.to_string(), masked.get(k).unwrap_or(v).to_string()))
            .collect();
        if let Some(last) = masked_query.last_mut() {
            last.1 = crate::secret::mask(&signed.sign);
        }
        let shown_url = format!(
            "{}?{}",
            without_query(&cfg.gateway),
            masked_query
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("&")
        );
        let shown_body = body
            .iter()
            .map(|(k, _)| format!("{k}={}", masked.get(k).unwrap_or("")))
            .collect::<Vec<String>>()
            .join("&");
        // The gateway may echo what we sent, raw or form-encoded.
        let secrets: Vec<String> = params
            .iter()
            .filter(|(k, _)| crate::sign::content::is_secret_param(k))
            .map(|(_, v)| v)
            .chain([signed.sign.as_str()])
            .flat_map(|v| {
                let encoded = form::encode_component(v, cfg.charset).unwrap_or_default();
                [v.to_string(), encoded]
            })
            .collect();
        Ok(Prepared {
            method: method.to_string(),
            url,
            content_type: format!("application/x-www-form-urlencoded;charset={}", cfg.charset),
            body: body_string,
            carries_token: params.iter().any(|(k, v)| {
                crate::sign::content::is_secret_param(k) && k != "sign" && !v.is_empty()
            }),
            grant_type: params.get("grant_type").map(str::to_string),
            shown_url,
            shown_body,
            masked_content: masked.sign_content(Rule::V2),
            sign: signed.sign,
            our_sign_content: signed.content,
            secrets,
        })
    }

    /// Sends a prepared request, verifies the answer and returns its node.
    pub fn send(&self, prepared: &Prepared) -> Result<Call, Error> {
        let cfg = &self.config;
        let method = prepared.method.as_str();
        let shown_url = prepared.shown_url.clone();
        let masked_content = prepared.masked_content.clone();
        self.tracer.trace(
            1,
            &format!("calling {method} at {}", without_query(&cfg.gateway)),
        );
        self.tracer
            .trace(1, &format!("string to sign: {masked_content}"));
        self.tracer.trace(2, &format!("> POST {shown_url}"));
        self.tracer
            .trace(2, &format!("> content-type: {}", prepared.content_type));
        self.tracer.trace(2, &format!("> user-agent: {USER_AGENT}"));
        self.tracer
            .trace(2, &format!("> body: {}", prepared.shown_body));

        let started = Instant::now();
        let response = self
            .http
            .post(prepared.url.clone())
            .header(reqwest::header::CONTENT_TYPE, &prepared.content_type)
            .body(prepared.body.clone())
            // On the request (not only the client), reqwest bounds reading
            // the body too: a gateway that dribbles bytes cannot outlast it.
            .timeout(cfg.request_timeout)
            .send()
            .map_err(|e| network_error(&e, &cfg.gateway, cfg, prepared.grant_type.as_deref()))?;
        let status = response.status();
        let trace_id = response
            .headers()
            .get("trace_id")
            .or_else(|| response.headers().get("trace-id"))
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        self.tracer.trace(
            1,
            &format!(
                "HTTP {} in {} ms",
                status.as_u16(),
                started.elapsed().as_millis()
            ),
        );
        self.tracer.trace(2, &format!("< HTTP {}", status.as_u16()));
        for (name, value) in response.headers() {
            self.tracer.trace(
                2,
                &format!("< {name}: {}", value.to_str().unwrap_or("(binary)")),
            );
        }
        let mut raw = Vec::new();
        response
            .take(MAX_RESPONSE_BYTES + 1)
            .read_to_end(&mut raw)
            .map_err(|e| {
                let host = host_of(&cfg.gateway);
                let spent = lost_answer_cost(prepared.grant_type.as_deref());
                if is_timeout(&e) {
                    return Error::Network {
                        message: format!(
                            "no complete answer from {host} within {} s",
                            cfg.request_timeout.as_secs_f64()
                        ),
                        hint: Some(format!(
                            "the gateway is slow: retry, or raise --request-timeout{spent}"
                        )),
                    };
                }
                let message = format!(
                    "the connection dropped while reading the response from {host}: {}",
                    root_cause(&e)
                );
                Error::Network {
                    message,
                    hint: Some(format!("retry the call{spent}")),
                }
            })?;
        if raw.len() as u64 > MAX_RESPONSE_BYTES {
            return Err(Error::Network {
                message: format!(
                    "the response from {} is larger than {MAX_RESPONSE_BYTES} bytes",
                    host_of(&cfg.gateway)
                ),
                hint: Some("check --gateway: this is not an Alipay gateway".into()),
            });
        }
        let sent_secrets: Vec<&str> = prepared.secrets.iter().map(String::as_str).collect();
        let shown_body = mask_body(&raw, cfg.charset, &sent_secrets);
        self.tracer.trace(2, &format!("< body: {shown_body}"));
        if !status.is_success() {
            // A proxy's error page may quote the URL, so only the masked text.
            let snippet: String = shown_body.chars().take(120).collect();
            return Err(Error::Network {
                message: format!(
                    "the gateway at {} answered HTTP {}{}",
                    host_of(&cfg.gateway),
                    status.as_u16(),
                    if snippet.trim().is_empty() {
                        String::new()
                    } else {
                        format!(": {}", snippet.trim())
                    }
                ),
                hint: Some(if status.is_server_error() {
                    "Alipay (or a proxy) failed; retry later".into()
                } else {
                    "check --gateway / --env: the URL does not look like an Alipay gateway".into()
                }),
            });
        }

        let checked = response::check(
            &raw,
            Some(method),
            cfg.charset,
            cfg.sign_type,
            &cfg.alipay_public_key,
        )?;
        let record = CallRecord {
            method: method.to_string(),
            url: shown_url,
            sign_content: masked_content,
            sign: prepared.sign.clone(),
            status: status.as_u16(),
            trace_id: trace_id.clone(),
            node: checked.extracted.node.clone(),
            verified: checked.status.clone(),
        };
        match &checked.status {
            SignatureStatus::Valid { unescaped_slashes: true } => self.tracer.trace(
                1,
                "response signature verified after replacing every \\/ with / (the Java SDK's retry)",
            ),
            SignatureStatus::Valid { .. } => self.tracer.trace(1, "response signature verified"),
            SignatureStatus::Unsigned => self.tracer.trace(1, "response carries no signature"),
            SignatureStatus::Invalid(m) => self.tracer.trace(1, &format!("response signature INVALID: {m}")),
        }

        let alipay_error = |node: &Value, signed_ok: bool| {
            let field = |k: &str| node.get(k).and_then(code_str);
            Error::Alipay(Box::new(AlipayError {
                method: method.to_string(),
                code: field("code").unwrap_or_else(|| "(none)".into()),
                msg: field("msg").map(|m| mask_sent(&m, &sent_secrets)),
                sub_code: field("sub_code"),
                sub_msg: field("sub_msg").map(|m| mask_sent(&m, &sent_secrets)),
                trace_id: trace_id.clone(),
                signed: signed_ok,
                our_sign_content: Some(prepared.our_sign_content.clone()),
            }))
        };
        match checked.verdict() {
            Verdict::Trusted(node) => {
                if let Some(cert) = &cfg.cert {
                    check_cert_sn(
                        checked.extracted.alipay_cert_sn.as_deref(),
                        &cert.alipay_cert_sn,
                    )?;
                }
                if response::is_error_node(&checked.extracted.node, &node) {
                    Err(alipay_error(&node, true))
                } else {
                    let raw_node = checked.extracted.content_text()?;
                    Ok(Call {
                        node,
                        raw_node,
                        record,
                    })
                }
            }
            Verdict::UnsignedError(node) => Err(alipay_error(&node, false)),
            // Signed correctly but unusable: nothing to diagnose about keys.
            Verdict::Rejected(
                rejection @ (response::Rejection::TooDeep { .. }
                | response::Rejection::Unparsable(_)),
            ) if matches!(checked.status, SignatureStatus::Valid { .. }) => {
                Err(Error::Signature {
                    rejection,
                    hint: Some(
                        "nothing from this response was used: the gateway's answer is not one Alipay sends".into(),
                    ),
                    details: Vec::new(),
                })
            }
            Verdict::Rejected(rejection) => {
                let app_public = cfg.private_key.public_key();
                let findings = diagnosis::diagnose(&Case {
                    content: &checked.extracted.content,
                    signature: checked.extracted.sign.as_deref(),
                    sign_type: cfg.sign_type,
                    charset: cfg.charset,
                    key: &cfg.alipay_public_key,
                    app_key: Some(&app_public),
                });
                Err(Error::Signature {
                    rejection,
                    hint: Some(
                        "nothing from this response was used; check that the Alipay public key is the one for this app and environment"
                            .into(),
                    ),
                    details: findings.into_iter().map(|f| format!("{} [{}]", f.message, f.code)).collect(),
                })
            }
        }
    }

    /// Exchanges an auth code for tokens. Never retried: a code works once.
    pub fn exchange_code(&self, code: &AuthCode) -> Result<(TokenSet, CallRecord), Error> {
        let mut api = Params::new();
        api.set("grant_type", "authorization_code");
        api.set("code", code.secret());
        self.token_call(&api)
    }

    /// Exchanges a refresh token for a new token set (the refresh token rotates).
    pub fn refresh(&self, refresh_token: &RefreshToken) -> Result<(TokenSet, CallRecord), Error> {
        let mut api = Params::new();
        api.set("grant_type", "refresh_token");
        api.set("refresh_token", refresh_token.secret());
        self.token_call(&api)
    }

    fn token_call(&self, api: &Params) -> Result<(TokenSet, CallRecord), Error> {
        let call = self.call("alipay.system.oauth.token", api, None)?;
        let tokens = TokenSet::from_node(&call.node, OffsetDateTime::now_utc())
            .map_err(|e| Error::Protocol(e.to_string()))?;
        Ok((tokens, call.record))
    }

    /// Fetches the user of an access token.
    pub fn user_info(&self, access_token: &AccessToken) -> Result<(UserInfo, CallRecord), Error> {
        let (user, call) = self.user_info_call(access_token)?;
        Ok((user, call.record))
    }

    /// Fetches the user, keeping the whole call (for `--raw`).
    pub fn user_info_call(&self, access_token: &AccessToken) -> Result<(UserInfo, Call), Error> {
        let call = self.call("alipay.user.info.share", &Params::new(), Some(access_token))?;
        let user = UserInfo::from_node(&call.node).map_err(|e| Error::Protocol(e.to_string()))?;
        Ok((user, call))
    }
}

fn check_cert_sn(got: Option<&str>, expected: &str) -> Result<(), Error> {
    match got {
        Some(sn) if sn == expected => Ok(()),
        other => Err(Error::Signature {
            rejection: response::Rejection::CertSnMismatch {
                got: other.map(str::to_string),
                expected: expected.to_string(),
            },
            hint: Some(
                "Alipay rotated its certificate, or the certificate files belong to another app: download the current alipayCertPublicKey_RSA2.crt".into(),
            ),
            details: Vec::new(),
        }),
    }
}

fn without_query(url: &url::Url) -> String {
    let mut u = url.clone();
    u.set_query(None);
    u.to_string()
}

fn host_of(url: &url::Url) -> String {
    match (url.host_str(), url.port_or_known_default()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        _ => url.to_string(),
    }
}

/// The innermost cause of an error, which names what actually happened
/// (e.g. "Connection refused"), without URLs that may carry secrets.
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    let s = cur.to_string();
    s.split(" (os error").next().unwrap_or(&s).to_string()
}

/// True when reading a body failed because a timeout ran out.
fn is_timeout(e: &std::io::Error) -> bool {
    if e.kind() == std::io::ErrorKind::TimedOut {
        return true;
    }
    let mut cur: Option<&(dyn std::error::Error + 'static)> = e.get_ref().map(|i| i as _);
    while let Some(err) = cur {
        if err
            .downcast_ref::<reqwest::Error>()
            .is_some_and(reqwest::Error::is_timeout)
            || err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut)
        {
            return true;
        }
        cur = err.source();
    }
    false
}

/// The rustls certificate verdict inside a connection error, if that is
/// what failed. `io::Error` hides its payload from `source()`, so each link
/// is also looked into.
pub fn certificate_error(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        // reqwest's connector nests io errors (Other around InvalidData
        // around rustls'), and each hides the next from `source()`.
        let mut candidates = vec![err];
        while let Some(inner) = candidates
            .last()
            .and_then(|c| c.downcast_ref::<std::io::Error>())
            .and_then(|io| io.get_ref())
        {
            candidates.push(inner as &(dyn std::error::Error + 'static));
        }
        for candidate in candidates {
            if let Some(tls @ rustls::Error::InvalidCertificate(c)) =
                candidate.downcast_ref::<rustls::Error>()
            {
                return Some(match c {
                    rustls::CertificateError::UnknownIssuer => {
                        "it is signed by an unknown certificate authority".into()
                    }
                    rustls::CertificateError::Expired
                    | rustls::CertificateError::ExpiredContext { .. } => "it has expired".into(),
                    rustls::CertificateError::NotValidForName
                    | rustls::CertificateError::NotValidForNameContext { .. } => {
                        "it is not valid for this host name".into()
                    }
                    _ => tls.to_string(),
                });
            }
        }
        cur = err.source();
    }
    None
}

/// What retrying costs once a token call was sent and its answer lost:
/// appended to the hint.
fn lost_answer_cost(grant_type: Option<&str>) -> &'static str {
    match grant_type {
        Some("authorization_code") => {
            "; an auth code is spent once sent, so get a new one with `alipay-oauth authorize`"
        }
        Some("refresh_token") => {
            "; if the refresh token is then refused, the lost answer had already rotated it: authorize again"
        }
        _ => "",
    }
}

fn network_error(
    e: &reqwest::Error,
    gateway: &url::Url,
    cfg: &ClientConfig,
    grant_type: Option<&str>,
) -> Error {
    // Only a request that never connected was certainly not received.
    let spent = if e.is_connect() {
        ""
    } else {
        lost_answer_cost(grant_type)
    };
    let host = host_of(gateway);
    if e.is_timeout() {
        return Error::Network {
            message: format!(
                "no answer from {host} within {} s",
                if e.is_connect() {
                    cfg.connect_timeout
                } else {
                    cfg.request_timeout
                }
                .as_secs_f64()
            ),
            hint: Some(format!(
                "the gateway is slow or unreachable: retry, or raise --request-timeout / --connect-timeout{spent}"
            )),
        };
    }
    let cause = root_cause(e);
    if let Some(tls) = certificate_error(e) {
        return Error::Network {
            message: format!("the TLS certificate of {host} is not trusted: {tls}"),
            hint: Some("a proxy or gateway with its own CA? put that CA in a PEM file and set SSL_CERT_FILE to it (SSL_CERT_DIR for a directory); never disable verification".into()),
        };
    }
    if e.is_connect() {
        return Error::Network {
            message: format!("cannot connect to {host}: {cause}"),
            hint: Some("check --env / --gateway, the network, and HTTPS_PROXY / NO_PROXY".into()),
        };
    }
    Error::Network {
        message: format!("talking to {host} failed: {cause}"),
        hint: Some(format!(
            "retry; if it persists check the network and proxy settings{spent}"
        )),
    }
}

/// A response body for tracing, with tokens and the signature masked, and
/// any secret we sent (the gateway may echo it in `sub_msg`).
pub fn mask_body(raw: &[u8], charset: Charset, sent: &[&str]) -> String {
    let text = match charset.decode(raw) {
        Ok(t) => t.into_owned(),
        Err(_) => String::from_utf8_lossy(raw).into_owned(),
    };
    let mut secrets: Vec<String> = sent.iter().map(|s| s.to_string()).collect();
    if let Ok(v) = serde_json::from_str::<Value>(&text) {
        collect_secrets(&v, &mut secrets);
    }
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
    mask_sent(&text, &secrets)
}

/// Text from the gateway with every occurrence of the given secrets masked
/// (an error's `sub_msg` may quote the request, code and signature included).
pub fn mask_sent(text: &str, secrets: &[&str]) -> String {
    let mut out = text.to_string();
    // Longest first, so that a secret inside another is not half-masked.
    let mut secrets: Vec<&str> = secrets.iter().copied().filter(|s| s.len() >= 4).collect();
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for s in secrets {
        out = out.replace(s, &crate::secret::mask(s));
    }
    out
}

fn collect_secrets(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match v {
                    // In an answer, `code` is Alipay's result code, not an auth code.
                    Value::String(s) if k != "code" && crate::sign::content::is_secret_param(k) => {
                        out.push(s.clone());
                        // As it appears in the raw text, with `\/` escapes.
                        out.push(s.replace('/', "\\/"));
                    }
                    _ => collect_secrets(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_secrets(i, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traced_bodies_mask_tokens_and_signatures() {
        let body = br#"{"alipay_system_oauth_token_response":{"access_token":"authusrB5a3f0c9a8b7c6d5e4f","refresh_token":"authusrB0f9e8d7c6b5a4f3e2d","user_id":"2088"},"sign":"QWxpcGF5IHNpZ25hdHVyZSBiYXNlNjQ="}"#;
        let shown = mask_body(body, Charset::Utf8, &[]);
        assert!(!shown.contains("authusrB5a3f0c9a8b7c6d5e4f"), "{shown}");
        assert!(!shown.contains("authusrB0f9e8d7c6b5a4f3e2d"));
        assert!(!shown.contains("QWxpcGF5IHNpZ25hdHVyZSBiYXNlNjQ="));
        assert!(shown.contains("\"user_id\":\"2088\""));
        let error = br#"{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.code-invalid"},"sign":"QWxpcGF5IHNpZ25hdHVyZSBiYXNlNjQ="}"#;
        let shown = mask_body(error, Charset::Utf8, &[]);
        assert!(shown.contains("\"code\":\"40002\""), "{shown}");
        let echo = "{\"error_response\":{\"sub_msg\":\"验签字符串为：code=4b203fe6c11548bcabd8da5bb087a83b&x=1\"}}";
        let shown = mask_body(
            echo.as_bytes(),
            Charset::Utf8,
            &["4b203fe6c11548bcabd8da5bb087a83b"],
        );
        assert!(
            !shown.contains("4b203fe6c11548bcabd8da5bb087a83b"),
            "{shown}"
        );
    }
}
