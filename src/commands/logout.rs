//! `alipay-oauth logout`: forget stored logins.

use serde_json::{Value, json};

use super::report::{self, Report};

use crate::cli::LogoutArgs;
use crate::cli::settings::Settings;
use crate::ui::failure::ExitStatus;
use crate::ui::output::Output;

pub fn run(args: &LogoutArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let store = settings.token_store();
    let sessions = settings.sessions(&store)?;
    let removed = store.remove(&sessions.key, args.subject.as_deref(), args.all)?;
    report::render(
        &out,
        &Removed {
            count: removed,
            app_id: &sessions.app_id,
        },
    );
    Ok(ExitStatus::Success)
}

/// How many stored logins were forgotten.
struct Removed<'a> {
    count: usize,
    app_id: &'a str,
}

impl Report for Removed<'_> {
    fn json(&self) -> Value {
        json!({"removed": self.count})
    }

    /// Quiet says nothing: the exit status is the answer.
    fn quiet(&self, _out: &Output) {}

    fn human(&self, out: &Output) {
        out.result(match self.count {
            0 => format!("no stored login for app {} on this gateway", self.app_id),
            1 => "removed 1 stored login".to_string(),
            n => format!("removed {n} stored logins"),
        });
    }
}
