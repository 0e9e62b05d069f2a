//! The crypto provider and TLS for real: the binary links no OpenSSL, and
//! the gateway calls work over https against the emulator's throwaway CA
//! given through `SSL_CERT_FILE`, and fail with exit 3 when it is not given.

use crate::common;

use common::*;

#[test]
fn the_binary_links_no_system_openssl() {
    if !have("ldd") {
        skip("ldd");
        return;
    }
    let out = std::process::Command::new("ldd")
        .arg(bin_path())
        .output()
        .expect("ldd runs");
    let libs = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "ldd failed: {libs}");
    for lib in ["libssl", "libcrypto"] {
        assert!(!libs.contains(lib), "the binary links {lib}:\n{libs}");
    }
}

/// An emulator serving https with its own CA, and that CA's file.
fn https_emulator() -> (EmulatorProc, tempfile::TempDir, std::path::PathBuf) {
    let tls = tempdir();
    let emu = EmulatorProc::start(&["--tls", tls.path().to_str().unwrap()]);
    assert!(emu.base.starts_with("https://"), "{}", emu.base);
    let ca = std::path::PathBuf::from(
        emu.startup["tls"]["ca_file"]
            .as_str()
            .expect("the start-up JSON names the CA file"),
    );
    assert!(ca.starts_with(tls.path()), "{}", ca.display());
    (emu, tls, ca)
}

/// A browser for the test that trusts the emulator's CA.
fn browser_trusting(ca: &std::path::Path) -> reqwest::blocking::Client {
    let pem = std::fs::read(ca).unwrap();
    reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .tls_certs_only([reqwest::Certificate::from_pem(&pem).unwrap()])
        .build()
        .unwrap()
}

#[test]
fn exchange_userinfo_and_doctor_live_over_https_with_the_ca_in_ssl_cert_file() {
    let (emu, _tls, ca) = https_emulator();
    let browser = browser_trusting(&ca);
    let mut url = url::Url::parse(&emu.authorize()).unwrap();
    url.query_pairs_mut()
        .append_pair("app_id", &emu.app_id)
        .append_pair("scope", "auth_user")
        .append_pair("redirect_uri", "http://127.0.0.1:1/callback")
        .append_pair("state", "s");
    let page = browser.get(url.as_str()).send().unwrap();
    assert_eq!(page.status(), 200);
    let id = consent_request_id(&page.text().unwrap());
    let agreed = browser
        .post(format!("{}/oauth2/consent", emu.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("request_id={id}&user=0&decision=agree"))
        .send()
        .unwrap();
    assert_eq!(agreed.status(), 302);
    let location = url::Url::parse(agreed.headers()["location"].to_str().unwrap()).unwrap();
    let code = location
        .query_pairs()
        .find(|(k, _)| k == "auth_code")
        .unwrap()
        .1
        .into_owned();

    let out = emu
        .cli()
        .env("SSL_CERT_FILE", &ca)
        .args(["exchange", "--code", "-", "-o", "json"])
        .write_stdin(code)
        .output()
        .unwrap();
    let tokens = ok_json(&out);
    assert!(
        tokens["access_token"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );

    let out = emu
        .cli()
        .env("SSL_CERT_FILE", &ca)
        .args(["userinfo", "-o", "json"])
        .output()
        .unwrap();
    let user = ok_json(&out);
    assert!(user["subject"].as_str().is_some_and(|s| !s.is_empty()));

    let out = emu
        .cli()
        .env("SSL_CERT_FILE", &ca)
        .args(["doctor", "--live"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "doctor --live over https: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_untrusted_certificate_fails_with_exit_3_and_says_so() {
    let (emu, _tls, _ca) = https_emulator();
    // The platform store does not hold the emulator's throwaway CA.
    let out = emu
        .cli()
        .env_remove("SSL_CERT_FILE")
        .env_remove("SSL_CERT_DIR")
        .args(["exchange", "--code", "-"])
        .write_stdin("0123456789abcdef")
        .output()
        .unwrap();
    assert_clean_failure(&out, 3, "not trusted");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("SSL_CERT_FILE"), "{stderr}");
    // `doctor` sets up HTTP as a call does and names the failure the same way.
    let out = emu
        .cli()
        .env_remove("SSL_CERT_FILE")
        .env_remove("SSL_CERT_DIR")
        .args(["doctor"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "TLS certificate is not trusted: it is signed by an unknown certificate authority"
        ) && stdout.contains("SSL_CERT_FILE"),
        "{stdout}"
    );
    assert!(stderr.contains("unknown certificate authority"), "{stderr}");

    // JSON errors carry the same, as a network error.
    let out = emu
        .cli()
        .env_remove("SSL_CERT_FILE")
        .env_remove("SSL_CERT_DIR")
        .args(["userinfo", "--access-token-stdin", "-o", "json"])
        .write_stdin("token")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not trusted"),
        "{err}"
    );
}
