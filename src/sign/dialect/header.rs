//! The Antom / Alipay+ message signature (docs/protocol.md §11): RSA-SHA256
//! over `<METHOD> <path>\n<Client-Id>.<time>.<body>`, sent as
//! `Signature: algorithm=RSA256,keyVersion=N,signature=<URL-encoded base64>`
//! beside `Client-Id` and `Request-Time` (answers: `Response-Time`).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use super::{
    Answer, Checked, Dialect, DialectError, Rejection, Request, SignatureParseError,
    SignatureStatus, SignedRequest, json_variants, key_findings, layout_safe,
};
use crate::sign::algorithm::{self, Mismatch, SignType};
use crate::sign::diagnosis::Finding;
use crate::sign::key::{PrivateKey, PublicKey};

/// The only algorithm name of this dialect.
pub const ALGORITHM: &str = "RSA256";

/// What Python's `quote_plus` leaves alone: letters, digits and `_.-~`. The
/// official SDK encodes with it, so `+`, `/` and `=` become `%2B`, `%2F`, `%3D`.
const URL_ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The string to sign: `<METHOD> <target>\n<client id>.<time>.<body>`, the
/// body as its exact bytes.
pub fn sign_content(
    method: &str,
    target: &str,
    client_id: &str,
    time: &str,
    body: &[u8],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(
        method.len() + target.len() + client_id.len() + time.len() + body.len() + 4,
    );
    out.extend_from_slice(method.as_bytes());
    out.push(b' ');
    out.extend_from_slice(target.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(client_id.as_bytes());
    out.push(b'.');
    out.extend_from_slice(time.as_bytes());
    out.push(b'.');
    out.extend_from_slice(body);
    out
}

/// URL-encodes a base64 signature as the official SDK does (upper-case hex).
pub fn url_encode(signature: &str) -> String {
    utf8_percent_encode(signature, URL_ENCODE).to_string()
}

/// The whole `Signature` header value.
pub fn header_value(key_version: u32, signature: &str) -> String {
    format!(
        "algorithm={ALGORITHM},keyVersion={key_version},signature={}",
        url_encode(signature)
    )
}

/// A `Signature` header value, or a bare signature, taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedSignature {
    /// `algorithm=`, when the value had it.
    pub algorithm: Option<String>,
    /// `keyVersion=`, when the value had it.
    pub key_version: Option<String>,
    /// The signature as it appeared (possibly URL-encoded).
    pub raw: String,
    /// The base64 signature, URL-decoded when it was encoded.
    pub base64: String,
    /// The signature was URL-encoded (held a `%` escape).
    pub url_encoded: bool,
}

/// Reads a `Signature` header value (`algorithm=RSA256,keyVersion=1,signature=...`)
/// or a bare signature; either URL-encoded (`%2B` or `%2b`) or not.
pub fn parse_signature(value: &str) -> Result<ParsedSignature, SignatureParseError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(SignatureParseError::Empty);
    }
    let (mut algorithm, mut key_version, mut signature) = (None, None, None);
    if value.contains("signature=") {
        for part in value.split(',') {
            let (name, v) = part.split_once('=').unwrap_or((part, ""));
            let slot = match name.trim() {
                n if n.eq_ignore_ascii_case("algorithm") => (&mut algorithm, "algorithm"),
                n if n.eq_ignore_ascii_case("keyVersion") => (&mut key_version, "keyVersion"),
                n if n.eq_ignore_ascii_case("signature") => (&mut signature, "signature"),
                // Unknown parts are ignored, as the SDKs do.
                _ => continue,
            };
            if slot.0.is_some() {
                return Err(SignatureParseError::Duplicate(slot.1));
            }
            *slot.0 = Some(v.trim().to_string());
        }
    } else {
        signature = Some(value.to_string());
    }
    if let Some(a) = &algorithm
        && !a.eq_ignore_ascii_case(ALGORITHM)
    {
        return Err(SignatureParseError::Algorithm(a.clone()));
    }
    let raw = signature
        .filter(|s| !s.is_empty())
        .ok_or(SignatureParseError::Empty)?;
    let (base64, url_encoded) = url_decode(&raw)?;
    Ok(ParsedSignature {
        algorithm,
        key_version,
        raw,
        base64,
        url_encoded,
    })
}

/// Percent-decodes a signature that holds escapes; `+` stays `+` (base64's,
/// never a space), so a signature sent unencoded reads the same.
fn url_decode(raw: &str) -> Result<(String, bool), SignatureParseError> {
    if !raw.contains('%') {
        return Ok((raw.to_string(), false));
    }
    let bytes = raw.as_bytes();
    for (i, _) in raw.match_indices('%') {
        let ok = bytes
            .get(i + 1..i + 3)
            .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
        if !ok {
            let end = (i + 3).min(raw.len());
            return Err(SignatureParseError::UrlEncoding(raw[i..end].to_string()));
        }
    }
    let decoded = percent_decode_str(raw)
        .decode_utf8()
        .map_err(|_| SignatureParseError::UrlEncoding(raw.to_string()))?;
    Ok((decoded.into_owned(), true))
}

/// A signed request of this dialect.
#[derive(Debug, Clone)]
pub struct HeaderSigned {
    pub content: Vec<u8>,
    /// Plain base64.
    pub signature: String,
    /// The whole `Signature` header value.
    pub header: String,
}

/// Signs a request (or, with `Response-Time`, an answer).
pub fn sign(
    key: &PrivateKey,
    key_version: u32,
    method: &str,
    target: &str,
    client_id: &str,
    time: &str,
    body: &[u8],
) -> Result<HeaderSigned, DialectError> {
    check_fields(method, target, client_id, time)?;
    let content = sign_content(method, target, client_id, time, body);
    let signature = algorithm::sign(key, SignType::Rsa2, &content)?;
    Ok(HeaderSigned {
        header: header_value(key_version, &signature),
        content,
        signature,
    })
}

fn check_fields(
    method: &str,
    target: &str,
    client_id: &str,
    time: &str,
) -> Result<(), DialectError> {
    const LINE: (char, &str) = ('\n', "a newline");
    layout_safe("HTTP method", method, &[LINE, (' ', "a space")])?;
    layout_safe("path", target, &[LINE, (' ', "a space")])?;
    // A dot in either would make `<client id>.<time>.` ambiguous for a reader,
    // but the SDKs sign it as it is; only newlines break the layout.
    layout_safe("client id", client_id, &[LINE])?;
    layout_safe("time", time, &[LINE])
}

/// Verifies a parsed signature over content.
pub fn verify(
    key: &PublicKey,
    content: &[u8],
    signature: &ParsedSignature,
) -> Result<(), Mismatch> {
    algorithm::verify(key, SignType::Rsa2, content, &signature.base64)
}

/// What a header-dialect check is about: a request or an answer with its
/// parts as received.
#[derive(Debug, Clone, Copy)]
pub struct Message<'a> {
    pub method: &'a str,
    pub target: &'a str,
    pub client_id: &'a str,
    /// `Request-Time` of a request, `Response-Time` of an answer.
    pub time: &'a str,
    pub body: &'a [u8],
}

impl Message<'_> {
    pub fn content(&self) -> Vec<u8> {
        sign_content(
            self.method,
            self.target,
            self.client_id,
            self.time,
            self.body,
        )
    }
}

/// Checks a signature value (header or bare) over a message.
pub fn check(key: &PublicKey, message: &Message<'_>, signature: &str) -> SignatureStatus {
    match parse_signature(signature) {
        Err(SignatureParseError::Empty) => SignatureStatus::Unsigned,
        Err(e) => SignatureStatus::Invalid(Rejection::Unreadable(e)),
        Ok(parsed) => match verify(key, &message.content(), &parsed) {
            Ok(()) => SignatureStatus::Valid,
            Err(m) => SignatureStatus::Invalid(Rejection::Invalid(m)),
        },
    }
}

/// What the diagnosis looks at.
pub struct Case<'a> {
    pub message: Message<'a>,
    /// The signature value as given (header value or bare).
    pub signature: &'a str,
    /// The key it was checked with (Alipay's, or the merchant's for a request).
    pub key: &'a PublicKey,
    /// The app's own public key, when at hand.
    pub app_key: Option<&'a PublicKey>,
    /// Other times the signer may have used (the request's `Request-Time`
    /// for an answer...).
    pub other_times: &'a [&'a str],
}

/// Explains why a header-dialect signature does not verify: each finding
/// is reported only when trying it makes the signature verify (or, for the
/// keys, when it is certainly true).
pub fn diagnose(case: &Case<'_>) -> Vec<Finding> {
    let m = &case.message;
    let parsed = match parse_signature(case.signature) {
        Ok(p) => p,
        Err(e) => {
            return vec![Finding::new(
                if e == SignatureParseError::Empty {
                    "unsigned"
                } else {
                    "signature_unreadable"
                },
                e.to_string(),
            )];
        }
    };
    let raw_sig = match algorithm::decode_signature(&parsed.base64) {
        Ok(raw) => raw,
        Err(_) => return undecodable(case, &parsed),
    };
    let verifies = |key: &PublicKey, content: &[u8]| {
        algorithm::verify_raw(key, SignType::Rsa2, content, &raw_sig).is_ok()
    };
    let mut findings = key_findings(case.key, case.app_key, raw_sig.len(), &|k| {
        verifies(k, &m.content())
    });
    let try_message = |alt: Message<'_>| verifies(case.key, &alt.content());

    for (name, variant) in json_variants(m.body) {
        if try_message(Message {
            body: &variant,
            ..*m
        }) {
            findings.push(Finding::new(
                "body_reserialised",
                format!("the signature verifies over the body written {name}: the JSON was re-serialised between signing and checking; sign and verify the exact bytes sent"),
            ));
            break;
        }
    }
    for (suffix, name) in [(&b"\r\n"[..], "CRLF"), (&b"\n"[..], "newline")] {
        if let Some(stripped) = m.body.strip_suffix(suffix) {
            if try_message(Message {
                body: stripped,
                ..*m
            }) {
                findings.push(Finding::new(
                    "trailing_newline",
                    format!("the signature verifies without the body's trailing {name}: the file has a line ending that was not signed"),
                ));
            }
            break;
        }
    }
    if let Some(other) = sandbox_swap(m.target)
        && try_message(Message {
            target: &other,
            ..*m
        })
    {
        findings.push(Finding::new(
            "sandbox_path",
            format!("the signature verifies over the path {other}: Antom's sandbox rewrites /ams/api to /ams/sandbox/api before signing; sign and verify the path actually requested"),
        ));
    }
    for time in time_candidates(m.time, case.other_times) {
        if try_message(Message { time: &time, ..*m }) {
            findings.push(Finding::new(
                "time_mismatch",
                format!("the signature verifies with the time {time:?} instead of {:?}: the time header given is not the one that was signed (Request-Time and Response-Time differ; a time must be used exactly as sent)", m.time),
            ));
            break;
        }
    }
    if !m.method.eq_ignore_ascii_case("POST")
        && try_message(Message {
            method: "POST",
            ..*m
        })
    {
        findings.push(Finding::new(
            "method",
            "the signature verifies with the method POST: the message was signed as a POST",
        ));
    }
    // Encoded twice: `%252B` decodes once to `%2B`.
    if parsed.base64.contains('%')
        && let Ok((twice, _)) = url_decode(&parsed.base64)
        && algorithm::verify(case.key, SignType::Rsa2, &m.content(), &twice).is_ok()
    {
        findings.push(Finding::new(
            "signature_url_encoded_twice",
            "the signature verifies after URL-decoding it a second time: it was URL-encoded twice, or a step that should URL-decode it (the Signature header's value) passed it on still encoded",
        ));
    }

    if !findings.iter().any(|f| f.code != "alipay_key_is_app_key") {
        findings.push(Finding::new(
            "no_match",
            "the signature was not made over this content with this key: compare the method, path, client id, time and body byte for byte with what was sent, and check the key (sandbox and production keys differ)",
        ));
    }
    findings
}

/// Findings for a signature that is not base64 after URL-decoding.
fn undecodable(case: &Case<'_>, parsed: &ParsedSignature) -> Vec<Finding> {
    let content = case.message.content();
    let spaced = parsed.base64.replace(' ', "+");
    if spaced != parsed.base64
        && algorithm::verify(case.key, SignType::Rsa2, &content, &spaced).is_ok()
    {
        return vec![Finding::new(
            "plus_as_space",
            "the signature verifies when its spaces are read as '+': it was URL-decoded as a form (or decoded twice), which turns base64's '+' into spaces",
        )];
    }
    if parsed.base64.contains('%')
        && let Ok((twice, _)) = url_decode(&parsed.base64)
        && algorithm::verify(case.key, SignType::Rsa2, &content, &twice).is_ok()
    {
        return vec![Finding::new(
            "signature_url_encoded_twice",
            "the signature verifies after URL-decoding it a second time: it was URL-encoded twice, or a step that should URL-decode it (the Signature header's value) passed it on still encoded",
        )];
    }
    vec![Finding::new(
        "signature_not_base64",
        "the signature is not valid base64 even after URL-decoding: it was cut or altered in transit",
    )]
}

/// `/ams/api` ↔ `/ams/sandbox/api`, when the path has either.
pub fn sandbox_swap(target: &str) -> Option<String> {
    if let Some(rest) = target.strip_prefix("/ams/sandbox/api") {
        Some(format!("/ams/api{rest}"))
    } else {
        target
            .strip_prefix("/ams/api")
            .map(|rest| format!("/ams/sandbox/api{rest}"))
    }
}

/// The given other times, then the same instant written the other way
/// (ISO-8601 ↔ epoch milliseconds, other offsets), none equal to `time`.
fn time_candidates(time: &str, others: &[&str]) -> Vec<String> {
    use time::format_description::well_known::Rfc3339;
    let mut out: Vec<String> = others.iter().map(|t| t.to_string()).collect();
    let instant = time::OffsetDateTime::parse(time.trim(), &Rfc3339)
        .ok()
        .or_else(|| {
            time.trim()
                .parse::<i128>()
                .ok()
                .and_then(|ms| time::OffsetDateTime::from_unix_timestamp_nanos(ms * 1_000_000).ok())
        });
    if let Some(t) = instant {
        out.push((t.unix_timestamp_nanos() / 1_000_000).to_string());
        for offset in [time::UtcOffset::UTC, time::macros::offset!(+8)] {
            let at = t.to_offset(offset);
            if let Ok(s) = at.format(&Rfc3339) {
                out.push(s);
            }
            // Python's isoformat writes +00:00 where RFC 3339 writers put Z.
            let fmt = time::macros::format_description!(
                "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
            );
            if let Ok(s) = at.format(&fmt) {
                out.push(s);
            }
        }
    }
    out.retain(|t| t != time);
    out.dedup();
    out
}

/// The header dialect as a [`Dialect`]: one request's client id, key
/// version and `Request-Time`.
#[derive(Debug, Clone)]
pub struct HeaderDialect {
    pub client_id: String,
    pub key_version: u32,
    pub request_time: String,
}

impl Dialect for HeaderDialect {
    fn name(&self) -> &'static str {
        "header"
    }

    fn sign_request(
        &self,
        request: &Request<'_>,
        key: &PrivateKey,
    ) -> Result<SignedRequest, DialectError> {
        let signed = sign(
            key,
            self.key_version,
            request.method,
            &request.target(),
            &self.client_id,
            &self.request_time,
            request.body,
        )?;
        Ok(SignedRequest {
            content: signed.content,
            signature: signed.signature,
            headers: vec![
                ("Client-Id", self.client_id.clone()),
                ("Request-Time", self.request_time.clone()),
                ("Signature", signed.header),
            ],
        })
    }

    /// An answer is signed over the request's method and path with its own
    /// `Response-Time`. One without `Signature` and `Response-Time` may only
    /// be reported, and only as a failure (result status F or U).
    fn check_answer(&self, request: &Request<'_>, answer: &Answer<'_>, key: &PublicKey) -> Checked {
        let is_error = result_is_failure(answer.body);
        let mut checked = Checked {
            content: Vec::new(),
            status: SignatureStatus::Unsigned,
            is_error,
            body: answer.body.to_vec(),
        };
        let headers = (|| {
            Ok::<_, Rejection>((
                answer.header("signature")?,
                answer.header("response-time")?,
                answer.header("client-id")?,
            ))
        })();
        let (signature, time, client_id) = match headers {
            Ok(h) => h,
            Err(r) => {
                checked.status = SignatureStatus::Invalid(r);
                return checked;
            }
        };
        let (signature, time) = match (signature, time) {
            (None, None) => return checked,
            (None, Some(_)) => {
                checked.status = SignatureStatus::Invalid(Rejection::UnsignedSuccess);
                return checked;
            }
            (Some(_), None) => {
                checked.status =
                    SignatureStatus::Invalid(Rejection::MissingHeader("Response-Time"));
                return checked;
            }
            (Some(s), Some(t)) => (s, t),
        };
        if let Some(got) = client_id
            && got != self.client_id
        {
            checked.status = SignatureStatus::Invalid(Rejection::ClientIdMismatch {
                expected: self.client_id.clone(),
                got: got.to_string(),
            });
            return checked;
        }
        let target = request.target();
        let message = Message {
            method: request.method,
            target: &target,
            client_id: &self.client_id,
            time,
            body: answer.body,
        };
        checked.content = message.content();
        checked.status = match check(key, &message, signature) {
            // A `Signature` header with nothing in it is no signature.
            SignatureStatus::Unsigned => {
                SignatureStatus::Invalid(Rejection::Unreadable(SignatureParseError::Empty))
            }
            s => s,
        };
        checked
    }
}

/// `result.resultStatus` F (failed) or U (unknown): what Antom and Alipay+
/// may answer unsigned.
pub fn result_is_failure(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body).is_ok_and(|v| {
        matches!(
            v.pointer("/result/resultStatus").and_then(|s| s.as_str()),
            Some("F" | "U")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> &'static PrivateKey {
        static KEY: std::sync::OnceLock<PrivateKey> = std::sync::OnceLock::new();
        KEY.get_or_init(|| PrivateKey::generate(2048).unwrap())
    }

    #[test]
    fn content_and_header_layout() {
        assert_eq!(
            sign_content(
                "POST",
                "/ams/api/v1/x",
                "SANDBOX_5Y",
                "2024-01-02T03:04:05+08:00",
                b"{\"a\":1}"
            ),
            b"POST /ams/api/v1/x\nSANDBOX_5Y.2024-01-02T03:04:05+08:00.{\"a\":1}".to_vec()
        );
        assert_eq!(url_encode("a+b/c=="), "a%2Bb%2Fc%3D%3D");
        assert_eq!(
            header_value(2, "a+b"),
            "algorithm=RSA256,keyVersion=2,signature=a%2Bb"
        );
    }

    #[test]
    fn parsing_every_shape_of_signature() {
        let full = parse_signature("algorithm=RSA256,keyVersion=1,signature=a%2Bb%2fc%3D").unwrap();
        assert_eq!(full.base64, "a+b/c=");
        assert!(full.url_encoded);
        assert_eq!(full.key_version.as_deref(), Some("1"));
        let bare = parse_signature(" a+b/c= ").unwrap();
        assert_eq!(bare.base64, "a+b/c=");
        assert!(!bare.url_encoded);
        assert_eq!(parse_signature("a%2bb").unwrap().base64, "a+b");
        assert_eq!(
            parse_signature("algorithm=RSA1,signature=x"),
            Err(SignatureParseError::Algorithm("RSA1".into()))
        );
        assert_eq!(
            parse_signature("algorithm=RSA256,keyVersion=1,signature="),
            Err(SignatureParseError::Empty)
        );
        assert!(matches!(
            parse_signature("ab%zz"),
            Err(SignatureParseError::UrlEncoding(_))
        ));
        assert_eq!(
            parse_signature("signature=a,signature=b"),
            Err(SignatureParseError::Duplicate("signature"))
        );
    }

    #[test]
    fn sign_then_check_and_refuse_changes() {
        let k = key();
        let body = br#"{"authCode":"x/y"}"#;
        let s = sign(
            k,
            1,
            "POST",
            "/ams/api/v1/authorizations/applyToken",
            "C1",
            "T1",
            body,
        )
        .unwrap();
        let m = Message {
            method: "POST",
            target: "/ams/api/v1/authorizations/applyToken",
            client_id: "C1",
            time: "T1",
            body,
        };
        let public = k.public_key();
        assert_eq!(check(&public, &m, &s.header), SignatureStatus::Valid);
        assert_eq!(check(&public, &m, &s.signature), SignatureStatus::Valid);
        let lower = url_encode(&s.signature)
            .replace("%2B", "%2b")
            .replace("%2F", "%2f")
            .replace("%3D", "%3d");
        assert_eq!(check(&public, &m, &lower), SignatureStatus::Valid);
        let changed = Message {
            body: br#"{"authCode":"x/z"}"#,
            ..m
        };
        assert!(matches!(
            check(&public, &changed, &s.header),
            SignatureStatus::Invalid(_)
        ));
        assert!(matches!(
            sign(k, 1, "POST", "/a\nb", "C1", "T1", b""),
            Err(DialectError::Unsignable { .. })
        ));
    }

    #[test]
    fn diagnosis_finds_each_cause() {
        let k = key();
        let public = k.public_key();
        let codes = |c: &Case<'_>| diagnose(c).into_iter().map(|f| f.code).collect::<Vec<_>>();
        let signed_over =
            |m: &Message<'_>| sign(k, 1, m.method, m.target, m.client_id, m.time, m.body).unwrap();
        let base = Message {
            method: "POST",
            target: "/ams/api/v1/authorizations/consult",
            client_id: "C1",
            time: "2024-01-02T03:04:05+08:00",
            body: "{\"a\": \"é\", \"b\": [1, 2]}".as_bytes(),
        };
        let case = |m: Message<'static>, sig: &'static str| Case {
            message: m,
            signature: sig,
            key: Box::leak(Box::new(public.clone())),
            app_key: None,
            other_times: &[],
        };
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };

        // Body re-serialised (signed in Python's layout, checked compact).
        let sig = leak(signed_over(&base).header);
        let compact = Message {
            body: "{\"a\":\"é\",\"b\":[1,2]}".as_bytes(),
            ..base
        };
        assert_eq!(codes(&case(compact, sig)), vec!["body_reserialised"]);

        // Path rewritten for the sandbox.
        let sandbox = Message {
            target: "/ams/sandbox/api/v1/authorizations/consult",
            ..base
        };
        assert_eq!(codes(&case(sandbox, sig)), vec!["sandbox_path"]);

        // The same instant written as epoch milliseconds.
        let millis = Message {
            time: "1704135845000",
            ..base
        };
        assert_eq!(codes(&case(millis, sig)), vec!["time_mismatch"]);

        // Encoded twice; and '+' read as a space.
        let s = signed_over(&base);
        let twice = leak(url_encode(&url_encode(&s.signature)));
        assert!(codes(&case(base, twice)).contains(&"signature_url_encoded_twice"));
        if s.signature.contains('+') {
            let spaced = leak(s.signature.replace('+', " "));
            assert_eq!(codes(&case(base, spaced)), vec!["plus_as_space"]);
        }

        // Keys swapped: signed by the "app", checked with Alipay's key.
        let alipay = PrivateKey::generate(2048).unwrap().public_key();
        let c = Case {
            message: base,
            signature: sig,
            key: &alipay,
            app_key: Some(&public),
            other_times: &[],
        };
        assert_eq!(codes(&c), vec!["signed_with_app_key"]);
        let c = Case {
            app_key: Some(&alipay),
            ..c
        };
        assert_eq!(codes(&c), vec!["alipay_key_is_app_key", "no_match"]);
    }

    #[test]
    fn answers_fail_closed() {
        let k = key();
        let public = k.public_key();
        let d = HeaderDialect {
            client_id: "C1".into(),
            key_version: 1,
            request_time: "T0".into(),
        };
        let req = Request {
            method: "POST",
            path: "/ams/api/v1/authorizations/applyToken",
            query: None,
            body: b"{}",
        };
        let body = br#"{"result":{"resultStatus":"S"},"accessToken":"t"}"#;
        let s = sign(k, 1, "POST", req.path, "C1", "T9", body).unwrap();
        let h = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let answer = |headers: &'static [(String, String)], body: &'static [u8]| Answer {
            status: Some(200),
            headers,
            body,
        };
        let leak = |v: Vec<(String, String)>| -> &'static [(String, String)] {
            Box::leak(v.into_boxed_slice())
        };

        let good = leak(h(&[
            ("signature", &s.header),
            ("response-time", "T9"),
            ("client-id", "C1"),
        ]));
        assert!(matches!(
            d.check_answer(&req, &answer(good, body), &public).verdict(),
            super::super::Verdict::Trusted(_)
        ));
        let tampered = br#"{"result":{"resultStatus":"S"},"accessToken":"u"}"#;
        assert!(matches!(
            d.check_answer(&req, &answer(good, tampered), &public)
                .verdict(),
            super::super::Verdict::Rejected(Rejection::Invalid(_))
        ));
        let other_client = leak(h(&[
            ("signature", &s.header),
            ("response-time", "T9"),
            ("client-id", "C2"),
        ]));
        assert!(matches!(
            d.check_answer(&req, &answer(other_client, body), &public)
                .verdict(),
            super::super::Verdict::Rejected(Rejection::ClientIdMismatch { .. })
        ));
        let none = leak(Vec::new());
        assert!(matches!(
            d.check_answer(&req, &answer(none, body), &public).verdict(),
            super::super::Verdict::Rejected(Rejection::UnsignedSuccess)
        ));
        let failure = br#"{"result":{"resultStatus":"F","resultCode":"INVALID_CODE"}}"#;
        assert!(matches!(
            d.check_answer(&req, &answer(none, failure), &public)
                .verdict(),
            super::super::Verdict::UnsignedError(_)
        ));
        let no_time = leak(h(&[("signature", &s.header)]));
        assert!(matches!(
            d.check_answer(&req, &answer(no_time, body), &public)
                .verdict(),
            super::super::Verdict::Rejected(Rejection::MissingHeader(_))
        ));
    }
}
