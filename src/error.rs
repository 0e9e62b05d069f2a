//! The library's error type and the process exit statuses (README, "Exit codes").
//!
//! Every core error knows its exit status, a stable `kind` for JSON output
//! and, where one exists, a hint that says what to do.

use crate::emulator::EmulatorError;
use crate::gateway::GatewayError;
use crate::gateway::alipay_error::AlipayError;
use crate::login::session::SessionError;
use crate::login::store::StoreError;
use crate::oauth::listener::ListenError;
use crate::sign::SignError;
use crate::sign::charset::CharsetError;
use crate::sign::content::ParamsError;
use crate::sign::form::FormError;
use crate::sign::key::KeyError;
use crate::sign::response::{Rejection, ResponseError};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bad flag, value or combination: raised by the edge only (`cli`,
    /// `commands`), which alone knows the flags; the core has typed variants.
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
        /// What the diagnosis found.
        findings: Vec<crate::sign::diagnosis::Finding>,
    },
    /// Nothing listening, a timeout, a dropped connection, an HTTP error.
    #[error(transparent)]
    Network(#[from] crate::gateway::network::NetworkError),
    /// Alipay answered with an error code.
    #[error(transparent)]
    Alipay(Box<AlipayError>),
    /// Antom / Alipay+ answered F, or U after the retries.
    #[error(transparent)]
    Result(Box<crate::gateway::header::ResultFailure>),
    /// An Antom / Alipay+ answer whose signature failed: never used.
    #[error("the answer is refused: {rejection}")]
    AnswerRejected {
        rejection: crate::sign::dialect::Rejection,
        /// The exact bytes the signature was checked over.
        checked_over: String,
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
    #[error(transparent)]
    Store(crate::login::store::StoreError),
    /// A file could not be written (whole, 0600), or exists already.
    #[error(transparent)]
    Write(#[from] crate::files::secret::WriteError),
    /// New tokens were obtained (a code or refresh token spent), then
    /// could not be stored: the session travels with the error so that the
    /// edge can hand it to the user instead of losing it.
    #[error("{cause}")]
    NotStored {
        session: Box<crate::login::store::Session>,
        cause: Box<Error>,
    },
    /// The callback listener or its plan failed.
    #[error(transparent)]
    Listen(crate::oauth::listener::ListenError),
    /// The configuration file cannot be used.
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    /// The emulator cannot start.
    #[error(transparent)]
    Emulator(crate::emulator::EmulatorError),
    /// The debugging proxy (`proxy`) could not start or record.
    #[error(transparent)]
    DebugProxy(#[from] crate::proxy::ProxyError),
    /// The stored login cannot supply a token.
    #[error(transparent)]
    Login(#[from] crate::login::session::LoginError),
    /// A request the header or v3 dialect cannot sign as given.
    #[error(transparent)]
    Dialect(crate::sign::dialect::DialectError),
    /// An OpenAPI v3 request that cannot be built.
    #[error(transparent)]
    V3Request(#[from] crate::gateway::v3::V3RequestError),
    /// A proxy setting that is not a URL (the reason names the variable).
    #[error("{0}")]
    Proxy(String),
    /// The gateway URL carries a parameter the request sets otherwise.
    #[error("the gateway URL sets {key}={in_url}, but this request sends {key}={sent}")]
    GatewayParam {
        key: String,
        in_url: String,
        sent: String,
    },
    /// A file named on the command line could not be read.
    #[error(transparent)]
    Read(#[from] crate::files::read::InputError),
    #[error("interrupted")]
    Interrupted,
    /// A signature checked by hand (`verify`) did not verify.
    #[error("{message}")]
    Invalid { message: String },
    #[error("{0}")]
    Internal(String),
}

impl From<GatewayError> for Error {
    /// Each failure of a call keeps its own variant: the edge reads one set.
    fn from(e: GatewayError) -> Self {
        match e {
            GatewayError::Key(e) => Error::Key(e),
            GatewayError::Charset(e) => Error::Charset(e),
            GatewayError::Params(e) => Error::Params(e),
            GatewayError::Form(e) => Error::Form(e),
            GatewayError::Response(e) => Error::Response(e),
            GatewayError::Signature {
                rejection,
                hint,
                findings,
            } => Error::Signature {
                rejection,
                hint,
                findings,
            },
            GatewayError::Network(e) => Error::Network(e),
            GatewayError::Alipay(e) => Error::Alipay(e),
            GatewayError::Result(e) => Error::Result(e),
            GatewayError::AnswerRejected {
                rejection,
                checked_over,
            } => Error::AnswerRejected {
                rejection,
                checked_over,
            },
            GatewayError::Protocol(m) => Error::Protocol(m),
            GatewayError::Dialect(e) => Error::Dialect(e),
            GatewayError::V3Request(e) => Error::V3Request(e),
            GatewayError::Proxy(m) => Error::Proxy(m),
            GatewayError::GatewayParam { key, in_url, sent } => {
                Error::GatewayParam { key, in_url, sent }
            }
            GatewayError::Internal(m) => Error::Internal(m),
        }
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            // A token file not written is what any secret file not written is.
            StoreError::Write(w) => Error::Write(w),
            StoreError::Encode(m) => Error::Internal(m),
            other => Error::Store(other),
        }
    }
}

impl From<ListenError> for Error {
    fn from(e: ListenError) -> Self {
        match e {
            ListenError::Interrupted => Error::Interrupted,
            ListenError::NoCode => Error::Internal(e.to_string()),
            other => Error::Listen(other),
        }
    }
}

impl From<EmulatorError> for Error {
    fn from(e: EmulatorError) -> Self {
        match e {
            EmulatorError::Internal(m) => Error::Internal(m),
            other => Error::Emulator(other),
        }
    }
}

impl From<SessionError> for Error {
    fn from(e: SessionError) -> Self {
        match e {
            SessionError::Login(e) => Error::Login(e),
            SessionError::Store(e) => e.into(),
            SessionError::Gateway(e) => e.into(),
            SessionError::NotStored { session, cause } => Error::NotStored {
                session,
                cause: Box::new(cause.into()),
            },
            SessionError::NoUser => Error::Protocol(e.to_string()),
        }
    }
}

/// The signing core's errors reach the edge as a call's would.
impl From<SignError> for Error {
    fn from(e: SignError) -> Self {
        GatewayError::from(e).into()
    }
}

impl From<crate::sign::dialect::DialectError> for Error {
    fn from(e: crate::sign::dialect::DialectError) -> Self {
        GatewayError::from(e).into()
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
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
