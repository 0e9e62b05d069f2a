//! The commands: each takes validated settings, calls the core and renders
//! the result. This is the edge where `anyhow` context is added.

mod authorize;
mod call;
mod completions;
mod config;
mod demo;
mod dialect;
mod doctor;
mod emulator;
mod exchange;
mod family;
mod keys;
mod logout;
mod proxy;
mod report;
mod sign;
mod status;
mod token;
mod userinfo;
mod verify;

use std::ffi::OsString;
use std::io::{IsTerminal, Read};
use std::path::Path;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::env::EnvSnapshot;
use crate::cli::settings::{Settings, read_input_file};
use crate::cli::{Cli, Command};
use crate::error::Error;
use crate::secret::SecretValue;
use crate::ui::failure::ExitStatus;
use crate::ui::output::Output;

use crate::files::INPUT_LIMIT;

/// Runs the program with these arguments and returns the exit status.
pub fn main(args: Vec<OsString>, env: &EnvSnapshot) -> i32 {
    let matches = match Cli::command().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return clap_error(e, &args, env),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return clap_error(e, &args, env),
    };
    let settings = match Settings::resolve(&cli.global, &matches, env) {
        Ok(s) => s,
        Err(e) => {
            let out = Output::from_raw_args(&args, env);
            return out.error(&e.into()).code();
        }
    };
    let out = settings.output();
    match run(cli.command, &settings) {
        Ok(status) => match crate::ui::output::stdout_failure() {
            // The result did not reach its destination (a full disk).
            Some(why) if status == ExitStatus::Success => out
                .error(
                    &Error::usage_with_hint(
                        format!("cannot write the result to standard output: {why}"),
                        "check where standard output goes",
                    )
                    .into(),
                )
                .code(),
            _ => status.code(),
        },
        Err(e) => {
            let e = crate::ui::failure::lift(e);
            hand_over_unstored(&e);
            out.error(&e).code()
        }
    }
}

/// Tokens that were obtained but could not be stored exist nowhere else:
/// they go to standard output as JSON, in the store's own shape, whatever
/// the output format, before the error is reported.
fn hand_over_unstored(e: &anyhow::Error) {
    use std::io::Write;
    let unstored = e.chain().find_map(|e| match e.downcast_ref::<Error>() {
        Some(Error::NotStored { session, .. }) => Some(session),
        _ => None,
    });
    if let Some(session) = unstored {
        let mut out = std::io::stdout().lock();
        let _ = serde_json::to_writer_pretty(&mut out, session);
        let _ = writeln!(out);
        let _ = out.flush();
    }
}

fn clap_error(e: clap::Error, args: &[OsString], env: &EnvSnapshot) -> i32 {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return 0;
    }
    let out = Output::from_raw_args(args, env);
    if out.is_json() {
        let text = e.kind().as_str().unwrap_or("invalid arguments").to_string();
        let detail = e.to_string();
        let first = detail
            .lines()
            .find(|l| l.starts_with("error:"))
            .map(|l| l.trim_start_matches("error:").trim().to_string())
            .unwrap_or(text);
        out.error(&Error::usage_with_hint(first, "see --help").into());
    } else {
        let _ = e.print();
    }
    ExitStatus::Usage.code()
}

fn run(command: Command, settings: &Settings) -> anyhow::Result<ExitStatus> {
    match command {
        Command::Sign(args) => sign::run(&args, settings),
        Command::Verify(cmd) => verify::run(&cmd, settings),
        Command::Authorize(args) => authorize::run(&args, settings),
        Command::Exchange(args) => exchange::run(&args, settings),
        Command::Userinfo(args) => userinfo::run(&args, settings),
        Command::Call(args) => call::run(&args, settings),
        Command::Token(args) => token::run(&args, settings),
        Command::Status => status::run(settings),
        Command::Config => config::run(settings),
        Command::Logout(args) => logout::run(&args, settings),
        Command::Keys(cmd) => keys::run(&cmd, settings),
        Command::Emulator(args) => emulator::run(&args, settings),
        Command::Proxy(args) => proxy::run(&args, settings),
        Command::Doctor(args) => doctor::run(&args, settings),
        Command::Demo => demo::run(settings),
        Command::Completions { shell } => completions::run(shell),
        Command::Man => completions::man(),
    }
}

/// Reads the input of a command: a file, `-` or nothing for standard input.
/// Refuses to wait on an interactive terminal when no input was given.
pub(crate) fn read_input(file: Option<&Path>, what: &str) -> Result<Vec<u8>, Error> {
    match file {
        Some(p) if p != Path::new("-") => Ok(read_input_file(p, INPUT_LIMIT)?),
        _ => {
            let stdin = std::io::stdin();
            if file.is_none() && stdin.is_terminal() {
                return Err(Error::usage_with_hint(
                    format!("no {what} given"),
                    "give a FILE, or pipe the data into standard input (use - to read a terminal)",
                ));
            }
            let mut bytes = Vec::new();
            stdin
                .lock()
                .take(INPUT_LIMIT + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::usage(format!("cannot read standard input: {e}")))?;
            if bytes.len() as u64 > INPUT_LIMIT {
                return Err(Error::usage(format!(
                    "standard input is larger than {INPUT_LIMIT} bytes"
                )));
            }
            Ok(bytes)
        }
    }
}

/// Reads a secret (a code or token) from standard input: a hidden prompt on
/// a terminal, else the first line of what is piped in.
pub(crate) fn read_secret<T: SecretValue>(what: &str) -> Result<T, Error> {
    let value = if std::io::stdin().is_terminal() {
        dialoguer::Password::new()
            .with_prompt(what)
            .interact()
            .map_err(|_| Error::Interrupted)?
    } else {
        let bytes = read_input(Some(Path::new("-")), what)?;
        String::from_utf8(bytes)
            .map_err(|_| Error::usage(format!("the {what} on standard input is not UTF-8 text")))?
    };
    let value = value
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string();
    if value.is_empty() {
        return Err(Error::usage_with_hint(
            format!("no {what} on standard input"),
            format!("pipe the {what} in, e.g. printf %s \"$VALUE\" | alipay-oauth ..."),
        ));
    }
    Ok(T::new(value))
}

/// After a new authorization that is not stored: Alipay has dropped the
/// user's earlier access tokens, so a stored login of the same user is
/// marked (its next use refreshes) and the user is told.
pub(crate) fn note_superseded(
    out: &crate::ui::output::Output,
    sessions: &crate::login::session::Sessions<'_>,
    tokens: &crate::gateway::TokenSet,
) {
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

/// The app's own public key: from this file, else from the app private key.
pub(crate) fn app_key_from(
    file: Option<&std::path::Path>,
    settings: &crate::cli::settings::Settings,
) -> anyhow::Result<Option<crate::sign::PublicKey>> {
    if let Some(path) = file {
        let bytes = crate::cli::settings::read_input_file(path, crate::files::KEY_FILE_LIMIT)?;
        let key = crate::sign::key::KeyMaterial::parse(&bytes).map_err(Error::from)?;
        return Ok(match key {
            crate::sign::key::KeyMaterial::Public(k) => Some(k),
            crate::sign::key::KeyMaterial::Private(k) => Some(k.public_key()),
            crate::sign::key::KeyMaterial::Certificate(der) => {
                Some(crate::sign::PublicKey::from_certificate_der(&der).map_err(Error::from)?)
            }
        });
    }
    match settings.private_key() {
        Ok(k) => Ok(k.map(|k| k.public_key())),
        Err(e) => {
            settings
                .output()
                .trace(1, format!("app key not used for diagnosis: {e:#}"));
            Ok(None)
        }
    }
}

/// `--dialect v3` is OpenAPI v3 of the alipay family: refused, not ignored,
/// for Antom and Alipay+.
pub(crate) fn refuse_v3_for_header_family(
    settings: &Settings,
    dialect: crate::cli::CallDialect,
) -> Result<(), Error> {
    if dialect == crate::cli::CallDialect::V3 && settings.family().value.is_header() {
        return Err(Error::usage_with_hint(
            "--dialect v3 is OpenAPI v3 of the alipay family",
            "drop --dialect: Antom and Alipay+ speak the header dialect",
        ));
    }
    Ok(())
}
