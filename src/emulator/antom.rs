//! Antom (`/ams/api/v1/...`, and `/ams/sandbox/api/v1/...`) and Alipay+
//! (`/aps/api/v1/...`): JSON bodies signed in the header dialect, answers
//! with `result.resultStatus` S / F / U (docs/protocol.md §12).
//!
//! Every answer is signed with the emulator's Alipay key, failures too, and
//! sent with HTTP 200: the official global SDK refuses an answer without
//! `signature`, `response-time` and `client-id` headers.

use std::sync::atomic::Ordering;
use std::time::Instant;

use serde_json::{Map, Value, json};
use time::OffsetDateTime;

use super::faults::Fault;
use super::state::{AccessGrant, Pending, Refusal, Scopes};
use super::{AppConfig, Reply, Shared};
use crate::sign::PrivateKey;
use crate::sign::dialect::header;

/// The two families of the header dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    Antom,
    AlipayPlus,
}

impl Family {
    fn label(self) -> &'static str {
        match self {
            Family::Antom => "antom",
            Family::AlipayPlus => "alipayplus",
        }
    }
}

/// Where a path leads: the family, Antom's sandbox, and the API after `v1/`.
#[derive(Debug, Clone, Copy)]
struct Route<'a> {
    family: Family,
    sandbox: bool,
    api: &'a str,
}

fn route(path: &str) -> Option<Route<'_>> {
    let (family, sandbox, api) = if let Some(api) = path.strip_prefix("/ams/api/v1/") {
        (Family::Antom, false, api)
    } else if let Some(api) = path.strip_prefix("/ams/sandbox/api/v1/") {
        (Family::Antom, true, api)
    } else {
        (
            Family::AlipayPlus,
            false,
            path.strip_prefix("/aps/api/v1/")?,
        )
    };
    Some(Route {
        family,
        sandbox,
        api,
    })
}

/// True for the paths this module answers.
pub(super) fn serves(path: &str) -> bool {
    route(path).is_some()
}

/// Results that mean "unknown, retry with the same request".
const UNKNOWN_RESULTS: &[&str] = &[
    "UNKNOWN_EXCEPTION",
    "REQUEST_TRAFFIC_EXCEED_LIMIT",
    "SYSTEM_ERROR",
];

/// A business refusal: `resultCode` and `resultMessage`.
type Refused = (&'static str, String);

/// What an API answers besides its `result`, or why it refuses.
type Outcome = Result<Map<String, Value>, Refused>;

/// The `result` object of an answer.
fn result(code: &str, message: &str) -> Value {
    let status = if code == "SUCCESS" {
        "S"
    } else if UNKNOWN_RESULTS.contains(&code) {
        "U"
    } else {
        "F"
    };
    json!({"resultCode": code, "resultStatus": status, "resultMessage": message})
}

/// What codes and tokens are bound to: the family, Antom's wallet
/// (`customerBelongsTo`) or Alipay+'s `authClientId`, and the client id.
/// Written as one string, the state's app key, so that a code of one never
/// works for another.
#[derive(Debug, Clone, PartialEq, Eq)]
struct GrantKey {
    family: Family,
    party: String,
    client: String,
}

impl GrantKey {
    fn key(&self) -> String {
        // `party` holds no `|` (checked when read), so the client id, last,
        // may hold anything.
        format!("{}|{}|{}", self.family.label(), self.party, self.client)
    }

    fn parse(key: &str) -> Option<GrantKey> {
        let mut parts = key.splitn(3, '|');
        let family = match parts.next()? {
            "antom" => Family::Antom,
            "alipayplus" => Family::AlipayPlus,
            _ => return None,
        };
        Some(GrantKey {
            family,
            party: parts.next()?.to_string(),
            client: parts.next()?.to_string(),
        })
    }
}

/// Beijing time, ISO-8601 with its offset, as Antom writes times.
fn iso(at: OffsetDateTime) -> String {
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
    );
    at.to_offset(time::macros::offset!(+8))
        .format(&fmt)
        .unwrap_or_default()
}

/// The wall-clock time of an instant of the emulator's monotonic clock.
fn wall(at: Instant, now: Instant) -> OffsetDateTime {
    let now_wall = OffsetDateTime::now_utc();
    if at >= now {
        now_wall + (at - now)
    } else {
        now_wall - (now - at)
    }
}

/// A `Request-Time`: ISO-8601 with an offset, or epoch milliseconds.
fn parse_time(text: &str) -> Option<OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    let text = text.trim();
    OffsetDateTime::parse(text, &Rfc3339).ok().or_else(|| {
        text.parse::<i64>().ok().and_then(|ms| {
            OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()
        })
    })
}

/// The app a client id names: its own id, or `SANDBOX_` and its id.
fn app_for<'s>(shared: &'s Shared, client_id: &str) -> Option<&'s AppConfig> {
    shared.app(client_id).or_else(|| {
        client_id
            .strip_prefix("SANDBOX_")
            .and_then(|id| shared.app(id))
    })
}

/// A signed answer to a request for `path` from `client_id`, with any fault
/// applied.
fn answer(
    shared: &Shared,
    path: &str,
    client_id: &str,
    body: Value,
    fault: Option<&Fault>,
) -> Reply {
    let outcome = body
        .pointer("/result/resultCode")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let text = body.to_string();
    let time = iso(OffsetDateTime::now_utc());
    let key: &PrivateKey = match fault {
        Some(Fault::WrongKey) => shared
            .wrong_key
            .get_or_init(|| PrivateKey::generate(2048).expect("key generation")),
        _ => &shared.config.alipay_key,
    };
    let mut reply = Reply::new(200, "application/json; charset=UTF-8", text.clone());
    // A client id with a newline cannot be signed over: such an answer goes
    // out unsigned, and the client refuses it.
    if let Ok(signed) = header::sign(key, 1, "POST", path, client_id, &time, text.as_bytes()) {
        let value = match fault {
            Some(Fault::Tamper) => {
                header::header_value(1, &super::gateway::tamper(&signed.signature))
            }
            _ => signed.header,
        };
        if !matches!(fault, Some(Fault::Unsigned)) {
            reply.headers.push(("signature".into(), value));
            reply.headers.push(("response-time".into(), time));
        }
    }
    reply
        .headers
        .push(("client-id".into(), client_id.to_string()));
    match fault {
        Some(Fault::Delay(d)) => reply.delay = Some(*d),
        Some(Fault::Truncate) => reply.truncate = true,
        _ => {}
    }
    reply.outcome = Some(outcome);
    reply
}

fn refused(shared: &Shared, path: &str, client_id: &str, code: &str, message: &str) -> Reply {
    answer(
        shared,
        path,
        client_id,
        json!({"result": result(code, message)}),
        None,
    )
}

/// Answers one request of either family.
pub(super) fn handle<'h>(
    shared: &Shared,
    path: &str,
    header: impl Fn(&str) -> Option<&'h str>,
    body: &[u8],
) -> Reply {
    let Some(route) = route(path) else {
        return Reply::new(404, "text/plain; charset=utf-8", "not found");
    };
    let client_id = header("client-id").unwrap_or("").trim();
    let refuse = |code: &str, message: &str| refused(shared, path, client_id, code, message);
    if client_id.is_empty() {
        return refuse("PARAM_ILLEGAL", "the Client-Id header is missing");
    }
    let Some(app) = app_for(shared, client_id) else {
        return refuse(
            "INVALID_CLIENT",
            &format!("no client {client_id:?} is registered (wrong environment?)"),
        );
    };
    let sandbox_id = client_id.starts_with("SANDBOX_");
    if route.family == Family::Antom && route.sandbox != sandbox_id {
        return refuse(
            "INVALID_CLIENT",
            if sandbox_id {
                "a SANDBOX_ client id calls the sandbox paths (/ams/sandbox/api/...)"
            } else {
                "the sandbox paths (/ams/sandbox/api/...) take a SANDBOX_ client id"
            },
        );
    }
    let Some(time) = header("request-time")
        .map(str::trim)
        .filter(|t| !t.is_empty())
    else {
        return refuse("PARAM_ILLEGAL", "the Request-Time header is missing");
    };
    let Some(at) = parse_time(time) else {
        return refuse(
            "PARAM_ILLEGAL",
            &format!(
                "Request-Time {time:?} is neither ISO-8601 with an offset nor epoch milliseconds"
            ),
        );
    };
    let drift = (OffsetDateTime::now_utc() - at).abs();
    if drift > shared.config.timestamp_window {
        return refuse(
            "PARAM_ILLEGAL",
            &format!(
                "Request-Time {time} is {} s from the emulator's clock ({})",
                drift.whole_seconds(),
                iso(OffsetDateTime::now_utc())
            ),
        );
    }
    let Some(signature) = header("signature").filter(|s| !s.trim().is_empty()) else {
        return refuse("INVALID_SIGNATURE", "the Signature header is missing");
    };
    let content = header::sign_content("POST", path, client_id, time, body);
    let valid = header::parse_signature(signature)
        .map_err(|e| e.to_string())
        .and_then(|parsed| {
            header::verify(&app.public_key, &content, &parsed).map_err(|_| String::new())
        });
    if let Err(why) = valid {
        let why = if why.is_empty() {
            format!(
                "the signature does not verify with the client's public key over {:?}",
                String::from_utf8_lossy(&content)
            )
        } else {
            format!("the Signature header cannot be read: {why}")
        };
        return refuse("INVALID_SIGNATURE", &why);
    }

    shared.stats.gateway_calls.fetch_add(1, Ordering::Relaxed);
    let fault = shared.faults.take();
    match &fault {
        Some(Fault::Http(status)) => {
            return Reply::new(
                *status,
                "text/html; charset=utf-8",
                format!("<html><body>{status} upstream error</body></html>"),
            );
        }
        Some(Fault::Error { sub_code }) => {
            return refused(
                shared,
                path,
                client_id,
                sub_code,
                "injected by the emulator",
            );
        }
        _ => {}
    }

    let call = Call {
        shared,
        app,
        route,
        client_id,
        now: Instant::now(),
    };
    let outcome = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(fields)) => call.dispatch(&fields),
        _ => Err(("PARAM_ILLEGAL", "the body is not a JSON object".into())),
    };
    let body = match outcome {
        Ok(fields) => {
            let mut all = Map::new();
            all.insert("result".into(), result("SUCCESS", "success"));
            all.extend(fields);
            Value::Object(all)
        }
        Err((code, message)) => json!({"result": result(code, &message)}),
    };
    answer(shared, path, client_id, body, fault.as_ref())
}

/// One verified request.
struct Call<'a> {
    shared: &'a Shared,
    app: &'a AppConfig,
    route: Route<'a>,
    client_id: &'a str,
    now: Instant,
}

/// A required string field.
fn text<'v>(fields: &'v Map<String, Value>, name: &str) -> Result<&'v str, Refused> {
    match fields.get(name) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s),
        Some(Value::String(_)) | None | Some(Value::Null) => {
            Err(("PARAM_ILLEGAL", format!("{name} is missing")))
        }
        Some(_) => Err(("PARAM_ILLEGAL", format!("{name} must be a string"))),
    }
}

/// An optional string field.
fn optional<'v>(fields: &'v Map<String, Value>, name: &str) -> Result<Option<&'v str>, Refused> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => text(fields, name).map(Some),
    }
}

/// A wallet name or auth client id: it becomes part of the grant key.
fn party<'v>(fields: &'v Map<String, Value>, name: &str) -> Result<&'v str, Refused> {
    let value = text(fields, name)?;
    let ok = value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    if ok {
        Ok(value)
    } else {
        Err((
            "PARAM_ILLEGAL",
            format!("{name} must be at most 64 letters, digits, '_', '-' or '.'"),
        ))
    }
}

const SCOPES: &[&str] = &[
    "BASE_USER_INFO",
    "USER_INFO",
    "AGREEMENT_PAY",
    "USER_LOGIN_ID",
    "HASH_LOGIN_ID",
    "SEND_OTP",
];

impl Call<'_> {
    fn dispatch(&self, fields: &Map<String, Value>) -> Outcome {
        match (self.route.family, self.route.api) {
            (Family::Antom, "authorizations/consult")
            | (Family::AlipayPlus, "authorizations/prepare") => self.consult(fields),
            (_, "authorizations/applyToken") => self.apply_token(fields),
            (Family::Antom, "users/inquiryUserInfo") => self.inquiry_user_info(fields),
            (Family::Antom, "authorizations/revoke") => self.revoke(fields),
            (Family::Antom, "authorizations/query") => self.query(fields),
            (Family::AlipayPlus, "authorizations/cancelToken") => self.cancel_token(fields),
            (_, api) => Err((
                "NO_INTERFACE_DEF",
                format!("the emulator serves no {api:?} here"),
            )),
        }
    }

    /// What codes and tokens of this request are bound to.
    fn grant_key(&self, fields: &Map<String, Value>) -> Result<GrantKey, Refused> {
        let party = match self.route.family {
            Family::Antom => party(fields, "customerBelongsTo")?,
            Family::AlipayPlus => party(fields, "authClientId")?,
        };
        Ok(GrantKey {
            family: self.route.family,
            party: party.to_string(),
            client: self.client_id.to_string(),
        })
    }

    /// Antom's `consult` and Alipay+'s `prepare`: a consent waiting on the
    /// emulator's wallet page, and the URLs that open it.
    fn consult(&self, fields: &Map<String, Value>) -> Outcome {
        let key = self.grant_key(fields)?;
        if self.route.family == Family::AlipayPlus {
            optional(fields, "customerBelongsTo")?;
        } else {
            optional(fields, "authClientId")?;
        }
        let redirect = text(fields, "authRedirectUrl")?;
        if redirect.len() > 1024 {
            return Err((
                "PARAM_ILLEGAL",
                "authRedirectUrl is longer than 1024".into(),
            ));
        }
        super::authorize::check_redirect(self.shared, self.app, "authRedirectUrl", redirect)
            .map_err(|why| ("PARAM_ILLEGAL", why))?;
        let scopes = match fields.get("scopes") {
            Some(Value::Array(items)) if !items.is_empty() => items
                .iter()
                .map(|v| match v.as_str() {
                    Some(s) if SCOPES.contains(&s) => Ok(s),
                    _ => Err((
                        "PARAM_ILLEGAL",
                        format!("scope {v} is not one of {}", SCOPES.join(", ")),
                    )),
                })
                .collect::<Result<Vec<&str>, Refused>>()?,
            _ => {
                return Err((
                    "PARAM_ILLEGAL",
                    "scopes must be a non-empty array, such as [\"USER_INFO\"]".into(),
                ));
            }
        };
        let state = text(fields, "authState")?;
        if state.chars().count() > 256 {
            return Err(("PARAM_ILLEGAL", "authState is longer than 256".into()));
        }
        if self.route.family == Family::Antom {
            self.check_terminal(fields)?;
        }
        let pending = Pending {
            app_id: self.app.app_id.clone(),
            scope: scopes.join(","),
            scopes: Scopes {
                auth_user: scopes.contains(&"USER_INFO"),
            },
            redirect_uri: redirect.to_string(),
            state: Some(state.to_string()),
            expires: self.now + self.shared.config.lifetimes.consent,
            header_grant: Some(key.key()),
        };
        let id = self.shared.state().add_pending(pending, self.now);
        let url = format!("{}/wallet/authorize?request_id={id}", self.shared.base_url);
        let scheme = format!(
            "alipays://platformapi/startapp?appId=20000067&url={}",
            header::url_encode(&url)
        );
        let mut out = Map::new();
        out.insert("authUrl".into(), json!(url));
        out.insert("normalUrl".into(), json!(url));
        out.insert("schemeUrl".into(), json!(scheme));
        out.insert("applinkUrl".into(), json!(url));
        Ok(out)
    }

    /// Antom wants the terminal (and, for apps and mobile web, the OS),
    /// at the top level as older integrations send it or under `env`.
    fn check_terminal(&self, fields: &Map<String, Value>) -> Result<(), Refused> {
        let env = match fields.get("env") {
            Some(Value::Object(env)) => Some(env),
            None | Some(Value::Null) => None,
            Some(_) => return Err(("PARAM_ILLEGAL", "env must be an object".into())),
        };
        let pick = |name: &str| -> Result<Option<&str>, Refused> {
            match optional(fields, name)? {
                Some(v) => Ok(Some(v)),
                None => env.map_or(Ok(None), |e| optional(e, name)),
            }
        };
        let terminal = pick("terminalType")?.ok_or((
            "PARAM_ILLEGAL",
            "terminalType is missing (WEB, WAP, APP or MINI_APP)".to_string(),
        ))?;
        if !matches!(terminal, "WEB" | "WAP" | "APP" | "MINI_APP") {
            return Err((
                "PARAM_ILLEGAL",
                format!("terminalType {terminal:?} is not WEB, WAP, APP or MINI_APP"),
            ));
        }
        let os = pick("osType")?;
        if let Some(os) = os
            && !matches!(os, "IOS" | "ANDROID")
        {
            return Err((
                "PARAM_ILLEGAL",
                format!("osType {os:?} is not IOS or ANDROID"),
            ));
        }
        if matches!(terminal, "APP" | "WAP") && os.is_none() {
            return Err((
                "PARAM_ILLEGAL",
                format!("osType is required with terminalType {terminal} (IOS or ANDROID)"),
            ));
        }
        Ok(())
    }

    fn apply_token(&self, fields: &Map<String, Value>) -> Outcome {
        let key = self.grant_key(fields)?;
        let grant_key = key.key();
        let grant_type = text(fields, "grantType")?;
        let (user, scopes, new_authorization) = match grant_type {
            "AUTHORIZATION_CODE" => {
                let code = text(fields, "authCode")?;
                let refused = |why: &str| ("INVALID_CODE", format!("the authCode is {why}"));
                match self.shared.state().redeem_code(code, &grant_key, self.now) {
                    Ok(g) => (g.user, g.scopes, true),
                    Err(Refusal::Unknown) => return Err(refused("unknown or already used")),
                    Err(Refusal::Expired) => return Err(refused("expired")),
                    Err(Refusal::OtherApp) => {
                        return Err(refused(self.other_party(true)));
                    }
                }
            }
            "REFRESH_TOKEN" => {
                let token = text(fields, "refreshToken")?;
                let refused = |why: &str| {
                    (
                        "INVALID_REFRESH_TOKEN",
                        format!("the refreshToken is {why}"),
                    )
                };
                match self
                    .shared
                    .state()
                    .redeem_refresh(token, &grant_key, self.now)
                {
                    Ok(g) => (g.user, g.scopes, false),
                    Err(Refusal::Unknown) => {
                        return Err(refused("unknown or already used (refresh tokens rotate)"));
                    }
                    Err(Refusal::Expired) => return Err(refused("expired")),
                    Err(Refusal::OtherApp) => {
                        return Err(refused(self.other_party(false)));
                    }
                }
            }
            other => {
                return Err((
                    "PARAM_ILLEGAL",
                    format!("grantType {other:?} is not AUTHORIZATION_CODE or REFRESH_TOKEN"),
                ));
            }
        };
        let lifetimes = self.shared.config.lifetimes;
        let (access, refresh) = self.shared.state().issue_tokens(
            &grant_key,
            user,
            scopes,
            &lifetimes,
            new_authorization,
            self.now,
        );
        self.shared
            .stats
            .tokens_issued
            .fetch_add(1, Ordering::Relaxed);
        let u = &self.shared.config.users[user];
        let mut out = Map::new();
        out.insert("accessToken".into(), json!(access));
        out.insert(
            "accessTokenExpiryTime".into(),
            json!(iso(wall(self.now + lifetimes.access, self.now))),
        );
        out.insert("refreshToken".into(), json!(refresh));
        out.insert(
            "refreshTokenExpiryTime".into(),
            json!(iso(wall(self.now + lifetimes.refresh, self.now))),
        );
        match self.route.family {
            Family::Antom => {
                out.insert("userLoginId".into(), json!(masked(u.user_id)));
                out.insert(
                    "pspCustomerInfo".into(),
                    json!({"pspName": key.party, "pspCustomerId": u.user_id}),
                );
            }
            Family::AlipayPlus => {
                out.insert("customerId".into(), json!(u.user_id));
            }
        }
        Ok(out)
    }

    /// Why a code (or refresh token) of this client's family was refused
    /// as another's.
    fn other_party(&self, code: bool) -> &'static str {
        match (self.route.family, code) {
            (Family::Antom, true) => "issued for another customerBelongsTo (wallet) or client id",
            (Family::Antom, false) => "bound to another customerBelongsTo (wallet) or client id",
            (Family::AlipayPlus, true) => "issued for another authClientId or client id",
            (Family::AlipayPlus, false) => "bound to another authClientId or client id",
        }
    }

    /// The grant of an access token of this family and client, and whether
    /// it has expired (`party`: Alipay+'s authClientId, which cancelToken
    /// names too).
    fn token_grant(
        &self,
        fields: &Map<String, Value>,
        party: Option<&str>,
    ) -> Result<(AccessGrant, bool), Refused> {
        let token = text(fields, "accessToken")?;
        let invalid = || {
            (
                "INVALID_ACCESS_TOKEN",
                "the accessToken is unknown, revoked or superseded".to_string(),
            )
        };
        let grant = self.shared.state().find_access(token).ok_or_else(invalid)?;
        let key = GrantKey::parse(&grant.app_id).ok_or_else(invalid)?;
        if key.family != self.route.family
            || key.client != self.client_id
            || party.is_some_and(|p| p != key.party)
        {
            return Err(invalid());
        }
        match self
            .shared
            .state()
            .check_access(token, &grant.app_id, self.now)
        {
            Ok(g) => Ok((g, false)),
            Err(Refusal::Expired) => Ok((grant, true)),
            Err(_) => Err(invalid()),
        }
    }

    /// The grant of a live access token: an expired one is refused.
    fn live_grant(
        &self,
        fields: &Map<String, Value>,
        party: Option<&str>,
    ) -> Result<AccessGrant, Refused> {
        match self.token_grant(fields, party)? {
            (_, true) => Err(("EXPIRED_ACCESS_TOKEN", "the accessToken has expired".into())),
            (grant, false) => Ok(grant),
        }
    }

    fn inquiry_user_info(&self, fields: &Map<String, Value>) -> Outcome {
        let grant = self.live_grant(fields, None)?;
        let u = &self.shared.config.users[grant.user];
        let mut info = Map::new();
        info.insert("userId".into(), json!(u.user_id));
        // BASE_USER_INFO gives the id alone; USER_INFO the profile too.
        if grant.scopes.auth_user {
            info.insert("nickName".into(), json!(u.nick_name));
            info.insert("userName".into(), json!({"fullName": u.nick_name}));
            info.insert("avatar".into(), json!(u.avatar));
            if !u.gender.is_empty() {
                info.insert(
                    "gender".into(),
                    json!(if u.gender.eq_ignore_ascii_case("m") {
                        "MALE"
                    } else {
                        "FEMALE"
                    }),
                );
            }
            info.insert("loginIdMask".into(), json!(masked(u.user_id)));
        }
        let mut out = Map::new();
        out.insert("userInfo".into(), Value::Object(info));
        Ok(out)
    }

    fn revoke(&self, fields: &Map<String, Value>) -> Outcome {
        optional(fields, "extendInfo")?;
        // An expired token still ends its authorization: the refresh token
        // must not outlive a logout.
        let (grant, _) = self.token_grant(fields, None)?;
        self.shared.state().revoke(&grant.app_id, grant.user);
        Ok(Map::new())
    }

    fn cancel_token(&self, fields: &Map<String, Value>) -> Outcome {
        let auth_client = party(fields, "authClientId")?;
        let (grant, _) = self.token_grant(fields, Some(auth_client))?;
        self.shared.state().revoke(&grant.app_id, grant.user);
        Ok(Map::new())
    }

    /// The status of an access token: valid or expired; a revoked or
    /// unknown one is refused as for any other use.
    fn query(&self, fields: &Map<String, Value>) -> Outcome {
        let (grant, expired) = self.token_grant(fields, None)?;
        let mut out = Map::new();
        out.insert("accessToken".into(), fields["accessToken"].clone());
        out.insert(
            "accessTokenExpiryTime".into(),
            json!(iso(wall(grant.expires, self.now))),
        );
        out.insert(
            "tokenStatusType".into(),
            json!(if expired { "EXPIRED" } else { "VALID" }),
        );
        Ok(out)
    }
}

/// A login id as wallets show it: the ends kept, the middle starred.
fn masked(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= 6 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 3..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 6))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::users::IdMode;
    use crate::emulator::{EmulatorConfig, Offline};

    /// Malformed fields of every API, signed so that they get past the
    /// checks: each is a signed F answer, never a panic.
    #[test]
    fn malformed_bodies_are_refused_field_by_field() {
        let app = PrivateKey::generate(2048).unwrap();
        let alipay = PrivateKey::generate(2048).unwrap();
        let emu = Offline::new(EmulatorConfig::new(
            vec![AppConfig {
                app_id: "C1".into(),
                name: "t".into(),
                public_key: app.public_key(),
                redirect_domains: vec![],
                id_mode: IdMode::OpenId,
                member_info: true,
                group: None,
            }],
            alipay.clone(),
        ))
        .unwrap();
        let values = [
            json!(null),
            json!(1),
            json!(""),
            json!([]),
            json!({}),
            json!(["USER_INFO", 2]),
            json!("x|y"),
            json!("a".repeat(2000)),
            json!("http://127.0.0.1/cb"),
        ];
        let fields = [
            "customerBelongsTo",
            "authClientId",
            "authRedirectUrl",
            "scopes",
            "authState",
            "terminalType",
            "osType",
            "env",
            "grantType",
            "authCode",
            "refreshToken",
            "accessToken",
        ];
        let paths = [
            "/ams/api/v1/authorizations/consult",
            "/ams/api/v1/authorizations/applyToken",
            "/ams/api/v1/authorizations/revoke",
            "/ams/api/v1/authorizations/query",
            "/ams/api/v1/users/inquiryUserInfo",
            "/aps/api/v1/authorizations/prepare",
            "/aps/api/v1/authorizations/applyToken",
            "/aps/api/v1/authorizations/cancelToken",
        ];
        let time = iso(OffsetDateTime::now_utc());
        for path in paths {
            for field in fields {
                for value in &values {
                    let body = json!({
                        "customerBelongsTo": "ALIPAY_CN", "authClientId": "M",
                        "authRedirectUrl": "http://127.0.0.1/cb", "scopes": ["USER_INFO"],
                        "authState": "s", "terminalType": "WEB", "grantType": "AUTHORIZATION_CODE",
                        "authCode": "c", "refreshToken": "r", "accessToken": "t",
                        field: value,
                    })
                    .to_string();
                    let signed =
                        header::sign(&app, 1, "POST", path, "C1", &time, body.as_bytes()).unwrap();
                    let reply = emu.respond(
                        "POST",
                        path,
                        &[
                            ("Client-Id", "C1"),
                            ("Request-Time", &time),
                            ("Signature", &signed.header),
                        ],
                        body.as_bytes(),
                    );
                    assert_eq!(reply.status(), 200, "{path} {field}={value}");
                    let answer: Value = serde_json::from_slice(reply.body()).unwrap();
                    let status = &answer["result"]["resultStatus"];
                    assert!(
                        status == "S" || status == "F",
                        "{path} {field}={value}: {answer}"
                    );
                    let header = |n: &str| {
                        reply
                            .headers()
                            .iter()
                            .find(|(k, _)| k == n)
                            .map(|(_, v)| v.as_str())
                            .unwrap()
                    };
                    let message = header::Message {
                        method: "POST",
                        target: path,
                        client_id: "C1",
                        time: header("response-time"),
                        body: reply.body(),
                    };
                    assert_eq!(
                        header::check(&alipay.public_key(), &message, header("signature")),
                        crate::sign::dialect::SignatureStatus::Valid
                    );
                }
            }
        }
    }

    #[test]
    fn routes_and_keys() {
        let r = route("/ams/sandbox/api/v1/authorizations/consult").unwrap();
        assert_eq!(
            (r.family, r.sandbox, r.api),
            (Family::Antom, true, "authorizations/consult")
        );
        let r = route("/aps/api/v1/authorizations/cancelToken").unwrap();
        assert_eq!(r.family, Family::AlipayPlus);
        assert!(route("/gateway.do").is_none());
        assert!(route("/ams/api/v2/x").is_none());
        let k = GrantKey {
            family: Family::Antom,
            party: "ALIPAY_CN".into(),
            client: "SANDBOX_a|b".into(),
        };
        assert_eq!(GrantKey::parse(&k.key()), Some(k));
        assert_eq!(GrantKey::parse("2021000000000000"), None);
    }

    #[test]
    fn results_and_times() {
        assert_eq!(result("SUCCESS", "")["resultStatus"], "S");
        assert_eq!(result("UNKNOWN_EXCEPTION", "")["resultStatus"], "U");
        assert_eq!(result("INVALID_CODE", "")["resultStatus"], "F");
        let t = iso(OffsetDateTime::from_unix_timestamp(1_574_827_261).unwrap());
        assert_eq!(t, "2019-11-27T12:01:01+08:00");
        assert_eq!(parse_time(&t).unwrap().unix_timestamp(), 1_574_827_261);
        assert_eq!(
            parse_time("1574827261000").unwrap().unix_timestamp(),
            1_574_827_261
        );
        assert!(parse_time("yesterday").is_none());
        assert_eq!(masked("2088102104794936"), "208**********936");
    }
}
