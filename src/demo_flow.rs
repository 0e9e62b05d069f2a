//! `demo`: the whole login flow against an in-process emulator with
//! throwaway keys. The "browser" is played here: it follows the
//! authorization URL, agrees on the consent page and follows the redirect to
//! the real callback listener. Each step is reported with its real data.

use std::sync::Arc;
use std::time::Duration;

use crate::emulator::users::IdMode;
use crate::emulator::{AppConfig, Emulator, EmulatorConfig};
use crate::error::Error;
use crate::gateway::client::{CallRecord, ClientConfig, ProxyConfig};
use crate::gateway::header::{ConsultRequest, HeaderClient, HeaderConfig};
use crate::gateway::network::NetworkError;
use crate::gateway::{Client, TokenSet, UserInfo};
use crate::oauth::ScopeList;
use crate::oauth::flow::{self, CallbackPlan, ListenAt};
use crate::protocol::header::Family;
use crate::secret::mask;
use crate::sign::response::SignatureStatus;
use crate::sign::{Charset, PrivateKey, SignType};
use crate::trace::{Silent, Tracer};

pub const DEMO_APP_ID: &str = "2021000000000000";

/// One step of the login sequence, with the data it involved.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Step {
    pub number: usize,
    pub title: &'static str,
    pub details: Vec<(String, String)>,
}

/// How the demo ended.
#[derive(Debug)]
pub struct Outcome {
    pub tokens: TokenSet,
    pub user: UserInfo,
}

pub const STEPS: usize = 9;

fn step(number: usize, title: &'static str, details: Vec<(&str, String)>) -> Step {
    Step {
        number,
        title,
        details: details
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    }
}

fn verification(record: &CallRecord) -> String {
    match &record.verified {
        SignatureStatus::Valid {
            unescaped_slashes: false,
        } => {
            format!(
                "valid RSA2 signature over the raw {} node, checked with the Alipay public key",
                record.node
            )
        }
        SignatureStatus::Valid {
            unescaped_slashes: true,
        } => {
            format!(
                "valid after the \\/ retry, over the raw {} node",
                record.node
            )
        }
        SignatureStatus::Unsigned => "unsigned".into(),
        SignatureStatus::Invalid(m) => format!("INVALID: {m}"),
    }
}

/// A browser that does not follow redirects, so each hop can be shown.
fn browser() -> Result<reqwest::blocking::Client, Error> {
    reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| {
            Error::Internal(format!(
                "cannot set up the demo browser: {}",
                e.without_url()
            ))
        })
}

fn get(
    browser: &reqwest::blocking::Client,
    url: &str,
) -> Result<reqwest::blocking::Response, Error> {
    browser
        .get(url)
        .send()
        .map_err(|e| NetworkError::DemoPage(e.without_url().to_string()).into())
}

fn location(resp: &reqwest::blocking::Response) -> Result<String, Error> {
    resp.headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .ok_or_else(|| Error::Internal(format!("expected a redirect, got HTTP {}", resp.status())))
}

/// Runs the flow, reporting each step to `report`.
pub fn run(report: &mut dyn FnMut(&Step), tracer: &dyn Tracer) -> Result<Outcome, Error> {
    tracer.trace(
        1,
        "generating throwaway RSA-2048 keys for the app and for Alipay",
    );
    let app_key = PrivateKey::generate(2048)?;
    let alipay_key = PrivateKey::generate(2048)?;

    let mut config = EmulatorConfig::new(
        vec![AppConfig {
            app_id: DEMO_APP_ID.into(),
            name: "Demo Shop".into(),
            public_key: app_key.public_key(),
            redirect_domains: Vec::new(),
            id_mode: IdMode::Both,
            member_info: true,
            group: None,
        }],
        alipay_key,
    );
    config.port = 0;
    config.threads = 4;
    let emulator = Emulator::start(config, Arc::new(Silent))?;

    // The app's callback listener, on loopback; the scripted browser below
    // is the only one answering, so nothing is pasted.
    let login = flow::begin(CallbackPlan::Listen(ListenAt::loopback("/alipay/callback")))?;
    let redirect_uri = login.redirect_uri.clone();
    let scopes: ScopeList = "auth_user".parse().expect("a valid scope");

    // 1. The user opens the login page; the app sends the browser to Alipay.
    let auth_url = login
        .authorize_url(&emulator.authorize_url(), DEMO_APP_ID, &scopes)
        .map_err(|e| Error::Internal(e.to_string()))?;
    report(&step(
        1,
        "The user clicks \"Log in with Alipay\"; the app builds the authorization URL",
        vec![
            ("authorization URL", auth_url.to_string()),
            (
                "state",
                format!(
                    "{} (128 random bits, checked on return)",
                    login.state.as_str()
                ),
            ),
            ("callback listener", redirect_uri.clone()),
        ],
    ));

    // 2-4 happen in the browser while the listener waits.
    let browser = browser()?;
    let browse = {
        let auth_url = auth_url.to_string();
        let base = emulator.base_url().to_string();
        std::thread::spawn(move || -> Result<Vec<Step>, Error> {
            let mut steps = Vec::new();
            let page = get(&browser, &auth_url)?;
            let status = page.status().as_u16();
            let html = page.text().unwrap_or_default();
            let request_id = html
                .split("name=\"request_id\" value=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .ok_or_else(|| Error::Internal("the consent page has no form".into()))?
                .to_string();
            steps.push(step(
                2,
                "The browser is redirected to Alipay's authorization page",
                vec![
                    (
                        "GET",
                        auth_url.split('?').next().unwrap_or_default().to_string(),
                    ),
                    (
                        "answer",
                        format!("HTTP {status}: the consent screen for Demo Shop, scope auth_user"),
                    ),
                ],
            ));
            let agreed = browser
                .post(format!("{base}/oauth2/consent"))
                .header(
                    reqwest::header::CONTENT_TYPE,
                    "application/x-www-form-urlencoded",
                )
                .body(format!("request_id={request_id}&user=0&decision=agree"))
                .send()
                .map_err(|e| Error::Internal(format!("consent failed: {}", e.without_url())))?;
            let back = location(&agreed)?;
            steps.push(step(
                3,
                "The user agrees (as test user 沙箱用户)",
                vec![
                    ("POST", format!("{base}/oauth2/consent  decision=agree")),
                    (
                        "answer",
                        format!(
                            "HTTP {} redirect to the app's callback",
                            agreed.status().as_u16()
                        ),
                    ),
                ],
            ));
            let landed = get(&browser, &back)?;
            let shown = back.replace(
                &url::Url::parse(&back)
                    .ok()
                    .and_then(|u| {
                        u.query_pairs()
                            .find(|(k, _)| k == "auth_code")
                            .map(|(_, v)| v.into_owned())
                    })
                    .unwrap_or_default(),
                "****",
            );
            steps.push(step(
                4,
                "Alipay redirects the browser back with auth_code",
                vec![
                    ("GET", shown),
                    (
                        "listener",
                        format!(
                            "HTTP {}: the success page; state matched",
                            landed.status().as_u16()
                        ),
                    ),
                ],
            ));
            Ok(steps)
        })
    };
    let callback = login
        .listener
        .wait(Duration::from_secs(30), |_| {}, |_| {})?;
    let browser_steps = browse
        .join()
        .map_err(|_| Error::Internal("the demo browser thread failed".into()))??;
    for s in &browser_steps {
        report(s);
    }
    drop(login);
    let code = flow::code_of(&callback)?;

    // 5-6. The server-to-server exchange.
    let client = Client::new(
        ClientConfig {
            gateway: url::Url::parse(&emulator.gateway_url())
                .map_err(|e| Error::Internal(e.to_string()))?,
            app_id: DEMO_APP_ID.into(),
            private_key: app_key,
            alipay_public_key: emulator.alipay_public_key().clone(),
            sign_type: SignType::Rsa2,
            charset: Charset::Utf8,
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(30),
            proxy: ProxyConfig::default(),
            cert: None,
        },
        tracer,
    )?;
    let (tokens, record) = client.exchange_code(&code)?;
    report(&step(
        5,
        "The app exchanges the code, server to server, in a signed request",
        vec![
            (
                "method",
                "alipay.system.oauth.token (grant_type=authorization_code)".into(),
            ),
            ("string to sign", record.sign_content.clone()),
            (
                "signature",
                format!("{} (RSA2, app private key)", mask(&record.sign)),
            ),
            ("POST", record.url.clone()),
        ],
    ));
    report(&step(
        6,
        "Alipay answers with the tokens; the app verifies the answer first",
        vec![
            ("signature", verification(&record)),
            ("access_token", tokens.access_token.masked()),
            (
                "refresh_token",
                tokens
                    .refresh_token
                    .as_ref()
                    .map(|t| t.masked())
                    .unwrap_or_default(),
            ),
            (
                "expires_in",
                format!("{} s", tokens.expires_in.unwrap_or_default()),
            ),
        ],
    ));

    // 7-9. The user.
    let (user, record) = client.user_info(&tokens.access_token)?;
    report(&step(
        7,
        "The app calls alipay.user.info.share with the access token",
        vec![
            ("string to sign", record.sign_content.clone()),
            ("signature check", verification(&record)),
        ],
    ));
    report(&step(
        8,
        "The app extracts the user id",
        vec![
            (
                "subject",
                format!("{} ({})", user.subject, user.id_kind.label()),
            ),
            (
                "user_id",
                user.user_id
                    .clone()
                    .unwrap_or_else(|| "(not sent to this app)".into()),
            ),
            (
                "rule",
                "subject = open_id if present, else user_id; never assume a 2088 prefix".into(),
            ),
        ],
    ));
    report(&step(
        9,
        "Logged in",
        vec![
            ("nickname", user.nickname.clone().unwrap_or_default()),
            (
                "gender",
                user.gender
                    .map(|g| format!("{g:?}").to_lowercase())
                    .unwrap_or_else(|| "(not shared)".into()),
            ),
            (
                "city",
                format!(
                    "{} {}",
                    user.province.clone().unwrap_or_default(),
                    user.city.clone().unwrap_or_default()
                ),
            ),
        ],
    ));
    Ok(Outcome { tokens, user })
}

/// The number of steps of [`run_family`].
pub const FAMILY_STEPS: usize = 7;

/// The Antom or Alipay+ login against the in-process emulator: consult (or
/// prepare), the wallet's consent, the callback with authCode and
/// authState, applyToken, the user (Antom) and the revocation.
pub fn run_family(
    family: Family,
    report: &mut dyn FnMut(&Step),
    tracer: &dyn Tracer,
) -> Result<Outcome, Error> {
    tracer.trace(
        1,
        "generating throwaway RSA-2048 keys for the merchant and for the wallet",
    );
    let app_key = PrivateKey::generate(2048)?;
    let alipay_key = PrivateKey::generate(2048)?;
    let mut config = EmulatorConfig::new(
        vec![AppConfig {
            app_id: DEMO_APP_ID.into(),
            name: "Demo Shop".into(),
            public_key: app_key.public_key(),
            redirect_domains: Vec::new(),
            id_mode: IdMode::Both,
            member_info: true,
            group: None,
        }],
        alipay_key,
    );
    config.port = 0;
    config.threads = 4;
    let emulator = Emulator::start(config, Arc::new(Silent))?;
    let client = HeaderClient::new(
        HeaderConfig {
            family,
            base: url::Url::parse(emulator.base_url())
                .map_err(|e| Error::Internal(e.to_string()))?,
            sandbox: false,
            client_id: DEMO_APP_ID.into(),
            private_key: app_key,
            alipay_public_key: emulator.alipay_public_key().clone(),
            key_version: 1,
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(30),
            proxy: ProxyConfig::default(),
            unknown_retries: 0,
            retry_pause: Duration::from_millis(100),
        },
        tracer,
    )?;
    let (party, scopes) = match family {
        Family::AlipayPlus => ("DEMO_ACQUIRER", vec!["USER_INFO".to_string()]),
        _ => ("ALIPAY_CN", vec!["USER_INFO".to_string()]),
    };
    let (who, consult_api) = match family {
        Family::AlipayPlus => ("Alipay+", "authorizations/prepare"),
        _ => ("Antom", "authorizations/consult"),
    };
    let login = flow::begin(CallbackPlan::Listen(ListenAt::loopback("/wallet/callback")))?;

    // 1. consult / prepare: the URL the user opens.
    let (auth_url, consulted) = client.consult(&ConsultRequest {
        party,
        redirect_url: &login.redirect_uri,
        scopes: &scopes,
        state: login.state.as_str(),
    })?;
    report(&step(
        1,
        "The merchant asks for an authorization URL, in a signed request",
        vec![
            ("API", format!("{who} {consult_api}")),
            ("POST", consulted.path.clone()),
            (
                "signature",
                "RSA256 over \"POST <path>\\n<Client-Id>.<Request-Time>.<body>\", in the Signature header".into(),
            ),
            ("answer", "signature verified with the wallet's public key; resultStatus S".into()),
            ("authorization URL", auth_url.clone()),
            (
                "authState",
                format!("{} (128 random bits, checked on return)", login.state.as_str()),
            ),
        ],
    ));

    // 2-3. The wallet, in the browser, while the listener waits.
    let browser = browser()?;
    let base = emulator.base_url().to_string();
    let browse = std::thread::spawn(move || -> Result<Vec<Step>, Error> {
        let mut steps = Vec::new();
        let page = get(&browser, &auth_url)?;
        let html = page.text().unwrap_or_default();
        let request_id = html
            .split("name=\"request_id\" value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .ok_or_else(|| Error::Internal("the consent page has no form".into()))?
            .to_string();
        let agreed = browser
            .post(format!("{base}/oauth2/consent"))
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .body(format!("request_id={request_id}&user=0&decision=agree"))
            .send()
            .map_err(|e| Error::Internal(format!("consent failed: {}", e.without_url())))?;
        let back = location(&agreed)?;
        steps.push(step(
            2,
            "The user opens the URL and agrees in the wallet (as test user 沙箱用户)",
            vec![(
                "answer",
                format!(
                    "HTTP {} redirect to authRedirectUrl",
                    agreed.status().as_u16()
                ),
            )],
        ));
        let landed = get(&browser, &back)?;
        let code = url::Url::parse(&back)
            .ok()
            .and_then(|u| {
                u.query_pairs()
                    .find(|(k, _)| k == "authCode")
                    .map(|(_, v)| v.into_owned())
            })
            .unwrap_or_default();
        steps.push(step(
            3,
            "The wallet redirects the browser back with authCode and authState",
            vec![
                ("GET", back.replace(&code, "****")),
                (
                    "listener",
                    format!("HTTP {}: authState matched", landed.status().as_u16()),
                ),
            ],
        ));
        Ok(steps)
    });
    let callback = login
        .listener
        .wait(Duration::from_secs(30), |_| {}, |_| {})?;
    let browser_steps = browse
        .join()
        .map_err(|_| Error::Internal("the demo browser thread failed".into()))??;
    for s in &browser_steps {
        report(s);
    }
    drop(login);
    let code = flow::code_of(&callback)?;

    // 4. applyToken.
    let tokens = client.apply_code(&code, party)?;
    report(&step(
        4,
        "The merchant spends the authCode: applyToken, verified",
        vec![
            ("grantType", "AUTHORIZATION_CODE".into()),
            ("access_token", tokens.tokens.access_token.masked()),
            (
                "expires",
                tokens
                    .raw
                    .get("accessTokenExpiryTime")
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string(),
            ),
            (
                "customer",
                tokens.tokens.user_id.clone().unwrap_or_default(),
            ),
        ],
    ));

    // 5. The user: Antom asks inquiryUserInfo; Alipay+ has no such API.
    let user = match family {
        Family::AlipayPlus => {
            let id = tokens.tokens.user_id.clone().unwrap_or_default();
            let user =
                crate::gateway::header::user_info(&serde_json::json!({"userInfo": {"userId": id}}))
                    .map_err(|e| Error::Protocol(e.to_string()))?;
            report(&step(
                5,
                "Alipay+ has no user-information API: the login ends with the token",
                vec![("customerId", user.subject.clone())],
            ));
            user
        }
        _ => {
            let user = client.user_info(&tokens.tokens.access_token)?;
            report(&step(
                5,
                "The merchant asks users/inquiryUserInfo with the access token, verified",
                vec![
                    ("userId", user.subject.clone()),
                    ("nickName", user.nickname.clone().unwrap_or_default()),
                ],
            ));
            user
        }
    };

    // 6. A refresh: the refresh token rotates.
    let refresh = tokens
        .tokens
        .refresh_token
        .clone()
        .ok_or_else(|| Error::Protocol("applyToken gave no refreshToken".into()))?;
    let refreshed = client.apply_refresh(&refresh, party)?;
    report(&step(
        6,
        "The merchant refreshes: applyToken with REFRESH_TOKEN (the refresh token rotates)",
        vec![
            ("access_token", refreshed.tokens.access_token.masked()),
            (
                "refresh_token",
                refreshed
                    .tokens
                    .refresh_token
                    .as_ref()
                    .map(|t| t.masked())
                    .unwrap_or_default(),
            ),
        ],
    ));

    // 7. The user logs out: the token is revoked.
    let revoke_api = match family {
        Family::AlipayPlus => "authorizations/cancelToken",
        _ => "authorizations/revoke",
    };
    client.revoke(&refreshed.tokens.access_token, party)?;
    report(&step(
        7,
        "Logged out: the access token is revoked",
        vec![("API", format!("{who} {revoke_api}: resultStatus S"))],
    ));
    Ok(Outcome {
        tokens: refreshed.tokens,
        user,
    })
}
