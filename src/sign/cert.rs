//! Public-key-certificate mode (docs/protocol.md §8.2): certificate serial
//! numbers as Alipay computes them, and the public key of a certificate.
//!
//! SN of one certificate = lowercase hex MD5 of the issuer DN written as in
//! RFC 4514 (`CN=...,OU=...,O=...,C=CN`) followed by the serial number in
//! decimal. The root SN joins the SNs of the bundle's RSA-signed
//! certificates with `_`; the SM2 and ECDSA ones are skipped.

use base64::Engine as _;
use md5::{Digest, Md5};
use rsa::pkcs8::der::{Decode, Encode};
use sha2::Sha256;
use x509_cert::Certificate;

use super::key::{KeyEncoding, KeyError, PublicKey, hex};

/// Signature algorithms under 1.2.840.113549.1.1 (RSA with some digest).
const RSA_SIGNATURE_ARC: &str = "1.2.840.113549.1.1.";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertError {
    #[error("no certificate found (expected PEM `BEGIN CERTIFICATE` blocks or DER)")]
    Empty,
    #[error("certificate {index} cannot be read: {detail}")]
    Malformed { index: usize, detail: String },
    #[error("the root bundle holds no RSA-signed certificate")]
    NoRsaRoot,
}

/// What a certificate says, for `keys inspect` and diagnosis.
#[derive(Debug, Clone)]
pub struct CertInfo {
    pub der: Vec<u8>,
    pub issuer: String,
    pub subject: String,
    pub serial: String,
    pub sn: String,
    /// The signature algorithm's OID.
    pub signature_algorithm: String,
    pub rsa_signed: bool,
    /// The subject key's algorithm, named (`RSA`, `EC (SM2)`, ...).
    pub key_algorithm: String,
    /// The key size: the modulus of an RSA key, the curve of an EC key.
    pub bits: Option<usize>,
    /// SHA-256 of the subject public key info, as for keys.
    pub fingerprint: String,
    pub not_before: String,
    pub not_after: String,
    pub not_before_unix: u64,
    pub not_after_unix: u64,
}

impl CertInfo {
    /// The signature algorithm by name, or its OID when unknown.
    pub fn signature_algorithm_name(&self) -> &str {
        match self.signature_algorithm.as_str() {
            "1.2.840.113549.1.1.5" => "sha1WithRSAEncryption",
            "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
            "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption",
            "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption",
            "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256",
            "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384",
            "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512",
            "1.2.156.10197.1.501" => "SM2-with-SM3",
            other => other,
        }
    }

    /// True when the certificate is past its end date at `now_unix`.
    pub fn expired_at(&self, now_unix: u64) -> bool {
        self.not_after_unix < now_unix
    }

    /// True when the certificate's start date is still ahead at `now_unix`.
    pub fn not_yet_valid_at(&self, now_unix: u64) -> bool {
        self.not_before_unix > now_unix
    }
}

/// Seconds since the Unix epoch, now.
pub fn now_unix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The name and size of a subject key, from its algorithm and parameters.
fn key_algorithm(spki: &x509_cert::spki::SubjectPublicKeyInfoOwned) -> (String, Option<usize>) {
    const RSA: &str = "1.2.840.113549.1.1.1";
    const EC: &str = "1.2.840.10045.2.1";
    let alg = spki.algorithm.oid.to_string();
    if alg == RSA {
        let bits = PublicKey::parse(&spki.to_der().unwrap_or_default())
            .ok()
            .map(|k| k.bits());
        return ("RSA".into(), bits);
    }
    if alg == EC {
        let curve = spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| {
                p.decode_as::<rsa::pkcs8::der::asn1::ObjectIdentifier>()
                    .ok()
            })
            .map(|o| o.to_string());
        let (name, bits) = match curve.as_deref() {
            Some("1.2.156.10197.1.301") => ("SM2".to_string(), Some(256)),
            Some("1.2.840.10045.3.1.7") => ("P-256".to_string(), Some(256)),
            Some("1.3.132.0.34") => ("P-384".to_string(), Some(384)),
            Some("1.3.132.0.35") => ("P-521".to_string(), Some(521)),
            Some(other) => (other.to_string(), None),
            None => ("unnamed curve".to_string(), None),
        };
        return (format!("EC ({name})"), bits);
    }
    (alg, None)
}

/// Splits PEM text into the DER of each `CERTIFICATE` block; DER input is
/// one certificate.
pub fn certificates(input: &[u8]) -> Result<Vec<Vec<u8>>, CertError> {
    let Ok(text) = std::str::from_utf8(input) else {
        return Ok(vec![input.to_vec()]);
    };
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN CERTIFICATE-----") {
        let body = &rest[start + "-----BEGIN CERTIFICATE-----".len()..];
        let end = body
            .find("-----END CERTIFICATE-----")
            .ok_or(CertError::Malformed {
                index: out.len() + 1,
                detail: "no END CERTIFICATE line (is the file cut short?)".into(),
            })?;
        let b64: String = body[..end].chars().filter(|c| !c.is_whitespace()).collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_err(|e| CertError::Malformed {
                index: out.len() + 1,
                detail: format!("invalid base64: {e}"),
            })?;
        out.push(der);
        rest = &body[end..];
    }
    if out.is_empty() {
        if input.trim_ascii().is_empty() {
            return Err(CertError::Empty);
        }
        if !text.contains("-----BEGIN") {
            // Maybe one bare base64 certificate.
            let b64: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            if let Ok(der) = base64::engine::general_purpose::STANDARD.decode(b64) {
                return Ok(vec![der]);
            }
        }
        return Err(CertError::Empty);
    }
    Ok(out)
}

/// Reads one certificate's details.
pub fn info(der: &[u8], index: usize) -> Result<CertInfo, CertError> {
    let cert = Certificate::from_der(der).map_err(|e| CertError::Malformed {
        index,
        detail: e.to_string(),
    })?;
    let tbs = &cert.tbs_certificate;
    let issuer = tbs.issuer.to_string();
    let serial = rsa::BigUint::from_bytes_be(tbs.serial_number.as_bytes()).to_str_radix(10);
    let sn = format!(
        "{:0>32}",
        hex(&Md5::digest(format!("{issuer}{serial}").as_bytes()))
    );
    let alg = cert.signature_algorithm.oid.to_string();
    let (key_algorithm, bits) = key_algorithm(&tbs.subject_public_key_info);
    let spki_der = tbs
        .subject_public_key_info
        .to_der()
        .map_err(|e| CertError::Malformed {
            index,
            detail: e.to_string(),
        })?;
    Ok(CertInfo {
        der: der.to_vec(),
        subject: tbs.subject.to_string(),
        rsa_signed: alg.starts_with(RSA_SIGNATURE_ARC),
        signature_algorithm: alg,
        key_algorithm,
        bits,
        fingerprint: hex(&Sha256::digest(&spki_der)),
        not_before: tbs.validity.not_before.to_string(),
        not_after: tbs.validity.not_after.to_string(),
        not_before_unix: tbs.validity.not_before.to_unix_duration().as_secs(),
        not_after_unix: tbs.validity.not_after.to_unix_duration().as_secs(),
        issuer,
        serial,
        sn,
    })
}

/// The SN of the (first) certificate in `input`.
pub fn cert_sn(input: &[u8]) -> Result<String, CertError> {
    let ders = certificates(input)?;
    Ok(info(&ders[0], 1)?.sn)
}

/// The `alipay_root_cert_sn` of a root bundle.
pub fn root_cert_sn(input: &[u8]) -> Result<String, CertError> {
    let mut sns = Vec::new();
    for (i, der) in certificates(input)?.iter().enumerate() {
        let info = info(der, i + 1)?;
        if info.rsa_signed {
            sns.push(info.sn);
        }
    }
    if sns.is_empty() {
        return Err(CertError::NoRsaRoot);
    }
    Ok(sns.join("_"))
}

/// How a certificate file is written: PEM blocks, bare base64, or DER.
pub fn encoding_of(input: &[u8]) -> KeyEncoding {
    match std::str::from_utf8(input) {
        Ok(text) if text.contains("-----BEGIN") => KeyEncoding::Pem,
        Ok(_) => KeyEncoding::Bare,
        Err(_) => KeyEncoding::Der,
    }
}

/// The public key of the (first) certificate in `input`.
pub fn public_key(input: &[u8]) -> Result<PublicKey, KeyError> {
    let ders = certificates(input).map_err(|e| KeyError::Malformed {
        detail: e.to_string(),
    })?;
    Ok(PublicKey::from_certificate_der(&ders[0])?.with_encoding(encoding_of(input)))
}

/// A certificate as PEM.
pub fn to_pem(der: &[u8]) -> String {
    super::key::to_pem(der, "CERTIFICATE")
}
