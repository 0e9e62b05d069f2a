//! How a gateway call failed on the way there or back: the facts (host,
//! timeout, cause, what a lost answer cost) for the edge to word and hint.

use std::time::Duration;

/// What a call whose answer was lost may have used up, so that retrying
/// alone will not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spent {
    Nothing,
    /// An auth code is spent once sent.
    AuthCode,
    /// The refresh token may have been rotated by the lost answer.
    RefreshToken,
}

impl Spent {
    /// From the `grant_type` of the request that lost its answer.
    pub fn of_grant(grant_type: Option<&str>) -> Spent {
        match grant_type {
            Some("authorization_code") => Spent::AuthCode,
            Some("refresh_token") => Spent::RefreshToken,
            _ => Spent::Nothing,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum NetworkError {
    /// The headers came, the whole body did not within the request timeout.
    #[error("no complete answer from {host} within {} s", .timeout.as_secs_f64())]
    BodyTimeout {
        host: String,
        timeout: Duration,
        spent: Spent,
    },
    #[error("the connection dropped while reading the response from {host}: {cause}")]
    Dropped {
        host: String,
        cause: String,
        spent: Spent,
    },
    #[error("the response from {host} is larger than {limit} bytes")]
    TooLarge { host: String, limit: u64 },
    /// A status other than 2xx; `snippet` is masked.
    #[error("the gateway at {host} answered HTTP {status}{}", if .snippet.is_empty() { String::new() } else { format!(": {}", .snippet) })]
    Status {
        host: String,
        status: u16,
        snippet: String,
    },
    /// No answer within the connect (`connect`) or request timeout.
    #[error("no answer from {host} within {} s", .timeout.as_secs_f64())]
    Timeout {
        host: String,
        timeout: Duration,
        connect: bool,
        spent: Spent,
    },
    #[error("the TLS certificate of {host} is not trusted: {reason}")]
    Untrusted { host: String, reason: String },
    #[error("cannot connect to {host}: {cause}")]
    Connect { host: String, cause: String },
    #[error("talking to {host} failed: {cause}")]
    Failed {
        host: String,
        cause: String,
        spent: Spent,
    },
    /// The demo's scripted browser could not load a page of the emulator.
    #[error("the demo browser could not load a page: {0}")]
    DemoPage(String),
    /// `doctor`: every failed check was a network one (listed by name).
    #[error("{count} check(s) failed: {names}")]
    Checks { count: usize, names: String },
}
