//! `alipay-oauth config`: the effective settings and where each came from.
//!
//! Human output is one line per setting with its source in brackets; JSON
//! gives each setting as `{"value", "source"}` with typed values (numbers
//! for seconds, `null` for what is not set).

use serde_json::{Map, Value, json};

use super::report::{self, Report};
use crate::cli::settings::{KeySource, PROXY_VARS, Settings, Source, Sourced};
use crate::ui::failure::ExitStatus;
use crate::ui::output::Output;

/// One setting: how it reads, its JSON value, where it came from, and any
/// extra JSON members.
struct Row {
    key: &'static str,
    shown: String,
    value: Value,
    source: String,
    extra: Map<String, Value>,
}

impl Row {
    fn new(key: &'static str, shown: String, value: Value, source: String) -> Row {
        Row {
            key,
            shown,
            value,
            source,
            extra: Map::new(),
        }
    }

    fn unset(key: &'static str) -> Row {
        Row::new(key, "(not set)".into(), Value::Null, "-".into())
    }

    fn sourced<T: ToString>(key: &'static str, s: &Sourced<T>) -> Row {
        let v = s.value.to_string();
        Row::new(key, v.clone(), json!(v), s.source.to_string())
    }

    fn optional(key: &'static str, s: Option<&Sourced<String>>) -> Row {
        s.map_or_else(|| Row::unset(key), |s| Row::sourced(key, s))
    }

    fn seconds(key: &'static str, d: std::time::Duration, source: &Source) -> Row {
        let secs = d.as_secs_f64();
        Row::new(key, format!("{secs} s"), json!(secs), source.to_string())
    }
}

/// A key setting: where the key is and what it holds, never the key itself.
fn key_row(
    key: &'static str,
    s: Option<&Sourced<KeySource>>,
    load: impl FnOnce() -> anyhow::Result<String>,
) -> Row {
    let Some(src) = s else {
        return Row::unset(key);
    };
    let (what, info, error) = match load() {
        Ok(info) => (info.clone(), json!(info), Value::Null),
        Err(e) => {
            let e = format!("{e:#}");
            (format!("UNUSABLE: {e}"), Value::Null, json!(e))
        }
    };
    let mut row = match &src.value {
        KeySource::File(p) => Row::new(
            key,
            format!("{} [{what}]", p.display()),
            json!(p.display().to_string()),
            src.source.to_string(),
        ),
        // The key text itself is in the variable: named, never shown.
        KeySource::Text { var, text } => Row::new(
            key,
            format!("${var} ({} bytes) [{what}]", text.secret().len()),
            json!(format!("${var}")),
            src.source.to_string(),
        ),
    };
    row.extra.insert("info".into(), info);
    row.extra.insert("error".into(), error);
    row
}

pub fn run(settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let mut rows = Vec::new();

    let mut config_file = match &settings.config_path() {
        Some(p) => Row::new(
            "config_file",
            format!(
                "{}{}",
                p.display(),
                if p.exists() { "" } else { " (absent)" }
            ),
            json!(p.display().to_string()),
            settings.config_source().to_string(),
        ),
        None => Row::new("config_file", "(none)".into(), Value::Null, "-".into()),
    };
    config_file.extra.insert(
        "exists".into(),
        json!(settings.config_path().as_ref().is_some_and(|p| p.exists())),
    );
    rows.push(config_file);
    rows.push(match (&settings.profile(), &settings.profile_source()) {
        (Some(name), Some(src)) => {
            Row::new("profile", name.to_string(), json!(name), src.to_string())
        }
        _ => Row::new("profile", "(none)".into(), Value::Null, "-".into()),
    });
    rows.push(Row::sourced("env", settings.environment()));
    rows.push(Row::sourced("gateway", settings.gateway()));
    rows.push(Row::sourced("authorize_url", settings.authorize_url()));
    rows.push(Row::optional("emulator_url", settings.emulator_url()));
    rows.push(Row::sourced("family", settings.family()));
    rows.push(Row::sourced("region", settings.region()));
    // Where Antom / Alipay+ requests go; the v2 family has its gateway above.
    if settings.family().value.is_header() {
        rows.push(match settings.header_base() {
            Ok(b) => Row::sourced("base_url", &b),
            Err(e) => Row::new("base_url", format!("({e})"), Value::Null, "-".into()),
        });
    }
    rows.push(Row::sourced(
        "customer_belongs_to",
        settings.customer_belongs_to(),
    ));
    rows.push(Row::optional("auth_client_id", settings.auth_client_id()));
    rows.push(Row::optional("app_id", settings.app_id()));
    rows.push(key_row(
        "private_key",
        settings.private_key_source(),
        || Ok(settings.require_private_key()?.info().to_string()),
    ));
    rows.push(key_row(
        "alipay_public_key",
        settings.alipay_public_key_source(),
        || {
            let k = settings.require_alipay_public_key()?;
            Ok(format!("{}, fingerprint {}", k.info(), k.fingerprint()))
        },
    ));
    rows.push(Row::sourced("sign_type", settings.sign_type()));
    rows.push(Row::sourced("charset", settings.charset()));
    rows.push(Row::sourced("key_version", settings.key_version()));
    rows.push(Row::optional("redirect_uri", settings.redirect_uri()));
    rows.push(Row::optional("scope", settings.scope()));
    rows.push(Row::new(
        "token_dir",
        settings.token_dir().value.display().to_string(),
        json!(settings.token_dir().value.display().to_string()),
        settings.token_dir().source.to_string(),
    ));
    rows.push(Row::seconds(
        "connect_timeout",
        settings.connect_timeout(),
        settings.connect_timeout_source(),
    ));
    rows.push(Row::seconds(
        "request_timeout",
        settings.request_timeout(),
        settings.request_timeout_source(),
    ));
    rows.push(proxy_row(settings));

    report::render(&out, &Rows(rows));
    Ok(ExitStatus::Success)
}

/// Every setting with where it came from.
struct Rows(Vec<Row>);

impl Report for Rows {
    fn json(&self) -> Value {
        let mut doc = Map::new();
        for r in &self.0 {
            let mut m = Map::new();
            m.insert("value".into(), r.value.clone());
            m.insert(
                "source".into(),
                if r.source == "-" {
                    Value::Null
                } else {
                    json!(r.source)
                },
            );
            m.extend(r.extra.clone());
            doc.insert(r.key.to_string(), Value::Object(m));
        }
        Value::Object(doc)
    }

    fn human(&self, out: &Output) {
        let width = self.0.iter().map(|r| r.key.len()).max().unwrap_or(0);
        for r in &self.0 {
            out.result(format!(
                "{:<width$}  {}  {}",
                r.key,
                r.shown,
                out.paint(&format!("[{}]", r.source), "2")
            ));
        }
    }
}

/// The proxy settings with the variables that set them, or, when none is
/// set, every variable that was looked at.
fn proxy_row(settings: &Settings) -> Row {
    let p = &settings.proxy();
    let values = [
        ("https", &p.https),
        ("http", &p.http),
        ("all", &p.all),
        ("no_proxy", &p.no_proxy),
    ];
    let checked: Vec<&str> = PROXY_VARS
        .iter()
        .flat_map(|(_, upper, lower)| [*upper, *lower])
        .collect();
    let mut value = Map::new();
    for (k, v) in &values {
        value.insert(k.to_string(), json!(v.as_deref().map(redact_userinfo)));
    }
    let shown: Vec<String> = values
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", redact_userinfo(v))))
        .collect();
    let mut row = if shown.is_empty() {
        let mut r = Row::new(
            "proxy",
            "(none)".into(),
            Value::Object(value),
            format!("none of {} is set", checked.join(", ")),
        );
        // In JSON the list is `checked`; nothing set the value.
        r.extra.insert("source".into(), Value::Null);
        r
    } else {
        let vars: Vec<String> = settings
            .proxy_vars()
            .iter()
            .map(|(_, var)| format!("env {var}"))
            .collect();
        Row::new(
            "proxy",
            shown.join(" "),
            Value::Object(value),
            vars.join(", "),
        )
    };
    row.extra.insert("checked".into(), json!(checked));
    row
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
