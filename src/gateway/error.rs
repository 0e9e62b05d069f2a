//! What a gateway call fails with, in any dialect: the signing core's errors
//! for the request, the network's, and the answer's verdict. The crate's
//! `Error` takes each variant over as it is (`From`), so the edge reads one
//! set of failures while this layer names nothing above it.

use super::alipay_error::AlipayError;
use super::header::ResultFailure;
use super::network::NetworkError;
use super::v3::V3RequestError;
use crate::sign::SignError;
use crate::sign::charset::CharsetError;
use crate::sign::content::ParamsError;
use crate::sign::dialect::DialectError;
use crate::sign::form::FormError;
use crate::sign::key::KeyError;
use crate::sign::response::{Rejection, ResponseError};

#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Charset(#[from] CharsetError),
    #[error(transparent)]
    Params(#[from] ParamsError),
    #[error(transparent)]
    Form(#[from] FormError),
    /// An answer that could not even be taken apart.
    #[error(transparent)]
    Response(#[from] ResponseError),
    /// A v2 or v3 answer whose signature failed: never used.
    #[error("{rejection}")]
    Signature {
        rejection: Rejection,
        hint: Option<String>,
        /// What the diagnosis found.
        findings: Vec<crate::sign::diagnosis::Finding>,
    },
    /// Nothing listening, a timeout, a dropped connection, an HTTP error.
    #[error(transparent)]
    Network(#[from] NetworkError),
    /// Alipay answered with an error code.
    #[error(transparent)]
    Alipay(Box<AlipayError>),
    /// Antom / Alipay+ answered F, or U after the retries.
    #[error(transparent)]
    Result(Box<ResultFailure>),
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
    /// A request the header or v3 dialect cannot sign as given.
    #[error(transparent)]
    Dialect(DialectError),
    /// An OpenAPI v3 request that cannot be built.
    #[error(transparent)]
    V3Request(#[from] V3RequestError),
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
    #[error("{0}")]
    Internal(String),
}

impl From<SignError> for GatewayError {
    fn from(e: SignError) -> Self {
        match e {
            SignError::Key(k) => GatewayError::Key(k),
            SignError::Charset(c) => GatewayError::Charset(c),
        }
    }
}

impl From<DialectError> for GatewayError {
    fn from(e: DialectError) -> Self {
        match e {
            DialectError::Key(k) => GatewayError::Key(k),
            DialectError::Form(f) => GatewayError::Form(f),
            other @ (DialectError::Unsignable { .. } | DialectError::Empty { .. }) => {
                GatewayError::Dialect(other)
            }
        }
    }
}
