//! Secret values (tokens, auth codes, key text) that must never reach a log,
//! an error message or a panic by accident.

use std::fmt;

use zeroize::Zeroize;

/// A string that is a secret. `Debug` and `Display` print `[redacted]`; the
/// value is only reachable through [`Secret::expose`], which makes every use
/// visible in review. The memory is wiped on drop.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret value itself. Call sites are the places where a secret
    /// legitimately leaves the process (the wire, a token file, `--show-secrets`).
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A masked form for human output: the first and last four characters of
    /// a long value, so that two tokens can be told apart without revealing them.
    pub fn masked(&self) -> String {
        mask(&self.0)
    }
}

/// Masks a secret-like string for display: `abcd…wxyz (40 chars)` for long
/// values, `****` for short ones.
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

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_string())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl serde::Serialize for Secret {
    /// Serialising exposes the value: only token files and `--output json`
    /// documents (whose purpose is to carry the token) serialise secrets.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let s = Secret::new("super-secret-token-value");
        assert_eq!(format!("{s:?}"), "[redacted]");
        assert_eq!(format!("{s}"), "[redacted]");
        assert_eq!(format!("{:?}", Some(&s)), "Some([redacted])");
        assert_eq!(s.expose(), "super-secret-token-value");
    }

    #[test]
    fn masking_keeps_only_the_ends_of_long_values() {
        assert_eq!(mask("authusrB1234567890abcdefXYZ9"), "auth…XYZ9 (28 chars)");
        assert_eq!(mask("short"), "****");
    }
}
