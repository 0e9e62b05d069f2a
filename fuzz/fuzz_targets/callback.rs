//! The authorization callback's query and what a person pastes (a URL, a
//! query or a bare code): any text gives a callback, never a crash.
#![no_main]

use alipay_oauth::oauth::Callback;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for cb in [Callback::from_query(&text), Callback::from_pasted(&text)] {
        // An empty code is no code.
        assert!(cb.auth_code.as_ref().is_none_or(|c| !c.is_empty()));
    }
});
