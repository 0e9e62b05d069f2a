//! Explaining a signature that does not verify. Each check tries one usual
//! cause and reports it only when it actually makes the signature verify
//! (or, for key checks, when it is certainly true).

use super::algorithm::{self, SignType};
use super::charset::Charset;
use super::key::PublicKey;

/// One explanation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// A stable identifier for scripts, e.g. `keys_swapped`.
    pub code: &'static str,
    pub message: String,
    /// The setting that makes it verify, for the edge to name its flag.
    #[serde(skip)]
    pub fix: Option<Fix>,
}

/// A setting that, changed, makes the signature verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    SignType(SignType),
    Charset(Charset),
}

impl Finding {
    pub(crate) fn new(code: &'static str, message: impl Into<String>) -> Finding {
        Finding {
            code,
            message: message.into(),
            fix: None,
        }
    }

    fn fixed_by(mut self, fix: Fix) -> Finding {
        self.fix = Some(fix);
        self
    }
}

/// What the diagnosis looks at.
pub struct Case<'a> {
    /// The bytes that were checked.
    pub content: &'a [u8],
    /// `None` when the data carried no signature.
    pub signature: Option<&'a str>,
    pub sign_type: SignType,
    pub charset: Charset,
    /// The key the signature was checked with (normally Alipay's).
    pub key: &'a PublicKey,
    /// The app's own public key, when the app key is at hand.
    pub app_key: Option<&'a PublicKey>,
}

fn verifies(key: &PublicKey, sign_type: SignType, content: &[u8], signature: &str) -> bool {
    algorithm::verify(key, sign_type, content, signature).is_ok()
}

/// Runs every check and returns what explains the failure.
pub fn diagnose(case: &Case<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let key = case.key;

    if key.bits() < 2048 {
        findings.push(Finding::new(
            "key_too_short",
            format!(
                "the key has {} bits; Alipay keys for RSA2 are 2048 bits: this is probably not the Alipay public key",
                key.bits()
            ),
        ));
    }
    if let Some(app) = case.app_key
        && app.same_key(key)
    {
        findings.push(Finding::new(
            "alipay_key_is_app_key",
            "the key given as the Alipay public key is the app's own public key; use the \"Alipay public key\" (支付宝公钥) from the console, not the app public key (应用公钥)",
        ));
    }

    let Some(signature) = case.signature else {
        findings.push(Finding::new(
            "unsigned",
            "the data carries no signature: Alipay leaves gateway-level errors unsigned, but a success without a signature must not be used",
        ));
        return findings;
    };

    match algorithm::decode_signature(signature) {
        Err(_) => {
            let plus = signature.trim().replace(' ', "+");
            if plus != signature.trim() && verifies(key, case.sign_type, case.content, &plus) {
                findings.push(Finding::new(
                    "plus_as_space",
                    "the signature verifies when its spaces are read as '+': it was form-decoded twice (or taken from a URL without decoding once)",
                ));
            } else {
                findings.push(Finding::new(
                    "signature_not_base64",
                    "the signature is not valid base64: it was cut, wrapped or altered in transit",
                ));
            }
            return findings;
        }
        Ok(raw) if raw.len() != key.bits() / 8 => {
            findings.push(Finding::new(
                "signature_length",
                format!(
                    "the signature has {} bytes but a {}-bit key makes {}: it was made with a different key",
                    raw.len(),
                    key.bits(),
                    key.bits() / 8
                ),
            ));
        }
        Ok(_) => {}
    }

    if let Some(app) = case.app_key
        && !app.same_key(key)
        && verifies(app, case.sign_type, case.content, signature)
    {
        findings.push(Finding::new(
            "signed_with_app_key",
            "the signature verifies with the app's own public key: it was made with the app private key, not by Alipay (keys swapped?)",
        ));
    }

    let other = case.sign_type.other();
    if verifies(key, other, case.content, signature) {
        findings.push(
            Finding::new(
                "other_sign_type",
                format!(
                    "the signature verifies as {} ({}), not {}",
                    other.label(),
                    other.java_name(),
                    case.sign_type.label(),
                ),
            )
            .fixed_by(Fix::SignType(other)),
        );
    }

    if case.content.contains(&b'/') {
        let escaped = escape_slashes(case.content);
        if escaped != case.content && verifies(key, case.sign_type, &escaped, signature) {
            findings.push(Finding::new(
                "slashes_unescaped",
                "the content verifies with every '/' written as '\\/': it was re-serialised after receipt; verify the raw body exactly as received",
            ));
        }
    }

    for (suffix, name) in [(&b"\r\n"[..], "CRLF"), (&b"\n"[..], "newline")] {
        if let Some(stripped) = case.content.strip_suffix(suffix) {
            if verifies(key, case.sign_type, stripped, signature) {
                findings.push(Finding::new(
                    "trailing_newline",
                    format!("the content verifies without its trailing {name}: the file has a line ending that was not signed"),
                ));
            }
            break;
        }
    }

    let other_charset = match case.charset {
        Charset::Utf8 => Charset::Gbk,
        Charset::Gbk => Charset::Utf8,
    };
    if let Ok(text) = case.charset.decode(case.content)
        && let Ok(bytes) = other_charset.encode(&text)
        && bytes.as_ref() != case.content
        && verifies(key, case.sign_type, &bytes, signature)
    {
        findings.push(
            Finding::new(
                "charset",
                format!("the content verifies when encoded as {other_charset}"),
            )
            .fixed_by(Fix::Charset(other_charset)),
        );
    }

    let signer_found = findings
        .iter()
        .any(|f| f.code != "key_too_short" && f.code != "alipay_key_is_app_key");
    if !signer_found {
        findings.push(Finding::new(
            "no_match",
            "the signature was not made over this content with this key: either the content differs from what was signed (compare byte for byte) or the key is not the one that signed it (sandbox and production keys differ; check the app id)",
        ));
    }
    findings
}

/// The inverse of the `\/` retry: what a JSON encoder that escapes slashes
/// would have produced.
fn escape_slashes(content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 8);
    let mut prev_backslash = false;
    for &b in content {
        if b == b'/' && !prev_backslash {
            out.push(b'\\');
        }
        prev_backslash = b == b'\\' && !prev_backslash;
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::algorithm::sign;
    use crate::sign::key::PrivateKey;

    fn codes(f: &[Finding]) -> Vec<&'static str> {
        f.iter().map(|f| f.code).collect()
    }

    #[test]
    fn finds_the_usual_causes() {
        let alipay = PrivateKey::generate(1024).unwrap();
        let app = PrivateKey::generate(1024).unwrap();
        let (alipay_pub, app_pub) = (alipay.public_key(), app.public_key());
        let content = br#"{"avatar":"https://x/y"}"#;
        let case = |content: &'static [u8], sig: &'static str, key: &'static PublicKey| Case {
            content,
            signature: Some(sig),
            sign_type: SignType::Rsa,
            charset: Charset::Utf8,
            key,
            app_key: None,
        };
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        let alipay_pub: &'static PublicKey = Box::leak(Box::new(alipay_pub));
        let app_pub: &'static PublicKey = Box::leak(Box::new(app_pub));

        // Signed with the app key.
        let sig = leak(sign(&app, SignType::Rsa, content).unwrap());
        let mut c = case(content, sig, alipay_pub);
        c.app_key = Some(app_pub);
        assert!(codes(&diagnose(&c)).contains(&"signed_with_app_key"));

        // Signed as RSA2 but checked as RSA: the 1024-bit key is too short for
        // RSA2 signing, so check the converse with a 2048-bit key elsewhere;
        // here the escaped-slash case.
        let escaped: &'static [u8] = Box::leak(escape_slashes(content).into_boxed_slice());
        let sig = leak(sign(&alipay, SignType::Rsa, escaped).unwrap());
        assert!(codes(&diagnose(&case(content, sig, alipay_pub))).contains(&"slashes_unescaped"));

        // Trailing newline in a file.
        let sig = leak(sign(&alipay, SignType::Rsa, b"abc").unwrap());
        assert_eq!(
            codes(&diagnose(&case(b"abc\n", sig, alipay_pub))),
            vec!["key_too_short", "trailing_newline"]
        );

        // '+' read as ' '.
        let sig = sign(&alipay, SignType::Rsa, b"abc").unwrap();
        if sig.contains('+') {
            let spaced = leak(sig.replace('+', " "));
            assert!(codes(&diagnose(&case(b"abc", spaced, alipay_pub))).contains(&"plus_as_space"));
        }

        // Nothing explains it.
        assert!(codes(&diagnose(&case(b"abd", leak(sig), alipay_pub))).contains(&"no_match"));

        // Alipay key is the app's own.
        let mut c = case(b"abc", "AAAA", app_pub);
        c.app_key = Some(app_pub);
        let found = codes(&diagnose(&c));
        assert!(found.contains(&"alipay_key_is_app_key"), "{found:?}");
        assert!(found.contains(&"signature_length"), "{found:?}");
    }

    #[test]
    fn slash_escaping_leaves_escaped_ones_alone() {
        assert_eq!(escape_slashes(br#"a/b\/c"#), br#"a\/b\/c"#.to_vec());
    }
}
