//! Turns flags, environment variables, the config file and built-in defaults
//! into validated settings, remembering where each value came from.
//! Precedence: flag > environment > profile > default.

use std::fmt;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::ArgMatches;
use clap::parser::ValueSource;

use super::GlobalArgs;
pub use super::env::PROXY_VARS;
use super::env::{self, EnvSnapshot};
use crate::config::{ConfigFile, Profile, resolve_path};
use crate::endpoints::Environment;
use crate::error::Error;
pub use crate::files::read::{io_reason, read_input_file};
use crate::gateway::client::{CertMode, ClientConfig, ProxyConfig};
use crate::gateway::header::HeaderConfig;
use crate::login::session::Sessions;
use crate::login::store::{TokenStore, store_key};
use crate::protocol::header::{Family, Region};
use crate::secret::{AccessToken, KeyText, RefreshToken};
use crate::sign::{Charset, PrivateKey, PublicKey, SignType};
use crate::ui::output::Output;
use crate::ui::output::OutputFormat;
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

/// The effective settings of one run. Fields are private: commands read
/// them through methods, so how a value was found can change without them.
#[derive(Debug, Clone)]
pub struct Settings {
    config_path: Option<PathBuf>,
    profile: Option<String>,
    endpoints: Endpoints,
    family: FamilySettings,
    app_id: Option<Sourced<String>>,
    keys: Keys,
    certs: Certs,
    redirect_uri: Option<Sourced<String>>,
    scope: Option<Sourced<String>>,
    token_dir: Sourced<PathBuf>,
    connect_timeout: Duration,
    request_timeout: Duration,
    proxy: ProxyConfig,
    output: Output,
    env: EnvSnapshot,
    /// Where the config file's path, the profile's name and the timeouts
    /// came from (for `config`).
    config_source: Source,
    profile_source: Option<Source>,
    connect_timeout_source: Source,
    request_timeout_source: Source,
    /// The variables that set the proxy, as (setting, variable).
    proxy_vars: Vec<(&'static str, &'static str)>,
}

/// Where the gateway and the consent page are.
#[derive(Debug, Clone)]
struct Endpoints {
    environment: Sourced<Environment>,
    gateway: Sourced<String>,
    authorize_url: Sourced<String>,
    /// The emulator's base URL when one was set (else the default port).
    emulator_url: Option<Sourced<String>>,
}

/// The protocol family and what Antom / Alipay+ requests carry.
#[derive(Debug, Clone)]
struct FamilySettings {
    family: Sourced<Family>,
    region: Sourced<Region>,
    customer_belongs_to: Sourced<String>,
    auth_client_id: Option<Sourced<String>>,
}

/// Public-key mode material and how requests are signed.
#[derive(Debug, Clone)]
struct Keys {
    private_key: Option<Sourced<KeySource>>,
    alipay_public_key: Option<Sourced<KeySource>>,
    sign_type: Sourced<SignType>,
    charset: Sourced<Charset>,
    /// The keyVersion of the Antom / Alipay+ Signature header.
    key_version: Sourced<u32>,
}

/// The three files of certificate mode.
#[derive(Debug, Clone)]
struct Certs {
    app: Option<Sourced<PathBuf>>,
    alipay: Option<Sourced<PathBuf>>,
    alipay_root: Option<Sourced<PathBuf>>,
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

/// Which of a flag and its variable set an argument, if either did (for
/// arguments that have a default value).
fn flag_or_env(matches: &ArgMatches, id: &str, flag: &'static str, var: &'static str) -> Source {
    match value_source(matches, id) {
        Some(ValueSource::EnvVariable) => Source::Env(var),
        Some(ValueSource::CommandLine) => Source::Flag(flag),
        _ => Source::Default,
    }
}

/// Which of a flag and its variable gave a value clap parsed.
fn origin(source: Option<ValueSource>, flag: &'static str, var: &'static str) -> Source {
    match source {
        Some(ValueSource::EnvVariable) => Source::Env(var),
        _ => Source::Flag(flag),
    }
}

/// What resolution reads: the parsed flags (clap has already folded in the
/// variables bound to them), the environment snapshot and the profile.
struct Inputs<'a> {
    args: &'a GlobalArgs,
    matches: &'a ArgMatches,
    env: &'a EnvSnapshot,
    profile_name: &'a str,
    profile: &'a Profile,
    config_dir: PathBuf,
    home: Option<PathBuf>,
}

impl Inputs<'_> {
    /// Picks the flag/env value, else the profile's.
    fn pick<T>(
        &self,
        id: &str,
        flag: &'static str,
        var: &'static str,
        cli_value: Option<T>,
        profile: Option<T>,
    ) -> Option<Sourced<T>> {
        if let Some(v) = cli_value {
            return Some(Sourced::new(
                v,
                origin(value_source(self.matches, id), flag, var),
            ));
        }
        profile.map(|v| Sourced::new(v, self.profile_source()))
    }

    fn profile_source(&self) -> Source {
        Source::Profile(self.profile_name.to_string())
    }

    /// A profile path, relative to the config file's directory.
    fn profile_path(&self, p: &Option<PathBuf>) -> Option<PathBuf> {
        p.as_ref()
            .map(|p| resolve_path(p, &self.config_dir, self.home.as_deref()))
    }

    /// A profile value parsed from its text, or the built-in default.
    fn profile_parsed<T: std::str::FromStr + Default>(
        &self,
        field: &str,
        text: &Option<String>,
    ) -> Result<Sourced<T>, Error>
    where
        T::Err: fmt::Display,
    {
        match text {
            Some(v) => Ok(Sourced::new(
                v.parse::<T>()
                    .map_err(|e| profile_error(self.profile_name, field, e))?,
                self.profile_source(),
            )),
            None => Ok(Sourced::new(T::default(), Source::Default)),
        }
    }

    fn endpoints(&self) -> Result<Endpoints, Error> {
        let (args, profile) = (self.args, self.profile);
        let environment = self
            .pick(
                "environment",
                "--env",
                "ALIPAY_ENV",
                args.environment,
                profile.env,
            )
            .unwrap_or(Sourced::new(Environment::default(), Source::Default));

        // An --env given as a flag or in the environment outranks a profile's
        // URLs, as it outranks the profile's own env.
        let env_outranks_profile = matches!(environment.source, Source::Flag(_) | Source::Env(_));
        let url_setting =
            |id, flag, var, cli: &Option<String>, prof: &Option<String>, builtin: String| {
                let prof = prof.clone().filter(|_| !env_outranks_profile);
                let chosen = self
                    .pick(id, flag, var, cli.clone(), prof)
                    .unwrap_or(Sourced::new(builtin, Source::Default));
                validate_url(&chosen).map(|()| chosen)
            };
        let emulator_url = match self.pick(
            "emulator_url",
            "--emulator-url",
            "ALIPAY_EMULATOR_URL",
            args.emulator_url.clone(),
            profile.emulator_url.clone(),
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
        Ok(Endpoints {
            environment,
            gateway,
            authorize_url,
            emulator_url,
        })
    }

    fn family(&self) -> Result<FamilySettings, Error> {
        let args = self.args;
        let profile = self.profile;
        let family = self
            .pick(
                "family",
                "--family",
                "ALIPAY_FAMILY",
                args.family,
                profile.family,
            )
            .unwrap_or(Sourced::new(Family::default(), Source::Default));
        let region = self
            .pick(
                "region",
                "--region",
                "ALIPAY_REGION",
                args.region,
                profile.region,
            )
            .unwrap_or(Sourced::new(Region::default(), Source::Default));
        let party = |id,
                     flag,
                     var,
                     value: &Option<String>,
                     prof: &Option<String>|
         -> Result<Option<Sourced<String>>, Error> {
            let picked = self.pick(id, flag, var, value.clone(), prof.clone());
            if let Some(p) = &picked {
                let ok = !p.value.is_empty()
                    && p.value.len() <= 64
                    && p.value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
                if !ok {
                    return Err(Error::usage_with_hint(
                        format!("{flag} {:?} (from {}) is not valid", p.value, p.source),
                        "at most 64 letters, digits, '_', '-' or '.', e.g. ALIPAY_CN",
                    ));
                }
            }
            Ok(picked)
        };
        let customer_belongs_to = party(
            "customer_belongs_to",
            "--customer-belongs-to",
            "ALIPAY_CUSTOMER_BELONGS_TO",
            &args.customer_belongs_to,
            &profile.customer_belongs_to,
        )?
        .unwrap_or(Sourced::new("ALIPAY_CN".to_string(), Source::Default));
        let auth_client_id = party(
            "auth_client_id",
            "--auth-client-id",
            "ALIPAY_AUTH_CLIENT_ID",
            &args.auth_client_id,
            &profile.auth_client_id,
        )?;
        Ok(FamilySettings {
            family,
            region,
            customer_belongs_to,
            auth_client_id,
        })
    }

    fn app_id(&self, family: Family) -> Result<Option<Sourced<String>>, Error> {
        let app_id = self.pick(
            "app_id",
            "--app-id",
            "ALIPAY_APP_ID",
            self.args.app_id.clone(),
            self.profile.app_id.clone(),
        );
        // Antom / Alipay+ client ids are not always digits (SANDBOX_...).
        let allowed = |c: char| {
            c.is_ascii_alphanumeric() || (family.is_header() && matches!(c, '_' | '-' | '.'))
        };
        if let Some(a) = &app_id
            && (a.value.is_empty() || !a.value.chars().all(allowed))
        {
            return Err(Error::usage_with_hint(
                format!("app id {:?} (from {}) is not valid", a.value, a.source),
                "the app id is the APPID shown in the Alipay console: digits only, e.g. 2021000000000000",
            ));
        }
        Ok(app_id)
    }

    /// A key: its file flag (or file variable), else its text variable, else
    /// the profile's file.
    fn key(
        &self,
        id: &str,
        flag: &'static str,
        file_var: &'static str,
        text_var: &'static str,
        cli: &Option<PathBuf>,
        prof: &Option<PathBuf>,
    ) -> Option<Sourced<KeySource>> {
        self.pick(id, flag, file_var, cli.clone().map(KeySource::File), None)
            .or_else(|| {
                self.env.key_text(text_var).map(|text| {
                    Sourced::new(
                        KeySource::Text {
                            var: text_var,
                            text,
                        },
                        Source::Env(text_var),
                    )
                })
            })
            .or_else(|| {
                self.profile_path(prof)
                    .map(|p| Sourced::new(KeySource::File(p), self.profile_source()))
            })
    }

    fn keys(&self) -> Result<Keys, Error> {
        let (args, profile) = (self.args, self.profile);
        let private_key = self.key(
            "private_key_file",
            "--private-key-file",
            "ALIPAY_PRIVATE_KEY_FILE",
            env::PRIVATE_KEY_TEXT,
            &args.private_key_file,
            &profile.private_key_file,
        );
        let alipay_public_key = self.key(
            "alipay_public_key_file",
            "--alipay-public-key-file",
            "ALIPAY_PUBLIC_KEY_FILE",
            env::PUBLIC_KEY_TEXT,
            &args.alipay_public_key_file,
            &profile.alipay_public_key_file,
        );
        let sign_type = match self.pick(
            "sign_type",
            "--sign-type",
            "ALIPAY_SIGN_TYPE",
            args.sign_type,
            None,
        ) {
            Some(s) => s,
            None => self.profile_parsed("sign_type", &profile.sign_type)?,
        };
        let charset = match self.pick("charset", "--charset", "ALIPAY_CHARSET", args.charset, None)
        {
            Some(c) => c,
            None => self.profile_parsed("charset", &profile.charset)?,
        };
        let key_version = self
            .pick(
                "key_version",
                "--key-version",
                "ALIPAY_KEY_VERSION",
                args.key_version,
                None,
            )
            .unwrap_or(Sourced::new(1, Source::Default));
        Ok(Keys {
            private_key,
            alipay_public_key,
            sign_type,
            charset,
            key_version,
        })
    }

    fn certs(&self) -> Certs {
        let (args, profile) = (self.args, self.profile);
        let cert = |id, flag, var, cli: &Option<PathBuf>, prof| {
            self.pick(id, flag, var, cli.clone(), self.profile_path(prof))
        };
        Certs {
            app: cert(
                "app_cert_file",
                "--app-cert-file",
                "ALIPAY_APP_CERT_FILE",
                &args.app_cert_file,
                &profile.app_cert_file,
            ),
            alipay: cert(
                "alipay_cert_file",
                "--alipay-cert-file",
                "ALIPAY_CERT_FILE",
                &args.alipay_cert_file,
                &profile.alipay_cert_file,
            ),
            alipay_root: cert(
                "alipay_root_cert_file",
                "--alipay-root-cert-file",
                "ALIPAY_ROOT_CERT_FILE",
                &args.alipay_root_cert_file,
                &profile.alipay_root_cert_file,
            ),
        }
    }

    fn token_dir(&self) -> Sourced<PathBuf> {
        match &self.args.token_dir {
            Some(d) => Sourced::new(
                d.clone(),
                origin(
                    value_source(self.matches, "token_dir"),
                    "--token-dir",
                    "ALIPAY_TOKEN_DIR",
                ),
            ),
            None => Sourced::new(
                directories::ProjectDirs::from("", "", "alipay-oauth")
                    .map(|d| d.data_dir().join("tokens"))
                    .unwrap_or_else(|| PathBuf::from(".alipay-oauth-tokens")),
                Source::Default,
            ),
        }
    }
}

/// The default config file location.
pub fn default_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "alipay-oauth")
        .map(|d| d.config_dir().join("config.toml"))
}

fn home_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf())
}

fn seconds(v: f64, flag: &str) -> Result<Duration, Error> {
    if v.is_finite() && v > 0.0 && v <= 3600.0 {
        Ok(Duration::from_secs_f64(v))
    } else {
        Err(Error::usage(format!(
            "{flag} must be between 0 and 3600 seconds"
        )))
    }
}

impl Settings {
    /// Resolves the settings of a run from the parsed arguments, the
    /// environment snapshot and the config file.
    pub fn resolve(
        args: &GlobalArgs,
        matches: &ArgMatches,
        env: &EnvSnapshot,
    ) -> Result<Settings, Error> {
        let output = output_settings(args, env);

        let (config_path, explicit_config) = match &args.config {
            Some(p) => (Some(p.clone()), true),
            None => (default_config_path(), false),
        };
        let config = match &config_path {
            Some(p) => ConfigFile::load(p, explicit_config)?,
            None => ConfigFile::default(),
        };
        let selected = config.select(args.profile.as_deref())?;
        let config_source = match &args.config {
            Some(_) => flag_or_env(matches, "config", "--config", "ALIPAY_OAUTH_CONFIG"),
            None => Source::Default,
        };
        let profile_source = selected.as_ref().map(|_| match &args.profile {
            Some(_) => flag_or_env(matches, "profile", "--profile", "ALIPAY_PROFILE"),
            None if config.default_profile.is_some() => Source::Config("default_profile"),
            // The profile named "default" is taken when nothing names one.
            None => Source::Config("[profiles.default]"),
        });
        let (profile_name, profile) = match &selected {
            Some((n, p)) => (Some(n.clone()), p.clone()),
            None => (None, Profile::default()),
        };
        let inputs = Inputs {
            args,
            matches,
            env,
            profile_name: profile_name.as_deref().unwrap_or(""),
            profile: &profile,
            config_dir: config_path
                .as_deref()
                .and_then(Path::parent)
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            home: home_dir(),
        };
        let endpoints = inputs.endpoints()?;
        let family = inputs.family()?;
        let app_id = inputs.app_id(family.family.value)?;
        let keys = inputs.keys()?;
        let token_dir = inputs.token_dir();
        let connect_timeout = seconds(args.connect_timeout, "--connect-timeout")?;
        let request_timeout = seconds(args.request_timeout, "--request-timeout")?;
        let certs = inputs.certs();
        let (proxy, proxy_vars) = env.proxy();
        let from_profile =
            |v: &Option<String>| v.clone().map(|v| Sourced::new(v, inputs.profile_source()));

        Ok(Settings {
            redirect_uri: from_profile(&profile.redirect_uri),
            scope: from_profile(&profile.scope),
            config_path,
            profile: profile_name.clone(),
            endpoints,
            family,
            app_id,
            keys,
            certs,
            token_dir,
            connect_timeout,
            request_timeout,
            proxy,
            output,
            env: env.clone(),
            config_source,
            profile_source,
            connect_timeout_source: flag_or_env(
                matches,
                "connect_timeout",
                "--connect-timeout",
                "ALIPAY_CONNECT_TIMEOUT",
            ),
            request_timeout_source: flag_or_env(
                matches,
                "request_timeout",
                "--request-timeout",
                "ALIPAY_REQUEST_TIMEOUT",
            ),
            proxy_vars,
        })
    }

    pub fn config_path(&self) -> Option<&Path> {
        self.config_path.as_deref()
    }
    pub fn profile(&self) -> Option<&str> {
        self.profile.as_deref()
    }
    /// Where the config file's path came from.
    pub fn config_source(&self) -> &Source {
        &self.config_source
    }
    /// What chose the profile, when one is in use.
    pub fn profile_source(&self) -> Option<&Source> {
        self.profile_source.as_ref()
    }
    pub fn connect_timeout_source(&self) -> &Source {
        &self.connect_timeout_source
    }
    pub fn request_timeout_source(&self) -> &Source {
        &self.request_timeout_source
    }
    /// The variables that set the proxy, as (setting, variable).
    pub fn proxy_vars(&self) -> &[(&'static str, &'static str)] {
        &self.proxy_vars
    }
    pub fn environment(&self) -> &Sourced<Environment> {
        &self.endpoints.environment
    }
    pub fn gateway(&self) -> &Sourced<String> {
        &self.endpoints.gateway
    }
    pub fn authorize_url(&self) -> &Sourced<String> {
        &self.endpoints.authorize_url
    }
    pub fn emulator_url(&self) -> Option<&Sourced<String>> {
        self.endpoints.emulator_url.as_ref()
    }
    pub fn app_id(&self) -> Option<&Sourced<String>> {
        self.app_id.as_ref()
    }
    pub fn family(&self) -> &Sourced<Family> {
        &self.family.family
    }
    pub fn region(&self) -> &Sourced<Region> {
        &self.family.region
    }
    pub fn customer_belongs_to(&self) -> &Sourced<String> {
        &self.family.customer_belongs_to
    }
    pub fn auth_client_id(&self) -> Option<&Sourced<String>> {
        self.family.auth_client_id.as_ref()
    }
    /// Who the tokens of a header family are bound to: Antom's wallet, or
    /// Alipay+'s authClientId (which must be given).
    pub fn party(&self) -> Result<&str, Error> {
        match self.family.family.value {
            Family::AlipayPlus => self
                .family
                .auth_client_id
                .as_ref()
                .map(|s| s.value.as_str())
                .ok_or_else(|| {
                    Error::usage_with_hint(
                        "Alipay+ needs an authClientId",
                        "pass --auth-client-id or set ALIPAY_AUTH_CLIENT_ID",
                    )
                }),
            _ => Ok(self.family.customer_belongs_to.value.as_str()),
        }
    }

    /// The Antom / Alipay+ base URL and where it came from: `--gateway`'s
    /// origin when one was given, the emulator, else the family's domain in
    /// the region.
    pub fn header_base(&self) -> Result<Sourced<String>, Error> {
        let family = self.family.family.value;
        let gateway = &self.endpoints.gateway;
        let env = self.endpoints.environment.value;
        if gateway.is_explicit() || env == Environment::Emulator {
            let url = url::Url::parse(&gateway.value)
                .map_err(|_| Error::usage("the gateway URL is not valid"))?;
            let origin = url.origin().ascii_serialization();
            let source = if gateway.is_explicit() {
                gateway.source.clone()
            } else {
                self.endpoints.environment.source.clone()
            };
            return Ok(Sourced::new(origin, source));
        }
        let region = self.family.region.value;
        crate::protocol::header::base_url(family, region)
            .map(|u| Sourced::new(u, self.family.region.source.clone()))
            .map_err(|e| {
                Error::usage_with_hint(e.to_string(), "Alipay+ serves the sea and na regions")
            })
    }
    /// Where the app private key comes from (not the key itself).
    pub fn private_key_source(&self) -> Option<&Sourced<KeySource>> {
        self.keys.private_key.as_ref()
    }
    /// Where the Alipay public key comes from (not the key itself).
    pub fn alipay_public_key_source(&self) -> Option<&Sourced<KeySource>> {
        self.keys.alipay_public_key.as_ref()
    }
    pub fn sign_type(&self) -> &Sourced<SignType> {
        &self.keys.sign_type
    }
    pub fn charset(&self) -> &Sourced<Charset> {
        &self.keys.charset
    }
    pub fn key_version(&self) -> &Sourced<u32> {
        &self.keys.key_version
    }
    pub fn redirect_uri(&self) -> Option<&Sourced<String>> {
        self.redirect_uri.as_ref()
    }
    pub fn scope(&self) -> Option<&Sourced<String>> {
        self.scope.as_ref()
    }
    pub fn app_cert_file(&self) -> Option<&Sourced<PathBuf>> {
        self.certs.app.as_ref()
    }
    pub fn alipay_cert_file(&self) -> Option<&Sourced<PathBuf>> {
        self.certs.alipay.as_ref()
    }
    pub fn alipay_root_cert_file(&self) -> Option<&Sourced<PathBuf>> {
        self.certs.alipay_root.as_ref()
    }
    pub fn token_dir(&self) -> &Sourced<PathBuf> {
        &self.token_dir
    }
    pub fn connect_timeout(&self) -> Duration {
        self.connect_timeout
    }
    pub fn request_timeout(&self) -> Duration {
        self.request_timeout
    }
    pub fn proxy(&self) -> &ProxyConfig {
        &self.proxy
    }
    pub fn output(&self) -> Output {
        self.output
    }
    /// The access token `ALIPAY_ACCESS_TOKEN` holds, if any.
    pub fn env_access_token(&self) -> Option<AccessToken> {
        self.env.secret(env::ACCESS_TOKEN)
    }
    /// The refresh token `ALIPAY_REFRESH_TOKEN` holds, if any.
    pub fn env_refresh_token(&self) -> Option<RefreshToken> {
        self.env.secret(env::REFRESH_TOKEN)
    }
    /// What the environment says about opening a browser.
    pub fn browser_env(&self) -> crate::oauth::browser::BrowserEnv {
        self.env.browser()
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
        let Some(source) = &self.keys.private_key else {
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
        let source = self.keys.alipay_public_key.as_ref().ok_or_else(|| {
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
        if private_key.bits() < self.keys.sign_type.value.min_bits() {
            return Err(Error::from(crate::sign::KeyError::TooShort {
                bits: private_key.bits(),
                required: self.keys.sign_type.value.min_bits(),
                sign_type: self.keys.sign_type.value.label(),
            })
            .into());
        }
        let gateway = url::Url::parse(&self.endpoints.gateway.value)
            .map_err(|_| Error::usage("the gateway URL is not valid"))?;
        Ok(ClientConfig {
            gateway,
            app_id,
            private_key,
            alipay_public_key,
            sign_type: self.keys.sign_type.value,
            charset: self.keys.charset.value,
            connect_timeout: self.connect_timeout,
            request_timeout: self.request_timeout,
            proxy: self.proxy.clone(),
            cert: certs.map(|c| c.mode),
        })
    }

    /// Everything an Antom / Alipay+ client needs, checked.
    pub fn header_config(&self) -> anyhow::Result<HeaderConfig> {
        let family = self.family.family.value;
        if !family.is_header() {
            return Err(Error::Internal("header_config for the alipay family".into()).into());
        }
        let client_id = self.require_app_id()?.to_string();
        let private_key = self.require_private_key()?;
        let alipay_public_key = self.require_alipay_public_key()?;
        if alipay_public_key.same_key(&private_key.public_key()) {
            return Err(Error::usage_with_hint(
                "the Antom / Alipay+ public key is the merchant's own public key",
                "use the public key Antom / Alipay+ shows for the client id, not the one you uploaded",
            )
            .into());
        }
        let base = url::Url::parse(&self.header_base()?.value)
            .map_err(|_| Error::usage("the base URL is not valid"))?;
        Ok(HeaderConfig {
            family,
            base,
            sandbox: self.endpoints.environment.value == Environment::Sandbox,
            client_id,
            private_key,
            alipay_public_key,
            key_version: self.keys.key_version.value,
            connect_timeout: self.connect_timeout,
            request_timeout: self.request_timeout,
            proxy: self.proxy.clone(),
            unknown_retries: 2,
            retry_pause: Duration::from_millis(500),
        })
    }

    /// The key that verifies Alipay's signatures: from the Alipay certificate
    /// when one is configured (with the SN answers must name), else the
    /// Alipay public key.
    pub fn alipay_verifying_key(&self) -> anyhow::Result<(PublicKey, Option<String>)> {
        match &self.certs.alipay {
            Some(c) => {
                let bytes = read_input_file(&c.value, crate::files::KEY_FILE_LIMIT)
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
            &self.certs.app,
            &self.certs.alipay,
            &self.certs.alipay_root,
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
            read_input_file(&s.value, crate::files::KEY_FILE_LIMIT)
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
        let gateway = url::Url::parse(&self.endpoints.gateway.value)
            .map_err(|_| Error::usage("the gateway URL is not valid"))?;
        let env = self.endpoints.environment.value;
        let family = self.family.family.value;
        if family.is_header() {
            // Each family has its own logins, even on one emulator.
            let base = self.header_base()?.value;
            let base_url =
                url::Url::parse(&base).map_err(|_| Error::usage("the base URL is not valid"))?;
            let builtin = crate::protocol::header::base_url(family, self.family.region.value)
                .map(|b| format!("{b}/"))
                .unwrap_or_default();
            let key = store_key(env.label(), &base_url, &builtin, &app_id);
            return Ok(Sessions {
                store,
                key: format!("{}-{key}", family.label()),
                gateway: base,
                app_id,
                family,
                party: self.party().ok().map(str::to_string),
            });
        }
        Ok(Sessions {
            store,
            key: store_key(env.label(), &gateway, &env.gateway_url(), &app_id),
            gateway: self.endpoints.gateway.value.clone(),
            app_id,
            family,
            party: None,
        })
    }
}

/// The certificates of certificate mode, read and checked.
pub struct CertMaterial {
    pub mode: CertMode,
    pub app_public_key: PublicKey,
    pub alipay_public_key: PublicKey,
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
        KeySource::File(path) => read_input_file(path, crate::files::KEY_FILE_LIMIT)
            .map(zeroize::Zeroizing::new)
            .map_err(|e| {
                Error::usage_with_hint(
                    format!("{what}: {e}"),
                    "check the path; key files may hold any format (PEM, one-line base64 or DER)",
                )
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

fn output_settings(args: &GlobalArgs, env: &EnvSnapshot) -> Output {
    Output {
        format: args.output.unwrap_or_default(),
        quiet: args.quiet,
        verbose: args.verbose,
        color: std::io::stdout().is_terminal() && !env.no_color(),
        color_err: std::io::stderr().is_terminal() && !env.no_color(),
    }
}

impl Output {
    /// Output settings for when argument parsing itself failed: JSON if the
    /// raw arguments or the environment asked for it.
    pub fn from_raw_args(args: &[std::ffi::OsString], env: &EnvSnapshot) -> Output {
        let args: Vec<String> = args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let flag_json = args
            .windows(2)
            .any(|w| (w[0] == "-o" || w[0] == "--output") && w[1] == "json")
            || args.iter().any(|a| a == "--output=json" || a == "-ojson");
        let env_json = env.wants_json();
        Output {
            format: if flag_json || env_json {
                OutputFormat::Json
            } else {
                OutputFormat::Human
            },
            quiet: false,
            verbose: 0,
            color: std::io::stdout().is_terminal() && !env.no_color(),
            color_err: std::io::stderr().is_terminal() && !env.no_color(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::{CommandFactory, FromArgMatches};

    const PROFILE: &str = r#"
default_profile = "p"
[profiles.p]
env = "sandbox"
gateway = "https://profile.example/gateway.do"
app_id = "2021000000000002"
private_key_file = "profile.key"
sign_type = "RSA"
app_cert_file = "app.crt"
scope = "auth_base"
"#;

    /// Resolves `args` (before the `config` subcommand) against a config file
    /// holding `config` and the environment `env`. clap's own variable
    /// bindings are removed so the process environment cannot leak in: these
    /// tests cover what resolution does with what clap hands it.
    fn resolve(config: &str, args: &[&str], env: &[(&str, &str)]) -> Result<Settings, Error> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, config).unwrap();
        let mut argv = vec!["alipay-oauth", "--config", path.to_str().unwrap()];
        argv.extend_from_slice(args);
        argv.push("config");
        let matches = Cli::command()
            .mut_args(|a| a.env(None))
            .try_get_matches_from(argv)
            .unwrap();
        let cli = Cli::from_arg_matches(&matches).unwrap();
        Settings::resolve(
            &cli.global,
            &matches,
            &EnvSnapshot::from_pairs(env.iter().copied()),
        )
    }

    fn profile() -> Source {
        Source::Profile("p".into())
    }

    #[test]
    fn flag_beats_profile_beats_default_and_each_is_recorded() {
        let s = resolve(PROFILE, &["--app-id", "2021000000000001"], &[]).unwrap();
        let app = s.app_id().unwrap();
        assert_eq!(app.value, "2021000000000001");
        assert_eq!(app.source, Source::Flag("--app-id"));

        let s = resolve(PROFILE, &[], &[]).unwrap();
        assert_eq!(s.profile(), Some("p"));
        let app = s.app_id().unwrap();
        assert_eq!(
            (app.value.as_str(), &app.source),
            ("2021000000000002", &profile())
        );
        assert_eq!(s.sign_type().value, SignType::Rsa);
        assert_eq!(s.sign_type().source, profile());
        assert_eq!(s.gateway().value, "https://profile.example/gateway.do");
        assert_eq!(s.gateway().source, profile());
        // Not in the profile: the built-in default.
        assert_eq!(s.charset().source, Source::Default);
        assert_eq!(s.key_version().value, 1);
        assert_eq!(s.key_version().source, Source::Default);

        let s = resolve("", &[], &[]).unwrap();
        assert!(s.app_id().is_none());
        assert_eq!(s.environment().value, Environment::Production);
        assert_eq!(s.environment().source, Source::Default);
        assert_eq!(s.gateway().value, Environment::Production.gateway_url());
        assert_eq!(s.gateway().source, Source::Default);
    }

    #[test]
    fn an_env_flag_outranks_the_profile_urls() {
        let s = resolve(PROFILE, &["--env", "production"], &[]).unwrap();
        assert_eq!(s.environment().source, Source::Flag("--env"));
        assert_eq!(s.gateway().value, Environment::Production.gateway_url());
        assert_eq!(s.gateway().source, Source::Default);
        // ... but a --gateway flag still wins over both.
        let s = resolve(
            PROFILE,
            &[
                "--env",
                "production",
                "--gateway",
                "http://127.0.0.1:9/gateway.do",
            ],
            &[],
        )
        .unwrap();
        assert_eq!(s.gateway().value, "http://127.0.0.1:9/gateway.do");
        assert_eq!(s.gateway().source, Source::Flag("--gateway"));
    }

    #[test]
    fn key_file_flag_beats_key_text_variable_beats_profile_file() {
        let text = [(env::PRIVATE_KEY_TEXT, "-----BEGIN PRIVATE KEY-----\nAAAA\n")];
        let s = resolve(PROFILE, &["--private-key-file", "/k/flag.key"], &text).unwrap();
        let k = s.private_key_source().unwrap();
        assert!(matches!(&k.value, KeySource::File(p) if p == Path::new("/k/flag.key")));
        assert_eq!(k.source, Source::Flag("--private-key-file"));

        let s = resolve(PROFILE, &[], &text).unwrap();
        let k = s.private_key_source().unwrap();
        // The text is kept as given (PEM needs its line breaks).
        assert!(
            matches!(&k.value, KeySource::Text { var: "ALIPAY_PRIVATE_KEY", text: t } if t.secret() == text[0].1)
        );
        assert_eq!(k.source, Source::Env("ALIPAY_PRIVATE_KEY"));

        let s = resolve(PROFILE, &[], &[]).unwrap();
        let k = s.private_key_source().unwrap();
        // A profile path is relative to the config file's directory.
        assert!(
            matches!(&k.value, KeySource::File(p) if p.ends_with("profile.key") && p.is_absolute())
        );
        assert_eq!(k.source, profile());
        assert!(s.alipay_public_key_source().is_none());
    }

    #[test]
    fn certificates_come_from_flags_or_the_profile() {
        let s = resolve(PROFILE, &["--alipay-cert-file", "/c/alipay.crt"], &[]).unwrap();
        assert_eq!(
            s.alipay_cert_file().unwrap().source,
            Source::Flag("--alipay-cert-file")
        );
        assert_eq!(s.app_cert_file().unwrap().source, profile());
        assert!(s.app_cert_file().unwrap().value.ends_with("app.crt"));
        assert!(s.alipay_root_cert_file().is_none());
    }

    #[test]
    fn a_value_clap_took_from_a_variable_is_recorded_as_env() {
        let o = |v| origin(v, "--app-id", "ALIPAY_APP_ID");
        assert_eq!(
            o(Some(ValueSource::EnvVariable)),
            Source::Env("ALIPAY_APP_ID")
        );
        assert_eq!(o(Some(ValueSource::CommandLine)), Source::Flag("--app-id"));
    }

    #[test]
    fn the_snapshot_is_the_only_environment_settings_see() {
        let s = resolve(
            "",
            &[],
            &[
                ("HTTPS_PROXY", "http://proxy.example:3128"),
                ("ALIPAY_ACCESS_TOKEN", " at-1 "),
                ("ALIPAY_REFRESH_TOKEN", "rt-1"),
                ("BROWSER", "true"),
                ("SSH_TTY", "/dev/pts/1"),
            ],
        )
        .unwrap();
        assert_eq!(
            s.proxy().https.as_deref(),
            Some("http://proxy.example:3128")
        );
        assert_eq!(s.proxy_vars(), [("https", "HTTPS_PROXY")]);
        assert_eq!(s.env_access_token().unwrap().secret(), "at-1");
        assert_eq!(s.env_refresh_token().unwrap().secret(), "rt-1");
        let b = s.browser_env();
        assert_eq!(b.browser.as_deref(), Some("true"));
        assert!(b.ssh);
        // Tokens never show in the settings' Debug.
        assert!(!format!("{s:?}").contains("at-1"));

        let s = resolve("", &[], &[]).unwrap();
        assert!(s.env_access_token().is_none() && s.proxy().https.is_none());
    }

    #[test]
    fn a_bad_profile_value_names_the_profile_and_field() {
        let e = resolve("[profiles.default]\ncharset = \"latin1\"\n", &[], &[]).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("\"default\"") && text.contains("charset"),
            "{text}"
        );
    }
}
