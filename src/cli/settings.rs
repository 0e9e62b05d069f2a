//! Turns flags, environment variables, the config file and built-in defaults
//! into validated settings, remembering where each value came from.
//! Precedence: flag > environment > profile > default.

use std::fmt;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::ArgMatches;
use clap::parser::ValueSource;

use super::{GlobalArgs, OutputFormat};
use crate::config::{ConfigFile, Profile, resolve_path};
use crate::endpoints::Environment;
use crate::error::Error;
pub use crate::file::{io_reason, read_input_file};
use crate::gateway::client::{CertMode, ClientConfig, ProxyConfig};
use crate::output::Output;
use crate::secret::{KeyText, SecretValue};
use crate::session::Sessions;
use crate::sign::{Charset, PrivateKey, PublicKey, SignType};
use crate::store::{TokenStore, store_key};
use std::time::Duration;

/// Where a setting's value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(&'static str),
    Profile(String),
    /// A key of the config file itself (e.g. `default_profile`).
    Config(&'static str),
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Env(var) => write!(f, "env {var}"),
            Source::Profile(p) => write!(f, "profile {p:?}"),
            Source::Config(key) => write!(f, "config file {key}"),
            Source::Default => f.write_str("default"),
        }
    }
}

/// A value and where it came from.
#[derive(Clone, Debug)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Sourced<T> {
    fn new(value: T, source: Source) -> Self {
        Sourced { value, source }
    }

    /// True when the user chose the value (anything but the built-in default).
    pub fn is_explicit(&self) -> bool {
        self.source != Source::Default
    }
}

/// Where key material comes from.
#[derive(Clone, Debug)]
pub enum KeySource {
    File(PathBuf),
    /// Key text from an environment variable.
    Text {
        var: &'static str,
        text: KeyText,
    },
}

impl fmt::Display for KeySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeySource::File(p) => write!(f, "{}", p.display()),
            KeySource::Text { var, .. } => write!(f, "${var}"),
        }
    }
}

/// The effective settings of one run.
#[derive(Debug, Clone)]
pub struct Settings {
    pub config_path: Option<PathBuf>,
    pub profile: Option<String>,
    pub environment: Sourced<Environment>,
    pub gateway: Sourced<String>,
    pub authorize_url: Sourced<String>,
    /// The emulator's base URL when one was set (else the default port).
    pub emulator_url: Option<Sourced<String>>,
    pub app_id: Option<Sourced<String>>,
    pub private_key: Option<Sourced<KeySource>>,
    pub alipay_public_key: Option<Sourced<KeySource>>,
    pub sign_type: Sourced<SignType>,
    pub charset: Sourced<Charset>,
    /// The keyVersion of the Antom / Alipay+ Signature header.
    pub key_version: Sourced<u32>,
    pub redirect_uri: Option<Sourced<String>>,
    pub scope: Option<Sourced<String>>,
    pub app_cert_file: Option<Sourced<PathBuf>>,
    pub alipay_cert_file: Option<Sourced<PathBuf>>,
    pub alipay_root_cert_file: Option<Sourced<PathBuf>>,
    pub token_dir: Sourced<PathBuf>,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    pub proxy: ProxyConfig,
    pub output: Output,
    /// Where the config file's path, the profile's name and the timeouts
    /// came from (for `config`).
    pub config_source: Source,
    pub profile_source: Option<Source>,
    pub connect_timeout_source: Source,
    pub request_timeout_source: Source,
    /// The variables that set the proxy, as (setting, variable).
    pub proxy_vars: Vec<(&'static str, &'static str)>,
}

/// The proxy variables read, in the order they are looked at: (setting,
/// upper-case name, lower-case name).
pub const PROXY_VARS: [(&str, &str, &str); 4] = [
    ("https", "HTTPS_PROXY", "https_proxy"),
    ("http", "HTTP_PROXY", "http_proxy"),
    ("all", "ALL_PROXY", "all_proxy"),
    ("no_proxy", "NO_PROXY", "no_proxy"),
];

/// Reads process environment variables; the one place the CLI layer does.
fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The value source of an argument, looked for in the deepest subcommand
/// that has it (global arguments are recorded where they were given).
fn value_source(matches: &ArgMatches, id: &str) -> Option<ValueSource> {
    let here = matches
        .try_contains_id(id)
        .ok()
        .and_then(|_| matches.value_source(id));
    let deeper = matches
        .subcommand()
        .and_then(|(_, sub)| value_source(sub, id));
    match (here, deeper) {
        (Some(ValueSource::CommandLine), _) | (_, Some(ValueSource::CommandLine)) => {
            Some(ValueSource::CommandLine)
        }
        (a, b) => b.or(a),
    }
}

/// Picks flag/env value, else the profile's, else the default.
fn pick<T>(
    matches: &ArgMatches,
    id: &str,
    flag: &'static str,
    var: &'static str,
    cli_value: Option<T>,
    profile: Option<(T, &str)>,
) -> Option<Sourced<T>> {
    if let Some(v) = cli_value {
        let source = match value_source(matches, id) {
            Some(ValueSource::EnvVariable) => Source::Env(var),
            _ => Source::Flag(flag),
        };
        return Some(Sourced::new(v, source));
    }
    profile.map(|(v, name)| Sourced::new(v, Source::Profile(name.to_string())))
}

/// The default config file location.
pub fn default_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "alipay-oauth")
        .map(|d| d.config_dir().join("config.toml"))
}

fn home_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf())
}

impl Settings {
    /// Resolves the settings of a run.
    pub fn resolve(args: &GlobalArgs, matches: &ArgMatches) -> Result<Settings, Error> {
        let output = output_settings(args);

        let (config_path, explicit_config) = match &args.config {
            Some(p) => (Some(p.clone()), true),
            None => (default_config_path(), false),
        };
        let config = match &config_path {
            Some(p) => ConfigFile::load(p, explicit_config)?,
            None => ConfigFile::default(),
        };
        let selected = config.select(args.profile.as_deref())?;
        let flag_or_env =
            |id: &str, flag: &'static str, var: &'static str| match value_source(matches, id) {
                Some(ValueSource::EnvVariable) => Source::Env(var),
                Some(ValueSource::CommandLine) => Source::Flag(flag),
                _ => Source::Default,
            };
        let config_source = match &args.config {
            Some(_) => flag_or_env("config", "--config", "ALIPAY_OAUTH_CONFIG"),
            None => Source::Default,
        };
        let profile_source = selected.as_ref().map(|_| match &args.profile {
            Some(_) => flag_or_env("profile", "--profile", "ALIPAY_PROFILE"),
            None if config.default_profile.is_some() => Source::Config("default_profile"),
            // The profile named "default" is taken when nothing names one.
            None => Source::Config("[profiles.default]"),
        });
        let (profile_name, profile) = match &selected {
            Some((n, p)) => (Some(n.clone()), p.clone()),
            None => (None, Profile::default()),
        };
        let pn = profile_name.as_deref().unwrap_or("");
        let config_dir = config_path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let home = home_dir();
        let profile_path = |p: &Option<PathBuf>| {
            p.as_ref()
                .map(|p| resolve_path(p, &config_dir, home.as_deref()))
        };

        let environment = pick(
            matches,
            "environment",
            "--env",
            "ALIPAY_ENV",
            args.environment,
            profile.env.map(|e| (e, pn)),
        )
        .unwrap_or(Sourced::new(Environment::default(), Source::Default));

        // An --env given as a flag or in the environment outranks a profile's
        // URLs, as it outranks the profile's own env.
        let env_outranks_profile = matches!(environment.source, Source::Flag(_) | Source::Env(_));
        let url_setting =
            |id, flag, var, cli: &Option<String>, prof: &Option<String>, builtin: String| {
                let prof = prof.clone().filter(|_| !env_outranks_profile);
                let chosen = pick(matches, id, flag, var, cli.clone(), prof.map(|v| (v, pn)))
                    .unwrap_or(Sourced::new(builtin, Source::Default));
                validate_url(&chosen).map(|()| chosen)
            };
        let emulator_url = match pick(
            matches,
            "emulator_url",
            "--emulator-url",
            "ALIPAY_EMULATOR_URL",
            args.emulator_url.clone(),
            profile.emulator_url.clone().map(|v| (v, pn)),
        ) {
            Some(s) => Some(Sourced::new(
                crate::endpoints::parse_emulator_base(&s.value).map_err(|e| {
                    Error::usage_with_hint(
                        format!("emulator URL (from {}): {e}", s.source),
                        "give the address the emulator printed at start-up, e.g. http://127.0.0.1:19300",
                    )
                })?,
                s.source,
            )),
            None => None,
        };
        let emulator_base = emulator_url.as_ref().map(|s| s.value.as_str());
        let gateway = url_setting(
            "gateway",
            "--gateway",
            "ALIPAY_GATEWAY",
            &args.gateway,
            &profile.gateway,
            environment.value.gateway_url_at(emulator_base),
        )?;
        let authorize_url = url_setting(
            "authorize_url",
            "--authorize-url",
            "ALIPAY_AUTHORIZE_URL",
            &args.authorize_url,
            &profile.authorize_url,
            environment.value.authorize_url_at(emulator_base),
        )?;

        let app_id = pick(
            matches,
            "app_id",
            "--app-id",
            "ALIPAY_APP_ID",
            args.app_id.clone(),
            profile.app_id.clone().map(|v| (v, pn)),
        );
        if let Some(a) = &app_id
            && (a.value.is_empty() || !a.value.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            return Err(Error::usage_with_hint(
                format!("app id {:?} (from {}) is not valid", a.value, a.source),
                "the app id is the APPID shown in the Alipay console: digits only, e.g. 2021000000000000",
            ));
        }

        let key_setting =
            |id, flag, file_var, text_var, cli: &Option<PathBuf>, prof: Option<PathBuf>| {
                pick(
                    matches,
                    id,
                    flag,
                    file_var,
                    cli.clone().map(KeySource::File),
                    None,
                )
                .or_else(|| {
                    env_var(text_var).map(|text| {
                        Sourced::new(
                            KeySource::Text {
                                var: text_var,
                                text: KeyText::new(text),
                            },
                            Source::Env(text_var),
                        )
                    })
                })
                .or_else(|| {
                    prof.map(|p| Sourced::new(KeySource::File(p), Source::Profile(pn.to_string())))
                })
            };
        let private_key = key_setting(
            "private_key_file",
            "--private-key-file",
            "ALIPAY_PRIVATE_KEY_FILE",
            "ALIPAY_PRIVATE_KEY",
            &args.private_key_file,
            profile_path(&profile.private_key_file),
        );
        let alipay_public_key = key_setting(
            "alipay_public_key_file",
            "--alipay-public-key-file",
            "ALIPAY_PUBLIC_KEY_FILE",
            "ALIPAY_PUBLIC_KEY",
            &args.alipay_public_key_file,
            profile_path(&profile.alipay_public_key_file),
        );

        let sign_type = match pick(
            matches,
            "sign_type",
            "--sign-type",
            "ALIPAY_SIGN_TYPE",
            args.sign_type,
            None,
        ) {
            Some(s) => s,
            None => match &profile.sign_type {
                Some(v) => Sourced::new(
                    v.parse::<SignType>()
                        .map_err(|e| profile_error(pn, "sign_type", e))?,
                    Source::Profile(pn.to_string()),
                ),
                None => Sourced::new(SignType::default(), Source::Default),
            },
        };
        let charset = match pick(
            matches,
            "charset",
            "--charset",
            "ALIPAY_CHARSET",
            args.charset,
            None,
        ) {
            Some(c) => c,
            None => match &profile.charset {
                Some(v) => Sourced::new(
                    v.parse::<Charset>()
                        .map_err(|e| profile_error(pn, "charset", e))?,
                    Source::Profile(pn.to_string()),
                ),
                None => Sourced::new(Charset::default(), Source::Default),
            },
        };

        let key_version = pick(
            matches,
            "key_version",
            "--key-version",
            "ALIPAY_KEY_VERSION",
            args.key_version,
            None,
        )
        .unwrap_or(Sourced::new(1, Source::Default));

        let token_dir = match &args.token_dir {
            Some(d) => Sourced::new(
                d.clone(),
                match value_source(matches, "token_dir") {
                    Some(ValueSource::EnvVariable) => Source::Env("ALIPAY_TOKEN_DIR"),
                    _ => Source::Flag("--token-dir"),
                },
            ),
            None => Sourced::new(
                directories::ProjectDirs::from("", "", "alipay-oauth")
                    .map(|d| d.data_dir().join("tokens"))
                    .unwrap_or_else(|| PathBuf::from(".alipay-oauth-tokens")),
                Source::Default,
            ),
        };
        let seconds = |v: f64, flag: &str| {
            if v.is_finite() && v > 0.0 && v <= 3600.0 {
                Ok(Duration::from_secs_f64(v))
            } else {
                Err(Error::usage(format!(
                    "{flag} must be between 0 and 3600 seconds"
                )))
            }
        };
        let connect_timeout = seconds(args.connect_timeout, "--connect-timeout")?;
        let request_timeout = seconds(args.request_timeout, "--request-timeout")?;
        let connect_timeout_source = flag_or_env(
            "connect_timeout",
            "--connect-timeout",
            "ALIPAY_CONNECT_TIMEOUT",
        );
        let request_timeout_source = flag_or_env(
            "request_timeout",
            "--request-timeout",
            "ALIPAY_REQUEST_TIMEOUT",
        );
        let mut proxy_vars = Vec::new();
        let mut either = |kind: &'static str| {
            let (_, upper, lower) = PROXY_VARS
                .iter()
                .find(|(k, _, _)| *k == kind)
                .expect("a known proxy setting");
            [*upper, *lower]
                .into_iter()
                .find_map(|var| env_var(var).inspect(|_| proxy_vars.push((kind, var))))
        };
        let proxy = ProxyConfig {
            https: either("https"),
            http: either("http"),
            all: either("all"),
            no_proxy: either("no_proxy"),
        };

        let cert_setting = |id: &str,
                            flag: &'static str,
                            var: &'static str,
                            cli: &Option<PathBuf>,
                            prof: &Option<PathBuf>| {
            pick(
                matches,
                id,
                flag,
                var,
                cli.clone(),
                profile_path(prof).map(|p| (p, pn)),
            )
        };
        let app_cert_file = cert_setting(
            "app_cert_file",
            "--app-cert-file",
            "ALIPAY_APP_CERT_FILE",
            &args.app_cert_file,
            &profile.app_cert_file,
        );
        let alipay_cert_file = cert_setting(
            "alipay_cert_file",
            "--alipay-cert-file",
            "ALIPAY_CERT_FILE",
            &args.alipay_cert_file,
            &profile.alipay_cert_file,
        );
        let alipay_root_cert_file = cert_setting(
            "alipay_root_cert_file",
            "--alipay-root-cert-file",
            "ALIPAY_ROOT_CERT_FILE",
            &args.alipay_root_cert_file,
            &profile.alipay_root_cert_file,
        );

        let from_profile = |v: &Option<String>| {
            v.clone()
                .map(|v| Sourced::new(v, Source::Profile(pn.to_string())))
        };

        Ok(Settings {
            config_path,
            profile: profile_name.clone(),
            environment,
            gateway,
            authorize_url,
            emulator_url,
            app_id,
            private_key,
            alipay_public_key,
            sign_type,
            charset,
            key_version,
            redirect_uri: from_profile(&profile.redirect_uri),
            scope: from_profile(&profile.scope),
            app_cert_file,
            alipay_cert_file,
            alipay_root_cert_file,
            token_dir,
            connect_timeout,
            request_timeout,
            proxy,
            output,
            config_source,
            profile_source,
            connect_timeout_source,
            request_timeout_source,
            proxy_vars,
        })
    }

    /// The app id, or a usage error saying how to give one.
    pub fn require_app_id(&self) -> Result<&str, Error> {
        self.app_id
            .as_ref()
            .map(|a| a.value.as_str())
            .ok_or_else(|| {
                Error::usage_with_hint(
                    "no app id is set",
                    "pass --app-id, set ALIPAY_APP_ID, or add app_id to a config profile",
                )
            })
    }

    /// Loads the app private key, naming its source in any error.
    pub fn private_key(&self) -> anyhow::Result<Option<PrivateKey>> {
        let Some(source) = &self.private_key else {
            return Ok(None);
        };
        let bytes = read_key_source(&source.value, "private key")?;
        let key = PrivateKey::parse(&bytes)
            .map_err(Error::from)
            .with_context(|| format!("app private key {}", describe(source)))?;
        Ok(Some(key))
    }

    /// Loads the app private key, which the command cannot do without.
    pub fn require_private_key(&self) -> anyhow::Result<PrivateKey> {
        self.private_key()?.ok_or_else(|| {
            Error::usage_with_hint(
                "no app private key is set",
                "pass --private-key-file, set ALIPAY_PRIVATE_KEY_FILE or ALIPAY_PRIVATE_KEY, or add private_key_file to a config profile",
            )
            .into()
        })
    }

    /// Loads the Alipay public key, which the command cannot do without.
    pub fn require_alipay_public_key(&self) -> anyhow::Result<PublicKey> {
        let source = self.alipay_public_key.as_ref().ok_or_else(|| {
            Error::usage_with_hint(
                "no Alipay public key is set",
                "pass --alipay-public-key-file (the \"Alipay public key\" from the console), set ALIPAY_PUBLIC_KEY_FILE or ALIPAY_PUBLIC_KEY, or add alipay_public_key_file to a config profile",
            )
        })?;
        let bytes = read_key_source(&source.value, "Alipay public key")?;
        PublicKey::parse(&bytes)
            .map_err(Error::from)
            .with_context(|| format!("Alipay public key {}", describe(source)))
    }
}

impl Settings {
    /// Everything a gateway client needs, checked.
    pub fn client_config(&self) -> anyhow::Result<ClientConfig> {
        let app_id = self.require_app_id()?.to_string();
        let private_key = self.require_private_key()?;
        let certs = self.cert_mode()?;
        let alipay_public_key = match &certs {
            Some(c) => {
                if !c.app_public_key.same_key(&private_key.public_key()) {
                    return Err(Error::usage_with_hint(
                        "the app certificate does not belong to the app private key",
                        "use the appCertPublicKey_<app_id>.crt issued for this key pair (`alipay-oauth keys match --public-key-file CERT` checks)",
                    )
                    .into());
                }
                c.alipay_public_key.clone()
            }
            None => self.require_alipay_public_key()?,
        };
        if alipay_public_key.same_key(&private_key.public_key()) {
            return Err(Error::usage_with_hint(
                "the Alipay public key is the app's own public key",
                "use the \"Alipay public key\" (支付宝公钥) shown in the console, not the app public key you uploaded",
            )
            .into());
        }
        if private_key.bits() < self.sign_type.value.min_bits() {
            return Err(Error::from(crate::sign::KeyError::TooShort {
                bits: private_key.bits(),
                required: self.sign_type.value.min_bits(),
                sign_type: self.sign_type.value.label(),
            })
            .into());
        }
        let gateway = url::Url::parse(&self.gateway.value)
            .map_err(|_| Error::usage("the gateway URL is not valid"))?;
        Ok(ClientConfig {
            gateway,
            app_id,
            private_key,
            alipay_public_key,
            sign_type: self.sign_type.value,
            charset: self.charset.value,
            connect_timeout: self.connect_timeout,
            request_timeout: self.request_timeout,
            proxy: self.proxy.clone(),
            cert: certs.map(|c| c.mode),
        })
    }

    /// The key that verifies Alipay's signatures: from the Alipay certificate
    /// when one is configured (with the SN answers must name), else the
    /// Alipay public key.
    pub fn alipay_verifying_key(&self) -> anyhow::Result<(PublicKey, Option<String>)> {
        match &self.alipay_cert_file {
            Some(c) => {
                let bytes = read_input_file(&c.value, crate::file::KEY_FILE_LIMIT)
                    .context("Alipay certificate")?;
                let key = crate::sign::cert::public_key(&bytes)
                    .map_err(Error::from)
                    .context("Alipay certificate")?;
                let sn = crate::sign::cert::cert_sn(&bytes)
                    .map_err(|e| Error::usage(format!("Alipay certificate: {e}")))?;
                Ok((key, Some(sn)))
            }
            None => Ok((self.require_alipay_public_key()?, None)),
        }
    }

    /// Certificate mode, when its three files are configured.
    pub fn cert_mode(&self) -> anyhow::Result<Option<CertMaterial>> {
        let (app, alipay, root) = match (
            &self.app_cert_file,
            &self.alipay_cert_file,
            &self.alipay_root_cert_file,
        ) {
            (None, None, None) => return Ok(None),
            (Some(a), Some(b), Some(c)) => (a, b, c),
            _ => {
                return Err(Error::usage_with_hint(
                    "certificate mode needs all three certificates",
                    "pass --app-cert-file, --alipay-cert-file and --alipay-root-cert-file (or none of them for public-key mode)",
                )
                .into());
            }
        };
        let read = |s: &Sourced<PathBuf>, what: &str| -> anyhow::Result<Vec<u8>> {
            read_input_file(&s.value, crate::file::KEY_FILE_LIMIT)
                .with_context(|| format!("{what} certificate"))
        };
        let cert_err = |what: &'static str| {
            move |e: crate::sign::cert::CertError| {
                Error::usage_with_hint(
                    format!("{what} certificate: {e}"),
                    "give the certificate file downloaded from the Alipay console",
                )
            }
        };
        let app_bytes = read(app, "app")?;
        let alipay_bytes = read(alipay, "Alipay")?;
        let root_bytes = read(root, "root")?;
        let app_public_key = crate::sign::cert::public_key(&app_bytes)
            .map_err(Error::from)
            .context("app certificate")?;
        let alipay_public_key = crate::sign::cert::public_key(&alipay_bytes)
            .map_err(Error::from)
            .context("Alipay certificate")?;
        Ok(Some(CertMaterial {
            mode: CertMode {
                app_cert_sn: crate::sign::cert::cert_sn(&app_bytes).map_err(cert_err("app"))?,
                alipay_root_cert_sn: crate::sign::cert::root_cert_sn(&root_bytes)
                    .map_err(cert_err("root"))?,
                alipay_cert_sn: crate::sign::cert::cert_sn(&alipay_bytes)
                    .map_err(cert_err("Alipay"))?,
            },
            app_public_key,
            alipay_public_key,
        }))
    }

    pub fn token_store(&self) -> TokenStore {
        TokenStore::new(self.token_dir.value.clone())
    }

    /// The stored logins of this app on this gateway.
    pub fn sessions<'a>(&self, store: &'a TokenStore) -> Result<Sessions<'a>, Error> {
        let app_id = self.require_app_id()?.to_string();
        let gateway = url::Url::parse(&self.gateway.value)
            .map_err(|_| Error::usage("the gateway URL is not valid"))?;
        let env = self.environment.value;
        Ok(Sessions {
            store,
            key: store_key(env.label(), &gateway, &env.gateway_url(), &app_id),
            gateway: self.gateway.value.clone(),
            app_id,
        })
    }
}

/// The certificates of certificate mode, read and checked.
pub struct CertMaterial {
    pub mode: CertMode,
    pub app_public_key: PublicKey,
    pub alipay_public_key: PublicKey,
}

/// What the environment says about opening a browser.
pub fn browser_env() -> crate::oauth::browser::BrowserEnv {
    let graphical_os = cfg!(any(target_os = "macos", windows));
    crate::oauth::browser::BrowserEnv {
        browser: env_var("BROWSER"),
        display: graphical_os
            || env_var("DISPLAY").is_some()
            || env_var("WAYLAND_DISPLAY").is_some()
            || env_var("WSL_DISTRO_NAME").is_some(),
        ssh: env_var("SSH_CONNECTION").is_some() || env_var("SSH_TTY").is_some(),
    }
}

/// A secret from an environment variable (read only here, at the edge).
pub fn env_secret<T: SecretValue>(name: &str) -> Option<T> {
    env_var(name).map(|v| T::new(v.trim()))
}

fn describe(source: &Sourced<KeySource>) -> String {
    match (&source.value, &source.source) {
        (KeySource::Text { var, .. }, _) => format!("from ${var}"),
        (KeySource::File(p), Source::Flag(flag)) => format!("{flag} {}", p.display()),
        (KeySource::File(p), s) => format!("{} (from {s})", p.display()),
    }
}

/// Reads key material from its source; a missing file is a usage error.
fn read_key_source(source: &KeySource, what: &str) -> Result<zeroize::Zeroizing<Vec<u8>>, Error> {
    match source {
        KeySource::Text { text, .. } => {
            Ok(zeroize::Zeroizing::new(text.secret().as_bytes().to_vec()))
        }
        KeySource::File(path) => read_input_file(path, crate::file::KEY_FILE_LIMIT)
            .map(zeroize::Zeroizing::new)
            .map_err(|e| match e {
                Error::Usage { message, .. } => Error::usage_with_hint(
                    format!("{what}: {message}"),
                    "check the path; key files may hold any format (PEM, one-line base64 or DER)",
                ),
                other => other,
            }),
    }
}

fn profile_error(profile: &str, field: &str, e: impl fmt::Display) -> Error {
    Error::usage_with_hint(
        format!("profile {profile:?}: {field}: {e}"),
        "fix the config file",
    )
}

fn validate_url(setting: &Sourced<String>) -> Result<(), Error> {
    match url::Url::parse(&setting.value) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Ok(()),
        _ => Err(Error::usage_with_hint(
            format!(
                "{:?} (from {}) is not an http(s) URL",
                setting.value, setting.source
            ),
            "give a full URL such as https://openapi.alipay.com/gateway.do",
        )),
    }
}

fn output_settings(args: &GlobalArgs) -> Output {
    Output {
        format: args.output.unwrap_or_default(),
        quiet: args.quiet,
        verbose: args.verbose,
        color: std::io::stdout().is_terminal() && env_var("NO_COLOR").is_none(),
        color_err: std::io::stderr().is_terminal() && env_var("NO_COLOR").is_none(),
    }
}

impl Output {
    /// Output settings for when argument parsing itself failed: JSON if the
    /// raw arguments or the environment asked for it.
    pub fn from_raw_args(args: &[std::ffi::OsString]) -> Output {
        let args: Vec<String> = args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let flag_json = args
            .windows(2)
            .any(|w| (w[0] == "-o" || w[0] == "--output") && w[1] == "json")
            || args.iter().any(|a| a == "--output=json" || a == "-ojson");
        let env_json = env_var("ALIPAY_OUTPUT").is_some_and(|v| v == "json");
        Output {
            format: if flag_json || env_json {
                OutputFormat::Json
            } else {
                OutputFormat::Human
            },
            quiet: false,
            verbose: 0,
            color: std::io::stdout().is_terminal() && env_var("NO_COLOR").is_none(),
            color_err: std::io::stderr().is_terminal() && env_var("NO_COLOR").is_none(),
        }
    }
}
