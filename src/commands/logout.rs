//! `alipay-oauth logout`: forget stored logins.

use serde_json::json;

use crate::cli::LogoutArgs;
use crate::cli::settings::Settings;
use crate::error::ExitStatus;

pub fn run(args: &LogoutArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let store = settings.token_store();
    let sessions = settings.sessions(&store)?;
    let removed = store.remove(&sessions.key, args.subject.as_deref(), args.all)?;
    if out.is_json() {
        out.json(&json!({"removed": removed}));
    } else if !out.quiet {
        out.result(match removed {
            0 => format!(
                "no stored login for app {} on this gateway",
                sessions.app_id
            ),
            1 => "removed 1 stored login".to_string(),
            n => format!("removed {n} stored logins"),
        });
    }
    Ok(ExitStatus::Success)
}
