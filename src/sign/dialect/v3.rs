//! OpenAPI v3 (docs/protocol.md §12): `Authorization: ALIPAY-SHA256withRSA
//! app_id=..,nonce=..,timestamp=..,sign=..` over
//! `<auth string>\n<METHOD>\n<path?query>\n<body>\n` (plus `<app auth token>\n`),
//! answers verified over `<alipay-timestamp>\n<alipay-nonce>\n<body>\n`.

use std::fmt;

use super::{
    Answer, Checked, Dialect, DialectError, Rejection, Request, SignatureStatus, SignedRequest,
    json_variants, key_findings, layout_safe,
};
use crate::secret::{AccessToken, AppAuthToken};
use crate::sign::algorithm::{self, SignType};
use crate::sign::diagnosis::Finding;
use crate::sign::key::{PrivateKey, PublicKey};

/// The scheme word of the `Authorization` header.
pub const SCHEME: &str = "ALIPAY-SHA256withRSA";

/// The signed parts of the `Authorization` header, and the app auth token
/// that is signed but sent in its own header. `Debug` hides the token.
#[derive(Clone)]
pub struct AuthParams {
    pub app_id: String,
    /// Certificate mode: the SN of the app certificate.
    pub app_cert_sn: Option<String>,
    pub nonce: String,
    /// Milliseconds since the epoch, as text.
    pub timestamp: String,
    pub app_auth_token: Option<AppAuthToken>,
    /// A user's access token: the Node SDK has no field for it, and sends
    /// it as extra auth info (`additionalAuthInfo`), appended to the signed
    /// auth string as `,auth_token=..`.
    pub auth_token: Option<AccessToken>,
}

impl fmt::Debug for AuthParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthParams")
            .field("app_id", &self.app_id)
            .field("app_cert_sn", &self.app_cert_sn)
            .field("nonce", &self.nonce)
            .field("timestamp", &self.timestamp)
            .field(
                "app_auth_token",
                &self.app_auth_token.as_ref().map(|_| "[redacted]"),
            )
            .field(
                "auth_token",
                &self.auth_token.as_ref().map(|_| "[redacted]"),
            )
            .finish()
    }
}

const AUTH_VALUE: &[(char, &str)] = &[
    (',', "a comma"),
    ('=', "an equals sign"),
    ('\n', "a newline"),
    (' ', "a space"),
];

impl AuthParams {
    /// `app_id=..[,app_cert_sn=..],nonce=..,timestamp=..[,auth_token=..]`,
    /// the order the Node SDK writes.
    pub fn auth_string(&self) -> String {
        let mut s = format!("app_id={}", self.app_id);
        if let Some(sn) = &self.app_cert_sn {
            s.push_str(&format!(",app_cert_sn={sn}"));
        }
        s.push_str(&format!(
            ",nonce={},timestamp={}",
            self.nonce, self.timestamp
        ));
        if let Some(t) = &self.auth_token {
            s.push_str(&format!(",auth_token={}", t.secret()));
        }
        s
    }

    /// The auth string with the user's token masked, for traces.
    pub fn masked_auth_string(&self) -> String {
        match &self.auth_token {
            Some(t) => self
                .auth_string()
                .replace(t.secret(), &crate::secret::mask(t.secret())),
            None => self.auth_string(),
        }
    }

    fn check(&self) -> Result<(), DialectError> {
        layout_safe("app id", &self.app_id, AUTH_VALUE)?;
        if let Some(sn) = &self.app_cert_sn {
            layout_safe("app certificate SN", sn, AUTH_VALUE)?;
        }
        layout_safe("nonce", &self.nonce, AUTH_VALUE)?;
        layout_safe("timestamp", &self.timestamp, AUTH_VALUE)?;
        if let Some(t) = &self.auth_token
            && (t.secret().is_empty()
                || t.secret()
                    .contains(|c| AUTH_VALUE.iter().any(|(b, _)| *b == c)))
        {
            // The token's value stays out of the error.
            return Err(DialectError::Unsignable {
                field: "access token",
                value: "[redacted]".into(),
                what: "a comma, an equals sign, a space, a newline or nothing",
            });
        }
        if let Some(t) = &self.app_auth_token {
            // The token's value stays out of the error.
            if t.secret().is_empty() || t.secret().contains('\n') {
                return Err(DialectError::Unsignable {
                    field: "app auth token",
                    value: "[redacted]".into(),
                    what: "a newline or nothing",
                });
            }
        }
        Ok(())
    }
}

/// The string to sign of a request.
pub fn sign_content(auth: &AuthParams, method: &str, target: &str, body: &[u8]) -> Vec<u8> {
    content_of(
        &auth.auth_string(),
        method,
        target,
        body,
        auth.app_auth_token.as_ref().map(|t| t.secret()),
    )
}

/// The string to sign from its parts (what a server rebuilds from a
/// received request).
pub fn content_of(
    auth_string: &str,
    method: &str,
    target: &str,
    body: &[u8],
    app_auth_token: Option<&str>,
) -> Vec<u8> {
    let mut out = Vec::new();
    for part in [
        auth_string.as_bytes(),
        method.as_bytes(),
        target.as_bytes(),
        body,
    ] {
        out.extend_from_slice(part);
        out.push(b'\n');
    }
    if let Some(t) = app_auth_token {
        out.extend_from_slice(t.as_bytes());
        out.push(b'\n');
    }
    out
}

/// Milliseconds since the epoch, as text: a v3 timestamp.
pub fn now_millis() -> String {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000).to_string()
}

/// A random (version 4) UUID, the Node SDK's nonce.
pub fn random_nonce() -> String {
    use rand_core::RngCore as _;
    let mut b = [0u8; 16];
    rand_core::OsRng.fill_bytes(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = crate::sign::key::hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// The whole `Authorization` header value.
pub fn authorization(auth: &AuthParams, sign: &str) -> String {
    format!("{SCHEME} {},sign={sign}", auth.auth_string())
}

/// A signed v3 request.
#[derive(Debug, Clone)]
pub struct V3Signed {
    pub auth_string: String,
    pub content: Vec<u8>,
    pub sign: String,
    pub authorization: String,
}

/// Signs a v3 request.
pub fn sign(
    key: &PrivateKey,
    auth: &AuthParams,
    method: &str,
    target: &str,
    body: &[u8],
) -> Result<V3Signed, DialectError> {
    auth.check()?;
    layout_safe(
        "HTTP method",
        method,
        &[('\n', "a newline"), (' ', "a space")],
    )?;
    layout_safe("path", target, &[('\n', "a newline"), (' ', "a space")])?;
    let content = sign_content(auth, method, target, body);
    let sign = algorithm::sign(key, SignType::Rsa2, &content)?;
    Ok(V3Signed {
        auth_string: auth.auth_string(),
        authorization: authorization(auth, &sign),
        content,
        sign,
    })
}

/// An `Authorization` header value taken apart (what a server reads).
/// `Debug` hides the user's token.
#[derive(Clone, PartialEq, Eq)]
pub struct ParsedAuthorization {
    pub app_id: String,
    pub app_cert_sn: Option<String>,
    pub nonce: String,
    pub timestamp: String,
    pub sign: String,
    /// A user's access token sent as extra auth info.
    pub auth_token: Option<AccessToken>,
    /// Everything before `,sign=`, exactly as sent: what was signed.
    pub auth_string: String,
}

impl fmt::Debug for ParsedAuthorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParsedAuthorization")
            .field("app_id", &self.app_id)
            .field("app_cert_sn", &self.app_cert_sn)
            .field("nonce", &self.nonce)
            .field("timestamp", &self.timestamp)
            .field(
                "auth_token",
                &self.auth_token.as_ref().map(|_| "[redacted]"),
            )
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthorizationError {
    #[error("the Authorization header does not start with {SCHEME}")]
    Scheme,
    #[error("the Authorization header lacks {0}")]
    Missing(&'static str),
    #[error("the Authorization header has {0} twice")]
    Duplicate(String),
    #[error("the Authorization header's sign is not its last field")]
    SignNotLast,
}

/// Reads an `Authorization` header value.
pub fn parse_authorization(value: &str) -> Result<ParsedAuthorization, AuthorizationError> {
    let rest = value
        .trim()
        .strip_prefix(SCHEME)
        .and_then(|r| r.strip_prefix(' '))
        .ok_or(AuthorizationError::Scheme)?;
    let mut fields: Vec<(&str, &str)> = Vec::new();
    for part in rest.split(',') {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let k = k.trim();
        if fields.iter().any(|(seen, _)| *seen == k) {
            return Err(AuthorizationError::Duplicate(k.to_string()));
        }
        fields.push((k, v.trim()));
    }
    let get = |name: &'static str| {
        fields
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
            .filter(|v| !v.is_empty())
    };
    let need = |name: &'static str| get(name).ok_or(AuthorizationError::Missing(name));
    let sign = need("sign")?;
    // The signed auth string is the header up to `,sign=`; a field after
    // the signature would be sent unsigned.
    let auth_string = match rest.trim_end().rsplit_once(",sign=") {
        Some((auth, s)) if s.trim() == sign => auth.to_string(),
        _ => return Err(AuthorizationError::SignNotLast),
    };
    Ok(ParsedAuthorization {
        app_id: need("app_id")?,
        app_cert_sn: get("app_cert_sn"),
        nonce: need("nonce")?,
        timestamp: need("timestamp")?,
        sign,
        auth_token: get("auth_token").map(AccessToken::new),
        auth_string,
    })
}

/// The string an answer is signed over.
pub fn answer_content(timestamp: &str, nonce: &str, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(timestamp.len() + nonce.len() + body.len() + 3);
    for part in [timestamp.as_bytes(), nonce.as_bytes(), body] {
        out.extend_from_slice(part);
        out.push(b'\n');
    }
    out
}

/// An answer's signature headers and body.
#[derive(Debug, Clone, Copy)]
pub struct V3Answer<'a> {
    pub status: Option<u16>,
    /// `alipay-timestamp`
    pub timestamp: Option<&'a str>,
    /// `alipay-nonce`
    pub nonce: Option<&'a str>,
    /// `alipay-signature`
    pub signature: Option<&'a str>,
    /// `alipay-sn`: the Alipay certificate that signed (certificate mode).
    pub sn: Option<&'a str>,
    pub body: &'a [u8],
}

/// An error answer: an HTTP error status, or (status unknown) a body with
/// v3's error `code`.
fn is_error(status: Option<u16>, body: &[u8]) -> bool {
    match status {
        Some(s) => s >= 400,
        None => serde_json::from_slice::<serde_json::Value>(body).is_ok_and(|v| {
            v.get("code").is_some_and(|c| c.is_string()) && v.get("message").is_some()
        }),
    }
}

/// Checks an answer with the Alipay public key; in certificate mode the
/// answer must name the configured Alipay certificate (`expected_sn`).
pub fn check_answer(answer: &V3Answer<'_>, key: &PublicKey, expected_sn: Option<&str>) -> Checked {
    let mut checked = Checked {
        content: Vec::new(),
        status: SignatureStatus::Unsigned,
        is_error: is_error(answer.status, answer.body),
        body: answer.body.to_vec(),
    };
    let (timestamp, nonce) = (answer.timestamp.unwrap_or(""), answer.nonce.unwrap_or(""));
    if !timestamp.is_empty() || !nonce.is_empty() {
        checked.content = answer_content(timestamp, nonce, answer.body);
    }
    let Some(signature) = answer.signature.filter(|s| !s.trim().is_empty()) else {
        if !checked.content.is_empty() {
            // Stamped but not signed: not an answer Alipay sends.
            checked.status = SignatureStatus::Invalid(Rejection::UnsignedSuccess);
        }
        return checked;
    };
    if timestamp.is_empty() {
        checked.status = SignatureStatus::Invalid(Rejection::MissingHeader("alipay-timestamp"));
        return checked;
    }
    if nonce.is_empty() {
        checked.status = SignatureStatus::Invalid(Rejection::MissingHeader("alipay-nonce"));
        return checked;
    }
    if let Some(expected) = expected_sn
        && answer.sn.map(str::trim) != Some(expected)
    {
        checked.status = SignatureStatus::Invalid(Rejection::CertSnMismatch {
            expected: expected.to_string(),
            got: answer.sn.unwrap_or("(none)").to_string(),
        });
        return checked;
    }
    checked.status = match algorithm::verify(key, SignType::Rsa2, &checked.content, signature) {
        Ok(()) => SignatureStatus::Valid,
        Err(m) => SignatureStatus::Invalid(Rejection::Invalid(m)),
    };
    checked
}

/// Explains why a v3 answer's signature does not verify.
pub fn diagnose(
    answer: &V3Answer<'_>,
    key: &PublicKey,
    app_key: Option<&PublicKey>,
) -> Vec<Finding> {
    let (Some(signature), Some(timestamp), Some(nonce)) =
        (answer.signature, answer.timestamp, answer.nonce)
    else {
        return vec![Finding::new(
            "unsigned",
            "the answer lacks alipay-signature, alipay-timestamp or alipay-nonce: nothing in it can be trusted",
        )];
    };
    let raw = match algorithm::decode_signature(signature) {
        Ok(r) => r,
        Err(_) => {
            return vec![Finding::new(
                "signature_not_base64",
                "the signature is not valid base64: it was cut or altered in transit",
            )];
        }
    };
    let verifies = |k: &PublicKey, content: &[u8]| {
        algorithm::verify_raw(k, SignType::Rsa2, content, &raw).is_ok()
    };
    let content = answer_content(timestamp, nonce, answer.body);
    let mut findings = key_findings(key, app_key, raw.len(), &|k| verifies(k, &content));
    for (name, variant) in json_variants(answer.body) {
        if verifies(key, &answer_content(timestamp, nonce, &variant)) {
            findings.push(Finding::new(
                "body_reserialised",
                format!("the signature verifies over the body written {name}: the JSON was re-serialised after it was received; verify the exact bytes"),
            ));
            break;
        }
    }
    for (suffix, name) in [(&b"\r\n"[..], "CRLF"), (&b"\n"[..], "newline")] {
        if let Some(stripped) = answer.body.strip_suffix(suffix) {
            if verifies(key, &answer_content(timestamp, nonce, stripped)) {
                findings.push(Finding::new(
                    "trailing_newline",
                    format!("the signature verifies without the body's trailing {name}: the file has a line ending that was not signed"),
                ));
            }
            break;
        }
    }
    if verifies(key, &answer_content(nonce, timestamp, answer.body)) {
        findings.push(Finding::new(
            "timestamp_nonce_swapped",
            "the signature verifies with the timestamp and the nonce swapped",
        ));
    }
    if !findings.iter().any(|f| f.code != "alipay_key_is_app_key") {
        findings.push(Finding::new(
            "no_match",
            "the signature was not made over this timestamp, nonce and body with this key: compare them byte for byte with the answer's alipay-timestamp and alipay-nonce headers and raw body, and check the key",
        ));
    }
    findings
}

/// OpenAPI v3 as a [`Dialect`]: one request's auth parameters, and what
/// certificate mode adds.
#[derive(Debug, Clone)]
pub struct V3Dialect {
    pub auth: AuthParams,
    /// Certificate mode: sent as `alipay-root-cert-sn`.
    pub alipay_root_cert_sn: Option<String>,
    /// Certificate mode: the SN answers must name in `alipay-sn`.
    pub alipay_cert_sn: Option<String>,
}

impl Dialect for V3Dialect {
    fn name(&self) -> &'static str {
        "v3"
    }

    fn sign_request(
        &self,
        request: &Request<'_>,
        key: &PrivateKey,
    ) -> Result<SignedRequest, DialectError> {
        let signed = sign(
            key,
            &self.auth,
            request.method,
            &request.target(),
            request.body,
        )?;
        let mut headers = vec![("authorization", signed.authorization)];
        if let Some(t) = &self.auth.app_auth_token {
            headers.push(("alipay-app-auth-token", t.secret().to_string()));
        }
        if let Some(sn) = &self.alipay_root_cert_sn {
            headers.push(("alipay-root-cert-sn", sn.clone()));
        }
        Ok(SignedRequest {
            content: signed.content,
            signature: signed.sign,
            headers,
        })
    }

    fn check_answer(
        &self,
        _request: &Request<'_>,
        answer: &Answer<'_>,
        key: &PublicKey,
    ) -> Checked {
        let read = || -> Result<V3Answer<'_>, Rejection> {
            Ok(V3Answer {
                status: answer.status,
                timestamp: answer.header("alipay-timestamp")?,
                nonce: answer.header("alipay-nonce")?,
                signature: answer.header("alipay-signature")?,
                sn: answer.header("alipay-sn")?,
                body: answer.body,
            })
        };
        match read() {
            Ok(a) => check_answer(&a, key, self.alipay_cert_sn.as_deref()),
            Err(r) => Checked {
                content: Vec::new(),
                status: SignatureStatus::Invalid(r),
                is_error: false,
                body: answer.body.to_vec(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Verdict;
    use super::*;

    fn auth() -> AuthParams {
        AuthParams {
            app_id: "2021000000000000".into(),
            app_cert_sn: None,
            nonce: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0".into(),
            timestamp: "1704135845000".into(),
            app_auth_token: None,
            auth_token: None,
        }
    }

    #[test]
    fn layout_of_the_string_to_sign_and_header() {
        let mut a = auth();
        assert_eq!(
            sign_content(&a, "POST", "/v3/alipay/system/oauth/token?x=1", b"{}"),
            b"app_id=2021000000000000,nonce=0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,timestamp=1704135845000\nPOST\n/v3/alipay/system/oauth/token?x=1\n{}\n".to_vec()
        );
        a.app_cert_sn = Some("abc".into());
        a.app_auth_token = Some(AppAuthToken::new("tok"));
        let c = String::from_utf8(sign_content(&a, "GET", "/v3/x", b"")).unwrap();
        assert_eq!(
            c,
            "app_id=2021000000000000,app_cert_sn=abc,nonce=0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,timestamp=1704135845000\nGET\n/v3/x\n\ntok\n"
        );
        assert!(!format!("{a:?}").contains("tok\""));
        assert_eq!(
            authorization(&auth(), "c2ln"),
            "ALIPAY-SHA256withRSA app_id=2021000000000000,nonce=0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,timestamp=1704135845000,sign=c2ln"
        );
    }

    #[test]
    fn signing_round_trips_through_the_parser() {
        let key = PrivateKey::generate(2048).unwrap();
        let s = sign(&key, &auth(), "POST", "/v3/a", b"{\"a\":1}").unwrap();
        let p = parse_authorization(&s.authorization).unwrap();
        assert_eq!(p.app_id, "2021000000000000");
        assert_eq!(p.sign, s.sign);
        assert!(algorithm::verify(&key.public_key(), SignType::Rsa2, &s.content, &p.sign).is_ok());
        let mut bad = auth();
        bad.nonce = "a,b".into();
        assert!(matches!(
            sign(&key, &bad, "POST", "/v3/a", b""),
            Err(DialectError::Unsignable { field: "nonce", .. })
        ));
        assert_eq!(
            parse_authorization("Bearer x"),
            Err(AuthorizationError::Scheme)
        );
        assert_eq!(
            parse_authorization("ALIPAY-SHA256withRSA app_id=1,nonce=n,sign=s"),
            Err(AuthorizationError::Missing("timestamp"))
        );
        // A user's token rides in the signed auth string, hidden in Debug.
        let mut with_token = auth();
        with_token.auth_token = Some(AccessToken::new("authusrB1"));
        let s = sign(&key, &with_token, "GET", "/v3/a", b"").unwrap();
        assert!(s.auth_string.ends_with(",auth_token=authusrB1"));
        let p = parse_authorization(&s.authorization).unwrap();
        assert_eq!(p.auth_string, s.auth_string);
        assert_eq!(p.auth_token.as_ref().map(|t| t.secret()), Some("authusrB1"));
        assert!(!format!("{p:?} {with_token:?}").contains("authusrB1"));
        assert!(!with_token.masked_auth_string().contains("authusrB1"));
        // A field after the signature would go unsigned.
        assert_eq!(
            parse_authorization(&format!("{},extra=x", s.authorization)),
            Err(AuthorizationError::SignNotLast)
        );
        with_token.auth_token = Some(AccessToken::new("a,b"));
        assert!(sign(&key, &with_token, "GET", "/v3/a", b"").is_err());
    }

    #[test]
    fn answers_fail_closed_and_check_the_certificate_sn() {
        let alipay = PrivateKey::generate(2048).unwrap();
        let public = alipay.public_key();
        let body = br#"{"access_token":"t"}"#;
        let sig =
            algorithm::sign(&alipay, SignType::Rsa2, &answer_content("1700", "n1", body)).unwrap();
        let a = V3Answer {
            status: Some(200),
            timestamp: Some("1700"),
            nonce: Some("n1"),
            signature: Some(&sig),
            sn: Some("sn1"),
            body,
        };
        assert!(matches!(
            check_answer(&a, &public, None).verdict(),
            Verdict::Trusted(_)
        ));
        assert!(matches!(
            check_answer(&a, &public, Some("sn1")).verdict(),
            Verdict::Trusted(_)
        ));
        assert!(matches!(
            check_answer(&a, &public, Some("sn2")).verdict(),
            Verdict::Rejected(Rejection::CertSnMismatch { .. })
        ));
        let tampered = V3Answer {
            body: br#"{"access_token":"u"}"#,
            ..a
        };
        assert!(matches!(
            check_answer(&tampered, &public, None).verdict(),
            Verdict::Rejected(Rejection::Invalid(_))
        ));
        let unsigned = V3Answer {
            signature: None,
            timestamp: None,
            nonce: None,
            ..a
        };
        assert!(matches!(
            check_answer(&unsigned, &public, None).verdict(),
            Verdict::Rejected(Rejection::UnsignedSuccess)
        ));
        let error = V3Answer {
            status: Some(400),
            body: br#"{"code":"invalid-parameter","message":"m"}"#,
            ..unsigned
        };
        assert!(matches!(
            check_answer(&error, &public, None).verdict(),
            Verdict::UnsignedError(_)
        ));
        let no_nonce = V3Answer { nonce: None, ..a };
        assert!(matches!(
            check_answer(&no_nonce, &public, None).verdict(),
            Verdict::Rejected(Rejection::MissingHeader("alipay-nonce"))
        ));
        let reformatted = V3Answer {
            body: b"{\"access_token\": \"t\"}",
            ..a
        };
        let codes: Vec<_> = diagnose(&reformatted, &public, None)
            .into_iter()
            .map(|f| f.code)
            .collect();
        assert_eq!(codes, vec!["body_reserialised"]);
    }
}
