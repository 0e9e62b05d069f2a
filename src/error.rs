//! The library's error type and the process exit statuses (README, "Exit codes").
//!
//! Every core error knows its exit status, a stable `kind` for JSON output
//! and, where one exists, a hint that says what to do.

use crate::form::FormError;
use crate::gateway::alipay_error::AlipayError;
use crate::sign::Charset;
use crate::sign::SignError;
use crate::sign::charset::CharsetError;
use crate::sign::content::ParamsError;
use crate::sign::key::KeyError;
use crate::sign::response::{Rejection, ResponseError};

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

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bad flag, value or combination, or unusable configuration.
    #[error("{message}")]
    Usage {
        message: String,
        hint: Option<String>,
    },
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Charset(#[from] CharsetError),
    #[error(transparent)]
    Params(#[from] ParamsError),
    #[error(transparent)]
    Form(#[from] FormError),
    /// A response that could not even be taken apart.
    #[error(transparent)]
    Response(#[from] ResponseError),
    /// A response or notification whose signature failed: never used.
    #[error("{rejection}")]
    Signature {
        rejection: Rejection,
        hint: Option<String>,
        /// Diagnosis lines.
        details: Vec<String>,
    },
    /// Nothing listening, a timeout, a dropped connection, an HTTP error.
    #[error("{message}")]
    Network {
        message: String,
        hint: Option<String>,
    },
    /// Alipay answered with an error code.
    #[error(transparent)]
    Alipay(Box<AlipayError>),
    /// Antom / Alipay+ answered F, or U after the retries.
    #[error(transparent)]
    Result(Box<crate::gateway::header::ResultFailure>),
    /// An Antom / Alipay+ answer whose signature failed: never used.
    #[error("{message}")]
    AnswerRejected {
        message: String,
        details: Vec<String>,
    },
    /// A verified answer that cannot be used (a required field is missing).
    #[error("{0}")]
    Protocol(String),
    /// The browser step did not complete (timeout, cancelled, state mismatch).
    #[error("{message}")]
    Authorization {
        message: String,
        hint: Option<String>,
    },
    /// The token store cannot be read or written.
    #[error("{message}")]
    Store {
        message: String,
        hint: Option<String>,
    },
    /// New tokens were obtained (a code or refresh token spent), then
    /// could not be stored: the session travels with the error so that the
    /// edge can hand it to the user instead of losing it.
    #[error("{cause}")]
    NotStored {
        session: Box<crate::store::Session>,
        cause: Box<Error>,
    },
    #[error("interrupted")]
    Interrupted,
    /// A signature checked by hand (`verify`) did not verify.
    #[error("{message}")]
    Invalid { message: String },
    #[error("{0}")]
    Internal(String),
}

impl From<SignError> for Error {
    fn from(e: SignError) -> Self {
        match e {
            SignError::Key(k) => Error::Key(k),
            SignError::Charset(c) => Error::Charset(c),
        }
    }
}

impl From<crate::sign::dialect::DialectError> for Error {
    fn from(e: crate::sign::dialect::DialectError) -> Self {
        use crate::sign::dialect::DialectError;
        match e {
            DialectError::Key(k) => Error::Key(k),
            DialectError::Form(f) => Error::Form(f),
            other @ (DialectError::Unsignable { .. } | DialectError::Empty { .. }) => {
                Error::usage(other.to_string())
            }
        }
    }
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Error {
        Error::Usage {
            message: message.into(),
            hint: None,
        }
    }

    pub fn usage_with_hint(message: impl Into<String>, hint: impl Into<String>) -> Error {
        Error::Usage {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    pub fn exit_status(&self) -> ExitStatus {
        match self {
            Error::Usage { .. }
            | Error::Key(_)
            | Error::Charset(_)
            | Error::Params(_)
            | Error::Form(_) => ExitStatus::Usage,
            // A body cut short is the network's doing, not a forgery.
            Error::Response(ResponseError::Truncated { .. } | ResponseError::Empty) => {
                ExitStatus::Network
            }
            Error::Response(_)
            | Error::Signature { .. }
            | Error::Invalid { .. }
            | Error::AnswerRejected { .. } => ExitStatus::Signature,
            // A U may have taken effect: never a success, never a plain refusal.
            Error::Result(r) if r.status == crate::protocol::header::ResultStatus::U => {
                ExitStatus::Network
            }
            Error::Result(_) => ExitStatus::Alipay,
            Error::Network { .. } => ExitStatus::Network,
            Error::Alipay(_) => ExitStatus::Alipay,
            Error::Authorization { .. } => ExitStatus::Authorization,
            Error::Store { .. } => ExitStatus::Usage,
            Error::NotStored { cause, .. } => cause.exit_status(),
            Error::Interrupted => ExitStatus::Interrupted,
            Error::Internal(_) | Error::Protocol(_) => ExitStatus::Internal,
        }
    }

    /// A stable name for the `kind` field of JSON errors.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Usage { .. } | Error::Params(_) | Error::Form(_) => "usage",
            Error::Key(_) => "key",
            Error::Charset(_) => "charset",
            Error::Response(_) => "response",
            Error::Signature { .. } | Error::Invalid { .. } | Error::AnswerRejected { .. } => {
                "signature"
            }
            Error::Result(_) => "alipay",
            Error::Network { .. } => "network",
            Error::Alipay(_) => "alipay",
            Error::Protocol(_) => "protocol",
            Error::Authorization { .. } => "authorization",
            Error::Store { .. } | Error::NotStored { .. } => "store",
            Error::Interrupted => "interrupted",
            Error::Internal(_) => "internal",
        }
    }

    /// What the user should do about it.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Usage { hint, .. }
            | Error::Signature { hint, .. }
            | Error::Network { hint, .. }
            | Error::Authorization { hint, .. }
            | Error::Store { hint, .. } => hint.clone(),
            Error::Alipay(e) => Some(e.hint()),
            Error::Result(r) => Some(r.hint()),
            Error::AnswerRejected { .. } => Some(
                "nothing in the answer was used: check the Antom / Alipay+ public key configured, and that nothing between rewrites the answer".into(),
            ),
            Error::Protocol(_) => Some(
                "the gateway's answer is signed but incomplete; if it came from the emulator, please report it".into(),
            ),
            Error::NotStored { .. } => Some(
                "the new tokens are on standard output, the only copy (the code or refresh token used is spent): keep them, then fix the token directory".into(),
            ),
            Error::Interrupted => None,
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
}

impl Error {
    /// Lines that explain the error further, printed after it.
    pub fn details(&self) -> Vec<String> {
        match self {
            Error::Signature { details, .. } | Error::AnswerRejected { details, .. } => {
                details.clone()
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
    pub fn json_fields(&self) -> serde_json::Map<String, serde_json::Value> {
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
            Error::Signature { details, .. } | Error::AnswerRejected { details, .. } => {
                m.insert("diagnosis".into(), json!(details));
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

pub type Result<T, E = Error> = std::result::Result<T, E>;
