//! `alipay-oauth verify response|notify|raw`: check a signature and, when it
//! fails, explain why.

use serde_json::{Map, Value, json};

use super::{app_key_from, read_input};
use crate::cli::settings::Settings;
use crate::cli::{RuleArg, VerifyCommand, VerifyInput};
use crate::error::Error;
use crate::sign::content::JsonParamsError;
use crate::sign::diagnosis::{self, Case, Finding};
use crate::sign::notify::{self, NotificationError, RuleChoice};
use crate::sign::response::{self, SignatureStatus, code_str};
use crate::sign::{Charset, Params, PublicKey, Rule, SignType, algorithm};
use crate::ui::failure::{ExitStatus, finding_text, response_hint};
use crate::ui::output::{Output, visible, visible_bytes};

pub fn run(cmd: &VerifyCommand, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let report = match cmd {
        VerifyCommand::Response { method, input } => response(method.as_deref(), input, settings)?,
        VerifyCommand::Notify { rule, input } => notify(*rule, input, settings)?,
        VerifyCommand::Raw { signature, input } => raw(signature, input, settings)?,
        VerifyCommand::Header(args) => return super::dialect::verify_header(args, settings),
        VerifyCommand::V3(args) => return super::dialect::verify_v3(args, settings),
    };
    render(&report, &settings.output());
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

/// What a verification found, for rendering.
struct Report {
    kind: &'static str,
    valid: bool,
    signed: bool,
    /// One line: why it is (in)valid.
    reason: String,
    content: Vec<u8>,
    charset: Charset,
    sign_type: SignType,
    /// Fields particular to the kind (node, code, rule...).
    fields: Map<String, Value>,
    notes: Vec<String>,
    diagnosis: Vec<Finding>,
}

/// The app's own public key, if at hand: for the swapped-keys diagnosis.
fn app_key(input: &VerifyInput, settings: &Settings) -> anyhow::Result<Option<PublicKey>> {
    app_key_from(input.app_public_key_file.as_deref(), settings)
}

fn response(
    method: Option<&str>,
    input: &VerifyInput,
    settings: &Settings,
) -> anyhow::Result<Report> {
    let body = read_input(input.file.as_deref(), "response body")?;
    let (key, expected_sn) = settings.alipay_verifying_key()?;
    let charset = settings.charset().value;
    let sign_type = settings.sign_type().value;
    let mut report = Report {
        kind: "response",
        valid: false,
        signed: false,
        reason: String::new(),
        content: Vec::new(),
        charset,
        sign_type,
        fields: Map::new(),
        notes: Vec::new(),
        diagnosis: Vec::new(),
    };
    for k in ["node", "code", "sub_code", "alipay_cert_sn"] {
        report.fields.insert(k.into(), Value::Null);
    }

    let checked = match response::check(&body, method, charset, sign_type, &key) {
        Ok(c) => c,
        Err(e) => {
            report.reason = e.to_string();
            report.diagnosis.push(Finding {
                code: "malformed",
                message: format!("{e}: {}", response_hint(&e)),
                fix: None,
            });
            return Ok(report);
        }
    };
    let ex = &checked.extracted;
    report.signed = ex.sign.is_some();
    report.content = ex.content.clone();
    report.fields.insert("node".into(), json!(ex.node));
    report
        .fields
        .insert("encrypted".into(), json!(ex.encrypted));
    report
        .fields
        .insert("alipay_cert_sn".into(), json!(ex.alipay_cert_sn));
    match checked.node_json() {
        Ok(node) => {
            report
                .fields
                .insert("code".into(), json!(node.get("code").and_then(code_str)));
            report.fields.insert(
                "sub_code".into(),
                json!(node.get("sub_code").and_then(code_str)),
            );
        }
        Err(e @ response::NodeError::TooDeep { .. }) => report.notes.push(format!(
            "the signed node is {e}: alipay-oauth would refuse to use it"
        )),
        Err(_) => {}
    }
    let unescaped = matches!(
        checked.status,
        SignatureStatus::Valid {
            unescaped_slashes: true
        }
    );
    report
        .fields
        .insert("unescaped_slashes".into(), json!(unescaped));
    if unescaped {
        report.notes.push(
            "verified only after replacing every `\\/` with `/` (the Java SDK's retry)".into(),
        );
    }
    let app = app_key(input, settings)?;
    settle(
        &mut report,
        &checked.status,
        ex.sign.as_deref(),
        &key,
        app.as_ref(),
    );
    // Certificate mode: the answer must name the certificate that verifies it.
    if let Some(expected) = expected_sn
        && ex.alipay_cert_sn.as_deref() != Some(expected.as_str())
    {
        report.valid = false;
        report.reason = format!(
            "the response names Alipay certificate SN {} but the given certificate has SN {expected}",
            ex.alipay_cert_sn.as_deref().unwrap_or("(none)")
        );
        report.diagnosis.push(Finding {
            code: "cert_sn_mismatch",
            message: format!(
                "{}: Alipay rotated its certificate, or the certificate belongs to another app",
                report.reason
            ),
            fix: None,
        });
    }
    Ok(report)
}

fn notify(rule: RuleArg, input: &VerifyInput, settings: &Settings) -> anyhow::Result<Report> {
    let data = read_input(input.file.as_deref(), "notification parameters")?;
    let (key, _) = settings.alipay_verifying_key()?;
    let (params, charset) = notification_params(&data, settings.charset().value)?;
    let choice = match rule {
        RuleArg::V1 => RuleChoice::V1,
        RuleArg::V2 => RuleChoice::V2,
        RuleArg::Auto => RuleChoice::Auto,
    };
    let checked = notify::check(&params, choice, settings.sign_type().value, charset, &key)
        .map_err(Error::from)?;
    let reported = checked.reported();
    let mut report = Report {
        kind: "notify",
        valid: false,
        signed: params.get("sign").is_some_and(|s| !s.is_empty()),
        reason: String::new(),
        content: charset
            .encode(&reported.content)
            .map_err(Error::from)?
            .into_owned(),
        charset,
        sign_type: checked.sign_type,
        fields: Map::new(),
        notes: Vec::new(),
        diagnosis: Vec::new(),
    };
    let matched = checked.matched().map(|a| a.rule.label());
    report.fields.insert("rule".into(), json!(matched));
    if let (Some(rule), RuleChoice::Auto) = (checked.matched(), choice) {
        report.notes.push(match rule.rule {
            Rule::V1 => "matched rule v1 (sign and sign_type left out)".to_string(),
            Rule::V2 => "matched rule v2 (only sign left out)".to_string(),
        });
    }
    let app = app_key(input, settings)?;
    settle(
        &mut report,
        &reported.status,
        params.get("sign"),
        &key,
        app.as_ref(),
    );
    // A forced rule that fails: does the other one verify?
    if !report.valid
        && choice != RuleChoice::Auto
        && let Some(sign) = params.get("sign")
    {
        let other = if choice == RuleChoice::V1 {
            Rule::V2
        } else {
            Rule::V1
        };
        let text = params.sign_content(other);
        let content = charset.encode(&text).map_err(Error::from)?;
        if algorithm::verify(&key, checked.sign_type, &content, sign).is_ok() {
            report.diagnosis.retain(|f| f.code != "no_match");
            report.diagnosis.insert(
                0,
                Finding {
                    code: "other_rule",
                    message: format!(
                        "the notification verifies under rule {}: use --rule {}",
                        other.label(),
                        other.label()
                    ),
                    fix: None,
                },
            );
        }
    }
    Ok(report)
}

/// The notification's parameters, or the reason in words.
fn notification_params(data: &[u8], fallback: Charset) -> Result<(Params, Charset), Error> {
    notify::parse_params(data, fallback).map_err(|e| match e {
        NotificationError::Json(JsonParamsError::NotObject) => {
            Error::usage("a JSON notification must be an object")
        }
        NotificationError::Json(JsonParamsError::Syntax(e)) => {
            Error::usage(format!("the notification is not valid JSON: {e}"))
        }
        NotificationError::Charset(e) => Error::usage(format!("the notification's charset: {e}")),
        NotificationError::Form(e) => e.into(),
        NotificationError::Params(e) => e.into(),
    })
}

fn raw(signature: &str, input: &VerifyInput, settings: &Settings) -> anyhow::Result<Report> {
    let content = read_input(input.file.as_deref(), "content")?;
    let (key, _) = settings.alipay_verifying_key()?;
    let sign_type = settings.sign_type().value;
    let status = match algorithm::verify(&key, sign_type, &content, signature) {
        Ok(()) => SignatureStatus::Valid {
            unescaped_slashes: false,
        },
        Err(m) => SignatureStatus::Invalid(m),
    };
    let mut report = Report {
        kind: "raw",
        valid: false,
        signed: true,
        reason: String::new(),
        content,
        charset: settings.charset().value,
        sign_type,
        fields: Map::new(),
        notes: Vec::new(),
        diagnosis: Vec::new(),
    };
    let app = app_key(input, settings)?;
    settle(&mut report, &status, Some(signature), &key, app.as_ref());
    Ok(report)
}

/// Sets validity, reason and diagnosis from a signature status.
fn settle(
    report: &mut Report,
    status: &SignatureStatus,
    signature: Option<&str>,
    key: &PublicKey,
    app: Option<&PublicKey>,
) {
    match status {
        SignatureStatus::Valid { .. } => {
            report.valid = true;
            report.reason = "the signature verifies".into();
        }
        SignatureStatus::Unsigned | SignatureStatus::Invalid(_) => {
            report.reason = match status {
                SignatureStatus::Invalid(m) => m.to_string(),
                _ => "it carries no signature".into(),
            };
            report.diagnosis = diagnosis::diagnose(&Case {
                content: &report.content,
                signature: if matches!(status, SignatureStatus::Unsigned) {
                    None
                } else {
                    signature
                },
                sign_type: report.sign_type,
                charset: report.charset,
                key,
                app_key: app,
            })
            .into_iter()
            // The fix, named as the flag that applies it.
            .map(|f| Finding {
                message: finding_text(&f),
                ..f
            })
            .collect();
        }
    }
}

fn render(report: &Report, out: &Output) {
    let sign_content = String::from_utf8_lossy(&report.content).into_owned();
    let text = report
        .charset
        .decode(&report.content)
        .map(|t| t.into_owned())
        .unwrap_or(sign_content);
    if out.is_json() {
        let mut doc = Map::new();
        doc.insert("valid".into(), json!(report.valid));
        doc.insert("kind".into(), json!(report.kind));
        for (k, v) in &report.fields {
            doc.insert(k.clone(), v.clone());
        }
        doc.insert("sign_content".into(), json!(text));
        doc.insert("signed".into(), json!(report.signed));
        doc.insert("sign_type".into(), json!(report.sign_type.label()));
        doc.insert("charset".into(), json!(report.charset.label()));
        doc.insert("notes".into(), json!(report.notes));
        doc.insert("diagnosis".into(), json!(report.diagnosis));
        out.json(&Value::Object(doc));
        return;
    }
    if out.quiet {
        out.result(if report.valid { "valid" } else { "invalid" });
        return;
    }
    let what = match report.fields.get("node").and_then(Value::as_str) {
        Some(node) => format!(
            "{} signature of {}",
            report.sign_type.label(),
            visible(node).0
        ),
        None => format!("{} signature", report.sign_type.label()),
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
    if let Some(rule) = report.fields.get("rule").and_then(Value::as_str) {
        out.result(format!("rule: {rule}"));
    }
    for note in &report.notes {
        out.result(format!("note: {note}"));
    }
    if !report.content.is_empty() {
        let (shown, _) = visible_bytes(&report.content, report.charset);
        out.result(format!(
            "signed content ({}, {} bytes):",
            report.charset,
            report.content.len()
        ));
        out.result(shown);
    }
    if !report.diagnosis.is_empty() {
        out.result(out.paint("diagnosis:", "1"));
        for f in &report.diagnosis {
            out.result(format!("  - {} [{}]", visible(&f.message).0, f.code));
        }
    }
}
