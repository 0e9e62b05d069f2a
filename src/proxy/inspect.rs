//! What one exchange seen by the proxy says: which dialect it speaks, who
//! it is for, and whether the request's and the answer's signatures verify,
//! with the same diagnosis `verify` gives when one does not. Pure: bytes in,
//! a report out, so recorded exchanges can be checked the same way.

use serde::Serialize;

use crate::gateway::alipay_error::{SignContentDiff, echoed_sign_content, mask_sign_content};
use crate::sign::dialect::header::{self, HeaderDialect};
use crate::sign::dialect::v3::{self, V3Answer};
use crate::sign::dialect::{self, Dialect as _};
use crate::sign::form;
use crate::sign::response::{self, SignatureStatus, code_str};
use crate::sign::{Charset, Params, PublicKey, Rule, SignType, algorithm, diagnosis};

/// The keys the signatures are checked with.
#[derive(Debug, Clone)]
pub struct Keys {
    /// The app's (merchant's) public key: requests are signed with its pair.
    pub app: PublicKey,
    /// Alipay's public key (or the Alipay certificate's): answers.
    pub alipay: PublicKey,
    /// Certificate mode: the SN answers must name.
    pub alipay_cert_sn: Option<String>,
}

/// Which signing dialect an exchange speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DialectKind {
    /// The v2 gateway's signed form parameters.
    V2,
    /// OpenAPI v3: `Authorization: ALIPAY-SHA256withRSA ...`.
    V3,
    /// Antom / Alipay+: `Signature` beside `Client-Id`.
    Header,
    /// None of them: forwarded, nothing checked.
    Unknown,
}

/// How one side's signature fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Valid,
    Invalid,
    Absent,
}

/// Which side of the exchange a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Request,
    Response,
}

/// One explanation, as `verify` gives it, with the side it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub side: Side,
    pub code: &'static str,
    pub message: String,
}

/// A request as the application sent it.
#[derive(Debug, Clone, Copy)]
pub struct SeenRequest<'a> {
    pub method: &'a str,
    pub path: &'a str,
    /// Without `?`; empty when none.
    pub query: &'a str,
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

impl SeenRequest<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The path and `?query`, as received.
    pub fn target(&self) -> String {
        if self.query.is_empty() {
            self.path.to_string()
        } else {
            format!("{}?{}", self.path, self.query)
        }
    }
}

/// An answer as the upstream gave it.
#[derive(Debug, Clone, Copy)]
pub struct SeenAnswer<'a> {
    pub status: u16,
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

/// What the proxy found out about one exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspection {
    pub dialect: DialectKind,
    /// The API method (v2), else the HTTP method and path.
    pub method: String,
    pub app_id: Option<String>,
    /// v2 and v3: the answer's `code`; header: `result.resultStatus`.
    pub code: Option<String>,
    /// v2: `sub_code`; header: `result.resultCode`.
    pub sub_code: Option<String>,
    pub request: Verdict,
    pub response: Verdict,
    pub diagnosis: Vec<Finding>,
    /// The request's charset (v2), for masking and recording.
    pub charset: Charset,
    /// Credentials seen (tokens, codes, the request's signature), raw and
    /// decoded, for masking what is shown or recorded. Alipay's signatures
    /// over answers are not among them: they authorise nothing, and a
    /// recorded answer must still verify when replayed.
    pub secrets: Vec<String>,
}

impl Inspection {
    fn new(dialect: DialectKind, method: String) -> Inspection {
        Inspection {
            dialect,
            method,
            app_id: None,
            code: None,
            sub_code: None,
            request: Verdict::Absent,
            response: Verdict::Absent,
            diagnosis: Vec::new(),
            charset: Charset::Utf8,
            secrets: Vec::new(),
        }
    }

    fn add(&mut self, side: Side, found: impl IntoIterator<Item = diagnosis::Finding>) {
        self.diagnosis.extend(found.into_iter().map(|f| Finding {
            side,
            code: f.code,
            message: f.message,
        }));
    }

    fn note(&mut self, side: Side, code: &'static str, message: impl Into<String>) {
        self.diagnosis.push(Finding {
            side,
            code,
            message: message.into(),
        });
    }
}

/// Tells the dialect of a request from where its signature travels.
pub fn detect(request: &SeenRequest<'_>) -> DialectKind {
    if request
        .header("authorization")
        .is_some_and(|a| a.starts_with(v3::SCHEME))
    {
        return DialectKind::V3;
    }
    if request.header("signature").is_some() && request.header("client-id").is_some() {
        return DialectKind::Header;
    }
    let has_sign = |bytes: &[u8]| form::peek(bytes, "sign").is_some();
    if request.path.ends_with("/gateway.do")
        || has_sign(request.query.as_bytes())
        || has_sign(request.body)
    {
        return DialectKind::V2;
    }
    DialectKind::Unknown
}

/// Inspects one exchange.
pub fn inspect(request: &SeenRequest<'_>, answer: &SeenAnswer<'_>, keys: &Keys) -> Inspection {
    match detect(request) {
        DialectKind::V2 => v2(request, answer, keys),
        DialectKind::V3 => v3_exchange(request, answer, keys),
        DialectKind::Header => header_exchange(request, answer, keys),
        DialectKind::Unknown => Inspection::new(
            DialectKind::Unknown,
            format!("{} {}", request.method, request.path),
        ),
    }
}

fn v2(request: &SeenRequest<'_>, answer: &SeenAnswer<'_>, keys: &Keys) -> Inspection {
    let mut ins = Inspection::new(
        DialectKind::V2,
        format!("{} {}", request.method, request.path),
    );
    // The gateway reads the charset from the query string (protocol §3.1).
    let label = form::peek(request.query.as_bytes(), "charset")
        .or_else(|| form::peek(request.body, "charset"));
    let charset = match label.as_deref().map(str::parse::<Charset>) {
        Some(Ok(c)) => c,
        Some(Err(_)) => {
            ins.note(
                Side::Request,
                "charset",
                format!(
                    "the request's charset {:?} is neither utf-8 nor gbk",
                    label.unwrap_or_default()
                ),
            );
            Charset::Utf8
        }
        None => Charset::Utf8,
    };
    ins.charset = charset;
    let mut pairs = Vec::new();
    for (part, bytes) in [("query", request.query.as_bytes()), ("body", request.body)] {
        // A JSON or empty body carries no form parameters.
        if part == "body" && !looks_like_form(request) {
            continue;
        }
        match form::decode(bytes, charset) {
            Ok(p) => pairs.extend(p),
            Err(e) => ins.note(
                Side::Request,
                "form",
                format!("the request {part} is not a {charset} form: {e}"),
            ),
        }
    }
    for (k, v) in &pairs {
        if crate::sign::content::is_secret_param(k) && !v.is_empty() {
            ins.secrets.push(v.clone());
            if let Ok(encoded) = form::encode_component(v, charset) {
                ins.secrets.push(encoded);
            }
        }
    }
    let params = match Params::from_pairs(pairs) {
        Ok(p) => p,
        Err(e) => {
            ins.request = Verdict::Invalid;
            ins.note(Side::Request, "params", e.to_string());
            return ins;
        }
    };
    ins.app_id = params.get("app_id").map(str::to_string);
    let method = params.get("method").map(str::to_string);
    if let Some(m) = &method {
        ins.method = m.clone();
    }
    let sign_type = match params.get("sign_type").map(str::parse::<SignType>) {
        Some(Ok(t)) => t,
        Some(Err(_)) => {
            ins.note(
                Side::Request,
                "sign_type",
                "the request's sign_type is neither RSA2 nor RSA",
            );
            SignType::Rsa2
        }
        None => SignType::Rsa2,
    };
    let ours = params.sign_content(Rule::V2);
    match params.get("sign").filter(|s| !s.is_empty()) {
        None => ins.request = Verdict::Absent,
        Some(sign) => match charset.encode(&ours) {
            Err(e) => {
                ins.request = Verdict::Invalid;
                ins.note(Side::Request, "charset", e.to_string());
            }
            Ok(content) => {
                if algorithm::verify(&keys.app, sign_type, &content, sign).is_ok() {
                    ins.request = Verdict::Valid;
                } else {
                    ins.request = Verdict::Invalid;
                    let found = diagnosis::diagnose(&diagnosis::Case {
                        content: &content,
                        signature: Some(sign),
                        sign_type,
                        charset,
                        key: &keys.app,
                        app_key: None,
                    });
                    ins.add(Side::Request, found);
                }
            }
        },
    }

    let checked = match response::check(
        answer.body,
        method.as_deref(),
        charset,
        sign_type,
        &keys.alipay,
    ) {
        Ok(c) => c,
        Err(e) => {
            // A gateway page, a 5xx: nothing signed to check.
            if answer.status < 400 {
                ins.response = Verdict::Invalid;
                ins.note(Side::Response, "malformed", e.to_string());
            }
            return ins;
        }
    };
    let ex = &checked.extracted;
    let node = checked.node_json().ok();
    if let Some(node) = &node {
        ins.code = node.get("code").and_then(code_str);
        ins.sub_code = node.get("sub_code").and_then(code_str);
    }
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(answer.body) {
        collect_json_secrets(&v, false, &mut ins.secrets);
    }
    ins.response = match &checked.status {
        SignatureStatus::Valid { .. } => Verdict::Valid,
        SignatureStatus::Unsigned => Verdict::Absent,
        SignatureStatus::Invalid(_) => Verdict::Invalid,
    };
    let is_error = node
        .as_ref()
        .is_some_and(|n| response::is_error_node(&ex.node, n));
    match &checked.status {
        SignatureStatus::Valid { .. } => {
            if let Some(expected) = &keys.alipay_cert_sn
                && ex.alipay_cert_sn.as_deref() != Some(expected.as_str())
            {
                ins.response = Verdict::Invalid;
                ins.note(
                    Side::Response,
                    "cert_sn_mismatch",
                    format!(
                        "the response names Alipay certificate SN {} but the given certificate has SN {expected}: Alipay rotated its certificate, or the certificate belongs to another app",
                        ex.alipay_cert_sn.as_deref().unwrap_or("(none)")
                    ),
                );
            }
        }
        // Gateway-level errors come unsigned; a success must not.
        SignatureStatus::Unsigned if is_error => {}
        _ => {
            let found = diagnosis::diagnose(&diagnosis::Case {
                content: &ex.content,
                signature: ex.sign.as_deref(),
                sign_type,
                charset,
                key: &keys.alipay,
                app_key: Some(&keys.app),
            });
            if checked.status == SignatureStatus::Unsigned {
                ins.response = Verdict::Invalid;
            }
            ins.add(Side::Response, found);
        }
    }

    // isv.invalid-signature: the gateway's echoed string to sign beside the
    // one recomputed from the request the application sent.
    if ins.sub_code.as_deref() == Some("isv.invalid-signature")
        && let Some(theirs) = node
            .as_ref()
            .and_then(|n| n.get("sub_msg"))
            .and_then(|s| s.as_str())
            .and_then(echoed_sign_content)
    {
        let diff = SignContentDiff::new(ours, theirs);
        ins.note(
            Side::Request,
            "gateway_sign_content",
            format!("the gateway verified: {}", diff.theirs),
        );
        ins.note(
            Side::Request,
            "request_sign_content",
            format!("recomputed from the request: {}", diff.ours),
        );
        for line in diff.lines {
            ins.note(Side::Request, "sign_content_diff", line);
        }
    } else if ins.request == Verdict::Invalid {
        ins.note(
            Side::Request,
            "request_sign_content",
            format!("recomputed from the request: {}", mask_sign_content(&ours)),
        );
    }
    ins
}

/// Whether the body is a form (what v2 SDKs send), not JSON or a file.
fn looks_like_form(request: &SeenRequest<'_>) -> bool {
    if request.body.is_empty() {
        return false;
    }
    match request.header("content-type") {
        Some(t) => t
            .to_ascii_lowercase()
            .starts_with("application/x-www-form-urlencoded"),
        None => !request.body.trim_ascii_start().starts_with(b"{"),
    }
}

/// A secret parameter's name, in snake_case (v2, v3) or camelCase (Antom's
/// `accessToken`, `authCode`).
fn is_secret_name(name: &str) -> bool {
    let mut snake = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            snake.push('_');
            snake.push(c.to_ascii_lowercase());
        } else {
            snake.push(c);
        }
    }
    crate::sign::content::is_secret_param(&snake)
}

/// Secret values in a JSON body. In an answer `code` is Alipay's result
/// code; in a request (v3's token call) it is the auth code.
fn collect_json_secrets(v: &serde_json::Value, in_request: bool, out: &mut Vec<String>) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match v {
                    Value::String(s) if (in_request || k != "code") && is_secret_name(k) => {
                        out.push(s.clone());
                        out.push(s.replace('/', "\\/"));
                    }
                    _ => collect_json_secrets(v, in_request, out),
                }
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|i| collect_json_secrets(i, in_request, out)),
        _ => {}
    }
}

fn v3_exchange(request: &SeenRequest<'_>, answer: &SeenAnswer<'_>, keys: &Keys) -> Inspection {
    let target = request.target();
    let mut ins = Inspection::new(
        DialectKind::V3,
        format!("{} {}", request.method, request.path),
    );
    let authorization = request.header("authorization").unwrap_or_default();
    let token = request.header("alipay-app-auth-token");
    if let Some(t) = token {
        ins.secrets.push(t.to_string());
    }
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(request.body) {
        collect_json_secrets(&v, true, &mut ins.secrets);
    }
    match v3::parse_authorization(authorization) {
        Err(e) => {
            ins.request = Verdict::Invalid;
            ins.note(Side::Request, "authorization", e.to_string());
        }
        Ok(parsed) => {
            ins.app_id = Some(parsed.app_id.clone());
            ins.secrets.push(parsed.sign.clone());
            // A user's token sent as extra auth info is masked like the rest.
            if let Some(t) = &parsed.auth_token {
                ins.secrets.push(t.secret().to_string());
            }
            // The signed auth string is the header's own text before
            // `,sign=`, in whatever order the SDK wrote it.
            let auth_string = authorization
                .trim()
                .strip_prefix(v3::SCHEME)
                .map(str::trim_start)
                .and_then(|rest| rest.rsplit_once(",sign=").map(|(a, _)| a))
                .unwrap_or_default();
            let content = |target: &str, body: &[u8]| {
                let mut out = Vec::new();
                for part in [
                    auth_string.as_bytes(),
                    request.method.as_bytes(),
                    target.as_bytes(),
                    body,
                ] {
                    out.extend_from_slice(part);
                    out.push(b'\n');
                }
                if let Some(t) = token {
                    out.extend_from_slice(t.as_bytes());
                    out.push(b'\n');
                }
                out
            };
            let verifies =
                |c: &[u8]| algorithm::verify(&keys.app, SignType::Rsa2, c, &parsed.sign).is_ok();
            if verifies(&content(&target, request.body)) {
                ins.request = Verdict::Valid;
            } else {
                ins.request = Verdict::Invalid;
                v3_request_causes(&mut ins, request, &target, &content, &verifies);
            }
        }
    }
    let header = |name: &str| {
        answer
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    };
    let seen = V3Answer {
        status: Some(answer.status),
        timestamp: header("alipay-timestamp"),
        nonce: header("alipay-nonce"),
        signature: header("alipay-signature"),
        sn: header("alipay-sn"),
        body: answer.body,
    };
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(answer.body) {
        ins.code = v.get("code").and_then(code_str);
        collect_json_secrets(&v, false, &mut ins.secrets);
    }
    let checked = v3::check_answer(&seen, &keys.alipay, keys.alipay_cert_sn.as_deref());
    settle_dialect_answer(&mut ins, &checked, || {
        v3::diagnose(&seen, &keys.alipay, Some(&keys.app))
    });
    ins
}

fn header_exchange(request: &SeenRequest<'_>, answer: &SeenAnswer<'_>, keys: &Keys) -> Inspection {
    let target = request.target();
    let mut ins = Inspection::new(
        DialectKind::Header,
        format!("{} {}", request.method, request.path),
    );
    let client_id = request.header("client-id").unwrap_or_default();
    let time = request.header("request-time").unwrap_or_default();
    let signature = request.header("signature").unwrap_or_default();
    ins.app_id = Some(client_id.to_string());
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(request.body) {
        collect_json_secrets(&v, true, &mut ins.secrets);
    }
    if let Ok(p) = header::parse_signature(signature) {
        ins.secrets.push(p.raw);
        ins.secrets.push(p.base64);
    }
    let message = header::Message {
        method: request.method,
        target: &target,
        client_id,
        time,
        body: request.body,
    };
    ins.request = match header::check(&keys.app, &message, signature) {
        dialect::SignatureStatus::Valid => Verdict::Valid,
        dialect::SignatureStatus::Unsigned => Verdict::Absent,
        dialect::SignatureStatus::Invalid(_) => {
            let found = header::diagnose(&header::Case {
                message,
                signature,
                key: &keys.app,
                app_key: None,
                other_times: &[],
            });
            ins.add(Side::Request, found);
            Verdict::Invalid
        }
    };
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(answer.body) {
        ins.code = v.pointer("/result/resultStatus").and_then(code_str);
        ins.sub_code = v.pointer("/result/resultCode").and_then(code_str);
        collect_json_secrets(&v, false, &mut ins.secrets);
    }
    let d = HeaderDialect {
        client_id: client_id.to_string(),
        key_version: 1,
        request_time: time.to_string(),
    };
    let req = dialect::Request {
        method: request.method,
        path: request.path,
        query: Some(request.query),
        body: request.body,
    };
    let ans = dialect::Answer {
        status: Some(answer.status),
        headers: answer.headers,
        body: answer.body,
    };
    let checked = d.check_answer(&req, &ans, &keys.alipay);
    let answer_signature = ans.header("signature").ok().flatten().unwrap_or_default();
    let response_time = ans
        .header("response-time")
        .ok()
        .flatten()
        .unwrap_or_default();
    let other_times = [time];
    settle_dialect_answer(&mut ins, &checked, || {
        header::diagnose(&header::Case {
            message: header::Message {
                method: request.method,
                target: &target,
                client_id,
                time: response_time,
                body: answer.body,
            },
            signature: answer_signature,
            key: &keys.alipay,
            app_key: Some(&keys.app),
            other_times: &other_times,
        })
    });
    ins
}

/// Why a v3 request's signature fails: each cause is named only when
/// trying it makes the signature verify.
fn v3_request_causes(
    ins: &mut Inspection,
    request: &SeenRequest<'_>,
    target: &str,
    content: &dyn Fn(&str, &[u8]) -> Vec<u8>,
    verifies: &dyn Fn(&[u8]) -> bool,
) {
    let before = ins.diagnosis.len();
    if let Some((name, _)) = dialect::json_variants(request.body)
        .into_iter()
        .find(|(_, variant)| verifies(&content(target, variant)))
    {
        ins.note(
            Side::Request,
            "body_reserialised",
            format!("the signature verifies over the body written {name}: the application signed one serialisation of the JSON and sent another; sign the exact bytes sent"),
        );
    }
    if !request.query.is_empty() && verifies(&content(request.path, request.body)) {
        ins.note(
            Side::Request,
            "query_not_signed",
            "the signature verifies over the path without its query string: the query was added after signing, or the signer left it out",
        );
    }
    if ins.diagnosis.len() == before {
        ins.note(
            Side::Request,
            "no_match",
            "the request signature does not verify with the app public key: the private key does not match the app public key in the console, or the method, path, query or body changed after signing",
        );
    }
}

/// The answer's verdict of a header dialect (v3, Antom): an unsigned
/// failure is absent, an unsigned success or a bad signature invalid.
fn settle_dialect_answer(
    ins: &mut Inspection,
    checked: &dialect::Checked,
    diagnose: impl FnOnce() -> Vec<diagnosis::Finding>,
) {
    match &checked.status {
        dialect::SignatureStatus::Valid => ins.response = Verdict::Valid,
        dialect::SignatureStatus::Unsigned if checked.is_error => ins.response = Verdict::Absent,
        dialect::SignatureStatus::Unsigned => {
            ins.response = Verdict::Invalid;
            ins.note(
                Side::Response,
                "unsigned",
                dialect::Rejection::UnsignedSuccess.to_string(),
            );
        }
        dialect::SignatureStatus::Invalid(r) => {
            ins.response = Verdict::Invalid;
            ins.note(Side::Response, "rejected", r.to_string());
            if matches!(r, dialect::Rejection::Invalid(_)) {
                ins.add(Side::Response, diagnose());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::PrivateKey;

    fn keys() -> &'static (PrivateKey, PrivateKey, Keys) {
        static KEYS: std::sync::OnceLock<(PrivateKey, PrivateKey, Keys)> =
            std::sync::OnceLock::new();
        KEYS.get_or_init(|| {
            let app = PrivateKey::generate(2048).unwrap();
            let alipay = PrivateKey::generate(2048).unwrap();
            let keys = Keys {
                app: app.public_key(),
                alipay: alipay.public_key(),
                alipay_cert_sn: None,
            };
            (app, alipay, keys)
        })
    }

    fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// An Antom exchange as it crosses the wire: the request signed by the
    /// merchant, the answer by Alipay over the request's path with its own
    /// Response-Time.
    #[test]
    fn the_header_dialect_is_checked_on_both_sides() {
        let (app, alipay, keys) = keys();
        let path = "/ams/api/v1/authorizations/applyToken";
        let body = br#"{"grantType":"AUTHORIZATION_CODE","authCode":"663A8FA9"}"#;
        let (rt, st) = ("2024-01-02T03:04:05+08:00", "2024-01-02T03:04:06+08:00");
        let signed = header::sign(app, 1, "POST", path, "SANDBOX_5Y", rt, body).unwrap();
        let headers = h(&[
            ("Client-Id", "SANDBOX_5Y"),
            ("Request-Time", rt),
            ("Signature", &signed.header),
            ("Content-Type", "application/json"),
        ]);
        let request = SeenRequest {
            method: "POST",
            path,
            query: "",
            headers: &headers,
            body,
        };
        let answer_body =
            br#"{"result":{"resultStatus":"S","resultCode":"SUCCESS"},"accessToken":"281006AA"}"#;
        let answered =
            header::sign(alipay, 1, "POST", path, "SANDBOX_5Y", st, answer_body).unwrap();
        let answer_headers = h(&[
            ("client-id", "SANDBOX_5Y"),
            ("response-time", st),
            ("signature", &answered.header),
        ]);
        let answer = SeenAnswer {
            status: 200,
            headers: &answer_headers,
            body: answer_body,
        };
        let ins = inspect(&request, &answer, keys);
        assert_eq!(ins.dialect, DialectKind::Header);
        assert_eq!(ins.app_id.as_deref(), Some("SANDBOX_5Y"));
        assert_eq!(
            (ins.request, ins.response),
            (Verdict::Valid, Verdict::Valid)
        );
        assert_eq!(ins.code.as_deref(), Some("S"));
        assert_eq!(ins.sub_code.as_deref(), Some("SUCCESS"));
        // Antom's camelCase secrets, both ways, are known for masking.
        assert!(ins.secrets.iter().any(|s| s == "281006AA"));
        assert!(ins.secrets.iter().any(|s| s == "663A8FA9"));

        // The answer signed with the request's time: invalid, and said so.
        let wrong_time =
            header::sign(alipay, 1, "POST", path, "SANDBOX_5Y", rt, answer_body).unwrap();
        let answer_headers = h(&[("response-time", st), ("signature", &wrong_time.header)]);
        let ins = inspect(
            &request,
            &SeenAnswer {
                headers: &answer_headers,
                ..answer
            },
            keys,
        );
        assert_eq!(ins.response, Verdict::Invalid);
        assert!(
            ins.diagnosis.iter().any(|f| f.code == "time_mismatch"),
            "{:?}",
            ins.diagnosis
        );

        // The merchant signed with another key.
        let other = PrivateKey::generate(2048).unwrap();
        let bad = header::sign(&other, 1, "POST", path, "SANDBOX_5Y", rt, body).unwrap();
        let headers = h(&[
            ("Client-Id", "SANDBOX_5Y"),
            ("Request-Time", rt),
            ("Signature", &bad.header),
        ]);
        let ins = inspect(
            &SeenRequest {
                headers: &headers,
                ..request
            },
            &answer,
            keys,
        );
        assert_eq!(
            (ins.request, ins.response),
            (Verdict::Invalid, Verdict::Valid)
        );
        assert!(ins.diagnosis.iter().any(|f| f.side == Side::Request));

        // An unsigned failure is reported as absent, an unsigned success refused.
        let fail = br#"{"result":{"resultStatus":"F","resultCode":"INVALID_CLIENT"}}"#;
        let ins = inspect(
            &request,
            &SeenAnswer {
                status: 200,
                headers: &[],
                body: fail,
            },
            keys,
        );
        assert_eq!(ins.response, Verdict::Absent);
        let ins = inspect(
            &request,
            &SeenAnswer {
                status: 200,
                headers: &[],
                body: answer_body,
            },
            keys,
        );
        assert_eq!(ins.response, Verdict::Invalid);
    }

    /// A v3 exchange from its recorded bytes: the request's Authorization
    /// checked with the app key, the answer's alipay-* headers with Alipay's.
    #[test]
    fn v3_requests_and_answers_are_checked_and_explained() {
        let (app, alipay, keys) = keys();
        let auth = v3::AuthParams {
            app_id: "2021000000000000".into(),
            app_cert_sn: None,
            nonce: "0f1e2d3c".into(),
            timestamp: "1704135845000".into(),
            app_auth_token: None,
            auth_token: None,
        };
        let path = "/v3/alipay/system/oauth/token";
        let body =
            br#"{"grant_type":"authorization_code","code":"4b203fe6c11548bcabd8da5bb087a83b"}"#;
        let signed = v3::sign(app, &auth, "POST", path, body).unwrap();
        let headers = h(&[("Authorization", &signed.authorization)]);
        let request = SeenRequest {
            method: "POST",
            path,
            query: "",
            headers: &headers,
            body,
        };
        let answer_body = br#"{"access_token":"authusrB0123456789abcdef"}"#;
        let sig = algorithm::sign(
            alipay,
            SignType::Rsa2,
            &v3::answer_content("1704135846000", "n1", answer_body),
        )
        .unwrap();
        let answer_headers = h(&[
            ("alipay-timestamp", "1704135846000"),
            ("alipay-nonce", "n1"),
            ("alipay-signature", &sig),
        ]);
        let answer = SeenAnswer {
            status: 200,
            headers: &answer_headers,
            body: answer_body,
        };
        let ins = inspect(&request, &answer, keys);
        assert_eq!(ins.dialect, DialectKind::V3);
        assert_eq!(
            (ins.request, ins.response),
            (Verdict::Valid, Verdict::Valid)
        );
        assert_eq!(ins.app_id.as_deref(), Some("2021000000000000"));
        for secret in [
            "4b203fe6c11548bcabd8da5bb087a83b",
            "authusrB0123456789abcdef",
        ] {
            assert!(ins.secrets.iter().any(|s| s == secret), "{secret}");
        }

        // Sent with spaces after the separators, signed compact.
        let spaced =
            br#"{"grant_type": "authorization_code", "code": "4b203fe6c11548bcabd8da5bb087a83b"}"#;
        let ins = inspect(
            &SeenRequest {
                body: spaced,
                ..request
            },
            &answer,
            keys,
        );
        assert_eq!(ins.request, Verdict::Invalid);
        let found: Vec<_> = ins.diagnosis.iter().map(|f| f.code).collect();
        assert_eq!(found, vec!["body_reserialised"], "{:?}", ins.diagnosis);

        // A query added after signing.
        let ins = inspect(
            &SeenRequest {
                query: "x=1",
                ..request
            },
            &answer,
            keys,
        );
        let found: Vec<_> = ins.diagnosis.iter().map(|f| f.code).collect();
        assert_eq!(found, vec!["query_not_signed"], "{:?}", ins.diagnosis);

        // A tampered answer.
        let ins = inspect(
            &request,
            &SeenAnswer {
                body: br#"{"access_token":"authusrB0123456789abcdeX"}"#,
                ..answer
            },
            keys,
        );
        assert_eq!(
            (ins.request, ins.response),
            (Verdict::Valid, Verdict::Invalid)
        );
        assert!(
            ins.diagnosis.iter().any(|f| f.code == "no_match"),
            "{:?}",
            ins.diagnosis
        );
    }

    /// Hostile or broken traffic is reported, never a panic.
    #[test]
    fn broken_exchanges_are_reported_not_trusted() {
        let (_, _, keys) = keys();
        let auth = h(&[(
            "Authorization",
            "ALIPAY-SHA256withRSA app_id=1,sign=x,sign=y",
        )]);
        let antom = h(&[
            ("Signature", "algorithm=RSA1,signature=%zz"),
            ("Client-Id", "C"),
        ]);
        let form = h(&[("Content-Type", "application/x-www-form-urlencoded")]);
        type Headers<'a> = &'a [(String, String)];
        let requests: Vec<(&str, &str, Headers, &[u8])> = vec![
            (
                "/gateway.do",
                "charset=GBK&sign=%FF%FE",
                &form,
                b"biz_content=%81",
            ),
            ("/gateway.do", "app_id=1&app_id=2&sign=s", &[], b""),
            ("/gateway.do", "charset=latin-1&sign=s", &[], b""),
            ("/v3/x", "", &auth, b"{"),
            ("/ams/api/v1/x", "", &antom, b"\xff"),
        ];
        let answers: [&[u8]; 5] = [
            b"",
            b"{\"error_response\":{\"code\":\"40002\"",
            b"{\"a_response\":{},\"a_response\":{},\"sign\":\"x\"}",
            b"<html>502</html>",
            b"{\"alipay_x_response\":{\"code\":\"10000\"}}",
        ];
        for (path, query, headers, body) in &requests {
            for answer in answers {
                let ins = inspect(
                    &SeenRequest {
                        method: "POST",
                        path,
                        query,
                        headers,
                        body,
                    },
                    &SeenAnswer {
                        status: 200,
                        headers: &[],
                        body: answer,
                    },
                    keys,
                );
                assert_ne!(ins.request, Verdict::Valid, "{path}?{query}");
                assert_ne!(ins.response, Verdict::Valid, "{path}: {answer:?}");
            }
        }
    }

    #[test]
    fn dialects_are_told_apart() {
        let req =
            |path: &'static str, query: &'static str, headers: &'static [(String, String)]| {
                detect(&SeenRequest {
                    method: "POST",
                    path,
                    query,
                    headers,
                    body: b"",
                })
            };
        assert_eq!(req("/gateway.do", "", &[]), DialectKind::V2);
        assert_eq!(req("/gw", "app_id=1&sign=abc", &[]), DialectKind::V2);
        assert_eq!(req("/favicon.ico", "", &[]), DialectKind::Unknown);
        let v3: &'static [(String, String)] = Box::leak(Box::new(h(&[(
            "Authorization",
            "ALIPAY-SHA256withRSA app_id=1,nonce=n,timestamp=1,sign=s",
        )])));
        assert_eq!(req("/v3/alipay/x", "", v3), DialectKind::V3);
        let antom: &'static [(String, String)] = Box::leak(Box::new(h(&[
            ("Signature", "algorithm=RSA256,keyVersion=1,signature=x"),
            ("Client-Id", "C"),
        ])));
        assert_eq!(req("/ams/api/v1/x", "", antom), DialectKind::Header);
    }
}
