//! The Antom and Alipay+ side of `call`, `exchange`, `userinfo` and
//! `logout --revoke` (the header dialect, docs/protocol.md §10). Each
//! command dispatches here when `--family` is antom or alipayplus.

use serde_json::{Value, json};

use super::read_secret;
use super::report::{self, FamilyTokens, User};
use crate::cli::settings::Settings;
use crate::cli::{CallArgs, ExchangeArgs, UserinfoArgs};
use crate::error::Error;
use crate::gateway::GatewayError;
use crate::gateway::header::{HeaderClient, HeaderPrepared};
use crate::login::session::{EXPIRY_MARGIN, HeaderRefresher, Sessions};
use crate::protocol::header::{Family, ResultStatus};
use crate::secret::{AccessToken, AuthCode};
use crate::ui::failure::ExitStatus;
use crate::ui::output::Output;

/// A client of the family in the settings.
pub(crate) fn client<'o>(settings: &Settings, out: &'o Output) -> anyhow::Result<HeaderClient<'o>> {
    Ok(HeaderClient::new(settings.header_config()?, out)?)
}

/// True when the family refused an access token (so one refresh may help).
fn token_refused(e: &GatewayError) -> bool {
    matches!(e, GatewayError::Result(r) if r.status == ResultStatus::F
        && matches!(r.code.as_str(), "INVALID_ACCESS_TOKEN" | "EXPIRED_ACCESS_TOKEN"))
}

/// `call --family antom|alipayplus PATH --body-file F`.
pub(crate) fn call(args: &CallArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let family = settings.family().value;
    let path = args.method.trim();
    if !path.starts_with('/') || path.contains(char::is_whitespace) || path.contains('?') {
        return Err(Error::usage_with_hint(
            format!("{:?} is not an API path", args.method),
            format!(
                "{family} APIs are called by path, e.g. {}authorizations/query",
                crate::protocol::header::api_prefix(family)
            ),
        )
        .into());
    }
    if !args.params.is_empty() || args.biz_content.is_some() {
        return Err(Error::usage_with_hint(
            "NAME=VALUE parameters and --biz-content belong to the alipay family",
            "put the request in a JSON file and pass it with --body-file",
        )
        .into());
    }
    if args.auth_token_stdin || args.user_token || args.no_auth_token || args.subject.is_some() {
        return Err(Error::usage_with_hint(
            "the auth_token options belong to the alipay family",
            "an Antom / Alipay+ API takes its accessToken in the body: `alipay-oauth token` prints the stored one",
        )
        .into());
    }
    let body = super::read_input(args.body_file.as_deref(), "JSON body")?;
    // The bytes are sent as given, but they must be one JSON object.
    match serde_json::from_slice::<Value>(&body) {
        Ok(Value::Object(_)) => {}
        _ => {
            return Err(Error::usage_with_hint(
                "the body is not a JSON object",
                "give the request body as one JSON object, e.g. {\"accessToken\":\"...\"}",
            )
            .into());
        }
    }
    let client = client(settings, &out)?;
    let prepared = client.prepare(path, &body)?;
    if args.curl {
        print_curl(&out, &prepared);
        return Ok(ExitStatus::Success);
    }
    let call = client.send(&prepared)?;
    if args.raw || (out.quiet && !out.is_json()) {
        out.result(&call.raw);
    } else if out.is_json() {
        out.json(&call.body);
    } else {
        out.result(format!(
            "{} {}: S (signature verified)",
            out.paint("✓", "1;32"),
            call.path
        ));
        let shown = if args.show_secrets {
            call.body.clone()
        } else {
            masked(&call.body)
        };
        out.result(serde_json::to_string_pretty(&shown).unwrap_or_default());
        if !args.show_secrets && shown != call.body {
            out.info("(tokens masked; --show-secrets or -o json shows them)");
        }
    }
    Ok(ExitStatus::Success)
}

/// The answer with every token-like value masked, for human eyes.
fn masked(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| {
                    let secret = matches!(k.as_str(), "accessToken" | "refreshToken" | "authCode");
                    let v = match (secret, v) {
                        (true, Value::String(s)) => json!(crate::secret::mask(s)),
                        _ => masked(v),
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(masked).collect()),
        other => other.clone(),
    }
}

/// The prepared request as a `curl` command posting the same bytes.
fn print_curl(out: &Output, prepared: &HeaderPrepared) {
    let quote = |s: &str| shell_words::quote(s).into_owned();
    let body = String::from_utf8_lossy(&prepared.body);
    let mut command =
        String::from("curl -sS -i -H 'content-type: application/json; charset=UTF-8'");
    for (k, v) in &prepared.headers {
        command.push_str(&format!(" \\\n  -H {}", quote(&format!("{k}: {v}"))));
    }
    command.push_str(&format!(
        " \\\n  --data-raw {} \\\n  {}",
        quote(&body),
        quote(prepared.url.as_str())
    ));
    let secrets = if prepared.carries_secret {
        "a live signature and a code or token"
    } else {
        "a live signature"
    };
    // Said even with -q: the command is a credential while it is fresh.
    let _ = {
        use std::io::Write as _;
        writeln!(
            std::io::stderr().lock(),
            "{} this command contains {secrets}: anyone who sees it can send the request again; do not paste it into tickets or chats",
            out.paint_err("warning:", "33")
        )
    };
    if out.is_json() {
        out.json(&json!({
            "command": command,
            "url": prepared.url.as_str(),
            "headers": prepared.headers.iter().map(|(k, v)| (k.to_string(), json!(v))).collect::<serde_json::Map<_, _>>(),
            "body": body,
        }));
    } else {
        out.result(command);
    }
}

/// `exchange --family antom|alipayplus`: an authCode, or a refresh token
/// (given, or the stored login's, under the lock), for tokens.
pub(crate) fn exchange(args: &ExchangeArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let family = settings.family().value;
    let client = client(settings, &out)?;
    let store = settings.token_store();
    let sessions = settings.sessions(&store)?;
    let prepare = || -> Result<Option<crate::login::store::StoreLock>, Error> {
        if args.no_store {
            Ok(None)
        } else {
            Ok(sessions.prepare_save().map(Some)?)
        }
    };
    let given = if let Some(code) = &args.code {
        let code = if code == "-" {
            read_secret("auth code")?
        } else {
            AuthCode::new(code.as_str())
        };
        let guard = prepare()?;
        Some((client.apply_code(&code, settings.party()?)?, guard))
    } else if args.refresh_token_stdin {
        let token = read_secret("refresh token")?;
        let guard = prepare()?;
        Some((client.apply_refresh(&token, settings.party()?)?, guard))
    } else if let Some(token) = settings.env_refresh_token() {
        let guard = prepare()?;
        Some((client.apply_refresh(&token, settings.party()?)?, guard))
    } else {
        None
    };
    let (tokens, raw, stored) = match given {
        Some((t, guard)) => {
            let stored = if args.no_store {
                None
            } else {
                sessions.save(&t.tokens, None)?.map(|(_, p)| p)
            };
            drop(guard);
            (t.tokens, t.raw, stored)
        }
        None => {
            if args.no_store {
                return Err(Error::usage_with_hint(
                    "--no-store cannot refresh the stored login",
                    "refreshing spends the stored refresh token, so the new one must be stored; drop --no-store",
                )
                .into());
            }
            let refresher = HeaderRefresher {
                client: &client,
                party: settings.party().ok().map(str::to_string),
            };
            let (tokens, session) = sessions.refresh(&refresher, args.subject.as_deref())?;
            (
                tokens,
                Value::Null,
                Some(store.dir().join(&session.environment)),
            )
        }
    };
    report::render(
        &out,
        &FamilyTokens {
            family,
            tokens: &tokens,
            raw: &raw,
            user: None,
            show_secrets: args.show_secrets,
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

/// Alipay+ (acquirer side) has no user-information API.
pub(crate) fn no_user_info() -> anyhow::Error {
    Error::usage_with_hint(
        "Alipay+ has no user-information API: its login ends with the token",
        "the user is the customerId of the token answer (`alipay-oauth status`, or `exchange -o json` under raw)",
    )
    .into()
}

/// `userinfo --family antom`: `users/inquiryUserInfo`.
pub(crate) fn userinfo(args: &UserinfoArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    if settings.family().value == Family::AlipayPlus {
        return Err(no_user_info());
    }
    let client = client(settings, &out)?;
    let (user, call) = if args.access_token_stdin {
        client.user_info_call(&read_secret::<AccessToken>("access token")?)?
    } else if let Some(t) = settings.env_access_token() {
        client.user_info_call(&t)?
    } else {
        let store = settings.token_store();
        let sessions = settings.sessions(&store)?;
        let refresher = HeaderRefresher {
            client: &client,
            party: settings.party().ok().map(str::to_string),
        };
        let (token, session, refreshed) =
            sessions.access_token(&refresher, args.subject.as_deref(), EXPIRY_MARGIN)?;
        match client.user_info_call(&token) {
            Err(e) if token_refused(&e) && !refreshed => {
                out.info(format!(
                    "the stored access token of {} was refused: refreshing it",
                    session.subject
                ));
                let (token, _) = sessions.replace_refused(&refresher, &session.subject, &token)?;
                client.user_info_call(&token)?
            }
            other => other?,
        }
    };
    if args.raw {
        out.result(&call.raw);
    } else {
        report::render(
            &out,
            &User {
                user: &user,
                lead: "",
            },
        );
    }
    Ok(ExitStatus::Success)
}

/// `logout --revoke`: revokes the stored login's access token (Antom
/// `revoke`, Alipay+ `cancelToken`) before it is forgotten. A refused
/// revocation keeps the login.
pub(crate) fn revoke(
    settings: &Settings,
    sessions: &Sessions<'_>,
    subject: Option<&str>,
    out: &Output,
) -> anyhow::Result<Option<String>> {
    let Some(session) = sessions.load(subject)? else {
        return Ok(None);
    };
    let client = client(settings, out)?;
    let party = match &session.party {
        Some(p) => p.as_str(),
        None => settings.party()?,
    };
    match client.revoke(&session.tokens.access_token, party) {
        Ok(_) => Ok(Some(session.subject)),
        // Already unusable: nothing is left to revoke.
        Err(e) if token_refused(&e) => {
            out.info(format!(
                "the access token of {} was already unusable",
                session.subject
            ));
            Ok(Some(session.subject))
        }
        Err(e) => Err(anyhow::Error::from(e).context("the login is kept: revoking it failed")),
    }
}
