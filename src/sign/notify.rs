//! Notifications and return parameters signed by Alipay (docs/protocol.md §7).

use super::algorithm::SignType;
use super::charset::Charset;
use super::content::{JsonParamsError, ParamsError, json_param_pairs};
use super::content::{Params, Rule};
use super::key::PublicKey;
use super::response::{SignatureStatus, verify_content};
use crate::sign::form::{self, FormError};

/// Which rule to check a notification under.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RuleChoice {
    V1,
    V2,
    /// V1 first, then V2; the result says which matched.
    #[default]
    Auto,
}

/// The outcome for one rule.
#[derive(Debug, Clone)]
pub struct RuleAttempt {
    pub rule: Rule,
    pub content: String,
    pub status: SignatureStatus,
}

/// The outcome of checking a notification.
#[derive(Debug, Clone)]
pub struct NotifyCheck {
    pub sign_type: SignType,
    pub charset: Charset,
    /// Every rule tried, in order; the last is the one reported.
    pub attempts: Vec<RuleAttempt>,
}

impl NotifyCheck {
    /// The rule that verified, if any.
    pub fn matched(&self) -> Option<&RuleAttempt> {
        self.attempts
            .iter()
            .find(|a| matches!(a.status, SignatureStatus::Valid { .. }))
    }

    /// The attempt to show: the matching one, else the last tried.
    pub fn reported(&self) -> &RuleAttempt {
        self.matched()
            .unwrap_or_else(|| self.attempts.last().expect("at least one rule is tried"))
    }
}

/// Why notification data could not be read as parameters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotificationError {
    #[error("the notification is {0}")]
    Json(JsonParamsError),
    #[error("the notification's charset: {0}")]
    Charset(super::charset::CharsetError),
    #[error(transparent)]
    Form(#[from] FormError),
    #[error(transparent)]
    Params(#[from] ParamsError),
}

/// Parses notification data, a JSON object or a form string, into its
/// parameters, decoded in the charset the notification declares (else
/// `fallback`). A parameter given twice is refused in both shapes.
pub fn parse_params(
    data: &[u8],
    fallback: Charset,
) -> Result<(Params, Charset), NotificationError> {
    let trimmed = data.trim_ascii();
    let declared = |c: Option<String>| match c {
        Some(c) => c.parse().map_err(NotificationError::Charset),
        None => Ok(fallback),
    };
    if trimmed.starts_with(b"{") {
        let pairs = json_param_pairs(trimmed).map_err(NotificationError::Json)?;
        let params = Params::from_pairs(pairs)?;
        let charset = declared(params.get("charset").map(str::to_string))?;
        return Ok((params, charset));
    }
    let charset = declared(form::peek(trimmed, "charset"))?;
    let params = Params::from_pairs(form::decode(trimmed, charset)?)?;
    Ok((params, charset))
}

/// Verifies notification parameters (already decoded in `charset`). The
/// algorithm comes from the notification's own `sign_type` when present.
pub fn check(
    params: &Params,
    rule: RuleChoice,
    default_sign_type: SignType,
    charset: Charset,
    alipay_key: &PublicKey,
) -> Result<NotifyCheck, super::charset::CharsetError> {
    let sign_type = params
        .get("sign_type")
        .and_then(|s| s.parse().ok())
        .unwrap_or(default_sign_type);
    let rules: &[Rule] = match rule {
        RuleChoice::V1 => &[Rule::V1],
        RuleChoice::V2 => &[Rule::V2],
        RuleChoice::Auto => &[Rule::V1, Rule::V2],
    };
    let mut attempts = Vec::new();
    for &rule in rules {
        let content = params.sign_content(rule);
        let status = match params.get("sign").filter(|s| !s.is_empty()) {
            None => SignatureStatus::Unsigned,
            Some(sign) => {
                let bytes = charset.encode(&content)?;
                verify_content(alipay_key, sign_type, &bytes, sign, charset)
            }
        };
        let done = matches!(
            status,
            SignatureStatus::Valid { .. } | SignatureStatus::Unsigned
        );
        attempts.push(RuleAttempt {
            rule,
            content,
            status,
        });
        if done {
            break;
        }
    }
    Ok(NotifyCheck {
        sign_type,
        charset,
        attempts,
    })
}
