//! The library's error type and the process exit statuses of `cli.md`.
//!
//! Every core error knows its exit status, a stable `kind` for JSON output
//! and, where one exists, a hint that says what to do.

use crate::form::FormError;
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
    },
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
            Error::Response(_) | Error::Signature { .. } | Error::Invalid { .. } => {
                ExitStatus::Signature
            }
            Error::Internal(_) => ExitStatus::Internal,
        }
    }

    /// A stable name for the `kind` field of JSON errors.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Usage { .. } | Error::Params(_) | Error::Form(_) => "usage",
            Error::Key(_) => "key",
            Error::Charset(_) => "charset",
            Error::Response(_) => "response",
            Error::Signature { .. } | Error::Invalid { .. } => "signature",
            Error::Internal(_) => "internal",
        }
    }

    /// What the user should do about it.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Usage { hint, .. } | Error::Signature { hint, .. } => hint.clone(),
            Error::Key(k) => k.hint().map(str::to_string),
            Error::Charset(CharsetError::Unencodable { .. }) | Error::Form(_) => {
                Some("use --charset utf-8, or remove the character: GBK has no code for it".into())
            }
            Error::Charset(_) => None,
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

pub type Result<T, E = Error> = std::result::Result<T, E>;
