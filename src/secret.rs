//! Secret values (auth codes, tokens, key text) that must never reach a log,
//! an error message or a panic by accident.
//!
//! Each role has its own type, so an auth code cannot be passed where a
//! refresh token is expected. None of them implements `Display` or serde:
//! the value leaves only through [`SecretValue::secret`], and a struct that
//! stores one chooses per field, with [`exposed`] or [`exposed_opt`], to
//! write it out in full.

use std::fmt;

use zeroize::Zeroizing;

/// What generic code (readers, serde helpers) needs of a secret role.
/// `secret()` is the one audited way out:
/// its call sites are the places where a secret legitimately leaves the
/// process (the wire, a token file, `--show-secrets`, an `--output json`
/// document whose purpose is to carry it).
pub trait SecretValue: Sized {
    fn new(value: impl Into<String>) -> Self;

    fn secret(&self) -> &str;
}

macro_rules! secret_role {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// `Debug` prints `[redacted]`; the memory is wiped on drop.
        #[derive(Clone, Default, PartialEq, Eq)]
        pub struct $name(Zeroizing<String>);

        impl $name {
            pub fn new(value: impl Into<String>) -> Self {
                $name(Zeroizing::new(value.into()))
            }

            /// The value itself: see [`SecretValue::secret`].
            pub fn secret(&self) -> &str {
                &self.0
            }

            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }

            /// A masked form for human output (see [`mask`]).
            pub fn masked(&self) -> String {
                mask(&self.0)
            }
        }

        impl SecretValue for $name {
            fn new(value: impl Into<String>) -> Self {
                $name::new(value)
            }

            fn secret(&self) -> &str {
                $name::secret(self)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("[redacted]")
            }
        }
    };
}

secret_role!(
    /// The one-time `auth_code` the authorization callback carries.
    AuthCode
);
secret_role!(
    /// A user's `access_token` (`auth_token` on the wire).
    AccessToken
);
secret_role!(
    /// A user's `refresh_token`.
    RefreshToken
);
secret_role!(
    /// The `app_auth_token` an ISV holds for a merchant's app.
    AppAuthToken
);
secret_role!(
    /// Private-key text (PEM or bare base64) read from the environment.
    KeyText
);

/// Masks a secret-like string for display: `abcd…wxyz (40 chars)` for long
/// values, `****` for short ones, so that two tokens can be told apart
/// without revealing them.
pub fn mask(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() >= 16 {
        let head: String = chars[..4].iter().collect();
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{head}…{tail} ({} chars)", chars.len())
    } else {
        "****".to_string()
    }
}

/// `#[serde(with = "crate::secret::exposed")]`: this field is written out in
/// full (token files, JSON documents that exist to carry the token).
pub mod exposed {
    use super::SecretValue;

    pub fn serialize<T: SecretValue, S: serde::Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(value.secret())
    }

    pub fn deserialize<'de, T: SecretValue, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        let text: String = serde::Deserialize::deserialize(deserializer)?;
        Ok(T::new(text))
    }
}

/// [`exposed`] for an optional secret.
pub mod exposed_opt {
    use super::SecretValue;

    pub fn serialize<T: SecretValue, S: serde::Serializer>(
        value: &Option<T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.serialize_some(v.secret()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: SecretValue, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<T>, D::Error> {
        let text: Option<String> = serde::Deserialize::deserialize(deserializer)?;
        Ok(text.map(T::new))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let s = AccessToken::new("super-secret-token-value");
        assert_eq!(format!("{s:?}"), "[redacted]");
        assert_eq!(format!("{:?}", Some(&s)), "Some([redacted])");
        assert_eq!(format!("{:?}", KeyText::new("k")), "[redacted]");
        assert_eq!(format!("{:?}", AuthCode::new("c")), "[redacted]");
        assert_eq!(format!("{:?}", RefreshToken::new("r")), "[redacted]");
        assert_eq!(format!("{:?}", AppAuthToken::new("t")), "[redacted]");
        assert_eq!(s.secret(), "super-secret-token-value");
    }

    #[test]
    fn serialisation_is_chosen_per_field() {
        #[derive(serde::Serialize, serde::Deserialize)]
        struct Doc {
            #[serde(with = "exposed")]
            token: AccessToken,
            #[serde(with = "exposed_opt")]
            refresh: Option<RefreshToken>,
        }
        let doc = Doc {
            token: AccessToken::new("a"),
            refresh: None,
        };
        let text = serde_json::to_string(&doc).unwrap();
        assert_eq!(text, r#"{"token":"a","refresh":null}"#);
        let back: Doc = serde_json::from_str(r#"{"token":"a","refresh":"r"}"#).unwrap();
        assert_eq!(back.token.secret(), "a");
        assert_eq!(back.refresh.unwrap().secret(), "r");
    }

    #[test]
    fn masking_keeps_only_the_ends_of_long_values() {
        assert_eq!(mask("authusrB1234567890abcdefXYZ9"), "auth…XYZ9 (28 chars)");
        assert_eq!(mask("short"), "****");
        assert_eq!(AuthCode::new("short").masked(), "****");
    }
}
