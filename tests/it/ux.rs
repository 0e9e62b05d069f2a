//! What a new user meets first: pipes closed early, help, JSON discipline,
//! `config` sources, warnings about secrets on the command line.

use crate::common;

use std::io::Read;
use std::process::Stdio;

use common::cli_std;

/// Runs the CLI with stdout on a pipe whose reader takes `keep` bytes and
/// goes away (`| head -c N`); returns (exit code, stderr).
fn with_stdout_closed_after(args: &[&str], keep: usize) -> (Option<i32>, String) {
    let (mut reader, writer) = std::io::pipe().unwrap();
    let child = cli_std()
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = vec![0u8; keep];
    reader.read_exact(&mut head).unwrap();
    drop(reader);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_stdout_is_a_quiet_end() {
    // Longer than a pipe's buffer, so the writes after `head` left fail.
    for args in [
        &["completions", "bash"][..],
        &["completions", "zsh"],
        &["man"],
        &["--help"],
    ] {
        let (code, stderr) = with_stdout_closed_after(args, 10);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    // Closed before anything was written.
    for args in [
        &["man"][..],
        &["completions", "fish"],
        &["config"],
        &["-o", "json", "config"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = cli_std()
            .args(args)
            .stdin(Stdio::null())
            .stdout(writer)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            stderr.is_empty() || !stderr.contains("error"),
            "{args:?}: {stderr}"
        );
    }
}

/// A stdout that fails otherwise (a full disk) is an error, not a success.
#[cfg(target_os = "linux")]
#[test]
fn a_failing_stdout_is_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = cli_std()
        .arg("config")
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "cannot write the result to standard output");
}

/// Every argument and flag of every command says what it is.
#[test]
fn no_argument_has_an_empty_help() {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: &str, empty: &mut Vec<String>) {
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            if help.trim().is_empty() {
                empty.push(format!("{path} {}", arg.get_id()));
            }
        }
        for sub in cmd.get_subcommands() {
            if sub
                .get_about()
                .is_none_or(|a| a.to_string().trim().is_empty())
            {
                empty.push(format!("{path} {} (the command)", sub.get_name()));
            }
            walk(sub, &format!("{path} {}", sub.get_name()), empty);
        }
    }
    let mut cmd = alipay_oauth::cli::Cli::command();
    // As the binary sees it: global options propagated, help flags added.
    cmd.build();
    let mut empty = Vec::new();
    walk(&cmd, "alipay-oauth", &mut empty);
    assert!(empty.is_empty(), "no help for: {empty:#?}");
}

/// A command's own options come first; the global ones under their own
/// heading after them.
#[test]
fn global_options_have_their_own_heading() {
    for args in [&["authorize", "--help"][..], &["keys", "convert", "--help"]] {
        let out = common::cli().args(args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let own = text.find("Options:").expect("an Options heading");
        let global = text
            .find("Global options:")
            .expect("a Global options heading");
        assert!(own < global, "{text}");
        let own_section = &text[own..global];
        let global_section = &text[global..];
        assert!(!own_section.contains("--profile"), "{text}");
        assert!(global_section.contains("--profile") && global_section.contains("--app-id"));
    }
    let text = String::from_utf8_lossy(
        &common::cli()
            .args(["authorize", "--help"])
            .output()
            .unwrap()
            .stdout,
    )
    .into_owned();
    let own = &text[..text.find("Global options:").unwrap()];
    assert!(
        own.contains("--scope") && own.contains("--manual"),
        "{text}"
    );
    // The parent commands show examples too, and the fault list is whole.
    for args in [&["verify", "--help"][..], &["keys", "--help"]] {
        let out = common::cli().args(args).output().unwrap();
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Examples:"),
            "{args:?}"
        );
    }
    let out = common::cli().args(["emulator", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("wrong-cert-sn"));
}

/// `config` names every source, and its JSON has typed values.
#[test]
fn config_names_sources_and_types_values() {
    let dir = common::tempdir();
    let file = dir.path().join("config.toml");
    std::fs::write(
        &file,
        "default_profile = \"dev\"\n[profiles.dev]\napp_id = \"2021000000000000\"\n[profiles.ci]\napp_id = \"2021000000000001\"\n",
    )
    .unwrap();
    let config = file.to_string_lossy().into_owned();
    let run = |args: &[&str]| {
        let out = common::cli()
            .args(["--config", &config])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let line = |text: &str, key: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{key} ")))
            .unwrap_or_else(|| panic!("no {key} line: {text}"))
            .to_string()
    };
    let text = run(&["config"]);
    assert!(
        line(&text, "connect_timeout").ends_with("[default]"),
        "{text}"
    );
    assert!(
        line(&text, "profile").contains("dev")
            && line(&text, "profile").ends_with("[config file default_profile]"),
        "{text}"
    );
    assert!(
        line(&text, "app_id").ends_with("[profile \"dev\"]"),
        "{text}"
    );
    let proxy = line(&text, "proxy");
    assert!(
        proxy.contains("(none)") && proxy.contains("HTTPS_PROXY") && proxy.contains("no_proxy"),
        "{proxy}"
    );
    let text = run(&["--profile", "ci", "config"]);
    assert!(
        line(&text, "profile").ends_with("[flag --profile]"),
        "{text}"
    );
    let text = run(&["--request-timeout", "2.5", "config"]);
    assert!(
        line(&text, "request_timeout").ends_with("[flag --request-timeout]"),
        "{text}"
    );

    let out = common::cli()
        .args(["--config", &config, "-o", "json", "config"])
        .env("ALIPAY_CONNECT_TIMEOUT", "2.5")
        .env("https_proxy", "http://user:secret@proxy.example:3128")
        .output()
        .unwrap();
    let doc = common::ok_json(&out);
    assert_eq!(doc["connect_timeout"]["value"], 2.5);
    assert_eq!(
        doc["connect_timeout"]["source"],
        "env ALIPAY_CONNECT_TIMEOUT"
    );
    assert_eq!(doc["request_timeout"]["value"], 30.0);
    assert_eq!(doc["request_timeout"]["source"], "default");
    assert_eq!(doc["redirect_uri"]["value"], serde_json::Value::Null);
    assert_eq!(doc["redirect_uri"]["source"], serde_json::Value::Null);
    assert_eq!(doc["private_key"]["value"], serde_json::Value::Null);
    assert_eq!(doc["app_id"]["value"], "2021000000000000");
    assert_eq!(doc["profile"]["source"], "config file default_profile");
    assert_eq!(
        doc["proxy"]["value"]["https"],
        "http://user:****@proxy.example:3128/"
    );
    assert_eq!(doc["proxy"]["value"]["http"], serde_json::Value::Null);
    assert_eq!(doc["proxy"]["source"], "env https_proxy");
    // A key given as text is named by its variable, never shown.
    let key = std::fs::read_to_string(&common::test_keys().0).unwrap();
    let out = common::cli()
        .args(["-o", "json", "config"])
        .env("ALIPAY_PRIVATE_KEY", &key)
        .output()
        .unwrap();
    let doc = common::ok_json(&out);
    assert_eq!(doc["private_key"]["value"], "$ALIPAY_PRIVATE_KEY");
    assert_eq!(doc["private_key"]["source"], "env ALIPAY_PRIVATE_KEY");
    assert!(
        doc["private_key"]["info"]
            .as_str()
            .unwrap()
            .contains("private key")
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("secret"));
}

/// `keys match -o json`: the verdict, the failure included, is the one
/// document on stdout; the exit status still says it.
#[test]
fn keys_match_json_is_one_document() {
    let (app_key, app_pub, _, alipay_pub) = common::test_keys();
    let run = |public: &std::path::Path| {
        common::cli()
            .args(["-o", "json", "keys", "match", "--private-key-file"])
            .arg(app_key)
            .arg("--public-key-file")
            .arg(public)
            .output()
            .unwrap()
    };
    let out = run(app_pub);
    let doc = common::ok_json(&out);
    assert_eq!(doc["match"], true);
    assert_eq!(doc["error"], serde_json::Value::Null);
    let out = run(alipay_pub);
    assert_eq!(out.status.code(), Some(6));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["match"], false);
    assert_eq!(doc["error"]["kind"], "signature");
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not a pair")
    );
}

/// `exchange --code CODE` works, but says the code was visible and how to
/// keep it off the command line; `--code -` says nothing of the kind.
#[test]
fn a_code_in_argv_is_warned_about() {
    let (app_key, _, _, alipay_pub) = common::test_keys();
    let port = common::closed_port();
    let run = |code: &str| {
        common::cli()
            .args(["--app-id", "2021000000000000", "--private-key-file"])
            .arg(app_key)
            .arg("--alipay-public-key-file")
            .arg(alipay_pub)
            .args(["--gateway", &format!("http://127.0.0.1:{port}/gateway.do")])
            .args(["exchange", "--no-store", "--code", code])
            .write_stdin("abc123\n")
            .output()
            .unwrap()
    };
    let out = run("abc123");
    // Nothing listens there: the call itself fails as a network error.
    common::assert_clean_failure(&out, 3, "cannot connect");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("visible to other users") && err.contains("--code -"),
        "{err}"
    );
    let out = run("-");
    assert_eq!(out.status.code(), Some(3));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("visible to other users"));
    // In JSON mode stderr stays one error document.
    let out = common::cli()
        .args([
            "-o",
            "json",
            "--app-id",
            "2021000000000000",
            "--private-key-file",
        ])
        .arg(app_key)
        .arg("--alipay-public-key-file")
        .arg(alipay_pub)
        .args(["--gateway", &format!("http://127.0.0.1:{port}/gateway.do")])
        .args(["exchange", "--no-store", "--code", "abc123"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let doc: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(doc["error"]["kind"], "network");
}

/// Configuration and token-store failures keep their facts (the path) and
/// the edge's hint naming the flag and variable that choose the file.
#[test]
fn config_and_store_failures_name_the_flag_to_fix() {
    let dir = common::tempdir();
    let missing = dir.path().join("absent.toml");
    let out = common::cli()
        .arg("--config")
        .arg(&missing)
        .arg("config")
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "cannot read config file");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&*missing.to_string_lossy()), "{stderr}");
    assert!(
        stderr.contains("--config or ALIPAY_OAUTH_CONFIG"),
        "{stderr}"
    );

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "profiles = 3\n").unwrap();
    let out = common::cli()
        .arg("--config")
        .arg(&bad)
        .arg("config")
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "is not valid");
    assert!(String::from_utf8_lossy(&out.stderr).contains("`alipay-oauth config` shows"));

    // A token directory that is a file: the store cannot be created.
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "").unwrap();
    let out = common::cli()
        .arg("--token-dir")
        .arg(file.join("sub"))
        .args(["-o", "json", "status"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let doc: serde_json::Value =
        serde_json::from_slice(&out.stderr).expect("one JSON error document");
    assert_eq!(doc["error"]["kind"], "store");
    let message = doc["error"]["message"].as_str().unwrap();
    assert!(message.contains("not-a-dir"), "{message}");
    assert_eq!(
        doc["error"]["hint"],
        "check the token directory (--token-dir / ALIPAY_TOKEN_DIR) is yours and writable"
    );
}
