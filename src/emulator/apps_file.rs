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

use super::EmulatorError;
use std::path::{Path, PathBuf};

use super::AppConfig;
use super::users::IdMode;
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
pub fn load(path: &Path, default_id_mode: IdMode) -> Result<Vec<AppConfig>, EmulatorError> {
    let text =
        crate::files::read::read_text(path, crate::files::CONFIG_FILE_LIMIT).map_err(|e| {
            EmulatorError::AppsFile(crate::files::read::described_read_error(
                "apps file ",
                path,
                &e,
            ))
        })?;
    let file: AppsFile = toml::from_str(&text).map_err(|e| EmulatorError::AppsInvalid {
        path: path.to_path_buf(),
        message: e.message().to_string(),
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    file.apps
        .into_iter()
        .map(|a| {
            let key_path = dir.join(&a.public_key_file);
            let bytes = crate::files::read::read_bounded(&key_path, crate::files::KEY_FILE_LIMIT)
                .map_err(|e| EmulatorError::AppKeyUnreadable {
                app_id: a.app_id.clone(),
                reason: crate::files::read::read_error_text(&key_path, &e),
            })?;
            let public_key =
                PublicKey::parse(&bytes).map_err(|e| EmulatorError::AppKeyInvalid {
                    app_id: a.app_id.clone(),
                    path: key_path.clone(),
                    error: e,
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
