//! RSA keys in every shape Alipay users meet them (docs/protocol.md §8.1):
//! PKCS#1 and PKCS#8 private keys, SPKI and PKCS#1 public keys, PEM with or
//! without armour, one base64 line or wrapped, `\n` escapes from env vars and
//! JSON, and DER. Loading reports which shape was found, because "which
//! format is this?" is half of every `isv.invalid-signature` ticket.

use std::fmt;
use std::sync::{Arc, OnceLock};

use base64::Engine as _;
use rsa::pkcs1::{
    DecodeRsaPrivateKey, DecodeRsaPublicKey, EncodeRsaPrivateKey, EncodeRsaPublicKey,
};
use rsa::pkcs8::der::{Decode, Encode};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use rsa::traits::PublicKeyParts;
use rsa::{RsaPrivateKey, RsaPublicKey};
use sha2::{Digest, Sha256};

use super::provider;

/// Standard base64 that accepts missing padding, as keys pasted from
/// consoles and chat messages often lose it.
pub(crate) const LENIENT_BASE64: base64::engine::GeneralPurpose =
    base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT;

const OID_RSA: &str = "1.2.840.113549.1.1.1";

/// What a key file turned out to hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyKind {
    Private,
    Public,
    Certificate,
}

/// The ASN.1 structure of a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyFormat {
    /// `RSAPrivateKey` or `RSAPublicKey` (PKCS#1, `BEGIN RSA ... KEY`).
    Pkcs1,
    /// `PrivateKeyInfo` (PKCS#8, `BEGIN PRIVATE KEY`).
    Pkcs8,
    /// `SubjectPublicKeyInfo` (`BEGIN PUBLIC KEY`), what the Alipay console shows.
    Spki,
    /// An X.509 certificate.
    X509,
}

/// How the structure was written down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyEncoding {
    Pem,
    /// Base64 without PEM armour, as the Alipay console and key tool show keys.
    Bare,
    Der,
}

/// Where a key came from and what it looked like; shown to users.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyInfo {
    pub kind: KeyKind,
    pub format: KeyFormat,
    pub encoding: KeyEncoding,
    pub bits: usize,
    /// Set when the PEM label disagrees with the content (e.g. PKCS#8 data
    /// under `BEGIN RSA PRIVATE KEY`): accepted, but worth telling.
    pub label_mismatch: Option<String>,
}

impl KeyFormat {
    pub fn name(self) -> &'static str {
        match self {
            KeyFormat::Pkcs1 => "PKCS#1",
            KeyFormat::Pkcs8 => "PKCS#8",
            KeyFormat::Spki => "SPKI",
            KeyFormat::X509 => "X.509",
        }
    }
}

impl KeyEncoding {
    pub fn name(self) -> &'static str {
        match self {
            KeyEncoding::Pem => "PEM",
            KeyEncoding::Bare => "bare base64",
            KeyEncoding::Der => "DER",
        }
    }
}

impl fmt::Display for KeyInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            KeyKind::Private => "private key",
            KeyKind::Public => "public key",
            KeyKind::Certificate => "certificate",
        };
        write!(
            f,
            "{} {kind}, {}, {} bits",
            self.format.name(),
            self.encoding.name(),
            self.bits
        )
    }
}

/// Why key material could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("the key is empty")]
    Empty,
    #[error("this is a public key ({found}), but a private key is needed")]
    PublicWherePrivateNeeded { found: String },
    #[error("this is a private key ({found}), but a public key is needed")]
    PrivateWherePublicNeeded { found: String },
    #[error("this is an X.509 certificate, but a key is needed")]
    CertificateWhereKeyNeeded,
    #[error("this is {algorithm} key, but Alipay signatures need an RSA key")]
    NotRsa { algorithm: String },
    #[error("this private key is encrypted with a passphrase")]
    Encrypted,
    #[error("invalid base64 in the key: {detail}")]
    InvalidBase64 { detail: String },
    #[error("not a key: {detail}")]
    NotAKey { detail: String },
    #[error("the key has {bits} bits, but {sign_type} needs at least {required}")]
    TooShort {
        bits: usize,
        required: usize,
        sign_type: &'static str,
    },
    #[error("the key is malformed: {detail}")]
    Malformed { detail: String },
}

/// The decoded bytes of key material and how they were written.
struct Decoded {
    der: Vec<u8>,
    encoding: KeyEncoding,
    pem_label: Option<String>,
}

/// Anything a key file may hold.
pub enum KeyMaterial {
    Private(Box<PrivateKey>),
    Public(PublicKey),
    /// An X.509 certificate, kept as DER for certificate-mode code.
    Certificate(Vec<u8>),
}

/// An app private key. `Debug` never prints the key.
#[derive(Clone)]
pub struct PrivateKey {
    key: RsaPrivateKey,
    info: KeyInfo,
    /// The same key loaded into the RSA provider, made on first use.
    signer: Arc<OnceLock<Result<provider::Signer, provider::Refused>>>,
}

/// A public key (Alipay's, or the app's own for diagnosis).
#[derive(Clone)]
pub struct PublicKey {
    key: RsaPublicKey,
    info: KeyInfo,
    verifier: Arc<OnceLock<Result<provider::Verifier, provider::Refused>>>,
}

impl PartialEq for PublicKey {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key && self.info == other.info
    }
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateKey([redacted], {})", self.info)
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({}, {})", self.info, self.fingerprint())
    }
}

impl KeyMaterial {
    /// Reads key material in any supported shape.
    pub fn parse(input: &[u8]) -> Result<KeyMaterial, KeyError> {
        let decoded = decode_armour(input)?;
        classify(decoded)
    }
}

impl PrivateKey {
    /// Loads a private key in any supported shape.
    pub fn parse(input: &[u8]) -> Result<PrivateKey, KeyError> {
        match KeyMaterial::parse(input)? {
            KeyMaterial::Private(key) => Ok(*key),
            KeyMaterial::Public(key) => Err(KeyError::PublicWherePrivateNeeded {
                found: key.info.to_string(),
            }),
            KeyMaterial::Certificate(_) => Err(KeyError::CertificateWhereKeyNeeded),
        }
    }

    /// Wraps a key made in-process (by `keys generate` or the emulator).
    pub fn from_rsa(key: RsaPrivateKey) -> PrivateKey {
        let bits = key.size() * 8;
        PrivateKey {
            key,
            info: KeyInfo {
                kind: KeyKind::Private,
                format: KeyFormat::Pkcs8,
                encoding: KeyEncoding::Der,
                bits,
                label_mismatch: None,
            },
            signer: Arc::default(),
        }
    }

    /// Generates a fresh key pair.
    pub fn generate(bits: usize) -> Result<PrivateKey, KeyError> {
        let key =
            RsaPrivateKey::new(&mut rand_core::OsRng, bits).map_err(|e| KeyError::Malformed {
                detail: format!("key generation failed: {e}"),
            })?;
        Ok(PrivateKey::from_rsa(key))
    }

    pub fn info(&self) -> &KeyInfo {
        &self.info
    }

    pub fn bits(&self) -> usize {
        self.info.bits
    }

    pub fn public_key(&self) -> PublicKey {
        PublicKey::from_rsa(self.key.to_public_key())
    }

    /// The key in the RSA provider (a PKCS#1 DER round trip, done once).
    pub(crate) fn signer(&self) -> Result<&provider::Signer, KeyError> {
        self.signer
            .get_or_init(|| {
                let der = self
                    .to_der(KeyFormat::Pkcs1)
                    .map_err(|e| provider::Refused::new(e.to_string()))?;
                provider::Signer::from_pkcs1_der(der)
            })
            .as_ref()
            .map_err(|e| KeyError::Malformed {
                detail: e.to_string(),
            })
    }

    /// DER in the chosen structure (PKCS#1 or PKCS#8); the caller owns the secret.
    pub fn to_der(&self, format: KeyFormat) -> Result<zeroize::Zeroizing<Vec<u8>>, KeyError> {
        let der = match format {
            KeyFormat::Pkcs1 => self.key.to_pkcs1_der().map(|d| d.to_bytes()),
            KeyFormat::Pkcs8 => self
                .key
                .to_pkcs8_der()
                .map(|d| d.to_bytes())
                .map_err(rsa::pkcs1::Error::Pkcs8),
            KeyFormat::Spki | KeyFormat::X509 => {
                return Err(KeyError::Malformed {
                    detail: format!("a private key cannot be written as {}", format.name()),
                });
            }
        };
        der.map_err(|e| KeyError::Malformed {
            detail: e.to_string(),
        })
    }
}

impl PublicKey {
    /// Loads a public key in any supported shape. A certificate is refused
    /// here: certificate mode goes through [`PublicKey::from_certificate_der`].
    pub fn parse(input: &[u8]) -> Result<PublicKey, KeyError> {
        match KeyMaterial::parse(input)? {
            KeyMaterial::Public(key) => Ok(key),
            KeyMaterial::Private(key) => Err(KeyError::PrivateWherePublicNeeded {
                found: key.info.to_string(),
            }),
            KeyMaterial::Certificate(_) => Err(KeyError::CertificateWhereKeyNeeded),
        }
    }

    pub fn from_rsa(key: RsaPublicKey) -> PublicKey {
        let bits = key.size() * 8;
        PublicKey {
            key,
            info: KeyInfo {
                kind: KeyKind::Public,
                format: KeyFormat::Spki,
                encoding: KeyEncoding::Der,
                bits,
                label_mismatch: None,
            },
            verifier: Arc::default(),
        }
    }

    /// The subject public key of an X.509 certificate (DER).
    pub fn from_certificate_der(der: &[u8]) -> Result<PublicKey, KeyError> {
        let cert = x509_cert::Certificate::from_der(der).map_err(|e| KeyError::Malformed {
            detail: format!("certificate: {e}"),
        })?;
        let spki = cert
            .tbs_certificate
            .subject_public_key_info
            .to_der()
            .map_err(|e| KeyError::Malformed {
                detail: e.to_string(),
            })?;
        let mut key = spki_to_public(&spki, KeyEncoding::Der)?;
        key.info.format = KeyFormat::X509;
        key.info.kind = KeyKind::Certificate;
        Ok(key)
    }

    /// The same key, recorded as read from `encoding` (a certificate file
    /// is PEM or base64 around the DER this key was taken from).
    pub(crate) fn with_encoding(mut self, encoding: KeyEncoding) -> PublicKey {
        self.info.encoding = encoding;
        self
    }

    pub fn info(&self) -> &KeyInfo {
        &self.info
    }

    pub fn bits(&self) -> usize {
        self.info.bits
    }

    pub(crate) fn rsa(&self) -> &RsaPublicKey {
        &self.key
    }

    /// The key in the RSA provider (done once).
    pub(crate) fn verifier(&self) -> Result<&provider::Verifier, KeyError> {
        self.verifier
            .get_or_init(|| {
                let der = self
                    .to_der(KeyFormat::Pkcs1)
                    .map_err(|e| provider::Refused::new(e.to_string()))?;
                provider::Verifier::from_pkcs1_der(&der)
            })
            .as_ref()
            .map_err(|e| KeyError::Malformed {
                detail: e.to_string(),
            })
    }

    /// True when both are the same RSA key, whatever format each came in.
    pub fn same_key(&self, other: &PublicKey) -> bool {
        self.key == other.key
    }

    pub fn to_der(&self, format: KeyFormat) -> Result<Vec<u8>, KeyError> {
        let der = match format {
            KeyFormat::Pkcs1 => self
                .key
                .to_pkcs1_der()
                .map(|d| d.to_vec())
                .map_err(|e| e.to_string()),
            KeyFormat::Spki => self
                .key
                .to_public_key_der()
                .map(|d| d.to_vec())
                .map_err(|e| e.to_string()),
            KeyFormat::Pkcs8 | KeyFormat::X509 => Err(format!(
                "a public key cannot be written as {}",
                format.name()
            )),
        };
        der.map_err(|detail| KeyError::Malformed { detail })
    }

    /// SHA-256 of the SPKI DER in lowercase hex: the same for the same key in
    /// any format, so two files can be compared at a glance.
    pub fn fingerprint(&self) -> String {
        let der = self
            .key
            .to_public_key_der()
            .map(|d| d.to_vec())
            .unwrap_or_default();
        hex(&Sha256::digest(der))
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Removes PEM armour or base64, whichever is there, and returns the DER.
fn decode_armour(input: &[u8]) -> Result<Decoded, KeyError> {
    let trimmed = input.trim_ascii();
    if trimmed.is_empty() {
        return Err(KeyError::Empty);
    }
    // Binary DER starts with a SEQUENCE tag and is not text.
    let binary = std::str::from_utf8(trimmed).is_err()
        || trimmed
            .iter()
            .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'));
    if trimmed[0] == 0x30 && binary {
        return Ok(Decoded {
            der: input.to_vec(),
            encoding: KeyEncoding::Der,
            pem_label: None,
        });
    }
    let text = std::str::from_utf8(trimmed).map_err(|_| KeyError::NotAKey {
        detail: "the data is neither PEM, base64 nor DER".into(),
    })?;
    // Env vars and JSON configs carry keys with literal `\n` escapes and
    // sometimes their quotes.
    let text = text
        .trim_start_matches('\u{feff}')
        .replace("\\r", "\n")
        .replace("\\n", "\n")
        .replace("\\t", "\n");
    let text = text.trim().trim_matches(|c| c == '"' || c == '\'').trim();

    if let Some(begin) = text.find("-----BEGIN ") {
        let after = &text[begin + "-----BEGIN ".len()..];
        let label_end = after.find("-----").ok_or_else(|| KeyError::NotAKey {
            detail: "the PEM BEGIN line is not terminated by -----".into(),
        })?;
        let label = after[..label_end].trim().to_string();
        let body_start = &after[label_end + 5..];
        let end_marker = format!("-----END {label}-----");
        let body = match body_start.find(&end_marker) {
            Some(end) => &body_start[..end],
            None => {
                return Err(KeyError::NotAKey {
                    detail: format!(
                        "the PEM block has no `{end_marker}` line (is the file cut short?)"
                    ),
                });
            }
        };
        if label == "ENCRYPTED PRIVATE KEY" || body.contains("ENCRYPTED") {
            return Err(KeyError::Encrypted);
        }
        // Skip RFC 1421 headers such as `Proc-Type:`.
        let body: String = body
            .lines()
            .filter(|line| !line.contains(':'))
            .collect::<Vec<_>>()
            .join("");
        return Ok(Decoded {
            der: decode_base64(&body)?,
            encoding: KeyEncoding::Pem,
            pem_label: Some(label),
        });
    }
    if text.contains("-----END ") {
        return Err(KeyError::NotAKey {
            detail: "found a PEM END line but no BEGIN line (is the start of the file missing?)"
                .into(),
        });
    }
    Ok(Decoded {
        der: decode_base64(text)?,
        encoding: KeyEncoding::Bare,
        pem_label: None,
    })
}

fn decode_base64(text: &str) -> Result<Vec<u8>, KeyError> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(KeyError::Empty);
    }
    if let Some((i, c)) = compact
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')))
    {
        return Err(KeyError::InvalidBase64 {
            detail: format!("unexpected {c:?} at character {}", i + 1),
        });
    }
    // Every RSA key's DER starts with a SEQUENCE tag, which is `M` in base64.
    if !compact.starts_with('M') {
        return Err(KeyError::NotAKey {
            detail: "the text is neither PEM nor the base64 of a key (base64 RSA keys start with \"MII\")".into(),
        });
    }
    LENIENT_BASE64.decode(compact.as_bytes()).map_err(|e| {
        let detail = match e {
            base64::DecodeError::InvalidByte(offset, byte) => {
                let shown = compact[offset..].chars().next().unwrap_or(byte as char);
                format!("unexpected {shown:?} at character {}", offset + 1)
            }
            base64::DecodeError::InvalidLength(_) => {
                format!(
                    "{} characters is not a valid length (is the key cut short?)",
                    compact.len()
                )
            }
            other => other.to_string(),
        };
        KeyError::InvalidBase64 { detail }
    })
}

fn algorithm_name(oid: &str, parameters_oid: Option<String>) -> String {
    match oid {
        "1.2.840.10045.2.1" => match parameters_oid.as_deref() {
            Some("1.2.156.10197.1.301") => "an SM2".into(),
            _ => "an EC (ECDSA)".into(),
        },
        "1.3.101.112" => "an Ed25519".into(),
        "1.3.101.113" => "an Ed448".into(),
        "1.2.840.10040.4.1" => "a DSA".into(),
        "1.2.840.113549.1.1.10" => "an RSA-PSS-only".into(),
        other => format!("a non-RSA (algorithm {other})"),
    }
}

fn label_note(label: &Option<String>, expected: &[&str], found: &str) -> Option<String> {
    match label {
        Some(l) if !expected.contains(&l.as_str()) => Some(format!(
            "the PEM label says `{l}` but the content is {found}"
        )),
        _ => None,
    }
}

fn classify(decoded: Decoded) -> Result<KeyMaterial, KeyError> {
    let Decoded {
        der,
        encoding,
        pem_label,
    } = decoded;
    let der = zeroize::Zeroizing::new(der);
    let malformed = |e: &dyn fmt::Display| KeyError::Malformed {
        detail: e.to_string(),
    };

    if let Ok(info) = rsa::pkcs8::PrivateKeyInfo::try_from(der.as_slice()) {
        let oid = info.algorithm.oid.to_string();
        if oid != OID_RSA {
            let params = info.algorithm.parameters_oid().ok().map(|o| o.to_string());
            return Err(KeyError::NotRsa {
                algorithm: algorithm_name(&oid, params),
            });
        }
        let key = RsaPrivateKey::from_pkcs8_der(&der).map_err(|e| malformed(&e))?;
        return Ok(KeyMaterial::Private(Box::new(private(
            key,
            KeyFormat::Pkcs8,
            encoding,
            label_note(&pem_label, &["PRIVATE KEY"], "PKCS#8"),
        ))));
    }
    if rsa::pkcs1::RsaPrivateKey::try_from(der.as_slice()).is_ok() {
        let key = RsaPrivateKey::from_pkcs1_der(&der).map_err(|e| malformed(&e))?;
        return Ok(KeyMaterial::Private(Box::new(private(
            key,
            KeyFormat::Pkcs1,
            encoding,
            label_note(&pem_label, &["RSA PRIVATE KEY"], "PKCS#1"),
        ))));
    }
    if rsa::pkcs8::spki::SubjectPublicKeyInfoRef::try_from(der.as_slice()).is_ok() {
        let mut key = spki_to_public(&der, encoding)?;
        key.info.label_mismatch = label_note(&pem_label, &["PUBLIC KEY"], "SPKI");
        return Ok(KeyMaterial::Public(key));
    }
    if rsa::pkcs1::RsaPublicKey::try_from(der.as_slice()).is_ok() {
        let key = RsaPublicKey::from_pkcs1_der(&der).map_err(|e| malformed(&e))?;
        let mut key = PublicKey::from_rsa(key);
        key.info.format = KeyFormat::Pkcs1;
        key.info.encoding = encoding;
        key.info.label_mismatch = label_note(&pem_label, &["RSA PUBLIC KEY"], "PKCS#1");
        return Ok(KeyMaterial::Public(key));
    }
    if x509_cert::Certificate::from_der(&der).is_ok() {
        return Ok(KeyMaterial::Certificate(der.to_vec()));
    }
    if looks_encrypted(&der) {
        return Err(KeyError::Encrypted);
    }
    match pem_label.as_deref() {
        Some("EC PRIVATE KEY") => Err(KeyError::NotRsa {
            algorithm: "an EC (ECDSA)".into(),
        }),
        Some("CERTIFICATE") => Err(KeyError::Malformed {
            detail: "the certificate cannot be parsed".into(),
        }),
        Some(label) => Err(KeyError::NotAKey {
            detail: format!("the `{label}` block is not an RSA key in PKCS#1, PKCS#8 or SPKI form"),
        }),
        None => Err(KeyError::NotAKey {
            detail: "the data decodes but is not an RSA key in PKCS#1, PKCS#8 or SPKI form".into(),
        }),
    }
}

/// An `EncryptedPrivateKeyInfo` starts with a PKCS#5 (PBES2) or PKCS#12
/// PBE algorithm identifier.
fn looks_encrypted(der: &[u8]) -> bool {
    const PKCS5: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x05];
    const PKCS12_PBE: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x0C, 0x01];
    let head = &der[..der.len().min(40)];
    [PKCS5, PKCS12_PBE]
        .iter()
        .any(|oid| head.windows(oid.len()).any(|w| w == *oid))
}

fn private(
    key: RsaPrivateKey,
    format: KeyFormat,
    encoding: KeyEncoding,
    label_mismatch: Option<String>,
) -> PrivateKey {
    let mut key = PrivateKey::from_rsa(key);
    key.info.format = format;
    key.info.encoding = encoding;
    key.info.label_mismatch = label_mismatch;
    key
}

fn spki_to_public(der: &[u8], encoding: KeyEncoding) -> Result<PublicKey, KeyError> {
    let spki = rsa::pkcs8::spki::SubjectPublicKeyInfoRef::try_from(der).map_err(|e| {
        KeyError::Malformed {
            detail: e.to_string(),
        }
    })?;
    let oid = spki.algorithm.oid.to_string();
    if oid != OID_RSA {
        let params = spki.algorithm.parameters_oid().ok().map(|o| o.to_string());
        return Err(KeyError::NotRsa {
            algorithm: algorithm_name(&oid, params),
        });
    }
    let key = RsaPublicKey::from_public_key_der(der).map_err(|e| KeyError::Malformed {
        detail: e.to_string(),
    })?;
    let mut key = PublicKey::from_rsa(key);
    key.info.encoding = encoding;
    Ok(key)
}

/// Writes DER as PEM with the standard label for its structure.
pub fn to_pem(der: &[u8], label: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).expect("base64 is ASCII"));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// Writes DER as one base64 line, the way the Alipay console shows keys.
pub fn to_bare(der: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(der)
}

/// The PEM label of a key structure.
pub fn pem_label(kind: KeyKind, format: KeyFormat) -> &'static str {
    match (kind, format) {
        (KeyKind::Private, KeyFormat::Pkcs1) => "RSA PRIVATE KEY",
        (KeyKind::Private, _) => "PRIVATE KEY",
        (_, KeyFormat::Pkcs1) => "RSA PUBLIC KEY",
        (_, KeyFormat::X509) => "CERTIFICATE",
        _ => "PUBLIC KEY",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> PrivateKey {
        PrivateKey::generate(1024).unwrap()
    }

    #[test]
    fn every_shape_round_trips_and_reports_its_format() {
        let k = key();
        let public = k.public_key();
        let pkcs1 = k.to_der(KeyFormat::Pkcs1).unwrap();
        let pkcs8 = k.to_der(KeyFormat::Pkcs8).unwrap();
        let shapes: Vec<(Vec<u8>, KeyFormat, KeyEncoding)> = vec![
            (
                to_pem(&pkcs1, "RSA PRIVATE KEY").into_bytes(),
                KeyFormat::Pkcs1,
                KeyEncoding::Pem,
            ),
            (
                to_pem(&pkcs8, "PRIVATE KEY").into_bytes(),
                KeyFormat::Pkcs8,
                KeyEncoding::Pem,
            ),
            (
                to_bare(&pkcs1).into_bytes(),
                KeyFormat::Pkcs1,
                KeyEncoding::Bare,
            ),
            (pkcs8.to_vec(), KeyFormat::Pkcs8, KeyEncoding::Der),
            // As env vars and JSON hold them: one line, `\n` escapes, quotes.
            (
                format!(
                    "\"{}\"",
                    to_pem(&pkcs8, "PRIVATE KEY").trim().replace('\n', "\\n")
                )
                .into_bytes(),
                KeyFormat::Pkcs8,
                KeyEncoding::Pem,
            ),
        ];
        for (bytes, format, encoding) in shapes {
            let parsed = PrivateKey::parse(&bytes).unwrap();
            assert_eq!(
                (parsed.info().format, parsed.info().encoding),
                (format, encoding)
            );
            assert!(parsed.public_key().same_key(&public));
        }
        let spki = public.to_der(KeyFormat::Spki).unwrap();
        let pub1 = public.to_der(KeyFormat::Pkcs1).unwrap();
        let p = PublicKey::parse(to_pem(&pub1, "RSA PUBLIC KEY").as_bytes()).unwrap();
        assert_eq!(p.info().format, KeyFormat::Pkcs1);
        let p = PublicKey::parse(to_bare(&spki).as_bytes()).unwrap();
        assert_eq!(
            (p.info().format, p.info().encoding),
            (KeyFormat::Spki, KeyEncoding::Bare)
        );
        assert_eq!(p.fingerprint(), public.fingerprint());
    }

    #[test]
    fn mismatched_pem_labels_are_accepted_and_reported() {
        let k = key();
        let pkcs8 = k.to_der(KeyFormat::Pkcs8).unwrap();
        let parsed = PrivateKey::parse(to_pem(&pkcs8, "RSA PRIVATE KEY").as_bytes()).unwrap();
        assert_eq!(parsed.info().format, KeyFormat::Pkcs8);
        assert!(
            parsed
                .info()
                .label_mismatch
                .as_deref()
                .unwrap()
                .contains("RSA PRIVATE KEY")
        );
    }

    #[test]
    fn wrong_kinds_are_named() {
        let k = key();
        let spki = to_pem(
            &k.public_key().to_der(KeyFormat::Spki).unwrap(),
            "PUBLIC KEY",
        );
        assert!(matches!(
            PrivateKey::parse(spki.as_bytes()),
            Err(KeyError::PublicWherePrivateNeeded { .. })
        ));
        let pkcs1 = to_pem(&k.to_der(KeyFormat::Pkcs1).unwrap(), "RSA PRIVATE KEY");
        assert!(matches!(
            PublicKey::parse(pkcs1.as_bytes()),
            Err(KeyError::PrivateWherePublicNeeded { .. })
        ));
        assert!(matches!(PrivateKey::parse(b"  \n"), Err(KeyError::Empty)));
        assert!(matches!(
            PrivateKey::parse(b"MIIB%%"),
            Err(KeyError::InvalidBase64 { .. })
        ));
        let debug = format!("{k:?}");
        assert!(
            debug.contains("[redacted]") && !debug.contains("MII"),
            "{debug}"
        );
    }
}
