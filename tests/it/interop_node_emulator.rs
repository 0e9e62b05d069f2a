//! The official Node SDK (`alipay-sdk` 4.x) against the real emulator, as
//! an oracle for it and for `call`:
//! - its `curl()` on the emulator's OpenAPI v3 token and user information
//!   endpoints, response verification on: a login, an error body, and a
//!   tampered answer the SDK refuses as our binary does;
//! - its `exec()` on the emulator's v2 gateway beside our `call`: the same
//!   method and parameters give the same verified node (or the same error).

use crate::common;

use std::path::Path;
use std::process::Command as StdCommand;

use common::{EmulatorProc, node_sdk, ok_json, run_helper};
use serde_json::{Value, json};

/// Runs the Node helper's ops against `emu` with verification on.
fn node(modules: &Path, emu: &EmulatorProc, ops: Value) -> Vec<Value> {
    node_with(modules, emu, None, ops)
}

/// The same, in certificate mode with the certificates in `cert_dir`.
fn node_with(
    modules: &Path,
    emu: &EmulatorProc,
    cert_dir: Option<&Path>,
    ops: Value,
) -> Vec<Value> {
    let mut cmd = StdCommand::new("node");
    cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/node_emulator_helper.js"))
        .env("NODE_PATH", modules)
        // The SDK writes v2 timestamps in local time; the gateway wants
        // Beijing time (a UTC machine is 8 hours off).
        .env("TZ", "Asia/Shanghai");
    let input = json!({
        "endpoint": emu.base,
        "gateway": emu.gateway(),
        "app_id": emu.app_id,
        "private_key_pem": std::fs::read_to_string(&emu.app_key).unwrap(),
        "alipay_public_key_pem": std::fs::read_to_string(&emu.alipay_pub).unwrap(),
        "cert": cert_dir.map(|d| json!({
            "app_cert_path": d.join(format!("appCertPublicKey_{}.crt", emu.app_id)),
            "alipay_public_cert_path": d.join("alipayCertPublicKey_RSA2.crt"),
            "alipay_root_cert_path": d.join("alipayRootCert.crt"),
        })),
        "ops": ops,
    });
    run_helper(cmd, &input)
}

fn token_op(code: &str) -> Value {
    json!({"op": "curl", "method": "POST", "path": "/v3/alipay/system/oauth/token",
           "body": {"grant_type": "authorization_code", "code": code}})
}

fn user_op(token: &str) -> Value {
    json!({"op": "curl", "method": "GET", "path": "/v3/alipay/user/info/share", "auth_token": token})
}

#[test]
fn node_sdk_curl_logs_in_on_the_emulator_v3_with_verification_on() {
    let Some(modules) = node_sdk() else { return };
    let started = std::time::Instant::now();
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let code = emu.auth_code("auth_user");
    let r = node(
        &modules,
        &emu,
        json!([
            token_op(&code),
            token_op(&code),
            {"op": "curl", "method": "POST", "path": "/v3/alipay/trade/query", "body": {"out_trade_no": "1"}},
        ]),
    );
    assert_eq!(r[0]["ok"], true, "{}", r[0]);
    let token = r[0]["data"]["access_token"].as_str().unwrap().to_string();
    assert!(r[0]["data"]["open_id"].is_string(), "{}", r[0]);
    // The error bodies: a spent code and an unknown API, with their status.
    assert_eq!(r[1]["ok"], false);
    assert_eq!(r[1]["code"], "code-invalid", "{}", r[1]);
    assert_eq!(r[1]["status"], 400);
    assert_eq!(r[2]["code"], "invalid-method", "{}", r[2]);
    assert_eq!(r[2]["status"], 404);

    // The user, with the token as the SDK's extra auth info; the same as
    // what our binary reads through v3.
    let r = node(&modules, &emu, json!([user_op(&token)]));
    assert_eq!(r[0]["ok"], true, "{}", r[0]);
    assert_eq!(r[0]["data"]["nick_name"], "沙箱用户");
    let ours = emu
        .cli()
        .args([
            "userinfo",
            "--dialect",
            "v3",
            "--access-token-stdin",
            "--raw",
        ])
        .write_stdin(token.clone())
        .output()
        .unwrap();
    assert_eq!(
        ours.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ours.stderr)
    );
    let ours: Value = serde_json::from_slice(&ours.stdout).unwrap();
    assert_eq!(ours, r[0]["data"]);

    // A tampered or wrongly signed answer: the SDK refuses it, as we do.
    for fault in ["tamper", "wrong-key"] {
        emu.fault(fault, 1);
        let r = node(&modules, &emu, json!([user_op(&token)]));
        assert_eq!(r[0]["ok"], false, "{fault}: {}", r[0]);
        assert_eq!(r[0]["code"], "response-signature-verify-error", "{}", r[0]);
        emu.fault(fault, 1);
        let out = emu
            .cli()
            .args(["userinfo", "--dialect", "v3", "--access-token-stdin"])
            .write_stdin(token.clone())
            .output()
            .unwrap();
        common::assert_clean_failure(&out, 6, "signature");
    }

    // Our login through v3 and the SDK's refresh of it: the state is shared.
    let ours = ok_json(
        &emu.cli()
            .args(["-o", "json", "exchange", "--dialect", "v3", "--code", "-"])
            .write_stdin(emu.auth_code("auth_user"))
            .output()
            .unwrap(),
    );
    let refresh = ours["refresh_token"].as_str().unwrap();
    let op = json!({"op": "curl", "method": "POST", "path": "/v3/alipay/system/oauth/token",
                    "body": {"grant_type": "refresh_token", "refresh_token": refresh}});
    let r = node(&modules, &emu, json!([op.clone(), op]));
    assert_eq!(r[0]["ok"], true, "{}", r[0]);
    assert_eq!(r[1]["code"], "refresh-token-invalid", "rotated: {}", r[1]);
    eprintln!(
        "alipay-sdk 4.14.0 curl() on the emulator's v3: a login, a user, 3 error bodies, \
         2 spoilt answers refused by the SDK and by us, in {:.1}s",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn node_sdk_exec_and_call_get_the_same_verified_node_from_the_v2_gateway() {
    let Some(modules) = node_sdk() else { return };
    let emu = EmulatorProc::start(&["--auto-approve"]);
    let token = ok_json(
        &emu.cli()
            .args(["-o", "json", "exchange", "--no-store", "--code", "-"])
            .write_stdin(emu.auth_code("auth_user"))
            .output()
            .unwrap(),
    )["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let biz = r#"{"out_trade_no":"订单-20240102001","memo":"a&b=c d/e"}"#;
    let r = node(
        &modules,
        &emu,
        json!([
            {"op": "exec", "method": "alipay.user.info.share", "auth_token": token},
            {"op": "exec", "method": "alipay.trade.query", "biz_content": biz},
            // The SDK looks for the signed text under the method's node name
            // only, so it cannot verify a signed error_response: read unverified.
            {"op": "exec", "method": "alipay.trade.query", "biz_content": biz, "no_verify": true},
        ]),
    );

    // A user API: the same verified node.
    assert_eq!(r[0]["ok"], true, "{}", r[0]);
    let ours = ok_json(
        &emu.cli()
            .args(["-o", "json", "call", "alipay.user.info.share"])
            .arg("--auth-token-stdin")
            .write_stdin(token.clone())
            .output()
            .unwrap(),
    );
    assert_eq!(ours, r[0]["data"]);

    // A method the gateway lacks, with a biz_content: the same error, which
    // we verify and the SDK cannot (see above).
    assert_eq!(r[1]["ok"], false, "{}", r[1]);
    assert!(r[1]["message"].as_str().unwrap().contains("验签失败"));
    let r = [r[0].clone(), r[2].clone()];
    assert_eq!(r[1]["ok"], true, "the SDK returns error nodes: {}", r[1]);
    let out = emu
        .cli()
        .args([
            "-o",
            "json",
            "call",
            "alipay.trade.query",
            "--biz-content",
            biz,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("unsigned"));
    let e: Value = serde_json::from_slice(&out.stderr).unwrap();
    for k in ["code", "msg", "sub_code"] {
        assert_eq!(e["error"][k], r[1]["data"][k], "{k}: {e} vs {}", r[1]);
    }
    assert_eq!(r[1]["data"]["sub_code"], "isv.invalid-method");

    // A token call: the same fields, each code spent once.
    let r = node(
        &modules,
        &emu,
        json!([{"op": "exec", "method": "alipay.system.oauth.token",
                "grant_type": "authorization_code", "code": emu.auth_code("auth_user")}]),
    );
    assert_eq!(r[0]["ok"], true, "{}", r[0]);
    let ours = ok_json(
        &emu.cli()
            .args(["-o", "json", "call", "alipay.system.oauth.token"])
            .arg("grant_type=authorization_code")
            .arg(format!("code={}", emu.auth_code("auth_user")))
            .output()
            .unwrap(),
    );
    let keys = |v: &Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&ours), keys(&r[0]["data"]));
    assert_eq!(ours["open_id"], r[0]["data"]["open_id"]);
}

#[test]
fn node_sdk_curl_in_certificate_mode_agrees_with_the_emulator_on_every_sn() {
    let Some(modules) = node_sdk() else { return };
    let dir = common::tempdir();
    let emu = EmulatorProc::start(&[
        "--auto-approve",
        "--cert-dir",
        &dir.path().to_string_lossy(),
    ]);
    // The SDK's app_cert_sn and alipay-root-cert-sn pass the emulator's
    // checks; the emulator's alipay-sn and signature pass the SDK's.
    let r = node_with(
        &modules,
        &emu,
        Some(dir.path()),
        json!([token_op(&emu.auth_code("auth_user"))]),
    );
    assert_eq!(r[0]["ok"], true, "{}", r[0]);
    let token = r[0]["data"]["access_token"].as_str().unwrap().to_string();
    let r = node_with(&modules, &emu, Some(dir.path()), json!([user_op(&token)]));
    assert_eq!(r[0]["data"]["nick_name"], "沙箱用户", "{}", r[0]);
    // An answer naming another Alipay certificate: the SDK refuses it.
    emu.fault("wrong-cert-sn", 1);
    let r = node_with(&modules, &emu, Some(dir.path()), json!([user_op(&token)]));
    assert_eq!(r[0]["code"], "response-alipay-sn-verify-error", "{}", r[0]);
}
