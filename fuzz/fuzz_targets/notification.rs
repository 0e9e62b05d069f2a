//! Notification parsing (JSON object or form, in its declared charset) and
//! checking: no crash, duplicates refused, and nothing verifies against a
//! key the fuzzer cannot sign with.
#![no_main]

use std::sync::OnceLock;

use alipay_oauth::sign::notify::{self, RuleChoice};
use alipay_oauth::sign::{Charset, PublicKey, SignType};
use libfuzzer_sys::fuzz_target;

/// A public key whose private half was thrown away when it was made, so
/// nothing the fuzzer makes can carry a valid signature.
fn key() -> &'static PublicKey {
    static KEY: OnceLock<PublicKey> = OnceLock::new();
    KEY.get_or_init(|| PublicKey::parse(include_bytes!("alipay-public-key.pem")).unwrap())
}

fuzz_target!(|data: &[u8]| {
    let Ok((params, charset)) = notify::parse_params(data, Charset::Utf8) else {
        return;
    };
    if let Ok(checked) = notify::check(&params, RuleChoice::Auto, SignType::Rsa2, charset, key()) {
        assert!(
            checked.matched().is_none(),
            "a forged notification verified"
        );
        let _ = checked.reported();
    }
});
