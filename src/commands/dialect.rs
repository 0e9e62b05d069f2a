//! `sign --dialect header|v3`, `verify header` and `verify v3`: the Antom /
//! Alipay+ Signature header and OpenAPI v3, shown and explained like v2.

use std::path::Path;

use rand_core::RngCore;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::{app_key_from, read_input};
use crate::cli::settings::Settings;
use crate::cli::{SignArgs, VerifyHeaderArgs, VerifyV3Args};
use crate::error::Error;
use crate::secret::AppAuthToken;
use crate::sign::Charset;
use crate::sign::diagnosis::Finding;
use crate::sign::dialect::header::{self, Message};
use crate::sign::dialect::v3::{self, AuthParams, V3Answer};
use crate::sign::dialect::{Rejection, SignatureStatus};
use crate::sign::key::hex;
use crate::ui::failure::ExitStatus;
use crate::ui::output::{Output, visible, visible_bytes};

/// Flags of other dialects given to `sign --dialect D`: refused, not ignored,
/// since a flag that silently does nothing signs something else than meant.
fn refuse(dialect: &str, given: &[(&str, bool)]) -> Result<(), Error> {
    match given.iter().find(|(_, g)| *g) {
        Some((flag, _)) => Err(Error::usage_with_hint(
            format!("{flag} does not apply to --dialect {dialect}"),
            "see `alipay-oauth sign --help` for which options each dialect takes",
        )),
        None => Ok(()),
    }
}

/// The v2 form signing takes none of the dialects' request options.
pub(super) fn refuse_dialect_flags(args: &SignArgs) -> Result<(), Error> {
    refuse(
        "v2",
        &[
            ("--path", args.path.is_some()),
            ("--http-method", args.http_method.is_some()),
            ("--body-file", args.body_file.is_some()),
            ("--client-id", args.client_id.is_some()),
            ("--request-time", args.request_time.is_some()),
            ("--query", args.query.is_some()),
            ("--nonce", args.nonce.is_some()),
        ],
    )
}

fn require<'a>(value: &'a Option<String>, flag: &str, example: &str) -> Result<&'a str, Error> {
    value.as_deref().ok_or_else(|| {
        Error::usage_with_hint(
            format!("{flag} is required"),
            format!("e.g. {flag} {example}"),
        )
    })
}

/// The body: the file's exact bytes, standard input for `-`, else empty.
fn body(file: Option<&Path>) -> Result<Vec<u8>, Error> {
    match file {
        Some(f) => read_input(Some(f), "body"),
        None => Ok(Vec::new()),
    }
}

/// HTTP methods are sent upper-case by the SDKs.
fn http_method(value: Option<&str>, default: Option<&str>) -> Result<String, Error> {
    let m = value.or(default).ok_or_else(|| {
        Error::usage_with_hint("--http-method is required", "e.g. --http-method POST")
    })?;
    if m.is_empty() || !m.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(Error::usage(format!("{m:?} is not an HTTP method")));
    }
    Ok(m.to_ascii_uppercase())
}

fn client_id(given: Option<&str>, settings: &Settings) -> Result<String, Error> {
    match given {
        Some(c) => Ok(c.to_string()),
        None => settings.require_app_id().map(str::to_string).map_err(|_| {
            Error::usage_with_hint(
                "no client id is set",
                "pass --client-id (the Client-Id of the Antom / Alipay+ console) or --app-id",
            )
        }),
    }
}

/// Now in UTC as Python's `isoformat()` writes it (what the official global
/// SDK sends as `Request-Time`).
fn now_iso() -> String {
    let fmt =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]+00:00");
    time::OffsetDateTime::now_utc()
        .format(&fmt)
        .unwrap_or_default()
}

fn now_millis() -> String {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000).to_string()
}

/// A random (version 4) UUID, as the Node SDK's nonce.
fn random_uuid() -> String {
    let mut b = [0u8; 16];
    rand_core::OsRng.fill_bytes(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// The human rendering of a string to sign, as `sign` shows v2's: `shown`
/// (the content, secrets masked) and the SHA-256 of the real `content`.
fn show_content(out: &Output, shown: &[u8], content: &[u8]) {
    let (shown, invisible) = visible_bytes(shown, Charset::Utf8);
    out.result(format!(
        "{} ({} bytes):",
        out.paint("string to sign", "1"),
        content.len()
    ));
    out.result(shown);
    if invisible > 0 {
        out.result(format!(
            "  note: {invisible} invisible character(s), shown as ␊/⟨U+…⟩ above, are part of what was signed"
        ));
    }
    out.result(format!(
        "{} {}",
        out.paint("sha-256:", "1"),
        hex(&Sha256::digest(content))
    ));
}

pub(super) fn sign_header(args: &SignArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    refuse(
        "header",
        &[
            ("NAME=VALUE parameters", !args.params.is_empty()),
            ("--stdin", args.stdin.is_some()),
            ("--method", args.method.is_some()),
            ("--query (put it in --path)", args.query.is_some()),
            ("--nonce", args.nonce.is_some()),
            ("--timestamp (use --request-time)", args.timestamp.is_some()),
        ],
    )?;
    let out = settings.output();
    let path = require(&args.path, "--path", "/ams/api/v1/authorizations/consult")?;
    let client_id = client_id(args.client_id.as_deref(), settings)?;
    let method = http_method(args.http_method.as_deref(), Some("POST"))?;
    let time = args.request_time.clone().unwrap_or_else(now_iso);
    let body = body(args.body_file.as_deref())?;
    let key = settings.require_private_key()?;
    let key_version = settings.key_version().value;
    let signed = header::sign(&key, key_version, &method, path, &client_id, &time, &body)
        .map_err(Error::from)?;

    if out.is_json() {
        out.json(&json!({
            "sign_content": String::from_utf8_lossy(&signed.content),
            "signature": signed.signature,
            "header": signed.header,
            "http_method": method,
            "path": path,
            "client_id": client_id,
            "request_time": time,
            "key_version": key_version,
        }));
    } else if out.quiet {
        out.result(&signed.header);
    } else {
        show_content(&out, &signed.content, &signed.content);
        out.result(format!(
            "{} {} (fingerprint of its public key {})",
            out.paint("key:", "1"),
            key.info(),
            key.public_key().fingerprint()
        ));
        out.result(format!(
            "{} (RSA256, SHA256withRSA):",
            out.paint("signature", "1")
        ));
        out.result(&signed.signature);
        out.result(out.paint("headers:", "1"));
        out.result(format!("Client-Id: {client_id}"));
        out.result(format!("Request-Time: {time}"));
        out.result(format!("Signature: {}", signed.header));
    }
    Ok(ExitStatus::Success)
}

pub(super) fn sign_v3(args: &SignArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    refuse(
        "v3",
        &[
            ("NAME=VALUE parameters", !args.params.is_empty()),
            ("--stdin", args.stdin.is_some()),
            (
                "--method (use --http-method and --path)",
                args.method.is_some(),
            ),
            ("--client-id (use --app-id)", args.client_id.is_some()),
            (
                "--request-time (use --timestamp)",
                args.request_time.is_some(),
            ),
        ],
    )?;
    let out = settings.output();
    let method = http_method(args.http_method.as_deref(), None)?;
    let path = require(&args.path, "--path", "/v3/alipay/system/oauth/token")?;
    if !path.starts_with('/') || path.contains('?') {
        return Err(Error::usage_with_hint(
            format!("--path {path:?} is not a path"),
            "give the path alone, starting with / (e.g. /v3/alipay/user/info/share), and the query in --query",
        )
        .into());
    }
    let timestamp = match &args.timestamp {
        Some(t) if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) => t.clone(),
        Some(t) => {
            return Err(Error::usage_with_hint(
                format!("timestamp {t:?} is not in milliseconds"),
                "OpenAPI v3 timestamps are milliseconds since the epoch, e.g. 1704135845000",
            )
            .into());
        }
        None => now_millis(),
    };
    let certs = settings.cert_mode()?;
    let auth = AuthParams {
        app_id: settings.require_app_id()?.to_string(),
        app_cert_sn: certs.as_ref().map(|c| c.mode.app_cert_sn.clone()),
        nonce: args.nonce.clone().unwrap_or_else(random_uuid),
        timestamp,
        app_auth_token: args.app_auth_token.as_deref().map(AppAuthToken::new),
    };
    let body = body(args.body_file.as_deref())?;
    let key = settings.require_private_key()?;
    let target = match args.query.as_deref() {
        Some(q) if !q.is_empty() => format!("{path}?{}", q.trim_start_matches('?')),
        _ => path.to_string(),
    };
    let signed = v3::sign(&key, &auth, &method, &target, &body).map_err(Error::from)?;

    if out.is_json() {
        out.json(&json!({
            "auth_string": signed.auth_string,
            "sign_content": String::from_utf8_lossy(&signed.content),
            "sign": signed.sign,
            "authorization": signed.authorization,
            "nonce": auth.nonce,
            "timestamp": auth.timestamp,
            "alipay_root_cert_sn": certs.as_ref().map(|c| c.mode.alipay_root_cert_sn.clone()),
        }));
    } else if out.quiet {
        out.result(&signed.authorization);
    } else {
        // The app auth token is signed but is a secret: shown masked.
        let shown = match &auth.app_auth_token {
            Some(t) => {
                let without = signed.content.len() - t.secret().len() - 1;
                let mut c = signed.content[..without].to_vec();
                c.extend_from_slice(format!("‹app auth token {}›\n", t.masked()).as_bytes());
                c
            }
            None => signed.content.clone(),
        };
        show_content(&out, &shown, &signed.content);
        if auth.app_auth_token.is_some() {
            out.result(
                "  note: the app auth token is shown masked; the sha-256 is of the real string",
            );
        }
        out.result(format!(
            "{} {} (fingerprint of its public key {})",
            out.paint("key:", "1"),
            key.info(),
            key.public_key().fingerprint()
        ));
        out.result(format!("{} (SHA256withRSA):", out.paint("signature", "1")));
        out.result(&signed.sign);
        out.result(out.paint("headers:", "1"));
        out.result(format!("authorization: {}", signed.authorization));
        if let Some(c) = &certs {
            out.result(format!(
                "alipay-root-cert-sn: {}",
                c.mode.alipay_root_cert_sn
            ));
        }
        if auth.app_auth_token.is_some() {
            out.result("alipay-app-auth-token: (the token)");
        }
    }
    Ok(ExitStatus::Success)
}

/// What a dialect verification found, for rendering.
struct Report {
    kind: &'static str,
    valid: bool,
    reason: String,
    content: Vec<u8>,
    fields: serde_json::Map<String, Value>,
    diagnosis: Vec<Finding>,
}

fn finish(report: Report, out: &Output) -> anyhow::Result<ExitStatus> {
    if out.is_json() {
        let mut doc = serde_json::Map::new();
        doc.insert("valid".into(), json!(report.valid));
        doc.insert("kind".into(), json!(report.kind));
        doc.insert(
            "sign_content".into(),
            json!(String::from_utf8_lossy(&report.content)),
        );
        doc.insert("reason".into(), json!(report.reason));
        for (k, v) in report.fields {
            doc.insert(k, v);
        }
        doc.insert("diagnosis".into(), json!(report.diagnosis));
        out.json(&Value::Object(doc));
    } else if out.quiet {
        out.result(if report.valid { "valid" } else { "invalid" });
    } else {
        let what = match report.kind {
            "header" => "RSA256 signature (Antom / Alipay+)",
            _ => "OpenAPI v3 signature",
        };
        if report.valid {
            out.result(format!("{} {what}", out.paint("✓ valid", "1;32")));
        } else {
            out.result(format!(
                "{} {what}: {}",
                out.paint("✗ invalid", "1;31"),
                report.reason
            ));
        }
        if !report.content.is_empty() {
            let (shown, _) = visible_bytes(&report.content, Charset::Utf8);
            out.result(format!("signed content ({} bytes):", report.content.len()));
            out.result(shown);
        }
        if !report.diagnosis.is_empty() {
            out.result(out.paint("diagnosis:", "1"));
            for f in &report.diagnosis {
                out.result(format!("  - {} [{}]", visible(&f.message).0, f.code));
            }
        }
    }
    if report.valid {
        Ok(ExitStatus::Success)
    } else {
        Err(Error::Invalid {
            message: format!(
                "the {} signature is not valid: {}",
                report.kind, report.reason
            ),
        }
        .into())
    }
}

fn reason(status: &SignatureStatus) -> String {
    match status {
        SignatureStatus::Valid => "the signature verifies".into(),
        SignatureStatus::Unsigned => "it carries no signature".into(),
        SignatureStatus::Invalid(Rejection::Invalid(m)) => m.to_string(),
        SignatureStatus::Invalid(r) => r.to_string(),
    }
}

pub(super) fn verify_header(
    args: &VerifyHeaderArgs,
    settings: &Settings,
) -> anyhow::Result<ExitStatus> {
    let method = http_method(Some(&args.http_method), None)?;
    let client_id = client_id(args.client_id.as_deref(), settings)?;
    let body = body(args.body_file.as_deref())?;
    let (key, _) = settings.alipay_verifying_key()?;
    let message = Message {
        method: &method,
        target: &args.path,
        client_id: &client_id,
        time: &args.time,
        body: &body,
    };
    let status = header::check(&key, &message, &args.signature);
    let parsed = header::parse_signature(&args.signature).ok();
    let mut report = Report {
        kind: "header",
        valid: status == SignatureStatus::Valid,
        reason: reason(&status),
        content: message.content(),
        fields: serde_json::Map::new(),
        diagnosis: Vec::new(),
    };
    report.fields.insert(
        "url_encoded".into(),
        json!(parsed.as_ref().map(|p| p.url_encoded)),
    );
    report.fields.insert(
        "key_version".into(),
        json!(parsed.as_ref().and_then(|p| p.key_version.clone())),
    );
    if !report.valid {
        let app = app_key_from(args.app_public_key_file.as_deref(), settings)?;
        let others: Vec<&str> = args.request_time.as_deref().into_iter().collect();
        report.diagnosis = header::diagnose(&header::Case {
            message,
            signature: &args.signature,
            key: &key,
            app_key: app.as_ref(),
            other_times: &others,
        });
    }
    finish(report, &settings.output())
}

pub(super) fn verify_v3(args: &VerifyV3Args, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let body = body(args.body_file.as_deref())?;
    let (key, expected_sn) = settings.alipay_verifying_key()?;
    let answer = V3Answer {
        status: None,
        timestamp: Some(args.timestamp.trim()),
        nonce: Some(args.nonce.trim()),
        signature: Some(args.signature.trim()),
        sn: args.alipay_sn.as_deref(),
        body: &body,
    };
    let checked = v3::check_answer(&answer, &key, expected_sn.as_deref());
    let mut report = Report {
        kind: "v3",
        valid: checked.status == SignatureStatus::Valid,
        reason: reason(&checked.status),
        content: checked.content.clone(),
        fields: serde_json::Map::new(),
        diagnosis: Vec::new(),
    };
    report
        .fields
        .insert("alipay_sn".into(), json!(args.alipay_sn));
    if let SignatureStatus::Invalid(r @ Rejection::CertSnMismatch { .. }) = &checked.status {
        report.diagnosis.push(Finding {
            code: "cert_sn_mismatch",
            message: format!(
                "{r}: Alipay rotated its certificate, or the certificate belongs to another app"
            ),
            fix: None,
        });
    } else if !report.valid {
        let app = app_key_from(args.app_public_key_file.as_deref(), settings)?;
        report.diagnosis = v3::diagnose(&answer, &key, app.as_ref());
    }
    finish(report, &settings.output())
}
