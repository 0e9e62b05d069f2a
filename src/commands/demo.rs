//! `alipay-oauth demo`: the whole login flow, step by step, offline.

use serde_json::json;

use crate::cli::settings::Settings;
use crate::demo::{self, STEPS, Step};
use crate::error::ExitStatus;

pub fn run(settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let mut steps: Vec<Step> = Vec::new();
    if !out.is_json() && !out.quiet {
        out.result(
            "alipay-oauth demo: the \"Log in with Alipay\" flow against a built-in emulator",
        );
        out.result("(throwaway keys, no network, no browser, no account)\n");
    }
    let outcome = demo::run(
        &mut |s: &Step| {
            if !out.is_json() && !out.quiet {
                out.result(format!(
                    "{} {}",
                    out.paint(&format!("[{}/{STEPS}]", s.number), "1;36"),
                    s.title
                ));
                let width = s
                    .details
                    .iter()
                    .map(|(k, _)| k.chars().count())
                    .max()
                    .unwrap_or(0);
                for (k, v) in &s.details {
                    out.result(format!("      {k:<width$}  {v}"));
                }
            }
            steps.push(s.clone());
        },
        &out,
    )?;
    if out.is_json() {
        out.json(&json!({
            "steps": steps.iter().map(|s| json!({
                "number": s.number,
                "title": s.title,
                "details": s.details.iter().map(|(k, v)| (json_key(k), json!(v))).collect::<serde_json::Map<_, _>>(),
            })).collect::<Vec<_>>(),
            "user": outcome.user.to_json(),
        }));
    } else if out.quiet {
        out.result(&outcome.user.subject);
    } else {
        out.result(format!(
            "\n{} {} ({}), subject {} from {}",
            out.paint("✓ logged in:", "1;32"),
            outcome.user.nickname.as_deref().unwrap_or("?"),
            outcome.user.city.as_deref().unwrap_or("?"),
            outcome.user.subject,
            outcome.user.id_kind.label()
        ));
    }
    Ok(ExitStatus::Success)
}

/// A detail's label as a JSON key for programs: "string to sign" becomes
/// `string_to_sign`, "POST" `post`.
fn json_key(label: &str) -> String {
    let mut key = String::with_capacity(label.len());
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c.to_ascii_lowercase());
        } else if !key.ends_with('_') {
            key.push('_');
        }
    }
    key.trim_matches('_').to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn detail_labels_become_snake_case_keys() {
        assert_eq!(super::json_key("string to sign"), "string_to_sign");
        assert_eq!(super::json_key("authorization URL"), "authorization_url");
        assert_eq!(super::json_key("POST"), "post");
        assert_eq!(super::json_key("access_token"), "access_token");
    }
}
