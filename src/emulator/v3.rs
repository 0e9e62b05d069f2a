//! `/v3/...`: OpenAPI v3 (docs/protocol.md §12), the token and user
//! information APIs, with the v2 gateway's state, rules and faults. Every
//! answer is signed in `alipay-timestamp` / `alipay-nonce` /
//! `alipay-signature`, errors included (`{code, message, links}` with an
//! HTTP error status), and names the Alipay certificate in `alipay-sn` in
//! certificate mode.

use std::sync::atomic::Ordering;
use std::time::Instant;

use serde_json::{Map, Value, json};

use super::faults::{Fault, code_for};
use super::gateway::{oauth_token, tamper, user_info};
use super::state::random_token;
use super::{AppConfig, Reply, Shared};
use crate::sign::dialect::v3::{self, ParsedAuthorization};
use crate::sign::{Params, PrivateKey, SignType, algorithm};

pub const TOKEN_PATH: &str = "/v3/alipay/system/oauth/token";
pub const USER_INFO_PATH: &str = "/v3/alipay/user/info/share";

/// A v3 error before it is signed: HTTP status, code, message.
struct V3Error {
    status: u16,
    code: String,
    message: String,
}

impl V3Error {
    fn new(status: u16, code: &str, message: impl Into<String>) -> V3Error {
        V3Error {
            status,
            code: code.to_string(),
            message: message.into(),
        }
    }

    /// A v2 sub_code as v3 names it (without its `isv.` / `aop.` / `isp.`
    /// prefix), with the HTTP status of its kind.
    fn from_sub_code(sub_code: &str, message: String) -> V3Error {
        let code = sub_code
            .split_once('.')
            .filter(|(p, _)| matches!(*p, "isv" | "aop" | "isp"))
            .map_or(sub_code, |(_, rest)| rest);
        let status = match code_for(sub_code).0 {
            "20000" => 500,
            "20001" => 401,
            "40005" => 429,
            "40006" => 403,
            _ => 400,
        };
        V3Error::new(status, code, message)
    }
}

pub(super) fn handle<'h>(
    shared: &Shared,
    method: &http::Method,
    path: &str,
    query: &str,
    header: impl Fn(&str) -> Option<&'h str>,
    body: &[u8],
) -> Reply {
    shared.stats.gateway_calls.fetch_add(1, Ordering::Relaxed);
    let (app, auth) = match check_request(shared, method, path, query, &header, body) {
        Ok(checked) => checked,
        Err(e) => return error_reply(shared, &e, None),
    };
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
            let e = V3Error::from_sub_code(sub_code, "injected by the emulator".into());
            return error_reply(shared, &e, None);
        }
        _ => {}
    }
    let now = Instant::now();
    use http::Method as M;
    let outcome = match (method, path) {
        (&M::POST, TOKEN_PATH) => body_params(body, &["grant_type", "code", "refresh_token"])
            .and_then(|params| {
                oauth_token(shared, app, &params, now)
                    .map_err(|(sub, msg)| V3Error::from_sub_code(sub, msg))
            }),
        (&M::GET | &M::POST, USER_INFO_PATH) => {
            let mut params = Params::new();
            // Sent as extra auth info (signed), else in the body or query.
            let token = auth
                .auth_token
                .as_ref()
                .map(|t| t.secret().to_string())
                .or_else(|| {
                    body_params(body, &["auth_token"])
                        .ok()
                        .and_then(|p| p.get("auth_token").map(str::to_string))
                })
                .or_else(|| crate::sign::form::peek(query.as_bytes(), "auth_token"));
            if let Some(t) = token {
                params.set("auth_token", &t);
            }
            user_info(shared, app, &params, now)
                .map(|mut node| {
                    // v3 answers carry no v2 result code.
                    if let Some(m) = node.as_object_mut() {
                        m.remove("code");
                        m.remove("msg");
                    }
                    node
                })
                .map_err(|(sub, msg)| V3Error::from_sub_code(sub, msg))
        }
        (_, TOKEN_PATH | USER_INFO_PATH) => Err(V3Error::new(
            405,
            "invalid-method",
            format!("{method} is not allowed on {path}"),
        )),
        _ => Err(V3Error::new(
            404,
            "invalid-method",
            format!("不存在的接口 (unknown API {path})"),
        )),
    };
    match outcome {
        Ok(node) => {
            let mut reply = signed(shared, 200, node.to_string(), fault.as_ref());
            reply.outcome = Some("ok".into());
            reply
        }
        Err(e) => error_reply(shared, &e, fault.as_ref()),
    }
}

/// Checks the Authorization header, certificate SNs, time and signature;
/// gives the app and the parsed header.
fn check_request<'s, 'h>(
    shared: &'s Shared,
    method: &http::Method,
    path: &str,
    query: &str,
    header: &impl Fn(&str) -> Option<&'h str>,
    body: &[u8],
) -> Result<(&'s AppConfig, ParsedAuthorization), V3Error> {
    let value = header("authorization").ok_or_else(|| {
        V3Error::new(
            401,
            "missing-authorization",
            "缺少Authorization请求头 (missing the Authorization header)",
        )
    })?;
    let auth = v3::parse_authorization(value)
        .map_err(|e| V3Error::new(401, "invalid-authorization", e.to_string()))?;
    let app = shared
        .app(&auth.app_id)
        .ok_or_else(|| V3Error::new(401, "invalid-app-id", "无效的AppID参数 (unknown app_id)"))?;
    if let Some(issued) = &shared.certs {
        let Some(sn) = &auth.app_cert_sn else {
            return Err(V3Error::new(
                401,
                "missing-app-cert-sn",
                "缺少app_cert_sn (certificate mode)",
            ));
        };
        if issued.app_sns.get(&app.app_id) != Some(sn) {
            return Err(V3Error::new(
                401,
                "invalid-app-cert-sn",
                format!("应用公钥证书序列号不匹配 (app_cert_sn {sn})"),
            ));
        }
        match header("alipay-root-cert-sn") {
            Some(root) if root.trim() == issued.root_sn => {}
            Some(root) => {
                return Err(V3Error::new(
                    401,
                    "invalid-alipay-root-cert-sn",
                    format!("支付宝根证书序列号不匹配 (alipay-root-cert-sn {root})"),
                ));
            }
            None => {
                return Err(V3Error::new(
                    401,
                    "missing-alipay-root-cert-sn",
                    "缺少alipay-root-cert-sn请求头 (certificate mode)",
                ));
            }
        }
    }
    let millis: i128 = auth.timestamp.parse().map_err(|_| {
        V3Error::new(
            401,
            "invalid-timestamp",
            "timestamp must be milliseconds since the epoch",
        )
    })?;
    let now = time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
    let drift_ms = (now - millis).unsigned_abs();
    if drift_ms > shared.config.timestamp_window.as_millis() {
        return Err(V3Error::new(
            401,
            "invalid-timestamp",
            format!(
                "非法的时间戳: {} is {} s from now",
                auth.timestamp,
                drift_ms / 1000
            ),
        ));
    }
    let target = if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    };
    let content = v3::content_of(
        &auth.auth_string,
        method.as_str(),
        &target,
        body,
        header("alipay-app-auth-token"),
    );
    if algorithm::verify(&app.public_key, SignType::Rsa2, &content, &auth.sign).is_err() {
        // The echo shows the layout, with any token masked.
        let mut shown = String::from_utf8_lossy(&content).into_owned();
        if let Some(t) = &auth.auth_token {
            shown = shown.replace(t.secret(), &crate::secret::mask(t.secret()));
        }
        return Err(V3Error::new(
            401,
            "invalid-signature",
            format!(
                "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：{}",
                shown.escape_debug()
            ),
        ));
    }
    Ok((app, auth))
}

/// The string fields `names` of a JSON object body.
fn body_params(body: &[u8], names: &[&str]) -> Result<Params, V3Error> {
    let invalid = |why: &str| V3Error::new(400, "invalid-parameter", format!("参数有误: {why}"));
    let value: Value = if body.iter().all(u8::is_ascii_whitespace) {
        Value::Object(Map::new())
    } else {
        serde_json::from_slice(body).map_err(|_| invalid("the body is not JSON"))?
    };
    let object = value
        .as_object()
        .ok_or_else(|| invalid("the body is not a JSON object"))?;
    let mut params = Params::new();
    for name in names {
        match object.get(*name) {
            Some(Value::String(s)) => params.set(*name, s),
            Some(_) => return Err(invalid(&format!("{name} must be a string"))),
            None => {}
        }
    }
    Ok(params)
}

fn error_reply(shared: &Shared, e: &V3Error, fault: Option<&Fault>) -> Reply {
    let trace = random_token("");
    let body = json!({
        "code": e.code,
        "message": e.message,
        "links": [{
            "link": format!("{}/__emulator/health?traceId={trace}", shared.base_url),
            "desc": "the emulator's state",
        }],
    });
    let mut reply = signed(shared, e.status, body.to_string(), fault);
    reply.outcome = Some(e.code.clone());
    reply
}

/// A signed v3 answer, with any fault applied.
fn signed(shared: &Shared, status: u16, body: String, fault: Option<&Fault>) -> Reply {
    let timestamp = v3::now_millis();
    let nonce = v3::random_nonce();
    let key: &PrivateKey = match fault {
        Some(Fault::WrongKey) => shared
            .wrong_key
            .get_or_init(|| PrivateKey::generate(2048).expect("key generation")),
        _ => &shared.config.alipay_key,
    };
    let content = v3::answer_content(&timestamp, &nonce, body.as_bytes());
    let mut reply = Reply::new(status, "application/json; charset=utf-8", body);
    let sign = match algorithm::sign(key, SignType::Rsa2, &content) {
        Ok(s) => s,
        Err(_) => {
            return Reply::new(500, "text/plain; charset=utf-8", "signing failed");
        }
    };
    let sign = match fault {
        Some(Fault::Tamper) => tamper(&sign),
        _ => sign,
    };
    reply
        .headers
        .push(("alipay-trace-id".into(), random_token("")));
    if !matches!(fault, Some(Fault::Unsigned)) {
        reply.headers.push(("alipay-timestamp".into(), timestamp));
        reply.headers.push(("alipay-nonce".into(), nonce));
        reply.headers.push(("alipay-signature".into(), sign));
    }
    match (&shared.certs, fault) {
        (Some(_), Some(Fault::WrongCertSn)) => {
            reply.headers.push(("alipay-sn".into(), "0".repeat(32)));
        }
        (Some(issued), _) => reply
            .headers
            .push(("alipay-sn".into(), issued.alipay_sn.clone())),
        (None, _) => {}
    }
    match fault {
        Some(Fault::Delay(d)) => reply.delay = Some(*d),
        Some(Fault::Truncate) => reply.truncate = true,
        _ => {}
    }
    reply
}
