//! Certificate mode in the emulator: at startup it makes its own root CA
//! and issues certificates for Alipay's key and each app's key, so clients
//! can run the whole flow with `app_cert_sn` and `alipay_root_cert_sn`.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use rand_core::RngCore;
use rsa::pkcs8::der::Encode;
use rsa::signature;
use sha2::Sha256;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{self, SubjectPublicKeyInfoOwned};
use x509_cert::time::Validity;

use super::AppConfig;
use super::EmulatorError;
use crate::sign::cert;
use crate::sign::{PrivateKey, PublicKey, SignType};

/// What the emulator issued.
#[derive(Debug, Clone)]
pub struct IssuedCerts {
    /// The root bundle (`alipayRootCert.crt`).
    pub root_pem: String,
    /// Alipay's certificate (`alipayCertPublicKey_RSA2.crt`).
    pub alipay_pem: String,
    /// Each app's certificate (`appCertPublicKey_<app_id>.crt`).
    pub app_pems: Vec<(String, String)>,
    pub root_sn: String,
    pub alipay_sn: String,
    pub app_sns: HashMap<String, String>,
}

fn serial() -> SerialNumber {
    let mut bytes = [0u8; 12];
    rand_core::OsRng.fill_bytes(&mut bytes);
    bytes[0] &= 0x7f; // positive
    bytes[0] |= 0x10;
    SerialNumber::new(&bytes).expect("a 12-byte serial is valid")
}

fn failed(e: impl std::fmt::Display) -> EmulatorError {
    EmulatorError::Internal(format!("cannot issue the emulator's certificates: {e}"))
}

/// Signs certificates with a key through the RSA provider (AWS-LC), so the
/// `rsa` crate never does a private-key operation, even at start-up.
struct CertSigner<'k> {
    key: &'k PrivateKey,
    verifying: rsa::pkcs1v15::VerifyingKey<Sha256>,
}

impl<'k> CertSigner<'k> {
    fn new(key: &'k PrivateKey) -> CertSigner<'k> {
        CertSigner {
            key,
            verifying: rsa::pkcs1v15::VerifyingKey::new(key.public_key().rsa().clone()),
        }
    }
}

impl signature::Keypair for CertSigner<'_> {
    type VerifyingKey = rsa::pkcs1v15::VerifyingKey<Sha256>;

    fn verifying_key(&self) -> Self::VerifyingKey {
        self.verifying.clone()
    }
}

impl spki::DynSignatureAlgorithmIdentifier for CertSigner<'_> {
    fn signature_algorithm_identifier(&self) -> spki::Result<spki::AlgorithmIdentifierOwned> {
        self.verifying.signature_algorithm_identifier()
    }
}

impl signature::Signer<rsa::pkcs1v15::Signature> for CertSigner<'_> {
    fn try_sign(&self, msg: &[u8]) -> Result<rsa::pkcs1v15::Signature, signature::Error> {
        let raw = crate::sign::algorithm::sign_raw(self.key, SignType::Rsa2, msg)
            .map_err(signature::Error::from_source)?;
        rsa::pkcs1v15::Signature::try_from(raw.as_slice())
    }
}

fn issue_one(
    profile: Profile,
    subject: &str,
    key: &PublicKey,
    signer: &CertSigner,
) -> Result<Vec<u8>, EmulatorError> {
    issue_with(profile, subject, key, signer, |_| Ok(()))
}

/// Issues one certificate; `extend` adds extensions (a server's names).
fn issue_with(
    profile: Profile,
    subject: &str,
    key: &PublicKey,
    signer: &CertSigner,
    extend: impl FnOnce(&mut CertificateBuilder<'_, CertSigner>) -> Result<(), EmulatorError>,
) -> Result<Vec<u8>, EmulatorError> {
    let spki = SubjectPublicKeyInfoOwned::from_key(key.rsa().clone()).map_err(failed)?;
    let validity = Validity::from_now(Duration::from_secs(5 * 365 * 24 * 3600)).map_err(failed)?;
    let mut builder = CertificateBuilder::new(
        profile,
        serial(),
        validity,
        Name::from_str(subject).map_err(failed)?,
        spki,
        signer,
    )
    .map_err(failed)?;
    extend(&mut builder)?;
    let cert = builder
        .build::<rsa::pkcs1v15::Signature>()
        .map_err(failed)?;
    cert.to_der().map_err(failed)
}

const ROOT_DN: &str =
    "CN=Alipay Emulator Root CA,OU=Certification Authority,O=alipay-oauth emulator,C=CN";

/// Makes a root CA and certificates for Alipay's key and every app.
pub fn issue(alipay_key: &PrivateKey, apps: &[AppConfig]) -> Result<IssuedCerts, EmulatorError> {
    let root_key = PrivateKey::generate(2048).map_err(failed)?;
    let root_signer = CertSigner::new(&root_key);
    let root_der = issue_one(Profile::Root, ROOT_DN, &root_key.public_key(), &root_signer)?;
    let issuer = Name::from_str(ROOT_DN).map_err(failed)?;
    let leaf = || Profile::Leaf {
        issuer: issuer.clone(),
        enable_key_agreement: false,
        enable_key_encipherment: false,
    };
    let alipay_der = issue_one(
        leaf(),
        "CN=Alipay Emulator Signing,OU=Alipay,O=alipay-oauth emulator,C=CN",
        &alipay_key.public_key(),
        &root_signer,
    )?;
    let mut app_pems = Vec::new();
    let mut app_sns = HashMap::new();
    for app in apps {
        let der = issue_one(
            leaf(),
            &format!("CN={},OU=Apps,O=alipay-oauth emulator,C=CN", app.app_id),
            &app.public_key,
            &root_signer,
        )?;
        app_sns.insert(app.app_id.clone(), cert::cert_sn(&der).map_err(failed)?);
        app_pems.push((app.app_id.clone(), cert::to_pem(&der)));
    }
    Ok(IssuedCerts {
        root_sn: cert::root_cert_sn(&root_der).map_err(failed)?,
        alipay_sn: cert::cert_sn(&alipay_der).map_err(failed)?,
        root_pem: cert::to_pem(&root_der),
        alipay_pem: cert::to_pem(&alipay_der),
        app_pems,
        app_sns,
    })
}

/// A throwaway CA and a server certificate for the emulator's https.
pub struct TlsMaterial {
    /// The CA that clients trust (`SSL_CERT_FILE`).
    pub ca_pem: String,
    /// The server's certificate, then the CA's.
    pub chain_der: Vec<Vec<u8>>,
    /// The server's private key (PKCS#8 DER).
    pub key_pkcs8_der: zeroize::Zeroizing<Vec<u8>>,
}

const TLS_CA_DN: &str = "CN=Alipay Emulator TLS CA,O=alipay-oauth emulator,C=CN";

/// Issues a CA and a server certificate valid for `localhost`, 127.0.0.1
/// and ::1 (and the address the emulator binds, when it is another).
pub fn issue_tls(bind: std::net::IpAddr) -> Result<TlsMaterial, EmulatorError> {
    use x509_cert::ext::pkix::SubjectAltName;
    use x509_cert::ext::pkix::name::GeneralName;

    let ca_key = PrivateKey::generate(2048).map_err(failed)?;
    let ca_signer = CertSigner::new(&ca_key);
    let ca_der = issue_one(Profile::Root, TLS_CA_DN, &ca_key.public_key(), &ca_signer)?;
    let server_key = PrivateKey::generate(2048).map_err(failed)?;
    let mut ips: Vec<std::net::IpAddr> = vec![
        std::net::Ipv4Addr::LOCALHOST.into(),
        std::net::Ipv6Addr::LOCALHOST.into(),
    ];
    if !bind.is_unspecified() && !ips.contains(&bind) {
        ips.push(bind);
    }
    let mut names = vec![GeneralName::DnsName(
        x509_cert::der::asn1::Ia5String::new("localhost").map_err(failed)?,
    )];
    for ip in ips {
        let octets = match ip {
            std::net::IpAddr::V4(v4) => v4.octets().to_vec(),
            std::net::IpAddr::V6(v6) => v6.octets().to_vec(),
        };
        names.push(GeneralName::IpAddress(
            x509_cert::der::asn1::OctetString::new(octets).map_err(failed)?,
        ));
    }
    let server_der = issue_with(
        Profile::Leaf {
            issuer: Name::from_str(TLS_CA_DN).map_err(failed)?,
            enable_key_agreement: false,
            enable_key_encipherment: true,
        },
        "CN=localhost,O=alipay-oauth emulator,C=CN",
        &server_key.public_key(),
        &ca_signer,
        |b| b.add_extension(&SubjectAltName(names)).map_err(failed),
    )?;
    Ok(TlsMaterial {
        ca_pem: cert::to_pem(&ca_der),
        chain_der: vec![server_der, ca_der],
        key_pkcs8_der: server_key
            .to_der(crate::sign::key::KeyFormat::Pkcs8)
            .map_err(failed)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issued_certificates_carry_the_keys_and_sns() {
        let alipay = PrivateKey::generate(2048).unwrap();
        let app = PrivateKey::generate(2048).unwrap();
        let apps = vec![AppConfig {
            app_id: "2021".into(),
            name: "x".into(),
            public_key: app.public_key(),
            redirect_domains: vec![],
            id_mode: Default::default(),
            member_info: true,
            group: None,
        }];
        let issued = issue(&alipay, &apps).unwrap();
        assert!(
            cert::public_key(issued.alipay_pem.as_bytes())
                .unwrap()
                .same_key(&alipay.public_key())
        );
        assert!(
            cert::public_key(issued.app_pems[0].1.as_bytes())
                .unwrap()
                .same_key(&app.public_key())
        );
        assert_eq!(
            cert::cert_sn(issued.app_pems[0].1.as_bytes()).unwrap(),
            issued.app_sns["2021"]
        );
        assert_eq!(issued.root_sn.len(), 32);
        let info = cert::info(
            &cert::certificates(issued.alipay_pem.as_bytes()).unwrap()[0],
            1,
        )
        .unwrap();
        assert_eq!(info.issuer, ROOT_DN);
    }
}
