//! `alipay-oauth authorize`: the browser login, end to end.

use std::io::{BufRead, IsTerminal, Write as _};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use super::note_superseded;
use super::report::{self, Code, FamilyTokens, Login, Tokens};
use crate::cli::AuthorizeArgs;
use crate::cli::settings::Settings;
use crate::endpoints::Environment;
use crate::error::Error;
use crate::gateway::Client;
use crate::gateway::header::{ConsultRequest, HeaderClient};
use crate::oauth::flow::{self, CallbackPlan, ListenAt};
use crate::oauth::listener::{Event, ListenPlan, Notice, PasteProblem, PasteReason, plan};
use crate::oauth::{Callback, ScopeList, browser};
use crate::protocol::header::Family;
use crate::ui::failure::ExitStatus;
use crate::ui::output::Output;
use crate::ui::terminal::{KeyReader, Keys};

/// Where Ctrl-C (and SIGTERM or SIGHUP, through ctrlc's "termination"
/// feature) is delivered while waiting, so that the wait ends through the
/// normal path that restores the terminal.
static INTERRUPT: OnceLock<Mutex<Option<Sender<Event>>>> = OnceLock::new();

fn catch_ctrl_c(sender: Sender<Event>) {
    let slot = INTERRUPT.get_or_init(|| Mutex::new(None));
    *slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(sender);
    // A second call fails harmlessly; the slot holds the current sender.
    let _ = ctrlc::set_handler(|| {
        let sent = INTERRUPT
            .get()
            .and_then(|s| {
                s.lock()
                    .ok()
                    .and_then(|s| s.as_ref().map(|tx| tx.send(Event::Interrupted).is_ok()))
            })
            .unwrap_or(false);
        if !sent {
            std::process::exit(ExitStatus::Interrupted.code());
        }
    });
}

pub fn run(args: &AuthorizeArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let app_id = settings.require_app_id()?.to_string();
    let family = settings.family().value;
    super::refuse_v3_for_header_family(settings, args.dialect)?;
    let scope_text = args
        .scope
        .clone()
        .or_else(|| settings.scope().as_ref().map(|s| s.value.clone()));
    // Check the keys before sending anyone to a browser.
    let (scopes, client_config, header) = if family.is_header() {
        let scopes = header_scopes(family, scope_text.as_deref())?;
        let party = settings.party()?.to_string();
        let client = super::family::client(settings, &out)?;
        (None, None, Some((client, scopes, party)))
    } else {
        let scopes: ScopeList = scope_text
            .unwrap_or_else(|| "auth_user".into())
            .parse()
            .map_err(|e: crate::oauth::ScopeError| Error::usage(e.to_string()))?;
        let config = if args.no_exchange {
            None
        } else {
            Some(settings.client_config()?)
        };
        (Some(scopes), config, None)
    };

    // A store that cannot keep the tokens is found before the browser.
    if !args.no_exchange && !args.no_store {
        let store = settings.token_store();
        let sessions = settings.sessions(&store)?;
        sessions.store.check_writable(&sessions.key)?;
    }

    let redirect = args
        .redirect_uri
        .clone()
        .or_else(|| settings.redirect_uri().as_ref().map(|r| r.value.clone()));
    // Someone at a terminal can paste the callback while the listener waits.
    let paste_too = std::io::stdin().is_terminal();
    let callback_plan = match redirect {
        None => {
            if args.manual {
                return Err(Error::usage_with_hint(
                    "--manual needs --redirect-uri",
                    "give the callback URL registered for the app",
                )
                .into());
            }
            let at = match &args.listen {
                Some(spec) => match plan(
                    &url::Url::parse("http://127.0.0.1/callback")?,
                    Some(spec),
                    args.allow_remote_listen,
                )? {
                    ListenPlan::Listen { addrs, path } => ListenAt {
                        addrs,
                        path,
                        redirect_uri: None,
                    },
                    // `plan` always listens when given an address.
                    ListenPlan::PasteOnly { why } => {
                        return Err(Error::Internal(format!("no listener planned: {why:?}")).into());
                    }
                },
                None => ListenAt::loopback("/callback"),
            };
            CallbackPlan::listen(at, paste_too)
        }
        Some(uri) => {
            let parsed = url::Url::parse(&uri)
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
                .ok_or_else(|| {
                    Error::usage_with_hint(
                        format!("--redirect-uri {uri:?} is not an http(s) URL"),
                        "give the full callback URL registered for the app",
                    )
                })?;
            let planned = if args.manual {
                ListenPlan::PasteOnly {
                    why: PasteReason::Asked,
                }
            } else {
                plan(&parsed, args.listen.as_deref(), args.allow_remote_listen)?
            };
            CallbackPlan::registered(uri, planned, paste_too)
        }
    };
    let derived = matches!(
        &callback_plan,
        CallbackPlan::Listen(at) | CallbackPlan::Both(at) if at.redirect_uri.is_none()
    );
    let login = flow::begin(callback_plan)?;
    if derived
        && settings.environment().value != Environment::Emulator
        && settings.gateway().source == crate::cli::settings::Source::Default
    {
        out.warn(format!(
            "no --redirect-uri: using {}; Alipay only redirects to the callback domain registered for the app",
            login.redirect_uri
        ));
    }

    if let Some((client, scopes, party)) = header {
        return header_login(&login, args, settings, &client, &scopes, &party);
    }
    let scopes = scopes.expect("parsed for the alipay family");
    let url = login.authorize_url(&settings.authorize_url().value, &app_id, &scopes)?;
    present(args, settings, &out, &login, url.as_str());

    let callback = wait(&login, args, &out, "auth_code")?;
    drop(login);
    if callback.state.is_none() {
        out.warn(
            "the pasted input carried no state, so it could not be checked against this login",
        );
    }
    let code = flow::code_of(&callback)?;

    if args.no_exchange {
        report::render(
            &out,
            &Code {
                code: &code,
                callback: &callback,
                scopes: &scopes,
                app_id: &app_id,
            },
        );
        return Ok(ExitStatus::Success);
    }
    let client = Client::new(client_config.expect("built unless --no-exchange"), &out)?
        .with_oauth_api(args.dialect.into());
    let store = settings.token_store();
    let sessions = settings.sessions(&store)?;
    // Checked again under the lock, right before the code is spent; a
    // failure to save after that carries the tokens to standard output.
    let guard = if args.no_store {
        None
    } else {
        Some(sessions.prepare_save()?)
    };
    let (tokens, _) = client.exchange_code(&code)?;
    let stored = if args.no_store {
        note_superseded(&out, &sessions, &tokens);
        None
    } else {
        sessions.save(&tokens, Some(&scopes.joined()))?
    };
    drop(guard);
    let user = if scopes.includes_user() {
        match client.user_info(&tokens.access_token) {
            Ok((user, _)) => Some(user),
            Err(e) => {
                // The code is spent: show the tokens before the error.
                report::render(
                    &out,
                    &Tokens {
                        tokens: &tokens,
                        show_secrets: args.show_secrets,
                        header: true,
                    },
                );
                return Err(
                    anyhow::Error::from(e).context("logged in, but fetching the user failed")
                );
            }
        }
    } else {
        None
    };

    report::render(
        &out,
        &Login {
            tokens: &tokens,
            user: user.as_ref(),
            show_secrets: args.show_secrets,
        },
    );
    if let Some((_, path)) = stored {
        out.info(format!("stored in {}", path.display()));
    }
    Ok(ExitStatus::Success)
}

/// Shows the authorization URL (and its QR code), opens the browser, and
/// says how the callback is awaited.
fn present(
    args: &AuthorizeArgs,
    settings: &Settings,
    out: &Output,
    login: &flow::Login,
    url: &str,
) {
    // The URL is always shown, whatever else happens.
    eprintln!("Open this URL to log in with Alipay:\n  {url}");
    show_qr(args, out, url);
    let launch = browser::decide(args.no_browser, &settings.browser_env());
    let opened = match launch {
        browser::Launch::Skip(reason) => Err(match reason {
            browser::SkipReason::Asked => "--no-browser",
            browser::SkipReason::Ssh => "this is an SSH session",
            browser::SkipReason::NoDisplay => "there is no display",
        }
        .to_string()),
        _ => browser::open(url, &launch),
    };
    match opened {
        Ok(()) => out.info("Opened it in the browser."),
        Err(why) => out.info(format!(
            "Not opening a browser ({why}): open the URL yourself, on any device (a phone scans Alipay's QR code)."
        )),
    }
    if let Some(why) = login.paste_only() {
        // --manual was asked for: no need to explain the missing listener.
        if !args.manual {
            out.info(format!("No callback listener: {}.", paste_reason(why)));
        }
        out.info(if std::io::stdin().is_terminal() {
            "After agreeing, copy the whole address from the browser's address bar and paste it here."
        } else {
            match settings.family().value {
                Family::Alipay => "Reading the address the browser lands on after agreeing (or the auth_code) from standard input.",
                _ => "Reading the address the browser lands on after agreeing (or the authCode) from standard input.",
            }
        });
    }
}

/// The scopes of an Antom / Alipay+ login (comma-separated, as the API
/// names them).
fn header_scopes(family: Family, given: Option<&str>) -> Result<Vec<String>, Error> {
    const KNOWN: &[&str] = &[
        "BASE_USER_INFO",
        "USER_INFO",
        "AGREEMENT_PAY",
        "USER_LOGIN_ID",
        "HASH_LOGIN_ID",
        "SEND_OTP",
    ];
    let default = match family {
        // Alipay+ has no user-information API.
        Family::AlipayPlus => "BASE_USER_INFO",
        _ => "USER_INFO",
    };
    let scopes: Vec<String> = given
        .unwrap_or(default)
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    match scopes.iter().find(|s| !KNOWN.contains(&s.as_str())) {
        Some(bad) => Err(Error::usage_with_hint(
            format!("scope {bad:?} is not an {family} scope"),
            format!("use {}, separated by commas", KNOWN.join(", ")),
        )),
        None if scopes.is_empty() => Err(Error::usage("no scope given")),
        None => Ok(scopes),
    }
}

/// An Antom / Alipay+ login: consult (or prepare) gives the URL, the
/// listener captures authCode / authState (state checked), applyToken
/// spends the code, and the tokens are stored.
fn header_login(
    login: &flow::Login,
    args: &AuthorizeArgs,
    settings: &Settings,
    client: &HeaderClient<'_>,
    scopes: &[String],
    party: &str,
) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let family = settings.family().value;
    let (url, _) = client.consult(&ConsultRequest {
        party,
        redirect_url: &login.redirect_uri,
        scopes,
        state: login.state.as_str(),
    })?;
    present(args, settings, &out, login, &url);
    let callback = wait(login, args, &out, "authCode")?;
    if callback.state.is_none() {
        out.warn(
            "the pasted input carried no state, so it could not be checked against this login",
        );
    }
    let code = flow::code_of(&callback)?;
    if args.no_exchange {
        let doc = serde_json::json!({
            "auth_code": code.secret(),
            "state": callback.state,
            "scope": scopes.join(","),
            "family": family.label(),
        });
        if out.is_json() {
            out.json(&doc);
        } else {
            out.result(code.secret());
        }
        return Ok(ExitStatus::Success);
    }
    let store = settings.token_store();
    let sessions = settings.sessions(&store)?;
    let guard = if args.no_store {
        None
    } else {
        Some(sessions.prepare_save()?)
    };
    let tokens = client.apply_code(&code, party)?;
    let stored = if args.no_store {
        None
    } else {
        sessions.save(&tokens.tokens, Some(&scopes.join(",")))?
    };
    drop(guard);
    let wants_user = family == Family::Antom && scopes.iter().any(|s| s == "USER_INFO");
    let user = if wants_user {
        match client.user_info(&tokens.tokens.access_token) {
            Ok(u) => Some(u),
            Err(e) => {
                // The code is spent: show the tokens before the error.
                report::render(
                    &out,
                    &Tokens {
                        tokens: &tokens.tokens,
                        show_secrets: args.show_secrets,
                        header: true,
                    },
                );
                return Err(
                    anyhow::Error::from(e).context("logged in, but fetching the user failed")
                );
            }
        }
    } else {
        None
    };
    report::render(
        &out,
        &FamilyTokens {
            family,
            tokens: &tokens.tokens,
            raw: &tokens.raw,
            user: user.as_ref(),
            show_secrets: args.show_secrets,
        },
    );
    if let Some((_, path)) = stored {
        out.info(format!("stored in {}", path.display()));
    }
    Ok(ExitStatus::Success)
}

/// Waits for the callback, a pasted URL or code, a timeout or Ctrl-C, with
/// a spinner on a terminal.
/// `code_name` is what the family calls the code (auth_code, authCode).
fn wait(
    login: &flow::Login,
    args: &AuthorizeArgs,
    out: &Output,
    code_name: &str,
) -> Result<Callback, Error> {
    let listener = &login.listener;
    let listening = login.listening();
    let paste_only = login.paste_only().is_some();
    let sender = listener.sender();
    catch_ctrl_c(sender.clone());
    let timeout = Duration::from_secs(args.timeout);
    let typed = Arc::new(Mutex::new(String::new()));
    let stdin_tty = std::io::stdin().is_terminal();

    // Pasting: keys on a terminal; a line on a pipe only when there is no
    // listener (a CI job has nothing to paste).
    let keys = if stdin_tty && login.accepts_paste() {
        let (typed, tx) = (typed.clone(), sender.clone());
        KeyReader::start(move |k| match k {
            Keys::Typed(t) => *typed.lock().unwrap_or_else(|e| e.into_inner()) = t,
            Keys::Submitted(t) => {
                let _ = tx.send(Event::Pasted(t));
            }
            Keys::Ended => {
                let _ = tx.send(Event::InputEnded);
            }
        })
    } else {
        if paste_only {
            let tx = sender.clone();
            // Every non-blank line is a paste (one may be rejected and the
            // next one right); the end of input ends the wait.
            std::thread::spawn(move || {
                let mut stdin = std::io::stdin().lock();
                loop {
                    let mut line = String::new();
                    match stdin.read_line(&mut line) {
                        Ok(0) | Err(_) => {
                            let _ = tx.send(Event::InputEnded);
                            return;
                        }
                        Ok(_) if line.trim().is_empty() => {}
                        Ok(_) => {
                            if tx.send(Event::Pasted(line)).is_err() {
                                return;
                            }
                        }
                    }
                }
            });
        }
        None
    };
    let pasting = keys.is_some() || paste_only;

    let where_ = match listening {
        Some(addr) => format!("the callback on {addr}"),
        None => "a pasted URL or code".to_string(),
    };
    let spinner = (std::io::stderr().is_terminal() && !out.quiet).then(|| {
        let bar = indicatif::ProgressBar::with_draw_target(
            None,
            indicatif::ProgressDrawTarget::stderr_with_hz(8),
        );
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner:.cyan} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    });
    if spinner.is_none() && !out.quiet {
        eprintln!("Waiting up to {} s for {where_}...", timeout.as_secs());
    }
    // Told at once, above the spinner, while the wait goes on.
    let notice = |n: Notice| {
        let line = notice_text(n, listening.is_some(), code_name);
        match &spinner {
            Some(bar) => bar.suspend(|| out.warn(line)),
            None => out.warn(line),
        }
    };
    let result = listener.wait(
        timeout,
        |left| {
            if let Some(bar) = &spinner {
                let secs = left.as_secs();
                let mut msg = format!("waiting for {where_} · {}:{:02} left", secs / 60, secs % 60);
                if pasting {
                    let t = typed.lock().unwrap_or_else(|e| e.into_inner()).clone();
                    let tail: String = {
                        let chars: Vec<char> = t.chars().collect();
                        chars[chars.len().saturating_sub(40)..].iter().collect()
                    };
                    msg.push_str(&format!(" · or paste the URL or code + Enter: {tail}"));
                }
                bar.set_message(msg);
                bar.tick();
            }
        },
        notice,
    );
    if let Some(bar) = spinner {
        bar.finish_and_clear();
    }
    drop(keys);
    Ok(result?)
}

/// What to tell the person about something ignored while waiting.
fn notice_text(n: Notice, listening: bool, code: &str) -> String {
    let still = if listening {
        "still waiting for the callback, or a pasted URL"
    } else {
        &format!("still waiting for the address the browser lands on, or the {code}")
    };
    match n {
        Notice::CallbackWrongState => format!(
            "a callback with a different state reached the listener and was ignored (an old tab, or another login?); finish the login from the URL printed above — {still}"
        ),
        Notice::CallbackWithoutCode => format!(
            "Alipay sent the browser back without an {code} (the login was refused or cancelled?); open the URL printed above and agree — {still}"
        ),
        Notice::Pasted(PasteProblem::WrongState) => format!(
            "the pasted URL carries a different state, so it is not from this login; it was ignored. Open the URL printed above, agree, and paste the address you land on — {still}"
        ),
        Notice::Pasted(PasteProblem::NoState) => format!(
            "the pasted URL has no state, so it cannot be tied to this login; it was ignored. Paste the whole address the browser lands on, or only the {code} value — {still}"
        ),
        Notice::Pasted(PasteProblem::NoCode) => format!(
            "the pasted text has no {code}; it was ignored. Paste the whole address the browser lands on, or only the {code} value — {still}"
        ),
    }
}

/// The URL as a QR code on stderr: on a terminal unless refused, anywhere
/// when asked. A code that cannot be drawn is a note, never a failure: the
/// URL above it is what matters.
fn show_qr(args: &AuthorizeArgs, out: &Output, url: &str) {
    let wanted = args.qr || (!args.no_qr && !out.quiet && std::io::stderr().is_terminal());
    if !wanted {
        return;
    }
    match crate::qr::terminal_lines(url, out.color_err) {
        Ok(lines) => {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "Or scan it with the Alipay app:");
            for line in lines {
                let _ = writeln!(err, "{line}");
            }
        }
        Err(e) => out.warn(format!("no QR code: {e}; open the URL above instead")),
    }
}

/// Why the callback is pasted, in the words of the command line.
fn paste_reason(why: &PasteReason) -> String {
    match why {
        PasteReason::Asked => "--manual".into(),
        PasteReason::RemoteHost(host) => format!(
            "the redirect URI's host {host} is not this machine (use --listen HOST:PORT if a hosts-file entry, tunnel or SSH forward brings it here)"
        ),
        PasteReason::HttpsRedirect => "the redirect URI is https on this machine, and the listener speaks plain http (put a TLS tunnel in front and use --listen)".into(),
    }
}
