//! Errors Alipay answers with (docs/protocol.md §6), each with a hint that
//! says what to do, and the string-to-sign comparison for
//! `isv.invalid-signature`.

use std::fmt;

/// The marker after which the gateway echoes its own string to sign in the
/// `sub_msg` of `isv.invalid-signature`.
pub const ECHO_MARKERS: &[&str] = &[
    "验签字符串为：",
    "验签字符串为:",
    "sign content is:",
    "signContent:",
];

/// An error answer of the gateway.
#[derive(Clone, PartialEq, Eq)]
pub struct AlipayError {
    pub method: String,
    pub code: String,
    pub msg: Option<String>,
    pub sub_code: Option<String>,
    pub sub_msg: Option<String>,
    pub trace_id: Option<String>,
    /// The error node carried a valid signature (many gateway errors do not).
    pub signed: bool,
    /// Our string to sign, kept to compare with the one the gateway echoes.
    pub our_sign_content: Option<String>,
}

impl fmt::Display for AlipayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Alipay answered {} with code {}", self.method, self.code)?;
        if let Some(msg) = &self.msg {
            write!(f, " ({msg})")?;
        }
        if let Some(sub) = &self.sub_code {
            write!(f, ": {sub}")?;
        }
        if let Some(sub_msg) = &self.sub_msg {
            // The echoed string to sign is shown on its own (it may hold a
            // secret, and it is long): the sentence stays whole up to it.
            match ECHO_MARKERS
                .iter()
                .find_map(|m| sub_msg.find(m).map(|at| at + m.len()))
            {
                Some(end) => write!(f, " ({}…)", &sub_msg[..end])?,
                None => write!(f, " ({sub_msg})")?,
            }
        }
        if !self.signed {
            f.write_str(" [unsigned error response]")?;
        }
        if let Some(t) = &self.trace_id {
            write!(f, " [trace_id {t}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for AlipayError {}

impl fmt::Debug for AlipayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AlipayError")
            .field("method", &self.method)
            .field("code", &self.code)
            .field("sub_code", &self.sub_code)
            .field("sub_msg", &self.sub_msg_masked())
            .field("trace_id", &self.trace_id)
            .field("signed", &self.signed)
            .field(
                "our_sign_content",
                &self.our_sign_content.as_deref().map(mask_sign_content),
            )
            .finish()
    }
}

impl AlipayError {
    /// True when Alipay refused the user's access token as invalid or
    /// expired (code 20001, protocol §6), which a refresh may cure.
    pub fn is_access_token_refused(&self) -> bool {
        matches!(
            self.sub_code.as_deref(),
            Some(
                "aop.invalid-auth-token"
                    | "aop.auth-token-time-out"
                    | "invalid-auth-token"
                    | "auth-token-time-out"
            )
        ) || (self.code == "20001" && self.sub_code.is_none())
    }

    /// The gateway's and our strings to sign, when the gateway echoed its own
    /// (secret values masked in both).
    pub fn sign_content_diff(&self) -> Option<SignContentDiff> {
        let theirs = echoed_sign_content(self.sub_msg.as_deref()?)?;
        let ours = self.our_sign_content.clone()?;
        Some(SignContentDiff::new(ours, theirs))
    }

    /// `sub_msg` with any echoed secret (an auth code, a token) masked.
    pub fn sub_msg_masked(&self) -> Option<String> {
        let sub_msg = self.sub_msg.as_deref()?;
        Some(match echoed_sign_content(sub_msg) {
            Some(echo) => sub_msg.replace(&echo, &mask_sign_content(&echo)),
            None => sub_msg.to_string(),
        })
    }
}

/// The string to sign the gateway echoed in an `isv.invalid-signature` sub_msg.
pub fn echoed_sign_content(sub_msg: &str) -> Option<String> {
    ECHO_MARKERS
        .iter()
        .find_map(|m| sub_msg.find(m).map(|i| sub_msg[i + m.len()..].to_string()))
}

/// How our string to sign differs from the gateway's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignContentDiff {
    pub ours: String,
    pub theirs: String,
    /// Parameters only we signed, only they signed, or with different values.
    pub lines: Vec<String>,
}

impl SignContentDiff {
    pub fn new(ours: String, theirs: String) -> SignContentDiff {
        // The echo may carry our own secrets already masked (see
        // `mask_sent`): put them back, so that only real differences count.
        let theirs = {
            let ours_secret = |k: &str| {
                ours.split('&')
                    .filter_map(|p| p.split_once('='))
                    .find(|(k2, _)| *k2 == k && is_secret(k))
                    .map(|(_, v)| v.to_string())
            };
            theirs
                .split('&')
                .map(|p| match p.split_once('=') {
                    Some((k, v)) => match ours_secret(k) {
                        Some(o) if v == crate::secret::mask(&o) => format!("{k}={o}"),
                        _ => p.to_string(),
                    },
                    None => p.to_string(),
                })
                .collect::<Vec<_>>()
                .join("&")
        };
        let split = |s: &str| -> Vec<(String, String)> {
            s.split('&')
                .filter(|p| !p.is_empty())
                .map(|p| match p.split_once('=') {
                    Some((k, v)) => (k.to_string(), v.to_string()),
                    None => (p.to_string(), String::new()),
                })
                .collect()
        };
        let (a, b) = (split(&ours), split(&theirs));
        let mut lines = Vec::new();
        for (k, v) in &a {
            match b.iter().find(|(k2, _)| k2 == k) {
                None => lines.push(format!("only we signed {k}={}", shown(k, v))),
                Some((_, v2)) if v2 != v => lines.push(format!(
                    "{k} differs: we signed {:?}, the gateway {:?}",
                    shown(k, v),
                    shown(k, v2)
                )),
                _ => {}
            }
        }
        for (k, v) in &b {
            if !a.iter().any(|(k2, _)| k2 == k) {
                lines.push(format!("only the gateway signed {k}={}", shown(k, v)));
            }
        }
        if lines.is_empty() && ours != theirs {
            let at = ours
                .bytes()
                .zip(theirs.bytes())
                .position(|(x, y)| x != y)
                .unwrap_or(ours.len().min(theirs.len()));
            lines.push(format!(
                "the strings differ at byte {at} (order or separators)"
            ));
        }
        if lines.is_empty() {
            lines.push(
                "the strings to sign are identical: the key is the problem (the private key does not match the app public key in the console)".into(),
            );
        }
        SignContentDiff {
            ours: mask_sign_content(&ours),
            theirs: mask_sign_content(&theirs),
            lines,
        }
    }
}

/// A string to sign with the values of secret parameters masked.
pub fn mask_sign_content(content: &str) -> String {
    content
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) if crate::sign::content::is_secret_param(k) => {
                format!("{k}={}", crate::secret::mask(v))
            }
            _ => pair.to_string(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn is_secret(name: &str) -> bool {
    crate::sign::content::is_secret_param(name)
}

/// A parameter value for display, masked when it is a secret.
fn shown(name: &str, value: &str) -> String {
    if crate::sign::content::is_secret_param(name) {
        crate::secret::mask(value)
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(sub_code: &str, sub_msg: &str) -> AlipayError {
        AlipayError {
            method: "alipay.system.oauth.token".into(),
            code: "40002".into(),
            msg: Some("Invalid Arguments".into()),
            sub_code: Some(sub_code.into()),
            sub_msg: Some(sub_msg.into()),
            trace_id: Some("0b1a".into()),
            signed: false,
            our_sign_content: Some(
                "app_id=1&charset=utf-8&method=m&timestamp=2024-01-02 03:04:05".into(),
            ),
        }
    }

    #[test]
    fn hints_and_display() {
        let e = err("isv.code-invalid", "授权码无效");
        let shown = e.to_string();
        assert!(
            shown.contains("40002")
                && shown.contains("isv.code-invalid")
                && shown.contains("unsigned")
        );
        assert!(shown.contains("trace_id 0b1a"));
    }

    #[test]
    fn echoed_string_to_sign_is_compared() {
        let e = err(
            "isv.invalid-signature",
            "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：app_id=1&charset=GBK&method=m&timestamp=2024-01-02 03:04:05&version=1.0",
        );
        let d = e.sign_content_diff().unwrap();
        assert_eq!(
            d.lines,
            vec![
                "charset differs: we signed \"utf-8\", the gateway \"GBK\"".to_string(),
                "only the gateway signed version=1.0".to_string()
            ]
        );
        assert!(!e.to_string().contains("app_id=1"), "{e}");
        // The sentence is not cut inside its words.
        assert!(e.to_string().contains("网关生成的验签字符串为：…"), "{e}");
        let ascii = err(
            "isv.invalid-signature",
            "bad sign, sign content is:app_id=1&code=secretcode123456",
        );
        assert!(!ascii.to_string().contains("secretcode123456"), "{ascii}");
        assert!(!format!("{ascii:?}").contains("secretcode123456"));
    }

    #[test]
    fn an_echoed_secret_masked_by_us_is_not_a_difference() {
        let code = "4b203fe6c11548bcabd8da5bb087a83b";
        let d = SignContentDiff::new(
            format!("app_id=1&code={code}"),
            format!("app_id=1&code={}", crate::secret::mask(code)),
        );
        assert!(d.lines.iter().all(|l| !l.contains("code")), "{:?}", d.lines);
        assert!(d.lines[0].contains("identical"), "{:?}", d.lines);
        assert_eq!(d.theirs, d.ours);
        let d = SignContentDiff::new(
            format!("app_id=1&code={code}"),
            "app_id=1&code=another".into(),
        );
        assert!(d.lines[0].starts_with("code differs"), "{:?}", d.lines);
    }
}
