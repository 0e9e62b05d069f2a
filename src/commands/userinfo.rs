//! `alipay-oauth userinfo`: the user of an access token.

use super::read_secret;
use crate::cli::UserinfoArgs;
use crate::cli::settings::Settings;
use crate::error::{Error, ExitStatus};
use crate::gateway::{Client, Gender};
use crate::output::visible;
use crate::session::EXPIRY_MARGIN;

pub fn run(args: &UserinfoArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let client = Client::new(settings.client_config()?, &out)?;
    let (user, call) = if args.access_token_stdin {
        client.user_info_call(&read_secret("access token")?)?
    } else if let Some(t) = settings.env_access_token() {
        out.trace(1, "using ALIPAY_ACCESS_TOKEN");
        client.user_info_call(&t)?
    } else {
        let store = settings.token_store();
        let sessions = settings.sessions(&store)?;
        let (token, session, refreshed) =
            sessions.access_token(&client, args.subject.as_deref(), EXPIRY_MARGIN)?;
        if refreshed {
            out.info(format!(
                "the stored access token of {} had expired or was replaced by a later login: refreshed and stored",
                session.subject
            ));
        }
        match client.user_info_call(&token) {
            // Alipay drops an access token early (a later login of the same
            // user, a revocation): the stored refresh token may still work,
            // so refresh once and try again. A token just refreshed is not
            // refreshed again.
            Err(Error::Alipay(e)) if e.is_access_token_refused() && !refreshed => {
                out.info(format!(
                    "Alipay refused the stored access token of {} ({}): refreshing it",
                    session.subject,
                    e.sub_code.as_deref().unwrap_or(&e.code)
                ));
                let (token, _) = sessions.replace_refused(&client, &session.subject, &token)?;
                out.info("refreshed and stored; asking again");
                client.user_info_call(&token)?
            }
            other => other?,
        }
    };
    if args.raw {
        out.result(&call.raw_node);
    } else if out.is_json() {
        out.json(&user.to_json());
    } else if out.quiet {
        out.result(out.remote_value(&user.subject));
    } else {
        print_user(&out, &user, "");
    }
    Ok(ExitStatus::Success)
}

/// The human rendering of a user. Every field is remote text, so control
/// characters in it are shown, never sent to the terminal.
pub(crate) fn print_user(out: &crate::output::Output, user: &crate::gateway::UserInfo, lead: &str) {
    let v = |s: &str| visible(s).0;
    let mut traits = Vec::new();
    match user.gender {
        Some(Gender::Male) => traits.push("male".to_string()),
        Some(Gender::Female) => traits.push("female".to_string()),
        None => {}
    }
    let place = [user.province.as_deref(), user.city.as_deref()]
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if !place.is_empty() {
        traits.push(v(&place));
    }
    match user.is_certified {
        Some(true) => traits.push("certified".into()),
        Some(false) => traits.push("not certified".into()),
        None => {}
    }
    out.result(format!(
        "{lead}{}  ({})",
        out.paint(
            &user
                .nickname
                .as_deref()
                .map_or_else(|| "(no nickname shared)".into(), v),
            "1"
        ),
        traits.join(", ")
    ));
    out.result(format!(
        "  subject   {} ({})",
        v(&user.subject),
        user.id_kind.label()
    ));
    for (k, v) in [
        ("user_id", &user.user_id),
        ("open_id", &user.open_id),
        ("union_id", &user.union_id),
        ("avatar", &user.avatar),
    ] {
        if let Some(v) = v {
            out.result(format!("  {k:<8}  {}", visible(v).0));
        }
    }
}
