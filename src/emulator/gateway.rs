//! `/gateway.do`: the v2 gateway, checking requests and signing answers as
//! Alipay does (docs/protocol.md §3 to §6, §9).

use std::sync::atomic::Ordering;
use std::time::Instant;

use base64::Engine as _;
use serde_json::{Map, Value, json};
use time::OffsetDateTime;

use super::faults::{Fault, code_for};
use super::state::Refusal;
use super::users::{open_id, union_id};
use super::{AppConfig, Reply, Shared};
use crate::protocol::v2::{format_timestamp, parse_timestamp};
use crate::sign::form;
use crate::sign::{Charset, Params, PrivateKey, Rule, SignType, algorithm};

/// What a business handler answers: a node, or a business error.
type Outcome = Result<Value, (&'static str, String)>;

/// The unsigned `error_response` of a gateway-level failure.
fn gateway_error(charset: Charset, sub_code: &str, sub_msg: &str) -> Reply {
    let (code, msg) = code_for(sub_code);
    let node = json!({"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": sub_msg});
    let body = format!(
        "{{\"error_response\":{}}}",
        escape_slashes(&node.to_string())
    );
    let mut reply = json_reply(charset, &body);
    reply.outcome = Some(format!("{code} {sub_code}"));
    reply
}

/// Alipay writes `/` as `\/` in the JSON it signs.
fn escape_slashes(text: &str) -> String {
    text.replace('/', "\\/")
}

fn json_reply(charset: Charset, body: &str) -> Reply {
    let bytes = charset
        .encode(body)
        .map(|b| b.into_owned())
        .unwrap_or_else(|_| body.as_bytes().to_vec());
    let mut reply = Reply::new(200, &format!("application/json;charset={charset}"), bytes);
    reply
        .headers
        .push(("trace_id".into(), super::state::random_token("")));
    reply
}

pub(super) fn handle(shared: &Shared, query: &[u8], body: &[u8]) -> Reply {
    // The gateway reads `charset` from the query string, then decodes
    // everything in it.
    let charset = match form::peek(query, "charset") {
        Some(label) => match label.parse::<Charset>() {
            Ok(c) => c,
            Err(_) => {
                return gateway_error(
                    Charset::Utf8,
                    "isv.invalid-charset",
                    &format!("字符集错误: charset {label:?} is not supported (utf-8, gbk)"),
                );
            }
        },
        None => {
            let why = if form::peek(body, "charset").is_some() {
                "charset must be in the URL query string, not the body"
            } else {
                "charset is missing from the URL query string"
            };
            return gateway_error(Charset::Utf8, "isv.invalid-charset", why);
        }
    };
    let mut pairs = match form::decode(query, charset) {
        Ok(p) => p,
        Err(e) => {
            return gateway_error(
                charset,
                "isv.invalid-charset",
                &format!("the query is not valid {charset}: {e}"),
            );
        }
    };
    match form::decode(body, charset) {
        Ok(b) => pairs.extend(b),
        Err(e) => {
            return gateway_error(
                charset,
                "isv.invalid-charset",
                &format!("the body is not valid {charset}: {e}"),
            );
        }
    }
    let params = match Params::from_pairs(pairs) {
        Ok(p) => p,
        Err(e) => return gateway_error(charset, "isv.invalid-parameter", &e.to_string()),
    };

    let require = |name: &str, sub_code: &str| -> Result<String, Reply> {
        params
            .get(name)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .ok_or_else(|| {
                gateway_error(
                    charset,
                    sub_code,
                    &format!("缺少{name}参数 (missing {name})"),
                )
            })
    };
    let checked = (|| -> Result<(String, &AppConfig, SignType, String), Reply> {
        let app_id = require("app_id", "isv.missing-app-id")?;
        let app = shared.app(&app_id).ok_or_else(|| {
            gateway_error(
                charset,
                "isv.invalid-app-id",
                "无效的AppID参数 (unknown app_id)",
            )
        })?;
        let method = require("method", "isv.missing-method")?;
        let sign = require("sign", "isv.missing-signature")?;
        let sign_type = require("sign_type", "isv.missing-signature-type")?
            .parse::<SignType>()
            .map_err(|_| {
                gateway_error(
                    charset,
                    "isv.invalid-signature-type",
                    "无效的签名类型 (use RSA2 or RSA)",
                )
            })?;
        require("version", "isv.missing-version")?;
        let timestamp = require("timestamp", "isv.missing-timestamp")?;
        let at = parse_timestamp(&timestamp).map_err(|_| {
            gateway_error(
                charset,
                "isv.invalid-timestamp",
                "非法的时间戳参数 (expected yyyy-MM-dd HH:mm:ss)",
            )
        })?;
        let drift = (OffsetDateTime::now_utc() - at).abs();
        if drift > shared.config.timestamp_window {
            return Err(gateway_error(
                charset,
                "isv.invalid-timestamp",
                &format!(
                    "非法的时间戳参数: {timestamp} is {} s from Beijing time {}",
                    drift.whole_seconds(),
                    format_timestamp(OffsetDateTime::now_utc())
                ),
            ));
        }
        if let Some(issued) = &shared.certs {
            let app_sn = require("app_cert_sn", "isv.missing-app-cert-sn")?;
            if issued.app_sns.get(&app_id) != Some(&app_sn) {
                return Err(gateway_error(
                    charset,
                    "isv.invalid-app-cert-sn",
                    &format!(
                        "应用公钥证书序列号不匹配 (app_cert_sn {app_sn} is not the SN of this app's certificate)"
                    ),
                ));
            }
            let root_sn = require("alipay_root_cert_sn", "isv.missing-alipay-root-cert-sn")?;
            if root_sn != issued.root_sn {
                return Err(gateway_error(
                    charset,
                    "isv.invalid-alipay-root-cert-sn",
                    &format!("支付宝根证书序列号不匹配 (alipay_root_cert_sn {root_sn})"),
                ));
            }
        }
        let content = params.sign_content(Rule::V2);
        let valid = charset.encode(&content).is_ok_and(|bytes| {
            algorithm::verify(&app.public_key, sign_type, &bytes, &sign).is_ok()
        });
        if !valid {
            return Err(gateway_error(
                charset,
                "isv.invalid-signature",
                &format!(
                    "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：{content}"
                ),
            ));
        }
        Ok((app_id, app, sign_type, method))
    })();
    let (_, app, sign_type, method) = match checked {
        Ok(c) => c,
        Err(reply) => return reply,
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
            let (code, msg) = code_for(sub_code);
            let node = json!({"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": "injected by the emulator"});
            return signed(
                shared,
                charset,
                sign_type,
                &response_node(&method),
                node,
                None,
            );
        }
        _ => {}
    }

    let now = Instant::now();
    let (node_name, outcome) = match method.as_str() {
        "alipay.system.oauth.token" => (
            "error_response".to_string(),
            oauth_token(shared, app, &params, now),
        ),
        "alipay.user.info.share" => (response_node(&method), user_info(shared, app, &params, now)),
        // A method the gateway does not serve: a signed error_response, as
        // Alipay answers a well-signed request for an unknown method.
        _ => (
            "error_response".to_string(),
            Err((
                "isv.invalid-method",
                format!("不存在的方法名 (unknown method {method:?})"),
            )),
        ),
    };
    match outcome {
        Ok(node) => signed(
            shared,
            charset,
            sign_type,
            &response_node(&method),
            node,
            fault.as_ref(),
        ),
        Err((sub_code, sub_msg)) => {
            let (code, msg) = code_for(sub_code);
            let node = json!({"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": sub_msg});
            // Token errors come as a signed error_response, user-info errors
            // in the method's own node, as the real gateway answers them.
            signed(shared, charset, sign_type, &node_name, node, fault.as_ref())
        }
    }
}

fn response_node(method: &str) -> String {
    crate::sign::response::node_name(method)
}

/// A signed response body, with any fault applied.
fn signed(
    shared: &Shared,
    charset: Charset,
    sign_type: SignType,
    node_name: &str,
    node: Value,
    fault: Option<&Fault>,
) -> Reply {
    let text = escape_slashes(&node.to_string());
    let Ok(bytes) = charset.encode(&text) else {
        return gateway_error(
            charset,
            "isp.unknow-error",
            "the answer cannot be encoded in the request charset",
        );
    };
    let key: &PrivateKey = match fault {
        Some(Fault::WrongKey) => shared
            .wrong_key
            .get_or_init(|| PrivateKey::generate(2048).expect("key generation")),
        _ => &shared.config.alipay_key,
    };
    let sign = match algorithm::sign(key, sign_type, &bytes) {
        Ok(s) => s,
        Err(_) => return gateway_error(charset, "isp.unknow-error", "signing failed"),
    };
    let sign = match fault {
        Some(Fault::Tamper) => tamper(&sign),
        _ => sign,
    };
    let cert_sn = match (&shared.certs, fault) {
        (Some(_), Some(Fault::WrongCertSn)) => {
            format!(",\"alipay_cert_sn\":\"{}\"", "0".repeat(32))
        }
        (Some(issued), _) => format!(",\"alipay_cert_sn\":\"{}\"", issued.alipay_sn),
        (None, _) => String::new(),
    };
    let body = match fault {
        Some(Fault::Unsigned) => format!("{{\"{node_name}\":{text}{cert_sn}}}"),
        _ => format!("{{\"{node_name}\":{text},\"sign\":\"{sign}\"{cert_sn}}}"),
    };
    let mut reply = json_reply(charset, &body);
    // A successful token node has no code: Alipay's success is 10000.
    let field = |k: &str| node.get(k).and_then(Value::as_str).map(str::to_string);
    let code = field("code").unwrap_or_else(|| "10000".into());
    reply.outcome = Some(match field("sub_code") {
        Some(sub_code) => format!("{code} {sub_code}"),
        None => code,
    });
    match fault {
        Some(Fault::Delay(d)) => reply.delay = Some(*d),
        Some(Fault::Truncate) => reply.truncate = true,
        _ => {}
    }
    reply
}

/// Flips one bit of a signature, keeping it valid base64 of the right length.
pub(super) fn tamper(sign: &str) -> String {
    let engine = base64::engine::general_purpose::STANDARD;
    match engine.decode(sign) {
        Ok(mut raw) if !raw.is_empty() => {
            let mid = raw.len() / 2;
            raw[mid] ^= 0x01;
            engine.encode(raw)
        }
        _ => format!("x{sign}"),
    }
}

pub(super) fn oauth_token(
    shared: &Shared,
    app: &AppConfig,
    params: &Params,
    now: Instant,
) -> Outcome {
    let grant = match params.get("grant_type").unwrap_or("") {
        "authorization_code" => {
            let code = params.get("code").unwrap_or("");
            let refused = |why: &str| ("isv.code-invalid", format!("授权码code无效 ({why})"));
            match shared.state().redeem_code(code, &app.app_id, now) {
                Ok(g) => (g.user, g.scopes, true),
                Err(Refusal::Unknown) => return Err(refused("unknown or already used")),
                Err(Refusal::Expired) => return Err(refused("expired")),
                Err(Refusal::OtherApp) => return Err(refused("issued to another app")),
            }
        }
        "refresh_token" => {
            let token = params.get("refresh_token").unwrap_or("");
            match shared.state().redeem_refresh(token, &app.app_id, now) {
                Ok(g) => (g.user, g.scopes, false),
                Err(Refusal::Expired) => {
                    return Err((
                        "isv.refresh-token-time-out",
                        "刷新令牌refresh_token已过期".into(),
                    ));
                }
                Err(_) => {
                    return Err((
                        "isv.refresh-token-invalid",
                        "刷新令牌refresh_token无效 (unknown or already used)".into(),
                    ));
                }
            }
        }
        other => {
            return Err((
                "isv.grant-type-invalid",
                format!("grant_type {other:?} 无效 (authorization_code or refresh_token)"),
            ));
        }
    };
    let (user, scopes, new_authorization) = grant;
    let lifetimes = shared.config.lifetimes;
    let (access, refresh) = shared.state().issue_tokens(
        &app.app_id,
        user,
        scopes,
        &lifetimes,
        new_authorization,
        now,
    );
    shared.stats.tokens_issued.fetch_add(1, Ordering::Relaxed);
    let u = &shared.config.users[user];
    let mut node = Map::new();
    node.insert("access_token".into(), json!(access));
    if app.id_mode.user_id() {
        node.insert("alipay_user_id".into(), json!(u.user_id));
    }
    node.insert(
        "auth_start".into(),
        json!(format_timestamp(OffsetDateTime::now_utc())),
    );
    node.insert("expires_in".into(), json!(lifetimes.access.as_secs()));
    node.insert("re_expires_in".into(), json!(lifetimes.refresh.as_secs()));
    node.insert("refresh_token".into(), json!(refresh));
    ids(&mut node, app, u);
    // Like the sandbox, a successful token node has no code/msg.
    Ok(Value::Object(node))
}

fn ids(node: &mut Map<String, Value>, app: &AppConfig, u: &super::users::TestUser) {
    if app.id_mode.user_id() {
        node.insert("user_id".into(), json!(u.user_id));
    }
    if app.id_mode.open_id() {
        node.insert("open_id".into(), json!(open_id(&app.app_id, u)));
    }
    if let Some(group) = &app.group {
        node.insert("union_id".into(), json!(union_id(group, u)));
    }
}

pub(super) fn user_info(
    shared: &Shared,
    app: &AppConfig,
    params: &Params,
    now: Instant,
) -> Outcome {
    let Some(token) = params.get("auth_token").filter(|t| !t.is_empty()) else {
        return Err((
            "isv.missing-auth-token",
            "缺少auth_token参数 (missing auth_token)".into(),
        ));
    };
    let grant = match shared.state().check_access(token, &app.app_id, now) {
        Ok(g) => g,
        Err(Refusal::Expired) => return Err(("aop.auth-token-time-out", "访问令牌已过期".into())),
        Err(_) => return Err(("aop.invalid-auth-token", "无效的访问令牌".into())),
    };
    if !app.member_info {
        return Err((
            "isv.insufficient-isv-permissions",
            "ISV权限不足，建议在开发者中心检查对应功能是否已经添加 (the app lacks member info)"
                .into(),
        ));
    }
    if !grant.scopes.auth_user {
        return Err((
            "isv.insufficient-user-permissions",
            "用户未授权 (the token was granted with auth_base; authorize with auth_user)".into(),
        ));
    }
    let u = &shared.config.users[grant.user];
    let mut node = Map::new();
    node.insert("code".into(), json!("10000"));
    node.insert("msg".into(), json!("Success"));
    node.insert("avatar".into(), json!(u.avatar));
    for (k, v) in [
        ("city", u.city),
        ("gender", u.gender),
        ("province", u.province),
    ] {
        // Alipay leaves out what the user has not filled in.
        if !v.is_empty() {
            node.insert(k.into(), json!(v));
        }
    }
    node.insert("country_code".into(), json!("CN"));
    node.insert("is_certified".into(), json!(u.is_certified));
    node.insert("nick_name".into(), json!(u.nick_name));
    ids(&mut node, app, u);
    node.insert("user_status".into(), json!("T"));
    node.insert("user_type".into(), json!(u.user_type));
    Ok(Value::Object(node))
}
