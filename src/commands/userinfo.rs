//! `alipay-oauth userinfo`: the user of an access token.

use super::read_secret;
use super::report::{self, User};
use crate::cli::UserinfoArgs;
use crate::cli::settings::Settings;
use crate::gateway::{Client, GatewayError};
use crate::login::session::EXPIRY_MARGIN;
use crate::ui::failure::ExitStatus;

pub fn run(args: &UserinfoArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    super::refuse_v3_for_header_family(settings, args.dialect)?;
    if settings.family().value.is_header() {
        return super::family::userinfo(args, settings);
    }
    let out = settings.output();
    let client = Client::new(settings.client_config()?, &out)?.with_oauth_api(args.dialect.into());
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
            Err(GatewayError::Alipay(e)) if e.is_access_token_refused() && !refreshed => {
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
