//! `alipay-oauth logout`: forget stored logins.

use serde_json::{Value, json};

use super::report::{self, Report};

use crate::cli::LogoutArgs;
use crate::cli::settings::Settings;
use crate::error::Error;
use crate::ui::failure::ExitStatus;
use crate::ui::output::Output;

pub fn run(args: &LogoutArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let store = settings.token_store();
    let sessions = settings.sessions(&store)?;
    let mut subject = args.subject.clone();
    let mut revoked = None;
    if args.revoke {
        if !settings.family().value.is_header() {
            return Err(Error::usage_with_hint(
                "--revoke is for Antom and Alipay+ logins",
                "pass --family antom or alipayplus, or drop --revoke",
            )
            .into());
        }
        revoked = super::family::revoke(settings, &sessions, subject.as_deref(), &out)?;
        // The login revoked is the one forgotten, even if another became current.
        if revoked.is_some() {
            subject = revoked.clone();
        }
    }
    let removed = store.remove(&sessions.key, subject.as_deref(), args.all)?;
    report::render(
        &out,
        &Removed {
            count: removed,
            app_id: &sessions.app_id,
            revoked: revoked.as_deref(),
        },
    );
    Ok(ExitStatus::Success)
}

/// How many stored logins were forgotten.
struct Removed<'a> {
    count: usize,
    app_id: &'a str,
    /// The subject whose access token was revoked first.
    revoked: Option<&'a str>,
}

impl Report for Removed<'_> {
    fn json(&self) -> Value {
        match self.revoked {
            Some(s) => json!({"removed": self.count, "revoked": s}),
            None => json!({"removed": self.count}),
        }
    }

    /// Quiet says nothing: the exit status is the answer.
    fn quiet(&self, _out: &Output) {}

    fn human(&self, out: &Output) {
        if let Some(s) = self.revoked {
            out.result(format!("revoked the access token of {s}"));
        }
        out.result(match self.count {
            0 => format!("no stored login for app {} on this gateway", self.app_id),
            1 => "removed 1 stored login".to_string(),
            n => format!("removed {n} stored logins"),
        });
    }
}
