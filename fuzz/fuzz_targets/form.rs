//! Form decoding in UTF-8 and GBK: no crash, and what decodes re-encodes
//! to a form that decodes to the same pairs.
#![no_main]

use alipay_oauth::sign::form;
use alipay_oauth::sign::Charset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = form::peek(data, "charset");
    for charset in [Charset::Utf8, Charset::Gbk] {
        let Ok(pairs) = form::decode(data, charset) else {
            continue;
        };
        // GBK decoding accepts some sequences its encoder cannot write back.
        let Ok(encoded) =
            form::encode(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), charset)
        else {
            assert_ne!(charset, Charset::Utf8, "UTF-8 text always encodes");
            continue;
        };
        let again = form::decode(encoded.as_bytes(), charset).expect("our own form decodes");
        // Empty names and values vanish with their separators; compare the rest.
        let kept = |p: &Vec<(String, String)>| -> Vec<(String, String)> {
            p.iter()
                .filter(|(k, v)| !(k.is_empty() && v.is_empty()))
                .cloned()
                .collect()
        };
        assert_eq!(kept(&again), kept(&pairs));
    }
});
