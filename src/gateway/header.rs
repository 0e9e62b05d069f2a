//! The Antom / Alipay+ client (docs/protocol.md §10): JSON bodies signed in
//! the header dialect. `prepare` (the exact body bytes and headers, pure),
//! `send` (post and read), `interpret` (the answer verified fail-closed with
//! Alipay's key, then `result.resultStatus` S / F / U, pure). An F is a typed
//! refusal; a U is retried, the very same request, a bounded number of times
//! and is never taken for a success.

use std::io::Read;
use std::time::{Duration, Instant};

use serde_json::{Map, Value, json};
use time::OffsetDateTime;

use super::client::MAX_RESPONSE_BYTES;
use super::error::GatewayError;
use super::http::{HttpSetupError, ProxyConfig, build_client, certificate_error, root_cause};
use super::models::{IdKind, TokenSet, UserInfo};
use super::network::{NetworkError, Spent};
use crate::protocol::header::{
    self as wire, ApiResult, Family, ResultStatus, is_sandbox_client, sandbox_path,
};
use crate::secret::{AccessToken, AuthCode, RefreshToken};
use crate::sign::dialect::header::HeaderDialect;
use crate::sign::dialect::{Answer, Dialect, Request, Verdict};
use crate::sign::{PrivateKey, PublicKey};
use crate::trace::Tracer;

/// Everything a header-dialect client needs.
#[derive(Debug, Clone)]
pub struct HeaderConfig {
    pub family: Family,
    /// The origin requests go to (`https://open-sea-global.alipay.com`).
    pub base: url::Url,
    /// Antom's sandbox: `/ams/api` paths become `/ams/sandbox/api` before
    /// signing.
    pub sandbox: bool,
    /// The `Client-Id`.
    pub client_id: String,
    pub private_key: PrivateKey,
    /// Antom's / Alipay+'s public key, which verifies every answer.
    pub alipay_public_key: PublicKey,
    pub key_version: u32,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    pub proxy: ProxyConfig,
    /// How many times a U result is sent again before giving up.
    pub unknown_retries: u32,
    /// The pause before the first retry (doubled for each next one).
    pub retry_pause: Duration,
}

impl HeaderConfig {
    /// The path a request for `path` is signed and sent with.
    pub fn wire_path(&self, path: &str) -> String {
        if self.family == Family::Antom && (self.sandbox || is_sandbox_client(&self.client_id)) {
            sandbox_path(path)
        } else {
            path.to_string()
        }
    }
}

/// A signed request, ready to send: what `send` posts, byte for byte.
#[derive(Clone)]
pub struct HeaderPrepared {
    /// The path as signed (after the sandbox rewrite).
    pub path: String,
    pub url: url::Url,
    pub body: Vec<u8>,
    /// `Client-Id`, `Request-Time`, `Signature`, in sending order.
    pub headers: Vec<(&'static str, String)>,
    /// The exact bytes signed.
    pub content: Vec<u8>,
    /// A code or token is in the body (for the `--curl` warning).
    pub carries_secret: bool,
}

impl std::fmt::Debug for HeaderPrepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The body may carry a code or token.
        f.debug_struct("HeaderPrepared")
            .field("path", &self.path)
            .field("url", &self.url.as_str())
            .field("body", &"[redacted]")
            .finish_non_exhaustive()
    }
}

/// An answer as received.
#[derive(Debug, Clone)]
pub struct HeaderReceived {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// A verified answer with result S.
#[derive(Debug, Clone)]
pub struct HeaderCall {
    /// The body, verified.
    pub body: Value,
    /// The body as received.
    pub raw: String,
    pub path: String,
}

/// A result other than S: refused (F), or unknown (U) after the retries.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct ResultFailure {
    pub family: Family,
    pub path: String,
    pub status: ResultStatus,
    pub code: String,
    pub message: String,
    /// Whether the answer was signed (and verified); an unsigned F or U is
    /// reported, never trusted for more.
    pub signed: bool,
    /// How many times the request was sent.
    pub attempts: u32,
}

impl ResultFailure {
    fn describe(&self) -> String {
        let who = match self.family {
            Family::AlipayPlus => "Alipay+",
            _ => "Antom",
        };
        let api = self.path.split("/v1/").nth(1).unwrap_or(self.path.as_str());
        let message = if self.message.is_empty() {
            String::new()
        } else {
            format!(": {}", self.message)
        };
        let unsigned = if self.signed {
            ""
        } else {
            " (unsigned answer)"
        };
        match self.status {
            ResultStatus::U => format!(
                "the outcome of {api} is unknown: {who} answered U ({}{message}) {} time(s){unsigned}",
                self.code, self.attempts
            ),
            _ => format!("{who} refused {api}: {}{message}{unsigned}", self.code),
        }
    }
}

/// Signs a request for `path` (before any sandbox rewrite) with this body
/// and `Request-Time`. Pure.
pub fn prepare(
    cfg: &HeaderConfig,
    path: &str,
    body: &[u8],
    request_time: &str,
) -> Result<HeaderPrepared, GatewayError> {
    let path = cfg.wire_path(path);
    let dialect = HeaderDialect {
        client_id: cfg.client_id.clone(),
        key_version: cfg.key_version,
        request_time: request_time.to_string(),
    };
    let request = Request {
        method: "POST",
        path: &path,
        query: None,
        body,
    };
    let signed = dialect.sign_request(&request, &cfg.private_key)?;
    // The path replaces the base's; never `join`, which would let `//host/...`
    // send the signed request to another host.
    let mut url = cfg.base.clone();
    url.set_path(&path);
    url.set_query(None);
    if url.path() != path || !path.starts_with('/') {
        return Err(crate::sign::dialect::DialectError::Unsignable {
            field: "path",
            value: path,
            what: "characters that change on the wire (send it percent-encoded as signed)",
        }
        .into());
    }
    Ok(HeaderPrepared {
        carries_secret: body_carries_secret(body),
        path,
        url,
        body: body.to_vec(),
        headers: signed.headers,
        content: signed.content,
    })
}

fn body_carries_secret(body: &[u8]) -> bool {
    !secrets_of(body).is_empty()
}

/// Why a header answer was not used: exit 6.
fn rejected(
    rejection: crate::sign::dialect::Rejection,
    content: &[u8],
    body_len: usize,
) -> GatewayError {
    // The head of the content (method, path, client id, time), never the
    // body: a refused answer may still carry tokens.
    let head = content.len().saturating_sub(body_len);
    GatewayError::AnswerRejected {
        rejection,
        // Empty when the answer carried nothing to check.
        checked_over: if content.is_empty() {
            String::new()
        } else {
            format!(
                "{}<the {} body bytes>",
                String::from_utf8_lossy(&content[..head]),
                content.len() - head
            )
        },
    }
}

/// Turns an answer into its verified body (result S) or a typed error,
/// fail-closed. Pure.
pub fn interpret(
    cfg: &HeaderConfig,
    prepared: &HeaderPrepared,
    received: &HeaderReceived,
    attempts: u32,
) -> Result<HeaderCall, GatewayError> {
    if received.body.len() as u64 > MAX_RESPONSE_BYTES {
        return Err(NetworkError::TooLarge {
            host: host_of(&prepared.url),
            limit: MAX_RESPONSE_BYTES,
        }
        .into());
    }
    let dialect = HeaderDialect {
        client_id: cfg.client_id.clone(),
        key_version: cfg.key_version,
        request_time: String::new(),
    };
    let request = Request {
        method: "POST",
        path: &prepared.path,
        query: None,
        body: &prepared.body,
    };
    let answer = Answer {
        status: Some(received.status),
        headers: &received.headers,
        body: &received.body,
    };
    let checked = dialect.check_answer(&request, &answer, &cfg.alipay_public_key);
    let (body, signed) = match checked.verdict() {
        Verdict::Trusted(v) => (v, true),
        Verdict::UnsignedError(v) => (v, false),
        Verdict::Rejected(r) => {
            // An HTTP error page is the network's (or a proxy's) doing.
            if !(200..300).contains(&received.status)
                && serde_json::from_slice::<Value>(&received.body).is_err()
            {
                return Err(NetworkError::Status {
                    host: host_of(&prepared.url),
                    status: received.status,
                    snippet: String::new(),
                }
                .into());
            }
            return Err(rejected(r, &checked.content, received.body.len()));
        }
    };
    let result: ApiResult = wire::api_result(&body).map_err(|e| {
        if signed {
            GatewayError::Protocol(e.to_string())
        } else {
            rejected(
                crate::sign::dialect::Rejection::UnsignedSuccess,
                &checked.content,
                received.body.len(),
            )
        }
    })?;
    match result.status {
        ResultStatus::S if signed => Ok(HeaderCall {
            raw: String::from_utf8_lossy(&received.body).into_owned(),
            body,
            path: prepared.path.clone(),
        }),
        ResultStatus::S => Err(rejected(
            crate::sign::dialect::Rejection::UnsignedSuccess,
            &checked.content,
            received.body.len(),
        )),
        status => Err(GatewayError::Result(Box::new(ResultFailure {
            family: cfg.family,
            path: prepared.path.clone(),
            status,
            code: result.code,
            message: result.message,
            signed,
            attempts,
        }))),
    }
}

/// The codes and tokens in a JSON body (request or answer), to be masked
/// wherever the body is shown.
fn secrets_of(body: &[u8]) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, v) in m {
                    match v {
                        Value::String(s) if is_secret_field(k) => out.push(s.clone()),
                        other => walk(other, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(v) = serde_json::from_slice::<Value>(body) {
        walk(&v, &mut out);
    }
    out
}

/// Field names that hold a code or token in Antom / Alipay+ bodies.
pub fn is_secret_field(name: &str) -> bool {
    matches!(name, "authCode" | "accessToken" | "refreshToken")
}

/// Bytes for a trace line: secrets masked, control characters escaped.
fn shown(bytes: &[u8], secrets: &[String]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
    super::client::mask_sent(&text, &refs)
        .escape_debug()
        .to_string()
}

/// What a lost answer to this request may have spent (applyToken's
/// code or refresh token).
fn spent_by(body: &[u8]) -> Spent {
    let grant = serde_json::from_slice::<Value>(body).ok().and_then(|v| {
        v.get("grantType")
            .and_then(Value::as_str)
            .map(str::to_string)
    });
    match grant.as_deref() {
        Some("AUTHORIZATION_CODE") => Spent::AuthCode,
        Some("REFRESH_TOKEN") => Spent::RefreshToken,
        _ => Spent::Nothing,
    }
}

fn host_of(url: &url::Url) -> String {
    match (url.host_str(), url.port_or_known_default()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        _ => url.to_string(),
    }
}

/// A header-dialect client.
pub struct HeaderClient<'t> {
    config: HeaderConfig,
    http: reqwest::blocking::Client,
    tracer: &'t dyn Tracer,
}

impl<'t> HeaderClient<'t> {
    pub fn new(
        config: HeaderConfig,
        tracer: &'t dyn Tracer,
    ) -> Result<HeaderClient<'t>, GatewayError> {
        let http = build_client(
            config.connect_timeout,
            config.request_timeout,
            &config.proxy,
        )
        .map_err(|e| match e {
            HttpSetupError::BadProxy(_) => GatewayError::Proxy(e.to_string()),
            HttpSetupError::Build(_) => GatewayError::Internal(e.to_string()),
        })?;
        Ok(HeaderClient {
            config,
            http,
            tracer,
        })
    }

    pub fn config(&self) -> &HeaderConfig {
        &self.config
    }

    /// Signs a request with the current time.
    pub fn prepare(&self, path: &str, body: &[u8]) -> Result<HeaderPrepared, GatewayError> {
        prepare(
            &self.config,
            path,
            body,
            &wire::request_time(OffsetDateTime::now_utc()),
        )
    }

    /// Signs and sends a JSON body.
    pub fn call(&self, path: &str, body: &Value) -> Result<HeaderCall, GatewayError> {
        let prepared = self.prepare(path, body.to_string().as_bytes())?;
        self.send(&prepared)
    }

    /// Sends a prepared request; a U result sends the same bytes again, up
    /// to the configured number of retries.
    pub fn send(&self, prepared: &HeaderPrepared) -> Result<HeaderCall, GatewayError> {
        let mut attempts = 0;
        let mut pause = self.config.retry_pause;
        loop {
            attempts += 1;
            let received = self.post(prepared)?;
            match interpret(&self.config, prepared, &received, attempts) {
                Err(GatewayError::Result(f))
                    if f.status == ResultStatus::U && attempts <= self.config.unknown_retries =>
                {
                    self.tracer.trace(
                        1,
                        &format!(
                            "result U ({}): sending the same request again in {} ms",
                            f.code,
                            pause.as_millis()
                        ),
                    );
                    std::thread::sleep(pause);
                    pause *= 2;
                }
                other => return other,
            }
        }
    }

    fn post(&self, prepared: &HeaderPrepared) -> Result<HeaderReceived, GatewayError> {
        let cfg = &self.config;
        self.tracer.trace(
            1,
            &format!("calling {} at {}", prepared.path, host_of(&prepared.url)),
        );
        let sent = secrets_of(&prepared.body);
        self.tracer.trace(
            1,
            &format!("string to sign: {}", shown(&prepared.content, &sent)),
        );
        for (k, v) in &prepared.headers {
            self.tracer.trace(2, &format!("> {k}: {v}"));
        }
        let started = Instant::now();
        let mut request = self
            .http
            .post(prepared.url.clone())
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/json; charset=UTF-8",
            )
            .timeout(cfg.request_timeout)
            .body(prepared.body.clone());
        for (k, v) in &prepared.headers {
            request = request.header(*k, v);
        }
        let host = host_of(&prepared.url);
        let spent = spent_by(&prepared.body);
        let response = request.send().map_err(|e| -> GatewayError {
            // Only a request that never connected was certainly not received.
            let spent = if e.is_connect() {
                Spent::Nothing
            } else {
                spent
            };
            if e.is_timeout() {
                return NetworkError::Timeout {
                    host: host.clone(),
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
            let cause = root_cause(&e);
            if let Some(reason) = certificate_error(&e) {
                return NetworkError::Untrusted {
                    host: host.clone(),
                    reason,
                }
                .into();
            }
            if e.is_connect() {
                return NetworkError::Connect {
                    host: host.clone(),
                    cause,
                }
                .into();
            }
            NetworkError::Failed {
                host: host.clone(),
                cause,
                spent,
            }
            .into()
        })?;
        let status = response.status().as_u16();
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
            .collect();
        self.tracer.trace(
            1,
            &format!("HTTP {status} in {} ms", started.elapsed().as_millis()),
        );
        for (k, v) in &headers {
            self.tracer.trace(2, &format!("< {k}: {v}"));
        }
        let mut body = Vec::new();
        response
            .take(MAX_RESPONSE_BYTES + 1)
            .read_to_end(&mut body)
            .map_err(|e| -> GatewayError {
                if super::client::is_timeout(&e) {
                    return NetworkError::BodyTimeout {
                        host: host.clone(),
                        timeout: cfg.request_timeout,
                        spent,
                    }
                    .into();
                }
                NetworkError::Dropped {
                    host: host.clone(),
                    cause: root_cause(&e),
                    spent,
                }
                .into()
            })?;
        if body.len() as u64 <= MAX_RESPONSE_BYTES {
            let mut secrets = sent;
            secrets.extend(secrets_of(&body));
            self.tracer
                .trace(2, &format!("< body: {}", shown(&body, &secrets)));
        }
        Ok(HeaderReceived {
            status,
            headers,
            body,
        })
    }

    fn family(&self) -> Family {
        self.config.family
    }

    /// Antom `authorizations/consult` / Alipay+ `authorizations/prepare`:
    /// the URL the user opens.
    pub fn consult(
        &self,
        request: &ConsultRequest<'_>,
    ) -> Result<(String, HeaderCall), GatewayError> {
        let mut body = Map::new();
        match self.family() {
            Family::AlipayPlus => {
                body.insert("authClientId".into(), json!(request.party));
            }
            _ => {
                body.insert("customerBelongsTo".into(), json!(request.party));
                body.insert("terminalType".into(), json!("WEB"));
            }
        }
        body.insert("authRedirectUrl".into(), json!(request.redirect_url));
        body.insert("scopes".into(), json!(request.scopes));
        body.insert("authState".into(), json!(request.state));
        let api = match self.family() {
            Family::AlipayPlus => "authorizations/prepare",
            _ => "authorizations/consult",
        };
        let call = self.call(&wire::api_path(self.family(), api), &Value::Object(body))?;
        let url = ["normalUrl", "authUrl", "applinkUrl"]
            .iter()
            .find_map(|k| call.body.get(*k).and_then(Value::as_str))
            .map(str::to_string)
            .ok_or_else(|| {
                GatewayError::Protocol(format!("the {api} answer has no normalUrl or authUrl"))
            })?;
        Ok((url, call))
    }

    fn party_field(&self) -> &'static str {
        match self.family() {
            Family::AlipayPlus => "authClientId",
            _ => "customerBelongsTo",
        }
    }

    /// `applyToken` with an authCode. Never retried on its own: a code
    /// works once (a U is retried as the very same request, which the
    /// server recognises).
    pub fn apply_code(&self, code: &AuthCode, party: &str) -> Result<Tokens, GatewayError> {
        let body = json!({
            self.party_field(): party,
            "grantType": "AUTHORIZATION_CODE",
            "authCode": code.secret(),
        });
        self.apply(&body)
    }

    /// `applyToken` with a refresh token (which rotates); the wallet or
    /// authClientId is sent here too.
    pub fn apply_refresh(&self, token: &RefreshToken, party: &str) -> Result<Tokens, GatewayError> {
        let body = json!({
            self.party_field(): party,
            "grantType": "REFRESH_TOKEN",
            "refreshToken": token.secret(),
        });
        self.apply(&body)
    }

    fn apply(&self, body: &Value) -> Result<Tokens, GatewayError> {
        let call = self.call(
            &wire::api_path(self.family(), "authorizations/applyToken"),
            body,
        )?;
        let tokens = token_set(&call.body).map_err(|e| GatewayError::Protocol(e.to_string()))?;
        Ok(Tokens {
            tokens,
            raw: without_result(&call.body),
        })
    }

    /// Antom `users/inquiryUserInfo`.
    pub fn user_info(&self, token: &AccessToken) -> Result<UserInfo, GatewayError> {
        self.user_info_call(token).map(|(u, _)| u)
    }

    /// The same, keeping the whole call (for `--raw`).
    pub fn user_info_call(
        &self,
        token: &AccessToken,
    ) -> Result<(UserInfo, HeaderCall), GatewayError> {
        let call = self.call(
            &wire::api_path(self.family(), "users/inquiryUserInfo"),
            &json!({"accessToken": token.secret()}),
        )?;
        let user = user_info(&call.body).map_err(|e| GatewayError::Protocol(e.to_string()))?;
        Ok((user, call))
    }

    /// Antom `authorizations/revoke` / Alipay+ `authorizations/cancelToken`.
    pub fn revoke(&self, token: &AccessToken, party: &str) -> Result<HeaderCall, GatewayError> {
        match self.family() {
            Family::AlipayPlus => self.call(
                &wire::api_path(self.family(), "authorizations/cancelToken"),
                &json!({"authClientId": party, "accessToken": token.secret()}),
            ),
            _ => self.call(
                &wire::api_path(self.family(), "authorizations/revoke"),
                &json!({"accessToken": token.secret()}),
            ),
        }
    }
}

/// What `consult` / `prepare` is asked.
#[derive(Debug, Clone)]
pub struct ConsultRequest<'a> {
    /// Antom's `customerBelongsTo`, or Alipay+'s `authClientId`.
    pub party: &'a str,
    pub redirect_url: &'a str,
    pub scopes: &'a [String],
    pub state: &'a str,
}

/// The tokens of an `applyToken` answer and the rest of it.
#[derive(Debug, Clone)]
pub struct Tokens {
    pub tokens: TokenSet,
    /// The answer without its `result`.
    pub raw: Value,
}

fn without_result(body: &Value) -> Value {
    let mut v = body.clone();
    if let Some(m) = v.as_object_mut() {
        m.remove("result");
    }
    v
}

/// A verified answer that lacks what the model needs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the {what} answer has no {field}")]
pub struct Missing {
    what: &'static str,
    field: &'static str,
}

fn text(v: &Value, pointer: &str) -> Option<String> {
    match v.pointer(pointer)? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The tokens of an `applyToken` answer: expiry times are ISO-8601 strings,
/// the user is Antom's `pspCustomerInfo.pspCustomerId` (else `userLoginId`)
/// or Alipay+'s `customerId`.
pub fn token_set(body: &Value) -> Result<TokenSet, Missing> {
    let access = text(body, "/accessToken").ok_or(Missing {
        what: "applyToken",
        field: "accessToken",
    })?;
    let time = |p: &str| text(body, p).and_then(|t| wire::parse_time(&t));
    let user = text(body, "/pspCustomerInfo/pspCustomerId")
        .or_else(|| text(body, "/customerId"))
        .or_else(|| text(body, "/userLoginId"));
    let now = OffsetDateTime::now_utc();
    let expires_at = time("/accessTokenExpiryTime").map(|t| t.to_offset(time::UtcOffset::UTC));
    let refresh_expires_at =
        time("/refreshTokenExpiryTime").map(|t| t.to_offset(time::UtcOffset::UTC));
    Ok(TokenSet {
        access_token: AccessToken::new(access),
        refresh_token: text(body, "/refreshToken").map(RefreshToken::new),
        expires_in: expires_at.map(|t| (t - now).whole_seconds()),
        re_expires_in: refresh_expires_at.map(|t| (t - now).whole_seconds()),
        expires_at,
        refresh_expires_at,
        auth_start: None,
        user_id: user,
        open_id: None,
        union_id: None,
        permanent: false,
    })
}

/// The user of an `inquiryUserInfo` answer.
pub fn user_info(body: &Value) -> Result<UserInfo, Missing> {
    let info = body.get("userInfo").cloned().unwrap_or(Value::Null);
    let user_id = text(&info, "/userId").ok_or(Missing {
        what: "inquiryUserInfo",
        field: "userInfo.userId",
    })?;
    let gender = match text(&info, "/gender").as_deref() {
        Some("MALE") => Some(super::Gender::Male),
        Some("FEMALE") => Some(super::Gender::Female),
        _ => None,
    };
    Ok(UserInfo {
        subject: user_id.clone(),
        id_kind: IdKind::UserId,
        user_id: Some(user_id),
        open_id: None,
        union_id: None,
        nickname: text(&info, "/nickName").or_else(|| text(&info, "/userName/fullName")),
        avatar: text(&info, "/avatar"),
        gender,
        province: None,
        city: None,
        is_certified: None,
        raw: info,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::dialect::{Rejection, header};

    fn keys() -> &'static (PrivateKey, PrivateKey) {
        static K: std::sync::OnceLock<(PrivateKey, PrivateKey)> = std::sync::OnceLock::new();
        K.get_or_init(|| {
            (
                PrivateKey::generate(2048).unwrap(),
                PrivateKey::generate(2048).unwrap(),
            )
        })
    }

    fn config(family: Family, client_id: &str) -> HeaderConfig {
        let (app, alipay) = keys();
        HeaderConfig {
            family,
            base: url::Url::parse("http://127.0.0.1:1").unwrap(),
            sandbox: false,
            client_id: client_id.into(),
            private_key: app.clone(),
            alipay_public_key: alipay.public_key(),
            key_version: 1,
            connect_timeout: Duration::from_secs(1),
            request_timeout: Duration::from_secs(1),
            proxy: ProxyConfig::default(),
            unknown_retries: 2,
            retry_pause: Duration::from_millis(1),
        }
    }

    /// An answer signed by "Alipay" over the request's path.
    fn answer(prepared: &HeaderPrepared, client_id: &str, body: &str) -> HeaderReceived {
        let t = "2026-01-01T00:00:00+08:00";
        let signed = header::sign(
            &keys().1,
            1,
            "POST",
            &prepared.path,
            client_id,
            t,
            body.as_bytes(),
        )
        .unwrap();
        HeaderReceived {
            status: 200,
            headers: vec![
                ("signature".into(), signed.header),
                ("response-time".into(), t.into()),
                ("client-id".into(), client_id.into()),
            ],
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn prepare_signs_the_exact_bytes_after_the_sandbox_rewrite() {
        let cfg = config(Family::Antom, "SANDBOX_5Y");
        let body = br#"{"a": 1}"#;
        let p = prepare(&cfg, "/ams/api/v1/authorizations/consult", body, "T").unwrap();
        assert_eq!(p.path, "/ams/sandbox/api/v1/authorizations/consult");
        assert_eq!(
            p.url.as_str(),
            "http://127.0.0.1:1/ams/sandbox/api/v1/authorizations/consult"
        );
        assert_eq!(p.body, body);
        assert_eq!(
            p.content,
            b"POST /ams/sandbox/api/v1/authorizations/consult\nSANDBOX_5Y.T.{\"a\": 1}".to_vec()
        );
        assert_eq!(p.headers[0], ("Client-Id", "SANDBOX_5Y".to_string()));
        assert_eq!(p.headers[1], ("Request-Time", "T".to_string()));
        assert!(
            p.headers[2]
                .1
                .starts_with("algorithm=RSA256,keyVersion=1,signature=")
        );
        // A path is placed on the base URL as signed, never resolved against it.
        let e = prepare(&cfg, "//evil.example/ams/api/v1/x", b"{}", "T").map(|p| p.url.to_string());
        assert_eq!(e.unwrap(), "http://127.0.0.1:1//evil.example/ams/api/v1/x");
        assert!(prepare(&cfg, "/ams/api/v1/a b", b"{}", "T").is_err());
        // Alipay+ paths are never rewritten.
        let cfg = config(Family::AlipayPlus, "SANDBOX_5Y");
        let p = prepare(&cfg, "/aps/api/v1/authorizations/prepare", b"{}", "T").unwrap();
        assert_eq!(p.path, "/aps/api/v1/authorizations/prepare");
    }

    #[test]
    fn interpret_s_f_u_and_refusals() {
        let cfg = config(Family::Antom, "c1");
        let p = prepare(&cfg, "/ams/api/v1/authorizations/applyToken", b"{}", "T").unwrap();
        let ok = r#"{"result":{"resultStatus":"S","resultCode":"SUCCESS"},"accessToken":"a"}"#;
        let call = interpret(&cfg, &p, &answer(&p, "c1", ok), 1).unwrap();
        assert_eq!(call.body["accessToken"], "a");

        let f =
            r#"{"result":{"resultStatus":"F","resultCode":"INVALID_CODE","resultMessage":"used"}}"#;
        match interpret(&cfg, &p, &answer(&p, "c1", f), 1) {
            Err(GatewayError::Result(e)) => {
                assert_eq!(
                    (e.status, e.code.as_str(), e.signed),
                    (ResultStatus::F, "INVALID_CODE", true)
                );
            }
            other => panic!("{other:?}"),
        }
        let u = r#"{"result":{"resultStatus":"U","resultCode":"UNKNOWN_EXCEPTION"}}"#;
        match interpret(&cfg, &p, &answer(&p, "c1", u), 3) {
            Err(GatewayError::Result(e)) => {
                assert_eq!((e.status, e.attempts), (ResultStatus::U, 3));
                assert!(e.to_string().contains("unknown"), "{e}");
            }
            other => panic!("{other:?}"),
        }
        // One byte changed after signing: refused (exit 6), even a success.
        let mut tampered = answer(&p, "c1", ok);
        let at = tampered.body.len() - 3;
        tampered.body[at] = b'b';
        let e = interpret(&cfg, &p, &tampered, 1).unwrap_err();
        match &e {
            // What was checked is shown up to the body, never the body.
            GatewayError::AnswerRejected { checked_over, .. } => assert!(
                checked_over.ends_with(".<the 72 body bytes>")
                    && !checked_over.contains("accessToken"),
                "{checked_over}"
            ),
            other => panic!("{other:?}"),
        }
        // Unsigned success: refused; unsigned failure: reported as such.
        let mut unsigned = answer(&p, "c1", ok);
        unsigned.headers.retain(|(k, _)| k == "client-id");
        assert!(matches!(
            interpret(&cfg, &p, &unsigned, 1),
            Err(GatewayError::AnswerRejected {
                rejection: Rejection::UnsignedSuccess,
                ..
            })
        ));
        let mut unsigned_f = answer(&p, "c1", f);
        unsigned_f.headers.retain(|(k, _)| k == "client-id");
        match interpret(&cfg, &p, &unsigned_f, 1) {
            Err(GatewayError::Result(e)) => assert!(!e.signed),
            other => panic!("{other:?}"),
        }
        // Signed for another client id.
        let other = answer(&p, "c2", ok);
        assert!(matches!(
            interpret(&cfg, &p, &other, 1),
            Err(GatewayError::AnswerRejected {
                rejection: Rejection::ClientIdMismatch { .. },
                ..
            })
        ));
    }

    #[test]
    fn token_and_user_models() {
        let t = token_set(&json!({"accessToken": "a", "refreshToken": "r",
            "accessTokenExpiryTime": "2019-11-27T12:01:01+08:00",
            "pspCustomerInfo": {"pspCustomerId": "2088"}}))
        .unwrap();
        assert_eq!(t.expires_at.unwrap().unix_timestamp(), 1_574_827_261);
        assert_eq!(t.subject(), Some(("2088".into(), IdKind::UserId)));
        assert!(token_set(&json!({})).is_err());
        let u = user_info(
            &json!({"userInfo": {"userId": "2088", "nickName": "n", "gender": "FEMALE"}}),
        )
        .unwrap();
        assert_eq!(u.subject, "2088");
        assert_eq!(u.gender, Some(super::super::Gender::Female));
    }
}
