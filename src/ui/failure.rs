//! How a failed run ends: the exit status (README, "Exit codes"), a stable
//! `kind` for JSON errors, and the hint that says what to do, naming the
//! flags and subcommands that the core's errors may not know about.

use crate::config::ConfigError;
use crate::emulator::EmulatorError;
use crate::error::Error;
use crate::files::secret::WriteError;
use crate::gateway::AlipayError;
use crate::gateway::header::ResultFailure;
use crate::gateway::network::{NetworkError, Spent};
use crate::login::session::LoginError;
use crate::login::store::StoreError;
use crate::oauth::listener::ListenError;
use crate::protocol::header::ResultStatus;
use crate::proxy::ProxyError;
use crate::sign::Charset;
use crate::sign::charset::CharsetError;
use crate::sign::content::ParamsError;
use crate::sign::diagnosis::{Finding, Fix};
use crate::sign::form::FormError;
use crate::sign::key::KeyError;
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

/// Each layer of the core fails with its own error, which `From` turns into
/// the crate's [`Error`]; a command's `?` may carry one into `anyhow` without
/// that step. This lifts it into an `Error` (keeping the context around it),
/// so every failure is read the same way.
pub fn lift(err: anyhow::Error) -> anyhow::Error {
    if err.chain().any(|c| c.is::<Error>()) {
        return err;
    }
    macro_rules! try_lift {
        ($err:ident, $($t:ty),+) => {$(
            let $err = match $err.chain().position(|c| c.is::<$t>()) {
                Some(depth) => {
                    let contexts: Vec<String> =
                        $err.chain().take(depth).map(|c| c.to_string()).collect();
                    match $err.downcast::<$t>() {
                        Ok(core) => {
                            let mut lifted = anyhow::Error::new(Error::from(core));
                            for context in contexts.into_iter().rev() {
                                lifted = lifted.context(context);
                            }
                            return lifted;
                        }
                        Err(err) => err,
                    }
                }
                None => $err,
            };
        )+};
    }
    try_lift!(
        err,
        crate::gateway::GatewayError,
        crate::login::session::SessionError,
        crate::login::session::LoginError,
        StoreError,
        ListenError,
        EmulatorError,
        ProxyError,
        ConfigError,
        WriteError,
        crate::files::read::InputError,
        NetworkError,
        crate::gateway::v3::V3RequestError,
        crate::sign::SignError,
        crate::sign::dialect::DialectError,
        KeyError,
        CharsetError,
        ParamsError,
        FormError,
        ResponseError
    );
    err
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
            Error::DebugProxy(ProxyError::NotLoopback(addr)) => Some(format!(
                "--listen {addr} is not a loopback address: the application's traffic, tokens included, would be reachable from the network"
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
            | Error::Config(_)
            | Error::Emulator(_)
            | Error::DebugProxy(_)
            | Error::Login(LoginError::NoLogin { .. } | LoginError::NoParty { .. })
            | Error::Dialect(_)
            | Error::V3Request(_)
            | Error::Proxy(_)
            | Error::GatewayParam { .. }
            | Error::Read(_) => ExitStatus::Usage,
            Error::Login(_) => ExitStatus::Authorization,
            Error::Listen(e) if waited(e) => ExitStatus::Authorization,
            Error::Listen(_) => ExitStatus::Usage,
            // A body cut short is the network's doing, not a forgery.
            Error::Response(ResponseError::Truncated { .. } | ResponseError::Empty) => {
                ExitStatus::Network
            }
            Error::Response(_)
            | Error::Signature { .. }
            | Error::Invalid { .. }
            | Error::AnswerRejected { .. } => ExitStatus::Signature,
            // A U may have taken effect: never a success, never a plain refusal.
            Error::Result(r) if r.status == ResultStatus::U => ExitStatus::Network,
            Error::Result(_) => ExitStatus::Alipay,
            Error::Network(_) => ExitStatus::Network,
            Error::Alipay(_) => ExitStatus::Alipay,
            Error::Authorization { .. } => ExitStatus::Authorization,
            Error::Store(_) | Error::Write(_) => ExitStatus::Usage,
            Error::NotStored { cause, .. } => cause.exit_status(),
            Error::Interrupted => ExitStatus::Interrupted,
            Error::Internal(_) | Error::Protocol(_) => ExitStatus::Internal,
        }
    }

    /// A stable name for the `kind` field of JSON errors.
    fn kind(&self) -> &'static str {
        match self {
            Error::Usage { .. }
            | Error::Params(_)
            | Error::Form(_)
            | Error::Write(WriteError::Exists { .. }) => "usage",
            Error::Listen(e) if waited(e) => "authorization",
            Error::Listen(_)
            | Error::Config(_)
            | Error::Emulator(_)
            | Error::DebugProxy(_)
            | Error::Login(LoginError::NoLogin { .. } | LoginError::NoParty { .. })
            | Error::Dialect(_)
            | Error::V3Request(_)
            | Error::Proxy(_)
            | Error::GatewayParam { .. }
            | Error::Read(_) => "usage",
            Error::Login(_) => "authorization",
            Error::Key(_) => "key",
            Error::Charset(_) => "charset",
            Error::Response(_) => "response",
            Error::Signature { .. } | Error::Invalid { .. } | Error::AnswerRejected { .. } => {
                "signature"
            }
            Error::Result(_) => "alipay",
            Error::Network(_) => "network",
            Error::Alipay(_) => "alipay",
            Error::Protocol(_) => "protocol",
            Error::Authorization { .. } => "authorization",
            Error::Store(_) | Error::Write(WriteError::Failed { .. }) | Error::NotStored { .. } => {
                "store"
            }
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
            Error::Write(WriteError::Failed { .. }) => Some("check the directory exists and is writable".into()),
            Error::Alipay(e) => Some(alipay_hint(e)),
            Error::Result(r) => Some(result_hint(r).into()),
            Error::AnswerRejected { .. } => Some(
                "nothing in the answer was used: check the Antom / Alipay+ public key (--alipay-public-key-file), and that nothing between rewrites the answer".into(),
            ),
            Error::Protocol(_) => Some(
                "the gateway's answer is signed but incomplete; if it came from the emulator, please report it".into(),
            ),
            Error::NotStored { .. } => Some(
                "the new tokens are on standard output, the only copy (the code or refresh token used is spent): keep them, then fix the token directory".into(),
            ),
            Error::Interrupted => None,
            Error::Write(WriteError::Exists { .. }) => Some("choose another file, or pass --force to replace it".into()),
            Error::Listen(e) => listen_hint(e).map(str::to_string),
            Error::Network(e) => network_hint(e),
            Error::Login(LoginError::NoLogin { .. }) => Some(
                "log in first with `alipay-oauth authorize`, or pass a token on standard input".into(),
            ),
            Error::Login(LoginError::NoParty { .. }) => Some(
                "pass the --auth-client-id the login was made with (or set ALIPAY_AUTH_CLIENT_ID)".into(),
            ),
            Error::Login(_) => Some("log in again with `alipay-oauth authorize`".into()),
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
            Error::Emulator(EmulatorError::AppsInvalid { .. }) => {
                Some("each [[apps]] needs app_id and public_key_file".into())
            }
            Error::Emulator(EmulatorError::AppKeyInvalid { .. }) => {
                Some("give the app's public key".into())
            }
            Error::Emulator(
                EmulatorError::Bind { .. }
                | EmulatorError::AppsFile(_)
                | EmulatorError::AppKeyUnreadable { .. }
                // Reaches the edge as `Error::Internal`.
                | EmulatorError::Internal(_),
            ) => None,
            Error::Config(ConfigError::NoProfile { known, .. }) => Some(if known.is_empty() {
                "the config file has no [profiles.NAME] sections yet".to_string()
            } else {
                format!("profiles: {}", known.join(", "))
            }),
            Error::Proxy(_) => Some("set it like http://proxy.example:3128".into()),
            Error::DebugProxy(e) => debug_proxy_hint(e),
            Error::GatewayParam { .. } => Some("remove the parameter from --gateway".into()),
            Error::Dialect(_) | Error::Read(_) => None,
            Error::V3Request(e) => Some(v3_request_hint(e).into()),
            Error::Key(k) => key_hint(k).map(str::to_string),
            Error::Charset(c)
            | Error::Form(FormError::Charset(c) | FormError::Value { error: c, .. }) => {
                charset_hint(c)
            }
            Error::Params(ParamsError::Duplicate(_)) => Some("give each parameter once".into()),
            Error::Params(_) => None,
            Error::Response(r) => Some(response_hint(r).to_string()),
            Error::Invalid { .. } => None,
            Error::Internal(_) => Some(
                "this is a bug in alipay-oauth; please report it with the command you ran".into(),
            ),
        }
    }
    /// Lines that explain the error further, printed after it.
    fn details(&self) -> Vec<String> {
        match self {
            Error::Signature { findings, .. } => findings.iter().map(finding_line).collect(),
            Error::AnswerRejected { checked_over, .. } if !checked_over.is_empty() => {
                vec![format!("checked over: {checked_over:?}")]
            }
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
            Error::Signature { findings, .. } => {
                let lines: Vec<String> = findings.iter().map(finding_line).collect();
                m.insert("diagnosis".into(), json!(lines));
            }
            Error::AnswerRejected { checked_over, .. } => {
                m.insert("checked_over".into(), json!(checked_over));
            }
            Error::Result(r) => {
                m.insert("code".into(), json!(r.code));
                m.insert("msg".into(), json!(r.message));
                m.insert("result_status".into(), json!(format!("{:?}", r.status)));
                m.insert("signed".into(), json!(r.signed));
                m.insert("attempts".into(), json!(r.attempts));
            }
            _ => {}
        }
        m
    }
}

/// What to do about an Antom / Alipay+ result other than S, per common
/// result code.
fn result_hint(r: &ResultFailure) -> &'static str {
    if r.status == ResultStatus::U {
        return "unknown, retry with the same request: the call may or may not have taken effect; check with a query before doing it again";
    }
    match r.code.as_str() {
        "INVALID_SIGNATURE" => {
            "the signature did not verify on their side: --private-key-file must be the key whose public key is registered for this client id (and --key-version its version)"
        }
        "INVALID_CLIENT" | "INVALID_CLIENT_STATUS" | "CLIENT_INVALID" => {
            "the client id (--app-id) is unknown to this environment: sandbox client ids begin with SANDBOX_ and use --env sandbox"
        }
        "INVALID_CODE" | "AUTH_CODE_ALREADY_USED" | "EXPIRED_CODE" => {
            "an authCode works once and expires within minutes: log in again with `alipay-oauth authorize`"
        }
        "INVALID_REFRESH_TOKEN" | "EXPIRED_REFRESH_TOKEN" => {
            "the refresh token is spent, revoked or expired (refresh tokens rotate): log in again with `alipay-oauth authorize`"
        }
        "INVALID_ACCESS_TOKEN" | "EXPIRED_ACCESS_TOKEN" | "ACCESS_TOKEN_INVALID" => {
            "the access token is revoked, superseded or expired: `alipay-oauth exchange --refresh`, or log in again"
        }
        "PARAM_ILLEGAL" | "PROCESS_FAIL" if !r.message.is_empty() => {
            "the request is not as the API expects: see the message"
        }
        "PARAM_ILLEGAL" => "a parameter is missing or malformed",
        "NO_INTERFACE_DEF" | "API_NOT_FOUND" => {
            "no such API at this path: check the path and --family"
        }
        "ACCESS_DENIED" | "NO_PERMISSION" => {
            "this client is not allowed to call the API: check the contract in the merchant portal"
        }
        "KEY_NOT_FOUND" => "no public key is registered for this --key-version",
        "USER_NOT_EXIST" | "USER_STATUS_ABNORMAL" => "the user's account cannot be used",
        _ => "see resultMessage, and the API's result codes in the Antom / Alipay+ documentation",
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
        // Both reach the edge as `Error::Write` and `Error::Internal`.
        StoreError::Write(_) => "check the token directory is writable",
        StoreError::Encode(_) => "this is a bug in alipay-oauth; please report it",
    }
}

/// The way out of an untrusted certificate, for a call and `doctor` alike.
pub const UNTRUSTED_CERT_HINT: &str = "a proxy or gateway with its own CA? put that CA in a PEM file and set SSL_CERT_FILE to it (SSL_CERT_DIR for a directory); never disable verification";

/// What the user should do about an Alipay error, by sub_code, else by code.
pub fn alipay_hint(e: &AlipayError) -> String {
    // OpenAPI v3 names its errors by the v2 sub_code without its `isv.` /
    // `aop.` / `isp.` prefix, in `code`.
    let by_sub = match e.sub_code.as_deref() {
        Some(sub) => hint_for_sub_code(sub),
        None => ["isv.", "aop.", "isp."]
            .iter()
            .find_map(|p| hint_for_sub_code(&format!("{p}{}", e.code))),
    };
    if let Some(h) = by_sub {
        return h.to_string();
    }
    match e.code.as_str() {
        "20000" => "Alipay's service is unavailable: retry later",
        "20001" => "the token is invalid or expired: refresh it or authorize again",
        "40001" => "a required parameter is missing: fix the request",
        "40002" => "a parameter is invalid: read sub_msg",
        "40004" => "the business call failed: read sub_msg",
        "40005" => "call limit exceeded: back off and retry later",
        "40006" => {
            "insufficient permissions: add the capability to the app, or ask the user for auth_user"
        }
        _ => "read sub_msg; the error codes are listed in Alipay's documentation",
    }
    .to_string()
}

/// What to do about an OpenAPI v3 request that cannot be built.
fn v3_request_hint(e: &crate::gateway::v3::V3RequestError) -> &'static str {
    use crate::gateway::v3::V3RequestError as E;
    match e {
        E::Path(_) => {
            "give the path alone, e.g. /v3/alipay/user/info/share, and the query with --query NAME=VALUE"
        }
        E::Method(_) => "give the HTTP method first: call --dialect v3 POST /v3/...",
        E::BodyNotAllowed(_) => "drop --body-file, or use POST",
        E::NoOrigin(_) => {
            "set --gateway to an http(s) URL such as https://openapi.alipay.com/gateway.do"
        }
    }
}

/// What to do about an error, by its v2 sub_code.
fn hint_for_sub_code(sub_code: &str) -> Option<&'static str> {
    match sub_code {
        "isp.unknow-error" | "aop.unknow-error" | "isp.unknown-error" => {
            Some("Alipay's service is unavailable: retry later")
        }
        "aop.invalid-auth-token" => Some(
            "the access token is invalid: refresh it (`alipay-oauth exchange --refresh`) or authorize again (`alipay-oauth authorize`)",
        ),
        "aop.auth-token-time-out" => Some(
            "the access token has expired: refresh it (`alipay-oauth exchange --refresh`) or authorize again",
        ),
        "isv.code-invalid" => Some(
            "the auth code is wrong, already used, expired or from another app: codes work once, so authorize again (`alipay-oauth authorize`) for a new one",
        ),
        "isv.refresh-token-invalid" => Some(
            "the refresh token is wrong or was already used (refresh tokens rotate on every refresh): use the newest one, or authorize again",
        ),
        "isv.refresh-token-time-out" => {
            Some("the refresh token has expired: authorize again (`alipay-oauth authorize`)")
        }
        "isv.grant-type-invalid" => Some("grant_type must be authorization_code or refresh_token"),
        "isv.invalid-signature" => Some(
            "Alipay could not verify the request signature: the private key does not match the app public key in the console (`alipay-oauth keys match`), or a sandbox key is used on production; compare the strings to sign below",
        ),
        "isv.invalid-app-id" => Some(
            "this gateway does not know the app id: a sandbox app id on the production gateway or the reverse? check --env",
        ),
        "isv.invalid-timestamp" => Some(
            "the request time is too far from Beijing time: fix the system clock (alipay-oauth always sends Beijing time)",
        ),
        "isv.invalid-charset" => {
            Some("use --charset utf-8 or gbk; the charset must be in the query string")
        }
        "isv.missing-signature-config" => Some(
            "the app has no key configured: upload the app public key in the console (interface signing method)",
        ),
        "isv.app-call-limited" | "isv.method-call-limited" => {
            Some("call limit exceeded: back off and retry later")
        }
        "isv.insufficient-isv-permissions" => Some(
            "the app lacks the capability: add member info (获取会员信息) to the app in the Alipay console",
        ),
        "isv.insufficient-user-permissions" => {
            Some("the user did not grant the profile: authorize again with --scope auth_user")
        }
        "isv.invalid-method" => Some("the gateway does not know this method: check its name"),
        "isv.invalid-signature-type" => Some("use --sign-type RSA2 (or RSA for legacy apps)"),
        "isv.missing-auth-token" => Some(
            "this API acts for a user and needs their access token: log in first (`alipay-oauth authorize`), or give a token (`alipay-oauth call --help` says how)",
        ),
        s if s.starts_with("isv.missing-") => Some(
            "the request lacks a required parameter: check the parameters (if alipay-oauth built the request, please report it)",
        ),
        _ => None,
    }
}

/// What to do about a key that cannot be used.
pub fn key_hint(e: &KeyError) -> Option<&'static str> {
    Some(match e {
        KeyError::Empty => "point the option at the file that holds the key",
        KeyError::PublicWherePrivateNeeded { .. } => {
            "give the app private key (the one you generated and kept), not a public key"
        }
        KeyError::PrivateWherePublicNeeded { .. } => {
            "give the Alipay public key shown in the Alipay console, never a private key"
        }
        KeyError::CertificateWhereKeyNeeded => {
            "in public-key-certificate mode pass certificates with the --*-cert-file options; `alipay-oauth keys inspect` shows what a file holds"
        }
        KeyError::NotRsa { .. } => "generate an RSA-2048 key: `alipay-oauth keys generate`",
        KeyError::Encrypted => {
            "decrypt it first, e.g. `openssl pkey -in key.pem -out key-plain.pem`, and keep the result private"
        }
        KeyError::InvalidBase64 { .. } | KeyError::NotAKey { .. } | KeyError::Malformed { .. } => {
            "copy the key again in full; `alipay-oauth keys inspect FILE` tells what a file holds"
        }
        KeyError::TooShort { .. } => {
            "generate a 2048-bit key (`alipay-oauth keys generate`) and upload its public key, or use --sign-type RSA for a legacy 1024-bit app"
        }
    })
}

/// What to do about a response that cannot be taken apart.
pub fn response_hint(e: &ResponseError) -> &'static str {
    match e {
        ResponseError::Truncated { .. } | ResponseError::Empty => {
            "the connection probably dropped; retry the call (but never reuse an auth code)"
        }
        ResponseError::NodeMissing { .. } => {
            "check --method: the node is named after it, with dots as underscores and `_response` appended"
        }
        ResponseError::Charset { .. } => {
            "the gateway answers in the request charset: pass the same --charset that was used for the request"
        }
        _ => "this is not a genuine gateway response; do not use its data",
    }
}

fn debug_proxy_hint(e: &ProxyError) -> Option<String> {
    use crate::proxy::record::RecordError;
    Some(match e {
        ProxyError::NotLoopback(_) => {
            "listen on 127.0.0.1, or pass --allow-remote-listen if you mean it".into()
        }
        ProxyError::InUse(_) | ProxyError::Bind { .. } => {
            "pick another port with --listen HOST:PORT (port 0 takes a free one)".into()
        }
        ProxyError::Upstream(_) => {
            "e.g. --upstream https://openapi.alipay.com, or --env sandbox".into()
        }
        ProxyError::Record(RecordError::OpenToOthers { .. } | RecordError::NotADir { .. }) => {
            "give --record a new directory, or one only you can read (chmod 700)".into()
        }
        ProxyError::Http(_) | ProxyError::Record(_) | ProxyError::Start(_) => return None,
    })
}

/// A diagnosis finding in the words of the command line: with the flag
/// that applies its fix.
pub fn finding_text(f: &Finding) -> String {
    match f.fix {
        Some(Fix::SignType(t)) => format!("{}: use --sign-type {}", f.message, t.label()),
        Some(Fix::Charset(c)) => format!("{}: use --charset {c}", f.message),
        None => f.message.clone(),
    }
}

/// A finding as a detail line of an error.
fn finding_line(f: &Finding) -> String {
    format!("{} [{}]", finding_text(f), f.code)
}

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
        ListenError::Bind { .. }
        | ListenError::NoRedirectHost
        | ListenError::Start(_)
        // Both reach the edge as `Error::Interrupted` and `Error::Internal`.
        | ListenError::Interrupted
        | ListenError::NoCode => {
            return None;
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn alipay(code: &str, sub_code: Option<&str>) -> AlipayError {
        AlipayError {
            method: "alipay.system.oauth.token".into(),
            code: code.into(),
            msg: None,
            sub_code: sub_code.map(str::to_string),
            sub_msg: None,
            trace_id: None,
            signed: true,
            our_sign_content: None,
        }
    }

    #[test]
    fn alipay_hints_by_sub_code_then_code() {
        let h = alipay_hint(&alipay("40002", Some("isv.code-invalid")));
        assert!(
            h.contains("authorize again (`alipay-oauth authorize`)"),
            "{h}"
        );
        assert!(alipay_hint(&alipay("40006", Some("nope"))).contains("capability"));
        let h = alipay_hint(&alipay("40004", Some("isv.insufficient-user-permissions")));
        assert!(h.contains("--scope auth_user"), "{h}");
    }

    #[test]
    fn v3_codes_get_the_hints_of_their_v2_sub_codes() {
        let mut e = alipay("invalid-auth-token", None);
        assert!(
            alipay_hint(&e).contains("refresh it"),
            "{}",
            alipay_hint(&e)
        );
        e.code = "code-invalid".into();
        assert!(alipay_hint(&e).contains("authorize again"));
        e.code = "insufficient-isv-permissions".into();
        assert!(alipay_hint(&e).contains("capability"));
    }

    #[test]
    fn listen_failures_keep_the_flag_words_at_the_edge() {
        let e = Error::Listen(ListenError::NotHostPort("localhost".into()));
        assert_eq!(
            e.message().as_deref(),
            Some("--listen \"localhost\" is not HOST:PORT")
        );
        assert!(!e.to_string().contains("--listen"));
        assert_eq!(e.exit_status(), ExitStatus::Usage);
        let waited = Error::Listen(ListenError::TimedOut {
            timeout: std::time::Duration::from_secs(3),
            why: vec!["nothing was pasted".into()],
            paste_only: true,
        });
        assert_eq!(waited.exit_status(), ExitStatus::Authorization);
        assert_eq!(waited.kind(), "authorization");
        assert!(waited.hint().unwrap().contains("paste the address"));
    }

    #[test]
    fn a_layer_error_carried_by_anyhow_is_lifted_with_its_context() {
        use anyhow::Context;
        let raw: Result<(), StoreError> = Err(StoreError::Locked {
            dir: "/t".into(),
            reason: "busy".into(),
        });
        let err = lift(raw.context("saving the login").unwrap_err());
        let core = err.chain().find_map(|c| c.downcast_ref::<Error>()).unwrap();
        assert!(matches!(core, Error::Store(StoreError::Locked { .. })));
        assert_eq!(core.exit_status(), ExitStatus::Usage);
        let text = format!("{err:#}");
        assert!(text.starts_with("saving the login: "), "{text}");
        assert!(
            text.contains("locked by another alipay-oauth: busy"),
            "{text}"
        );
        // Flattened, not wrapped: a write failure of the store is a write failure.
        let write = lift(anyhow::Error::new(StoreError::Write(WriteError::Failed {
            path: "/t/x".into(),
            reason: "disk full".into(),
        })));
        assert!(matches!(
            write.downcast_ref::<Error>(),
            Some(Error::Write(WriteError::Failed { .. }))
        ));
    }
}
