//! The two signature algorithms of the v2 gateway: RSASSA-PKCS1-v1_5 with
//! SHA-256 (`RSA2`) or SHA-1 (`RSA`). Signatures travel as standard base64.

use std::fmt;
use std::str::FromStr;

use base64::Engine as _;

use super::key::{KeyError, PrivateKey, PublicKey};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub enum SignType {
    /// SHA256withRSA; required for apps created since 2018.
    #[default]
    #[serde(rename = "RSA2")]
    Rsa2,
    /// SHA1withRSA; legacy apps only.
    #[serde(rename = "RSA")]
    Rsa,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported sign_type {0:?}: use RSA2 (SHA256withRSA) or RSA (SHA1withRSA)")]
pub struct UnknownSignType(pub String);

impl SignType {
    pub fn label(self) -> &'static str {
        match self {
            SignType::Rsa2 => "RSA2",
            SignType::Rsa => "RSA",
        }
    }

    pub fn java_name(self) -> &'static str {
        match self {
            SignType::Rsa2 => "SHA256withRSA",
            SignType::Rsa => "SHA1withRSA",
        }
    }

    pub fn other(self) -> SignType {
        match self {
            SignType::Rsa2 => SignType::Rsa,
            SignType::Rsa => SignType::Rsa2,
        }
    }

    /// Alipay accepts RSA2 only with keys of 2048 bits or more.
    pub fn min_bits(self) -> usize {
        match self {
            SignType::Rsa2 => 2048,
            SignType::Rsa => 1024,
        }
    }
}

impl FromStr for SignType {
    type Err = UnknownSignType;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "RSA2" | "SHA256WITHRSA" => Ok(SignType::Rsa2),
            "RSA" | "SHA1WITHRSA" => Ok(SignType::Rsa),
            _ => Err(UnknownSignType(s.to_string())),
        }
    }
}

impl fmt::Display for SignType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Signs `message` (already encoded in the request charset) and returns the
/// base64 signature. The private-key operation is blinded.
pub fn sign(key: &PrivateKey, sign_type: SignType, message: &[u8]) -> Result<String, KeyError> {
    Ok(base64::engine::general_purpose::STANDARD.encode(sign_raw(key, sign_type, message)?))
}

/// The raw signature bytes (for certificates and the header dialects).
pub fn sign_raw(
    key: &PrivateKey,
    sign_type: SignType,
    message: &[u8],
) -> Result<Vec<u8>, KeyError> {
    if key.bits() < sign_type.min_bits() {
        return Err(KeyError::TooShort {
            bits: key.bits(),
            required: sign_type.min_bits(),
            sign_type: sign_type.label(),
        });
    }
    private_op(key, sign_type, message)
}

/// The RSA private-key operation, in AWS-LC (constant time, blinded).
fn private_op(key: &PrivateKey, sign_type: SignType, message: &[u8]) -> Result<Vec<u8>, KeyError> {
    key.signer()?
        .sign(sign_type, message)
        .map_err(|e| KeyError::Malformed {
            detail: format!("signing failed: {e}"),
        })
}

/// Why a signature did not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Mismatch {
    #[error("the signature is not valid base64 ({0})")]
    NotBase64(String),
    #[error(
        "the signature is {got} bytes long but the key needs {expected} (signed with a different key?)"
    )]
    WrongLength { got: usize, expected: usize },
    #[error("the signature does not match the content under this key")]
    Mismatch,
}

/// Decodes a base64 signature strictly (standard alphabet; surrounding
/// whitespace is ignored, inner whitespace is not).
pub fn decode_signature(signature: &str) -> Result<Vec<u8>, Mismatch> {
    super::key::LENIENT_BASE64
        .decode(signature.trim().as_bytes())
        .map_err(|e| Mismatch::NotBase64(e.to_string()))
}

/// Verifies a base64 signature over `message`.
pub fn verify(
    key: &PublicKey,
    sign_type: SignType,
    message: &[u8],
    signature: &str,
) -> Result<(), Mismatch> {
    let raw = decode_signature(signature)?;
    verify_raw(key, sign_type, message, &raw)
}

/// Verifies a decoded signature over `message`.
pub fn verify_raw(
    key: &PublicKey,
    sign_type: SignType,
    message: &[u8],
    signature: &[u8],
) -> Result<(), Mismatch> {
    let expected = key.bits() / 8;
    if signature.len() != expected {
        return Err(Mismatch::WrongLength {
            got: signature.len(),
            expected,
        });
    }
    public_op(key, sign_type, message, signature)
}

fn public_op(
    key: &PublicKey,
    sign_type: SignType,
    message: &[u8],
    signature: &[u8],
) -> Result<(), Mismatch> {
    match key.verifier() {
        Ok(v) if v.verify(sign_type, message, signature) => Ok(()),
        _ => Err(Mismatch::Mismatch),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_type_names() {
        assert_eq!("rsa2".parse::<SignType>().unwrap(), SignType::Rsa2);
        assert_eq!("SHA1withRSA".parse::<SignType>().unwrap(), SignType::Rsa);
        assert!("RSA3".parse::<SignType>().is_err());
        assert_eq!(SignType::Rsa2.other(), SignType::Rsa);
    }

    #[test]
    fn sign_and_verify_round_trip_and_short_keys() {
        let key = PrivateKey::generate(1024).unwrap();
        let public = key.public_key();
        let sig = sign(&key, SignType::Rsa, b"a=1&b=2").unwrap();
        assert!(verify(&public, SignType::Rsa, b"a=1&b=2", &sig).is_ok());
        assert_eq!(
            verify(&public, SignType::Rsa, b"a=1&b=3", &sig),
            Err(Mismatch::Mismatch)
        );
        assert_eq!(
            verify(&public, SignType::Rsa2, b"a=1&b=2", &sig),
            Err(Mismatch::Mismatch)
        );
        assert!(matches!(
            sign(&key, SignType::Rsa2, b"x"),
            Err(KeyError::TooShort { bits: 1024, .. })
        ));
        assert!(matches!(
            verify(&public, SignType::Rsa, b"x", "AAAA"),
            Err(Mismatch::WrongLength {
                got: 3,
                expected: 128
            })
        ));
        assert!(matches!(
            verify(&public, SignType::Rsa, b"x", "a b"),
            Err(Mismatch::NotBase64(_))
        ));
    }
}
