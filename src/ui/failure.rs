//! How a failed run ends: the exit status (README, "Exit codes"), a stable
//! `kind` for JSON errors, and the hint that says what to do, naming the
//! flags and subcommands that the core's errors may not know about.

use crate::config::ConfigError;
use crate::emulator::EmulatorError;
use crate::error::Error;
use crate::form::FormError;
use crate::gateway::network::{NetworkError, Spent};
use crate::login::store::StoreError;
use crate::oauth::listener::ListenError;
use crate::sign::Charset;
use crate::sign::charset::CharsetError;
use crate::sign::content::ParamsError;
use crate::sign::response::ResponseError;

/// Exit statuses, fixed by the command-line contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    Success = 0,
    Internal = 1,
    Usage = 2,
    Network = 3,
    Alipay = 4,
    Authorization = 5,
    Signature = 6,
    Interrupted = 130,
}

impl ExitStatus {
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// The edge's reading of a core error.
pub trait Failure {
    fn exit_status(&self) -> ExitStatus;
    /// A stable name for the `kind` field of JSON errors.
    fn kind(&self) -> &'static str;
    /// What the user should do about it.
    fn hint(&self) -> Option<String>;
    /// Lines that explain the error further, printed after it.
    fn details(&self) -> Vec<String>;
    /// Extra members of the JSON error document.
    fn json_fields(&self) -> serde_json::Map<String, serde_json::Value>;
    /// The message in the words of the command line, where they differ
    /// from the core's (the flag that was given, rather than what it set).
    fn message(&self) -> Option<String>;
}

impl Failure for Error {
    fn message(&self) -> Option<String> {
        match self {
            Error::Listen(ListenError::NotHostPort(spec)) => {
                Some(format!("--listen {spec:?} is not HOST:PORT"))
            }
            Error::Listen(ListenError::NotIp(host)) => Some(format!(
                "--listen needs an IP address or localhost, not {host:?}"
            )),
            Error::Listen(ListenError::NotLoopback(spec)) => Some(format!(
                "--listen {spec} is not a loopback address: the callback, with its auth code, would be reachable from the network"
            )),
            _ => None,
        }
    }

    fn exit_status(&self) -> ExitStatus {
        match self {
            Error::Usage { .. }
            | Error::Key(_)
            | Error::Charset(_)
            | Error::Params(_)
            | Error::Form(_)
            | Error::Exists { .. }
            | Error::Config(_)
            | Error::Emulator(_) => ExitStatus::Usage,
            Error::Listen(e) if waited(e) => ExitStatus::Authorization,
            Error::Listen(_) => ExitStatus::Usage,
            // A body cut short is the network's doing, not a forgery.
            Error::Response(ResponseError::Truncated { .. } | ResponseError::Empty) => {
                ExitStatus::Network
            }
            Error::Response(_) | Error::Signature { .. } | Error::Invalid { .. } => {
                ExitStatus::Signature
            }
            Error::Network(_) => ExitStatus::Network,
            Error::Alipay(_) => ExitStatus::Alipay,
            Error::Authorization { .. } => ExitStatus::Authorization,
            Error::Store(_) | Error::Write { .. } => ExitStatus::Usage,
            Error::NotStored { cause, .. } => cause.exit_status(),
            Error::Interrupted => ExitStatus::Interrupted,
            Error::Internal(_) | Error::Protocol(_) => ExitStatus::Internal,
        }
    }

    /// A stable name for the `kind` field of JSON errors.
    fn kind(&self) -> &'static str {
        match self {
            Error::Usage { .. } | Error::Params(_) | Error::Form(_) | Error::Exists { .. } => {
                "usage"
            }
            Error::Listen(e) if waited(e) => "authorization",
            Error::Listen(_) | Error::Config(_) | Error::Emulator(_) => "usage",
            Error::Key(_) => "key",
            Error::Charset(_) => "charset",
            Error::Response(_) => "response",
            Error::Signature { .. } | Error::Invalid { .. } => "signature",
            Error::Network(_) => "network",
            Error::Alipay(_) => "alipay",
            Error::Protocol(_) => "protocol",
            Error::Authorization { .. } => "authorization",
            Error::Store(_) | Error::Write { .. } | Error::NotStored { .. } => "store",
            Error::Interrupted => "interrupted",
            Error::Internal(_) => "internal",
        }
    }

    /// What the user should do about it.
    fn hint(&self) -> Option<String> {
        match self {
            Error::Usage { hint, .. }
            | Error::Signature { hint, .. }

            | Error::Authorization { hint, .. }
            => hint.clone(),
            Error::Store(e) => Some(store_hint(e).into()),
            Error::Write { .. } => Some("check the directory exists and is writable".into()),
            Error::Alipay(e) => Some(e.hint()),
            Error::Protocol(_) => Some(
                "the gateway's answer is signed but incomplete; if it came from the emulator, please report it".into(),
            ),
            Error::NotStored { .. } => Some(
                "the new tokens are on standard output, the only copy (the code or refresh token used is spent): keep them, then fix the token directory".into(),
            ),
            Error::Interrupted => None,
            Error::Exists { .. } => Some("choose another file, or pass --force to replace it".into()),
            Error::Listen(e) => listen_hint(e).map(str::to_string),
            Error::Network(e) => network_hint(e),
            Error::Config(ConfigError::Unreadable(_)) => {
                Some("check the path given with --config or ALIPAY_OAUTH_CONFIG".into())
            }
            Error::Config(ConfigError::Invalid { .. }) => {
                Some("fix the file; `alipay-oauth config` shows the effective settings".into())
            }
            Error::Emulator(EmulatorError::NoApp) => Some(
                "register one with --app-id and --app-public-key-file (or --generate-app-key FILE), or an --apps-file".into(),
            ),
            Error::Emulator(EmulatorError::PortInUse(_)) => {
                Some("choose another with --port, or --port 0 for any free port".into())
            }
            Error::Emulator(EmulatorError::Bind { .. }) => None,
            Error::Key(k) => k.hint().map(str::to_string),
            Error::Charset(c)
            | Error::Form(FormError::Charset(c) | FormError::Value { error: c, .. }) => {
                charset_hint(c)
            }
            Error::Params(ParamsError::Duplicate(_)) => Some("give each parameter once".into()),
            Error::Params(_) => None,
            Error::Response(r) => Some(r.hint().to_string()),
            Error::Invalid { .. } => None,
            Error::Internal(_) => Some(
                "this is a bug in alipay-oauth; please report it with the command you ran".into(),
            ),
        }
    }
    /// Lines that explain the error further, printed after it.
    fn details(&self) -> Vec<String> {
        match self {
            Error::Signature { details, .. } => details.clone(),
            Error::Alipay(e) => match e.sign_content_diff() {
                Some(d) => {
                    let mut lines = vec![
                        format!("our string to sign:     {}", d.ours),
                        format!("gateway string to sign: {}", d.theirs),
                    ];
                    lines.extend(d.lines.iter().map(|l| format!("difference: {l}")));
                    lines
                }
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// Extra members of the JSON error document.
    fn json_fields(&self) -> serde_json::Map<String, serde_json::Value> {
        use serde_json::json;
        let mut m = serde_json::Map::new();
        match self {
            Error::Alipay(e) => {
                m.insert("code".into(), json!(e.code));
                m.insert("msg".into(), json!(e.msg));
                m.insert("sub_code".into(), json!(e.sub_code));
                m.insert("sub_msg".into(), json!(e.sub_msg_masked()));
                m.insert("trace_id".into(), json!(e.trace_id));
                m.insert("signed".into(), json!(e.signed));
                if let Some(d) = e.sign_content_diff() {
                    m.insert(
                        "sign_content_diff".into(),
                        json!({"ours": d.ours, "theirs": d.theirs, "differences": d.lines}),
                    );
                }
            }
            Error::Signature { details, .. } => {
                m.insert("diagnosis".into(), json!(details));
            }
            _ => {}
        }
        m
    }
}

fn store_hint(e: &StoreError) -> &'static str {
    match e {
        StoreError::Io { .. } => {
            "check the token directory (--token-dir / ALIPAY_TOKEN_DIR) is yours and writable"
        }
        StoreError::SharedLink { .. } => {
            "make the link's target private (chmod 700), or use a private token directory (--token-dir / ALIPAY_TOKEN_DIR)"
        }
        StoreError::LockIsLink { .. } => "remove it; alipay-oauth creates it as a plain file",
        StoreError::Locked { .. } => "another refresh is running; wait for it and retry",
        StoreError::Damaged { .. } | StoreError::TooLarge { .. } => {
            "remove it with `alipay-oauth logout` and log in again"
        }
    }
}

/// The way out of an untrusted certificate, for a call and `doctor` alike.
pub const UNTRUSTED_CERT_HINT: &str = "a proxy or gateway with its own CA? put that CA in a PEM file and set SSL_CERT_FILE to it (SSL_CERT_DIR for a directory); never disable verification";

fn network_hint(e: &NetworkError) -> Option<String> {
    // What retrying cannot undo, appended to the hint.
    let spent = |spent: &Spent| match spent {
        Spent::AuthCode => {
            "; an auth code is spent once sent, so get a new one with `alipay-oauth authorize`"
        }
        Spent::RefreshToken => {
            "; if the refresh token is then refused, the lost answer had already rotated it: authorize again"
        }
        Spent::Nothing => "",
    };
    Some(match e {
        NetworkError::BodyTimeout { spent: s, .. } => format!(
            "the gateway is slow: retry, or raise --request-timeout{}",
            spent(s)
        ),
        NetworkError::Dropped { spent: s, .. } => format!("retry the call{}", spent(s)),
        NetworkError::TooLarge { .. } => "check --gateway: this is not an Alipay gateway".into(),
        NetworkError::Status { status, .. } if *status >= 500 => {
            "Alipay (or a proxy) failed; retry later".into()
        }
        NetworkError::Status { .. } => {
            "check --gateway / --env: the URL does not look like an Alipay gateway".into()
        }
        NetworkError::Timeout { spent: s, .. } => format!(
            "the gateway is slow or unreachable: retry, or raise --request-timeout / --connect-timeout{}",
            spent(s)
        ),
        NetworkError::Untrusted { .. } => UNTRUSTED_CERT_HINT.into(),
        NetworkError::Connect { .. } => {
            "check --env / --gateway, the network, and HTTPS_PROXY / NO_PROXY".into()
        }
        NetworkError::Failed { spent: s, .. } => format!(
            "retry; if it persists check the network and proxy settings{}",
            spent(s)
        ),
        NetworkError::DemoPage(_) => return None,
        NetworkError::Checks { .. } => "see the fixes above".into(),
    })
}

/// Whether the listener gave up waiting (an unfinished login), rather
/// than failing to start.
fn waited(e: &ListenError) -> bool {
    matches!(e, ListenError::TimedOut { .. } | ListenError::InputEnded(_))
}

fn listen_hint(e: &ListenError) -> Option<&'static str> {
    Some(match e {
        ListenError::InUse(_) => {
            "stop what uses it, or register a redirect URI with another port and pass it with --redirect-uri (or listen elsewhere with --listen HOST:PORT)"
        }
        ListenError::NotHostPort(_) => "e.g. --listen 127.0.0.1:8080 or --listen localhost:8080",
        ListenError::NotIp(_) => "e.g. --listen 127.0.0.1:8080",
        ListenError::NotLoopback(_) => {
            "listen on 127.0.0.1 and forward to it, or pass --allow-remote-listen if you mean it"
        }
        ListenError::TimedOut {
            paste_only: true, ..
        } => {
            "run again, finish the login in the browser and paste the address it lands on (or the auth_code)"
        }
        ListenError::TimedOut { .. } => {
            "run again and finish the login in the browser, raise --timeout, or paste the address-bar URL at the prompt"
        }
        ListenError::InputEnded(_) => {
            "finish the login in the browser, then give the address it lands on (or the auth_code) on standard input, e.g. echo \"$URL\" | alipay-oauth authorize ..."
        }
        ListenError::Bind { .. } | ListenError::NoRedirectHost => return None,
    })
}

/// What to do about text that does not fit its charset. Switching to UTF-8
/// only helps when the charset was another one.
fn charset_hint(e: &CharsetError) -> Option<String> {
    match e {
        CharsetError::Unencodable { charset, .. } if *charset != Charset::Utf8 => Some(format!(
            "use --charset utf-8, or remove the character: {} has no code for it",
            charset.label().to_uppercase()
        )),
        CharsetError::Malformed {
            charset: Charset::Utf8,
            ..
        } => Some(
            "the bytes are not UTF-8: if they are GBK (older Alipay integrations), say so with --charset gbk or a charset=gbk parameter".into(),
        ),
        CharsetError::Malformed { charset, .. } => Some(format!(
            "the bytes are not valid {}: check the charset the data was written in (--charset)",
            charset.label().to_uppercase()
        )),
        _ => None,
    }
}
