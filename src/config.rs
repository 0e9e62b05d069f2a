//! The config file: named profiles of settings (TOML).
//!
//! ```toml
//! default_profile = "sandbox"
//!
//! [profiles.sandbox]
//! env = "sandbox"
//! app_id = "9021000000000000"
//! private_key_file = "~/.alipay/sandbox-app.key"
//! alipay_public_key_file = "~/.alipay/sandbox-alipay.pub"
//! redirect_uri = "https://example.com/alipay/callback"
//! scope = "auth_user"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::endpoints::Environment;

#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// The profile used when none is named.
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// One profile. Every field is optional; relative paths are relative to the
/// config file, and `~/` is the home directory.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub env: Option<Environment>,
    pub gateway: Option<String>,
    pub authorize_url: Option<String>,
    /// The emulator's base URL, for `env = "emulator"`.
    pub emulator_url: Option<String>,
    pub app_id: Option<String>,
    pub private_key_file: Option<PathBuf>,
    pub alipay_public_key_file: Option<PathBuf>,
    pub sign_type: Option<String>,
    pub charset: Option<String>,
    pub app_cert_file: Option<PathBuf>,
    pub alipay_cert_file: Option<PathBuf>,
    pub alipay_root_cert_file: Option<PathBuf>,
    pub redirect_uri: Option<String>,
    pub scope: Option<String>,
    /// `alipay`, `antom` or `alipayplus`.
    pub family: Option<crate::protocol::header::Family>,
    /// `sea`, `na` or `eu`.
    pub region: Option<crate::protocol::header::Region>,
    pub customer_belongs_to: Option<String>,
    pub auth_client_id: Option<String>,
}

/// Why the configuration file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Missing (when named), unreadable or too large: the reason names the file.
    #[error("{0}")]
    Unreadable(String),
    #[error("no profile named {name:?} in the config file")]
    NoProfile { name: String, known: Vec<String> },
    #[error("config file {} is not valid: {first_line} {message}", .path.display())]
    Invalid {
        path: std::path::PathBuf,
        first_line: String,
        message: String,
    },
}

impl ConfigFile {
    /// Reads a config file. A missing file is an error only when `required`
    /// (it was named explicitly); the default location may well not exist.
    pub fn load(path: &Path, required: bool) -> Result<ConfigFile, ConfigError> {
        let text = match crate::files::read::read_text(path, crate::files::CONFIG_FILE_LIMIT) {
            Ok(text) => text,
            Err(crate::files::read::ReadError::Io(e))
                if e.kind() == std::io::ErrorKind::NotFound && !required =>
            {
                return Ok(ConfigFile::default());
            }
            Err(e) => {
                return Err(ConfigError::Unreadable(
                    crate::files::read::described_read_error("config file ", path, &e),
                ));
            }
        };
        toml::from_str(&text).map_err(|e| {
            let first_line = e.to_string().lines().next().unwrap_or_default().to_string();
            ConfigError::Invalid {
                path: path.to_path_buf(),
                first_line,
                message: e.message().to_string(),
            }
        })
    }

    /// The profile to use: the named one (which must exist), else
    /// `default_profile`, else one called `default`, else none.
    pub fn select(&self, name: Option<&str>) -> Result<Option<(String, Profile)>, ConfigError> {
        let chosen = name
            .map(str::to_string)
            .or_else(|| self.default_profile.clone())
            .or_else(|| {
                self.profiles
                    .contains_key("default")
                    .then(|| "default".to_string())
            });
        match chosen {
            None => Ok(None),
            Some(n) => match self.profiles.get(&n) {
                Some(p) => Ok(Some((n, p.clone()))),
                None => Err(ConfigError::NoProfile {
                    name: n,
                    known: self.profiles.keys().cloned().collect(),
                }),
            },
        }
    }
}

/// Resolves a path from the config file: `~/` against `home`, relative paths
/// against the config file's directory.
pub fn resolve_path(path: &Path, config_dir: &Path, home: Option<&Path>) -> PathBuf {
    if let (Ok(rest), Some(home)) = (path.strip_prefix("~"), home) {
        return home.join(rest);
    }
    if path.is_relative() {
        config_dir.join(path)
    } else {
        path.to_path_buf()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_profiles_and_selects() {
        let cfg: ConfigFile = toml::from_str(
            r#"
default_profile = "sb"
[profiles.sb]
env = "sandbox"
app_id = "9021"
[profiles.prod]
app_id = "2021"
"#,
        )
        .unwrap();
        assert_eq!(cfg.select(None).unwrap().unwrap().0, "sb");
        assert_eq!(
            cfg.select(Some("prod"))
                .unwrap()
                .unwrap()
                .1
                .app_id
                .as_deref(),
            Some("2021")
        );
        assert!(cfg.select(Some("nope")).is_err());
        assert!(toml::from_str::<ConfigFile>("[profiles.x]\nap_id = \"1\"").is_err());
    }

    #[test]
    fn paths() {
        let dir = Path::new("/etc/cfg");
        let home = Path::new("/home/u");
        assert_eq!(
            resolve_path(Path::new("~/k.pem"), dir, Some(home)),
            PathBuf::from("/home/u/k.pem")
        );
        assert_eq!(
            resolve_path(Path::new("k.pem"), dir, Some(home)),
            PathBuf::from("/etc/cfg/k.pem")
        );
        assert_eq!(
            resolve_path(Path::new("/k.pem"), dir, Some(home)),
            PathBuf::from("/k.pem")
        );
    }
}
