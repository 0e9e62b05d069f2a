//! `alipay-oauth exchange`: an auth code or a refresh token for tokens.

use time::OffsetDateTime;

use super::read_secret;
use crate::cli::ExchangeArgs;
use crate::cli::settings::Settings;
use crate::error::{Error, ExitStatus};
use crate::gateway::{Client, TokenSet};
use crate::output::{Output, visible};
use crate::secret::Secret;
use crate::session::Sessions;

pub fn run(args: &ExchangeArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    // It works (codes are short-lived), but say where it showed; not in
    // JSON mode, where stderr holds nothing but an error document.
    if args.code.as_deref().is_some_and(|c| c != "-") && !out.is_json() {
        out.warn(
            "a code in the arguments is visible to other users of this machine (ps, /proc) and stays in the shell history; \
pass `--code -` and give it on standard input instead, e.g. printf %s \"$CODE\" | alipay-oauth exchange --code -",
        );
    }
    let client = Client::new(settings.client_config()?, &out)?;
    let store = settings.token_store();
    let sessions = settings.sessions(&store)?;

    // Before a code or refresh token is spent, the store must be able to
    // keep what replaces it; the lock is held until the tokens are saved.
    let prepare = || -> Result<Option<crate::store::StoreLock>, Error> {
        if args.no_store {
            Ok(None)
        } else {
            sessions.prepare_save().map(Some)
        }
    };
    let (tokens, already_stored, guard) = if let Some(code) = &args.code {
        let code = if code == "-" {
            read_secret("auth code")?
        } else {
            Secret::new(code.as_str())
        };
        let guard = prepare()?;
        // Never retried: a code is spent by the first attempt.
        (client.exchange_code(&code)?.0, None, guard)
    } else if args.refresh_token_stdin {
        let token = read_secret("refresh token")?;
        let guard = prepare()?;
        (client.refresh(&token)?.0, None, guard)
    } else if let Some(token) = settings.env_refresh_token() {
        out.trace(1, "refreshing with ALIPAY_REFRESH_TOKEN");
        let guard = prepare()?;
        (client.refresh(&token)?.0, None, guard)
    } else {
        if args.no_store {
            return Err(Error::usage_with_hint(
                "--no-store cannot refresh the stored login",
                "refreshing spends the stored refresh token, so the new one must be stored; drop --no-store",
            )
            .into());
        }
        // Checked and saved under the lock inside.
        let (tokens, session) = sessions.refresh(&client, args.subject.as_deref())?;
        let path = store.dir().join(&session.environment);
        (tokens, Some(path), None)
    };

    if args.code.is_some() && args.no_store {
        note_superseded(&out, &sessions, &tokens);
    }
    // A failure here carries the tokens, which the edge prints (see
    // `commands::hand_over_unstored`).
    let stored = match (&already_stored, args.no_store) {
        (Some(p), _) => Some(p.clone()),
        (None, true) => None,
        (None, false) => sessions.save(&tokens, None)?.map(|(_, p)| p),
    };
    drop(guard);
    print_tokens(&out, &tokens, args.show_secrets, true);
    match stored {
        Some(path) => out.info(format!("stored in {}", path.display())),
        None if !args.no_store => {
            out.warn("the answer names no user, so the tokens were not stored")
        }
        None => {}
    }
    Ok(ExitStatus::Success)
}

/// After a new authorization that is not stored: Alipay has dropped the
/// user's earlier access tokens, so a stored login of the same user is
/// marked (its next use refreshes) and the user is told.
pub(crate) fn note_superseded(out: &Output, sessions: &Sessions<'_>, tokens: &TokenSet) {
    let Some((subject, _)) = tokens.subject() else {
        return;
    };
    match sessions.mark_superseded(&subject) {
        // Said in JSON mode too: a script with --no-store must learn it.
        Ok(true) => out.warn(format!(
            "this login was not stored, and it made Alipay drop the stored access token of {subject}; \
             the stored login is marked and refreshes on its next use"
        )),
        Ok(false) => {}
        Err(e) => out.warn(format!(
            "this login made Alipay drop the stored access token of {subject}, which could not be marked: {e}"
        )),
    }
}

/// Prints a token set: JSON in full, human output masked unless asked.
pub fn print_tokens(out: &Output, tokens: &TokenSet, show_secrets: bool, header: bool) {
    if out.is_json() {
        out.json(&tokens.to_json());
        return;
    }
    if out.quiet {
        out.result(out.remote_value(tokens.access_token.expose()));
        return;
    }
    // Everything below is remote text: control characters are shown.
    let shown = |s: &Secret| {
        visible(&if show_secrets {
            s.expose().to_string()
        } else {
            s.masked()
        })
        .0
    };
    let when = |t: Option<OffsetDateTime>| match t {
        Some(t) => {
            let left = t - OffsetDateTime::now_utc();
            let at = t
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default();
            format!("expires {at} ({})", human_duration(left))
        }
        None => "does not expire".into(),
    };
    let who = match tokens.subject() {
        Some((s, kind)) => format!("{} ({})", visible(&s).0, kind.label()),
        None => "(no user id in the answer)".into(),
    };
    if header {
        out.result(format!("{} {who}", out.paint("✓ tokens for", "1;32")));
    }
    out.result(format!(
        "  access_token   {}  {}",
        shown(&tokens.access_token),
        when(tokens.expires_at)
    ));
    if let Some(r) = &tokens.refresh_token {
        out.result(format!(
            "  refresh_token  {}  {}",
            shown(r),
            when(tokens.refresh_expires_at)
        ));
    }
    for (k, v) in [
        ("open_id", &tokens.open_id),
        ("user_id", &tokens.user_id),
        ("union_id", &tokens.union_id),
    ] {
        if let Some(v) = v {
            out.result(format!("  {k:<13}  {}", visible(v).0));
        }
    }
    if !show_secrets {
        out.info("(tokens masked; --show-secrets or -o json shows them)");
    }
}

pub(crate) fn human_duration(d: time::Duration) -> String {
    let s = d.whole_seconds();
    match s {
        s if s < 0 => "expired".into(),
        s if s < 120 => format!("in {s} s"),
        s if s < 7200 => format!("in {} min", s / 60),
        s if s < 172_800 => format!("in {} h", s / 3600),
        s => format!("in {} days", s / 86_400),
    }
}
