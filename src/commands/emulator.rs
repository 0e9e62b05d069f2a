//! `alipay-oauth emulator`: a local Alipay in the foreground.

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use super::report::{self, Report};
use crate::cli::EmulatorArgs;
use crate::cli::settings::Settings;
use crate::demo_flow::DEMO_APP_ID;
use crate::emulator::state::Lifetimes;
use crate::emulator::{AppConfig, Emulator, EmulatorConfig, apps_file};
use crate::error::Error;
use crate::files;
use crate::sign::key::{KeyFormat, pem_label, to_pem};
use crate::sign::{PrivateKey, PublicKey};
use crate::trace::Tracer;
use crate::ui::failure::ExitStatus;
use crate::ui::output::Output;

/// Request log lines on stderr: one per request unless -q, more with -v.
struct RequestLog(Output);

impl Tracer for RequestLog {
    fn trace(&self, level: u8, line: &str) {
        if !self.0.quiet && self.0.verbose.saturating_add(1) >= level {
            eprintln!("{line}");
        }
    }
}

fn public_pem(key: &PublicKey) -> Result<String, Error> {
    Ok(to_pem(
        &key.to_der(KeyFormat::Spki)?,
        pem_label(crate::sign::key::KeyKind::Public, KeyFormat::Spki),
    ))
}

pub fn run(args: &EmulatorArgs, settings: &Settings) -> anyhow::Result<ExitStatus> {
    let out = settings.output();
    let config = config(args, settings)?;
    if let Some(path) = &args.alipay_public_key_out {
        std::fs::write(path, public_pem(&config.alipay_key.public_key())?).map_err(|e| {
            Error::usage(format!(
                "cannot write {}: {}",
                path.display(),
                crate::files::read::io_reason(&e)
            ))
        })?;
    }
    let apps = config.apps.clone();
    let emulator = Emulator::start(config, Arc::new(RequestLog(out)))?;
    let alipay_pem = public_pem(emulator.alipay_public_key())?;
    if let (Some(dir), Some(issued)) = (&args.cert_dir, emulator.certificates()) {
        write_certs(dir, issued)?;
    }
    let ca_file = match (&args.tls, emulator.tls_ca_pem()) {
        (Some(dir), Some(pem)) => Some(write_ca(dir, pem)?),
        _ => None,
    };
    let alipay_bare =
        crate::sign::key::to_bare(&emulator.alipay_public_key().to_der(KeyFormat::Spki)?);
    report::render(
        &out,
        &Started {
            emulator: &emulator,
            apps: &apps,
            args,
            ca_file,
            alipay_bare,
            alipay_pem,
        },
    );
    emulator.wait();
    Ok(ExitStatus::Success)
}

/// A started emulator: where it listens and what clients need.
struct Started<'a> {
    emulator: &'a Emulator,
    apps: &'a [AppConfig],
    args: &'a EmulatorArgs,
    ca_file: Option<std::path::PathBuf>,
    alipay_bare: String,
    alipay_pem: String,
}

impl Report for Started<'_> {
    fn json(&self) -> serde_json::Value {
        json!({
            "base_url": self.emulator.base_url(),
            "gateway": self.emulator.gateway_url(),
            "authorize_url": self.emulator.authorize_url(),
            "alipay_public_key": self.alipay_bare,
            "alipay_public_key_file": self.args.alipay_public_key_out,
            "tls": self.ca_file.as_ref().map(|f| json!({"ca_file": f})),
            "certificates": self.emulator.certificates().map(|c| json!({
                "dir": self.args.cert_dir,
                "alipay_root_cert_sn": c.root_sn,
                "alipay_cert_sn": c.alipay_sn,
                "app_cert_sn": c.app_sns,
            })),
            "apps": self.apps.iter().map(|a| json!({
                "app_id": a.app_id,
                "id_mode": a.id_mode.label(),
                "member_info": a.member_info,
                "redirect_domains": a.redirect_domains,
                "public_key_fingerprint": a.public_key.fingerprint(),
            })).collect::<Vec<_>>(),
        })
    }

    /// The base URL alone, for scripts.
    fn quiet(&self, out: &Output) {
        out.result(self.emulator.base_url());
    }

    fn human(&self, out: &Output) {
        out.result(format!(
            "Alipay emulator listening on {}",
            self.emulator.base_url()
        ));
        out.result(format!(
            "  authorization page  {}",
            self.emulator.authorize_url()
        ));
        out.result(format!(
            "  gateway             {}",
            self.emulator.gateway_url()
        ));
        for a in self.apps {
            let domains = if a.redirect_domains.is_empty() {
                "loopback".to_string()
            } else {
                a.redirect_domains.join(", ")
            };
            out.result(format!(
                "  app                 {} ({} ids, member info {}, callbacks on {domains})",
                a.app_id,
                a.id_mode.label(),
                if a.member_info { "on" } else { "off" }
            ));
        }
        if let (Some(dir), Some(c)) = (&self.args.cert_dir, self.emulator.certificates()) {
            out.result(format!(
                "  certificates        in {} (root SN {}, Alipay SN {})",
                dir.display(),
                c.root_sn,
                c.alipay_sn
            ));
        }
        if let Some(f) = &self.ca_file {
            out.result(format!(
                "  TLS CA              {} (clients: SSL_CERT_FILE={})",
                f.display(),
                f.display()
            ));
        }
        match &self.args.alipay_public_key_out {
            Some(p) => out.result(format!("  Alipay public key   written to {}", p.display())),
            None => {
                out.result("  Alipay public key (verify responses with it):");
                out.result(self.alipay_pem.trim_end());
            }
        }
        let default_base = crate::endpoints::emulator_base(crate::endpoints::DEFAULT_EMULATOR_PORT);
        if self.emulator.base_url().trim_end_matches('/') == default_base {
            out.result("Clients: alipay-oauth --env emulator ...");
        } else {
            // Any other address: one setting moves both URLs of --env self.emulator.
            out.result(format!(
                "Clients: alipay-oauth --env emulator --emulator-url {} ...  (or ALIPAY_EMULATOR_URL)",
                self.emulator.base_url().trim_end_matches('/')
            ));
        }
        out.info("Ctrl-C stops it.");
    }
}

/// Writes the throwaway TLS CA as `DIR/ca.pem` and returns its absolute
/// path. Only the CA leaves the process; the server key stays in memory.
fn write_ca(dir: &std::path::Path, pem: &str) -> Result<std::path::PathBuf, Error> {
    let failed = |path: &std::path::Path, e: std::io::Error| {
        Error::usage(format!(
            "cannot write {}: {}",
            path.display(),
            crate::files::read::io_reason(&e)
        ))
    };
    std::fs::create_dir_all(dir).map_err(|e| failed(dir, e))?;
    let dir = std::path::absolute(dir).map_err(|e| failed(dir, e))?;
    let path = dir.join("ca.pem");
    std::fs::write(&path, pem).map_err(|e| failed(&path, e))?;
    Ok(path)
}

/// Writes the certificates of certificate mode, named as Alipay names them.
fn write_certs(
    dir: &std::path::Path,
    issued: &crate::emulator::certs::IssuedCerts,
) -> Result<(), Error> {
    let write = |name: String, pem: &str| {
        std::fs::write(dir.join(&name), pem).map_err(|e| {
            Error::usage(format!(
                "cannot write {}: {}",
                dir.join(&name).display(),
                crate::files::read::io_reason(&e)
            ))
        })
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::usage(format!(
            "cannot create {}: {}",
            dir.display(),
            crate::files::read::io_reason(&e)
        ))
    })?;
    write("alipayRootCert.crt".into(), &issued.root_pem)?;
    write("alipayCertPublicKey_RSA2.crt".into(), &issued.alipay_pem)?;
    for (app_id, pem) in &issued.app_pems {
        write(format!("appCertPublicKey_{app_id}.crt"), pem)?;
    }
    Ok(())
}

fn config(args: &EmulatorArgs, settings: &Settings) -> anyhow::Result<EmulatorConfig> {
    let out = settings.output();
    let mut apps = match &args.apps_file {
        Some(p) => apps_file::load(p, args.id_mode)?,
        None => Vec::new(),
    };
    let app_id = settings
        .app_id()
        .map(|a| a.value.clone())
        .unwrap_or_else(|| DEMO_APP_ID.to_string());
    let single_key = if let Some(path) = &args.generate_app_key {
        let key = PrivateKey::generate(2048)?;
        let der = key.to_der(KeyFormat::Pkcs8)?;
        files::secret::write(path, to_pem(&der, "PRIVATE KEY").as_bytes(), false)?;
        out.info(format!(
            "wrote a new app private key to {} (mode 0600)",
            path.display()
        ));
        Some(key.public_key())
    } else if let Some(path) = &args.app_public_key_file {
        let bytes = crate::files::read::read_input_file(path, crate::files::KEY_FILE_LIMIT)?;
        Some(PublicKey::parse(&bytes).map_err(Error::from).map_err(|e| {
            anyhow::Error::from(e).context(format!("--app-public-key-file {}", path.display()))
        })?)
    } else if apps.is_empty() {
        // The app's own private key (--private-key-file) gives its public key.
        settings.private_key()?.map(|k| k.public_key())
    } else {
        None
    };
    if let Some(public_key) = single_key {
        if apps.iter().any(|a| a.app_id == app_id) {
            return Err(Error::usage(format!("app {app_id} is registered twice")).into());
        }
        apps.push(AppConfig {
            name: format!("App {app_id}"),
            app_id,
            public_key,
            redirect_domains: args.redirect_domain.clone(),
            id_mode: args.id_mode,
            member_info: !args.no_member_info,
            group: None,
        });
    }
    let alipay_key = match &args.alipay_private_key_file {
        Some(path) => {
            let bytes = crate::files::read::read_input_file(path, crate::files::KEY_FILE_LIMIT)?;
            PrivateKey::parse(&bytes)
                .map_err(Error::from)
                .map_err(|e| {
                    anyhow::Error::from(e)
                        .context(format!("--alipay-private-key-file {}", path.display()))
                })?
        }
        None => PrivateKey::generate(2048)?,
    };
    if !args.bind.is_loopback() {
        out.warn(format!(
            "listening on {}: the emulator is reachable from the network",
            args.bind
        ));
    }
    let mut config = EmulatorConfig::new(apps, alipay_key);
    config.bind = args.bind;
    if let Some(port) = args.port {
        config.port = port;
    }
    config.auto_approve = args.auto_approve;
    config.allow_loopback = !args.strict_redirects;
    config.lifetimes = Lifetimes {
        code: Duration::from_secs(args.code_ttl),
        access: Duration::from_secs(args.token_ttl),
        refresh: Duration::from_secs(args.refresh_ttl),
        ..Lifetimes::default()
    };
    config.timestamp_window = Duration::from_secs(args.timestamp_window);
    config.threads = args.threads;
    config.limits = crate::http_server::Limits {
        header_timeout: Duration::from_secs(args.header_timeout),
        body_timeout: Duration::from_secs(args.body_timeout),
        idle_timeout: Duration::from_secs(args.idle_timeout),
        max_connections: args.max_connections,
        ..crate::http_server::Limits::default()
    };
    config.tls = args.tls.is_some();
    config.faults = args.fault.clone();
    config.certificates = args.cert_dir.is_some();
    Ok(config)
}
