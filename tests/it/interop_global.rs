//! The official global SDK (`global-open-sdk-python`, its
//! `DefaultAlipayClient` unmodified) as the client of the real emulator:
//! a whole Antom login in production and in the sandbox (`SANDBOX_` client
//! id, `/ams/sandbox/api` paths), an Alipay+ one through the same client,
//! and the emulator's faults refused by it.
//!
//! The SDK connects to port 443 of the gateway host over TLS whatever the
//! URL says, so the emulator serves https on port 443 of an address of its
//! own in 127.0.0.0/8, and the SDK trusts the emulator's CA through
//! `SSL_CERT_FILE`. Where port 443 cannot be bound (not root), the emulator
//! takes any port and the client script mends that one SDK bug (its
//! `default_http_rpc` drops the URL's port) and nothing else.

use crate::common;

use std::hash::{BuildHasher, Hasher};
use std::net::{IpAddr, Ipv4Addr};
use std::path::Path;
use std::process::Command as StdCommand;

use alipay_oauth::sign::key::{KeyFormat, to_bare};
use alipay_oauth::sign::{PrivateKey, PublicKey};
use common::{APP_ID, EmulatorProc, global_sdk, run_helper, test_keys};
use serde_json::{Value, json};

const REDIRECT: &str = "http://127.0.0.1:1/sdk/back";

/// Where the SDK meets the emulator: its base URL as the SDK is given it,
/// the CA file to trust, and whether the SDK's port bug must be mended.
struct SdkEmulator {
    emu: EmulatorProc,
    base: String,
    ca: String,
    mend_port: bool,
}

/// An emulator on https port 443 of a random loopback address (the SDK
/// unmodified), or on any port when 443 cannot be bound.
fn emulator_for_sdk(tls_dir: &Path, extra: &[&str]) -> SdkEmulator {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    let r = h.finish().to_be_bytes();
    let ip = Ipv4Addr::new(127, r[0].max(1), r[1], r[2].max(2));
    let on_443 = match std::net::TcpListener::bind((IpAddr::V4(ip), 443)) {
        Ok(probe) => {
            drop(probe);
            true
        }
        Err(e) => {
            eprintln!("port 443 of {ip} cannot be bound ({e}): mending the SDK's port bug instead");
            false
        }
    };
    let ip = ip.to_string();
    let tls_dir = tls_dir.to_string_lossy();
    let mut args = vec!["--bind", &ip, "--tls", &tls_dir, "--auto-approve"];
    if on_443 {
        args.extend(["--port", "443"]);
    }
    args.extend(extra);
    let emu = EmulatorProc::start(&args);
    let ca = emu.startup["tls"]["ca_file"].as_str().unwrap().to_string();
    let base = if on_443 {
        emu.base.trim_end_matches(":443").to_string()
    } else {
        emu.base.clone()
    };
    SdkEmulator {
        emu,
        base,
        ca,
        mend_port: !on_443,
    }
}

/// Runs the SDK on a list of operations as `client_id`.
fn sdk(python: &Path, at: &SdkEmulator, client_id: &str, ops: Value) -> Vec<Value> {
    let (app_key, _, _, alipay_pub) = test_keys();
    let private = PrivateKey::parse(&std::fs::read(app_key).unwrap()).unwrap();
    let public = PublicKey::parse(&std::fs::read(alipay_pub).unwrap()).unwrap();
    let job = json!({
        // The SDK appends the path to this and connects to port 443.
        "gateway": at.base,
        "mend_port": at.mend_port,
        "client_id": client_id,
        "private_key": to_bare(&private.to_der(KeyFormat::Pkcs1).unwrap()),
        "alipay_public_key": to_bare(&public.to_der(KeyFormat::Spki).unwrap()),
        "ops": ops,
    });
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/global_sdk_client.py");
    let mut cmd = StdCommand::new(python);
    cmd.arg(script).env("SSL_CERT_FILE", &at.ca);
    let out = run_helper(cmd, &job);
    assert_eq!(out.len(), job["ops"].as_array().unwrap().len());
    out
}

/// The answer's body of an operation the SDK accepted, and its result code.
fn accepted(result: &Value) -> (&str, &Value) {
    assert_eq!(result["ok"], true, "the SDK accepted the answer: {result}");
    let body = &result["body"];
    (body["result"]["resultCode"].as_str().unwrap(), body)
}

fn login(python: &Path, at: &SdkEmulator, client_id: &str) {
    let run = |ops: Value| sdk(python, at, client_id, ops);
    let consult = run(
        json!([{"op": "consult", "wallet": "ALIPAY_CN", "redirect": REDIRECT,
        "state": "sdk-state", "scopes": ["USER_INFO", "AGREEMENT_PAY"]}]),
    );
    let (code, body) = accepted(&consult[0]);
    assert_eq!(code, "SUCCESS", "{body}");
    let url = body["normalUrl"].as_str().unwrap();

    let back = run(json!([{"op": "follow", "url": url}]));
    let location = url::Url::parse(back[0]["location"].as_str().unwrap()).unwrap();
    let query: Vec<(String, String)> = location
        .query_pairs()
        .map(|(k, v)| (k.into(), v.into()))
        .collect();
    assert!(
        query.contains(&("authState".into(), "sdk-state".into())),
        "{query:?}"
    );
    let auth_code = &query.iter().find(|(k, _)| k == "authCode").unwrap().1;

    let apply = json!({"op": "apply_code", "wallet": "ALIPAY_CN", "code": auth_code});
    let tokens = run(json!([apply, apply]));
    let (code, first) = accepted(&tokens[0]);
    assert_eq!(code, "SUCCESS", "{first}");
    assert_eq!(accepted(&tokens[1]).0, "INVALID_CODE", "a code works once");
    let access = first["accessToken"].as_str().unwrap();
    let refresh = first["refreshToken"].as_str().unwrap();
    for field in ["accessTokenExpiryTime", "refreshTokenExpiryTime"] {
        let t = first[field].as_str().unwrap();
        time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339)
            .unwrap_or_else(|_| panic!("{field} {t:?} is ISO-8601"));
    }

    let rest = run(json!([
        {"op": "inquiry_user_info", "access_token": access},
        {"op": "query", "access_token": access},
        {"op": "apply_refresh", "wallet": "ALIPAY_CN", "refresh_token": refresh},
        {"op": "apply_refresh", "wallet": "ALIPAY_CN", "refresh_token": refresh},
        {"op": "revoke", "access_token": access},
        {"op": "inquiry_user_info", "access_token": access},
    ]));
    let (code, info) = accepted(&rest[0]);
    assert_eq!(code, "SUCCESS", "{info}");
    assert_eq!(info["userInfo"]["userId"], "2088102104794936");
    let (code, status) = accepted(&rest[1]);
    assert_eq!(
        (code, &status["tokenStatusType"]),
        ("SUCCESS", &json!("VALID"))
    );
    let (code, refreshed) = accepted(&rest[2]);
    assert_eq!(code, "SUCCESS", "{refreshed}");
    assert_ne!(refreshed["refreshToken"].as_str().unwrap(), refresh);
    assert_eq!(
        accepted(&rest[3]).0,
        "INVALID_REFRESH_TOKEN",
        "refresh tokens rotate"
    );
    assert_eq!(accepted(&rest[4]).0, "SUCCESS");
    assert_eq!(accepted(&rest[5]).0, "INVALID_ACCESS_TOKEN", "revoked");
}

#[test]
fn the_global_sdk_logs_in_against_the_emulator_antom_and_sandbox_and_alipayplus() {
    let Some(python) = global_sdk() else { return };
    let tls = common::tempdir();
    let at = emulator_for_sdk(tls.path(), &[]);
    login(&python, &at, APP_ID);
    login(&python, &at, &format!("SANDBOX_{APP_ID}"));
    alipayplus(&python, &at);
    let log = at.emu.log();
    assert!(
        log.contains("POST /ams/api/v1/authorizations/consult"),
        "{log}"
    );
    assert!(
        log.contains("POST /ams/sandbox/api/v1/authorizations/applyToken"),
        "{log}"
    );
}

/// Alipay+ through the same client: the SDK has no classes for it, but its
/// client signs and verifies any path.
fn alipayplus(python: &Path, at: &SdkEmulator) {
    let run = |ops: Value| sdk(python, at, APP_ID, ops);
    let prepared = run(
        json!([{"op": "raw", "path": "/aps/api/v1/authorizations/prepare",
        "body": {"authClientId": "M-1", "authRedirectUrl": REDIRECT, "scopes": ["AGREEMENT_PAY"],
            "authState": "aps", "customerBelongsTo": "GCASH"}}]),
    );
    let (code, body) = accepted(&prepared[0]);
    assert_eq!(code, "SUCCESS", "{body}");
    let back = run(json!([{"op": "follow", "url": body["authUrl"]}]));
    let location = url::Url::parse(back[0]["location"].as_str().unwrap()).unwrap();
    let auth_code = location
        .query_pairs()
        .find(|(k, _)| k == "authCode")
        .unwrap()
        .1
        .into_owned();
    let apply = |body: Value| json!({"op": "raw", "path": "/aps/api/v1/authorizations/applyToken", "body": body});
    let tokens = run(json!([apply(
        json!({"authClientId": "M-1", "grantType": "AUTHORIZATION_CODE", "authCode": auth_code})
    )]));
    let (code, tokens) = accepted(&tokens[0]);
    assert_eq!(code, "SUCCESS", "{tokens}");
    let cancel = json!({"op": "raw", "path": "/aps/api/v1/authorizations/cancelToken",
        "body": {"authClientId": "M-1", "accessToken": tokens["accessToken"]}});
    let refresh = apply(json!({"authClientId": "M-1", "grantType": "REFRESH_TOKEN",
        "refreshToken": tokens["refreshToken"]}));
    let rest = run(json!([cancel, cancel, refresh]));
    assert_eq!(accepted(&rest[0]).0, "SUCCESS");
    assert_eq!(accepted(&rest[1]).0, "INVALID_ACCESS_TOKEN");
    assert_eq!(accepted(&rest[2]).0, "INVALID_REFRESH_TOKEN", "cancelled");
}

#[test]
fn the_global_sdk_refuses_the_emulators_faults() {
    let Some(python) = global_sdk() else { return };
    let tls = common::tempdir();
    // Queued at startup (the admin API is https here, with a CA of its own).
    let mut faults = Vec::new();
    for fault in [
        "tamper",
        "wrong-key",
        "unsigned",
        "error:UNKNOWN_EXCEPTION",
        "http:503",
    ] {
        faults.extend(["--fault", fault]);
    }
    let at = emulator_for_sdk(tls.path(), &faults);
    let query = json!({"op": "query", "access_token": "nope"});
    let consult = json!({"op": "consult", "wallet": "ALIPAY_CN", "redirect": REDIRECT,
        "state": "s", "scopes": ["BASE_USER_INFO"]});
    let out = sdk(
        &python,
        &at,
        APP_ID,
        json!([query, query, consult, query, query, query]),
    );
    let refused = |i: usize, why: &str| {
        assert_eq!(out[i]["ok"], false, "refused: {}", out[i]);
        let error = out[i]["error"].as_str().unwrap();
        assert!(error.contains(why), "{error}");
    };
    refused(0, "response verify failed");
    refused(1, "response verify failed");
    refused(2, "signature not exist");
    let (code, body) = accepted(&out[3]);
    assert_eq!(
        (code, &body["result"]["resultStatus"]),
        ("UNKNOWN_EXCEPTION", &json!("U"))
    );
    refused(4, "invalid http status 503");
    assert_eq!(accepted(&out[5]).0, "INVALID_ACCESS_TOKEN", "faults spent");
}
