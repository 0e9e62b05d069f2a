//! Typed results of the OAuth APIs (docs/protocol.md §5) and the user model
//! that `exchange` and `userinfo` print.

use serde_json::Value;
use time::OffsetDateTime;

use super::request::parse_timestamp;
use crate::secret::{AccessToken, RefreshToken};

/// Which id identifies the user: apps since 2023 get `open_id`, older apps
/// `user_id`, migrating apps both (and `open_id` wins).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    OpenId,
    UserId,
}

impl IdKind {
    pub fn label(self) -> &'static str {
        match self {
            IdKind::OpenId => "open_id",
            IdKind::UserId => "user_id",
        }
    }
}

/// `subject = open_id` if present, else `user_id`.
pub fn subject_of(open_id: Option<&str>, user_id: Option<&str>) -> Option<(String, IdKind)> {
    match (open_id, user_id) {
        (Some(o), _) if !o.is_empty() => Some((o.to_string(), IdKind::OpenId)),
        (_, Some(u)) if !u.is_empty() => Some((u.to_string(), IdKind::UserId)),
        _ => None,
    }
}

/// A string field, accepting numbers too.
fn text(node: &Value, key: &str) -> Option<String> {
    match node.get(key)? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A number of seconds sent as a number or a string.
fn seconds(node: &Value, key: &str) -> Option<i64> {
    match node.get(key)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The tokens of `alipay.system.oauth.token`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct TokenSet {
    #[serde(with = "crate::secret::exposed")]
    pub access_token: AccessToken,
    #[serde(with = "crate::secret::exposed_opt")]
    pub refresh_token: Option<RefreshToken>,
    pub expires_in: Option<i64>,
    pub re_expires_in: Option<i64>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub expires_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub refresh_expires_at: Option<OffsetDateTime>,
    pub auth_start: Option<String>,
    pub user_id: Option<String>,
    pub open_id: Option<String>,
    pub union_id: Option<String>,
    /// `auth_token_type = permanent`: the token never expires.
    #[serde(default)]
    pub permanent: bool,
}

/// A successful token node that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the {what} response has no {field}")]
pub struct MissingField {
    pub what: &'static str,
    pub field: &'static str,
}

impl TokenSet {
    /// Reads a verified token node. Lifetimes run from `auth_start` (Beijing
    /// time) when the gateway gives it, else from `now`.
    pub fn from_node(node: &Value, now: OffsetDateTime) -> Result<TokenSet, MissingField> {
        let access_token = text(node, "access_token").ok_or(MissingField {
            what: "token",
            field: "access_token",
        })?;
        let auth_start = text(node, "auth_start");
        let start = auth_start
            .as_deref()
            .and_then(|s| parse_timestamp(s).ok())
            .unwrap_or(now);
        let permanent = text(node, "auth_token_type").as_deref() == Some("permanent");
        let expires_in = seconds(node, "expires_in");
        let re_expires_in = seconds(node, "re_expires_in");
        // An absurd lifetime (past year 9999) means "no known expiry".
        let at = |secs: Option<i64>| {
            secs.and_then(|s| start.checked_add(time::Duration::seconds(s)))
                .map(|t| t.to_offset(time::UtcOffset::UTC))
        };
        Ok(TokenSet {
            access_token: AccessToken::new(access_token),
            refresh_token: text(node, "refresh_token").map(RefreshToken::new),
            expires_in,
            re_expires_in,
            expires_at: if permanent { None } else { at(expires_in) },
            refresh_expires_at: at(re_expires_in),
            auth_start,
            user_id: text(node, "user_id"),
            open_id: text(node, "open_id"),
            union_id: text(node, "union_id"),
            permanent,
        })
    }

    pub fn subject(&self) -> Option<(String, IdKind)> {
        subject_of(self.open_id.as_deref(), self.user_id.as_deref())
    }

    /// True when the access token is expired, or will be within `margin`.
    pub fn access_expired(&self, now: OffsetDateTime, margin: time::Duration) -> bool {
        self.expires_at.is_some_and(|at| at <= now + margin)
    }

    pub fn refresh_expired(&self, now: OffsetDateTime) -> bool {
        self.refresh_expires_at.is_some_and(|at| at <= now)
    }

    /// The JSON document `exchange` prints, secrets in full: the same shape
    /// as the token file, so the two cannot drift apart.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).expect("the token model serialises")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
}

/// The user of `alipay.user.info.share`, as `userinfo` prints it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct UserInfo {
    pub subject: String,
    pub id_kind: IdKind,
    pub user_id: Option<String>,
    pub open_id: Option<String>,
    pub union_id: Option<String>,
    pub nickname: Option<String>,
    pub avatar: Option<String>,
    pub gender: Option<Gender>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub is_certified: Option<bool>,
    /// The verified node as Alipay sent it.
    pub raw: Value,
}

impl UserInfo {
    pub fn from_node(node: &Value) -> Result<UserInfo, MissingField> {
        let user_id = text(node, "user_id");
        let open_id = text(node, "open_id");
        let (subject, id_kind) =
            subject_of(open_id.as_deref(), user_id.as_deref()).ok_or(MissingField {
                what: "user info",
                field: "open_id or user_id",
            })?;
        // The sandbox sends `m` where production sends `M`.
        let gender = match text(node, "gender")
            .as_deref()
            .map(str::to_ascii_uppercase)
            .as_deref()
        {
            Some("M") => Some(Gender::Male),
            Some("F") => Some(Gender::Female),
            _ => None,
        };
        let is_certified = match text(node, "is_certified").as_deref() {
            Some("T") | Some("t") | Some("true") => Some(true),
            Some("F") | Some("f") | Some("false") => Some(false),
            _ => None,
        };
        Ok(UserInfo {
            subject,
            id_kind,
            user_id,
            open_id,
            union_id: text(node, "union_id"),
            nickname: text(node, "nick_name"),
            avatar: text(node, "avatar"),
            gender,
            province: text(node, "province"),
            city: text(node, "city"),
            is_certified,
            raw: node.clone(),
        })
    }

    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).expect("the user model serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn token_lifetimes_as_numbers_or_strings() {
        let now = time::macros::datetime!(2024-01-01 00:00:00 UTC);
        let node = json!({"access_token": "a", "refresh_token": "r", "expires_in": "3600",
                          "re_expires_in": 7200, "auth_start": "2024-01-02 03:04:05", "open_id": "o1", "user_id": "2088"});
        let t = TokenSet::from_node(&node, now).unwrap();
        assert_eq!(t.expires_in, Some(3600));
        assert_eq!(t.re_expires_in, Some(7200));
        // auth_start is Beijing time: 03:04:05+08:00 = 19:04:05Z the day before.
        assert_eq!(
            t.expires_at,
            Some(time::macros::datetime!(2024-01-01 20:04:05 UTC))
        );
        assert_eq!(t.subject(), Some(("o1".into(), IdKind::OpenId)));
        let doc = t.to_json();
        assert_eq!(doc["expires_at"], "2024-01-01T20:04:05Z");
        assert_eq!(doc["union_id"], Value::Null);
        let t = TokenSet::from_node(
            &json!({"access_token": "a", "auth_token_type": "permanent", "expires_in": 1}),
            now,
        )
        .unwrap();
        assert_eq!(t.expires_at, None);
        // The printed document carries `permanent` (it once dropped it).
        assert_eq!(t.to_json()["permanent"], true);
        assert!(TokenSet::from_node(&json!({"code": "10000"}), now).is_err());
        let t = TokenSet::from_node(&json!({"access_token": "a", "expires_in": i64::MAX}), now)
            .unwrap();
        assert_eq!(t.expires_at, None);
    }

    #[test]
    fn user_model() {
        let u = UserInfo::from_node(&json!({"code": "10000", "user_id": "2088", "gender": "m", "is_certified": "F", "nick_name": "n"})).unwrap();
        assert_eq!((u.subject.as_str(), u.id_kind), ("2088", IdKind::UserId));
        assert_eq!(u.gender, Some(Gender::Male));
        assert_eq!(u.is_certified, Some(false));
        let doc = u.to_json();
        assert_eq!(doc["id_kind"], "user_id");
        assert_eq!(doc["gender"], "male");
        assert_eq!(doc["raw"]["nick_name"], "n");
        assert!(UserInfo::from_node(&json!({"code": "10000"})).is_err());
    }
}
