//! `alipay-oauth sign`: sign parameters and show exactly what was signed.

use anyhow::Context as _;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::read_input;
use crate::cli::settings::{Settings, Sourced};
use crate::cli::{DialectArg, SignArgs, StdinFormat};
use crate::error::Error;
use crate::protocol::v2::{Common, now_timestamp, parse_timestamp, request_params};
use crate::sign::content::{JsonParamsError, json_param_pairs};
use crate::sign::form;
use crate::sign::key::hex;
use crate::sign::{Charset, Params, SignType, sign_params};
use crate::ui::failure::ExitStatus;
use crate::ui::output::visible;

pub fn run(args: &SignArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    match args.dialect {
        DialectArg::V2 => {}
        DialectArg::Header => return super::dialect::sign_header(args, settings),
        DialectArg::V3 => return super::dialect::sign_v3(args, settings),
    }
    super::dialect::refuse_dialect_flags(args)?;
    if args.timestamp.is_some() && args.method.is_none() {
        return Err(Error::usage_with_hint(
            "--timestamp needs --method (or --dialect v3)",
            "add --method METHOD to build a whole gateway request at that time",
        )
        .into());
    }
    let out = settings.output();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for raw in &args.params {
        let (name, value) = raw.split_once('=').ok_or_else(|| {
            Error::usage_with_hint(
                format!("{raw:?} is not a parameter"),
                "give parameters as NAME=VALUE, e.g. grant_type=authorization_code",
            )
        })?;
        pairs.push((name.to_string(), value.to_string()));
    }
    if let Some(format) = args.stdin {
        let input = read_input(Some(std::path::Path::new("-")), "parameters")?;
        pairs.extend(stdin_params(&input, format, settings.charset().value)?);
    }
    if pairs.is_empty() && args.method.is_none() {
        return Err(Error::usage_with_hint(
            "nothing to sign",
            "give parameters as NAME=VALUE, --stdin form|json, or --method to build a gateway request",
        )
        .into());
    }
    let mut params = Params::from_pairs(pairs).map_err(Error::from)?;
    if params.remove("sign").is_some() {
        out.warn("the given `sign` parameter was left out: it is never part of the string to sign");
    }

    let sign_type = agree(
        settings.sign_type(),
        params.get("sign_type"),
        "sign_type",
        "--sign-type",
    )?;
    let charset = agree(
        settings.charset(),
        params.get("charset"),
        "charset",
        "--charset",
    )?;

    if let Some(method) = &args.method {
        let timestamp = match &args.timestamp {
            Some(t) => {
                parse_timestamp(t).map_err(|_| {
                    Error::usage_with_hint(
                        format!("timestamp {t:?} is not in the gateway's format"),
                        "write it as \"yyyy-MM-dd HH:mm:ss\" in Beijing time, e.g. \"2024-01-02 03:04:05\"",
                    )
                })?;
                t.trim().to_string()
            }
            None => now_timestamp(),
        };
        let common = Common {
            app_id: settings.require_app_id()?,
            charset,
            sign_type,
            timestamp,
        };
        let cert = settings.cert_mode()?;
        // Given parameters win over the generated ones: the user may be
        // reproducing a request exactly.
        let mut all = request_params(method, &common, cert.as_ref().map(|c| &c.mode));
        for (k, v) in params.iter() {
            all.set(k, v);
        }
        params = all;
    }

    let key = settings.require_private_key()?;
    if let Some(note) = &key.info().label_mismatch {
        out.warn(format!("app private key: {note}; accepted"));
    }
    let signed = sign_params(&params, &key, sign_type, charset)
        .map_err(Error::from)
        .context("cannot sign")?;

    let mut with_sign = params.clone();
    with_sign.set("sign", signed.sign.clone());
    // Empty values are never sent (and never signed).
    let query = form::encode(with_sign.iter().filter(|(_, v)| !v.is_empty()), charset)
        .map_err(Error::from)?;

    if out.is_json() {
        let params_json: serde_json::Map<String, serde_json::Value> = params
            .iter()
            .map(|(k, v)| (k.to_string(), json!(v)))
            .collect();
        out.json(&json!({
            "sign_type": sign_type.label(),
            "charset": charset.label(),
            "sign_content": signed.content,
            "sign": signed.sign,
            "params": params_json,
            "query": query,
        }));
    } else if out.quiet {
        out.result(&signed.sign);
    } else {
        let (shown, invisible) = visible(&signed.content);
        out.result(format!(
            "{} ({}, {} bytes):",
            out.paint("string to sign", "1"),
            charset,
            signed.bytes.len()
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
            hex(&Sha256::digest(&signed.bytes))
        ));
        out.result(format!(
            "{} {} (fingerprint of its public key {})",
            out.paint("key:", "1"),
            key.info(),
            key.public_key().fingerprint()
        ));
        out.result(format!(
            "{} ({}, {}):",
            out.paint("signature", "1"),
            sign_type.label(),
            sign_type.java_name()
        ));
        out.result(&signed.sign);
    }
    Ok(ExitStatus::Success)
}

/// Parameters piped in as a form string or a JSON object.
fn stdin_params(
    input: &[u8],
    format: StdinFormat,
    charset: Charset,
) -> Result<Vec<(String, String)>, Error> {
    match format {
        StdinFormat::Form => {
            let charset = form::peek(input, "charset")
                .and_then(|c| c.parse().ok())
                .unwrap_or(charset);
            Ok(form::decode(input, charset)?)
        }
        StdinFormat::Json => json_param_pairs(input).map_err(|e| match e {
            JsonParamsError::NotObject => {
                Error::usage("standard input must be a JSON object of parameters")
            }
            JsonParamsError::Syntax(e) => Error::usage_with_hint(
                format!("standard input is not valid JSON: {e}"),
                "give a JSON object such as {\"grant_type\":\"authorization_code\"}",
            ),
        }),
    }
}

/// Reconciles a setting with the value a parameter declares. A parameter
/// sets it unless the user chose otherwise explicitly, which is an error:
/// signing with one value while declaring another fails at the gateway.
fn agree<T>(
    setting: &Sourced<T>,
    declared: Option<&str>,
    name: &str,
    flag: &str,
) -> Result<T, Error>
where
    T: Copy + PartialEq + std::str::FromStr + Labelled,
    T::Err: std::fmt::Display,
{
    let Some(declared) = declared else {
        return Ok(setting.value);
    };
    let parsed: T = declared
        .parse()
        .map_err(|e: T::Err| Error::usage(format!("parameter {name}: {e}")))?;
    if setting.is_explicit() && parsed != setting.value {
        return Err(Error::usage_with_hint(
            format!(
                "parameter {name}={declared} disagrees with {} (from {})",
                setting.value.label(),
                setting.source
            ),
            format!("drop one of them: the {name} parameter must name what {flag} signs with"),
        ));
    }
    Ok(parsed)
}

/// Settings that have a wire label.
trait Labelled {
    fn label(&self) -> &'static str;
}

impl Labelled for SignType {
    fn label(&self) -> &'static str {
        SignType::label(*self)
    }
}

impl Labelled for Charset {
    fn label(&self) -> &'static str {
        Charset::label(*self)
    }
}
