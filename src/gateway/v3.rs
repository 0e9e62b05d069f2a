//! The OpenAPI v3 client (docs/protocol.md §12): a request signed into its
//! `Authorization` header, sent to the origin of the v2 gateway URL, and its
//! answer verified fail-closed from the `alipay-timestamp`, `alipay-nonce`
//! and `alipay-signature` headers (and `alipay-sn` in certificate mode).
//! Preparing and interpreting are pure; only [`super::Client::send_v3`]
//! touches the network.

use serde_json::Value;

use super::alipay_error::AlipayError;
use super::client::{
    Call, CallRecord, ClientConfig, MAX_RESPONSE_BYTES, http_status_error, mask_sent, too_large,
};
use super::error::GatewayError;
use crate::secret::AccessToken;
use crate::sign::dialect::v3::{self, AuthParams, V3Dialect};
use crate::sign::dialect::{Answer, Dialect, Request, SignatureStatus, Verdict};
use crate::sign::response::{self, Rejection};

/// The token API.
pub const TOKEN_PATH: &str = "/v3/alipay/system/oauth/token";
/// The user information API.
pub const USER_INFO_PATH: &str = "/v3/alipay/user/info/share";

/// A signed v3 request, ready to send. It holds the signature and any
/// token in the clear, so its `Debug` shows only the masked forms.
#[derive(Clone)]
pub struct V3Prepared {
    /// `GET`, `POST`...
    pub http_method: String,
    /// The full URL: the gateway's origin, the path and the query.
    pub url: url::Url,
    /// The path and query as signed.
    pub target: String,
    /// The exact body bytes sent and signed.
    pub body: Vec<u8>,
    /// The headers to send besides the body's content type.
    pub headers: Vec<(&'static str, String)>,
    /// A user's access token is in the Authorization header.
    pub carries_token: bool,
    /// The token call's grant_type: what a lost answer costs.
    pub grant_type: Option<String>,
    /// What signed it, and checks the answer (certificate mode's SN).
    dialect: V3Dialect,
    /// The Authorization header with any token and the signature masked.
    shown_authorization: String,
    /// The string to sign with any token masked.
    masked_content: String,
    sign: String,
    secrets: Vec<String>,
}

impl V3Prepared {
    /// The string to sign, any token masked.
    pub fn masked_content(&self) -> &str {
        &self.masked_content
    }

    /// The Authorization header value, token and signature masked.
    pub fn shown_authorization(&self) -> &str {
        &self.shown_authorization
    }

    /// Every secret value sent, to mask in what the answer echoes.
    pub(super) fn sent_secrets(&self) -> Vec<&str> {
        self.secrets.iter().map(String::as_str).collect()
    }
}

impl std::fmt::Debug for V3Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("V3Prepared")
            .field("http_method", &self.http_method)
            .field("url", &self.url.as_str())
            .field("authorization", &self.shown_authorization)
            .finish_non_exhaustive()
    }
}

/// Why a v3 request cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum V3RequestError {
    #[error("the OpenAPI v3 path {0:?} does not start with /v3/")]
    Path(String),
    #[error("the HTTP method {0:?} is not one of GET, POST, PUT, PATCH, DELETE")]
    Method(String),
    #[error("a {0} request carries no body")]
    BodyNotAllowed(String),
    #[error("the gateway URL {0} has no origin to send OpenAPI v3 requests to")]
    NoOrigin(String),
}

/// Builds and signs a v3 request at `timestamp` with `nonce`. No clock, no
/// network: the same inputs give the same bytes.
#[allow(clippy::too_many_arguments)]
pub fn prepare(
    cfg: &ClientConfig,
    http_method: &str,
    path: &str,
    query: &[(String, String)],
    body: &[u8],
    auth_token: Option<&AccessToken>,
    nonce: String,
    timestamp: String,
) -> Result<V3Prepared, GatewayError> {
    let http_method = http_method.to_ascii_uppercase();
    if !matches!(
        http_method.as_str(),
        "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
    ) {
        return Err(V3RequestError::Method(http_method).into());
    }
    if !path.starts_with("/v3/") || path.contains(['?', '#']) {
        return Err(V3RequestError::Path(path.to_string()).into());
    }
    if matches!(http_method.as_str(), "GET") && !body.is_empty() {
        return Err(V3RequestError::BodyNotAllowed(http_method).into());
    }
    // v3 lives at the origin of the v2 gateway; its path and query go.
    let mut url = cfg.gateway.clone();
    if url.cannot_be_a_base() || url.host_str().is_none() {
        return Err(V3RequestError::NoOrigin(cfg.gateway.to_string()).into());
    }
    url.set_fragment(None);
    url.set_query(None);
    url.set_path(path);
    if !query.is_empty() {
        url.query_pairs_mut().extend_pairs(query);
    }
    // What goes on the wire is what is signed.
    let target = match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    };
    let dialect = V3Dialect {
        auth: AuthParams {
            app_id: cfg.app_id.clone(),
            app_cert_sn: cfg.cert.as_ref().map(|c| c.app_cert_sn.clone()),
            nonce,
            timestamp,
            app_auth_token: None,
            auth_token: auth_token.cloned(),
        },
        alipay_root_cert_sn: cfg.cert.as_ref().map(|c| c.alipay_root_cert_sn.clone()),
        alipay_cert_sn: cfg.cert.as_ref().map(|c| c.alipay_cert_sn.clone()),
    };
    let (path_only, query_only) = match target.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (target.as_str(), None),
    };
    let request = Request {
        method: &http_method,
        path: path_only,
        query: query_only,
        body,
    };
    let signed = dialect.sign_request(&request, &cfg.private_key)?;
    let masked_auth = dialect.auth.masked_auth_string();
    let mut secrets = vec![signed.signature.clone()];
    if let Some(t) = auth_token {
        secrets.push(t.secret().to_string());
    }
    // An auth code or refresh token in the body is masked in traces, and
    // wherever the answer echoes it.
    if let Ok(v) = serde_json::from_slice::<Value>(body) {
        body_secrets(&v, &mut secrets);
    }
    let masked_content = mask_sent(
        &String::from_utf8_lossy(&v3::content_of(
            &masked_auth,
            &http_method,
            &target,
            body,
            None,
        )),
        &secrets.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let grant_type = if path == TOKEN_PATH {
        serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|v| v.get("grant_type")?.as_str().map(str::to_string))
    } else {
        None
    };
    let mut headers = signed.headers;
    if !body.is_empty() {
        headers.push(("content-type", "application/json".into()));
    }
    Ok(V3Prepared {
        http_method,
        url,
        target,
        body: body.to_vec(),
        headers,
        carries_token: auth_token.is_some(),
        grant_type,
        dialect,
        shown_authorization: format!(
            "{} {masked_auth},sign={}",
            v3::SCHEME,
            crate::secret::mask(&signed.signature)
        ),
        masked_content,
        sign: signed.signature,
        secrets,
    })
}

/// The values of secret fields (`code`, `refresh_token`...) of a request body.
fn body_secrets(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match v {
                    Value::String(s) if crate::sign::content::is_secret_param(k) => {
                        out.push(s.clone());
                    }
                    other => body_secrets(other, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| body_secrets(i, out)),
        _ => {}
    }
}

/// A v3 answer as received.
#[derive(Debug, Clone)]
pub struct V3Received {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body, read up to one byte past [`MAX_RESPONSE_BYTES`].
    pub body: Vec<u8>,
}

impl V3Received {
    fn trace_id(&self) -> Option<String> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("alipay-trace-id"))
            .map(|(_, v)| v.clone())
    }
}

/// What [`interpret`] made of an answer.
#[derive(Debug)]
pub struct V3Interpreted {
    pub signature: Option<SignatureStatus>,
    pub result: Result<Call, GatewayError>,
}

/// Turns an answer into its verified body or a typed error, fail-closed:
/// a success is used only when signed by Alipay's key (and, in certificate
/// mode, naming the configured Alipay certificate); an error body is
/// reported as Alipay's error, marked unsigned when it is.
pub fn interpret(
    cfg: &ClientConfig,
    prepared: &V3Prepared,
    received: &V3Received,
) -> V3Interpreted {
    let failed = |e: GatewayError| V3Interpreted {
        signature: None,
        result: Err(e),
    };
    let raw = received.body.as_slice();
    if raw.len() as u64 > MAX_RESPONSE_BYTES {
        return failed(too_large(cfg));
    }
    let secrets = prepared.sent_secrets();
    let status = received.status;
    let error_body = serde_json::from_slice::<Value>(raw)
        .ok()
        .filter(|v| v.get("code").is_some_and(Value::is_string));
    // An HTTP error without a v3 error body is a proxy's or a server's page.
    if !(200..300).contains(&status) && (status < 400 || error_body.is_none()) {
        let text = mask_sent(&String::from_utf8_lossy(raw), &secrets);
        return failed(http_status_error(cfg, status, &text));
    }
    let (path, query) = match prepared.target.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (prepared.target.as_str(), None),
    };
    let request = Request {
        method: &prepared.http_method,
        path,
        query,
        body: &prepared.body,
    };
    let answer = Answer {
        status: Some(status),
        headers: &received.headers,
        body: raw,
    };
    let checked = prepared
        .dialect
        .check_answer(&request, &answer, &cfg.alipay_public_key);
    let what = format!("{} {}", prepared.http_method, path);
    let record = CallRecord {
        method: what.clone(),
        url: prepared.url.as_str().to_string(),
        sign_content: prepared.masked_content.clone(),
        sign: prepared.sign.clone(),
        status,
        trace_id: received.trace_id(),
        node: "body".into(),
        verified: match &checked.status {
            SignatureStatus::Valid => response::SignatureStatus::Valid {
                unescaped_slashes: false,
            },
            SignatureStatus::Unsigned => response::SignatureStatus::Unsigned,
            SignatureStatus::Invalid(crate::sign::dialect::Rejection::Invalid(m)) => {
                response::SignatureStatus::Invalid(m.clone())
            }
            // Not a signature that failed to verify, but no valid one.
            SignatureStatus::Invalid(_) => response::SignatureStatus::Unsigned,
        },
    };
    let alipay_error = |v: &Value, signed: bool| {
        let field = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let code = field("code").unwrap_or_else(|| "(none)".into());
        // v3's message is where v2 puts sub_msg: it is what may echo the
        // string to sign (compared with ours, written as the echo writes it).
        GatewayError::Alipay(Box::new(AlipayError {
            method: what.clone(),
            msg: None,
            sub_code: None,
            code,
            sub_msg: field("message").map(|m| mask_sent(&m, &secrets)),
            trace_id: received.trace_id(),
            signed,
            our_sign_content: Some(prepared.masked_content.escape_debug().to_string()),
        }))
    };
    let result = match checked.verdict() {
        Verdict::Trusted(v) if status >= 400 => Err(alipay_error(&v, true)),
        Verdict::Trusted(node) => Ok(Call {
            node,
            raw_node: String::from_utf8_lossy(raw).into_owned(),
            record,
        }),
        Verdict::UnsignedError(v) => Err(alipay_error(&v, false)),
        Verdict::Rejected(rejection) => {
            let app_public = cfg.private_key.public_key();
            let v3_answer = v3::V3Answer {
                status: Some(status),
                timestamp: answer.header("alipay-timestamp").ok().flatten(),
                nonce: answer.header("alipay-nonce").ok().flatten(),
                signature: answer.header("alipay-signature").ok().flatten(),
                sn: answer.header("alipay-sn").ok().flatten(),
                body: raw,
            };
            let findings = match &rejection {
                crate::sign::dialect::Rejection::Invalid(_)
                | crate::sign::dialect::Rejection::UnsignedSuccess => {
                    v3::diagnose(&v3_answer, &cfg.alipay_public_key, Some(&app_public))
                }
                _ => Vec::new(),
            };
            let hint = match &rejection {
                crate::sign::dialect::Rejection::CertSnMismatch { .. } => {
                    "Alipay rotated its certificate, or the certificate files belong to another app: download the current alipayCertPublicKey_RSA2.crt"
                }
                _ => {
                    "nothing from this response was used; check that the Alipay public key is the one for this app and environment"
                }
            };
            Err(GatewayError::Signature {
                rejection: Rejection::Answer(rejection),
                hint: Some(hint.into()),
                findings,
            })
        }
    };
    V3Interpreted {
        signature: Some(checked.status),
        result,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gateway::ProxyConfig;
    use crate::sign::{PrivateKey, SignType, algorithm};
    use std::time::Duration;

    const TOKEN: &str = "authusrB5a3f0c9a8b7c6d5e4f";

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

    fn config() -> ClientConfig {
        let (app, alipay) = keys();
        ClientConfig {
            gateway: "https://openapi.alipay.com/gateway.do?charset=utf-8"
                .parse()
                .unwrap(),
            app_id: "2021000000000001".into(),
            private_key: app,
            alipay_public_key: alipay.public_key(),
            sign_type: SignType::Rsa2,
            charset: crate::sign::Charset::Utf8,
            connect_timeout: Duration::from_secs(1),
            request_timeout: Duration::from_secs(1),
            proxy: ProxyConfig::default(),
            cert: None,
        }
    }

    fn user_request(cfg: &ClientConfig) -> V3Prepared {
        let token = AccessToken::new(TOKEN);
        prepare(
            cfg,
            "get",
            USER_INFO_PATH,
            &[("scene".into(), "a b".into())],
            b"",
            Some(&token),
            "n-1".into(),
            "1704135845000".into(),
        )
        .unwrap()
    }

    #[test]
    fn prepare_signs_what_goes_on_the_wire_at_the_gateway_origin() {
        let cfg = config();
        let p = user_request(&cfg);
        assert_eq!(
            p.url.as_str(),
            "https://openapi.alipay.com/v3/alipay/user/info/share?scene=a+b"
        );
        assert_eq!(p.http_method, "GET");
        assert_eq!(p.target, "/v3/alipay/user/info/share?scene=a+b");
        let authorization = &p.headers[0].1;
        let parsed = v3::parse_authorization(authorization).unwrap();
        assert_eq!(parsed.auth_token.as_ref().map(|t| t.secret()), Some(TOKEN));
        let content = v3::content_of(&parsed.auth_string, "GET", &p.target, b"", None);
        assert!(
            algorithm::verify(
                &keys().0.public_key(),
                SignType::Rsa2,
                &content,
                &parsed.sign
            )
            .is_ok()
        );
        // Pure, and nothing secret in what is shown.
        assert_eq!(user_request(&cfg).headers, p.headers);
        for shown in [
            p.shown_authorization().to_string(),
            p.masked_content().to_string(),
            format!("{p:?}"),
        ] {
            assert!(!shown.contains(TOKEN), "{shown}");
            assert!(!shown.contains(&p.sign), "{shown}");
        }
        assert!(p.carries_token);
        for (method, path, body) in [
            ("FETCH", USER_INFO_PATH, &b""[..]),
            ("POST", "/gateway.do", b""),
            ("POST", "/v3/a?b=1", b""),
            ("GET", USER_INFO_PATH, b"{}"),
        ] {
            assert!(
                prepare(&cfg, method, path, &[], body, None, "n".into(), "1".into()).is_err(),
                "{method} {path}"
            );
        }
    }

    fn answer(status: u16, body: &str, signer: Option<&PrivateKey>) -> V3Received {
        let mut headers = vec![("alipay-trace-id".to_string(), "t1".to_string())];
        if let Some(key) = signer {
            let sig = algorithm::sign(
                key,
                SignType::Rsa2,
                &v3::answer_content("1700", "n2", body.as_bytes()),
            )
            .unwrap();
            headers.push(("alipay-timestamp".into(), "1700".into()));
            headers.push(("alipay-nonce".into(), "n2".into()));
            headers.push(("alipay-signature".into(), sig));
        }
        V3Received {
            status,
            headers,
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn interpret_uses_only_signed_answers_and_reports_error_bodies() {
        let cfg = config();
        let p = user_request(&cfg);
        let (app, alipay) = keys();
        let ok = interpret(
            &cfg,
            &p,
            &answer(200, r#"{"nick_name":"n"}"#, Some(&alipay)),
        );
        let call = ok.result.unwrap();
        assert_eq!(call.node["nick_name"], "n");
        assert_eq!(call.record.trace_id.as_deref(), Some("t1"));

        for (received, what) in [
            (answer(200, r#"{"nick_name":"n"}"#, None), "unsigned"),
            (answer(200, r#"{"nick_name":"n"}"#, Some(&app)), "app key"),
            (
                {
                    let mut a = answer(200, r#"{"nick_name":"n"}"#, Some(&alipay));
                    a.body = br#"{"nick_name":"m"}"#.to_vec();
                    a
                },
                "tampered",
            ),
        ] {
            match interpret(&cfg, &p, &received).result {
                Err(GatewayError::Signature { .. }) => {}
                other => panic!("{what}: {other:?}"),
            }
        }

        let body = format!(
            r#"{{"code":"invalid-auth-token","message":"token {TOKEN} is bad","links":[]}}"#
        );
        for (signer, signed) in [(Some(&alipay), true), (None, false)] {
            match interpret(&cfg, &p, &answer(401, &body, signer)).result {
                Err(GatewayError::Alipay(e)) => {
                    assert_eq!(e.code, "invalid-auth-token");
                    assert_eq!(e.signed, signed);
                    assert!(e.is_access_token_refused());
                    assert!(!e.sub_msg.unwrap().contains(TOKEN));
                }
                other => panic!("{other:?}"),
            }
        }
        // An error page without a v3 body is the network's.
        match interpret(&cfg, &p, &answer(502, "<html>bad gateway</html>", None)).result {
            Err(GatewayError::Network(crate::gateway::network::NetworkError::Status {
                status: 502,
                ..
            })) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn certificate_mode_checks_alipay_sn() {
        let mut cfg = config();
        cfg.cert = Some(crate::gateway::CertMode {
            app_cert_sn: "app-sn".into(),
            alipay_root_cert_sn: "root-sn".into(),
            alipay_cert_sn: "alipay-sn".into(),
        });
        let p = user_request(&cfg);
        assert!(
            p.headers
                .contains(&("alipay-root-cert-sn", "root-sn".into()))
        );
        assert!(p.headers[0].1.contains(",app_cert_sn=app-sn,"));
        let alipay = keys().1;
        let mut a = answer(200, "{}", Some(&alipay));
        assert!(matches!(
            interpret(&cfg, &p, &a).result,
            Err(GatewayError::Signature { .. })
        ));
        a.headers.push(("alipay-sn".into(), "alipay-sn".into()));
        assert!(interpret(&cfg, &p, &a).result.is_ok());
    }
}
