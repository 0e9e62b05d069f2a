//! `alipay-oauth exchange`: an auth code or a refresh token for tokens.

use super::report::{self, Tokens};
use super::{note_superseded, read_secret};
use crate::cli::ExchangeArgs;
use crate::cli::settings::Settings;
use crate::error::Error;
use crate::gateway::Client;
use crate::secret::AuthCode;
use crate::ui::failure::ExitStatus;

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
    super::refuse_v3_for_header_family(settings, args.dialect)?;
    if settings.family().value.is_header() {
        return super::family::exchange(args, settings);
    }
    let client = Client::new(settings.client_config()?, &out)?.with_oauth_api(args.dialect.into());
    let store = settings.token_store();
    let sessions = settings.sessions(&store)?;

    // Before a code or refresh token is spent, the store must be able to
    // keep what replaces it; the lock is held until the tokens are saved.
    let prepare = || -> Result<Option<crate::login::store::StoreLock>, Error> {
        if args.no_store {
            Ok(None)
        } else {
            Ok(sessions.prepare_save().map(Some)?)
        }
    };
    let (tokens, already_stored, guard) = if let Some(code) = &args.code {
        let code = if code == "-" {
            read_secret("auth code")?
        } else {
            AuthCode::new(code.as_str())
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
    report::render(
        &out,
        &Tokens {
            tokens: &tokens,
            show_secrets: args.show_secrets,
            header: true,
        },
    );
    match stored {
        Some(path) => out.info(format!("stored in {}", path.display())),
        None if !args.no_store => {
            out.warn("the answer names no user, so the tokens were not stored")
        }
        None => {}
    }
    Ok(ExitStatus::Success)
}
