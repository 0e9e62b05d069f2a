//! `sign` and `verify` through the real binary: exit codes, JSON shapes,
//! diagnosis, and every kind of bad input (clear one-line error, the
//! documented exit code, no panic, no secret echoed).

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use common::{assert_clean_failure, cli, openssl, s, scratch};
use serde_json::Value;

fn write(name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let p = scratch().join(name);
    std::fs::write(&p, content).unwrap();
    p
}

/// A key made by openssl with these `genpkey` options, written once.
fn openssl_key(name: &str, args: &[&str]) -> Option<PathBuf> {
    openssl()?;
    let p = scratch().join(name);
    if !p.exists() {
        let out = StdCommand::new("openssl")
            .args(args)
            .arg("-out")
            .arg(&p)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Some(p)
}

fn sign_with_key(key: &Path) -> std::process::Output {
    cli()
        .args(["sign", "--private-key-file", &s(key), "a=1"])
        .output()
        .unwrap()
}

#[test]
fn sign_without_a_key_or_parameters() {
    let out = cli().args(["sign", "a=1"]).output().unwrap();
    assert_clean_failure(&out, 2, "no app private key");
    let key = common::data_file("keys/app-private-key.pem");
    let out = cli()
        .args(["sign", "--private-key-file", &key])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "nothing to sign");
    let out = cli()
        .args(["sign", "--private-key-file", &key, "novalue"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "NAME=VALUE");
    let out = cli()
        .args(["sign", "--private-key-file", &key, "a=1", "a=2"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "more than once");
    let out = cli()
        .args(["sign", "--private-key-file", &key, "--method", "m", "a=1"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "no app id");
    let out = cli()
        .args([
            "sign",
            "--private-key-file",
            &key,
            "--app-id",
            "1",
            "--method",
            "m",
            "--timestamp",
            "2024-01-02T03:04:05",
        ])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "timestamp");
    let out = cli()
        .args([
            "sign",
            "--private-key-file",
            &key,
            "--sign-type",
            "RSA3",
            "a=1",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("RSA2"));
}

#[test]
fn bad_key_files() {
    let pem =
        std::fs::read_to_string(common::data_dir().join("keys/app-private-key-pkcs8.pem")).unwrap();
    // The key's base64 on one line, as the console shows it.
    let body_line = std::fs::read_to_string(
        common::data_dir().join("keys/app-private-key-pkcs8-no-wrapper.pem"),
    )
    .unwrap();

    let cases: Vec<(PathBuf, &str)> = vec![
        (scratch().join("does-not-exist.pem"), "no such file"),
        (scratch().to_path_buf(), "directory"),
        (write("empty.pem", ""), "empty"),
        (write("blank.pem", "\n  \n"), "empty"),
        (
            common::data_dir().join("keys/app-public-key.pem"),
            "this is a public key",
        ),
        (
            common::data_dir().join("certs/alipayCertPublicKey_RSA2.crt"),
            "certificate",
        ),
        (
            write("garbage.pem", "MIIEvQIBADANBgkqhkiG9w0B!!!AQEFAASC"),
            "invalid base64",
        ),
        (write("truncated.pem", &pem[..pem.len() / 2]), "cut short"),
        (write("no-begin.pem", &pem[pem.len() / 2..]), "no BEGIN"),
        (write("short-b64.pem", &body_line[..101]), "cut short"),
        (write("text.pem", "this is not a key at all"), "not a key"),
        (
            write("not-rsa-der.der", [0x30, 0x03, 0x02, 0x01, 0x01]),
            "not an RSA key",
        ),
    ];
    for (path, needle) in cases {
        let out = sign_with_key(&path);
        assert_clean_failure(&out, 2, needle);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains(&body_line[10..40]),
            "key material echoed: {stderr}"
        );
    }
}

#[test]
fn non_rsa_encrypted_and_short_keys() {
    let Some(ec) = openssl_key(
        "ec.pem",
        &[
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
        ],
    ) else {
        return;
    };
    assert_clean_failure(&sign_with_key(&ec), 2, "EC");
    let ed = openssl_key("ed25519.pem", &["genpkey", "-algorithm", "ED25519"]).unwrap();
    assert_clean_failure(&sign_with_key(&ed), 2, "Ed25519");
    let enc = openssl_key(
        "encrypted.pem",
        &[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:1024",
            "-aes256",
            "-pass",
            "pass:secret",
        ],
    )
    .unwrap();
    assert_clean_failure(&sign_with_key(&enc), 2, "encrypted");
    let short = openssl_key(
        "rsa1024.pem",
        &[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:1024",
        ],
    )
    .unwrap();
    assert_clean_failure(&sign_with_key(&short), 2, "1024 bits");
    // Legacy RSA (SHA-1) apps may still use 1024-bit keys.
    let out = cli()
        .args([
            "sign",
            "-q",
            "--sign-type",
            "RSA",
            "--private-key-file",
            &s(&short),
            "a=1",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
}

#[test]
fn json_errors_are_one_document_on_stderr() {
    let out = cli().args(["sign", "-o", "json", "a=1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let doc: Value = serde_json::from_slice(&out.stderr).expect("stderr is one JSON document");
    let e = &doc["error"];
    assert_eq!(e["kind"], "usage");
    assert!(e["message"].as_str().unwrap().contains("private key"));
    assert!(e["hint"].as_str().unwrap().contains("--private-key-file"));
    for k in ["code", "sub_code", "sub_msg"] {
        assert!(e.get(k).is_some(), "{k} present");
    }
    // Argument errors too, when JSON was asked for.
    let out = cli()
        .args(["sign", "-o", "json", "--bogus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let doc: Value = serde_json::from_slice(&out.stderr).expect("stderr is JSON");
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("--bogus")
    );
}

#[test]
fn charset_conflicts_and_unencodable_characters() {
    let key = common::data_file("keys/app-private-key.pem");
    let out = cli()
        .args([
            "sign",
            "--charset",
            "gbk",
            "--private-key-file",
            &key,
            "nick=😀",
        ])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "cannot be encoded in gbk");
    let out = cli()
        .args([
            "sign",
            "--charset",
            "utf-8",
            "--private-key-file",
            &key,
            "charset=gbk",
            "a=1",
        ])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "disagrees");
    // Without an explicit --charset the declared one is used.
    let declared = cli()
        .args([
            "sign",
            "-o",
            "json",
            "--private-key-file",
            &key,
            "charset=gbk",
            "s=测试",
        ])
        .output()
        .unwrap();
    let flagged = cli()
        .args([
            "sign",
            "-o",
            "json",
            "--charset",
            "gbk",
            "--private-key-file",
            &key,
            "charset=gbk",
            "s=测试",
        ])
        .output()
        .unwrap();
    let a: Value = serde_json::from_slice(&declared.stdout).unwrap();
    let b: Value = serde_json::from_slice(&flagged.stdout).unwrap();
    assert_eq!(a["sign"], b["sign"]);
    assert_eq!(a["charset"], "gbk");
    assert!(
        a["query"].as_str().unwrap().contains("s=%B2%E2%CA%D4"),
        "{}",
        a["query"]
    );
}

#[test]
fn human_output_shows_invisible_bytes() {
    let key = common::data_file("keys/app-private-key.pem");
    let out = cli()
        .args([
            "sign",
            "--private-key-file",
            &key,
            "a=x\u{200b}y",
            "b=line\nbreak",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("a=x⟨U+200B⟩y&b=line␊break"), "{text}");
    assert!(text.contains("sha-256:"));
    assert!(text.contains("PKCS#1 private key, PEM, 2048 bits"));
}

#[test]
fn verify_diagnoses_swapped_keys_and_wrong_hash() {
    let app_key = common::data_file("keys/app-private-key.pem");
    let alipay_pub = common::data_file("keys/alipay-public-key.pem");
    let content = write("content.txt", "a=1&b=2");
    let sign = |sign_type: &str| {
        let out = cli()
            .args([
                "sign",
                "-q",
                "--sign-type",
                sign_type,
                "--private-key-file",
                &app_key,
                "a=1",
                "b=2",
            ])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    let rsa2 = sign("RSA2");

    // Signed with the app key, checked with Alipay's: keys swapped.
    let out = cli()
        .args([
            "verify",
            "raw",
            "-o",
            "json",
            "--signature",
            &rsa2,
            "--alipay-public-key-file",
            &alipay_pub,
        ])
        .args(["--private-key-file", &app_key, &s(&content)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["valid"], false);
    let codes: Vec<&str> = doc["diagnosis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["signed_with_app_key"]);

    // The app public key given as the Alipay key, signature made as RSA.
    let rsa1 = sign("RSA");
    let out = cli()
        .args(["verify", "raw", "-o", "json", "--signature", &rsa1])
        .args([
            "--alipay-public-key-file",
            &common::data_file("keys/app-public-key.pem"),
        ])
        .args(["--private-key-file", &app_key, &s(&content)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = doc["diagnosis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["alipay_key_is_app_key", "other_sign_type"]);
    // The core finds the sign type; the command line names the flag for it.
    assert_eq!(
        doc["diagnosis"][1]["message"],
        "the signature verifies as RSA (SHA1withRSA), not RSA2: use --sign-type RSA"
    );
    assert!(doc["diagnosis"][1].get("fix").is_none());

    // Valid: exit 0, human output.
    let out = cli()
        .args(["verify", "raw", "--signature", &rsa2])
        .args([
            "--alipay-public-key-file",
            &common::data_file("keys/app-public-key-no-wrapper.pem"),
            &s(&content),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("✓ valid"));

    // A trailing newline added by an editor.
    let with_newline = write("content-nl.txt", "a=1&b=2\n");
    let out = cli()
        .args(["verify", "raw", "--signature", &rsa2])
        .args([
            "--alipay-public-key-file",
            &common::data_file("keys/app-public-key.pem"),
            &s(&with_newline),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("trailing newline"), "{stdout}");
    assert!(stdout.contains("a=1&b=2␊"), "{stdout}");
}

#[test]
fn verify_response_failures() {
    let vectors = common::data_vectors();
    let key = common::data_file("keys/alipay-public-key.pem");
    let body = vectors["gateway_responses"][0]["body"]
        .as_str()
        .unwrap()
        .to_string();
    let run = |input: String| {
        cli()
            .args([
                "verify",
                "response",
                "-o",
                "json",
                "--alipay-public-key-file",
                &key,
            ])
            .write_stdin(input)
            .output()
            .unwrap()
    };

    // Cut short, not JSON, empty.
    for (input, needle) in [
        (body[..body.len() / 2].to_string(), "cut short"),
        (
            "<html>502 Bad Gateway</html>".to_string(),
            "not a JSON object",
        ),
        (String::new(), "empty"),
    ] {
        let out = run(input);
        assert_eq!(out.status.code(), Some(6));
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["valid"], false);
        assert_eq!(doc["diagnosis"][0]["code"], "malformed");
        assert!(
            doc["diagnosis"][0]["message"]
                .as_str()
                .unwrap()
                .contains(needle),
            "{doc}"
        );
    }

    // Unsigned success: never valid.
    let unsigned =
        r#"{"alipay_system_oauth_token_response":{"access_token":"t","user_id":"2088"}}"#;
    let out = run(unsigned.into());
    assert_eq!(out.status.code(), Some(6));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["signed"], false);
    assert_eq!(doc["diagnosis"][0]["code"], "unsigned");

    // An unsigned gateway error: reported with its code, not valid.
    let out = run(r#"{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-signature"}}"#.into());
    assert_eq!(out.status.code(), Some(6));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["node"], "error_response");
    assert_eq!(doc["code"], "40002");
    assert_eq!(doc["sub_code"], "isv.invalid-signature");

    // Duplicate root node: injection defence.
    let dup = body.replacen(
        "\"sign\"",
        "\"alipay_system_oauth_token_response\":{\"code\":\"10000\"},\"sign\"",
        1,
    );
    let out = run(dup);
    assert_eq!(out.status.code(), Some(6));
    assert!(String::from_utf8_lossy(&out.stdout).contains("more than once"));

    // A private key where the Alipay public key belongs.
    let out = cli()
        .args([
            "verify",
            "response",
            "--alipay-public-key-file",
            &common::data_file("keys/app-private-key.pem"),
        ])
        .write_stdin(body)
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "this is a private key");
}

#[test]
fn config_file_errors_and_profiles() {
    let out = cli()
        .args(["sign", "a=1", "--config", &s(&scratch().join("nope.toml"))])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "cannot read config file");
    let bad = write("bad.toml", "[profiles.x\napp_id=1");
    let out = cli()
        .args(["sign", "a=1", "--config", &s(&bad)])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "not valid");
    let good = write(
        "good.toml",
        format!(
            "default_profile = \"dev\"\n[profiles.dev]\nprivate_key_file = \"{}\"\nsign_type = \"RSA2\"\n",
            common::data_file("keys/app-private-key.pem")
        ),
    );
    let out = cli()
        .args(["sign", "-q", "a=1", "--config", &s(&good)])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cli()
        .args(["sign", "a=1", "--config", &s(&good), "--profile", "prod"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "no profile named \"prod\"");
    // The environment names the profile too.
    let out = cli()
        .args(["sign", "a=1", "--config", &s(&good)])
        .env("ALIPAY_PROFILE", "prod")
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, "no profile named \"prod\"");
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = cli().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("alipay-oauth"));
    }
}

/// The generated completions and man page in completions/ are up to date.
#[test]
fn completions_and_man_page_are_not_stale() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in [
        ("bash", "alipay-oauth.bash"),
        ("zsh", "_alipay-oauth"),
        ("fish", "alipay-oauth.fish"),
        ("powershell", "_alipay-oauth.ps1"),
        ("elvish", "alipay-oauth.elvish"),
        ("man", "alipay-oauth.1"),
    ] {
        let out = if shell == "man" {
            cli().arg("man").output().unwrap()
        } else {
            cli().args(["completions", shell]).output().unwrap()
        };
        assert!(out.status.success());
        let committed = std::fs::read(dir.join(file)).unwrap_or_default();
        assert!(
            committed == out.stdout,
            "completions/{file} is stale: regenerate with `alipay-oauth {} > completions/{file}`",
            if shell == "man" {
                "man".to_string()
            } else {
                format!("completions {shell}")
            }
        );
    }
}

/// Every command's --help shows examples.
#[test]
fn every_command_has_examples() {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: Vec<String>, missing: &mut Vec<String>) {
        for sub in cmd.get_subcommands() {
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            if sub.get_subcommands().next().is_some() {
                walk(sub, p, missing);
                continue;
            }
            if sub.get_name() == "help" {
                continue;
            }
            let out = cli().args(&p).arg("--help").output().unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            if !text.contains("Example") {
                missing.push(p.join(" "));
            }
        }
    }
    let mut missing = Vec::new();
    walk(&alipay_oauth::cli::Cli::command(), Vec::new(), &mut missing);
    assert!(missing.is_empty(), "no examples in --help of: {missing:?}");
}
