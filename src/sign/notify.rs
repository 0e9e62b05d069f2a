//! Notifications and return parameters signed by Alipay (docs/protocol.md §7).

use super::algorithm::SignType;
use super::charset::Charset;
use super::content::{Params, Rule};
use super::key::PublicKey;
use super::response::{SignatureStatus, verify_content};

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
