//! Command-line definitions. This module only describes arguments and turns
//! them into validated settings (`settings`); it never does the work.

pub mod env;
pub mod settings;

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

pub use crate::endpoints::Environment;
use crate::sign::{Charset, SignType};
use crate::ui::output::OutputFormat;

const AFTER_HELP: &str = "\
Exit status: 0 success, 1 internal error, 2 usage or configuration error, 3 network error,
4 Alipay answered with an error, 5 authorization not completed, 6 signature did not verify,
130 interrupted.

Secrets are never needed on the command line: keys come from files or ALIPAY_PRIVATE_KEY /
ALIPAY_PUBLIC_KEY, tokens and codes from standard input, the environment or the token store.";

/// Log in with Alipay from the command line, and debug Alipay signatures.
#[derive(Debug, Parser)]
#[command(
    name = "alipay-oauth",
    version,
    propagate_version = true,
    // A later flag overrides an earlier one (shell aliases with defaults).
    args_override_self = true,
    max_term_width = 100,
    after_help = AFTER_HELP
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes. In each command's help they come under
/// their own heading, after the command's own options.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// A profile of the config file.
    #[arg(
        long,
        global = true,
        env = "ALIPAY_PROFILE",
        hide_env_values = true,
        value_name = "NAME"
    )]
    pub profile: Option<String>,

    /// Config file [default: the platform config dir, e.g. ~/.config/alipay-oauth/config.toml].
    #[arg(
        long,
        global = true,
        env = "ALIPAY_OAUTH_CONFIG",
        hide_env_values = true,
        value_name = "FILE"
    )]
    pub config: Option<PathBuf>,

    /// Which Alipay to talk to: picks the gateway and authorization URLs [default: production].
    #[arg(
        long = "env",
        global = true,
        env = "ALIPAY_ENV",
        hide_env_values = true,
        value_enum,
        value_name = "ENV"
    )]
    pub environment: Option<Environment>,

    /// v2 gateway URL; overrides --env.
    #[arg(
        long,
        global = true,
        env = "ALIPAY_GATEWAY",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub gateway: Option<String>,

    /// Authorization page URL; overrides --env.
    #[arg(
        long,
        global = true,
        env = "ALIPAY_AUTHORIZE_URL",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub authorize_url: Option<String>,

    /// Where `--env emulator` finds the emulator (its base URL, e.g. http://127.0.0.1:19300):
    /// moves its gateway and authorization URLs at once [default: http://127.0.0.1:9966].
    #[arg(
        long,
        global = true,
        env = "ALIPAY_EMULATOR_URL",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub emulator_url: Option<String>,

    /// The app id (APPID in the Alipay console).
    #[arg(
        long,
        global = true,
        env = "ALIPAY_APP_ID",
        hide_env_values = true,
        value_name = "ID"
    )]
    pub app_id: Option<String>,

    /// App private key, any format (PKCS#1/PKCS#8, PEM/base64/DER); the key text itself may come in ALIPAY_PRIVATE_KEY.
    #[arg(
        long,
        global = true,
        env = "ALIPAY_PRIVATE_KEY_FILE",
        hide_env_values = true,
        value_name = "PATH"
    )]
    pub private_key_file: Option<PathBuf>,

    /// Alipay public key (from the console), any format; the key text itself may come in ALIPAY_PUBLIC_KEY.
    #[arg(
        long,
        global = true,
        env = "ALIPAY_PUBLIC_KEY_FILE",
        hide_env_values = true,
        value_name = "PATH"
    )]
    pub alipay_public_key_file: Option<PathBuf>,

    /// Signature algorithm: RSA2 (SHA256withRSA) or RSA (SHA1withRSA, legacy) [default: RSA2].
    #[arg(long, global = true, env = "ALIPAY_SIGN_TYPE", hide_env_values = true, value_name = "TYPE", value_parser = parse_sign_type)]
    pub sign_type: Option<SignType>,

    /// Request charset: utf-8 or gbk (gb2312 is an alias) [default: utf-8].
    #[arg(long, global = true, env = "ALIPAY_CHARSET", hide_env_values = true, value_name = "CHARSET", value_parser = parse_charset)]
    pub charset: Option<Charset>,

    /// Where logins are stored [default: the platform data dir, e.g. ~/.local/share/alipay-oauth/tokens].
    #[arg(
        long,
        global = true,
        env = "ALIPAY_TOKEN_DIR",
        hide_env_values = true,
        value_name = "DIR"
    )]
    pub token_dir: Option<PathBuf>,

    /// Seconds to wait for a connection to the gateway.
    #[arg(
        long,
        global = true,
        env = "ALIPAY_CONNECT_TIMEOUT",
        hide_env_values = true,
        value_name = "SECS",
        default_value_t = 10.0
    )]
    pub connect_timeout: f64,

    /// Seconds to wait for the gateway's whole answer.
    #[arg(
        long,
        global = true,
        env = "ALIPAY_REQUEST_TIMEOUT",
        hide_env_values = true,
        value_name = "SECS",
        default_value_t = 30.0
    )]
    pub request_timeout: f64,

    /// Certificate mode: the app's certificate (appCertPublicKey_<app_id>.crt).
    #[arg(
        long,
        global = true,
        env = "ALIPAY_APP_CERT_FILE",
        hide_env_values = true,
        value_name = "PATH"
    )]
    pub app_cert_file: Option<PathBuf>,

    /// Certificate mode: Alipay's certificate (alipayCertPublicKey_RSA2.crt), whose key verifies answers.
    #[arg(
        long,
        global = true,
        env = "ALIPAY_CERT_FILE",
        hide_env_values = true,
        value_name = "PATH"
    )]
    pub alipay_cert_file: Option<PathBuf>,

    /// Certificate mode: Alipay's root certificate bundle (alipayRootCert.crt).
    #[arg(
        long,
        global = true,
        env = "ALIPAY_ROOT_CERT_FILE",
        hide_env_values = true,
        value_name = "PATH"
    )]
    pub alipay_root_cert_file: Option<PathBuf>,

    /// The protocol family: alipay (the Open Platform v2 gateway of China and Global), antom
    /// (Antom, /ams/api) or alipayplus (Alipay+, /aps/api) [default: alipay].
    #[arg(
        long,
        global = true,
        env = "ALIPAY_FAMILY",
        hide_env_values = true,
        value_enum,
        value_name = "FAMILY"
    )]
    pub family: Option<Family>,

    /// The Antom / Alipay+ domain: sea, na or eu (Antom only) [default: sea]; --gateway overrides it.
    #[arg(
        long,
        global = true,
        env = "ALIPAY_REGION",
        hide_env_values = true,
        value_enum,
        value_name = "REGION"
    )]
    pub region: Option<Region>,

    /// Antom's wallet, customerBelongsTo [default: ALIPAY_CN].
    #[arg(
        long,
        global = true,
        env = "ALIPAY_CUSTOMER_BELONGS_TO",
        hide_env_values = true,
        value_name = "WALLET"
    )]
    pub customer_belongs_to: Option<String>,

    /// Alipay+'s authClientId.
    #[arg(
        long,
        global = true,
        env = "ALIPAY_AUTH_CLIENT_ID",
        hide_env_values = true,
        value_name = "ID"
    )]
    pub auth_client_id: Option<String>,

    /// The keyVersion of the Antom / Alipay+ Signature header [default: 1].
    #[arg(
        long,
        global = true,
        env = "ALIPAY_KEY_VERSION",
        hide_env_values = true,
        value_name = "N"
    )]
    pub key_version: Option<u32>,

    /// Output format of stdout (and of errors on stderr) [default: human].
    #[arg(
        short,
        long,
        global = true,
        env = "ALIPAY_OUTPUT",
        hide_env_values = true,
        value_enum,
        value_name = "FORMAT"
    )]
    pub output: Option<OutputFormat>,

    /// Only the essential result (a signature, a token) on stdout.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Show the steps; -vv traces HTTP with secrets masked.
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,
}

fn parse_sign_type(s: &str) -> Result<SignType, String> {
    s.parse()
        .map_err(|e: crate::sign::algorithm::UnknownSignType| e.to_string())
}

fn parse_charset(s: &str) -> Result<Charset, String> {
    s.parse()
        .map_err(|e: crate::sign::charset::CharsetError| e.to_string())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sign parameters the way the gateway expects, and show exactly what was signed.
    #[command(after_help = SIGN_EXAMPLES)]
    Sign(SignArgs),

    /// Check a signature: a gateway response, a notification, or content by hand.
    #[command(subcommand, after_help = VERIFY_EXAMPLES)]
    Verify(VerifyCommand),

    /// Log in through the browser: open the authorization page, catch the callback on a
    /// loopback listener (or take a pasted URL), check state, exchange the code.
    #[command(after_help = AUTHORIZE_EXAMPLES)]
    Authorize(AuthorizeArgs),

    /// Exchange an auth code or a refresh token for tokens (alipay.system.oauth.token).
    #[command(after_help = EXCHANGE_EXAMPLES)]
    Exchange(ExchangeArgs),

    /// Fetch the user of an access token (alipay.user.info.share).
    #[command(after_help = USERINFO_EXAMPLES)]
    Userinfo(UserinfoArgs),

    /// Call any API: signed, sent, and the answer verified (a v2 gateway method, or OpenAPI v3).
    #[command(after_help = CALL_EXAMPLES)]
    Call(CallArgs),

    /// Print a valid access token of the stored login and nothing else, refreshing it (under
    /// the store lock) only when it expires soon.
    #[command(after_help = TOKEN_EXAMPLES)]
    Token(TokenArgs),

    /// Show each stored login: environment, app, subject, token expiry, scope. Exit 5 when
    /// none is usable.
    #[command(
        after_help = "Examples:\n  alipay-oauth status\n  alipay-oauth status -o json | jq -r '.[] | select(.usable) | .subject'"
    )]
    Status,

    /// Show the effective settings and where each came from (secrets redacted).
    #[command(
        after_help = "Examples:\n  alipay-oauth config\n  alipay-oauth --profile sandbox config -o json | jq .app_id"
    )]
    Config,

    /// Remove stored tokens.
    #[command(
        after_help = "Examples:\n  alipay-oauth logout              # the latest login of the app\n  alipay-oauth logout --all"
    )]
    Logout(LogoutArgs),

    /// Generate, convert, inspect and match keys; certificate serial numbers.
    #[command(subcommand, after_help = KEYS_EXAMPLES)]
    Keys(KeysCommand),

    /// Run a local Alipay (authorization page and gateway) for offline use and tests.
    #[command(after_help = EMULATOR_EXAMPLES)]
    Emulator(Box<EmulatorArgs>),

    /// Sit between your application and the gateway: forward every request and answer
    /// unchanged, and check each signature on the way (with a diagnosis when one fails).
    #[command(after_help = PROXY_EXAMPLES)]
    Proxy(ProxyArgs),

    /// Check the configuration: keys, key pairs, sign type, clock, gateway, and with --live a real call.
    #[command(
        after_help = "Examples:\n  alipay-oauth --profile sandbox doctor\n  alipay-oauth doctor --live --app-public-key-file app.pub   # proves app id and signature"
    )]
    Doctor(DoctorArgs),

    /// Run the whole login flow against a built-in emulator, showing every step.
    #[command(
        after_help = "Examples:\n  alipay-oauth demo\n  alipay-oauth demo -o json | jq '.steps[4].details'"
    )]
    Demo,

    /// Print the completion script for a shell (the generated scripts are in completions/).
    #[command(
        after_help = "Examples:\n  alipay-oauth completions bash > ~/.local/share/bash-completion/completions/alipay-oauth\n  alipay-oauth completions zsh > ~/.zfunc/_alipay-oauth"
    )]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff).
    #[command(after_help = "Example:\n  alipay-oauth man > alipay-oauth.1 && man ./alipay-oauth.1")]
    Man,
}

const VERIFY_EXAMPLES: &str = "\
Examples:
  # A gateway answer saved by your app, exactly as received
  alipay-oauth verify response --method alipay.system.oauth.token --alipay-public-key-file alipay.pub body.json
  # A payment notification (form body) or return-URL parameters
  alipay-oauth verify notify --alipay-public-key-file alipay.pub notify-body.txt
  # A signature over content by hand; --private-key-file also checks for swapped keys
  printf %s 'a=1&b=2' | alipay-oauth verify raw --signature \"$SIG\" --alipay-public-key-file alipay.pub";

const KEYS_EXAMPLES: &str = "\
Examples:
  # A new app key pair: paste stdout into the Alipay console
  alipay-oauth keys generate --out app.key --encoding bare
  # What is in this file, and does the key pair match?
  alipay-oauth keys inspect app.key
  alipay-oauth keys match --private-key-file app.key --public-key-file app.pub
  # PKCS#1 for the Python SDK
  alipay-oauth keys convert --to pkcs1 --out app-pkcs1.pem app.key";

const SIGN_EXAMPLES: &str = "\
Examples:
  # Sign exactly these parameters
  alipay-oauth sign --private-key-file app.key a=1 b='two words'
  # A whole gateway request for alipay.system.oauth.token, the code read from stdin
  echo \"grant_type=authorization_code&code=$CODE\" | \\
    alipay-oauth sign --app-id 2021... --method alipay.system.oauth.token --stdin form
  # Reproduce a request at a fixed time, signature only
  alipay-oauth sign -q --method alipay.user.info.share --timestamp '2024-01-02 03:04:05' ...
  # Antom / Alipay+: the Signature header of a request body (-q: the header value alone)
  alipay-oauth sign --dialect header --client-id SANDBOX_5Y... --path /ams/api/v1/authorizations/consult \
    --request-time 2024-01-02T03:04:05+08:00 --body-file consult.json
  # OpenAPI v3: the Authorization header, nonce and timestamp fixed to reproduce a call
  alipay-oauth sign --dialect v3 --http-method POST --path /v3/alipay/system/oauth/token \
    --nonce 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0 --timestamp 1704135845000 --body-file token.json";

const AUTHORIZE_EXAMPLES: &str = "\
Examples:
  # Against the local emulator (loopback callback on a free port)
  alipay-oauth --env emulator --private-key-file app.key --alipay-public-key-file alipay.pub authorize
  # A real app: the registered callback domain reaches this machine through a hosts-file entry
  alipay-oauth authorize --redirect-uri http://shop.example.com:8080/alipay/cb --listen 127.0.0.1:8080
  # Over SSH, or when the callback cannot reach this machine: paste the address-bar URL
  alipay-oauth authorize --redirect-uri https://shop.example.com/alipay/cb --manual
  # Only the code, for your own exchange
  alipay-oauth authorize --no-exchange -o json
  # Log in on a phone: scan the QR code with the Alipay app (shown on a terminal by default)
  alipay-oauth authorize --qr --no-browser --manual
  # The token and user calls through OpenAPI v3 instead of the v2 gateway
  alipay-oauth authorize --dialect v3";

#[derive(Debug, Args)]
pub struct AuthorizeArgs {
    /// auth_user (profile; a consent screen) or auth_base (user id only; silent), or both [default: auth_user].
    #[arg(long, value_name = "SCOPES")]
    pub scope: Option<String>,

    /// The callback registered for the app [default: a loopback URL on a free port, fine for the emulator].
    #[arg(long, value_name = "URL")]
    pub redirect_uri: Option<String>,

    /// Listen here instead of the redirect URI's host and port (hosts-file entry, tunnel, SSH forward).
    #[arg(long, value_name = "HOST:PORT")]
    pub listen: Option<String>,

    /// Let --listen use an address that is not loopback.
    #[arg(long)]
    pub allow_remote_listen: bool,

    /// Seconds to wait for the callback.
    #[arg(long, value_name = "SECS", default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: u64,

    /// Do not open a browser; only print the URL.
    #[arg(long)]
    pub no_browser: bool,

    /// Also print the URL as a QR code for the Alipay app to scan, even when stderr is not a
    /// terminal [default: only on a terminal].
    #[arg(long, conflicts_with = "no_qr")]
    pub qr: bool,

    /// Never print the QR code.
    #[arg(long)]
    pub no_qr: bool,

    /// No listener: paste the address-bar URL (or the auth_code) at the prompt or on standard input.
    #[arg(long)]
    pub manual: bool,

    /// Print the auth code instead of exchanging it.
    #[arg(long)]
    pub no_exchange: bool,

    /// The API of the token and user calls after the redirect: v2 (the gateway) or v3
    /// (OpenAPI v3's /v3/alipay/system/oauth/token and /v3/alipay/user/info/share).
    #[arg(
        long,
        value_enum,
        default_value = "v2",
        value_name = "DIALECT",
        conflicts_with = "no_exchange"
    )]
    pub dialect: CallDialect,

    /// Do not store the tokens. Alipay drops the user's earlier access tokens on a new login, so
    /// a stored login of the same user is marked and refreshes on its next use.
    #[arg(long)]
    pub no_store: bool,

    /// Show tokens in full in human output.
    #[arg(long)]
    pub show_secrets: bool,
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Generate an RSA key pair: the private key to a file (0600), the public key to upload on stdout.
    #[command(
        after_help = "Example:\n  alipay-oauth keys generate --out app.key --encoding bare   # paste stdout into the Alipay console"
    )]
    Generate {
        /// Key size.
        #[arg(long, default_value_t = 2048)]
        bits: usize,
        /// Private key structure: pkcs8 (Java SDK, Alipay key tool) or pkcs1 (Python SDK).
        #[arg(long, value_enum, default_value = "pkcs8")]
        format: PrivateFormatArg,
        /// PEM, or one-line base64 as the console shows keys.
        #[arg(long, value_enum, default_value = "pem")]
        encoding: EncodingArg,
        /// Where to write the private key.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },

    /// The public key (SPKI) of a private key, a public key or a certificate.
    #[command(
        after_help = "Example:\n  alipay-oauth keys public --encoding bare app.key   # what to upload to the console"
    )]
    Public {
        /// PEM, one-line base64 (as the console shows keys) or binary DER.
        #[arg(long, value_enum, default_value = "pem")]
        encoding: EncodingArg,
        /// Private key, public key or certificate file, or - for standard input [default: standard input].
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },

    /// Convert a key between PKCS#1, PKCS#8 and SPKI, PEM, one-line base64 and DER.
    #[command(
        after_help = "Examples:\n  alipay-oauth keys convert --to pkcs1 --out app-pkcs1.pem app.key   # for the Python SDK\n  alipay-oauth keys convert --to spki --encoding bare alipay-public.pem"
    )]
    Convert {
        /// Target structure: pkcs1 or pkcs8 for a private key (pkcs1 for the Python SDK), spki for a
        /// public key.
        #[arg(long, value_enum)]
        to: FormatArg,
        /// PEM, one-line base64 (as the console shows keys) or binary DER.
        #[arg(long, value_enum, default_value = "pem")]
        encoding: EncodingArg,
        /// Write here (mode 0600 for private keys) instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace an existing --out file.
        #[arg(long)]
        force: bool,
        /// Key file, or - for standard input [default: standard input].
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },

    /// Does this private key belong to this public key (or certificate)? Exit 0 yes, 6 no.
    #[command(
        after_help = "Examples:\n  alipay-oauth keys match --private-key-file app.key --public-key-file app.pub\n  alipay-oauth keys match   # is the configured Alipay public key really not the app's own?"
    )]
    Match {
        /// The public key or certificate to compare with [default: the configured Alipay public key].
        #[arg(long, value_name = "PATH")]
        public_key_file: Option<PathBuf>,
    },

    /// What a file holds: kind, format, encoding, bits, SHA-256 fingerprint of the public key.
    #[command(after_help = "Example:\n  alipay-oauth keys inspect -o json app.key")]
    Inspect {
        /// Key or certificate file, or - for standard input [default: standard input].
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },

    /// The SN of a certificate, or with --root the alipay_root_cert_sn of a root bundle.
    #[command(
        after_help = "Examples:\n  alipay-oauth keys cert-sn appCertPublicKey_2021000000000000.crt\n  alipay-oauth keys cert-sn --root alipayRootCert.crt"
    )]
    CertSn {
        /// FILE is Alipay's root bundle (alipayRootCert.crt): print the alipay_root_cert_sn made from
        /// its RSA certificates.
        #[arg(long)]
        root: bool,
        /// The certificate (PEM or DER), e.g. appCertPublicKey_<app_id>.crt.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PrivateFormatArg {
    Pkcs8,
    Pkcs1,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Pkcs1,
    Pkcs8,
    Spki,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    Pem,
    Bare,
    Der,
}

const EXCHANGE_EXAMPLES: &str = "\
Examples:
  # An auth code from the callback, read from standard input (hidden on a terminal)
  alipay-oauth exchange --code -
  # CI: refresh the token kept in a pipeline secret, read the JSON
  echo \"$ALIPAY_REFRESH_TOKEN\" | alipay-oauth exchange --refresh-token-stdin --no-store -o json | jq -r .access_token
  # Refresh the stored login (safe to run from parallel jobs)
  alipay-oauth exchange --refresh
  # Through OpenAPI v3 (/v3/alipay/system/oauth/token); the same JSON
  alipay-oauth exchange --dialect v3 --code -";

const CALL_EXAMPLES: &str = "\
Examples:
  # A method with business parameters (sent as biz_content), the answer's node as JSON
  alipay-oauth call alipay.trade.query --biz-content '{\"out_trade_no\":\"20240102001\"}' -o json
  # Parameters of the request itself, biz_content from a file
  alipay-oauth call alipay.trade.create notify_url=https://shop.example.com/n --biz-content @o.json
  # A user's API: the stored login's access token is sent as auth_token
  alipay-oauth call alipay.user.info.share
  # Another token, read from standard input
  alipay-oauth token --subject 074a... | alipay-oauth call alipay.user.info.share --auth-token-stdin
  # Not sent: a curl command that sends the same signed request
  alipay-oauth call alipay.trade.query --biz-content @query.json --curl
  # OpenAPI v3: the HTTP method and the path, a JSON body from a file
  alipay-oauth call --dialect v3 POST /v3/alipay/trade/query --body-file query.json
  alipay-oauth call --dialect v3 GET /v3/alipay/user/info/share --curl
  # Antom (the header dialect): a path and a JSON body, the answer verified
  alipay-oauth --family antom call /ams/api/v1/authorizations/query --body-file q.json

Which auth_token is sent: --auth-token-stdin reads one; --no-auth-token sends none; otherwise
methods under alipay.user. (the member APIs, which act for a logged-in user), and any method
with --user-token or --subject, get ALIPAY_ACCESS_TOKEN when set, else the stored login's
access token (refreshed first when it expires within a minute, and once more if Alipay
refuses it). A method under alipay.user. with no stored login is sent without one. With
--dialect v3 the same goes for paths under /v3/alipay/user/, and the token travels in the
signed Authorization header (`,auth_token=...`, as the Node SDK's additionalAuthInfo).";

const TOKEN_EXAMPLES: &str = "\
Examples:
  # Before each API call of a script or CI job: refreshes only when needed
  TOKEN=$(alipay-oauth token)
  alipay-oauth token | alipay-oauth userinfo --access-token-stdin
  # A token good for at least ten more minutes, with its expiry
  alipay-oauth token --min-valid 600 -o json | jq -r .expires_at";

#[derive(Debug, Args)]
pub struct TokenArgs {
    /// Refresh when the access token expires within this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(0..=TEN_YEARS))]
    pub min_valid: u64,

    /// Which stored login (an open_id or user_id) [default: the latest].
    #[arg(long, value_name = "SUBJECT")]
    pub subject: Option<String>,
}

const USERINFO_EXAMPLES: &str = "\
Examples:
  alipay-oauth userinfo                       # the stored login, refreshed first if expired
  alipay-oauth userinfo -o json | jq .subject
  printf %s \"$TOKEN\" | alipay-oauth userinfo --access-token-stdin --raw
  alipay-oauth userinfo --dialect v3          # through /v3/alipay/user/info/share";

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("grant").required(true).args(["code", "refresh_token_stdin", "refresh"])))]
pub struct ExchangeArgs {
    /// The auth_code from the callback; - reads it from standard input.
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,

    /// Read a refresh token from standard input.
    #[arg(long)]
    pub refresh_token_stdin: bool,

    /// Refresh with ALIPAY_REFRESH_TOKEN, else the stored login.
    #[arg(long)]
    pub refresh: bool,

    /// Which stored login to refresh (an open_id or user_id) [default: the latest].
    #[arg(long, value_name = "SUBJECT")]
    pub subject: Option<String>,

    /// Do not store the tokens.
    #[arg(long)]
    pub no_store: bool,

    /// Show tokens in full in human output.
    #[arg(long)]
    pub show_secrets: bool,

    /// The API of the token call: v2 (the gateway's alipay.system.oauth.token) or v3
    /// (OpenAPI v3's /v3/alipay/system/oauth/token).
    #[arg(long, value_enum, default_value = "v2", value_name = "DIALECT")]
    pub dialect: CallDialect,
}

#[derive(Debug, Args)]
pub struct CallArgs {
    /// The API method, e.g. alipay.trade.query; with --dialect v3 the HTTP method (GET,
    /// POST...); with --family antom or alipayplus, the API path, e.g.
    /// /ams/api/v1/authorizations/query.
    #[arg(value_name = "METHOD|PATH")]
    pub method: String,

    /// Request parameters as NAME=VALUE (raw values: no percent-encoding); each name once.
    /// With --dialect v3: the path, e.g. /v3/alipay/user/info/share.
    #[arg(value_name = "NAME=VALUE|PATH")]
    pub params: Vec<String>,

    /// With --dialect v3, or --family antom or alipayplus: the JSON body, sent byte for byte
    /// (- for standard input).
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,

    /// With --dialect v3: a query parameter as NAME=VALUE; repeatable.
    #[arg(long, value_name = "NAME=VALUE")]
    pub query: Vec<String>,

    /// The business parameters: a JSON object, or @FILE (@- for standard input); each key
    /// once in every object. Sent exactly as given, without surrounding whitespace.
    #[arg(long, value_name = "JSON|@FILE")]
    pub biz_content: Option<String>,

    /// Read the user's access token (auth_token) from standard input.
    #[arg(long, conflicts_with_all = ["no_auth_token", "user_token"])]
    pub auth_token_stdin: bool,

    /// Send the stored login's access token even to a method outside alipay.user.
    #[arg(long, conflicts_with = "no_auth_token")]
    pub user_token: bool,

    /// Send no auth_token, even to a method under alipay.user.
    #[arg(long)]
    pub no_auth_token: bool,

    /// Send the access token of this stored login (an open_id or user_id) [default: the latest].
    #[arg(long, value_name = "SUBJECT", conflicts_with_all = ["no_auth_token", "auth_token_stdin"])]
    pub subject: Option<String>,

    /// Do not send: print a curl command that sends the same signed request.
    #[arg(long)]
    pub curl: bool,

    /// Print the verified node exactly as Alipay sent it.
    #[arg(long)]
    pub raw: bool,

    /// Show tokens in full in human output.
    #[arg(long)]
    pub show_secrets: bool,

    /// The signing dialect: v2 (the gateway's signed form parameters) or v3 (OpenAPI v3:
    /// METHOD is the HTTP method, then the path).
    #[arg(long, value_enum, default_value = "v2", value_name = "DIALECT")]
    pub dialect: CallDialect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CallDialect {
    V2,
    V3,
}

impl From<CallDialect> for crate::gateway::OauthApi {
    fn from(d: CallDialect) -> Self {
        match d {
            CallDialect::V2 => crate::gateway::OauthApi::V2,
            CallDialect::V3 => crate::gateway::OauthApi::V3,
        }
    }
}

pub use crate::protocol::header::{Family, Region};

#[derive(Debug, Args)]
pub struct UserinfoArgs {
    /// Read the access token from standard input (else ALIPAY_ACCESS_TOKEN, else the stored login).
    #[arg(long)]
    pub access_token_stdin: bool,

    /// Which stored login (an open_id or user_id) [default: the latest].
    #[arg(long, value_name = "SUBJECT")]
    pub subject: Option<String>,

    /// Print the verified node exactly as Alipay sent it.
    #[arg(long)]
    pub raw: bool,

    /// The API: v2 (the gateway's alipay.user.info.share) or v3 (OpenAPI v3's
    /// /v3/alipay/user/info/share).
    #[arg(long, value_enum, default_value = "v2", value_name = "DIALECT")]
    pub dialect: CallDialect,
}

const PROXY_EXAMPLES: &str = "\
Examples:
  # Point the app's gateway URL at http://127.0.0.1:9980/gateway.do, then
  alipay-oauth proxy --env sandbox --app-public-key-file app.pub --alipay-public-key-file alipay.pub
  # Against the emulator, one JSON line per exchange, each exchange kept for `verify`
  alipay-oauth --env emulator --private-key-file app.key --alipay-public-key-file alipay.pub \\
    proxy -o json --record ./exchanges
  # Only the failures
  alipay-oauth proxy -o json ... | jq -c 'select(.request_signature != \"valid\" or .response_signature == \"invalid\")'";

#[derive(Debug, Args)]
pub struct ProxyArgs {
    /// Where the application connects: HOST:PORT (port 0 picks a free one).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:9980")]
    pub listen: String,

    /// Let --listen use an address that is not loopback (the traffic carries tokens).
    #[arg(long)]
    pub allow_remote_listen: bool,

    /// Where to forward (http or https); a trailing /gateway.do is dropped, since the
    /// application sends its own path [default: the gateway of --env or --gateway].
    #[arg(long, value_name = "URL")]
    pub upstream: Option<String>,

    /// The app public key the requests are checked with (a certificate works too) [default:
    /// derived from --private-key-file].
    #[arg(long, value_name = "PATH")]
    pub app_public_key_file: Option<PathBuf>,

    /// Keep each exchange here (a private directory; 0600 files): the raw request and
    /// answer, the answer's body, and the `verify` command that replays it.
    #[arg(long, value_name = "DIR")]
    pub record: Option<PathBuf>,

    /// The most --record writes in one run, in MiB; later exchanges are not recorded.
    #[arg(long, value_name = "MIB", default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=65_536))]
    pub record_limit: u64,

    /// Show and record tokens, codes and request signatures unmasked.
    #[arg(long)]
    pub show_secrets: bool,
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Also call alipay.system.oauth.token with a dummy code: isv.code-invalid proves the app id and
    /// signature are right.
    #[arg(long)]
    pub live: bool,

    /// The app public key uploaded to the console, to check it matches the private key.
    #[arg(long, value_name = "PATH")]
    pub app_public_key_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// Remove every stored login of the app, not just the latest.
    #[arg(long)]
    pub all: bool,

    /// Remove this login (an open_id or user_id).
    #[arg(long, value_name = "SUBJECT", conflicts_with = "all")]
    pub subject: Option<String>,

    /// Antom / Alipay+: revoke the access token first (revoke / cancelToken); a refused
    /// revocation keeps the login.
    #[arg(long, conflicts_with = "all")]
    pub revoke: bool,
}

/// The longest lifetime the emulator accepts.
const TEN_YEARS: u64 = 10 * 365 * 24 * 3600;

const EMULATOR_EXAMPLES: &str = "\
Examples:
  # An emulator for your own app key; prints the Alipay public key to verify with
  alipay-oauth emulator --app-id 2021000000000000 --app-public-key-file app.pub \\
    --alipay-public-key-out alipay.pub
  # Quick start: make an app key pair on the fly, approve every login at once
  alipay-oauth emulator --generate-app-key app.key --auto-approve
  # Then, in another terminal
  alipay-oauth --env emulator --private-key-file app.key --alipay-public-key-file alipay.pub authorize
  # Make the next two token calls fail, then one come late
  curl --json '{\"fault\":\"error:isv.code-invalid\",\"count\":2}' http://127.0.0.1:9966/__emulator/faults
  alipay-oauth emulator ... --fault delay:5000";

#[derive(Debug, Args)]
pub struct EmulatorArgs {
    /// Port to listen on (0: any free port) [default: 9966].
    #[arg(long, value_name = "PORT")]
    pub port: Option<u16>,

    /// Address to listen on; anything but loopback exposes the emulator to the network.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,

    /// The app's public key (the app id comes from --app-id, default 2021000000000000).
    #[arg(long, value_name = "PATH", conflicts_with = "generate_app_key")]
    pub app_public_key_file: Option<PathBuf>,

    /// Make a fresh app key pair: write the private key here (mode 0600) and register its public key.
    #[arg(long, value_name = "FILE")]
    pub generate_app_key: Option<PathBuf>,

    /// A TOML file registering several apps ([[apps]] with app_id, public_key_file,
    /// redirect_domains, id_mode, member_info, group, name).
    #[arg(long, value_name = "FILE")]
    pub apps_file: Option<PathBuf>,

    /// Alipay's private key to sign with [default: a fresh one].
    #[arg(long, value_name = "PATH")]
    pub alipay_private_key_file: Option<PathBuf>,

    /// Write the Alipay public key (PEM) here, for clients to verify with.
    #[arg(long, value_name = "FILE")]
    pub alipay_public_key_out: Option<PathBuf>,

    /// The app's authorization callback domain (repeatable); loopback hosts are always allowed.
    #[arg(long, value_name = "HOST")]
    pub redirect_domain: Vec<String>,

    /// Which user ids the app receives: open_id (apps since 2023), user_id (older apps), or both.
    #[arg(long, value_enum, default_value = "open_id")]
    pub id_mode: crate::emulator::users::IdMode,

    /// Approve every authorization at once as the first test user (for CI).
    #[arg(long)]
    pub auto_approve: bool,

    /// Refuse loopback redirect URIs unless their host is a --redirect-domain (as Alipay does).
    #[arg(long)]
    pub strict_redirects: bool,

    /// The app lacks the member-info capability (user info answers isv.insufficient-isv-permissions).
    #[arg(long)]
    pub no_member_info: bool,

    /// Lifetime of auth codes, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..=TEN_YEARS))]
    pub code_ttl: u64,

    /// Lifetime of access tokens, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 1_296_000, value_parser = clap::value_parser!(u64).range(1..=TEN_YEARS))]
    pub token_ttl: u64,

    /// Lifetime of refresh tokens, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 2_592_000, value_parser = clap::value_parser!(u64).range(1..=TEN_YEARS))]
    pub refresh_ttl: u64,

    /// How far request timestamps may be from Beijing time, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 900, value_parser = clap::value_parser!(u64).range(1..=TEN_YEARS))]
    pub timestamp_window: u64,

    /// A fault for the next gateway responses (repeatable): error:SUB_CODE, delay:MILLIS,
    /// tamper, wrong-key, unsigned, http:STATUS, truncate or wrong-cert-sn (certificate mode: the
    /// answer names another Alipay certificate), with an optional /COUNT.
    #[arg(long, value_name = "SPEC")]
    pub fault: Vec<crate::emulator::faults::FaultSpec>,

    /// Worker threads (1 to 256).
    #[arg(long, value_name = "N", default_value_t = 16, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=256))]
    pub threads: usize,

    /// Serve https: issue a throwaway CA and a certificate for localhost, 127.0.0.1 and ::1,
    /// and write the CA to DIR/ca.pem for clients (SSL_CERT_FILE=DIR/ca.pem). The server's
    /// key never leaves memory. The -o json start-up line gains "tls": {"ca_file": PATH}.
    #[arg(long, value_name = "DIR")]
    pub tls: Option<PathBuf>,

    /// Close a connection that starts no request for this long, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub idle_timeout: u64,

    /// Close a connection whose request head (line and headers) takes longer, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub header_timeout: u64,

    /// Answer 408 when a request body takes longer to arrive, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub body_timeout: u64,

    /// Connections open at once; more are answered 503 and closed.
    #[arg(long, value_name = "N", default_value_t = 512, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=65536))]
    pub max_connections: usize,

    /// Public-key-certificate mode: issue a root CA and certificates for Alipay and each app,
    /// write them here (alipayRootCert.crt, alipayCertPublicKey_RSA2.crt,
    /// appCertPublicKey_<app_id>.crt), and require app_cert_sn / alipay_root_cert_sn.
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// Parameters to sign, as NAME=VALUE (values are raw: no percent-encoding).
    #[arg(value_name = "NAME=VALUE")]
    pub params: Vec<String>,

    /// The signing dialect: v2 (gateway form parameters), header (Antom / Alipay+ Signature
    /// header) or v3 (OpenAPI v3 Authorization header).
    #[arg(long, value_enum, default_value = "v2")]
    pub dialect: DialectArg,

    /// header, v3: the request path, e.g. /ams/api/v1/authorizations/consult.
    #[arg(long, value_name = "PATH")]
    pub path: Option<String>,

    /// header, v3: the HTTP method (header: default POST).
    #[arg(long, value_name = "METHOD")]
    pub http_method: Option<String>,

    /// header, v3: the request body, exactly as sent; - for standard input [default: empty].
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,

    /// header: the Client-Id [default: --app-id].
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,

    /// header: the Request-Time, used exactly as given [default: now, ISO-8601 in UTC].
    #[arg(long, value_name = "TIME")]
    pub request_time: Option<String>,

    /// v3: the query string (without ?), exactly as sent.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,

    /// v3: the app auth token of a third-party app call (signed; sent as alipay-app-auth-token).
    #[arg(
        long,
        env = "ALIPAY_APP_AUTH_TOKEN",
        hide_env_values = true,
        value_name = "TOKEN"
    )]
    pub app_auth_token: Option<String>,

    /// v3: read a user's access token from standard input; it is signed into the
    /// Authorization header as `,auth_token=...` (the Node SDK's additionalAuthInfo).
    #[arg(long)]
    pub auth_token_stdin: bool,

    /// v3: the nonce [default: a random UUID].
    #[arg(long, value_name = "NONCE")]
    pub nonce: Option<String>,

    /// Also read parameters from standard input, as a form-encoded string or a JSON object.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub stdin: Option<StdinFormat>,

    /// Make a whole gateway request for this API method: adds app_id, method, format, charset,
    /// sign_type, timestamp and version.
    #[arg(long, value_name = "METHOD")]
    pub method: Option<String>,

    /// With --method: the timestamp, "yyyy-MM-dd HH:mm:ss" in Beijing time; with --dialect v3:
    /// milliseconds since the epoch [default: now].
    #[arg(long, value_name = "TIME")]
    pub timestamp: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum DialectArg {
    /// The v2 gateway's form parameters.
    #[default]
    V2,
    /// Antom / Alipay+: the Signature header.
    Header,
    /// OpenAPI v3: the Authorization header.
    V3,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StdinFormat {
    Form,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum VerifyCommand {
    /// Verify a raw gateway response body, exactly as received.
    #[command(
        after_help = "Example:\n  curl -s ... | alipay-oauth verify response --method alipay.system.oauth.token"
    )]
    Response {
        /// The API method called; picks the node (default: the root key ending in _response).
        #[arg(long, value_name = "METHOD")]
        method: Option<String>,

        #[command(flatten)]
        input: VerifyInput,
    },

    /// Verify notification or return-URL parameters (form-encoded or a JSON object).
    #[command(
        after_help = "Examples:\n  alipay-oauth verify notify --alipay-public-key-file alipay.pub notify-body.txt\n  alipay-oauth verify notify --rule v1 -o json < params.json"
    )]
    Notify {
        /// v1: leave out sign and sign_type (payment notifications, return URLs);
        /// v2: leave out only sign (gateway messages); auto: v1 then v2.
        #[arg(long, value_enum, default_value = "auto")]
        rule: RuleArg,

        #[command(flatten)]
        input: VerifyInput,
    },

    /// Verify an Antom / Alipay+ signature: an answer (Response-Time) or a notification.
    #[command(after_help = VERIFY_HEADER_EXAMPLES)]
    Header(VerifyHeaderArgs),

    /// Verify an OpenAPI v3 answer from its alipay-timestamp, alipay-nonce and
    /// alipay-signature headers and raw body.
    #[command(after_help = VERIFY_V3_EXAMPLES)]
    V3(VerifyV3Args),

    /// Verify a signature over content given by hand (the file's exact bytes).
    #[command(
        after_help = "Example:\n  printf %s 'a=1&b=2' | alipay-oauth verify raw --signature \"$SIG\" --alipay-public-key-file alipay.pub --private-key-file app.key"
    )]
    Raw {
        /// The base64 signature.
        #[arg(long, value_name = "SIGNATURE")]
        signature: String,

        #[command(flatten)]
        input: VerifyInput,
    },
}

const VERIFY_HEADER_EXAMPLES: &str = "\
Examples:
  # An Antom answer: the Signature and Response-Time headers, the body as received
  alipay-oauth verify header --alipay-public-key-file antom.pub --client-id SANDBOX_5Y... \\
    --path /ams/sandbox/api/v1/authorizations/applyToken --time 2024-01-02T03:04:06+08:00 \\
    --signature 'algorithm=RSA256,keyVersion=1,signature=KrwD...%3D%3D' --body-file answer.json
  # A bare signature, URL-encoded or not, JSON verdict with a diagnosis
  alipay-oauth verify header -o json ... --signature 'KrwD...==' --body-file - < answer.json";

const VERIFY_V3_EXAMPLES: &str = "\
Examples:
  # The three alipay-* headers of the answer and its raw body
  alipay-oauth verify v3 --alipay-public-key-file alipay.pub --timestamp 1704135846000 \\
    --nonce 6f3e... --signature 'Zm9v...' --body-file answer.json
  # Certificate mode also checks the alipay-sn header
  alipay-oauth verify v3 --alipay-cert-file alipayCertPublicKey_RSA2.crt --alipay-sn 4a2c... ...";

#[derive(Debug, Args)]
pub struct VerifyHeaderArgs {
    /// The path the message was sent to (an answer is signed over its request's path).
    #[arg(long, value_name = "PATH")]
    pub path: String,

    /// The Client-Id [default: --app-id].
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,

    /// The signed time: the answer's Response-Time (a request's Request-Time).
    #[arg(long, value_name = "TIME")]
    pub time: String,

    /// The Signature header value, or the bare signature; URL-encoded or not.
    #[arg(long, value_name = "VALUE", allow_hyphen_values = true)]
    pub signature: String,

    /// The HTTP method.
    #[arg(long, value_name = "METHOD", default_value = "POST")]
    pub http_method: String,

    /// The body exactly as received; - for standard input [default: empty].
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,

    /// The request's Request-Time, to tell when an answer was signed with it instead.
    #[arg(long, value_name = "TIME")]
    pub request_time: Option<String>,

    /// The app's own public key, to diagnose swapped keys (the app private key works too).
    #[arg(long, value_name = "PATH")]
    pub app_public_key_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VerifyV3Args {
    /// The alipay-timestamp header.
    #[arg(long, value_name = "MILLIS")]
    pub timestamp: String,

    /// The alipay-nonce header.
    #[arg(long, value_name = "NONCE")]
    pub nonce: String,

    /// The alipay-signature header.
    #[arg(long, value_name = "SIGNATURE", allow_hyphen_values = true)]
    pub signature: String,

    /// The alipay-sn header (certificate mode: must name the configured Alipay certificate).
    #[arg(long, value_name = "SN")]
    pub alipay_sn: Option<String>,

    /// The body exactly as received; - for standard input [default: empty].
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,

    /// The app's own public key, to diagnose swapped keys (the app private key works too).
    #[arg(long, value_name = "PATH")]
    pub app_public_key_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VerifyInput {
    /// The app's own public key, to diagnose swapped keys (the app private key works too,
    /// via --private-key-file).
    #[arg(long, value_name = "PATH")]
    pub app_public_key_file: Option<PathBuf>,

    /// Input file, or - for standard input [default: standard input].
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RuleArg {
    V1,
    V2,
    Auto,
}
