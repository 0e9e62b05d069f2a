//! Signing dialects: the v2 form (`form`, §3, §4) and the header dialects
//! (docs/protocol.md §11, §12). Each one signs an HTTP request (into headers,
//! or v2's `sign` query parameter) and checks a signed answer. The
//! [`Dialect`] trait is the seam that `call`, the emulator and a proxy can
//! use without knowing which dialect they hold; the RSA and base64 work is
//! `sign::algorithm`'s, shared with v2.

pub mod form;
pub mod header;
pub mod v3;

use super::algorithm::Mismatch;
use super::diagnosis::Finding;
use super::key::{KeyError, PrivateKey, PublicKey};

/// An HTTP request as it goes on the wire.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// `POST`, `GET`... (used as given: the signers never change its case).
    pub method: &'a str,
    /// The path, e.g. `/ams/api/v1/authorizations/applyToken`.
    pub path: &'a str,
    /// The query string without `?`, exactly as sent.
    pub query: Option<&'a str>,
    /// The exact body bytes sent.
    pub body: &'a [u8],
}

impl Request<'_> {
    /// The request target: the path, and `?query` when there is one.
    pub fn target(&self) -> String {
        match self.query {
            Some(q) if !q.is_empty() => format!("{}?{q}", self.path),
            _ => self.path.to_string(),
        }
    }
}

/// What signing a request produced.
#[derive(Debug, Clone)]
pub struct SignedRequest {
    /// The exact bytes signed.
    pub content: Vec<u8>,
    /// The plain base64 signature.
    pub signature: String,
    /// The headers that carry the signature, in sending order.
    pub headers: Vec<(&'static str, String)>,
}

/// An answer as received: its headers (names in any case) and exact body.
#[derive(Debug, Clone, Copy)]
pub struct Answer<'a> {
    /// The HTTP status, when known.
    pub status: Option<u16>,
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

impl<'a> Answer<'a> {
    /// A header's value by case-insensitive name. A header sent twice with
    /// different values is ambiguous and refused.
    pub fn header(&self, name: &str) -> Result<Option<&'a str>, Rejection> {
        let mut found: Option<&'a str> = None;
        for (k, v) in self.headers {
            if k.eq_ignore_ascii_case(name) {
                match found {
                    Some(prev) if prev != v => {
                        return Err(Rejection::DuplicateHeader(name.to_ascii_lowercase()));
                    }
                    _ => found = Some(v.as_str()),
                }
            }
        }
        Ok(found.map(str::trim).filter(|v| !v.is_empty()))
    }
}

/// Why a request could not be signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DialectError {
    #[error(transparent)]
    Key(#[from] KeyError),
    /// A value that would break the layout of the string to sign or of a
    /// header (a newline in a path, a comma in an auth value...).
    #[error("the {field} {value:?} cannot be signed: it contains {what}")]
    Unsignable {
        field: &'static str,
        value: String,
        what: &'static str,
    },
    #[error("the {field} is empty")]
    Empty { field: &'static str },
    /// A form-encoded request (the v2 dialect) that does not decode in, or
    /// cannot be encoded in, its charset.
    #[error(transparent)]
    Form(#[from] crate::sign::form::FormError),
}

/// Where a dialect's signature travels in the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carrier {
    /// In [`SignedRequest::headers`].
    Headers,
    /// As this query parameter (v2's `sign`); the headers are empty.
    QueryParam(&'static str),
}

/// What checking an answer's signature found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureStatus {
    Valid,
    /// The answer carries no signature at all.
    Unsigned,
    /// The signature does not verify, or cannot be read.
    Invalid(Rejection),
}

/// An answer with its signature checked.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The bytes the signature was checked over (empty when the answer
    /// lacked what the content is made of).
    pub content: Vec<u8>,
    pub status: SignatureStatus,
    /// The answer reports a failure (an HTTP error status, a `code`, or a
    /// result status of F or U), so it may be reported even unsigned.
    pub is_error: bool,
    pub body: Vec<u8>,
}

/// What may be done with an answer (the fail-closed policy, as §4.2 for v2).
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Signed and valid: the body may be used.
    Trusted(serde_json::Value),
    /// An unsigned failure: it may be reported as such, nothing in it trusted.
    UnsignedError(serde_json::Value),
    Rejected(Rejection),
}

/// Why an answer is not to be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("the answer's signature is invalid: {0}")]
    Invalid(Mismatch),
    #[error("the answer's signature cannot be read: {0}")]
    Unreadable(SignatureParseError),
    #[error("the answer claims success but carries no signature")]
    UnsignedSuccess,
    #[error("the answer is signed but lacks the {0} header its signature covers")]
    MissingHeader(&'static str),
    #[error("the answer has the {0} header twice with different values")]
    DuplicateHeader(String),
    #[error("the answer names client id {got:?}, not {expected:?}")]
    ClientIdMismatch { expected: String, got: String },
    #[error(
        "the answer names Alipay certificate SN {got}, but the configured certificate has SN {expected}"
    )]
    CertSnMismatch { expected: String, got: String },
    #[error("the answer's body is not JSON ({0})")]
    Unparsable(String),
}

/// Why a signature value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureParseError {
    #[error("the signature is empty")]
    Empty,
    #[error("the signature algorithm is {0:?}, but only RSA256 is known")]
    Algorithm(String),
    #[error("the signature's URL encoding is broken at {0:?}")]
    UrlEncoding(String),
    #[error("the {0} part appears twice")]
    Duplicate(&'static str),
}

impl Checked {
    /// Applies the fail-closed policy.
    pub fn verdict(&self) -> Verdict {
        let json = || serde_json::from_slice::<serde_json::Value>(&self.body);
        match &self.status {
            SignatureStatus::Valid => match json() {
                Ok(v) => Verdict::Trusted(v),
                Err(e) => Verdict::Rejected(Rejection::Unparsable(e.to_string())),
            },
            SignatureStatus::Invalid(r) => Verdict::Rejected(r.clone()),
            SignatureStatus::Unsigned => match json() {
                Ok(v) if self.is_error => Verdict::UnsignedError(v),
                Ok(_) => Verdict::Rejected(Rejection::UnsignedSuccess),
                Err(e) => Verdict::Rejected(Rejection::Unparsable(e.to_string())),
            },
        }
    }
}

/// A signing dialect: signs requests into headers, checks answers.
pub trait Dialect {
    /// A short name (`v2`, `header`, `v3`).
    fn name(&self) -> &'static str;

    /// Where the signature goes: headers unless the dialect says otherwise.
    fn carrier(&self) -> Carrier {
        Carrier::Headers
    }

    /// Signs a request with the app (merchant) private key.
    fn sign_request(
        &self,
        request: &Request<'_>,
        key: &PrivateKey,
    ) -> Result<SignedRequest, DialectError>;

    /// Checks the answer to `request` with the Alipay public key.
    fn check_answer(&self, request: &Request<'_>, answer: &Answer<'_>, key: &PublicKey) -> Checked;
}

/// Rejects a value that contains a byte which would change the layout of
/// a string to sign or header (`forbidden` lists what each field may not hold).
pub(crate) fn layout_safe(
    field: &'static str,
    value: &str,
    forbidden: &[(char, &'static str)],
) -> Result<(), DialectError> {
    if value.is_empty() {
        return Err(DialectError::Empty { field });
    }
    for &(c, what) in forbidden {
        if value.contains(c) {
            return Err(DialectError::Unsignable {
                field,
                value: value.to_string(),
                what,
            });
        }
    }
    Ok(())
}

/// The key-related explanations shared by the dialects: the Alipay key is the
/// app's own, the signature has another key's length, or it verifies with
/// the app key (keys swapped). `verifies_with` checks the signature under a key.
pub(crate) fn key_findings(
    key: &PublicKey,
    app_key: Option<&PublicKey>,
    signature_len: usize,
    verifies_with: &dyn Fn(&PublicKey) -> bool,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(app) = app_key
        && app.same_key(key)
    {
        findings.push(Finding::new(
            "alipay_key_is_app_key",
            "the key given to verify with is the app's (merchant's) own public key; use the Alipay (Antom / Alipay+) public key from the console",
        ));
    }
    if signature_len != key.bits() / 8 {
        findings.push(Finding::new(
            "signature_length",
            format!(
                "the signature has {signature_len} bytes but a {}-bit key makes {}: it was made with a different key",
                key.bits(),
                key.bits() / 8
            ),
        ));
    }
    if let Some(app) = app_key
        && !app.same_key(key)
        && verifies_with(app)
    {
        findings.push(Finding::new(
            "signed_with_app_key",
            "the signature verifies with the app's own public key: it was made with the app (merchant) private key, not by Alipay (keys swapped?)",
        ));
    }
    findings
}

/// Other serialisations of a JSON body that a client or proxy may have
/// produced (compact, indented, Python's default separators, `\/` escapes,
/// non-ASCII as `\u` escapes), each different from the body. Key order is
/// kept.
pub(crate) fn json_variants(body: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Vec::new();
    };
    let compact = value.to_string();
    let mut out: Vec<(&'static str, Vec<u8>)> = vec![
        ("compact", compact.clone().into_bytes()),
        (
            "indented",
            serde_json::to_string_pretty(&value)
                .unwrap_or_default()
                .into_bytes(),
        ),
        (
            "with spaces after , and :",
            python_separators(&value).into_bytes(),
        ),
        (
            "with every / escaped",
            escape_slashes(&compact).into_bytes(),
        ),
        (
            "with non-ASCII as \\u escapes",
            ascii_only(&compact).into_bytes(),
        ),
    ];
    out.retain(|(_, v)| v != body);
    out.dedup_by(|a, b| a.1 == b.1);
    out
}

/// `json.dumps`'s default layout: `", "` and `": "` separators.
fn python_separators(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Object(m) => {
            let items: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{}: {}", Value::from(k.as_str()), python_separators(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(python_separators).collect();
            format!("[{}]", items.join(", "))
        }
        other => other.to_string(),
    }
}

fn escape_slashes(json: &str) -> String {
    json.replace('/', "\\/")
}

/// Writes every non-ASCII character as `\uXXXX` (surrogate pairs above the
/// BMP); only strings hold such characters in JSON text.
fn ascii_only(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_variants_keep_order_and_skip_the_original() {
        let body = "{\"b\": \"é/x\", \"a\": [1,2]}".as_bytes();
        let v = json_variants(body);
        let get = |name: &str| {
            v.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
        };
        assert_eq!(get("compact").unwrap(), "{\"b\":\"é/x\",\"a\":[1,2]}");
        assert_eq!(
            get("with spaces after , and :").unwrap(),
            "{\"b\": \"é/x\", \"a\": [1, 2]}"
        );
        assert_eq!(
            get("with non-ASCII as \\u escapes").unwrap(),
            "{\"b\":\"\\u00e9/x\",\"a\":[1,2]}"
        );
        assert!(json_variants(b"not json").is_empty());
        assert!(
            json_variants(b"{\"a\":1}")
                .iter()
                .all(|(n, _)| *n != "compact")
        );
    }

    /// Both dialects behind the trait: what one signs, the other side of the
    /// same dialect verifies when it comes back as an answer.
    #[test]
    fn the_seam_signs_and_checks_through_trait_objects() {
        use super::header::HeaderDialect;
        use super::v3::{AuthParams, V3Dialect};
        let app = PrivateKey::generate(2048).unwrap();
        let alipay = PrivateKey::generate(2048).unwrap();
        let dialects: Vec<Box<dyn Dialect>> = vec![
            Box::new(HeaderDialect {
                client_id: "C1".into(),
                key_version: 1,
                request_time: "2024-01-02T03:04:05+08:00".into(),
            }),
            Box::new(V3Dialect {
                auth: AuthParams {
                    app_id: "2021000000000000".into(),
                    app_cert_sn: None,
                    nonce: "n".into(),
                    timestamp: "1704135845000".into(),
                    app_auth_token: None,
                    auth_token: None,
                },
                alipay_root_cert_sn: None,
                alipay_cert_sn: None,
            }),
        ];
        let request = Request {
            method: "POST",
            path: "/x",
            query: None,
            body: b"{\"a\":1}",
        };
        let body = br#"{"result":{"resultStatus":"S"},"ok":true}"#;
        for d in &dialects {
            let signed = d.sign_request(&request, &app).unwrap();
            assert!(
                crate::sign::algorithm::verify(
                    &app.public_key(),
                    crate::sign::SignType::Rsa2,
                    &signed.content,
                    &signed.signature
                )
                .is_ok(),
                "{}",
                d.name()
            );
            // An answer signed by "Alipay" in the dialect's own layout.
            let headers: Vec<(String, String)> = match d.name() {
                "header" => {
                    let s =
                        super::header::sign(&alipay, 1, "POST", "/x", "C1", "T2", body).unwrap();
                    vec![
                        ("Signature".into(), s.header),
                        ("Response-Time".into(), "T2".into()),
                    ]
                }
                _ => {
                    let c = super::v3::answer_content("1704135846000", "m", body);
                    let s = crate::sign::algorithm::sign(&alipay, crate::sign::SignType::Rsa2, &c)
                        .unwrap();
                    vec![
                        ("alipay-timestamp".into(), "1704135846000".into()),
                        ("alipay-nonce".into(), "m".into()),
                        ("alipay-signature".into(), s),
                    ]
                }
            };
            let answer = Answer {
                status: Some(200),
                headers: &headers,
                body,
            };
            let checked = d.check_answer(&request, &answer, &alipay.public_key());
            assert!(
                matches!(checked.verdict(), Verdict::Trusted(_)),
                "{}",
                d.name()
            );
            let checked = d.check_answer(&request, &answer, &app.public_key());
            assert!(
                matches!(checked.verdict(), Verdict::Rejected(Rejection::Invalid(_))),
                "{}",
                d.name()
            );
        }
    }

    #[test]
    fn duplicate_headers_with_different_values_are_refused() {
        let headers = vec![
            ("Signature".to_string(), "a".to_string()),
            ("signature".to_string(), "b".to_string()),
            ("x".to_string(), "1".to_string()),
            ("X".to_string(), "1".to_string()),
        ];
        let a = Answer {
            status: None,
            headers: &headers,
            body: b"",
        };
        assert!(a.header("SIGNATURE").is_err());
        assert_eq!(a.header("x").unwrap(), Some("1"));
        assert_eq!(a.header("y").unwrap(), None);
    }
}
