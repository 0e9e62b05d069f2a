//! `alipay-oauth config`: the effective settings and where each came from.

use serde_json::{Map, Value, json};

use crate::cli::settings::{KeySource, Settings, Source, Sourced};
use crate::error::ExitStatus;

fn row<T: ToString>(s: &Sourced<T>) -> (String, String) {
    (s.value.to_string(), s.source.to_string())
}

/// What a key source holds, without the key: its shape, or why it fails.
fn key_row(
    s: Option<&Sourced<KeySource>>,
    load: impl FnOnce() -> anyhow::Result<String>,
) -> (String, String) {
    match s {
        None => ("(not set)".into(), "-".into()),
        Some(src) => {
            let what = match load() {
                Ok(info) => info,
                Err(e) => format!("UNUSABLE: {e:#}"),
            };
            let shown = match &src.value {
                KeySource::File(p) => format!("{} [{what}]", p.display()),
                KeySource::Text { var, text } => {
                    format!("${var} ({} bytes) [{what}]", text.expose().len())
                }
            };
            (shown, src.source.to_string())
        }
    }
}

pub fn run(settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let opt = |s: Option<&Sourced<String>>| match s {
        Some(s) => row(s),
        None => ("(not set)".into(), "-".into()),
    };
    let rows: Vec<(&str, (String, String))> = vec![
        (
            "config_file",
            (
                settings
                    .config_path()
                    .map(|p| {
                        format!(
                            "{}{}",
                            p.display(),
                            if p.exists() { "" } else { " (absent)" }
                        )
                    })
                    .unwrap_or_else(|| "(none)".into()),
                "-".into(),
            ),
        ),
        (
            "profile",
            (
                settings.profile().unwrap_or("(none)").to_string(),
                "-".into(),
            ),
        ),
        ("env", row(settings.environment())),
        ("gateway", row(settings.gateway())),
        ("authorize_url", row(settings.authorize_url())),
        ("emulator_url", opt(settings.emulator_url())),
        ("app_id", opt(settings.app_id())),
        (
            "private_key",
            key_row(settings.private_key_source(), || {
                Ok(settings.require_private_key()?.info().to_string())
            }),
        ),
        (
            "alipay_public_key",
            key_row(settings.alipay_public_key_source(), || {
                let k = settings.require_alipay_public_key()?;
                Ok(format!("{}, fingerprint {}", k.info(), k.fingerprint()))
            }),
        ),
        ("sign_type", row(settings.sign_type())),
        ("charset", row(settings.charset())),
        ("key_version", row(settings.key_version())),
        ("redirect_uri", opt(settings.redirect_uri())),
        ("scope", opt(settings.scope())),
        (
            "token_dir",
            (
                settings.token_dir().value.display().to_string(),
                settings.token_dir().source.to_string(),
            ),
        ),
        (
            "connect_timeout",
            (
                format!("{} s", settings.connect_timeout().as_secs_f64()),
                "-".into(),
            ),
        ),
        (
            "request_timeout",
            (
                format!("{} s", settings.request_timeout().as_secs_f64()),
                "-".into(),
            ),
        ),
        (
            "proxy",
            (
                [
                    ("https", &settings.proxy().https),
                    ("http", &settings.proxy().http),
                    ("all", &settings.proxy().all),
                    ("no_proxy", &settings.proxy().no_proxy),
                ]
                .iter()
                .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", redact_userinfo(v))))
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .collect::<String>()
                .trim()
                .to_string(),
                Source::Env("HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY").to_string(),
            ),
        ),
    ];
    if out.is_json() {
        let mut doc = Map::new();
        for (k, (v, src)) in &rows {
            doc.insert(k.to_string(), json!({"value": v, "source": src}));
        }
        out.json(&Value::Object(doc));
    } else {
        let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        for (k, (v, src)) in rows {
            let v = if v.is_empty() {
                "(none)".to_string()
            } else {
                v
            };
            out.result(format!(
                "{k:<width$}  {v}  {}",
                out.paint(&format!("[{src}]"), "2")
            ));
        }
    }
    Ok(ExitStatus::Success)
}

/// Hides a password in a proxy URL.
fn redact_userinfo(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("****"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}
