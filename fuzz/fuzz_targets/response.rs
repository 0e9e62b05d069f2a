//! The gateway response extractor and the fail-closed verdict: no input,
//! however malformed, may crash it or be trusted without a valid signature.
#![no_main]

use std::sync::OnceLock;

use alipay_oauth::sign::response::{self, Verdict};
use alipay_oauth::sign::{Charset, PublicKey, SignType};
use libfuzzer_sys::fuzz_target;

/// A public key whose private half was thrown away when it was made, so
/// nothing the fuzzer makes can carry a valid signature.
fn key() -> &'static PublicKey {
    static KEY: OnceLock<PublicKey> = OnceLock::new();
    KEY.get_or_init(|| PublicKey::parse(include_bytes!("alipay-public-key.pem")).unwrap())
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let method = match selector % 3 {
        0 => None,
        1 => Some("alipay.system.oauth.token"),
        _ => Some("alipay.user.info.share"),
    };
    let charset = if selector & 4 == 0 {
        Charset::Utf8
    } else {
        Charset::Gbk
    };
    if let Ok(extracted) = response::extract(body, method, charset) {
        assert!(extracted.content.len() <= body.len());
        let _ = extracted.content_text();
        let _ = response::unescape_slashes(&extracted.content, charset);
    }
    if let Ok(checked) = response::check(body, method, charset, SignType::Rsa2, key()) {
        if let Verdict::Trusted(node) = checked.verdict() {
            panic!("trusted without a valid signature: {node}");
        }
        let _ = checked.node_json();
    }
});
