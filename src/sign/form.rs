//! `application/x-www-form-urlencoded` in a chosen charset. The gateway wants
//! values percent-encoded in the request charset, and notifications arrive
//! encoded in theirs, so the `url` crate's UTF-8-only decoder will not do.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode, percent_encode};

use crate::sign::charset::{Charset, CharsetError};

/// Characters left as they are: those Python's `quote_plus` keeps, so our
/// query strings look like the official SDK's.
const FORM_SAFE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b' ');

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error(transparent)]
    Charset(#[from] CharsetError),
    #[error("parameter {name:?}: {error}")]
    Value { name: String, error: CharsetError },
}

/// Encodes one component (a name or a value) in `charset`.
pub fn encode_component(text: &str, charset: Charset) -> Result<String, CharsetError> {
    let bytes = charset.encode(text)?;
    Ok(percent_encode(&bytes, FORM_SAFE)
        .to_string()
        .replace(' ', "+"))
}

/// Encodes pairs as a form string in `charset`.
pub fn encode<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    charset: Charset,
) -> Result<String, FormError> {
    let mut out = String::new();
    for (name, value) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(&encode_component(name, charset)?);
        out.push('=');
        out.push_str(
            &encode_component(value, charset).map_err(|error| FormError::Value {
                name: name.to_string(),
                error,
            })?,
        );
    }
    Ok(out)
}

/// Splits a form into raw (still percent-encoded) name and value bytes.
fn split(input: &[u8]) -> impl Iterator<Item = (Vec<u8>, Vec<u8>)> + '_ {
    input
        .split(|&b| b == b'&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (name, value) = match part.iter().position(|&b| b == b'=') {
                Some(i) => (&part[..i], &part[i + 1..]),
                None => (part, &b""[..]),
            };
            (unescape(name), unescape(value))
        })
}

fn unescape(raw: &[u8]) -> Vec<u8> {
    let plus_as_space: Vec<u8> = raw
        .iter()
        .map(|&b| if b == b'+' { b' ' } else { b })
        .collect();
    percent_decode(&plus_as_space).collect()
}

/// Decodes a form in `charset`.
pub fn decode(input: &[u8], charset: Charset) -> Result<Vec<(String, String)>, FormError> {
    split(input.trim_ascii())
        .map(|(name, value)| {
            let name = charset.decode(&name)?.into_owned();
            let value = charset
                .decode(&value)
                .map_err(|error| FormError::Value {
                    name: name.clone(),
                    error,
                })?
                .into_owned();
            Ok((name, value))
        })
        .collect()
}

/// The value of an ASCII parameter (such as `charset`) read before the form's
/// charset is known.
pub fn peek(input: &[u8], name: &str) -> Option<String> {
    split(input.trim_ascii())
        .find(|(n, _)| n == name.as_bytes())
        .and_then(|(_, v)| String::from_utf8(v).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_python_quote_plus() {
        let s = encode(
            [
                ("timestamp", "2024-01-02 03:04:05"),
                ("biz", "{\"a\":\"测 &=+%/\"}"),
            ],
            Charset::Utf8,
        )
        .unwrap();
        assert_eq!(
            s,
            "timestamp=2024-01-02+03%3A04%3A05&biz=%7B%22a%22%3A%22%E6%B5%8B+%26%3D%2B%25%2F%22%7D"
        );
        assert_eq!(encode([("s", "测")], Charset::Gbk).unwrap(), "s=%B2%E2");
    }

    #[test]
    fn decodes_in_the_given_charset() {
        let pairs = decode(b"a=%B2%E2%CA%D4&b=x+y&c&d=", Charset::Gbk).unwrap();
        assert_eq!(
            pairs,
            vec![
                ("a".into(), "测试".into()),
                ("b".into(), "x y".into()),
                ("c".into(), "".into()),
                ("d".into(), "".into())
            ]
        );
        assert!(decode(b"a=%B2%E2", Charset::Utf8).is_err());
        assert_eq!(peek(b"x=1&charset=GBK", "charset").as_deref(), Some("GBK"));
    }
}
