//! `alipay-oauth call`: any API, signed, sent, and its answer verified; or,
//! with `--curl`, the same signed request as a command to run.

use std::path::Path;

use serde_json::{Value, json};

use super::{read_input, read_secret};
use crate::cli::settings::{Settings, read_input_file};
use crate::cli::{CallArgs, CallDialect, Family};
use crate::error::Error;
use crate::gateway::{Call, Client, Prepared};
use crate::login::session::EXPIRY_MARGIN;
use crate::protocol::v2::{GENERATED_PARAMS, check_biz_content, takes_user_token};
use crate::secret::AccessToken;
use crate::sign::Params;
use crate::sign::content::is_secret_param;
use crate::ui::failure::ExitStatus;
use crate::ui::output::Output;

/// The largest `--biz-content @FILE`.
const BIZ_CONTENT_LIMIT: u64 = 1 << 20;

pub fn run(args: &CallArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    // Each dialect has its own request shape.
    match (settings.family().value, args.dialect) {
        (Family::Alipay, CallDialect::V2) => call_v2(args, settings),
        (Family::Alipay, CallDialect::V3) => call_v3(args, settings),
        (Family::Antom | Family::AlipayPlus, CallDialect::V2) => {
            super::family::call(args, settings)
        }
        (_, CallDialect::V3) => Err(Error::usage_with_hint(
            "--dialect v3 is OpenAPI v3 of the alipay family",
            "drop --dialect: Antom and Alipay+ speak the header dialect",
        )
        .into()),
    }
}

/// Where the auth_token comes from.
enum TokenSource {
    None,
    Given(AccessToken),
    Stored {
        token: AccessToken,
        subject: String,
        refreshed: bool,
    },
}

impl TokenSource {
    fn token(&self) -> Option<&AccessToken> {
        match self {
            TokenSource::None => None,
            TokenSource::Given(t) | TokenSource::Stored { token: t, .. } => Some(t),
        }
    }
}

/// Where the user's token comes from: standard input, ALIPAY_ACCESS_TOKEN,
/// or the stored login, when the API acts for a user (`implied`) or a
/// login is named.
fn token_source(
    args: &CallArgs,
    settings: &Settings,
    client: &Client<'_>,
    sessions: &crate::login::session::Sessions<'_>,
    implied: bool,
    what: &str,
) -> anyhow::Result<TokenSource> {
    let out = settings.output();
    // Naming a login asks for its token, whatever the method.
    let explicit = args.user_token || args.subject.is_some();
    let wants_user_token = !args.no_auth_token && (explicit || implied);
    let source = if args.auth_token_stdin {
        TokenSource::Given(read_secret("access token")?)
    } else if !wants_user_token {
        TokenSource::None
    } else if let Some(t) = settings.env_access_token() {
        out.trace(1, "auth_token: ALIPAY_ACCESS_TOKEN");
        TokenSource::Given(t)
    } else if !explicit && sessions.load(None)?.is_none() {
        out.info(format!(
            "no stored login for app {}: sending {what} without an auth_token",
            sessions.app_id
        ));
        TokenSource::None
    } else {
        let (token, session, refreshed) =
            sessions.access_token(client, args.subject.as_deref(), EXPIRY_MARGIN)?;
        TokenSource::Stored {
            token,
            subject: session.subject,
            refreshed,
        }
    };
    if let TokenSource::Stored {
        subject, refreshed, ..
    } = &source
    {
        out.info(format!(
            "auth_token: the stored login of {subject}{}",
            if *refreshed {
                " (refreshed and stored)"
            } else {
                ""
            }
        ));
    }
    Ok(source)
}

/// `call --dialect v3 HTTP_METHOD PATH [--body-file F] [--query k=v]`.
fn call_v3(args: &CallArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let http_method = args.method.trim().to_ascii_uppercase();
    let path = match args.params.as_slice() {
        [p] if p.starts_with("/v3/") => p.clone(),
        _ => {
            return Err(Error::usage_with_hint(
                "`call --dialect v3` takes an HTTP method and a path",
                "e.g. alipay-oauth call --dialect v3 POST /v3/alipay/user/info/share; the body goes in --body-file, the query in --query NAME=VALUE",
            )
            .into());
        }
    };
    if args.biz_content.is_some() {
        return Err(Error::usage_with_hint(
            "--biz-content belongs to the v2 gateway",
            "give an OpenAPI v3 request's JSON body with --body-file FILE (- for standard input)",
        )
        .into());
    }
    let mut query = Vec::new();
    for raw in &args.query {
        let (k, v) = raw.split_once('=').ok_or_else(|| {
            Error::usage_with_hint(
                format!("--query {raw:?} is not NAME=VALUE"),
                "give each query parameter as --query NAME=VALUE",
            )
        })?;
        query.push((k.to_string(), v.to_string()));
    }
    let body = match &args.body_file {
        Some(f) => {
            if f == Path::new("-") && args.auth_token_stdin {
                return Err(Error::usage_with_hint(
                    "--body-file - and --auth-token-stdin both read standard input",
                    "put the body in a file",
                )
                .into());
            }
            let bytes = read_input(Some(f), "body")?;
            if serde_json::from_slice::<Value>(&bytes).is_err() {
                return Err(Error::usage_with_hint(
                    format!("the body in {} is not JSON", f.display()),
                    "OpenAPI v3 bodies are JSON objects, e.g. {\"grant_type\":\"authorization_code\"}",
                )
                .into());
            }
            bytes
        }
        None => Vec::new(),
    };
    let client = Client::new(settings.client_config()?, &out)?;
    let store = settings.token_store();
    let sessions = settings.sessions(&store)?;
    let what = format!("{http_method} {path}");
    let source = token_source(
        args,
        settings,
        &client,
        &sessions,
        path.starts_with("/v3/alipay/user/"),
        &what,
    )?;
    let prepared = client.prepare_v3(&http_method, &path, &query, &body, source.token())?;
    if args.curl {
        print_curl_v3(&out, &prepared);
        return Ok(ExitStatus::Success);
    }
    let call = match (client.send_v3(&prepared).map_err(Error::from), &source) {
        // As for v2: a refused stored token is refreshed once, the call
        // made once more.
        (
            Err(Error::Alipay(e)),
            TokenSource::Stored {
                token,
                subject,
                refreshed: false,
            },
        ) if e.is_access_token_refused() => {
            out.info(format!(
                "Alipay refused the stored access token of {subject} ({}): refreshing it",
                e.code
            ));
            let (token, _) = sessions.replace_refused(&client, subject, token)?;
            out.info("refreshed and stored; calling again");
            let again = client.prepare_v3(&http_method, &path, &query, &body, Some(&token))?;
            client.send_v3(&again)?
        }
        (other, _) => other?,
    };
    print_answer(&out, &what, &call, args);
    Ok(ExitStatus::Success)
}

/// The v3 request as a `curl` command: the method, the signed headers and
/// the exact body.
fn print_curl_v3(out: &Output, prepared: &crate::gateway::v3::V3Prepared) {
    let quote = |s: &str| shell_words::quote(s).into_owned();
    let mut command = format!("curl -sS -X {}", prepared.http_method);
    for (name, value) in &prepared.headers {
        command.push_str(&format!(" \\\n  -H {}", quote(&format!("{name}: {value}"))));
    }
    let body = String::from_utf8_lossy(&prepared.body);
    if !prepared.body.is_empty() {
        command.push_str(&format!(" \\\n  --data-binary {}", quote(&body)));
    }
    command.push_str(&format!(" \\\n  {}", quote(prepared.url.as_str())));
    warn_live(out, prepared.carries_token);
    if out.is_json() {
        out.json(&json!({
            "command": command,
            "method": prepared.http_method,
            "url": prepared.url.as_str(),
            "headers": prepared.headers.iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>(),
            "body": body,
        }));
    } else {
        out.result(command);
    }
}

/// Said even with -q: the command is a credential while it is fresh.
fn warn_live(out: &Output, carries_token: bool) {
    let secrets = if carries_token {
        "a live signature and an access token"
    } else {
        "a live signature"
    };
    let _ = {
        use std::io::Write as _;
        writeln!(
            std::io::stderr().lock(),
            "{} this command contains {secrets}: anyone who sees it can send the request until its timestamp expires; do not paste it into tickets or chats",
            out.paint_err("warning:", "33")
        )
    };
}

fn call_v2(args: &CallArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let method = args.method.trim();
    if method.is_empty() || method.contains(char::is_whitespace) || method.starts_with('/') {
        let hint = if args.method.contains('/') {
            "a path belongs to OpenAPI v3 (`call --dialect v3 POST /v3/...`) or Antom / Alipay+ (--family antom or alipayplus); a gateway method is named like alipay.trade.query"
        } else {
            "give the method as Alipay names it, e.g. alipay.trade.query"
        };
        return Err(Error::usage_with_hint(
            format!("{:?} is not a gateway method name", args.method),
            hint,
        )
        .into());
    }
    if args.body_file.is_some() || !args.query.is_empty() {
        return Err(Error::usage_with_hint(
            "--body-file and --query belong to OpenAPI v3 (and --body-file to Antom / Alipay+)",
            "add --dialect v3, or give a v2 method's parameters as NAME=VALUE and --biz-content",
        )
        .into());
    }
    let api = api_params(args)?;
    let client = Client::new(settings.client_config()?, &out)?;
    let store = settings.token_store();
    let sessions = settings.sessions(&store)?;

    let source = token_source(
        args,
        settings,
        &client,
        &sessions,
        takes_user_token(method),
        method,
    )?;
    let token = source.token();
    if args.curl {
        let prepared = client.prepare(method, &api, token)?;
        print_curl(&out, &prepared);
        return Ok(ExitStatus::Success);
    }

    let call = match (
        client.call(method, &api, token).map_err(Error::from),
        &source,
    ) {
        // Alipay drops an access token early (a later login, a revocation);
        // a refused call did nothing, so one refresh and one retry are safe.
        // A token just refreshed is not refreshed again.
        (
            Err(Error::Alipay(e)),
            TokenSource::Stored {
                token,
                subject,
                refreshed: false,
            },
        ) if e.is_access_token_refused() => {
            out.info(format!(
                "Alipay refused the stored access token of {subject} ({}): refreshing it",
                e.sub_code.as_deref().unwrap_or(&e.code)
            ));
            let (token, _) = sessions.replace_refused(&client, subject, token)?;
            out.info("refreshed and stored; calling again");
            client.call(method, &api, Some(&token))?
        }
        (other, _) => other?,
    };
    print_answer(&out, method, &call, args);
    Ok(ExitStatus::Success)
}

/// The request parameters of the command line and `--biz-content`, each
/// name once, none that the client sets itself.
fn api_params(args: &CallArgs) -> anyhow::Result<Params> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for raw in &args.params {
        let (name, value) = raw.split_once('=').ok_or_else(|| {
            Error::usage_with_hint(
                format!("{raw:?} is not a parameter"),
                "give request parameters as NAME=VALUE, business parameters with --biz-content",
            )
        })?;
        if name == "auth_token" {
            return Err(Error::usage_with_hint(
                "auth_token is not given as a parameter: a token on the command line leaks into shell history and process lists",
                "pipe it in with --auth-token-stdin, or let the stored login be used",
            )
            .into());
        }
        if GENERATED_PARAMS.contains(&name) {
            return Err(Error::usage_with_hint(
                format!("{name} is set by alipay-oauth for every request"),
                "use the global options (--app-id, --charset, --sign-type, certificate files) instead",
            )
            .into());
        }
        if name == "biz_content" {
            check_biz_content(value).map_err(biz_content_error)?;
        }
        pairs.push((name.to_string(), value.to_string()));
    }
    if let Some(given) = &args.biz_content {
        let text = match given.strip_prefix('@') {
            Some(file) => {
                if file == "-" && args.auth_token_stdin {
                    return Err(Error::usage_with_hint(
                        "--biz-content @- and --auth-token-stdin both read standard input",
                        "put the business parameters in a file",
                    )
                    .into());
                }
                let bytes = if file == "-" {
                    read_input(Some(Path::new("-")), "biz_content")?
                } else {
                    read_input_file(Path::new(file), BIZ_CONTENT_LIMIT)?
                };
                String::from_utf8(bytes).map_err(|_| {
                    Error::usage_with_hint(
                        format!("--biz-content {given} is not UTF-8 text"),
                        "save the JSON as UTF-8; --charset gbk re-encodes it for the gateway",
                    )
                })?
            }
            None => given.clone(),
        };
        let text = check_biz_content(&text).map_err(biz_content_error)?;
        pairs.push(("biz_content".into(), text.to_string()));
    }
    Ok(Params::from_pairs(pairs).map_err(Error::from)?)
}

fn biz_content_error(e: crate::protocol::v2::BizContentError) -> Error {
    Error::usage_with_hint(
        e.to_string(),
        "give one JSON object, each key once, e.g. --biz-content '{\"out_trade_no\":\"20240102001\"}'",
    )
}

/// The answer: the node as JSON, exactly as signed (`--raw`), or a summary.
fn print_answer(out: &Output, method: &str, call: &Call, args: &CallArgs) {
    if args.raw || (out.quiet && !out.is_json()) {
        out.result(&call.raw_node);
        return;
    }
    if out.is_json() {
        out.json(&call.node);
        return;
    }
    let code = call.node.get("code").and_then(Value::as_str);
    let msg = call.node.get("msg").and_then(Value::as_str);
    let status = match (code, msg) {
        (Some(c), Some(m)) => format!("{c} {m}"),
        (Some(c), None) => c.to_string(),
        _ => "success".into(),
    };
    out.result(format!(
        "{} {method}: {status} (signature verified)",
        out.paint("✓", "1;32")
    ));
    let Some(fields) = call.node.as_object() else {
        return;
    };
    let width = fields.keys().map(|k| k.chars().count()).max().unwrap_or(0);
    let mut masked_any = false;
    for (k, v) in fields {
        if k == "code" || k == "msg" {
            continue;
        }
        let text = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let text = if is_secret_param(k) && !args.show_secrets {
            masked_any = true;
            crate::secret::mask(&text)
        } else {
            text
        };
        out.result(format!(
            "  {k:<width$}  {}",
            crate::ui::output::visible(&text).0
        ));
    }
    if masked_any {
        out.info("(tokens masked; --show-secrets or -o json shows them)");
    }
}

/// Prints the prepared request as a `curl` command, which posts the same
/// bytes: the signed URL, the content type and the form body.
fn print_curl(out: &Output, prepared: &Prepared) {
    let quote = |s: &str| shell_words::quote(s).into_owned();
    let command = format!(
        "curl -sS -H {} \\\n  --data-raw {} \\\n  {}",
        quote(&format!("content-type: {}", prepared.content_type)),
        quote(&prepared.body),
        quote(prepared.url.as_str()),
    );
    warn_live(out, prepared.carries_token);
    if out.is_json() {
        out.json(&json!({
            "command": command,
            "method": prepared.method,
            "url": prepared.url.as_str(),
            "content_type": prepared.content_type,
            "body": prepared.body,
        }));
    } else {
        out.result(command);
    }
}
