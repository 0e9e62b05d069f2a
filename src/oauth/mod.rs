//! The browser step of "Log in with Alipay" (docs/protocol.md §2): the
//! authorization URL with its `state`, and the callback that brings the
//! `auth_code` back.

pub mod browser;
pub mod flow;
pub mod listener;

use std::fmt;

use base64::Engine as _;
use rand_core::RngCore;
use subtle::ConstantTimeEq;

use crate::secret::AuthCode;

/// The CSRF token of one authorization: 128 random bits, URL-safe base64.
#[derive(Clone, PartialEq, Eq)]
pub struct State(String);

impl State {
    /// A fresh, unpredictable state (22 characters; Alipay allows 100).
    pub fn random() -> State {
        let mut bytes = [0u8; 16];
        rand_core::OsRng.fill_bytes(&mut bytes);
        State(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Compares in constant time, so a local attacker probing the listener
    /// learns nothing from response timing.
    pub fn matches(&self, other: &str) -> bool {
        self.0.as_bytes().ct_eq(other.as_bytes()).into()
    }
}

impl fmt::Debug for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("State([redacted])")
    }
}

/// Scopes a user can grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeList(Vec<String>);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("scope {0:?} is not supported: use auth_base, auth_user, or both separated by a comma")]
pub struct ScopeError(String);

impl std::str::FromStr for ScopeList {
    type Err = ScopeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parts: Vec<String> = s
            .split(',')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            return Err(ScopeError(s.to_string()));
        }
        if let Some(bad) = parts
            .iter()
            .find(|p| !matches!(p.as_str(), "auth_base" | "auth_user"))
        {
            return Err(ScopeError(bad.clone()));
        }
        Ok(ScopeList(parts))
    }
}

impl ScopeList {
    /// `alipay.user.info.share` needs `auth_user`.
    pub fn includes_user(&self) -> bool {
        self.0.iter().any(|s| s == "auth_user")
    }

    pub fn joined(&self) -> String {
        self.0.join(",")
    }
}

/// Builds the authorization URL: app_id, scope, the percent-encoded
/// redirect URI and the state.
pub fn authorize_url(
    authorize_page: &str,
    app_id: &str,
    scopes: &ScopeList,
    redirect_uri: &str,
    state: &State,
) -> Result<url::Url, url::ParseError> {
    let mut url = url::Url::parse(authorize_page)?;
    url.query_pairs_mut()
        .append_pair("app_id", app_id)
        .append_pair("scope", &scopes.joined())
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("state", state.as_str());
    Ok(url)
}

/// What the callback carries.
#[derive(Debug, Clone)]
pub struct Callback {
    pub auth_code: Option<AuthCode>,
    pub state: Option<String>,
    pub app_id: Option<String>,
    pub scope: Option<String>,
    pub source: Option<String>,
}

impl Callback {
    /// Reads the query string of a callback (UTF-8 form encoding).
    pub fn from_query(query: &str) -> Callback {
        let mut cb = Callback {
            auth_code: None,
            state: None,
            app_id: None,
            scope: None,
            source: None,
        };
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            let v = v.into_owned();
            match k.as_ref() {
                // Antom and Alipay+ name them authCode and authState.
                "auth_code" | "authCode" if !v.is_empty() => cb.auth_code = Some(AuthCode::new(v)),
                "state" | "authState" => cb.state = Some(v),
                "app_id" => cb.app_id = Some(v),
                "scope" => cb.scope = Some(v),
                "source" => cb.source = Some(v),
                _ => {}
            }
        }
        cb
    }

    /// Reads what a person pasted: the whole address-bar URL, its query
    /// string, or the bare auth code.
    pub fn from_pasted(text: &str) -> Callback {
        let text = text.trim();
        if let Ok(url) = url::Url::parse(text) {
            return Callback::from_query(url.query().unwrap_or(""));
        }
        let query = text.trim_start_matches('?');
        if query.contains('=') {
            return Callback::from_query(query);
        }
        Callback {
            auth_code: (!text.is_empty()).then(|| AuthCode::new(text)),
            state: None,
            app_id: None,
            scope: None,
            source: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_are_random_url_safe_and_compared_whole() {
        let a = State::random();
        let b = State::random();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 22);
        assert!(
            a.as_str()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        assert!(a.matches(a.as_str()));
        assert!(!a.matches(&a.as_str()[..21]));
        assert!(!format!("{a:?}").contains(a.as_str()));
    }

    #[test]
    fn authorization_url_encodes_the_redirect() {
        let s = State::random();
        let url = authorize_url(
            "https://openauth.alipay.com/oauth2/publicAppAuthorize.htm",
            "2021",
            &"auth_user".parse().unwrap(),
            "https://a.example/cb?x=1&y=2",
            &s,
        )
        .unwrap();
        assert!(
            url.as_str()
                .contains("redirect_uri=https%3A%2F%2Fa.example%2Fcb%3Fx%3D1%26y%3D2"),
            "{url}"
        );
        assert!(url.as_str().contains(&format!("state={}", s.as_str())));
        assert!("auth_user,email".parse::<ScopeList>().is_err());
    }

    #[test]
    fn pasted_callbacks() {
        let cb = Callback::from_pasted(
            "https://a.example/cb?app_id=1&source=alipay_wallet&scope=auth_user&auth_code=abc&state=s1",
        );
        assert_eq!(cb.auth_code.unwrap().secret(), "abc");
        assert_eq!(cb.state.as_deref(), Some("s1"));
        let cb = Callback::from_pasted("  4b203fe6c11548bcabd8da5bb087a83b\n");
        assert_eq!(
            cb.auth_code.unwrap().secret(),
            "4b203fe6c11548bcabd8da5bb087a83b"
        );
        assert!(cb.state.is_none());
        let cb = Callback::from_pasted("?auth_code=x&state=y");
        assert_eq!(cb.state.as_deref(), Some("y"));
        let cb = Callback::from_pasted("http://127.0.0.1:1/cb?authCode=c2&authState=s2");
        assert_eq!(cb.auth_code.unwrap().secret(), "c2");
        assert_eq!(cb.state.as_deref(), Some("s2"));
    }
}
