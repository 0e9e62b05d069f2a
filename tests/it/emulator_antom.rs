//! The emulator's Antom and Alipay+ endpoints through the real binary over
//! loopback: requests signed in the header dialect by the library, every
//! answer's signature checked with the emulator's Alipay key.

use crate::common;

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use alipay_oauth::sign::dialect::SignatureStatus;
use alipay_oauth::sign::dialect::header;
use alipay_oauth::sign::{PrivateKey, PublicKey};
use common::{APP_ID, EmulatorProc, test_keys};
use serde_json::{Value, json};

const CONSULT: &str = "/ams/api/v1/authorizations/consult";
const APPLY: &str = "/ams/api/v1/authorizations/applyToken";
const INQUIRY: &str = "/ams/api/v1/users/inquiryUserInfo";
const REVOKE: &str = "/ams/api/v1/authorizations/revoke";
const QUERY: &str = "/ams/api/v1/authorizations/query";
const REDIRECT: &str = "http://127.0.0.1:1/antom/back";

fn app_key() -> PrivateKey {
    PrivateKey::parse(&std::fs::read(&test_keys().0).unwrap()).unwrap()
}

fn alipay_public() -> PublicKey {
    PublicKey::parse(&std::fs::read(&test_keys().3).unwrap()).unwrap()
}

fn now_iso() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

/// An answer as received.
struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Vec<u8>,
    took: Duration,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("JSON answer: {}", String::from_utf8_lossy(&self.body)))
    }

    /// The answer's signature over `POST <path>\n<client>.<Response-Time>.<body>`.
    fn signature(&self, path: &str, client: &str) -> SignatureStatus {
        let (Some(sig), Some(time)) = (self.header("signature"), self.header("response-time"))
        else {
            return SignatureStatus::Unsigned;
        };
        assert_eq!(self.header("client-id"), Some(client), "client-id echoed");
        header::check(
            &alipay_public(),
            &header::Message {
                method: "POST",
                target: path,
                client_id: client,
                time,
                body: &self.body,
            },
            sig,
        )
    }

    /// The verified body, with its result code.
    fn verified(&self, path: &str, client: &str) -> (String, Value) {
        assert_eq!(self.status, 200, "{}", String::from_utf8_lossy(&self.body));
        assert_eq!(
            self.signature(path, client),
            SignatureStatus::Valid,
            "answer to {path} verifies: {}",
            String::from_utf8_lossy(&self.body)
        );
        let v = self.json();
        let code = v["result"]["resultCode"].as_str().unwrap().to_string();
        let status = v["result"]["resultStatus"].as_str().unwrap();
        let expected = match code.as_str() {
            "SUCCESS" => "S",
            "UNKNOWN_EXCEPTION" => "U",
            _ => "F",
        };
        assert_eq!(status, expected, "{v}");
        (code, v)
    }
}

/// A client of the header families.
struct Client<'a> {
    emu: &'a EmulatorProc,
    id: String,
    key: PrivateKey,
}

impl<'a> Client<'a> {
    fn new(emu: &'a EmulatorProc, id: &str) -> Client<'a> {
        Client {
            emu,
            id: id.to_string(),
            key: app_key(),
        }
    }

    /// Sends `body` signed; `spoil` may change the headers after signing.
    fn send_raw(
        &self,
        path: &str,
        body: &[u8],
        spoil: impl FnOnce(&mut Vec<(String, String)>),
    ) -> Answer {
        let time = now_iso();
        let signed = header::sign(&self.key, 1, "POST", path, &self.id, &time, body).unwrap();
        let mut headers = vec![
            ("Client-Id".to_string(), self.id.clone()),
            ("Request-Time".to_string(), time),
            ("Signature".to_string(), signed.header),
        ];
        spoil(&mut headers);
        let mut req = common::http_client()
            .post(format!("{}{path}", self.emu.base))
            .header("content-type", "application/json; charset=UTF-8")
            .body(body.to_vec());
        for (k, v) in headers {
            req = req.header(k, v);
        }
        let started = Instant::now();
        let resp = req.send().unwrap();
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let body = resp.bytes().unwrap().to_vec();
        Answer {
            status,
            headers,
            body,
            took: started.elapsed(),
        }
    }

    fn send(&self, path: &str, body: Value) -> Answer {
        self.send_raw(path, body.to_string().as_bytes(), |_| {})
    }

    /// Sends and returns the verified result code and body.
    fn call(&self, path: &str, body: Value) -> (String, Value) {
        self.send(path, body).verified(path, &self.id)
    }

    fn consult(&self, path: &str, scopes: &[&str], state: &str) -> String {
        let (code, v) = self.call(
            path,
            json!({
                "customerBelongsTo": "ALIPAY_CN",
                "authRedirectUrl": REDIRECT,
                "scopes": scopes,
                "authState": state,
                "terminalType": "WEB",
            }),
        );
        assert_eq!(code, "SUCCESS", "{v}");
        for url in ["authUrl", "normalUrl", "applinkUrl"] {
            assert!(v[url].as_str().unwrap().starts_with(&self.emu.base), "{v}");
        }
        assert!(v["schemeUrl"].as_str().unwrap().starts_with("alipays://"));
        v["normalUrl"].as_str().unwrap().to_string()
    }

    fn apply_code(&self, path: &str, wallet: &str, code: &str) -> (String, Value) {
        self.call(
            path,
            json!({"grantType": "AUTHORIZATION_CODE", "customerBelongsTo": wallet, "authCode": code}),
        )
    }

    fn apply_refresh(&self, path: &str, wallet: &str, token: &str) -> (String, Value) {
        self.call(
            path,
            json!({"grantType": "REFRESH_TOKEN", "customerBelongsTo": wallet, "refreshToken": token}),
        )
    }

    fn with_token(&self, path: &str, token: &str) -> (String, Value) {
        self.call(path, json!({"accessToken": token}))
    }
}

/// Opens a consult URL as the user's browser: the consent screen (agreed as
/// `user`) when there is one, and gives the redirect's query.
fn open(emu: &EmulatorProc, url: &str, user: Option<usize>) -> Vec<(String, String)> {
    let browser = common::http_client();
    let mut resp = browser.get(url).send().unwrap();
    if let Some(user) = user {
        assert_eq!(resp.status(), 200, "a consent screen");
        let html = resp.text().unwrap();
        let id = common::consent_request_id(&html);
        resp = emu.answer_consent(&id, user, "agree");
    }
    assert_eq!(resp.status(), 302, "redirects to the merchant");
    let location = resp.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with(REDIRECT), "{location}");
    url::Url::parse(&location)
        .unwrap()
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn auth_code(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == "authCode")
        .map(|(_, v)| v.clone())
        .expect("authCode in the redirect")
}

fn iso_time(v: &Value, field: &str) -> time::OffsetDateTime {
    let text = v[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} in {v}"));
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| panic!("{field} {text:?} is ISO-8601 with an offset"))
}

#[test]
fn antom_login_through_the_consent_page_then_revoke() {
    let emu = EmulatorProc::start(&[]);
    let c = Client::new(&emu, APP_ID);
    let url = c.consult(CONSULT, &["USER_INFO"], "state-9");
    // Loading the page twice is fine: the consent waits for an answer.
    assert_eq!(
        common::http_client().get(&url).send().unwrap().status(),
        200
    );
    let back = open(&emu, &url, Some(1));
    assert!(
        back.contains(&("authState".into(), "state-9".into())),
        "{back:?}"
    );
    let code = auth_code(&back);

    let (result, tokens) = c.apply_code(APPLY, "ALIPAY_CN", &code);
    assert_eq!(result, "SUCCESS", "{tokens}");
    let now = time::OffsetDateTime::now_utc();
    let access_expiry = iso_time(&tokens, "accessTokenExpiryTime");
    assert!(access_expiry > now + time::Duration::days(14), "{tokens}");
    assert!(iso_time(&tokens, "refreshTokenExpiryTime") > access_expiry);
    let access = tokens["accessToken"].as_str().unwrap();
    let refresh = tokens["refreshToken"].as_str().unwrap();

    // A code works once.
    let (result, again) = c.apply_code(APPLY, "ALIPAY_CN", &code);
    assert_eq!(result, "INVALID_CODE", "{again}");

    let (result, info) = c.with_token(INQUIRY, access);
    assert_eq!(result, "SUCCESS", "{info}");
    assert_eq!(
        info["userInfo"]["userId"], "2088102177846880",
        "user 1 agreed"
    );
    assert_eq!(info["userInfo"]["nickName"], "Test Buyer");

    let (result, status) = c.with_token(QUERY, access);
    assert_eq!(result, "SUCCESS");
    assert_eq!(status["tokenStatusType"], "VALID");
    assert_eq!(iso_time(&status, "accessTokenExpiryTime"), access_expiry);

    let (result, _) = c.with_token(REVOKE, access);
    assert_eq!(result, "SUCCESS");
    for path in [INQUIRY, QUERY, REVOKE] {
        let (result, v) = c.with_token(path, access);
        assert_eq!(result, "INVALID_ACCESS_TOKEN", "{path}: {v}");
    }
    let (result, v) = c.apply_refresh(APPLY, "ALIPAY_CN", refresh);
    assert_eq!(
        result, "INVALID_REFRESH_TOKEN",
        "revoking ends the refresh token too: {v}"
    );
}

#[test]
fn antom_refresh_rotates_and_codes_belong_to_their_wallet() {
    let emu = EmulatorProc::start(&[]);
    let c = Client::new(&emu, APP_ID);
    // BASE_USER_INFO asks nothing of the user: straight back to the merchant.
    let url = c.consult(CONSULT, &["BASE_USER_INFO"], "s");
    let code = auth_code(&open(&emu, &url, None));
    let (result, v) = c.apply_code(APPLY, "GCASH", &code);
    assert_eq!(result, "INVALID_CODE", "another wallet's code: {v}");
    // Spent by that attempt, as a code is.
    let (result, _) = c.apply_code(APPLY, "ALIPAY_CN", &code);
    assert_eq!(result, "INVALID_CODE");

    let code = auth_code(&open(
        &emu,
        &c.consult(CONSULT, &["BASE_USER_INFO"], "s"),
        None,
    ));
    let (_, first) = c.apply_code(APPLY, "ALIPAY_CN", &code);
    let refresh = first["refreshToken"].as_str().unwrap();
    let (result, v) = c.apply_refresh(APPLY, "GCASH", refresh);
    assert_eq!(result, "INVALID_REFRESH_TOKEN", "{v}");
    // Refused for another wallet, but not spent by it.
    let (result, second) = c.apply_refresh(APPLY, "ALIPAY_CN", refresh);
    assert_eq!(result, "SUCCESS", "{second}");
    assert_ne!(second["refreshToken"], first["refreshToken"]);
    let (result, _) = c.apply_refresh(APPLY, "ALIPAY_CN", refresh);
    assert_eq!(result, "INVALID_REFRESH_TOKEN", "refresh tokens rotate");
    let (result, _) = c.apply_refresh(APPLY, "ALIPAY_CN", second["refreshToken"].as_str().unwrap());
    assert_eq!(result, "SUCCESS");

    // A base token gives the user id alone.
    let (result, info) = c.with_token(INQUIRY, second["accessToken"].as_str().unwrap());
    assert_eq!(result, "SUCCESS");
    assert_eq!(info["userInfo"]["userId"], "2088102104794936");
    assert!(info["userInfo"].get("nickName").is_none(), "{info}");

    // A v2 auth code is no Antom code.
    let v2_code = emu.auth_code("auth_base");
    let (result, _) = c.apply_code(APPLY, "ALIPAY_CN", &v2_code);
    assert_eq!(result, "INVALID_CODE");
}

#[test]
fn antom_codes_and_tokens_expire() {
    let emu = EmulatorProc::start(&["--code-ttl", "1"]);
    let c = Client::new(&emu, APP_ID);
    let code = auth_code(&open(
        &emu,
        &c.consult(CONSULT, &["BASE_USER_INFO"], "s"),
        None,
    ));
    std::thread::sleep(Duration::from_millis(2500));
    let (result, v) = c.apply_code(APPLY, "ALIPAY_CN", &code);
    assert_eq!(result, "INVALID_CODE");
    assert!(
        v["result"]["resultMessage"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{v}"
    );
    drop(emu);

    let emu = EmulatorProc::start(&["--token-ttl", "1"]);
    let c = Client::new(&emu, APP_ID);
    let code = auth_code(&open(
        &emu,
        &c.consult(CONSULT, &["USER_INFO"], "s"),
        Some(0),
    ));
    let (_, tokens) = c.apply_code(APPLY, "ALIPAY_CN", &code);
    let access = tokens["accessToken"].as_str().unwrap();
    std::thread::sleep(Duration::from_millis(2500));
    let (result, _) = c.with_token(INQUIRY, access);
    assert_eq!(result, "EXPIRED_ACCESS_TOKEN");
    let (result, status) = c.with_token(QUERY, access);
    assert_eq!(result, "SUCCESS");
    assert_eq!(status["tokenStatusType"], "EXPIRED", "{status}");
    // The refresh token outlives it...
    let refresh = tokens["refreshToken"].as_str().unwrap();
    let (result, renewed) = c.apply_refresh(APPLY, "ALIPAY_CN", refresh);
    assert_eq!(result, "SUCCESS");
    // ...until the expired access token is revoked: that ends the authorization.
    std::thread::sleep(Duration::from_millis(2500));
    let (result, _) = c.with_token(REVOKE, renewed["accessToken"].as_str().unwrap());
    assert_eq!(result, "SUCCESS");
    let (result, _) = c.apply_refresh(
        APPLY,
        "ALIPAY_CN",
        renewed["refreshToken"].as_str().unwrap(),
    );
    assert_eq!(result, "INVALID_REFRESH_TOKEN");
}

#[test]
fn antom_sandbox_paths_take_sandbox_client_ids() {
    let emu = EmulatorProc::start(&[]);
    let sandbox = Client::new(&emu, &format!("SANDBOX_{APP_ID}"));
    let production = Client::new(&emu, APP_ID);
    let sb = |p: &str| p.replacen("/ams/api", "/ams/sandbox/api", 1);

    let url = sandbox.consult(&sb(CONSULT), &["USER_INFO"], "s");
    let code = auth_code(&open(&emu, &url, Some(0)));
    let (result, tokens) = sandbox.apply_code(&sb(APPLY), "ALIPAY_CN", &code);
    assert_eq!(result, "SUCCESS", "{tokens}");
    let access = tokens["accessToken"].as_str().unwrap();
    let (result, _) = sandbox.with_token(&sb(INQUIRY), access);
    assert_eq!(result, "SUCCESS");

    // Each id on the other environment's paths, and tokens across them.
    let (result, v) = sandbox.with_token(INQUIRY, access);
    assert_eq!(result, "INVALID_CLIENT", "{v}");
    let (result, v) = production.with_token(&sb(INQUIRY), access);
    assert_eq!(result, "INVALID_CLIENT", "{v}");
    let (result, _) = production.with_token(INQUIRY, access);
    assert_eq!(
        result, "INVALID_ACCESS_TOKEN",
        "a sandbox token is not a production one"
    );
    let (result, _) = sandbox.with_token(&sb(REVOKE), access);
    assert_eq!(result, "SUCCESS");
}

#[test]
fn bad_requests_get_signed_failures() {
    let emu = EmulatorProc::start(&[]);
    let c = Client::new(&emu, APP_ID);
    let body = json!({"accessToken": "nope"}).to_string();

    // Signed by a key that is not the app's.
    let stranger = Client {
        key: PrivateKey::generate(2048).unwrap(),
        ..Client::new(&emu, APP_ID)
    };
    let (result, v) = stranger
        .send(QUERY, json!({"accessToken": "x"}))
        .verified(QUERY, APP_ID);
    assert_eq!(result, "INVALID_SIGNATURE");
    let message = v["result"]["resultMessage"].as_str().unwrap();
    assert!(
        message.contains("POST /ams/api/v1/authorizations/query\\n2021"),
        "{message}"
    );

    // The body changed after signing.
    let signed_other = |h: &mut Vec<(String, String)>| {
        let time = h[1].1.clone();
        let s = header::sign(&app_key(), 1, "POST", QUERY, APP_ID, &time, b"{}").unwrap();
        h[2].1 = s.header;
    };
    let (result, _) = c
        .send_raw(QUERY, body.as_bytes(), signed_other)
        .verified(QUERY, APP_ID);
    assert_eq!(result, "INVALID_SIGNATURE");

    // Lower-case URL encoding and a bare signature are both read.
    let lower = |h: &mut Vec<(String, String)>| {
        h[2].1 = h[2]
            .1
            .replace("%2B", "%2b")
            .replace("%2F", "%2f")
            .replace("%3D", "%3d");
    };
    let (result, _) = c
        .send_raw(QUERY, body.as_bytes(), lower)
        .verified(QUERY, APP_ID);
    assert_eq!(result, "INVALID_ACCESS_TOKEN", "the signature was accepted");

    // Epoch milliseconds are a Request-Time too; a stale one is refused.
    let millis = |offset_ms: i128| {
        move |h: &mut Vec<(String, String)>| {
            let t = (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000
                + offset_ms)
                .to_string();
            let s = header::sign(
                &app_key(),
                1,
                "POST",
                QUERY,
                APP_ID,
                &t,
                br#"{"accessToken":"nope"}"#,
            )
            .unwrap();
            h[1].1 = t;
            h[2].1 = s.header;
        }
    };
    let (result, _) = c
        .send_raw(QUERY, body.as_bytes(), millis(0))
        .verified(QUERY, APP_ID);
    assert_eq!(result, "INVALID_ACCESS_TOKEN");
    let (result, v) = c
        .send_raw(QUERY, body.as_bytes(), millis(-3_600_000))
        .verified(QUERY, APP_ID);
    assert_eq!(result, "PARAM_ILLEGAL", "{v}");

    let (result, _) = c
        .send_raw(QUERY, body.as_bytes(), |h| {
            h.retain(|(k, _)| k != "Signature")
        })
        .verified(QUERY, APP_ID);
    assert_eq!(result, "INVALID_SIGNATURE");
    let (result, _) = c
        .send_raw(QUERY, body.as_bytes(), |h| {
            h.retain(|(k, _)| k != "Request-Time")
        })
        .verified(QUERY, APP_ID);
    assert_eq!(result, "PARAM_ILLEGAL");
    let unknown = Client::new(&emu, "NOT_REGISTERED");
    let (result, _) = unknown
        .send(QUERY, json!({}))
        .verified(QUERY, "NOT_REGISTERED");
    assert_eq!(result, "INVALID_CLIENT");

    let (result, _) = c.send_raw(QUERY, b"[1]", |_| {}).verified(QUERY, APP_ID);
    assert_eq!(result, "PARAM_ILLEGAL");
    let (result, v) = c.call(
        CONSULT,
        json!({"customerBelongsTo": "ALIPAY_CN", "authRedirectUrl": REDIRECT, "scopes": ["USER_INFO"], "authState": "s", "terminalType": "APP"}),
    );
    assert_eq!(result, "PARAM_ILLEGAL", "APP without osType: {v}");
    let (result, v) = c.call(
        CONSULT,
        json!({"customerBelongsTo": "ALIPAY_CN", "authRedirectUrl": "https://evil.example/cb", "scopes": ["USER_INFO"], "authState": "s", "terminalType": "WEB"}),
    );
    assert_eq!(
        result, "PARAM_ILLEGAL",
        "a redirect off the app's domain: {v}"
    );
    let (result, _) = c.call("/ams/api/v1/payments/pay", json!({}));
    assert_eq!(result, "NO_INTERFACE_DEF");

    let get = common::http_client()
        .get(format!("{}{QUERY}", emu.base))
        .send()
        .unwrap();
    assert_eq!(get.status(), 405);
}

#[test]
fn absolute_form_requests_are_answered_like_any_other() {
    let emu = EmulatorProc::start(&[]);
    let authority = emu.base.trim_start_matches("http://").to_string();
    let body = json!({"accessToken": "nope"}).to_string();
    let time = now_iso();
    let signed =
        header::sign(&app_key(), 1, "POST", QUERY, APP_ID, &time, body.as_bytes()).unwrap();
    let request = format!(
        "POST http://{authority}{QUERY} HTTP/1.1\r\nHost: {authority}\r\nClient-Id: {APP_ID}\r\nRequest-Time: {time}\r\nSignature: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        signed.header,
        body.len()
    );
    let mut socket = std::net::TcpStream::connect(&authority).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    socket.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    socket.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw);
    let (head, answer) = text.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let header = |name: &str| {
        head.lines()
            .find_map(|l| {
                l.split_once(": ")
                    .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            })
            .map(|(_, v)| v.to_string())
            .unwrap_or_else(|| panic!("{name} in {head}"))
    };
    let message = header::Message {
        method: "POST",
        target: QUERY,
        client_id: APP_ID,
        time: &header("response-time"),
        body: answer.as_bytes(),
    };
    assert_eq!(
        header::check(&alipay_public(), &message, &header("signature")),
        SignatureStatus::Valid,
        "signed over the path, not the absolute URL"
    );
    assert!(answer.contains("INVALID_ACCESS_TOKEN"), "{answer}");
}

#[test]
fn alipayplus_prepare_apply_and_cancel() {
    const PREPARE: &str = "/aps/api/v1/authorizations/prepare";
    const APS_APPLY: &str = "/aps/api/v1/authorizations/applyToken";
    const CANCEL: &str = "/aps/api/v1/authorizations/cancelToken";
    let emu = EmulatorProc::start(&[]);
    let c = Client::new(&emu, APP_ID);
    let (result, v) = c.call(
        PREPARE,
        json!({"authClientId": "M-1", "authRedirectUrl": REDIRECT, "scopes": ["AGREEMENT_PAY"], "authState": "aps-state", "customerBelongsTo": "GCASH"}),
    );
    assert_eq!(result, "SUCCESS", "{v}");
    let back = open(&emu, v["authUrl"].as_str().unwrap(), None);
    assert!(back.contains(&("authState".into(), "aps-state".into())));
    let code = auth_code(&back);
    let apply = |client: &str, grant: &str, field: &str, value: &str| {
        c.call(
            APS_APPLY,
            json!({"authClientId": client, "grantType": grant, field: value}),
        )
    };
    let (result, _) = apply("M-2", "AUTHORIZATION_CODE", "authCode", &code);
    assert_eq!(result, "INVALID_CODE", "another auth client's code");
    let (result, v) = c.call(
        PREPARE,
        json!({"authClientId": "M-1", "authRedirectUrl": REDIRECT, "scopes": ["AGREEMENT_PAY"], "authState": "s2"}),
    );
    assert_eq!(result, "SUCCESS");
    let code = auth_code(&open(&emu, v["normalUrl"].as_str().unwrap(), None));
    let (result, tokens) = apply("M-1", "AUTHORIZATION_CODE", "authCode", &code);
    assert_eq!(result, "SUCCESS", "{tokens}");
    assert_eq!(tokens["customerId"], "2088102104794936");
    iso_time(&tokens, "accessTokenExpiryTime");
    let access = tokens["accessToken"].as_str().unwrap();
    let refresh = tokens["refreshToken"].as_str().unwrap();

    let (result, _) = c.call(
        CANCEL,
        json!({"authClientId": "M-2", "accessToken": access}),
    );
    assert_eq!(
        result, "INVALID_ACCESS_TOKEN",
        "cancelled only by its auth client"
    );
    let (result, _) = c.call(
        CANCEL,
        json!({"authClientId": "M-1", "accessToken": access}),
    );
    assert_eq!(result, "SUCCESS");
    let (result, _) = c.call(
        CANCEL,
        json!({"authClientId": "M-1", "accessToken": access}),
    );
    assert_eq!(result, "INVALID_ACCESS_TOKEN");
    let (result, _) = apply("M-1", "REFRESH_TOKEN", "refreshToken", refresh);
    assert_eq!(result, "INVALID_REFRESH_TOKEN");
    let (result, _) = c.call(
        "/aps/api/v1/users/inquiryUserInfo",
        json!({"accessToken": access}),
    );
    assert_eq!(
        result, "NO_INTERFACE_DEF",
        "Alipay+ has no user information API"
    );
    // An Alipay+ token is not an Antom one.
    let (result, _) = c.with_token(INQUIRY, access);
    assert_eq!(result, "INVALID_ACCESS_TOKEN");
}

#[test]
fn faults_apply_to_the_header_families() {
    let emu = EmulatorProc::start(&[]);
    let c = Client::new(&emu, APP_ID);
    let query = || c.send(QUERY, json!({"accessToken": "nope"}));

    emu.fault("tamper", 1);
    let a = query();
    assert!(matches!(
        a.signature(QUERY, APP_ID),
        SignatureStatus::Invalid(_)
    ));
    emu.fault("wrong-key", 1);
    assert!(matches!(
        query().signature(QUERY, APP_ID),
        SignatureStatus::Invalid(_)
    ));
    emu.fault("unsigned", 1);
    let a = query();
    assert_eq!(a.signature(QUERY, APP_ID), SignatureStatus::Unsigned);
    assert!(a.header("response-time").is_none());

    emu.fault("error:UNKNOWN_EXCEPTION", 1);
    let (result, v) = query().verified(QUERY, APP_ID);
    assert_eq!(
        (result.as_str(), &v["result"]["resultStatus"]),
        ("UNKNOWN_EXCEPTION", &json!("U"))
    );
    emu.fault("error:ACCESS_DENIED", 1);
    let (result, _) = query().verified(QUERY, APP_ID);
    assert_eq!(result, "ACCESS_DENIED");
    emu.fault("http:503", 1);
    assert_eq!(query().status, 503);
    emu.fault("delay:1500", 1);
    let a = query();
    assert!(a.took >= Duration::from_millis(1400), "{:?}", a.took);
    a.verified(QUERY, APP_ID);
    // All spent: back to normal.
    let (result, _) = query().verified(QUERY, APP_ID);
    assert_eq!(result, "INVALID_ACCESS_TOKEN");
    assert!(emu.log().contains("POST /ams/api/v1/authorizations/query client 2021000000000000 -> 200 INVALID_ACCESS_TOKEN"), "{}", emu.log());
}
