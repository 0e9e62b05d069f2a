//! The signing core: keys, the v2 string to sign, RSA2/RSA signatures,
//! gateway-response and notification verification, and diagnosis. No
//! network, no argv, no environment: everything comes in as values.

pub mod algorithm;
pub mod cert;
pub mod charset;
pub mod content;
pub mod diagnosis;
pub mod dialect;
pub mod form;
pub mod key;
pub mod notify;
pub mod provider;
pub mod response;

pub use algorithm::SignType;
pub use charset::Charset;
pub use content::{Params, Rule};
pub use key::{KeyError, PrivateKey, PublicKey};

/// A signed parameter set.
#[derive(Debug, Clone)]
pub struct Signed {
    /// The string to sign.
    pub content: String,
    /// The string to sign encoded in the request charset: the signed bytes.
    pub bytes: Vec<u8>,
    /// The base64 signature.
    pub sign: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Charset(#[from] charset::CharsetError),
}

/// Builds the string to sign of request parameters (rule V2: everything
/// but `sign`), encodes it in `charset` and signs it.
pub fn sign_params(
    params: &Params,
    key: &PrivateKey,
    sign_type: SignType,
    charset: Charset,
) -> Result<Signed, SignError> {
    let content = params.sign_content(Rule::V2);
    let bytes = charset.encode(&content)?.into_owned();
    let sign = algorithm::sign(key, sign_type, &bytes)?;
    Ok(Signed {
        content,
        bytes,
        sign,
    })
}
