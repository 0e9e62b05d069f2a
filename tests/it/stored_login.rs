//! The stored login as scripts use it: `--emulator-url`, `token`, `status`,
//! `userinfo` recovering from a refused access token, and logins that are
//! not stored. Real binary against a real emulator on a non-default port.

use crate::common;

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use common::{Command, EmulatorProc};
use serde_json::Value;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The CLI aimed at the emulator through `--env emulator` and one URL.
fn cli(emu: &EmulatorProc) -> Command {
    let mut c = common::cli();
    c.args(["--env", "emulator", "--emulator-url", &emu.base])
        .args(["--app-id", &emu.app_id])
        .arg("--private-key-file")
        .arg(&emu.app_key)
        .arg("--alipay-public-key-file")
        .arg(&emu.alipay_pub)
        .arg("--token-dir")
        .arg(emu.token_dir())
        .timeout(Duration::from_secs(120));
    c
}

/// Exchanges a fresh code of test user `user` and returns the token JSON.
fn login(emu: &EmulatorProc, user: usize, extra: &[&str]) -> (Value, Output) {
    let out = cli(emu)
        .args(["-o", "json", "exchange", "--code", "-"])
        .args(extra)
        .write_stdin(emu.auth_code_for(&emu.app_id, "auth_user", user))
        .output()
        .unwrap();
    (common::ok_json(&out), out)
}

fn tokens_issued(emu: &EmulatorProc) -> u64 {
    emu.health()["tokens_issued"].as_u64().unwrap()
}

/// `token -o json` of the stored login.
fn token_json(emu: &EmulatorProc, extra: &[&str]) -> Value {
    let out = cli(emu)
        .args(["-o", "json", "token"])
        .args(extra)
        .output()
        .unwrap();
    common::ok_json(&out)
}

#[test]
fn one_emulator_url_moves_the_gateway_and_the_authorization_page() {
    let emu = EmulatorProc::start(&["--auto-approve"]);
    assert_ne!(
        emu.base, "http://127.0.0.1:9966",
        "the emulator must not be on the default port for this test"
    );
    let gateway = format!("{}/gateway.do", emu.base);
    let authorize = format!("{}/oauth2/publicAppAuthorize.htm", emu.base);

    // The flag, shown with its source.
    let doc = common::ok_json(&cli(&emu).args(["-o", "json", "config"]).output().unwrap());
    assert_eq!(doc["emulator_url"]["value"], emu.base.as_str(), "{doc}");
    assert_eq!(doc["emulator_url"]["source"], "flag --emulator-url");
    assert_eq!(doc["gateway"]["value"], gateway.as_str());
    assert_eq!(doc["authorize_url"]["value"], authorize.as_str());

    // The environment variable and the profile key, with a trailing slash.
    let dir = common::tempdir();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[profiles.emu]\nenv = \"emulator\"\nemulator_url = \"{}/\"\n",
            emu.base
        ),
    )
    .unwrap();
    let doc = common::ok_json(
        &common::cli()
            .arg("--config")
            .arg(&config)
            .args(["--profile", "emu", "-o", "json", "config"])
            .output()
            .unwrap(),
    );
    assert_eq!(doc["emulator_url"]["source"], "profile \"emu\"", "{doc}");
    assert_eq!(doc["gateway"]["value"], gateway.as_str());
    assert_eq!(doc["authorize_url"]["value"], authorize.as_str());

    // A whole browser login and a gateway call through ALIPAY_EMULATOR_URL alone.
    let helper = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/helpers/browser.py");
    let client = |args: &[&str]| {
        let mut c = common::cli();
        c.env("ALIPAY_ENV", "emulator")
            .env("ALIPAY_EMULATOR_URL", &emu.base)
            .env("ALIPAY_APP_ID", &emu.app_id)
            .env("ALIPAY_PRIVATE_KEY_FILE", &emu.app_key)
            .env("ALIPAY_PUBLIC_KEY_FILE", &emu.alipay_pub)
            .env("ALIPAY_TOKEN_DIR", emu.token_dir())
            .env("BROWSER", format!("python3 {}", helper.display()))
            .args(args)
            .timeout(Duration::from_secs(120));
        c
    };
    let doc = common::ok_json(&client(&["-o", "json", "config"]).output().unwrap());
    assert_eq!(doc["emulator_url"]["source"], "env ALIPAY_EMULATOR_URL");
    let doc = common::ok_json(&client(&["-o", "json", "authorize"]).output().unwrap());
    assert_eq!(doc["user"]["nickname"], "沙箱用户", "{doc}");
    let doc = common::ok_json(&client(&["-o", "json", "userinfo"]).output().unwrap());
    assert_eq!(doc["nickname"], "沙箱用户");
    // A browser login that is not stored says what it did to the stored one,
    // which still answers (refreshed on the way).
    let out = client(&["authorize", "--no-store"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("marked"), "{}", stderr(&out));
    let doc = common::ok_json(&client(&["-o", "json", "status"]).output().unwrap());
    assert_eq!(doc[0]["access_superseded"], true, "{doc}");
    let out = client(&["-o", "json", "userinfo"]).output().unwrap();
    assert_eq!(common::ok_json(&out)["nickname"], "沙箱用户");

    // An explicit --gateway still wins over the emulator URL.
    let doc = common::ok_json(
        &cli(&emu)
            .args([
                "--gateway",
                "http://127.0.0.1:1/gateway.do",
                "-o",
                "json",
                "config",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(doc["gateway"]["value"], "http://127.0.0.1:1/gateway.do");
    assert_eq!(doc["authorize_url"]["value"], authorize.as_str());

    // A gateway URL given as the emulator URL is refused, with the fix.
    let mut c = common::cli();
    let out = c
        .args(["--env", "emulator", "--emulator-url", &gateway, "config"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "base");
}

#[test]
fn token_refreshes_only_when_asked_for_more_life_and_status_lists_logins() {
    let emu = EmulatorProc::start(&["--token-ttl", "3600"]);

    // Nothing stored yet: exit 5 for both, and an empty list.
    let out = cli(&emu).arg("token").output().unwrap();
    common::assert_clean_failure(&out, 5, "no stored login");
    assert!(out.stdout.is_empty());
    let out = cli(&emu).args(["-o", "json", "status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        serde_json::json!([])
    );

    let (tokens, _) = login(&emu, 0, &[]);
    let issued = tokens_issued(&emu);

    // A token valid long enough is printed as stored, alone, without a call.
    let out = cli(&emu).arg("token").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("{}\n", tokens["access_token"].as_str().unwrap())
    );
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    assert_eq!(tokens_issued(&emu), issued, "no refresh");
    let doc = token_json(&emu, &["--min-valid", "3000"]);
    assert_eq!(doc["access_token"], tokens["access_token"]);
    assert_eq!(doc["expires_at"], tokens["expires_at"]);
    assert_eq!(tokens_issued(&emu), issued, "no refresh");

    // Asking for more life than it has refreshes, once, and stores the result.
    let doc = token_json(&emu, &["--min-valid", "7200"]);
    assert_ne!(doc["access_token"], tokens["access_token"]);
    assert_eq!(tokens_issued(&emu), issued + 1);
    assert_eq!(token_json(&emu, &[])["access_token"], doc["access_token"]);
    assert_eq!(tokens_issued(&emu), issued + 1);
    // The rotated refresh token went to the store: the stored login still refreshes.
    let out = cli(&emu).args(["exchange", "--refresh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // A second user; status shows both, the latest current.
    let (second, _) = login(&emu, 1, &[]);
    let out = cli(&emu).args(["-o", "json", "status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2, "{list:?}");
    for s in list {
        for field in [
            "environment",
            "family",
            "app_id",
            "subject",
            "expires_at",
            "refresh_expires_at",
            "scope",
        ] {
            assert!(s.get(field).is_some(), "{field} in {s}");
        }
        assert_eq!(s["app_id"], emu.app_id.as_str());
        assert_eq!(s["usable"], true);
        assert!(
            s["environment"]
                .as_str()
                .unwrap()
                .starts_with("emulator-127.0.0.1-")
        );
        assert_eq!(s["current"], s["subject"] == second["open_id"]);
    }
    let out = cli(&emu).arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains(second["open_id"].as_str().unwrap()), "{text}");
    assert!(
        text.contains("· current") && text.contains("refresh  expires"),
        "{text}"
    );
    // Human output never shows a token.
    common::assert_no_secrets(&out, &[second["access_token"].as_str().unwrap()]);
}

#[test]
fn parallel_token_calls_share_one_refresh() {
    // Tokens live 90 s; asking for 60 s refreshes once they are 30 s old,
    // and the new token then satisfies every process that runs within 30 s.
    let emu = EmulatorProc::start(&["--token-ttl", "90"]);
    let (tokens, _) = login(&emu, 0, &[]);
    std::thread::sleep(Duration::from_secs(31));
    let issued = tokens_issued(&emu);
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let mut c = common::cli_std();
            c.args(["--env", "emulator", "--emulator-url", &emu.base])
                .args(["--app-id", &emu.app_id])
                .arg("--private-key-file")
                .arg(&emu.app_key)
                .arg("--alipay-public-key-file")
                .arg(&emu.alipay_pub)
                .arg("--token-dir")
                .arg(emu.token_dir())
                .args(["token", "--min-valid", "60"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outs: Vec<Output> = runs
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    for o in &outs {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
    }
    let first = stdout(&outs[0]);
    assert_ne!(first.trim(), tokens["access_token"].as_str().unwrap());
    assert!(outs.iter().all(|o| stdout(o) == first), "one token for all");
    assert_eq!(tokens_issued(&emu), issued + 1, "exactly one refresh");
}

#[test]
fn an_expired_login_is_unusable() {
    let emu = EmulatorProc::start(&["--token-ttl", "1", "--refresh-ttl", "2"]);
    login(&emu, 0, &[]);
    std::thread::sleep(Duration::from_secs(4));
    let out = cli(&emu).args(["-o", "json", "status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["usable"], false, "{list}");
    let out = cli(&emu).arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(
        stdout(&out).contains("✗") && stdout(&out).contains("expired"),
        "{}",
        stdout(&out)
    );
    let out = cli(&emu).arg("token").output().unwrap();
    common::assert_clean_failure(&out, 5, "refresh token");
    assert!(out.stdout.is_empty());

    // A refresh token Alipay no longer takes (spent elsewhere): exit 5 too.
    let emu = EmulatorProc::start(&["--token-ttl", "1"]);
    login(&emu, 0, &[]);
    emu.fault("error:isv.refresh-token-invalid", 2);
    std::thread::sleep(Duration::from_secs(2));
    let out = cli(&emu).arg("token").output().unwrap();
    common::assert_clean_failure(&out, 5, "isv.refresh-token-invalid");
    assert!(out.stdout.is_empty());
}

#[test]
fn userinfo_refreshes_once_when_alipay_refuses_the_stored_access_token() {
    let emu = EmulatorProc::start(&[]);
    let (first, _) = login(&emu, 0, &[]);

    // Another login of the same user kept elsewhere (another machine's
    // store): Alipay drops the access token stored here.
    let elsewhere = common::tempdir();
    let out = cli(&emu)
        .arg("--token-dir")
        .arg(elsewhere.path())
        .args(["-o", "json", "exchange", "--code", "-"])
        .write_stdin(emu.auth_code("auth_user"))
        .output()
        .unwrap();
    common::ok_json(&out);
    let issued = tokens_issued(&emu);
    let out = cli(&emu).args(["-o", "json", "userinfo"]).output().unwrap();
    let user = common::ok_json(&out);
    assert_eq!(user["subject"], first["open_id"]);
    assert_eq!(tokens_issued(&emu), issued + 1, "one refresh");
    let stored = token_json(&emu, &[]);
    assert_ne!(
        stored["access_token"], first["access_token"],
        "the new token is stored"
    );

    // A refusal cured by one refresh; then one that the refresh cannot cure.
    emu.fault("error:aop.invalid-auth-token", 1);
    let out = cli(&emu).arg("userinfo").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("refreshing"), "{}", stderr(&out));
    emu.fault("error:aop.invalid-auth-token", 2);
    let issued = tokens_issued(&emu);
    let out = cli(&emu).arg("userinfo").output().unwrap();
    common::assert_clean_failure(&out, 4, "aop.invalid-auth-token");
    assert_eq!(
        tokens_issued(&emu),
        issued,
        "the refresh call was refused too"
    );
    // A token given by hand is never refreshed.
    emu.fault("error:aop.auth-token-time-out", 1);
    let out = cli(&emu)
        .args(["userinfo", "--access-token-stdin"])
        .write_stdin(stored["access_token"].as_str().unwrap().to_string())
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 4, "aop.auth-token-time-out");
}

#[test]
fn a_login_that_is_not_stored_marks_the_stored_one() {
    let emu = EmulatorProc::start(&[]);
    let (first, _) = login(&emu, 0, &[]);
    let (_, out) = login(&emu, 0, &["--no-store"]);
    let err = stderr(&out);
    assert!(
        err.contains("drop the stored access token") && err.contains("marked"),
        "{err}"
    );
    let list: Value = serde_json::from_slice(
        &cli(&emu)
            .args(["-o", "json", "status"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(list[0]["access_superseded"], true, "{list}");
    assert_eq!(list[0]["access_valid"], false);
    assert_eq!(list[0]["usable"], true, "the refresh token still works");
    // The next use refreshes without a refused call.
    let issued = tokens_issued(&emu);
    let calls = emu.health()["gateway_calls"].as_u64().unwrap();
    let doc = token_json(&emu, &[]);
    assert_ne!(doc["access_token"], first["access_token"]);
    assert_eq!(tokens_issued(&emu), issued + 1);
    assert_eq!(emu.health()["gateway_calls"].as_u64().unwrap(), calls + 1);
    let out = cli(&emu).args(["-o", "json", "userinfo"]).output().unwrap();
    common::ok_json(&out);
    // Another user's unstored login leaves this one alone.
    let (_, out) = login(&emu, 1, &["--no-store"]);
    assert!(!stderr(&out).contains("drop"), "{}", stderr(&out));
}
