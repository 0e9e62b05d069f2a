//! Public-key-certificate mode (docs/protocol.md §8.2): certificate serial
//! numbers as Alipay computes them, and the public key of a certificate.
//!
//! SN of one certificate = lowercase hex MD5 of the issuer DN written as in
//! RFC 4514 (`CN=...,OU=...,O=...,C=CN`) followed by the serial number in
//! decimal. The root SN joins the SNs of the bundle's RSA-signed
//! certificates with `_`; the SM2 and ECDSA ones are skipped.

use base64::Engine as _;
use md5::{Digest, Md5};
use rsa::pkcs8::der::Decode;
use x509_cert::Certificate;

use super::key::{KeyError, PublicKey, hex};

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
    pub signature_algorithm: String,
    pub rsa_signed: bool,
    pub not_after: String,
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
    Ok(CertInfo {
        der: der.to_vec(),
        subject: tbs.subject.to_string(),
        rsa_signed: alg.starts_with(RSA_SIGNATURE_ARC),
        signature_algorithm: alg,
        not_after: tbs.validity.not_after.to_string(),
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

/// The public key of the (first) certificate in `input`.
pub fn public_key(input: &[u8]) -> Result<PublicKey, KeyError> {
    let ders = certificates(input).map_err(|e| KeyError::Malformed {
        detail: e.to_string(),
    })?;
    PublicKey::from_certificate_der(&ders[0])
}

/// A certificate as PEM.
pub fn to_pem(der: &[u8]) -> String {
    super::key::to_pem(der, "CERTIFICATE")
}
