//! The key and certificate parsers (PEM, bare base64, DER; PKCS#1, PKCS#8,
//! SPKI, X.509): any bytes end in a key or an error, and a private key that
//! parses survives a round trip through its own encoding.
#![no_main]

use alipay_oauth::sign::cert;
use alipay_oauth::sign::key::{KeyFormat, KeyMaterial};
use alipay_oauth::sign::{PrivateKey, PublicKey};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match KeyMaterial::parse(data) {
        Ok(KeyMaterial::Private(key)) => {
            let der = key.to_der(KeyFormat::Pkcs8).expect("a parsed key encodes");
            let again = PrivateKey::parse(&der).expect("its own encoding parses");
            assert!(again.public_key().same_key(&key.public_key()));
        }
        Ok(KeyMaterial::Public(key)) => {
            let der = key.to_der(KeyFormat::Spki).expect("a parsed key encodes");
            let again = PublicKey::parse(&der).expect("its own encoding parses");
            assert!(again.same_key(&key));
        }
        _ => {}
    }
    if let Ok(certs) = cert::certificates(data) {
        for (i, der) in certs.iter().enumerate() {
            let _ = cert::info(der, i);
        }
    }
    let _ = cert::cert_sn(data);
    let _ = cert::root_cert_sn(data);
    let _ = cert::public_key(data);
});
