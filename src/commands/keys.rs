//! `alipay-oauth keys`: generate, derive, convert, match and inspect keys,
//! and compute certificate SNs.

use std::io::IsTerminal;
use std::path::Path;

use serde_json::json;

use super::read_input;
use crate::cli::settings::{Settings, read_input_file};
use crate::cli::{EncodingArg, FormatArg, KeysCommand, PrivateFormatArg};
use crate::error::Error;
use crate::files;
use crate::sign::cert;
use crate::sign::key::{KeyFormat, KeyKind, KeyMaterial, pem_label, to_bare, to_pem};
use crate::sign::{PrivateKey, PublicKey};
use crate::ui::failure::{ExitStatus, Failure};
use crate::ui::output::Output;

pub fn run(cmd: &KeysCommand, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    match cmd {
        KeysCommand::Generate {
            bits,
            format,
            encoding,
            out: path,
            force,
        } => generate(&out, *bits, *format, *encoding, path, *force),
        KeysCommand::Public { encoding, file } => {
            let public = public_of(&material(file.as_deref())?)?;
            emit(
                &out,
                &encode(
                    &public.to_der(KeyFormat::Spki)?,
                    KeyKind::Public,
                    KeyFormat::Spki,
                    *encoding,
                ),
            )?;
            Ok(ExitStatus::Success)
        }
        KeysCommand::Convert {
            to,
            encoding,
            out: path,
            force,
            file,
        } => convert(
            &out,
            &material(file.as_deref())?,
            *to,
            *encoding,
            path.as_deref(),
            *force,
        ),
        KeysCommand::Match { public_key_file } => {
            matches(&out, settings, public_key_file.as_deref())
        }
        KeysCommand::Inspect { file } => inspect(&out, file.as_deref()),
        KeysCommand::CertSn { root, file } => {
            let bytes = read_input_file(file, 4 << 20)?;
            let bad = |e: cert::CertError| Error::usage(format!("{}: {e}", file.display()));
            if *root {
                let sn = cert::root_cert_sn(&bytes).map_err(bad)?;
                if out.is_json() {
                    out.json(&json!({ "root_sn": sn }));
                } else {
                    out.result(sn);
                }
            } else {
                let sn = cert::cert_sn(&bytes).map_err(bad)?;
                if out.is_json() {
                    out.json(&json!({ "sn": sn }));
                } else {
                    out.result(sn);
                }
            }
            Ok(ExitStatus::Success)
        }
    }
}

/// Key material from a file or standard input.
fn material(file: Option<&Path>) -> anyhow::Result<KeyMaterial> {
    let bytes = zeroize::Zeroizing::new(read_input(file, "key")?);
    Ok(KeyMaterial::parse(&bytes).map_err(Error::from)?)
}

fn public_of(m: &KeyMaterial) -> Result<PublicKey, Error> {
    Ok(match m {
        KeyMaterial::Private(k) => k.public_key(),
        KeyMaterial::Public(k) => k.clone(),
        KeyMaterial::Certificate(der) => PublicKey::from_certificate_der(der)?,
    })
}

/// DER written in the chosen encoding.
fn encode(der: &[u8], kind: KeyKind, format: KeyFormat, encoding: EncodingArg) -> Vec<u8> {
    match encoding {
        EncodingArg::Pem => to_pem(der, pem_label(kind, format)).into_bytes(),
        EncodingArg::Bare => format!("{}\n", to_bare(der)).into_bytes(),
        EncodingArg::Der => der.to_vec(),
    }
}

/// Writes a result to stdout, refusing binary DER on a terminal.
fn emit(out: &Output, bytes: &[u8]) -> Result<(), Error> {
    if std::io::stdout().is_terminal() && std::str::from_utf8(bytes).is_err() {
        return Err(Error::usage_with_hint(
            "DER is binary and stdout is a terminal",
            "redirect stdout to a file, or use --out FILE",
        ));
    }
    let _ = out;
    crate::ui::output::write_stdout(bytes);
    Ok(())
}

fn generate(
    out: &Output,
    bits: usize,
    format: PrivateFormatArg,
    encoding: EncodingArg,
    path: &Path,
    force: bool,
) -> anyhow::Result<ExitStatus> {
    if !(2048..=4096).contains(&bits) {
        return Err(Error::usage_with_hint(
            format!("--bits {bits} is not supported"),
            "Alipay needs RSA-2048 (up to 4096) for RSA2",
        )
        .into());
    }
    if !force && path.exists() {
        return Err(Error::usage_with_hint(
            format!("{} already exists", path.display()),
            "choose another file, or pass --force to replace it",
        )
        .into());
    }
    out.info(format!("generating an RSA-{bits} key pair..."));
    let key = PrivateKey::generate(bits)?;
    let format = match format {
        PrivateFormatArg::Pkcs8 => KeyFormat::Pkcs8,
        PrivateFormatArg::Pkcs1 => KeyFormat::Pkcs1,
    };
    let der = key.to_der(format)?;
    let private = zeroize::Zeroizing::new(encode(&der, KeyKind::Private, format, encoding));
    files::secret::write(path, &private, force)?;
    let public = key.public_key();
    let public_der = public.to_der(KeyFormat::Spki)?;
    let public_text = match encoding {
        EncodingArg::Der => to_bare(&public_der) + "\n",
        _ => String::from_utf8(encode(
            &public_der,
            KeyKind::Public,
            KeyFormat::Spki,
            encoding,
        ))
        .expect("PEM and base64 are text"),
    };
    if out.is_json() {
        out.json(&json!({
            "private_key_file": path,
            "format": format.name(),
            "encoding": format!("{encoding:?}").to_lowercase(),
            "bits": bits,
            "public_key": to_bare(&public_der),
            "fingerprint": public.fingerprint(),
        }));
    } else {
        out.info(format!(
            "wrote the private key ({}, {}) to {} (mode 0600): keep it secret",
            format.name(),
            format!("{encoding:?}").to_lowercase(),
            path.display()
        ));
        out.info("upload this public key in the Alipay console (接口加签方式 → 公钥):");
        out.result(public_text.trim_end());
    }
    Ok(ExitStatus::Success)
}

fn convert(
    out: &Output,
    m: &KeyMaterial,
    to: FormatArg,
    encoding: EncodingArg,
    path: Option<&Path>,
    force: bool,
) -> anyhow::Result<ExitStatus> {
    let (bytes, secret) = match (m, to) {
        (KeyMaterial::Private(k), FormatArg::Pkcs1 | FormatArg::Pkcs8) => {
            let format = if to == FormatArg::Pkcs1 {
                KeyFormat::Pkcs1
            } else {
                KeyFormat::Pkcs8
            };
            (
                encode(&k.to_der(format)?, KeyKind::Private, format, encoding),
                true,
            )
        }
        (_, FormatArg::Spki) => {
            let p = public_of(m)?;
            (
                encode(
                    &p.to_der(KeyFormat::Spki)?,
                    KeyKind::Public,
                    KeyFormat::Spki,
                    encoding,
                ),
                false,
            )
        }
        (KeyMaterial::Public(_) | KeyMaterial::Certificate(_), FormatArg::Pkcs1) => {
            let p = public_of(m)?;
            (
                encode(
                    &p.to_der(KeyFormat::Pkcs1)?,
                    KeyKind::Public,
                    KeyFormat::Pkcs1,
                    encoding,
                ),
                false,
            )
        }
        (_, FormatArg::Pkcs8) => {
            return Err(Error::usage_with_hint(
                "a public key cannot be written as PKCS#8 (a private-key format)",
                "use --to spki (BEGIN PUBLIC KEY) or --to pkcs1 (BEGIN RSA PUBLIC KEY)",
            )
            .into());
        }
    };
    let bytes = zeroize::Zeroizing::new(bytes);
    match path {
        Some(p) if secret => files::secret::write(p, &bytes, force)?,
        Some(p) => {
            if !force && p.exists() {
                return Err(Error::usage_with_hint(
                    format!("{} already exists", p.display()),
                    "pass --force to replace it",
                )
                .into());
            }
            std::fs::write(p, &*bytes).map_err(|e| {
                Error::usage(format!(
                    "cannot write {}: {}",
                    p.display(),
                    crate::files::read::io_reason(&e)
                ))
            })?;
        }
        None => emit(out, &bytes)?,
    }
    Ok(ExitStatus::Success)
}

fn matches(
    out: &Output,
    settings: &Settings,
    public_key_file: Option<&Path>,
) -> anyhow::Result<ExitStatus> {
    let private = settings.require_private_key()?;
    let own = private.public_key();
    let (other, what) = match public_key_file {
        Some(p) => {
            let bytes = read_input_file(p, 4 << 20)?;
            let m = KeyMaterial::parse(&bytes).map_err(Error::from)?;
            (public_of(&m)?, p.display().to_string())
        }
        None => (
            settings.require_alipay_public_key()?,
            "the configured Alipay public key".to_string(),
        ),
    };
    let pair = own.same_key(&other);
    // Comparing with the Alipay public key is a check that they differ.
    let checking_alipay = public_key_file.is_none();
    let ok = if checking_alipay { !pair } else { pair };
    let failure = (!ok).then(|| Error::Invalid {
        message: if checking_alipay {
            "the Alipay public key is the app's own public key".into()
        } else {
            "the keys are not a pair".into()
        },
    });
    if out.is_json() {
        // One document on stdout says it all, the failure included; the
        // exit status still tells it to `$?`.
        out.json(&json!({
            "match": pair,
            "private_key_fingerprint": own.fingerprint(),
            "public_key_fingerprint": other.fingerprint(),
            "alipay_key_is_app_key": checking_alipay && pair,
            "error": failure.as_ref().map(|e| json!({
                "kind": e.kind(),
                "message": e.to_string(),
                "hint": e.hint(),
            })),
        }));
        return Ok(failure.map_or(ExitStatus::Success, |e| e.exit_status()));
    }
    if checking_alipay {
        if pair {
            out.result(format!(
                "{} {what} is the app's own public key: use the \"Alipay public key\" (支付宝公钥) from the console",
                out.paint("✗", "1;31")
            ));
        } else {
            out.result(format!(
                "{} {what} is not the app's own key (as it should be)",
                out.paint("✓", "1;32")
            ));
        }
    } else if pair {
        out.result(format!(
            "{} the private key and {what} are a pair",
            out.paint("✓", "1;32")
        ));
    } else {
        out.result(format!(
            "{} the private key and {what} are not a pair (fingerprints {} and {})",
            out.paint("✗", "1;31"),
            own.fingerprint(),
            other.fingerprint()
        ));
    }
    match failure {
        None => Ok(ExitStatus::Success),
        Some(e) => Err(e.into()),
    }
}

fn inspect(out: &Output, file: Option<&Path>) -> anyhow::Result<ExitStatus> {
    let bytes = read_input(file, "key or certificate")?;
    let m = KeyMaterial::parse(&bytes).map_err(Error::from)?;
    let mut doc = match &m {
        KeyMaterial::Private(k) => json!({
            "kind": "private",
            "format": k.info().format,
            "encoding": k.info().encoding,
            "bits": k.bits(),
            "fingerprint": k.public_key().fingerprint(),
        }),
        KeyMaterial::Public(k) => json!({
            "kind": "public",
            "format": k.info().format,
            "encoding": k.info().encoding,
            "bits": k.bits(),
            "fingerprint": k.fingerprint(),
        }),
        KeyMaterial::Certificate(_) => return inspect_certificates(out, &bytes),
    };
    let note = match &m {
        KeyMaterial::Private(k) => k.info().label_mismatch.clone(),
        KeyMaterial::Public(k) => k.info().label_mismatch.clone(),
        KeyMaterial::Certificate(_) => None,
    };
    if let Some(n) = &note {
        doc["note"] = json!(n);
    }
    if out.is_json() {
        out.json(&doc);
    } else {
        for (k, v) in doc.as_object().expect("an object") {
            let v = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            out.result(format!("{k:<12} {v}"));
        }
    }
    Ok(ExitStatus::Success)
}

/// One certificate of a file, for `keys inspect`.
fn certificate_json(c: &cert::CertInfo, now: u64) -> serde_json::Value {
    json!({
        "subject": c.subject,
        "issuer": c.issuer,
        "serial": c.serial,
        "sn": c.sn,
        "signature_algorithm": c.signature_algorithm_name(),
        "key_algorithm": c.key_algorithm,
        "bits": c.bits,
        "bits_note": (c.bits.is_none()).then(|| format!("no size known for a {} key", c.key_algorithm)),
        "fingerprint": c.fingerprint,
        "not_before": c.not_before,
        "not_after": c.not_after,
        "expired": c.expired_at(now),
        "not_yet_valid": c.not_yet_valid_at(now),
        // alipay_root_cert_sn joins the SNs of the RSA-signed certificates.
        "in_root_sn": c.rsa_signed,
    })
}

/// Every certificate of a file (a root bundle holds several), each with its
/// dates checked.
fn inspect_certificates(out: &Output, bytes: &[u8]) -> anyhow::Result<ExitStatus> {
    let ders = cert::certificates(bytes).map_err(|e| Error::usage(e.to_string()))?;
    let infos = ders
        .iter()
        .enumerate()
        .map(|(i, d)| cert::info(d, i + 1))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::usage(e.to_string()))?;
    let now = cert::now_unix();
    let first = &infos[0];
    let certificates: Vec<serde_json::Value> =
        infos.iter().map(|c| certificate_json(c, now)).collect();
    let encoding = cert::encoding_of(bytes);
    let root_sn = cert::root_cert_sn(bytes).ok();
    let expired: Vec<usize> = (0..infos.len())
        .filter(|&i| infos[i].expired_at(now))
        .collect();
    if out.is_json() {
        // The first certificate's fields stay at the top, as for a single one.
        let mut doc = json!({
            "kind": "certificate",
            "format": "x509",
            "encoding": encoding,
            "bits": first.bits,
            "fingerprint": first.fingerprint,
            "subject": first.subject,
            "issuer": first.issuer,
            "serial": first.serial,
            "sn": first.sn,
            "not_after": first.not_after,
            "count": infos.len(),
            "expired_count": expired.len(),
            "certificates": certificates,
        });
        if infos.len() > 1 {
            doc["root_sn"] = json!(root_sn);
        }
        out.json(&doc);
    } else {
        out.result(format!(
            "{:<12} {}",
            "kind",
            if infos.len() == 1 {
                "certificate".to_string()
            } else {
                format!("certificate bundle, {} certificates", infos.len())
            }
        ));
        out.result(format!("{:<12} x509, {}", "format", encoding.name()));
        if infos.len() > 1 {
            out.result(format!(
                "{:<12} {}",
                "root_sn",
                root_sn
                    .as_deref()
                    .unwrap_or("(none: no RSA-signed certificate)")
            ));
        }
        for (i, c) in infos.iter().enumerate() {
            let lead = if infos.len() > 1 {
                out.result(format!("[{}] {}", i + 1, out.paint(&c.subject, "1")));
                "    "
            } else {
                out.result(format!("{:<12} {}", "subject", c.subject));
                ""
            };
            let size = match c.bits {
                Some(b) => format!("{b} bits"),
                None => "size unknown".into(),
            };
            let validity = if c.expired_at(now) {
                out.paint("EXPIRED", "1;31")
            } else if c.not_yet_valid_at(now) {
                out.paint("NOT YET VALID", "1;33")
            } else {
                "valid".into()
            };
            let rows = [
                ("issuer", c.issuer.clone()),
                (
                    "algorithm",
                    format!(
                        "{} key, {size}; signed {}{}",
                        c.key_algorithm,
                        c.signature_algorithm_name(),
                        if infos.len() > 1 && !c.rsa_signed {
                            " (not in root_sn)"
                        } else {
                            ""
                        }
                    ),
                ),
                ("serial", c.serial.clone()),
                ("sn", c.sn.clone()),
                (
                    "validity",
                    format!("{} to {}: {validity}", c.not_before, c.not_after),
                ),
                ("fingerprint", c.fingerprint.clone()),
            ];
            for (k, v) in rows {
                out.result(format!("{lead}{k:<12} {v}"));
            }
        }
    }
    for i in expired {
        out.warn(format!(
            "certificate {} ({}) expired on {}",
            i + 1,
            infos[i].subject,
            infos[i].not_after
        ));
    }
    Ok(ExitStatus::Success)
}
