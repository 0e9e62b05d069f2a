//! `keys` commands and certificate mode: generated keys round-trip through
//! every format, the official Python SDK signs with a generated PKCS#1 key
//! the same bytes as the CLI, and the whole flow runs in certificate mode
//! against the emulator.

use crate::common;

use std::path::{Path, PathBuf};

use common::{EmulatorProc, cli, python_sdk, run_sdk};
use serde_json::{Value, json};

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn json_out(out: &std::process::Output) -> Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn generate_writes_a_private_file_and_never_overwrites() {
    let dir = common::tempdir();
    let key = dir.path().join("app.key");
    let out = cli()
        .args(["keys", "generate", "--encoding", "bare", "--out", &s(&key)])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let public = String::from_utf8(out.stdout).unwrap();
    assert!(public.trim().starts_with("MIIBIjAN"), "{public}");
    assert_eq!(public.trim().lines().count(), 1, "one line, ready to paste");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let before = std::fs::read(&key).unwrap();
    let out = cli()
        .args(["keys", "generate", "--out", &s(&key)])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "already exists");
    assert_eq!(std::fs::read(&key).unwrap(), before, "untouched");
    let out = cli()
        .args([
            "keys",
            "generate",
            "--force",
            "--format",
            "pkcs1",
            "--out",
            &s(&key),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&key)
            .unwrap()
            .starts_with("-----BEGIN RSA PRIVATE KEY-----")
    );
    let out = cli()
        .args([
            "keys",
            "generate",
            "--bits",
            "1024",
            "--out",
            &s(&dir.path().join("small")),
        ])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "--bits 1024");
}

#[test]
fn keys_round_trip_through_every_format() {
    let dir = common::tempdir();
    let key = dir.path().join("app.key");
    let generated = json_out(
        &cli()
            .args(["-o", "json", "keys", "generate", "--out", &s(&key)])
            .output()
            .unwrap(),
    );
    let fingerprint = generated["fingerprint"].as_str().unwrap().to_string();
    let inspect = |p: &Path| {
        json_out(
            &cli()
                .args(["-o", "json", "keys", "inspect", &s(p)])
                .output()
                .unwrap(),
        )
    };

    for (to, kind) in [
        ("pkcs1", "private"),
        ("pkcs8", "private"),
        ("spki", "public"),
    ] {
        for encoding in ["pem", "bare", "der"] {
            let target = dir.path().join(format!("{to}.{encoding}"));
            let out = cli()
                .args([
                    "keys",
                    "convert",
                    "--to",
                    to,
                    "--encoding",
                    encoding,
                    "--out",
                    &s(&target),
                    &s(&key),
                ])
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "{to} {encoding}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let doc = inspect(&target);
            assert_eq!(doc["kind"], kind, "{to} {encoding}");
            assert_eq!(doc["format"], to);
            assert_eq!(doc["encoding"], encoding);
            assert_eq!(doc["bits"], 2048);
            assert_eq!(doc["fingerprint"], fingerprint.as_str(), "{to} {encoding}");
            // And back: every shape converts to PKCS#8 PEM identical to the original.
            if kind == "private" {
                let back = cli()
                    .args(["keys", "convert", "--to", "pkcs8", &s(&target)])
                    .output()
                    .unwrap();
                assert_eq!(
                    back.stdout,
                    std::fs::read(&key).unwrap(),
                    "{to} {encoding} back to PKCS#8"
                );
            }
            let public = cli()
                .args(["keys", "public", "--encoding", "bare", &s(&target)])
                .output()
                .unwrap();
            assert_eq!(
                String::from_utf8(public.stdout).unwrap().trim(),
                generated["public_key"].as_str().unwrap()
            );
        }
    }
    // PKCS#1 public keys too; a public key has no PKCS#8 form.
    let spki = dir.path().join("spki.pem");
    let out = cli()
        .args(["keys", "convert", "--to", "pkcs1", &s(&spki)])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("-----BEGIN RSA PUBLIC KEY-----"));
    let out = cli()
        .args(["keys", "convert", "--to", "pkcs8", &s(&spki)])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "PKCS#8");
    // Private keys written with --out are private files.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("pkcs1.pem"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn python_sdk_signs_like_the_cli_with_a_generated_pkcs1_key() {
    let Some(python) = python_sdk() else { return };
    let dir = common::tempdir();
    let key = dir.path().join("app-pkcs1.txt");
    let out = cli()
        .args([
            "keys",
            "generate",
            "--format",
            "pkcs1",
            "--encoding",
            "bare",
            "--out",
            &s(&key),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let bare = std::fs::read_to_string(&key).unwrap().trim().to_string();
    let params = json!({"app_id": "2021000000000000", "method": "alipay.user.info.share", "charset": "utf-8",
                        "sign_type": "RSA2", "timestamp": "2024-01-02 03:04:05", "version": "1.0",
                        "biz_content": "{\"a\":\"测试 & =\"}"});
    let sdk = run_sdk(
        &python,
        &json!([{"op": "sign", "key": bare, "params": params, "sign_type": "RSA2", "charset": "utf-8"}]),
    );
    let doc = json_out(
        &cli()
            .args([
                "-o",
                "json",
                "sign",
                "--private-key-file",
                &s(&key),
                "--stdin",
                "json",
            ])
            .write_stdin(params.to_string())
            .output()
            .unwrap(),
    );
    assert_eq!(doc["sign"], sdk[0]["sign"]);
}

#[test]
fn match_tells_pairs_and_swapped_keys() {
    let (app_key, app_pub, _, alipay_pub) = common::test_keys();
    let run = |args: &[&str]| cli().args(args).output().unwrap();
    let out = run(&[
        "keys",
        "match",
        "--private-key-file",
        &s(app_key),
        "--public-key-file",
        &s(app_pub),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let out = run(&[
        "keys",
        "match",
        "--private-key-file",
        &s(app_key),
        "--public-key-file",
        &s(alipay_pub),
    ]);
    assert_eq!(out.status.code(), Some(6));
    assert!(String::from_utf8_lossy(&out.stdout).contains("not a pair"));
    // The configured "Alipay public key" is the app's own.
    let out = run(&[
        "keys",
        "match",
        "--private-key-file",
        &s(app_key),
        "--alipay-public-key-file",
        &s(app_pub),
    ]);
    assert_eq!(out.status.code(), Some(6));
    assert!(String::from_utf8_lossy(&out.stdout).contains("app's own public key"));
    let out = run(&[
        "keys",
        "match",
        "--private-key-file",
        &s(app_key),
        "--alipay-public-key-file",
        &s(alipay_pub),
    ]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn inspect_certificates_and_errors() {
    let doc = json_out(
        &cli()
            .args([
                "-o",
                "json",
                "keys",
                "inspect",
                &common::data_file("certs/alipayCertPublicKey_RSA2.crt"),
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(doc["kind"], "certificate");
    let vectors = common::data_vectors();
    let alipay = vectors["cert_sn"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "alipay_cert_sn")
        .unwrap();
    assert_eq!(doc["sn"], alipay["sn"]);
    assert_eq!(doc["bits"], 2048);
    let out = cli()
        .args([
            "keys",
            "cert-sn",
            &common::data_file("keys/app-public-key.pem"),
        ])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "no certificate");
}

/// The certificate files of a certificate-mode emulator.
fn cert_files(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    (
        dir.join(format!("appCertPublicKey_{}.crt", common::APP_ID)),
        dir.join("alipayCertPublicKey_RSA2.crt"),
        dir.join("alipayRootCert.crt"),
    )
}

fn start_cert_emulator() -> (EmulatorProc, tempfile::TempDir) {
    let dir = common::tempdir();
    let emu = EmulatorProc::start(&["--auto-approve", "--cert-dir", &s(dir.path())]);
    (emu, dir)
}

#[test]
fn certificate_mode_end_to_end() {
    let (emu, dir) = start_cert_emulator();
    let (app_cert, alipay_cert, root) = cert_files(dir.path());
    let startup = &emu.startup["certificates"];
    assert_eq!(startup["alipay_root_cert_sn"].as_str().unwrap().len(), 32);
    let cert_args = |c: &mut assert_cmd::Command| {
        c.args([
            "--app-cert-file",
            &s(&app_cert),
            "--alipay-cert-file",
            &s(&alipay_cert),
            "--alipay-root-cert-file",
            &s(&root),
        ]);
    };
    let mut cmd = emu.cli();
    cert_args(&mut cmd);
    let out = cmd
        .args(["-o", "json", "exchange", "--code", "-"])
        .write_stdin(emu.auth_code("auth_user"))
        .output()
        .unwrap();
    json_out(&out);
    let mut cmd = emu.cli();
    cert_args(&mut cmd);
    let user = json_out(&cmd.args(["-o", "json", "userinfo"]).output().unwrap());
    assert_eq!(user["nickname"], "沙箱用户");

    // A response naming another Alipay certificate: exit 6, both SNs named.
    emu.fault("wrong-cert-sn", 1);
    let mut cmd = emu.cli();
    cert_args(&mut cmd);
    let out = cmd.args(["userinfo"]).output().unwrap();
    common::assert_clean_failure(&out, 6, startup["alipay_cert_sn"].as_str().unwrap());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&"0".repeat(32)));
    // Its own rejection, not a parse failure.
    assert!(err.contains("names Alipay certificate SN"), "{err}");
    assert!(!err.contains("not JSON"), "{err}");

    // A public-key-mode client is refused by a certificate-mode gateway.
    let out = emu.cli().args(["-o", "json", "userinfo"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    let e: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(e["error"]["sub_code"], "isv.missing-app-cert-sn");

    // Half a certificate configuration is a usage error.
    let out = emu
        .cli()
        .args(["--app-cert-file", &s(&app_cert), "userinfo"])
        .output()
        .unwrap();
    common::assert_clean_failure(&out, 2, "all three");
    // The app certificate must belong to the private key.
    let mut cmd = emu.cli();
    cmd.args([
        "--app-cert-file",
        &s(&alipay_cert),
        "--alipay-cert-file",
        &s(&alipay_cert),
        "--alipay-root-cert-file",
        &s(&root),
    ]);
    let out = cmd.args(["userinfo"]).output().unwrap();
    common::assert_clean_failure(&out, 2, "does not belong");
}

#[test]
fn verify_response_with_a_certificate() {
    use alipay_oauth::protocol::v2::{Common, common_params, now_timestamp};
    use alipay_oauth::sign::{Charset, PrivateKey, SignType, sign_params};
    let (emu, dir) = start_cert_emulator();
    let (app_cert, alipay_cert, root) = cert_files(dir.path());
    let app_sn = alipay_oauth::sign::cert::cert_sn(&std::fs::read(&app_cert).unwrap()).unwrap();
    let root_sn = alipay_oauth::sign::cert::root_cert_sn(&std::fs::read(&root).unwrap()).unwrap();
    let key = PrivateKey::parse(&std::fs::read(&common::test_keys().0).unwrap()).unwrap();
    let mut params = common_params(
        "alipay.system.oauth.token",
        &Common {
            app_id: common::APP_ID,
            charset: Charset::Utf8,
            sign_type: SignType::Rsa2,
            timestamp: now_timestamp(),
        },
    );
    params.set("app_cert_sn", app_sn);
    params.set("alipay_root_cert_sn", root_sn);
    params.set("grant_type", "authorization_code");
    params.set("code", emu.auth_code("auth_user"));
    let signed = sign_params(&params, &key, SignType::Rsa2, Charset::Utf8).unwrap();
    params.set("sign", signed.sign);
    let body = reqwest::blocking::Client::builder()
        .no_proxy()
        .build()
        .unwrap()
        .post(format!(
            "{}?{}",
            emu.gateway(),
            alipay_oauth::sign::form::encode(params.iter(), Charset::Utf8).unwrap()
        ))
        .send()
        .unwrap()
        .bytes()
        .unwrap()
        .to_vec();
    let out = cli()
        .args([
            "-o",
            "json",
            "verify",
            "response",
            "--alipay-cert-file",
            &s(&alipay_cert),
        ])
        .write_stdin(body.clone())
        .output()
        .unwrap();
    let doc = json_out(&out);
    assert_eq!(
        doc["alipay_cert_sn"],
        emu.startup["certificates"]["alipay_cert_sn"]
    );
    // The SN checked: a body naming another certificate is invalid.
    let forged = String::from_utf8(body).unwrap().replace(
        emu.startup["certificates"]["alipay_cert_sn"]
            .as_str()
            .unwrap(),
        &"1".repeat(32),
    );
    let out = cli()
        .args([
            "-o",
            "json",
            "verify",
            "response",
            "--alipay-cert-file",
            &s(&alipay_cert),
        ])
        .write_stdin(forged)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        doc["diagnosis"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "cert_sn_mismatch")
    );
}

/// The global arguments of certificate mode.
fn cert_mode_args(dir: &Path) -> Vec<String> {
    let (app_cert, alipay_cert, root) = cert_files(dir);
    vec![
        "--app-cert-file".into(),
        s(&app_cert),
        "--alipay-cert-file".into(),
        s(&alipay_cert),
        "--alipay-root-cert-file".into(),
        s(&root),
    ]
}

#[test]
fn sign_method_in_certificate_mode_signs_what_a_call_signs() {
    let (emu, dir) = start_cert_emulator();
    let startup = &emu.startup["certificates"];
    let doc = json_out(
        &emu.cli()
            .args(cert_mode_args(dir.path()))
            .args([
                "-o",
                "json",
                "sign",
                "--method",
                "alipay.system.oauth.token",
                "grant_type=authorization_code",
            ])
            .arg(format!("code={}", emu.auth_code("auth_user")))
            .output()
            .unwrap(),
    );
    let app_sn = &startup["app_cert_sn"][common::APP_ID];
    assert!(app_sn.is_string(), "{startup}");
    assert_eq!(&doc["params"]["app_cert_sn"], app_sn, "{doc}");
    assert_eq!(
        doc["params"]["alipay_root_cert_sn"],
        startup["alipay_root_cert_sn"]
    );
    assert!(
        doc["sign_content"]
            .as_str()
            .unwrap()
            .contains("alipay_root_cert_sn="),
        "{doc}"
    );
    // The request as `sign` shows it is the request a call sends: the
    // certificate-mode gateway accepts it as it stands.
    let body = common::http_client()
        .post(format!(
            "{}?{}",
            emu.gateway(),
            doc["query"].as_str().unwrap()
        ))
        .send()
        .unwrap()
        .text()
        .unwrap();
    let answer: Value = serde_json::from_str(&body).unwrap();
    assert!(
        answer["alipay_system_oauth_token_response"]["access_token"].is_string(),
        "{body}"
    );
    // Without --method nothing is added: exactly the given parameters.
    let doc = json_out(
        &emu.cli()
            .args(cert_mode_args(dir.path()))
            .args(["-o", "json", "sign", "a=1"])
            .output()
            .unwrap(),
    );
    assert_eq!(doc["sign_content"], "a=1");

    // doctor names the PEM certificate files PEM.
    let out = emu
        .cli()
        .args(cert_mode_args(dir.path()))
        .arg("doctor")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("X.509 certificate, PEM"), "{text}");
    assert!(!text.contains("certificate, DER"), "{text}");
    assert!(
        text.contains("certificate dates") && text.contains("all valid"),
        "{text}"
    );
}

/// A self-signed RSA certificate that expired on 2021-01-01, made with
/// `openssl ca` (the only openssl command that takes explicit dates).
fn expired_certificate(dir: &Path) -> Option<String> {
    let openssl = common::openssl()?;
    std::fs::write(dir.join("index.txt"), "").unwrap();
    std::fs::write(dir.join("serial"), "01\n").unwrap();
    std::fs::write(
        dir.join("ca.cnf"),
        "[ca]\ndefault_ca = d\n[d]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\n\
         default_md = sha256\npolicy = p\nunique_subject = no\n[p]\ncommonName = supplied\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(openssl)
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&[
        "req",
        "-new",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "old.key",
        "-out",
        "old.csr",
        "-subj",
        "/CN=Retired Test Root",
    ]);
    run(&[
        "ca",
        "-batch",
        "-config",
        "ca.cnf",
        "-selfsign",
        "-keyfile",
        "old.key",
        "-in",
        "old.csr",
        "-startdate",
        "20200101000000Z",
        "-enddate",
        "20210101000000Z",
        "-out",
        "old.crt",
    ]);
    Some(std::fs::read_to_string(dir.join("old.crt")).unwrap())
}

#[test]
fn inspect_lists_every_certificate_of_a_bundle_and_flags_expired_ones() {
    // Two RSA roots around an ECDSA one (tests/data/README.md).
    let bundle = common::data_file("certs/alipayRootCert.crt");
    let doc = json_out(
        &cli()
            .args(["-o", "json", "keys", "inspect", &bundle])
            .output()
            .unwrap(),
    );
    assert_eq!(doc["count"], 3, "{doc}");
    let certs = doc["certificates"].as_array().unwrap();
    let algs: Vec<(&str, Option<u64>)> = certs
        .iter()
        .map(|c| (c["key_algorithm"].as_str().unwrap(), c["bits"].as_u64()))
        .collect();
    // As `openssl x509 -text` reads the bundle.
    assert_eq!(
        algs,
        vec![
            ("RSA", Some(2048)),
            ("EC (P-256)", Some(256)),
            ("RSA", Some(2048))
        ]
    );
    for c in certs {
        for field in [
            "subject",
            "issuer",
            "sn",
            "signature_algorithm",
            "not_before",
            "not_after",
            "fingerprint",
        ] {
            assert!(
                c[field].as_str().is_some_and(|v| !v.is_empty()),
                "{field} in {c}"
            );
        }
        assert_eq!(c["expired"], false);
    }
    assert_eq!(certs[1]["signature_algorithm"], "ecdsa-with-SHA256");
    assert_eq!(certs[1]["in_root_sn"], false);
    assert_eq!(certs[2]["signature_algorithm"], "sha384WithRSAEncryption");
    assert_eq!(certs[2]["in_root_sn"], true);
    let root_sn = String::from_utf8(
        cli()
            .args(["keys", "cert-sn", "--root", &bundle])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(doc["root_sn"], root_sn.trim());
    let out = cli().args(["keys", "inspect", &bundle]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("3 certificates") && text.contains("[3] CN=Alipay OAuth Test Root R2"),
        "{text}"
    );

    // A bundle with a retired root: listed, flagged, and still inspected (exit 0).
    let tmp = common::tempdir();
    let Some(old) = expired_certificate(tmp.path()) else {
        return;
    };
    let with_old = tmp.path().join("bundle.crt");
    std::fs::write(
        &with_old,
        format!("{}\n{old}", std::fs::read_to_string(&bundle).unwrap()),
    )
    .unwrap();
    let out = cli()
        .args(["-o", "json", "keys", "inspect", &s(&with_old)])
        .output()
        .unwrap();
    let doc = json_out(&out);
    assert_eq!(doc["expired_count"], 1);
    assert_eq!(doc["certificates"][3]["expired"], true);
    assert_eq!(doc["certificates"][3]["not_after"], "2021-01-01T00:00:00Z");
    let out = cli()
        .args(["keys", "inspect", &s(&with_old)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("EXPIRED"));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("certificate 4 (CN=Retired Test Root) expired on 2021-01-01"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // doctor: an expired root in the bundle is a warning, an expired Alipay
    // certificate a failure.
    let (emu, dir) = start_cert_emulator();
    let (app_cert, alipay_cert, root) = cert_files(dir.path());
    let root_with_old = tmp.path().join("root-with-old.crt");
    std::fs::write(
        &root_with_old,
        format!("{}\n{old}", std::fs::read_to_string(&root).unwrap()),
    )
    .unwrap();
    let dates = |alipay: &Path, root: &Path| {
        let out = emu
            .cli()
            .args(["--app-cert-file", &s(&app_cert)])
            .args(["--alipay-cert-file", &s(alipay)])
            .args(["--alipay-root-cert-file", &s(root)])
            .args(["-o", "json", "doctor"])
            .output()
            .unwrap();
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        let check = doc["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "certificate dates")
            .cloned()
            .unwrap_or_else(|| panic!("no certificate dates check: {doc}"));
        (out.status.code(), check)
    };
    let (code, check) = dates(&alipay_cert, &root_with_old);
    assert_eq!(check["status"], "warn", "{check}");
    assert!(
        check["detail"]
            .as_str()
            .unwrap()
            .contains("expired on 2021-01-01"),
        "{check}"
    );
    assert_eq!(code, Some(0));
    let (code, check) = dates(&tmp.path().join("old.crt"), &root);
    assert_eq!(check["status"], "fail", "{check}");
    assert!(
        check["detail"]
            .as_str()
            .unwrap()
            .contains("Alipay certificate"),
        "{check}"
    );
    assert_eq!(code, Some(2));
}
