//! Built-in Alipay environments and their URLs (docs/protocol.md §1).

use std::fmt;

/// The port the emulator listens on by default, and `--env emulator` talks to.
pub const DEFAULT_EMULATOR_PORT: u16 = 9966;

/// Path of the authorization page, the same on Alipay and the emulator.
pub const AUTHORIZE_PATH: &str = "/oauth2/publicAppAuthorize.htm";

/// Path of the v2 gateway.
pub const GATEWAY_PATH: &str = "/gateway.do";

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
pub enum Environment {
    #[default]
    Production,
    Sandbox,
    Global,
    Emulator,
}

impl Environment {
    pub fn label(self) -> &'static str {
        match self {
            Environment::Production => "production",
            Environment::Sandbox => "sandbox",
            Environment::Global => "global",
            Environment::Emulator => "emulator",
        }
    }

    /// The gateway URL of the environment (the emulator on its default port).
    pub fn gateway_url(self) -> String {
        self.gateway_url_at(None)
    }

    /// The gateway URL, with the emulator at `emulator_base` when given.
    pub fn gateway_url_at(self, emulator_base: Option<&str>) -> String {
        match self {
            Environment::Production => "https://openapi.alipay.com/gateway.do".into(),
            Environment::Sandbox => "https://openapi-sandbox.dl.alipaydev.com/gateway.do".into(),
            Environment::Global => "https://globalopenapi.alipay.com/gateway.do".into(),
            Environment::Emulator => {
                format!("{}{GATEWAY_PATH}", emulator_or_default(emulator_base))
            }
        }
    }

    /// The authorization page URL of the environment.
    pub fn authorize_url(self) -> String {
        self.authorize_url_at(None)
    }

    /// The authorization page URL, with the emulator at `emulator_base` when given.
    pub fn authorize_url_at(self, emulator_base: Option<&str>) -> String {
        match self {
            Environment::Production | Environment::Global => {
                "https://openauth.alipay.com/oauth2/publicAppAuthorize.htm".into()
            }
            Environment::Sandbox => {
                "https://openauth-sandbox.dl.alipaydev.com/oauth2/publicAppAuthorize.htm".into()
            }
            Environment::Emulator => {
                format!("{}{AUTHORIZE_PATH}", emulator_or_default(emulator_base))
            }
        }
    }
}

/// The base URL of an emulator on loopback.
pub fn emulator_base(port: u16) -> String {
    format!("http://127.0.0.1:{port}")
}

fn emulator_or_default(base: Option<&str>) -> String {
    match base {
        Some(b) => b.trim_end_matches('/').to_string(),
        None => emulator_base(DEFAULT_EMULATOR_PORT),
    }
}

/// Why an emulator base URL cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmulatorUrlError {
    #[error("{0:?} is not an http(s) URL")]
    NotHttp(String),
    #[error(
        "{url:?} has a path ({path}); the emulator URL is its base, the scheme, host and port only"
    )]
    HasPath { url: String, path: String },
}

/// Checks an emulator base URL (`http://127.0.0.1:19300`) and returns it
/// without a trailing slash.
pub fn parse_emulator_base(url: &str) -> Result<String, EmulatorUrlError> {
    let parsed =
        url::Url::parse(url.trim()).map_err(|_| EmulatorUrlError::NotHttp(url.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return Err(EmulatorUrlError::NotHttp(url.to_string()));
    }
    if parsed.path() != "/" || parsed.query().is_some() {
        return Err(EmulatorUrlError::HasPath {
            url: url.to_string(),
            path: parsed.path().to_string(),
        });
    }
    Ok(parsed.as_str().trim_end_matches('/').to_string())
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_emulator_base_moves_both_urls() {
        let base = parse_emulator_base("http://127.0.0.1:19300/").unwrap();
        assert_eq!(
            Environment::Emulator.gateway_url_at(Some(&base)),
            "http://127.0.0.1:19300/gateway.do"
        );
        assert_eq!(
            Environment::Emulator.authorize_url_at(Some(&base)),
            "http://127.0.0.1:19300/oauth2/publicAppAuthorize.htm"
        );
        // Other environments keep their own URLs.
        assert_eq!(
            Environment::Sandbox.gateway_url_at(Some(&base)),
            Environment::Sandbox.gateway_url()
        );
        assert!(parse_emulator_base("http://127.0.0.1:19300/gateway.do").is_err());
        assert!(parse_emulator_base("ftp://127.0.0.1").is_err());
    }
}
