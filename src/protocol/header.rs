//! Wire rules of Antom and Alipay+ (docs/protocol.md §10): where each family
//! lives, the sandbox path rewrite, the `result` object and the times.

use serde_json::Value;
use time::OffsetDateTime;

/// The protocol family of a request. `Alipay` is the Open Platform v2
/// gateway; the other two speak the header dialect.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    #[default]
    Alipay,
    Antom,
    #[serde(rename = "alipayplus")]
    #[value(name = "alipayplus")]
    AlipayPlus,
}

impl Family {
    pub fn label(self) -> &'static str {
        match self {
            Family::Alipay => "alipay",
            Family::Antom => "antom",
            Family::AlipayPlus => "alipayplus",
        }
    }

    /// For serde's `skip_serializing_if`.
    pub fn is_alipay(&self) -> bool {
        *self == Family::Alipay
    }

    /// True for the families of the header dialect.
    pub fn is_header(self) -> bool {
        self != Family::Alipay
    }
}

impl std::fmt::Display for Family {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

impl std::fmt::Display for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// The Antom / Alipay+ domain.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    #[default]
    Sea,
    Na,
    Eu,
}

impl Region {
    pub fn label(self) -> &'static str {
        match self {
            Region::Sea => "sea",
            Region::Na => "na",
            Region::Eu => "eu",
        }
    }
}

/// A family that has no domain in a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{family} has no domain in region {}", region.label())]
pub struct NoDomain {
    pub family: Family,
    pub region: Region,
}

/// The production base URL of a header family in a region.
pub fn base_url(family: Family, region: Region) -> Result<String, NoDomain> {
    let host = match (family, region) {
        (Family::Antom, Region::Sea) => "open-sea-global.alipay.com",
        (Family::Antom, Region::Na) => "open-na-global.alipay.com",
        (Family::Antom, Region::Eu) => "open-de-global.alipay.com",
        (Family::AlipayPlus, Region::Sea) => "open-sea-global.alipayplus.com",
        (Family::AlipayPlus, Region::Na) => "open-na-global.alipayplus.com",
        _ => return Err(NoDomain { family, region }),
    };
    Ok(format!("https://{host}"))
}

/// The API path prefix of a family (`/ams/api/v1/` or `/aps/api/v1/`).
pub fn api_prefix(family: Family) -> &'static str {
    match family {
        Family::AlipayPlus => "/aps/api/v1/",
        _ => "/ams/api/v1/",
    }
}

/// The path of an API (`authorizations/consult`) of a family.
pub fn api_path(family: Family, api: &str) -> String {
    format!("{}{api}", api_prefix(family))
}

/// Antom's sandbox serves `/ams/sandbox/api/...`: the rewrite is made before
/// signing, since the path is part of the signed content. Other paths are
/// left alone.
pub fn sandbox_path(path: &str) -> String {
    match path.strip_prefix("/ams/api/") {
        Some(rest) => format!("/ams/sandbox/api/{rest}"),
        None => path.to_string(),
    }
}

/// A client id of this form is a sandbox client (the official SDK switches
/// to the sandbox paths for it).
pub fn is_sandbox_client(client_id: &str) -> bool {
    client_id.starts_with("SANDBOX_")
}

/// `result.resultStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultStatus {
    /// Success.
    S,
    /// Failed: the request was refused and did nothing.
    F,
    /// Unknown: the outcome is not known; the same request may be retried.
    U,
}

/// The `result` object of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiResult {
    pub status: ResultStatus,
    pub code: String,
    pub message: String,
}

/// Why an answer's `result` cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResultError {
    #[error("the answer has no result object")]
    Missing,
    #[error("the answer's result.resultStatus is {0:?}, not S, F or U")]
    Status(String),
}

/// Reads `result` of an answer body.
pub fn api_result(body: &Value) -> Result<ApiResult, ResultError> {
    let result = body.get("result").ok_or(ResultError::Missing)?;
    let text = |k: &str| {
        result
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let status = match result.get("resultStatus").and_then(Value::as_str) {
        Some("S") => ResultStatus::S,
        Some("F") => ResultStatus::F,
        Some("U") => ResultStatus::U,
        other => return Err(ResultError::Status(other.unwrap_or("").to_string())),
    };
    Ok(ApiResult {
        status,
        code: text("resultCode"),
        message: text("resultMessage"),
    })
}

/// An Antom time: ISO-8601 with an offset (`2019-11-27T12:01:01+08:00`).
pub fn parse_time(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text.trim(), &time::format_description::well_known::Rfc3339).ok()
}

/// A `Request-Time` for now: ISO-8601 with the UTC offset, as the official
/// SDK sends it.
pub fn request_time(now: OffsetDateTime) -> String {
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
    );
    now.to_offset(time::UtcOffset::UTC)
        .format(&fmt)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn domains_and_paths() {
        assert_eq!(
            base_url(Family::Antom, Region::Eu).unwrap(),
            "https://open-de-global.alipay.com"
        );
        assert_eq!(
            base_url(Family::AlipayPlus, Region::Na).unwrap(),
            "https://open-na-global.alipayplus.com"
        );
        assert!(base_url(Family::AlipayPlus, Region::Eu).is_err());
        assert_eq!(
            sandbox_path(&api_path(Family::Antom, "authorizations/consult")),
            "/ams/sandbox/api/v1/authorizations/consult"
        );
        // Alipay+ has no sandbox rewrite.
        assert_eq!(
            sandbox_path("/aps/api/v1/authorizations/prepare"),
            "/aps/api/v1/authorizations/prepare"
        );
    }

    #[test]
    fn results() {
        let r = api_result(
            &json!({"result": {"resultStatus": "U", "resultCode": "UNKNOWN_EXCEPTION"}}),
        )
        .unwrap();
        assert_eq!(r.status, ResultStatus::U);
        assert_eq!(r.code, "UNKNOWN_EXCEPTION");
        assert_eq!(api_result(&json!({})), Err(ResultError::Missing));
        assert!(api_result(&json!({"result": {"resultStatus": "X"}})).is_err());
        let t = request_time(OffsetDateTime::from_unix_timestamp(1_574_827_261).unwrap());
        assert_eq!(t, "2019-11-27T04:01:01+00:00");
        assert_eq!(parse_time(&t).unwrap().unix_timestamp(), 1_574_827_261);
        assert_eq!(
            parse_time("2019-11-27T12:01:01+08:00")
                .unwrap()
                .unix_timestamp(),
            1_574_827_261
        );
    }
}
