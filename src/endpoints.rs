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

    pub fn gateway_url(self) -> String {
        match self {
            Environment::Production => "https://openapi.alipay.com/gateway.do".into(),
            Environment::Sandbox => "https://openapi-sandbox.dl.alipaydev.com/gateway.do".into(),
            Environment::Global => "https://globalopenapi.alipay.com/gateway.do".into(),
            Environment::Emulator => {
                format!("{}{GATEWAY_PATH}", emulator_base(DEFAULT_EMULATOR_PORT))
            }
        }
    }

    pub fn authorize_url(self) -> String {
        match self {
            Environment::Production | Environment::Global => {
                "https://openauth.alipay.com/oauth2/publicAppAuthorize.htm".into()
            }
            Environment::Sandbox => {
                "https://openauth-sandbox.dl.alipaydev.com/oauth2/publicAppAuthorize.htm".into()
            }
            Environment::Emulator => {
                format!("{}{AUTHORIZE_PATH}", emulator_base(DEFAULT_EMULATOR_PORT))
            }
        }
    }
}

/// The base URL of an emulator on loopback.
pub fn emulator_base(port: u16) -> String {
    format!("http://127.0.0.1:{port}")
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
