//! `alipay-oauth token`: a valid access token of the stored login, for
//! scripts (as `gh auth token`). A refresh spends the rotating refresh
//! token, so it happens only when the access token is about to expire.

use time::OffsetDateTime;

use super::report::{self, Report};

use crate::cli::TokenArgs;
use crate::cli::settings::Settings;
use crate::error::Error;
use crate::gateway::Client;
use crate::login::session::HeaderRefresher;
use crate::login::store::Session;
use crate::secret::AccessToken;
use crate::ui::failure::ExitStatus;
use crate::ui::output::Output;

pub fn run(args: &TokenArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let margin = time::Duration::seconds(i64::try_from(args.min_valid).unwrap_or(i64::MAX));
    let store = settings.token_store();
    let sessions = settings.sessions(&store)?;
    let stored = sessions
        .load(args.subject.as_deref())?
        .ok_or_else(|| Error::Authorization {
            message: match &args.subject {
                Some(s) => format!(
                    "no stored login of {s} for app {} on this gateway",
                    sessions.app_id
                ),
                None => format!("no stored login for app {} on this gateway", sessions.app_id),
            },
            hint: Some(
                "log in with `alipay-oauth authorize`; `alipay-oauth status` lists the stored logins"
                    .into(),
            ),
        })?;
    // A token that stays valid long enough needs no keys and no network.
    let (token, session) = if stored.access_usable(OffsetDateTime::now_utc(), margin) {
        (stored.tokens.access_token.clone(), stored)
    } else {
        let refreshed = if settings.family().value.is_header() {
            let client = super::family::client(settings, &out)?;
            let refresher = HeaderRefresher {
                client: &client,
                party: settings.party().ok().map(str::to_string),
            };
            sessions.access_token(&refresher, Some(&stored.subject), margin)
        } else {
            let client = Client::new(settings.client_config()?, &out)?;
            sessions.access_token(&client, Some(&stored.subject), margin)
        };
        let (token, session, refreshed) =
            refreshed.map_err(|e| unusable(e.into(), &stored.subject))?;
        if refreshed {
            out.trace(1, format!("refreshed the login of {}", session.subject));
        }
        (token, session)
    };
    if !session.access_usable(OffsetDateTime::now_utc(), margin)
        && let Some(at) = session.tokens.expires_at
    {
        out.warn(format!(
            "the access token lives only {} s more, less than --min-valid {} (Alipay sets its lifetime)",
            (at - OffsetDateTime::now_utc()).whole_seconds().max(0),
            args.min_valid
        ));
    }
    report::render(
        &out,
        &Token {
            token: &token,
            session: &session,
        },
    );
    Ok(ExitStatus::Success)
}

/// A usable access token: the token alone, or with its expiry in JSON.
struct Token<'a> {
    token: &'a AccessToken,
    session: &'a Session,
}

impl Report for Token<'_> {
    fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "access_token": self.token.secret(),
            "expires_at": self.session.tokens.expires_at.and_then(|t| {
                t.format(&time::format_description::well_known::Rfc3339).ok()
            }),
            "subject": self.session.subject,
            "family": self.session.family.label(),
        })
    }

    fn human(&self, out: &Output) {
        out.result(self.token.secret());
    }
}

/// A refresh token Alipay no longer takes means the login is unusable:
/// exit 5 as `cli.md` says for `token`, with Alipay's answer in the message.
fn unusable(e: Error, subject: &str) -> Error {
    match e {
        Error::Alipay(a)
            if matches!(
                a.sub_code.as_deref(),
                Some("isv.refresh-token-invalid" | "isv.refresh-token-time-out")
            ) =>
        {
            Error::Authorization {
                message: format!("the stored login of {subject} can no longer be refreshed: {a}"),
                hint: Some(
                    "log in again with `alipay-oauth authorize` (the refresh token was spent or has expired)"
                        .into(),
                ),
            }
        }
        Error::Result(r)
            if r.status == crate::protocol::header::ResultStatus::F
                && matches!(
                    r.code.as_str(),
                    "INVALID_REFRESH_TOKEN" | "EXPIRED_REFRESH_TOKEN"
                ) =>
        {
            Error::Authorization {
                message: format!("the stored login of {subject} can no longer be refreshed: {r}"),
                hint: Some(
                    "log in again with `alipay-oauth authorize` (the refresh token was spent, revoked or has expired)"
                        .into(),
                ),
            }
        }
        other => other,
    }
}
