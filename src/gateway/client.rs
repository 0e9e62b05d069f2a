//! The v2 gateway client: signed requests placed as the official SDKs place
//! them, responses verified fail-closed (docs/protocol.md §3 and §4).

use std::io::Read;
use std::time::{Duration, Instant};

use serde_json::Value;
use time::OffsetDateTime;

use super::alipay_error::AlipayError;
use super::error::GatewayError;
use super::http::{HttpSetupError, build_client, certificate_error, root_cause};
pub use super::http::{ProxyConfig, USER_AGENT};
use super::models::{TokenSet, UserInfo};
use super::network::{NetworkError, Spent};
pub use crate::protocol::v2::CertMode;
use crate::protocol::v2::{Common, QUERY_PARAMS, now_timestamp, request_params};
use crate::secret::{AccessToken, AuthCode, RefreshToken};
use crate::sign::diagnosis::{self, Case};
use crate::sign::form;
use crate::sign::response::{self, SignatureStatus, Verdict, code_str};
use crate::sign::{Charset, Params, PrivateKey, PublicKey, Rule, SignType, sign_params};
use crate::trace::Tracer;

/// The largest response body accepted.
pub const MAX_RESPONSE_BYTES: u64 = 1 << 20;

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
    /// Every secret value sent, raw and form-encoded.
    fn sent_secrets(&self) -> Vec<&str> {
        self.secrets.iter().map(String::as_str).collect()
    }

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

/// Which API the OAuth calls (token, user information) go through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OauthApi {
    /// The v2 gateway's `alipay.system.oauth.token` and `alipay.user.info.share`.
    #[default]
    V2,
    /// OpenAPI v3's `/v3/alipay/system/oauth/token` and `/v3/alipay/user/info/share`.
    V3,
}

pub struct Client<'t> {
    config: ClientConfig,
    http: reqwest::blocking::Client,
    tracer: &'t dyn Tracer,
    api: OauthApi,
}

impl<'t> Client<'t> {
    pub fn new(config: ClientConfig, tracer: &'t dyn Tracer) -> Result<Client<'t>, GatewayError> {
        let http = build_client(
            config.connect_timeout,
            config.request_timeout,
            &config.proxy,
        )
        .map_err(|e| match e {
            HttpSetupError::BadProxy(_) => GatewayError::Proxy(e.to_string()),
            HttpSetupError::Build(_) => GatewayError::Internal(e.to_string()),
        })?;
        Ok(Client {
            config,
            http,
            tracer,
            api: OauthApi::V2,
        })
    }

    /// The same client, its OAuth calls (refreshes included) through `api`.
    pub fn with_oauth_api(mut self, api: OauthApi) -> Client<'t> {
        self.api = api;
        self
    }

    /// Builds and signs an OpenAPI v3 request, without sending it.
    pub fn prepare_v3(
        &self,
        http_method: &str,
        path: &str,
        query: &[(String, String)],
        body: &[u8],
        auth_token: Option<&AccessToken>,
    ) -> Result<super::v3::V3Prepared, GatewayError> {
        super::v3::prepare(
            &self.config,
            http_method,
            path,
            query,
            body,
            auth_token,
            crate::sign::dialect::v3::random_nonce(),
            crate::sign::dialect::v3::now_millis(),
        )
    }

    /// Sends a prepared v3 request, verifies the answer and returns its body.
    pub fn send_v3(&self, prepared: &super::v3::V3Prepared) -> Result<Call, GatewayError> {
        let cfg = &self.config;
        self.tracer.trace(
            1,
            &format!("calling {} {}", prepared.http_method, prepared.url),
        );
        self.tracer.trace(
            1,
            &format!("string to sign: {:?}", prepared.masked_content()),
        );
        self.tracer
            .trace(2, &format!("> {} {}", prepared.http_method, prepared.url));
        self.tracer.trace(
            2,
            &format!("> authorization: {}", prepared.shown_authorization()),
        );
        let method = reqwest::Method::from_bytes(prepared.http_method.as_bytes())
            .map_err(|e| GatewayError::Internal(format!("HTTP method: {e}")))?;
        let mut request = self
            .http
            .request(method, prepared.url.clone())
            .header(reqwest::header::ACCEPT, "application/json")
            .timeout(cfg.request_timeout);
        for (name, value) in &prepared.headers {
            request = request.header(*name, value);
        }
        if !prepared.body.is_empty() {
            request = request.body(prepared.body.clone());
        }
        let started = Instant::now();
        let response = request
            .send()
            .map_err(|e| network_error(&e, &cfg.gateway, cfg, prepared.grant_type.as_deref()))?;
        let status = response.status().as_u16();
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        self.tracer.trace(
            1,
            &format!("HTTP {status} in {} ms", started.elapsed().as_millis()),
        );
        for (name, value) in &headers {
            self.tracer.trace(2, &format!("< {name}: {value}"));
        }
        let body = read_body(response, cfg, prepared.grant_type.as_deref())?;
        if body.len() as u64 <= MAX_RESPONSE_BYTES {
            let shown = mask_body(&body, Charset::Utf8, &prepared.sent_secrets());
            self.tracer.trace(2, &format!("< body: {shown}"));
        }
        let received = super::v3::V3Received {
            status,
            headers,
            body,
        };
        let interpreted = super::v3::interpret(cfg, prepared, &received);
        match &interpreted.signature {
            Some(crate::sign::dialect::SignatureStatus::Valid) => {
                self.tracer.trace(1, "response signature verified")
            }
            Some(crate::sign::dialect::SignatureStatus::Unsigned) => {
                self.tracer.trace(1, "response carries no signature")
            }
            Some(crate::sign::dialect::SignatureStatus::Invalid(r)) => self
                .tracer
                .trace(1, &format!("response signature INVALID: {r}")),
            None => {}
        }
        interpreted.result
    }

    /// A v3 call with a JSON body.
    fn call_v3(
        &self,
        http_method: &str,
        path: &str,
        body: &Value,
        auth_token: Option<&AccessToken>,
    ) -> Result<Call, GatewayError> {
        let body = if body.as_object().is_some_and(|o| o.is_empty()) {
            Vec::new()
        } else {
            body.to_string().into_bytes()
        };
        let prepared = self.prepare_v3(http_method, path, &[], &body, auth_token)?;
        self.send_v3(&prepared)
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
    ) -> Result<Call, GatewayError> {
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
    ) -> Result<Prepared, GatewayError> {
        prepare_request(&self.config, method, api, auth_token, now_timestamp())
    }

    /// Sends a prepared request, verifies the answer and returns its node.
    pub fn send(&self, prepared: &Prepared) -> Result<Call, GatewayError> {
        let cfg = &self.config;
        let method = prepared.method.as_str();
        self.tracer.trace(
            1,
            &format!("calling {method} at {}", without_query(&cfg.gateway)),
        );
        self.tracer
            .trace(1, &format!("string to sign: {}", prepared.masked_content));
        self.tracer
            .trace(2, &format!("> POST {}", prepared.shown_url));
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
        let body = read_body(response, cfg, prepared.grant_type.as_deref())?;
        let received = Received {
            status: status.as_u16(),
            trace_id,
            body,
        };
        // An oversized body is refused unread: not worth tracing.
        if received.body.len() as u64 <= MAX_RESPONSE_BYTES {
            let shown = mask_body(&received.body, cfg.charset, &prepared.sent_secrets());
            self.tracer.trace(2, &format!("< body: {shown}"));
        }
        let interpreted = interpret(cfg, prepared, &received);
        match &interpreted.signature {
            Some(SignatureStatus::Valid { unescaped_slashes: true }) => self.tracer.trace(
                1,
                "response signature verified after replacing every \\/ with / (the Java SDK's retry)",
            ),
            Some(SignatureStatus::Valid { .. }) => self.tracer.trace(1, "response signature verified"),
            Some(SignatureStatus::Unsigned) => self.tracer.trace(1, "response carries no signature"),
            Some(SignatureStatus::Invalid(m)) => self.tracer.trace(1, &format!("response signature INVALID: {m}")),
            None => {}
        }
        interpreted.result
    }

    /// Exchanges an auth code for tokens. Never retried: a code works once.
    pub fn exchange_code(&self, code: &AuthCode) -> Result<(TokenSet, CallRecord), GatewayError> {
        if self.api == OauthApi::V3 {
            return self.token_call_v3(&serde_json::json!({
                "grant_type": "authorization_code",
                "code": code.secret(),
            }));
        }
        let mut api = Params::new();
        api.set("grant_type", "authorization_code");
        api.set("code", code.secret());
        self.token_call(&api)
    }

    /// Exchanges a refresh token for a new token set (the refresh token rotates).
    pub fn refresh(
        &self,
        refresh_token: &RefreshToken,
    ) -> Result<(TokenSet, CallRecord), GatewayError> {
        if self.api == OauthApi::V3 {
            return self.token_call_v3(&serde_json::json!({
                "grant_type": "refresh_token",
                "refresh_token": refresh_token.secret(),
            }));
        }
        let mut api = Params::new();
        api.set("grant_type", "refresh_token");
        api.set("refresh_token", refresh_token.secret());
        self.token_call(&api)
    }

    fn token_call_v3(&self, body: &Value) -> Result<(TokenSet, CallRecord), GatewayError> {
        let call = self.call_v3("POST", super::v3::TOKEN_PATH, body, None)?;
        let tokens = TokenSet::from_node(&call.node, OffsetDateTime::now_utc())
            .map_err(|e| GatewayError::Protocol(e.to_string()))?;
        Ok((tokens, call.record))
    }

    fn token_call(&self, api: &Params) -> Result<(TokenSet, CallRecord), GatewayError> {
        let call = self.call("alipay.system.oauth.token", api, None)?;
        let tokens = TokenSet::from_node(&call.node, OffsetDateTime::now_utc())
            .map_err(|e| GatewayError::Protocol(e.to_string()))?;
        Ok((tokens, call.record))
    }

    /// Fetches the user of an access token.
    pub fn user_info(
        &self,
        access_token: &AccessToken,
    ) -> Result<(UserInfo, CallRecord), GatewayError> {
        let (user, call) = self.user_info_call(access_token)?;
        Ok((user, call.record))
    }

    /// Fetches the user, keeping the whole call (for `--raw`).
    pub fn user_info_call(
        &self,
        access_token: &AccessToken,
    ) -> Result<(UserInfo, Call), GatewayError> {
        let call = if self.api == OauthApi::V3 {
            self.call_v3(
                "GET",
                super::v3::USER_INFO_PATH,
                &Value::Object(Default::default()),
                Some(access_token),
            )?
        } else {
            self.call("alipay.user.info.share", &Params::new(), Some(access_token))?
        };
        let user =
            UserInfo::from_node(&call.node).map_err(|e| GatewayError::Protocol(e.to_string()))?;
        Ok((user, call))
    }
}

/// An HTTP answer as received, before any check.
#[derive(Debug, Clone)]
pub struct Received {
    pub status: u16,
    pub trace_id: Option<String>,
    /// The body, read up to one byte past [`MAX_RESPONSE_BYTES`].
    pub body: Vec<u8>,
}

/// What [`interpret`] made of an answer.
#[derive(Debug)]
pub struct Interpreted {
    /// The signature check, when the answer got that far (for tracing).
    pub signature: Option<SignatureStatus>,
    pub result: Result<Call, GatewayError>,
}

/// Turns an answer to `prepared` into its verified node or a typed error,
/// fail-closed (docs/protocol.md §4.2). Pure: no network, no tracing.
pub fn interpret(cfg: &ClientConfig, prepared: &Prepared, received: &Received) -> Interpreted {
    let failed = |e: GatewayError| Interpreted {
        signature: None,
        result: Err(e),
    };
    let method = prepared.method.as_str();
    let raw = received.body.as_slice();
    if raw.len() as u64 > MAX_RESPONSE_BYTES {
        return failed(too_large(cfg));
    }
    let sent_secrets = prepared.sent_secrets();
    let status = received.status;
    if !(200..300).contains(&status) {
        let shown_body = mask_body(raw, cfg.charset, &sent_secrets);
        return failed(http_status_error(cfg, status, &shown_body));
    }

    let checked = match response::check(
        raw,
        Some(method),
        cfg.charset,
        cfg.sign_type,
        &cfg.alipay_public_key,
    ) {
        Ok(c) => c,
        Err(e) => return failed(e.into()),
    };
    let record = CallRecord {
        method: method.to_string(),
        url: prepared.shown_url.clone(),
        sign_content: prepared.masked_content.clone(),
        sign: prepared.sign.clone(),
        status,
        trace_id: received.trace_id.clone(),
        node: checked.extracted.node.clone(),
        verified: checked.status.clone(),
    };
    let alipay_error = |node: &Value, signed_ok: bool| {
        let field = |k: &str| node.get(k).and_then(code_str);
        GatewayError::Alipay(Box::new(AlipayError {
            method: method.to_string(),
            code: field("code").unwrap_or_else(|| "(none)".into()),
            msg: field("msg").map(|m| mask_sent(&m, &sent_secrets)),
            sub_code: field("sub_code"),
            sub_msg: field("sub_msg").map(|m| mask_sent(&m, &sent_secrets)),
            trace_id: received.trace_id.clone(),
            signed: signed_ok,
            our_sign_content: Some(prepared.our_sign_content.clone()),
        }))
    };
    let result = match checked.verdict() {
        Verdict::Trusted(node) => {
            let cert_sn = match &cfg.cert {
                Some(cert) => check_cert_sn(
                    checked.extracted.alipay_cert_sn.as_deref(),
                    &cert.alipay_cert_sn,
                ),
                None => Ok(()),
            };
            if let Err(e) = cert_sn {
                Err(e)
            } else if response::is_error_node(&checked.extracted.node, &node) {
                Err(alipay_error(&node, true))
            } else {
                checked
                    .extracted
                    .content_text()
                    .map_err(GatewayError::from)
                    .map(|raw_node| Call {
                        node,
                        raw_node,
                        record,
                    })
            }
        }
        Verdict::UnsignedError(node) => Err(alipay_error(&node, false)),
        // Signed correctly but unusable: nothing to diagnose about keys.
        Verdict::Rejected(
            rejection @ (response::Rejection::TooDeep { .. } | response::Rejection::Unparsable(_)),
        ) if matches!(checked.status, SignatureStatus::Valid { .. }) => Err(GatewayError::Signature {
            rejection,
            hint: Some(
                "nothing from this response was used: the gateway's answer is not one Alipay sends"
                    .into(),
            ),
            findings: Vec::new(),
        }),
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
            Err(GatewayError::Signature {
                    rejection,
                    hint: Some(
                        "nothing from this response was used; check that the Alipay public key is the one for this app and environment"
                            .into(),
                    ),
                    findings,
                })
        }
    };
    Interpreted {
        signature: Some(checked.status),
        result,
    }
}

/// Builds and signs a request for `method` at `timestamp`, placing each
/// parameter in the query or the body as the official SDKs do and noting
/// what to mask. No clock, no network: the same inputs give the same bytes.
pub fn prepare_request(
    cfg: &ClientConfig,
    method: &str,
    api: &Params,
    auth_token: Option<&AccessToken>,
    timestamp: String,
) -> Result<Prepared, GatewayError> {
    let common = Common {
        app_id: &cfg.app_id,
        charset: cfg.charset,
        sign_type: cfg.sign_type,
        timestamp,
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
                return Err(GatewayError::GatewayParam {
                    key: k.into_owned(),
                    in_url: v.into_owned(),
                    sent: ours.to_string(),
                });
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
        carries_token: params
            .iter()
            .any(|(k, v)| crate::sign::content::is_secret_param(k) && k != "sign" && !v.is_empty()),
        grant_type: params.get("grant_type").map(str::to_string),
        shown_url,
        shown_body,
        masked_content: masked.sign_content(Rule::V2),
        sign: signed.sign,
        our_sign_content: signed.content,
        secrets,
    })
}

/// An answer larger than any Alipay sends.
pub(super) fn too_large(cfg: &ClientConfig) -> GatewayError {
    NetworkError::TooLarge {
        host: host_of(&cfg.gateway),
        limit: MAX_RESPONSE_BYTES,
    }
    .into()
}

/// An HTTP error status without an answer of Alipay's; `shown_body` is the
/// body with secrets masked (a proxy's error page may quote the URL).
pub(super) fn http_status_error(cfg: &ClientConfig, status: u16, shown_body: &str) -> GatewayError {
    let snippet: String = shown_body.chars().take(120).collect();
    NetworkError::Status {
        host: host_of(&cfg.gateway),
        status,
        snippet: snippet.trim().to_string(),
    }
    .into()
}

/// Reads an answer's body, up to one byte past [`MAX_RESPONSE_BYTES`]; a
/// timeout or a dropped connection is the network's error, carrying what a
/// lost answer to a token call (`grant_type`) spent.
fn read_body(
    response: reqwest::blocking::Response,
    cfg: &ClientConfig,
    grant_type: Option<&str>,
) -> Result<Vec<u8>, GatewayError> {
    let mut body = Vec::new();
    response
        .take(MAX_RESPONSE_BYTES + 1)
        .read_to_end(&mut body)
        .map_err(|e| -> GatewayError {
            let host = host_of(&cfg.gateway);
            let spent = Spent::of_grant(grant_type);
            if is_timeout(&e) {
                return NetworkError::BodyTimeout {
                    host,
                    timeout: cfg.request_timeout,
                    spent,
                }
                .into();
            }
            NetworkError::Dropped {
                host,
                cause: root_cause(&e),
                spent,
            }
            .into()
        })?;
    Ok(body)
}

fn check_cert_sn(got: Option<&str>, expected: &str) -> Result<(), GatewayError> {
    match got {
        Some(sn) if sn == expected => Ok(()),
        other => Err(GatewayError::Signature {
            rejection: response::Rejection::CertSnMismatch {
                got: other.map(str::to_string),
                expected: expected.to_string(),
            },
            hint: Some(
                "Alipay rotated its certificate, or the certificate files belong to another app: download the current alipayCertPublicKey_RSA2.crt".into(),
            ),
            findings: Vec::new(),
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

/// True when reading a body failed because a timeout ran out.
pub(super) fn is_timeout(e: &std::io::Error) -> bool {
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

fn network_error(
    e: &reqwest::Error,
    gateway: &url::Url,
    cfg: &ClientConfig,
    grant_type: Option<&str>,
) -> GatewayError {
    // Only a request that never connected was certainly not received.
    let spent = if e.is_connect() {
        Spent::Nothing
    } else {
        Spent::of_grant(grant_type)
    };
    let host = host_of(gateway);
    if e.is_timeout() {
        return NetworkError::Timeout {
            host,
            timeout: if e.is_connect() {
                cfg.connect_timeout
            } else {
                cfg.request_timeout
            },
            connect: e.is_connect(),
            spent,
        }
        .into();
    }
    let cause = root_cause(e);
    if let Some(reason) = certificate_error(e) {
        return NetworkError::Untrusted { host, reason }.into();
    }
    if e.is_connect() {
        return NetworkError::Connect { host, cause }.into();
    }
    NetworkError::Failed { host, cause, spent }.into()
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

    use crate::sign::algorithm;
    use std::time::Duration;

    const METHOD: &str = "alipay.system.oauth.token";
    const TOKEN: &str = "authusrB5a3f0c9a8b7c6d5e4f";
    const CODE: &str = "4b203fe6c11548bcabd8da5bb087a83b";

    /// A config whose app key is `app` and whose Alipay key is `alipay`'s.
    fn config(app: &PrivateKey, alipay: &PrivateKey, charset: Charset) -> ClientConfig {
        ClientConfig {
            gateway: "https://openapi.alipay.com/gateway.do".parse().unwrap(),
            app_id: "2021000000000001".into(),
            private_key: app.clone(),
            alipay_public_key: alipay.public_key(),
            sign_type: SignType::Rsa2,
            charset,
            connect_timeout: Duration::from_secs(1),
            request_timeout: Duration::from_secs(1),
            proxy: ProxyConfig::default(),
            cert: None,
        }
    }

    /// The app's and Alipay's keys, made once (RSA2 wants 2048 bits, slow
    /// to generate in a debug build).
    fn keys() -> (PrivateKey, PrivateKey) {
        static KEYS: std::sync::OnceLock<(PrivateKey, PrivateKey)> = std::sync::OnceLock::new();
        KEYS.get_or_init(|| {
            (
                PrivateKey::generate(2048).unwrap(),
                PrivateKey::generate(2048).unwrap(),
            )
        })
        .clone()
    }

    fn token_request(cfg: &ClientConfig) -> Prepared {
        let mut api = Params::new();
        api.set("grant_type", "authorization_code");
        api.set("code", CODE);
        api.set("scope", "");
        let token = AccessToken::new(TOKEN);
        prepare_request(
            cfg,
            METHOD,
            &api,
            Some(&token),
            "2024-01-02 03:04:05".into(),
        )
        .unwrap()
    }

    fn query_names(p: &Prepared) -> Vec<String> {
        p.url.query_pairs().map(|(k, _)| k.into_owned()).collect()
    }

    #[test]
    fn prepare_places_common_parameters_in_the_query_and_the_rest_in_the_body() {
        let (app, alipay) = keys();
        let cfg = config(&app, &alipay, Charset::Utf8);
        let p = token_request(&cfg);
        assert_eq!(
            query_names(&p),
            [
                "app_id",
                "auth_token",
                "charset",
                "format",
                "method",
                "sign_type",
                "timestamp",
                "version",
                "sign"
            ]
        );
        // Empty values are not sent; the body holds only the API parameters.
        assert_eq!(p.body, format!("code={CODE}&grant_type=authorization_code"));
        assert_eq!(
            p.content_type,
            "application/x-www-form-urlencoded;charset=utf-8"
        );
        // The signature covers every parameter sent, in both places.
        let sign = p.url.query_pairs().find(|(k, _)| k == "sign").unwrap().1;
        assert!(p.our_sign_content.contains(&format!("code={CODE}")));
        assert!(p.our_sign_content.contains(&format!("auth_token={TOKEN}")));
        assert!(
            algorithm::verify(
                &app.public_key(),
                SignType::Rsa2,
                p.our_sign_content.as_bytes(),
                &sign
            )
            .is_ok()
        );
        // Pure: the same inputs give the same bytes.
        let again = token_request(&cfg);
        assert_eq!((again.url, again.body), (p.url.clone(), p.body.clone()));
        // A parameter already in the gateway URL is signed and stays in the query.
        let mut cfg2 = cfg.clone();
        cfg2.gateway.set_query(Some("extra=1"));
        let p2 = token_request(&cfg2);
        assert!(query_names(&p2).contains(&"extra".to_string()));
        assert!(p2.our_sign_content.contains("extra=1"));
        // One that contradicts the request is refused.
        cfg2.gateway.set_query(Some("charset=gbk"));
        let mut api = Params::new();
        api.set("x", "1");
        assert!(prepare_request(&cfg2, METHOD, &api, None, "t".into()).is_err());
    }

    #[test]
    fn prepare_signs_as_the_v2_form_dialect_does() {
        use crate::sign::dialect::{Dialect, Request, form::FormDialect};
        let (app, alipay) = keys();
        let cfg = config(&app, &alipay, Charset::Utf8);
        let p = token_request(&cfg);
        let query: Vec<(String, String)> = p
            .url
            .query_pairs()
            .filter(|(k, _)| k != "sign")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let query = form::encode(
            query.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            cfg.charset,
        )
        .unwrap();
        let dialect = FormDialect {
            sign_type: cfg.sign_type,
            charset: cfg.charset,
        };
        let request = Request {
            method: "POST",
            path: p.url.path(),
            query: Some(&query),
            body: p.body.as_bytes(),
        };
        let signed = dialect.sign_request(&request, &app).unwrap();
        assert_eq!(signed.signature, p.sign);
        assert_eq!(signed.content, p.our_sign_content.as_bytes());
    }

    #[test]
    fn prepare_masks_tokens_codes_and_the_signature_everywhere_shown() {
        let (app, alipay) = keys();
        let p = token_request(&config(&app, &alipay, Charset::Utf8));
        let sign = p.sign.clone();
        assert!(p.carries_token);
        let shown = [
            p.shown_url().to_string(),
            p.shown_body.clone(),
            p.masked_content().to_string(),
            format!("{p:?}"),
        ];
        for text in &shown {
            assert!(!text.contains(TOKEN), "{text}");
            assert!(!text.contains(CODE), "{text}");
            assert!(!text.contains(&sign), "{text}");
        }
        assert!(p.shown_url().contains("method=alipay.system.oauth.token"));
        assert!(p.shown_body.contains("grant_type=authorization_code"));
        // What is sent holds them in the clear, and they are all masked in answers.
        assert!(p.body.contains(CODE));
        let secrets = p.sent_secrets();
        for s in [TOKEN, CODE, sign.as_str()] {
            assert!(secrets.contains(&s), "{s}");
        }
    }

    fn answer(key: &str, node: &str, signer: Option<&PrivateKey>) -> Vec<u8> {
        crate::sign::dialect::form::signed_answer(key, node, signer.map(|k| (k, SignType::Rsa2)))
    }

    const OK_KEY: &str = "alipay_system_oauth_token_response";
    const OK_NODE: &str = r#"{"user_id":"2088102150477652","access_token":"authusrB1","refresh_token":"authusrB2","expires_in":1296000,"re_expires_in":2592000}"#;

    fn run(cfg: &ClientConfig, status: u16, body: Vec<u8>) -> Interpreted {
        let p = token_request(cfg);
        let received = Received {
            status,
            trace_id: Some("0b3a".into()),
            body,
        };
        interpret(cfg, &p, &received)
    }

    #[test]
    fn interpret_returns_a_signed_answer_verbatim() {
        let (app, alipay) = keys();
        let cfg = config(&app, &alipay, Charset::Utf8);
        let got = run(&cfg, 200, answer(OK_KEY, OK_NODE, Some(&alipay)));
        assert!(matches!(got.signature, Some(SignatureStatus::Valid { .. })));
        let call = got.result.unwrap();
        assert_eq!(call.raw_node, OK_NODE);
        assert_eq!(call.node["user_id"], "2088102150477652");
        assert_eq!(call.record.trace_id.as_deref(), Some("0b3a"));
        assert_eq!(call.record.status, 200);
    }

    #[test]
    fn interpret_refuses_tampered_unsigned_and_foreign_answers() {
        let (app, alipay) = keys();
        let cfg = config(&app, &alipay, Charset::Utf8);
        let signed = String::from_utf8(answer(OK_KEY, OK_NODE, Some(&alipay))).unwrap();
        let tampered = signed.replace("2088102150477652", "2088102150477653");
        let got = run(&cfg, 200, tampered.into_bytes());
        assert!(matches!(got.signature, Some(SignatureStatus::Invalid(_))));
        assert!(
            matches!(got.result, Err(GatewayError::Signature { .. })),
            "{:?}",
            got.result
        );

        let got = run(&cfg, 200, answer(OK_KEY, OK_NODE, None));
        assert_eq!(got.signature, Some(SignatureStatus::Unsigned));
        assert!(
            matches!(got.result, Err(GatewayError::Signature { .. })),
            "{:?}",
            got.result
        );

        // Signed with the app's own key: the diagnosis says so.
        let got = run(&cfg, 200, answer(OK_KEY, OK_NODE, Some(&app)));
        match got.result {
            Err(GatewayError::Signature { findings, .. }) => assert!(!findings.is_empty()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn interpret_reports_alipay_errors_signed_or_not_with_secrets_masked() {
        let (app, alipay) = keys();
        let cfg = config(&app, &alipay, Charset::Utf8);
        let node = format!(
            r#"{{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.code-invalid","sub_msg":"code {CODE} is invalid"}}"#
        );
        for (signer, signed) in [(Some(&alipay), true), (None, false)] {
            let got = run(&cfg, 200, answer("error_response", &node, signer));
            match got.result {
                Err(GatewayError::Alipay(e)) => {
                    assert_eq!(e.code, "40002");
                    assert_eq!(e.sub_code.as_deref(), Some("isv.code-invalid"));
                    assert_eq!(e.signed, signed);
                    assert_eq!(e.trace_id.as_deref(), Some("0b3a"));
                    let sub_msg = e.sub_msg.unwrap();
                    assert!(!sub_msg.contains(CODE), "{sub_msg}");
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn interpret_refuses_http_errors_truncated_and_oversized_bodies() {
        let (app, alipay) = keys();
        let cfg = config(&app, &alipay, Charset::Utf8);
        let got = run(
            &cfg,
            502,
            format!("<html>bad gateway {TOKEN}</html>").into_bytes(),
        );
        assert!(got.signature.is_none());
        match got.result {
            Err(e @ GatewayError::Network(_)) => {
                let message = e.to_string();
                assert!(message.contains("answered HTTP 502"), "{message}");
                assert!(!message.contains(TOKEN), "{message}");
            }
            other => panic!("{other:?}"),
        }
        // Even a signed answer is not used under a non-200 status.
        let got = run(&cfg, 404, answer(OK_KEY, OK_NODE, Some(&alipay)));
        assert!(matches!(got.result, Err(GatewayError::Network(_))));

        let mut cut = answer(OK_KEY, OK_NODE, Some(&alipay));
        cut.truncate(cut.len() / 2);
        let got = run(&cfg, 200, cut);
        assert!(
            matches!(
                got.result,
                Err(GatewayError::Response(_) | GatewayError::Signature { .. })
            ),
            "{:?}",
            got.result
        );

        let big = vec![b' '; MAX_RESPONSE_BYTES as usize + 1];
        match run(&cfg, 200, big).result {
            Err(e @ GatewayError::Network(_)) => assert!(e.to_string().contains("larger than")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn interpret_checks_the_signature_over_the_request_charset() {
        let (app, alipay) = keys();
        // Alipay signs the GBK bytes of a GBK request's answer; read as UTF-8
        // the signature does not hold, and the reverse.
        let node = r#"{"user_id":"2088","nick_name":"支付宝用户","access_token":"authusrB1","refresh_token":"authusrB2","expires_in":1,"re_expires_in":1}"#;
        let utf8 = answer(OK_KEY, node, Some(&alipay));
        let gbk_cfg = config(&app, &alipay, Charset::Gbk);
        let got = run(&gbk_cfg, 200, utf8.clone());
        assert!(got.result.is_err(), "{:?}", got.result);
        let utf8_cfg = config(&app, &alipay, Charset::Utf8);
        assert!(run(&utf8_cfg, 200, utf8).result.is_ok());
    }

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
