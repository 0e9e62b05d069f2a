//! The RSA operations themselves, done by AWS-LC (through `aws-lc-rs`, the
//! same provider that rustls uses for TLS here). The `rsa` crate only reads,
//! converts and generates keys: its private-key operation is not constant
//! time (RUSTSEC-2023-0071, "Marvin") and several times slower, and the
//! emulator signs every answer with its key over the network.
//!
//! Handles are made once per key, on first use, and are safe to share
//! between threads: AWS-LC locks its blinding state internally.

use std::ptr::NonNull;
use std::sync::OnceLock;

use aws_lc_rs::signature::{self, ParsedPublicKey, RsaKeyPair};

use zeroize::Zeroizing;

use super::algorithm::SignType;

/// Why AWS-LC would not take a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the RSA provider (AWS-LC) refused the key: {0}")]
pub struct Refused(String);

impl Refused {
    pub(crate) fn new(reason: String) -> Refused {
        Refused(reason)
    }
}

/// A private key loaded for signing.
pub struct Signer {
    /// RSA2 (SHA-256) through the safe API, for keys of 2048 to 8192 bits.
    modern: Option<RsaKeyPair>,
    /// SHA-1 (`RSA`, legacy apps) and keys under 2048 bits, which
    /// `aws-lc-rs` deliberately does not offer: AWS-LC's own `RSA_sign`,
    /// loaded on first need.
    legacy: OnceLock<Result<LegacyKey, Refused>>,
    der: Zeroizing<Vec<u8>>,
}

impl Signer {
    /// Loads a PKCS#1 `RSAPrivateKey`.
    pub fn from_pkcs1_der(der: Zeroizing<Vec<u8>>) -> Result<Signer, Refused> {
        let modern = RsaKeyPair::from_der(&der).ok();
        let signer = Signer {
            modern,
            legacy: OnceLock::new(),
            der,
        };
        if signer.modern.is_none() {
            // Not a 2048..8192-bit key: make sure AWS-LC takes it at all.
            signer.legacy()?;
        }
        Ok(signer)
    }

    /// A PKCS#1 v1.5 signature over `message` with the hash of `sign_type`.
    pub fn sign(&self, sign_type: SignType, message: &[u8]) -> Result<Vec<u8>, Refused> {
        if let (SignType::Rsa2, Some(pair)) = (sign_type, &self.modern) {
            let mut out = vec![0; pair.public_modulus_len()];
            let rng = aws_lc_rs::rand::SystemRandom::new();
            pair.sign(&signature::RSA_PKCS1_SHA256, &rng, message, &mut out)
                .map_err(|e| Refused(e.to_string()))?;
            return Ok(out);
        }
        self.legacy()?.sign(sign_type, message)
    }

    fn legacy(&self) -> Result<&LegacyKey, Refused> {
        self.legacy
            .get_or_init(|| LegacyKey::from_pkcs1_der(&self.der))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// An AWS-LC `RSA*` for the digests `aws-lc-rs` does not sign with.
struct LegacyKey(NonNull<aws_lc_sys::RSA>);

// SAFETY: AWS-LC's RSA objects may be used for private-key operations from
// several threads at once (the blinding cache is behind the object's lock);
// the pointer is owned and freed once, in Drop.
unsafe impl Send for LegacyKey {}
unsafe impl Sync for LegacyKey {}

impl LegacyKey {
    fn from_pkcs1_der(der: &[u8]) -> Result<LegacyKey, Refused> {
        // SAFETY: AWS-LC reads `der.len()` bytes from a valid slice and
        // returns an owned RSA or null.
        let rsa = unsafe { aws_lc_sys::RSA_private_key_from_bytes(der.as_ptr(), der.len()) };
        let rsa = NonNull::new(rsa).ok_or_else(|| Refused(last_error()))?;
        Ok(LegacyKey(rsa))
    }

    fn sign(&self, sign_type: SignType, message: &[u8]) -> Result<Vec<u8>, Refused> {
        let (nid, digest) = match sign_type {
            SignType::Rsa2 => (
                aws_lc_sys::NID_sha256,
                aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, message),
            ),
            SignType::Rsa => (
                aws_lc_sys::NID_sha1,
                aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA1_FOR_LEGACY_USE_ONLY, message),
            ),
        };
        // SAFETY: the RSA pointer is live for `self`'s lifetime.
        let size = unsafe { aws_lc_sys::RSA_size(self.0.as_ptr()) } as usize;
        let mut out = vec![0u8; size];
        let mut written: std::os::raw::c_uint = 0;
        let digest = digest.as_ref();
        // SAFETY: `out` has RSA_size bytes as RSA_sign requires; the digest
        // slice is valid for its length; RSA_sign writes the length it used.
        let ok = unsafe {
            aws_lc_sys::RSA_sign(
                nid,
                digest.as_ptr(),
                digest.len() as _,
                out.as_mut_ptr(),
                &mut written,
                self.0.as_ptr(),
            )
        };
        if ok != 1 {
            return Err(Refused(last_error()));
        }
        out.truncate(written as usize);
        Ok(out)
    }
}

impl Drop for LegacyKey {
    fn drop(&mut self) {
        // SAFETY: owned since from_pkcs1_der, freed exactly once.
        unsafe { aws_lc_sys::RSA_free(self.0.as_ptr()) }
    }
}

/// AWS-LC's reason for the last failure on this thread.
fn last_error() -> String {
    // SAFETY: ERR_get_error pops this thread's queue; ERR_reason_error_string
    // returns a static C string or null.
    unsafe {
        let code = aws_lc_sys::ERR_get_error();
        let reason = aws_lc_sys::ERR_reason_error_string(code);
        if reason.is_null() {
            "not an RSA private key it can use".into()
        } else {
            std::ffi::CStr::from_ptr(reason)
                .to_string_lossy()
                .into_owned()
        }
    }
}

/// A public key parsed once per hash, for verification.
pub struct Verifier {
    sha256: ParsedPublicKey,
    sha1: ParsedPublicKey,
}

impl Verifier {
    /// Loads a PKCS#1 `RSAPublicKey`. Keys of 1024 bits and more verify, as
    /// legacy `RSA` apps may still have them.
    pub fn from_pkcs1_der(der: &[u8]) -> Result<Verifier, Refused> {
        let parse = |alg| ParsedPublicKey::new(alg, der).map_err(|e| Refused(e.to_string()));
        Ok(Verifier {
            sha256: parse(&signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY)?,
            sha1: parse(&signature::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY)?,
        })
    }

    /// True when `signature` is a valid PKCS#1 v1.5 signature over `message`.
    pub fn verify(&self, sign_type: SignType, message: &[u8], signature: &[u8]) -> bool {
        let key = match sign_type {
            SignType::Rsa2 => &self.sha256,
            SignType::Rsa => &self.sha1,
        };
        key.verify_sig(message, signature).is_ok()
    }
}
