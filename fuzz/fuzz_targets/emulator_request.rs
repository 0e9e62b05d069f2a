//! The emulator's request handling without a socket: any method, target,
//! headers and body must give an answer, never a panic.
//!
//! Input: the method, a newline, the target, a newline, header lines
//! (`Name: value`), an empty line, then the body.
#![no_main]

use std::sync::OnceLock;

use alipay_oauth::emulator::users::IdMode;
use alipay_oauth::emulator::{AppConfig, EmulatorConfig, Offline};
use alipay_oauth::sign::{PrivateKey, PublicKey};
use libfuzzer_sys::fuzz_target;

/// The emulator with fixed keys from the test data: generating keys in
/// every fuzzing process would starve short runs.
fn emulator() -> &'static Offline {
    static OFFLINE: OnceLock<Offline> = OnceLock::new();
    OFFLINE.get_or_init(|| {
        let app = PublicKey::parse(include_bytes!("../../tests/data/keys/app-public-key.pem"))
            .expect("app key");
        let alipay =
            PrivateKey::parse(include_bytes!("../../tests/data/keys/alipay-private-key.pem"))
                .expect("alipay key");
        let mut config = EmulatorConfig::new(
            vec![AppConfig {
                app_id: "2021000000000000".into(),
                name: "fuzz".into(),
                public_key: app,
                redirect_domains: vec!["example.com".into()],
                id_mode: IdMode::OpenId,
                member_info: true,
                group: None,
            }],
            alipay,
        );
        config.auto_approve = true;
        Offline::new(config).expect("the emulator's state")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let method = lines.next().unwrap_or("GET");
    let target = lines.next().unwrap_or("/");
    let headers: Vec<(&str, &str)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    let reply = emulator().respond(method, target, &headers, body.as_bytes());
    assert!((100..=599).contains(&reply.status()));
});
