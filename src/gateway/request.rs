//! Building v2 gateway requests: common parameters (docs/protocol.md §3.1, §3.2).

use time::format_description::FormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

use super::client::CertMode;
use crate::sign::{Charset, Params, SignType};

/// The gateway's timestamp format, `yyyy-MM-dd HH:mm:ss`.
pub const TIMESTAMP_FORMAT: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");

/// Beijing time, UTC+8, with no daylight saving.
pub fn beijing() -> UtcOffset {
    UtcOffset::from_hms(8, 0, 0).expect("+08:00 is a valid offset")
}

/// Formats an instant as a gateway timestamp in Beijing time, whatever the
/// host's time zone (the Python and Node SDKs use local time and fail
/// abroad with `isv.invalid-timestamp`).
pub fn format_timestamp(at: OffsetDateTime) -> String {
    at.to_offset(beijing())
        .format(TIMESTAMP_FORMAT)
        .expect("the timestamp format has no fallible parts")
}

/// The current gateway timestamp.
pub fn now_timestamp() -> String {
    format_timestamp(OffsetDateTime::now_utc())
}

/// Parses a gateway timestamp as Beijing time.
pub fn parse_timestamp(s: &str) -> Result<OffsetDateTime, time::error::Parse> {
    PrimitiveDateTime::parse(s.trim(), TIMESTAMP_FORMAT).map(|t| t.assume_offset(beijing()))
}

/// What every request of an app carries.
#[derive(Debug, Clone)]
pub struct Common<'a> {
    pub app_id: &'a str,
    pub charset: Charset,
    pub sign_type: SignType,
    pub timestamp: String,
}

/// Names of the common parameters: they go in the URL query string, every
/// other parameter in the form body, as the official SDKs place them.
pub const QUERY_PARAMS: &[&str] = &[
    "app_id",
    "method",
    "format",
    "charset",
    "sign_type",
    "sign",
    "timestamp",
    "version",
    "notify_url",
    "return_url",
    "auth_token",
    "app_auth_token",
    "app_cert_sn",
    "alipay_root_cert_sn",
    "encrypt_type",
];

/// The common parameters of a request for `method`.
pub fn common_params(method: &str, common: &Common<'_>) -> Params {
    let mut p = Params::new();
    p.set("app_id", common.app_id);
    p.set("method", method);
    p.set("format", "JSON");
    p.set("charset", common.charset.label());
    p.set("sign_type", common.sign_type.label());
    p.set("timestamp", common.timestamp.clone());
    p.set("version", "1.0");
    p
}

/// Everything a request for `method` signs besides its API parameters: the
/// common parameters and, in certificate mode, the certificate SNs. Both
/// the client and `sign --method` build requests here, so what `sign`
/// shows is what a call signs.
pub fn request_params(method: &str, common: &Common<'_>, cert: Option<&CertMode>) -> Params {
    let mut p = common_params(method, common);
    if let Some(cert) = cert {
        p.set("app_cert_sn", cert.app_cert_sn.clone());
        p.set("alipay_root_cert_sn", cert.alipay_root_cert_sn.clone());
    }
    p
}

/// Parameters the client sets itself for every request: a caller giving one
/// would contradict the configuration or the signature.
pub const GENERATED_PARAMS: &[&str] = &[
    "app_id",
    "method",
    "format",
    "charset",
    "sign_type",
    "sign",
    "timestamp",
    "version",
    "app_cert_sn",
    "alipay_root_cert_sn",
];

/// True for methods that act for a logged-in user and take the user's
/// access token as `auth_token`: the member APIs under `alipay.user.`.
pub fn takes_user_token(method: &str) -> bool {
    method.starts_with("alipay.user.")
}

/// Why a `biz_content` cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BizContentError {
    #[error("biz_content is not a JSON object")]
    NotObject,
    /// Not JSON, or an object with a repeated key.
    #[error("biz_content is refused: {0}")]
    Invalid(String),
}

/// Checks a `biz_content` before it is signed: a JSON object in which no
/// object repeats a key (the gateway would keep one of the two values, and
/// which one is not what the caller can know). Returns the text without
/// surrounding whitespace, which is what is sent.
pub fn check_biz_content(text: &str) -> Result<&str, BizContentError> {
    let text = text.trim();
    if !text.starts_with('{') {
        return Err(BizContentError::NotObject);
    }
    serde_json::from_str::<NoDuplicateKeys>(text)
        .map_err(|e| BizContentError::Invalid(e.to_string()))?;
    Ok(text)
}

/// A JSON value read only to refuse an object with a repeated key.
struct NoDuplicateKeys;

impl<'de> serde::Deserialize<'de> for NoDuplicateKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoDuplicateKeysVisitor)
    }
}

struct NoDuplicateKeysVisitor;

impl<'de> serde::de::Visitor<'de> for NoDuplicateKeysVisitor {
    type Value = NoDuplicateKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(NoDuplicateKeys)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<NoDuplicateKeys>()?.is_some() {}
        Ok(NoDuplicateKeys)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(serde::de::Error::custom(format!(
                    "the key {key:?} appears twice in one object"
                )));
            }
            map.next_value::<NoDuplicateKeys>()?;
        }
        Ok(NoDuplicateKeys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_beijing_time() {
        let utc = time::macros::datetime!(2024-01-01 19:04:05 UTC);
        assert_eq!(format_timestamp(utc), "2024-01-02 03:04:05");
        let back = parse_timestamp("2024-01-02 03:04:05").unwrap();
        assert_eq!(back, utc);
        assert!(parse_timestamp("2024-01-02T03:04:05").is_err());
    }

    #[test]
    fn biz_content_is_an_object_with_each_key_once() {
        assert_eq!(
            check_biz_content(" {\"a\":1,\"b\":{\"a\":[1,{\"c\":null}]}}\n"),
            Ok("{\"a\":1,\"b\":{\"a\":[1,{\"c\":null}]}}")
        );
        let twice = check_biz_content("{\"a\":1,\"b\":{\"x\":1,\"x\":2}}").unwrap_err();
        assert!(twice.to_string().contains("\"x\" appears twice"), "{twice}");
        assert_eq!(check_biz_content("[1]"), Err(BizContentError::NotObject));
        assert!(matches!(
            check_biz_content("{\"a\":}"),
            Err(BizContentError::Invalid(_))
        ));
        assert!(matches!(
            check_biz_content("{\"a\":1} x"),
            Err(BizContentError::Invalid(_))
        ));
    }
}
