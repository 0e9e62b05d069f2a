//! `alipay-oauth doctor`: checks the effective configuration, one line per
//! check with a mark and a fix.

use std::time::Instant;

use serde_json::json;

use crate::cli::DoctorArgs;
use crate::cli::settings::{Settings, read_input_file};
use crate::endpoints::Environment;
use crate::error::Error;
use crate::gateway::Client;
use crate::gateway::http::{HttpSetupError, build_client, certificate_error, root_cause};
use crate::gateway::network::NetworkError;
use crate::protocol::v2::format_timestamp;
use crate::secret::AuthCode;
use crate::sign::cert;
use crate::sign::key::KeyMaterial;
use crate::sign::{PrivateKey, PublicKey, SignType};
use crate::ui::failure::{ExitStatus, Failure};
use crate::ui::failure::{UNTRUSTED_CERT_HINT, alipay_hint};
use crate::ui::output::Output;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Ok,
    Warn,
    Fail,
    Skip,
}

struct Check {
    name: &'static str,
    status: Status,
    detail: String,
    fix: Option<String>,
    /// A network failure (exit 3) rather than a configuration one (exit 2).
    network: bool,
    /// Lines shown under the check (the strings to sign of a refused call).
    lines: Vec<String>,
}

fn check(
    name: &'static str,
    status: Status,
    detail: impl Into<String>,
    fix: Option<&str>,
) -> Check {
    Check {
        name,
        status,
        detail: detail.into(),
        fix: fix.map(str::to_string),
        network: false,
        lines: Vec::new(),
    }
}

/// A failed check from an error, with the error's own hint as the fix.
fn failed(name: &'static str, e: anyhow::Error) -> Check {
    let e = crate::ui::failure::lift(e);
    let hint = e
        .chain()
        .find_map(|c| c.downcast_ref::<Error>())
        .and_then(Error::hint);
    check(name, Status::Fail, format!("{e:#}"), hint.as_deref())
}

/// How far the local clock may drift before the gateway refuses requests.
const CLOCK_FAIL: i64 = 15 * 60;
const CLOCK_WARN: i64 = 60;

pub fn run(args: &DoctorArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let mut checks = Vec::new();

    checks.push(match &settings.config_path() {
        Some(p) if p.exists() => check(
            "config",
            Status::Ok,
            format!(
                "{}{}",
                p.display(),
                settings
                    .profile()
                    .map(|n| format!(", profile {n:?}"))
                    .unwrap_or_default()
            ),
            None,
        ),
        _ => check(
            "config",
            Status::Ok,
            "no config file: flags, environment and defaults only",
            None,
        ),
    });

    let env = settings.environment().value;
    checks.push(match &settings.app_id() {
        None => check("app id", Status::Fail, "not set", Some("pass --app-id, set ALIPAY_APP_ID, or add app_id to a profile")),
        Some(a) => {
            let id = &a.value;
            let sandboxish = id.starts_with("9021") || id.starts_with("2016");
            match env {
                // Antom / Alipay+ client ids are not always digits.
                _ if settings.family().value.is_header() => check(
                    "app id",
                    Status::Ok,
                    format!("{id} (the {} Client-Id)", settings.family().value),
                    None,
                ),
                // What the settings' error hint says of app ids, checked.
                _ if !id.bytes().all(|b| b.is_ascii_digit()) => check(
                    "app id",
                    Status::Fail,
                    format!("{id:?} is not an Alipay APPID: those are digits only, e.g. 2021000000000000"),
                    Some("copy the APPID from the Alipay console (isv.invalid-app-id otherwise)"),
                ),
                Environment::Sandbox if !sandboxish => check(
                    "app id",
                    Status::Warn,
                    format!("{id} does not look like a sandbox app id (they start with 9021 or 2016)"),
                    Some("use the sandbox app's APPID with --env sandbox (isv.invalid-app-id otherwise)"),
                ),
                Environment::Production | Environment::Global if id.starts_with("9021") => check(
                    "app id",
                    Status::Warn,
                    format!("{id} looks like a sandbox app id on the {env} gateway"),
                    Some("use --env sandbox, or the production app's APPID"),
                ),
                _ => check("app id", Status::Ok, format!("{id} ({env})"), None),
            }
        }
    });

    let private = match settings.private_key() {
        Ok(Some(k)) => {
            let mut c = check(
                "private key",
                Status::Ok,
                format!(
                    "{} (public key fingerprint {})",
                    k.info(),
                    k.public_key().fingerprint()
                ),
                None,
            );
            if let Some(note) = &k.info().label_mismatch {
                c.status = Status::Warn;
                c.detail = format!("{}; {note}", c.detail);
                c.fix = Some(
                    "rewrite it with `alipay-oauth keys convert --to pkcs8 --out FILE`".into(),
                );
            }
            checks.push(c);
            Some(k)
        }
        Ok(None) => {
            checks.push(check(
                "private key",
                Status::Fail,
                "not set",
                Some("pass --private-key-file or set ALIPAY_PRIVATE_KEY_FILE"),
            ));
            None
        }
        Err(e) => {
            checks.push(failed("private key", e));
            None
        }
    };

    let sign_type = settings.sign_type().value;
    checks.push(match (&private, sign_type) {
        (Some(k), t) if k.bits() < t.min_bits() => check(
            "sign type",
            Status::Fail,
            format!(
                "{t} needs a key of {} bits or more; this one has {}",
                t.min_bits(),
                k.bits()
            ),
            Some(
                "generate a 2048-bit key (`alipay-oauth keys generate`) and upload its public key",
            ),
        ),
        (_, SignType::Rsa) => check(
            "sign type",
            Status::Warn,
            "RSA (SHA1withRSA) is for legacy apps; Alipay requires RSA2 for apps since 2018",
            Some("use --sign-type RSA2 unless the app is configured for RSA"),
        ),
        (_, t) => check(
            "sign type",
            Status::Ok,
            format!("{t} ({})", t.java_name()),
            None,
        ),
    });

    let alipay = match settings.alipay_verifying_key() {
        Ok((k, sn)) => {
            let source = if sn.is_some() {
                ", from the Alipay certificate"
            } else {
                ""
            };
            let mut c = check(
                "Alipay public key",
                Status::Ok,
                format!("{}{source} (fingerprint {})", k.info(), k.fingerprint()),
                None,
            );
            if let Some(p) = &private
                && p.public_key().same_key(&k)
            {
                c = check(
                    "Alipay public key",
                    Status::Fail,
                    "it is the app's own public key",
                    Some(
                        "use the \"Alipay public key\" (支付宝公钥) from the console, not the app public key",
                    ),
                );
            } else if k.bits() < 2048 {
                c.status = Status::Warn;
                c.detail = format!("{} bits: Alipay's RSA2 key has 2048", k.bits());
                c.fix = Some("copy the Alipay public key for this app again".into());
            }
            checks.push(c);
            Some(k)
        }
        Err(e) => {
            checks.push(failed("Alipay public key", e));
            None
        }
    };

    if let Some(path) = &args.app_public_key_file {
        checks.push(app_public_key_check(path, private.as_ref()));
    }

    checks.push(match settings.cert_mode() {
        Ok(None) => check(
            "certificates",
            Status::Skip,
            "public-key mode (no certificates configured)",
            None,
        ),
        Ok(Some(c)) => match &private {
            Some(p) if !c.app_public_key.same_key(&p.public_key()) => check(
                "certificates",
                Status::Fail,
                "the app certificate does not belong to the private key",
                Some("use the appCertPublicKey_<app_id>.crt issued for this key pair"),
            ),
            _ => check(
                "certificates",
                Status::Ok,
                format!(
                    "app_cert_sn {}, alipay_root_cert_sn {}",
                    c.mode.app_cert_sn, c.mode.alipay_root_cert_sn
                ),
                None,
            ),
        },
        Err(e) => check("certificates", Status::Fail, format!("{e:#}"), None),
    });

    if let Some(c) = certificate_dates(settings) {
        checks.push(c);
    }

    let (gateway_check, clock_check) = reach_gateway(settings);
    let reachable = gateway_check.status == Status::Ok;
    checks.push(gateway_check);
    checks.push(clock_check);

    if args.live {
        checks.push(if !reachable {
            check(
                "live call",
                Status::Skip,
                "the gateway is not reachable",
                None,
            )
        } else if private.is_none() || alipay.is_none() || settings.app_id().is_none() {
            check(
                "live call",
                Status::Skip,
                "needs the app id and both keys",
                None,
            )
        } else {
            if settings.family().value.is_header() {
                live_header_call(settings, &out)
            } else {
                live_call(settings, &out)
            }
        });
    } else {
        checks.push(check(
            "live call",
            Status::Skip,
            if settings.family().value.is_header() {
                "pass --live to call applyToken with a dummy code"
            } else {
                "pass --live to call alipay.system.oauth.token with a dummy code"
            },
            None,
        ));
    }

    render(&out, &checks);
    let failed: Vec<&Check> = checks.iter().filter(|c| c.status == Status::Fail).collect();
    if failed.is_empty() {
        Ok(ExitStatus::Success)
    } else {
        let names = failed.iter().map(|c| c.name).collect::<Vec<_>>().join(", ");
        let message = format!("{} check(s) failed: {names}", failed.len());
        Err(if failed.iter().all(|c| c.network) {
            Error::Network(NetworkError::Checks {
                count: failed.len(),
                names,
            })
        } else {
            Error::usage_with_hint(message, "see the fixes above")
        }
        .into())
    }
}

/// Expired (or not yet valid) certificates: Alipay refuses requests naming
/// an expired app certificate, and answers signed under an expired Alipay
/// certificate cannot be trusted. An expired certificate in the root bundle
/// is only flagged: a bundle may carry retired roots.
fn certificate_dates(settings: &Settings) -> Option<Check> {
    let files = [
        ("app", &settings.app_cert_file(), true),
        ("Alipay", &settings.alipay_cert_file(), true),
        ("root", &settings.alipay_root_cert_file(), false),
    ];
    if files.iter().all(|(_, f, _)| f.is_none()) {
        return None;
    }
    let now = cert::now_unix();
    let (mut fails, mut warns) = (Vec::new(), Vec::new());
    let mut first_to_expire: Option<(u64, String)> = None;
    for (what, file, strict) in files {
        // Unreadable files are the certificates check's to report.
        let Some(bytes) = file
            .as_ref()
            .and_then(|f| read_input_file(&f.value, 4 << 20).ok())
        else {
            continue;
        };
        let Ok(ders) = cert::certificates(&bytes) else {
            continue;
        };
        for (i, der) in ders.iter().enumerate() {
            let Ok(c) = cert::info(der, i + 1) else {
                continue;
            };
            let name = if ders.len() > 1 {
                format!("{what} certificate {} ({})", i + 1, c.subject)
            } else {
                format!("{what} certificate ({})", c.subject)
            };
            if c.expired_at(now) {
                let line = format!("{name} expired on {}", c.not_after);
                if strict {
                    fails.push(line);
                } else {
                    warns.push(line);
                }
            } else if c.not_yet_valid_at(now) {
                fails.push(format!("{name} is not valid before {}", c.not_before));
            } else if first_to_expire
                .as_ref()
                .is_none_or(|(at, _)| c.not_after_unix < *at)
            {
                first_to_expire = Some((c.not_after_unix, format!("{name} on {}", c.not_after)));
            }
        }
    }
    Some(if !fails.is_empty() {
        fails.extend(warns);
        check(
            "certificate dates",
            Status::Fail,
            fails.join("; "),
            Some(
                "download the current certificates from the Alipay console (or check the system clock)",
            ),
        )
    } else if !warns.is_empty() {
        check(
            "certificate dates",
            Status::Warn,
            warns.join("; "),
            Some("download the current alipayRootCert.crt from the Alipay console"),
        )
    } else {
        check(
            "certificate dates",
            Status::Ok,
            match first_to_expire {
                Some((_, first)) => format!("all valid; the first to expire is the {first}"),
                None => "no certificate read".into(),
            },
            None,
        )
    })
}

fn app_public_key_check(path: &std::path::Path, private: Option<&PrivateKey>) -> Check {
    let parsed = read_input_file(path, crate::files::KEY_FILE_LIMIT)
        .map_err(|e| e.to_string())
        .and_then(|b| KeyMaterial::parse(&b).map_err(|e| e.to_string()));
    let public: Result<PublicKey, String> = parsed.and_then(|m| match m {
        KeyMaterial::Public(k) => Ok(k),
        KeyMaterial::Private(_) => Err("this is a private key".into()),
        KeyMaterial::Certificate(der) => {
            PublicKey::from_certificate_der(&der).map_err(|e| e.to_string())
        }
    });
    match (public, private) {
        (Err(e), _) => check(
            "app public key",
            Status::Fail,
            e,
            Some("give the app public key uploaded to the console"),
        ),
        (Ok(_), None) => check(
            "app public key",
            Status::Skip,
            "no private key to compare with",
            None,
        ),
        (Ok(k), Some(p)) if k.same_key(&p.public_key()) => check(
            "app public key",
            Status::Ok,
            "matches the private key",
            None,
        ),
        (Ok(_), Some(_)) => check(
            "app public key",
            Status::Fail,
            "does not match the private key: Alipay will answer isv.invalid-signature",
            Some(
                "upload the public key of this private key (`alipay-oauth keys public`), or use the matching private key",
            ),
        ),
    }
}

/// Reaches the gateway once: DNS, TCP, TLS and proxy in one request, and
/// the server's clock from its `Date` header.
fn reach_gateway(settings: &Settings) -> (Check, Check) {
    let gateway = if settings.family().value.is_header() {
        match settings.header_base() {
            Ok(b) => format!("{}/", b.value),
            Err(e) => {
                return (
                    check("gateway", Status::Fail, e.to_string(), e.hint().as_deref()),
                    clock_not_compared(&format_timestamp(time::OffsetDateTime::now_utc())),
                );
            }
        }
    } else {
        settings.gateway().value.clone()
    };
    let proxied = settings.proxy().any();
    let started = Instant::now();
    let client = build_client(
        settings.connect_timeout(),
        settings.request_timeout(),
        settings.proxy(),
    );
    let beijing = format_timestamp(time::OffsetDateTime::now_utc());
    let client = match client {
        Ok(c) => c,
        Err(e) => {
            // A proxy that is not a URL is configuration (exit 2), as for a call.
            let bad_proxy = matches!(e, HttpSetupError::BadProxy(_));
            let mut c = check(
                "gateway",
                Status::Fail,
                format!("{gateway}: {e}"),
                bad_proxy.then_some("set the proxy like http://proxy.example:3128"),
            );
            c.network = !bad_proxy;
            return (c, clock_not_compared(&beijing));
        }
    };
    match client.get(&gateway).send() {
        Ok(resp) => {
            let elapsed = started.elapsed();
            let via = if proxied { " via the proxy" } else { "" };
            let reach = check(
                "gateway",
                Status::Ok,
                format!(
                    "{gateway} answered HTTP {} in {} ms{via}",
                    resp.status().as_u16(),
                    elapsed.as_millis()
                ),
                None,
            );
            let date = resp
                .headers()
                .get(reqwest::header::DATE)
                .and_then(|d| d.to_str().ok())
                .and_then(httpdate);
            let clock = match date {
                None => check(
                    "clock",
                    Status::Skip,
                    format!("the gateway sent no Date; Beijing time here is {beijing}"),
                    None,
                ),
                Some(server) => {
                    let skew = (time::OffsetDateTime::now_utc() - server).whole_seconds()
                        - elapsed.as_secs() as i64 / 2;
                    let status = match skew.abs() {
                        s if s > CLOCK_FAIL => Status::Fail,
                        s if s > CLOCK_WARN => Status::Warn,
                        _ => Status::Ok,
                    };
                    check(
                        "clock",
                        status,
                        format!("Beijing time here is {beijing}; {skew:+} s from the gateway's clock"),
                        (status != Status::Ok).then_some("synchronise the system clock (NTP): the gateway refuses timestamps far from its own"),
                    )
                }
            };
            (reach, clock)
        }
        Err(e) => {
            let what = if e.is_timeout() {
                "timed out"
            } else if e.is_connect() {
                "cannot connect (DNS, firewall or proxy)"
            } else {
                "the request failed (TLS or proxy)"
            };
            // Named as a call names it, with the same way out.
            let mut c = match certificate_error(&e) {
                Some(tls) => check(
                    "gateway",
                    Status::Fail,
                    format!("{gateway}: the TLS certificate is not trusted: {tls}"),
                    Some(UNTRUSTED_CERT_HINT),
                ),
                None => check(
                    "gateway",
                    Status::Fail,
                    format!("{gateway}: {what}: {}", root_cause(&e)),
                    Some("check --env/--gateway, the network, HTTPS_PROXY and NO_PROXY"),
                ),
            };
            c.network = true;
            (c, clock_not_compared(&beijing))
        }
    }
}

fn clock_not_compared(beijing: &str) -> Check {
    check(
        "clock",
        Status::Skip,
        format!("not compared (gateway unreachable); Beijing time here is {beijing}"),
        None,
    )
}

/// Parses an HTTP date (RFC 7231 IMF-fixdate).
fn httpdate(s: &str) -> Option<time::OffsetDateTime> {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc2822).ok()
}

/// Calls the token API with a dummy code: `isv.code-invalid` proves the app
/// id and the signature are right.
fn live_call(settings: &Settings, out: &Output) -> Check {
    let config = match settings.client_config() {
        Ok(c) => c,
        Err(e) => return check("live call", Status::Fail, format!("{e:#}"), None),
    };
    let client = match Client::new(config, out) {
        Ok(c) => c,
        Err(e) => return check("live call", Status::Fail, e.to_string(), None),
    };
    match client
        .exchange_code(&AuthCode::new("alipay-oauth-doctor-probe"))
        .map_err(Error::from)
    {
        Err(Error::Alipay(e)) if e.sub_code.as_deref() == Some("isv.code-invalid") => check(
            "live call",
            Status::Ok,
            "Alipay accepted the app id and the signature (and refused the dummy code, as it should)",
            None,
        ),
        Err(Error::Alipay(e)) => {
            let mut c = check(
                "live call",
                Status::Fail,
                e.to_string(),
                Some(&alipay_hint(&e)),
            );
            // The same comparison as an `exchange` error shows.
            c.lines = Error::Alipay(e).details();
            c
        }
        Err(e @ Error::Network(_)) => {
            let mut c = check(
                "live call",
                Status::Fail,
                e.to_string(),
                e.hint().as_deref(),
            );
            c.network = true;
            c
        }
        Err(e) => check(
            "live call",
            Status::Fail,
            e.to_string(),
            e.hint().as_deref(),
        ),
        Ok(_) => check(
            "live call",
            Status::Warn,
            "the dummy code was accepted: is this a real gateway?",
            None,
        ),
    }
}

/// Antom / Alipay+: applyToken with a dummy code. A signed, verified
/// refusal of the code proves the client id, the key pair and the wallet's
/// public key.
fn live_header_call(settings: &Settings, out: &Output) -> Check {
    let party = match settings.party() {
        Ok(p) => p.to_string(),
        Err(e) => {
            return check(
                "live call",
                Status::Fail,
                e.to_string(),
                e.hint().as_deref(),
            );
        }
    };
    let client = match super::family::client(settings, out) {
        Ok(c) => c,
        Err(e) => return check("live call", Status::Fail, format!("{e:#}"), None),
    };
    let family = settings.family().value;
    match client
        .apply_code(&AuthCode::new("alipay-oauth-doctor-probe"), &party)
        .map_err(Error::from)
    {
        Err(Error::Result(r))
            if r.signed
                && matches!(
                    r.code.as_str(),
                    "INVALID_CODE" | "EXPIRED_CODE" | "AUTH_CODE_ALREADY_USED"
                ) =>
        {
            check(
                "live call",
                Status::Ok,
                format!(
                    "{family} accepted the client id and the signature, and its signed answer verified (it refused the dummy code, as it should)"
                ),
                None,
            )
        }
        Err(e) => {
            let mut c = check(
                "live call",
                Status::Fail,
                e.to_string(),
                e.hint().as_deref(),
            );
            c.network = e.exit_status() == ExitStatus::Network;
            c.lines = e.details();
            c
        }
        Ok(_) => check(
            "live call",
            Status::Warn,
            "the dummy code was accepted: is this a real gateway?",
            None,
        ),
    }
}

fn render(out: &Output, checks: &[Check]) {
    if out.is_json() {
        out.json(&json!({
            "ok": !checks.iter().any(|c| c.status == Status::Fail),
            "checks": checks.iter().map(|c| json!({
                "name": c.name,
                "status": match c.status { Status::Ok => "ok", Status::Warn => "warn", Status::Fail => "fail", Status::Skip => "skip" },
                "detail": c.detail,
                "fix": c.fix,
                "details": c.lines,
            })).collect::<Vec<_>>(),
        }));
        return;
    }
    let width = checks.iter().map(|c| c.name.len()).max().unwrap_or(0);
    for c in checks {
        let mark = match c.status {
            Status::Ok => out.paint("✓", "1;32"),
            Status::Warn => out.paint("!", "33"),
            Status::Fail => out.paint("✗", "1;31"),
            Status::Skip => out.paint("-", "2"),
        };
        let mut line = format!("{mark} {:<width$}  {}", c.name, c.detail);
        if let Some(fix) = &c.fix {
            line.push_str(&format!(" — {}", out.paint(fix, "2")));
        }
        out.result(line);
        for l in &c.lines {
            out.result(format!("    {l}"));
        }
    }
}
