//! `alipay-oauth status`: every stored login and whether it can still be
//! used (as `gh auth status`). Exit 5 when none is usable.

use serde_json::{Value, json};
use time::OffsetDateTime;

use std::path::Path;

use super::report::{self, Report, human_duration};
use crate::cli::settings::Settings;
use crate::login::store::{Listed, Session};
use crate::ui::failure::ExitStatus;
use crate::ui::output::Output;

fn rfc3339(t: Option<OffsetDateTime>) -> Option<String> {
    t.and_then(|t| {
        t.format(&time::format_description::well_known::Rfc3339)
            .ok()
    })
}

/// What a session is good for now.
struct Health {
    access_valid: bool,
    refresh_valid: bool,
}

impl Health {
    fn of(s: &Session, now: OffsetDateTime) -> Health {
        Health {
            access_valid: s.access_usable(now, time::Duration::ZERO),
            refresh_valid: s.refresh_usable(now),
        }
    }

    /// Usable: a valid access token, or a refresh token to get one.
    fn usable(&self) -> bool {
        self.access_valid || self.refresh_valid
    }
}

pub fn run(settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let store = settings.token_store();
    let listed = store.list()?;
    let report = Status {
        entries: &listed,
        dir: store.dir(),
        now: OffsetDateTime::now_utc(),
    };
    report::render(&out, &report);
    Ok(if report.usable() > 0 {
        ExitStatus::Success
    } else {
        ExitStatus::Authorization
    })
}

/// Every stored login, read or not, with its health at `now`.
struct Status<'a> {
    entries: &'a [Listed],
    dir: &'a Path,
    now: OffsetDateTime,
}

impl Status<'_> {
    fn usable(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| {
                e.session
                    .as_ref()
                    .is_ok_and(|s| Health::of(s, self.now).usable())
            })
            .count()
    }
}

impl Report for Status<'_> {
    fn json(&self) -> Value {
        let docs = self.entries.iter().map(|entry| match &entry.session {
            Err(e) => json!({
                "path": entry.path.display().to_string(),
                "usable": false,
                "error": e.to_string(),
            }),
            Ok(s) => {
                let health = Health::of(s, self.now);
                json!({
                    "environment": s.environment_label(),
                    "family": s.family.label(),
                    "gateway": s.gateway,
                    "app_id": s.app_id,
                    "subject": s.subject,
                    "id_kind": s.id_kind.label(),
                    "expires_at": rfc3339(s.tokens.expires_at),
                    "refresh_expires_at": rfc3339(s.tokens.refresh_expires_at),
                    "scope": s.scope,
                    "current": entry.current,
                    "access_valid": health.access_valid,
                    "access_superseded": s.access_superseded,
                    "usable": health.usable(),
                })
            }
        });
        Value::Array(docs.collect())
    }

    fn human(&self, out: &Output) {
        for entry in self.entries {
            match &entry.session {
                Ok(s) => print_human(out, s, entry.current, &Health::of(s, self.now), self.now),
                Err(e) => out.result(format!("{} {e}", out.paint("✗", "1;31"))),
            }
        }
        if self.entries.is_empty() {
            out.info(format!(
                "no stored logins in {}; log in with `alipay-oauth authorize`",
                self.dir.display()
            ));
        } else if self.usable() == 0 {
            out.info("no stored login is usable; log in again with `alipay-oauth authorize`");
        }
    }
}

fn print_human(out: &Output, s: &Session, current: bool, health: &Health, now: OffsetDateTime) {
    let mark = if health.usable() {
        out.paint("✓", "1;32")
    } else {
        out.paint("✗", "1;31")
    };
    // The alipay family is the one of old logins: named only when another.
    let family = match s.family {
        crate::protocol::header::Family::Alipay => String::new(),
        f => format!("{f} · "),
    };
    out.result(format!(
        "{mark} {family}{} · app {} · {} ({}){}",
        s.environment_label(),
        s.app_id,
        s.subject,
        s.id_kind.label(),
        if current { " · current" } else { "" }
    ));
    let when = |t: Option<OffsetDateTime>| match t {
        Some(t) => format!(
            "{} ({})",
            rfc3339(Some(t)).unwrap_or_default(),
            human_duration(t - now)
        ),
        None => "does not expire".into(),
    };
    let access = if s.access_superseded {
        "replaced by a later login that was not stored; refreshed on next use".to_string()
    } else {
        format!("expires {}", when(s.tokens.expires_at))
    };
    out.result(format!("    gateway  {}", s.gateway));
    out.result(format!("    access   {access}"));
    match &s.tokens.refresh_token {
        Some(_) => out.result(format!(
            "    refresh  expires {}",
            when(s.tokens.refresh_expires_at)
        )),
        None => out.result("    refresh  none: log in again when the access token expires"),
    }
    out.result(format!(
        "    scope    {}",
        s.scope.as_deref().unwrap_or("(not recorded)")
    ));
}
