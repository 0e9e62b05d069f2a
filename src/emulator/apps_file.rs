//! The emulator's apps file: several apps in TOML.
//!
//! ```toml
//! [[apps]]
//! app_id = "2021000000000001"
//! name = "Shop"
//! public_key_file = "shop-app.pub"     # relative to this file
//! redirect_domains = ["shop.example.com"]
//! id_mode = "both"                      # open_id | user_id | both
//! member_info = true
//! group = "my-group"                    # apps in a group get a union_id
//! ```

use std::path::{Path, PathBuf};

use super::AppConfig;
use super::users::IdMode;
use crate::error::Error;
use crate::sign::PublicKey;

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AppsFile {
    apps: Vec<AppEntry>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AppEntry {
    app_id: String,
    name: Option<String>,
    public_key_file: PathBuf,
    #[serde(default)]
    redirect_domains: Vec<String>,
    id_mode: Option<IdMode>,
    member_info: Option<bool>,
    group: Option<String>,
}

/// Reads the apps of an apps file.
pub fn load(path: &Path, default_id_mode: IdMode) -> Result<Vec<AppConfig>, Error> {
    let text =
        crate::files::read::read_text(path, crate::files::CONFIG_FILE_LIMIT).map_err(|e| {
            Error::usage(crate::files::read::described_read_error(
                "apps file ",
                path,
                &e,
            ))
        })?;
    let file: AppsFile = toml::from_str(&text).map_err(|e| {
        Error::usage_with_hint(
            format!("apps file {} is not valid: {}", path.display(), e.message()),
            "each [[apps]] needs app_id and public_key_file",
        )
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    file.apps
        .into_iter()
        .map(|a| {
            let key_path = dir.join(&a.public_key_file);
            let bytes = crate::files::read::read_bounded(&key_path, crate::files::KEY_FILE_LIMIT)
                .map_err(|e| {
                Error::usage(format!(
                    "app {}: {}",
                    a.app_id,
                    crate::files::read::read_error_text(&key_path, &e)
                ))
            })?;
            let public_key = PublicKey::parse(&bytes).map_err(|e| {
                Error::usage_with_hint(
                    format!("app {}: {}: {e}", a.app_id, key_path.display()),
                    "give the app's public key",
                )
            })?;
            Ok(AppConfig {
                name: a.name.unwrap_or_else(|| format!("App {}", a.app_id)),
                app_id: a.app_id,
                public_key,
                redirect_domains: a.redirect_domains,
                id_mode: a.id_mode.unwrap_or(default_id_mode),
                member_info: a.member_info.unwrap_or(true),
                group: a.group,
            })
        })
        .collect()
}
