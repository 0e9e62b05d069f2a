//! The process environment as the CLI uses it, read once at start-up.
//!
//! Variables that clap binds to flags (`ALIPAY_APP_ID`, ...) are read by the
//! argument parser; everything else the program looks at is captured here, so
//! settings resolution and commands see one consistent snapshot and tests can
//! hand in any environment without touching the process's own.

use std::collections::BTreeMap;
use std::fmt;

use crate::gateway::client::ProxyConfig;
use crate::oauth::browser::BrowserEnv;
use crate::secret::{KeyText, SecretValue};

/// The variables the snapshot keeps; anything else is never read.
const NAMES: &[&str] = &[
    ACCESS_TOKEN,
    REFRESH_TOKEN,
    PRIVATE_KEY_TEXT,
    PUBLIC_KEY_TEXT,
    "ALIPAY_OUTPUT",
    "NO_COLOR",
    "BROWSER",
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "WSL_DISTRO_NAME",
    "SSH_CONNECTION",
    "SSH_TTY",
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
];

/// The proxy variables read, in the order they are looked at: (setting,
/// upper-case name, lower-case name).
pub const PROXY_VARS: [(&str, &str, &str); 4] = [
    ("https", "HTTPS_PROXY", "https_proxy"),
    ("http", "HTTP_PROXY", "http_proxy"),
    ("all", "ALL_PROXY", "all_proxy"),
    ("no_proxy", "NO_PROXY", "no_proxy"),
];

pub const ACCESS_TOKEN: &str = "ALIPAY_ACCESS_TOKEN";
pub const REFRESH_TOKEN: &str = "ALIPAY_REFRESH_TOKEN";
/// App private key text (rather than a file).
pub const PRIVATE_KEY_TEXT: &str = "ALIPAY_PRIVATE_KEY";
/// Alipay public key text (rather than a file).
pub const PUBLIC_KEY_TEXT: &str = "ALIPAY_PUBLIC_KEY";

/// A snapshot of the environment variables the CLI reads. Blank values count
/// as unset, as they always have.
#[derive(Clone, Default)]
pub struct EnvSnapshot {
    vars: BTreeMap<&'static str, String>,
}

impl EnvSnapshot {
    /// Reads the process environment; the one place the program does.
    pub fn capture() -> EnvSnapshot {
        EnvSnapshot::from_lookup(|name| std::env::var(name).ok())
    }

    /// A snapshot from given pairs (tests, embedding); unknown names are
    /// ignored, as `capture` would never read them.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> EnvSnapshot {
        let pairs: BTreeMap<&str, &str> = pairs.into_iter().collect();
        EnvSnapshot::from_lookup(|name| pairs.get(name).map(|v| v.to_string()))
    }

    fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> EnvSnapshot {
        let vars = NAMES
            .iter()
            .filter_map(|&name| {
                lookup(name)
                    .filter(|v| !v.trim().is_empty())
                    .map(|v| (name, v))
            })
            .collect();
        EnvSnapshot { vars }
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }

    /// A secret variable (token or key text), trimmed.
    pub fn secret<T: SecretValue>(&self, name: &str) -> Option<T> {
        self.get(name).map(|v| T::new(v.trim()))
    }

    /// Key text as given (PEM keeps its line breaks).
    pub fn key_text(&self, name: &str) -> Option<KeyText> {
        self.get(name).map(KeyText::new)
    }

    /// `NO_COLOR` is set (to anything but blank).
    pub fn no_color(&self) -> bool {
        self.get("NO_COLOR").is_some()
    }

    /// `ALIPAY_OUTPUT=json`, for errors reported before clap has parsed it.
    pub fn wants_json(&self) -> bool {
        self.get("ALIPAY_OUTPUT") == Some("json")
    }

    /// Proxies, the upper-case name winning over the lower-case one, with
    /// the variables that set them as (setting, variable).
    pub fn proxy(&self) -> (ProxyConfig, Vec<(&'static str, &'static str)>) {
        let mut vars = Vec::new();
        let mut either = |kind: &'static str| {
            let (_, upper, lower) = PROXY_VARS
                .iter()
                .find(|(k, _, _)| *k == kind)
                .expect("a known proxy setting");
            [*upper, *lower].into_iter().find_map(|var| {
                self.get(var).map(|v| {
                    vars.push((kind, var));
                    v.to_string()
                })
            })
        };
        let proxy = ProxyConfig {
            https: either("https"),
            http: either("http"),
            all: either("all"),
            no_proxy: either("no_proxy"),
        };
        (proxy, vars)
    }

    /// What the environment says about opening a browser.
    pub fn browser(&self) -> BrowserEnv {
        let graphical_os = cfg!(any(target_os = "macos", windows));
        let set = |name| self.get(name).is_some();
        BrowserEnv {
            browser: self.get("BROWSER").map(str::to_string),
            display: graphical_os
                || set("DISPLAY")
                || set("WAYLAND_DISPLAY")
                || set("WSL_DISTRO_NAME"),
            ssh: set("SSH_CONNECTION") || set("SSH_TTY"),
        }
    }
}

/// Names only: the values may be tokens or keys.
impl fmt::Debug for EnvSnapshot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.vars.keys()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_is_unset_and_unknown_names_are_not_kept() {
        let env = EnvSnapshot::from_pairs([("NO_COLOR", " "), ("HOME", "/root"), ("BROWSER", "x")]);
        assert!(!env.no_color());
        assert_eq!(format!("{env:?}"), r#"{"BROWSER"}"#);
    }

    #[test]
    fn upper_case_proxy_wins_and_lower_case_is_a_fallback() {
        let env = EnvSnapshot::from_pairs([
            ("HTTPS_PROXY", "http://upper:1"),
            ("https_proxy", "http://lower:1"),
            ("no_proxy", "localhost"),
        ]);
        let (p, vars) = env.proxy();
        assert_eq!(vars, [("https", "HTTPS_PROXY"), ("no_proxy", "no_proxy")]);
        assert_eq!(p.https.as_deref(), Some("http://upper:1"));
        assert_eq!(p.no_proxy.as_deref(), Some("localhost"));
        assert_eq!(p.http, None);
    }

    #[test]
    fn secrets_are_trimmed_and_never_in_debug() {
        let env = EnvSnapshot::from_pairs([(ACCESS_TOKEN, " tok-123\n")]);
        let token: crate::secret::AccessToken = env.secret(ACCESS_TOKEN).unwrap();
        assert_eq!(token.secret(), "tok-123");
        assert!(!format!("{env:?}").contains("tok-123"));
    }

    #[test]
    fn ssh_and_display_are_seen() {
        let env = EnvSnapshot::from_pairs([("SSH_TTY", "/dev/pts/0"), ("DISPLAY", ":0")]);
        let b = env.browser();
        assert!(b.ssh && b.display);
        assert_eq!(b.browser, None);
    }
}
