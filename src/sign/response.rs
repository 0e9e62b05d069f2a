//! Gateway responses (docs/protocol.md §4): finding the exact raw bytes that
//! Alipay signed, and deciding whether a response may be used.
//!
//! The signature covers the raw text of the method node's value, so nothing
//! here ever re-serialises JSON. The scanner walks the root object only as
//! far as it must, stepping over strings with the Java SDK's rule (a quote
//! counts when preceded by an even number of backslashes) and over GBK
//! multi-byte characters whole, whose trail bytes may look like `\` or `}`.

use std::ops::Range;

use super::algorithm::{self, Mismatch, SignType};
use super::charset::Charset;
use super::key::PublicKey;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResponseError {
    #[error("the response is empty")]
    Empty,
    #[error("the response is not a JSON object: {detail} at byte {offset}")]
    NotJson { offset: usize, detail: String },
    #[error("the response is cut short: it ends at byte {offset} inside {inside}")]
    Truncated { offset: usize, inside: &'static str },
    #[error("the response has no {expected} node (root keys: {found})")]
    NodeMissing { expected: String, found: String },
    #[error(
        "the response has the root key {key:?} more than once; refusing it (possible injection)"
    )]
    Duplicate { key: String },
    #[error("the response has data after its root object at byte {offset}")]
    TrailingData { offset: usize },
    #[error("the response is not valid {charset} text (byte {offset})")]
    Charset { charset: Charset, offset: usize },
}

/// The kind of a root value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ValueKind {
    Object,
    Array,
    String,
    Scalar,
}

#[derive(Debug, Clone)]
struct RootEntry {
    key: String,
    value: Range<usize>,
    kind: ValueKind,
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    charset: Charset,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn unexpected(&self, expected: &str) -> ResponseError {
        match self.peek() {
            None => ResponseError::Truncated {
                offset: self.pos,
                inside: "the root object",
            },
            Some(b) => ResponseError::NotJson {
                offset: self.pos,
                detail: format!("expected {expected}, found {:?}", b as char),
            },
        }
    }

    fn expect(&mut self, byte: u8, expected: &str) -> Result<(), ResponseError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected(expected))
        }
    }

    /// Steps over one character, whole.
    fn advance(&mut self) {
        self.pos += self.charset.char_width(&self.bytes[self.pos..]).max(1);
    }

    /// Scans a string starting at its opening quote; returns the range with
    /// both quotes.
    fn string(&mut self) -> Result<Range<usize>, ResponseError> {
        let start = self.pos;
        self.pos += 1;
        let mut backslashes = 0usize;
        while let Some(b) = self.peek() {
            if b == b'"' && backslashes.is_multiple_of(2) {
                self.pos += 1;
                return Ok(start..self.pos);
            }
            backslashes = if b == b'\\' { backslashes + 1 } else { 0 };
            self.advance();
        }
        Err(ResponseError::Truncated {
            offset: self.pos,
            inside: "a string",
        })
    }

    /// Scans an object or array from its opening bracket to the matching
    /// closing one, counting only brackets outside strings.
    fn balanced(&mut self, open: u8, close: u8) -> Result<Range<usize>, ResponseError> {
        let start = self.pos;
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.string()?;
                    continue;
                }
                b if b == open => depth += 1,
                b if b == close => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return Ok(start..self.pos);
                    }
                }
                _ => {}
            }
            self.advance();
        }
        Err(ResponseError::Truncated {
            offset: self.pos,
            inside: if open == b'{' {
                "an object"
            } else {
                "an array"
            },
        })
    }

    fn scalar(&mut self) -> Result<Range<usize>, ResponseError> {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if matches!(b, b',' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                break;
            }
            if !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.')) {
                return Err(self.unexpected("a value"));
            }
            self.pos += 1;
        }
        if start == self.pos {
            return Err(self.unexpected("a value"));
        }
        Ok(start..self.pos)
    }

    fn value(&mut self) -> Result<(Range<usize>, ValueKind), ResponseError> {
        match self.peek() {
            Some(b'{') => Ok((self.balanced(b'{', b'}')?, ValueKind::Object)),
            Some(b'[') => Ok((self.balanced(b'[', b']')?, ValueKind::Array)),
            Some(b'"') => Ok((self.string()?, ValueKind::String)),
            _ => Ok((self.scalar()?, ValueKind::Scalar)),
        }
    }

    /// Reads the root object's entries.
    fn root(&mut self) -> Result<Vec<RootEntry>, ResponseError> {
        self.skip_whitespace();
        // A UTF-8 byte order mark is not JSON but some proxies add one.
        if self.bytes[self.pos..].starts_with(b"\xEF\xBB\xBF") {
            self.pos += 3;
            self.skip_whitespace();
        }
        if self.peek().is_none() {
            return Err(ResponseError::Empty);
        }
        self.expect(b'{', "`{`")?;
        let mut entries = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
        } else {
            loop {
                self.skip_whitespace();
                if self.peek() != Some(b'"') {
                    return Err(self.unexpected("a key"));
                }
                let key_range = self.string()?;
                let key = decode_json_string(&self.bytes[key_range], self.charset);
                self.skip_whitespace();
                self.expect(b':', "`:`")?;
                self.skip_whitespace();
                let (value, kind) = self.value()?;
                entries.push(RootEntry { key, value, kind });
                self.skip_whitespace();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.unexpected("`,` or `}`")),
                }
            }
        }
        self.skip_whitespace();
        if self.pos < self.bytes.len() {
            return Err(ResponseError::TrailingData { offset: self.pos });
        }
        Ok(entries)
    }
}

/// Decodes a JSON string literal (with its quotes); lossy for the odd
/// malformed escape, since keys and signatures are ASCII in practice.
fn decode_json_string(raw: &[u8], charset: Charset) -> String {
    let text = match charset.decode(raw) {
        Ok(t) => t.into_owned(),
        Err(_) => String::from_utf8_lossy(raw).into_owned(),
    };
    serde_json::from_str::<String>(&text).unwrap_or_else(|_| text.trim_matches('"').to_string())
}

/// The parts of a gateway response that signature checking needs.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The root key of the signed node, e.g. `alipay_system_oauth_token_response`.
    pub node: String,
    /// The exact bytes Alipay signed: the node's raw value.
    pub content: Vec<u8>,
    /// The node's value is a string (an AES-encrypted response).
    pub encrypted: bool,
    /// The root `sign`, JSON-unescaped; `None` when absent or empty.
    pub sign: Option<String>,
    /// The root `alipay_cert_sn` (certificate mode).
    pub alipay_cert_sn: Option<String>,
    pub charset: Charset,
}

impl Extracted {
    /// The signed content as text.
    pub fn content_text(&self) -> Result<String, ResponseError> {
        self.charset
            .decode(&self.content)
            .map(|t| t.into_owned())
            .map_err(|e| match e {
                super::charset::CharsetError::Malformed { charset, offset } => {
                    ResponseError::Charset { charset, offset }
                }
                other => ResponseError::NotJson {
                    offset: 0,
                    detail: other.to_string(),
                },
            })
    }
}

/// The node name for a method: dots become underscores, `_response` is added.
pub fn node_name(method: &str) -> String {
    format!("{}_response", method.trim().replace('.', "_"))
}

/// Extracts the signed node of a gateway response.
///
/// With a method, its node is taken, else `error_response`; without one, the
/// root key ending in `_response`. A root key that occurs twice, or the
/// node's quoted name appearing again after its value (the Java SDK's check),
/// rejects the response.
pub fn extract(
    body: &[u8],
    method: Option<&str>,
    charset: Charset,
) -> Result<Extracted, ResponseError> {
    let mut scanner = Scanner {
        bytes: body,
        pos: 0,
        charset,
    };
    let entries = scanner.root()?;

    let mut seen = std::collections::HashSet::new();
    for e in &entries {
        if !seen.insert(e.key.as_str()) {
            return Err(ResponseError::Duplicate { key: e.key.clone() });
        }
    }

    let is_node = |e: &&RootEntry| matches!(e.kind, ValueKind::Object | ValueKind::String);
    let named = |name: &str| entries.iter().filter(is_node).find(|e| e.key == name);
    let (expected, node) = match method {
        Some(m) => {
            let wanted = node_name(m);
            let node = named(&wanted).or_else(|| named("error_response"));
            (wanted, node)
        }
        None => {
            let node = entries
                .iter()
                .filter(is_node)
                .find(|e| e.key.ends_with("_response") && e.key != "error_response")
                .or_else(|| named("error_response"));
            ("a `*_response`".to_string(), node)
        }
    };
    let node = node.ok_or_else(|| ResponseError::NodeMissing {
        expected,
        found: entries
            .iter()
            .map(|e| e.key.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    })?;

    let quoted = format!("\"{}\"", node.key);
    if find(&body[node.value.end..], quoted.as_bytes()).is_some() {
        return Err(ResponseError::Duplicate {
            key: node.key.clone(),
        });
    }

    let root_string = |name: &str| {
        entries
            .iter()
            .find(|e| e.key == name && e.kind == ValueKind::String)
            .map(|e| decode_json_string(&body[e.value.clone()], charset))
            .filter(|s| !s.is_empty())
    };

    Ok(Extracted {
        node: node.key.clone(),
        content: body[node.value.clone()].to_vec(),
        encrypted: node.kind == ValueKind::String,
        sign: root_string("sign"),
        alipay_cert_sn: root_string("alipay_cert_sn"),
        charset,
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Replaces every `\/` with `/`, stepping over multi-byte characters whole.
pub fn unescape_slashes(content: &[u8], charset: Charset) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len());
    let mut i = 0;
    while i < content.len() {
        if content[i] == b'\\' && content.get(i + 1) == Some(&b'/') {
            out.push(b'/');
            i += 2;
            continue;
        }
        let w = charset.char_width(&content[i..]).max(1);
        out.extend_from_slice(&content[i..i + w]);
        i += w;
    }
    out
}

/// What checking a signature found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureStatus {
    /// It verifies; `unescaped_slashes` when only after replacing `\/` by `/`
    /// (the Java SDK's retry).
    Valid {
        unescaped_slashes: bool,
    },
    /// No `sign` at the root.
    Unsigned,
    Invalid(Mismatch),
}

/// A response with its signature checked.
#[derive(Debug, Clone)]
pub struct CheckedResponse {
    pub extracted: Extracted,
    pub status: SignatureStatus,
}

/// Verifies a signature over content, with the `\/` retry.
pub fn verify_content(
    key: &PublicKey,
    sign_type: SignType,
    content: &[u8],
    signature: &str,
    charset: Charset,
) -> SignatureStatus {
    match algorithm::verify(key, sign_type, content, signature) {
        Ok(()) => SignatureStatus::Valid {
            unescaped_slashes: false,
        },
        Err(first) => {
            if find(content, b"\\/").is_some() {
                let unescaped = unescape_slashes(content, charset);
                if algorithm::verify(key, sign_type, &unescaped, signature).is_ok() {
                    return SignatureStatus::Valid {
                        unescaped_slashes: true,
                    };
                }
            }
            SignatureStatus::Invalid(first)
        }
    }
}

/// Extracts and verifies a gateway response.
pub fn check(
    body: &[u8],
    method: Option<&str>,
    charset: Charset,
    sign_type: SignType,
    alipay_key: &PublicKey,
) -> Result<CheckedResponse, ResponseError> {
    let extracted = extract(body, method, charset)?;
    let status = match &extracted.sign {
        None => SignatureStatus::Unsigned,
        Some(sign) => verify_content(alipay_key, sign_type, &extracted.content, sign, charset),
    };
    Ok(CheckedResponse { extracted, status })
}

/// What may be done with a checked response (the fail-closed policy).
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Signed and valid: the node may be used.
    Trusted(serde_json::Value),
    /// An error node without a signature: it may be reported, as an unsigned
    /// error, but nothing in it is trusted.
    UnsignedError(serde_json::Value),
    /// Not to be used at all.
    Rejected(Rejection),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("the response signature is invalid: {0}")]
    Invalid(Mismatch),
    #[error("the response claims success but carries no signature")]
    UnsignedSuccess,
    #[error("the signed node is not JSON ({0})")]
    Unparsable(String),
    /// Certificate mode: the answer names an Alipay certificate other than
    /// the configured one, so its signature proves nothing about it.
    #[error(
        "the response names Alipay certificate SN {} but the configured Alipay certificate has SN {expected}",
        got.as_deref().unwrap_or("(none)")
    )]
    CertSnMismatch {
        got: Option<String>,
        expected: String,
    },
    /// Validly signed, but nested deeper than any real answer.
    #[error("the signed node is nested too deep to use (more than {limit} levels)")]
    TooDeep { limit: usize },
}

/// Why a node's JSON could not be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NodeError {
    #[error("the response is AES-encrypted, which the OAuth APIs never use")]
    Encrypted,
    #[error("nested too deep (more than {limit} levels)")]
    TooDeep { limit: usize },
    #[error("{0}")]
    NotJson(String),
}

/// The deepest nesting of a signed node that is parsed. Real answers are a
/// few levels deep; serde_json itself gives up at 128, with a message that
/// would read like plain bad JSON.
pub const MAX_NODE_DEPTH: usize = 64;

/// True when JSON text nests arrays and objects deeper than `limit`
/// (brackets inside strings do not count).
fn nests_deeper_than(text: &[u8], limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in text {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

impl CheckedResponse {
    /// Parses the node's JSON (for plain, unencrypted nodes).
    pub fn node_json(&self) -> Result<serde_json::Value, NodeError> {
        if self.extracted.encrypted {
            return Err(NodeError::Encrypted);
        }
        let text = self
            .extracted
            .content_text()
            .map_err(|e| NodeError::NotJson(e.to_string()))?;
        if nests_deeper_than(text.as_bytes(), MAX_NODE_DEPTH) {
            return Err(NodeError::TooDeep {
                limit: MAX_NODE_DEPTH,
            });
        }
        serde_json::from_str(&text).map_err(|e| NodeError::NotJson(e.to_string()))
    }

    /// Applies the fail-closed policy of docs/protocol.md §4.2.
    pub fn verdict(&self) -> Verdict {
        let node = self.node_json().map_err(|e| match e {
            NodeError::TooDeep { limit } => Rejection::TooDeep { limit },
            other => Rejection::Unparsable(other.to_string()),
        });
        match (&self.status, node) {
            (SignatureStatus::Valid { .. }, Ok(v)) => Verdict::Trusted(v),
            (SignatureStatus::Valid { .. }, Err(r)) => Verdict::Rejected(r),
            (SignatureStatus::Invalid(m), _) => Verdict::Rejected(Rejection::Invalid(m.clone())),
            (SignatureStatus::Unsigned, Ok(v)) => {
                if is_error_node(&self.extracted.node, &v) {
                    Verdict::UnsignedError(v)
                } else {
                    Verdict::Rejected(Rejection::UnsignedSuccess)
                }
            }
            (SignatureStatus::Unsigned, Err(r)) => Verdict::Rejected(r),
        }
    }
}

/// An error node: `error_response`, or a node whose `code` is not 10000. A
/// node without `code` is a success only when it carries an `access_token`
/// (the sandbox omits `code` on successful token responses).
pub fn is_error_node(node: &str, value: &serde_json::Value) -> bool {
    if node == "error_response" {
        return true;
    }
    match value.get("code") {
        Some(code) => code_str(code).as_deref() != Some("10000"),
        None => value.get("access_token").is_none() && value.get("sub_code").is_some(),
    }
}

/// A JSON value as the string Alipay means (codes come as strings or numbers).
pub fn code_str(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn nesting_depth_ignores_brackets_in_strings() {
        assert!(!nests_deeper_than(br#"{"a":[[1]],"b":"[[[[[[[[["}"#, 3));
        assert!(nests_deeper_than(br#"{"a":[[[1]]]}"#, 3));
        assert!(!nests_deeper_than(br#"{"a":"\"[[[[[["}"#, 1));
    }

    use super::*;

    fn ex(body: &str, method: Option<&str>) -> Result<Extracted, ResponseError> {
        extract(body.as_bytes(), method, Charset::Utf8)
    }

    fn content(body: &str, method: Option<&str>) -> String {
        String::from_utf8(ex(body, method).unwrap().content).unwrap()
    }

    #[test]
    fn braces_and_quotes_inside_strings() {
        let body = r#"{"a_b_response":{"msg":"} { \" }}","n":{"x":"{"}},"sign":"c2ln"}"#;
        assert_eq!(
            content(body, Some("a.b")),
            r#"{"msg":"} { \" }}","n":{"x":"{"}}"#
        );
        assert_eq!(ex(body, None).unwrap().sign.as_deref(), Some("c2ln"));
    }

    #[test]
    fn even_and_odd_backslash_runs() {
        // `\\"` ends the string (two backslashes = an escaped backslash);
        // `\\\"` does not (the third escapes the quote).
        let body = r#"{"x_response":{"a":"p\\","b":"q\\\"}","c":"\\\\"},"sign":"s"}"#;
        assert_eq!(
            content(body, Some("x")),
            r#"{"a":"p\\","b":"q\\\"}","c":"\\\\"}"#
        );
    }

    #[test]
    fn whitespace_and_newlines_around_colons_are_kept_in_content() {
        let body = "{\n  \"x_response\" :\n\t{ \"code\" : \"10000\" ,\n \"l\":[1,{\"a\":[]}] }\r\n ,\"sign\"\n:\n\"s\" }\n";
        assert_eq!(
            content(body, Some("x")),
            "{ \"code\" : \"10000\" ,\n \"l\":[1,{\"a\":[]}] }"
        );
    }

    #[test]
    fn encrypted_string_node_includes_quotes() {
        let body = r#"{"x_response":"QUVTIGNpcGhlcg==","sign":"s"}"#;
        let e = ex(body, Some("x")).unwrap();
        assert!(e.encrypted);
        assert_eq!(e.content, br#""QUVTIGNpcGhlcg==""#);
    }

    #[test]
    fn duplicated_root_nodes_are_rejected() {
        let body = r#"{"x_response":{"code":"10000"},"sign":"s","x_response":{"code":"40004"}}"#;
        assert!(matches!(
            ex(body, Some("x")),
            Err(ResponseError::Duplicate { .. })
        ));
        // The Java SDK's textual check: the quoted node name after the value.
        let body = r#"{"x_response":{"code":"10000"},"other":{"x_response":1},"sign":"s"}"#;
        assert!(matches!(
            ex(body, Some("x")),
            Err(ResponseError::Duplicate { .. })
        ));
        let body = r#"{"x_response":{"code":"10000"},"sign":"a","sign":"b"}"#;
        assert!(
            matches!(ex(body, Some("x")), Err(ResponseError::Duplicate { key }) if key == "sign")
        );
    }

    #[test]
    fn missing_sign_and_error_nodes() {
        let e = ex(
            r#"{"error_response":{"code":"40002","sub_code":"isv.invalid-signature"}}"#,
            Some("x"),
        )
        .unwrap();
        assert_eq!(e.node, "error_response");
        assert_eq!(e.sign, None);
        let e = ex(r#"{"x_response":{"code":"10000"},"sign":""}"#, Some("x")).unwrap();
        assert_eq!(e.sign, None);
        assert!(matches!(
            ex(r#"{"y_response":{}}"#, Some("x")),
            Err(ResponseError::NodeMissing { .. })
        ));
    }

    #[test]
    fn truncated_and_malformed_bodies() {
        for body in [
            r#"{"x_response":{"code":"10000","msg":"Succ"#,
            r#"{"x_response":{"code":"10000"}"#,
            r#"{"x_response":{"code":"10000"},"sign":"abc"#,
            r#"{"x_response""#,
        ] {
            assert!(
                matches!(ex(body, Some("x")), Err(ResponseError::Truncated { .. })),
                "{body}"
            );
        }
        assert!(matches!(ex("", None), Err(ResponseError::Empty)));
        assert!(matches!(
            ex("<html>502</html>", None),
            Err(ResponseError::NotJson { .. })
        ));
        assert!(matches!(
            ex(r#"{"x_response":{}} trailing"#, None),
            Err(ResponseError::TrailingData { .. })
        ));
    }

    #[test]
    fn non_utf8_bytes_are_scanned_as_bytes() {
        let mut body = br#"{"x_response":{"nick":""#.to_vec();
        body.extend_from_slice(b"\xff\xfe}\"");
        body.extend_from_slice(br#"},"sign":"s"}"#);
        let e = extract(&body, Some("x"), Charset::Utf8).unwrap();
        assert_eq!(e.content, b"{\"nick\":\"\xff\xfe}\"}");
        assert!(e.content_text().is_err());
    }

    #[test]
    fn gbk_trail_bytes_that_look_like_delimiters() {
        // U+5F00 is 0x81 0x7D in GBK: its trail byte is `}`.
        // 0x95 0x5C has a trail byte equal to `\`.
        let mut body = br#"{"x_response":{"m":""#.to_vec();
        body.extend_from_slice(b"\x81\x7d\x95\x5c");
        body.extend_from_slice(br#""},"sign":"s"}"#);
        let e = extract(&body, Some("x"), Charset::Gbk).unwrap();
        assert_eq!(e.content, b"{\"m\":\"\x81\x7d\x95\x5c\"}");
        assert!(e.content_text().is_ok());
    }

    #[test]
    fn slash_unescaping() {
        assert_eq!(
            unescape_slashes(br#"{"a":"https:\/\/x\/y","b":"\\"}"#, Charset::Utf8),
            br#"{"a":"https://x/y","b":"\\"}"#.to_vec()
        );
    }

    #[test]
    fn error_nodes() {
        let v = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
        assert!(is_error_node("error_response", &v("{}")));
        assert!(is_error_node("x_response", &v(r#"{"code":"40004"}"#)));
        assert!(is_error_node("x_response", &v(r#"{"code":20001}"#)));
        assert!(!is_error_node("x_response", &v(r#"{"code":"10000"}"#)));
        assert!(!is_error_node("x_response", &v(r#"{"access_token":"t"}"#)));
    }
}
