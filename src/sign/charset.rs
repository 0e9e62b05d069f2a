//! Request charsets. The bytes that are signed are the string to sign encoded
//! in the request charset, so a wrong charset is a wrong signature.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// A charset the gateway accepts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Charset {
    #[default]
    Utf8,
    /// GBK; `gb2312` is accepted as an alias, as the gateway does.
    Gbk,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CharsetError {
    #[error("unsupported charset {0:?}: use utf-8 or gbk")]
    Unsupported(String),
    #[error("{character:?} (U+{code:04X}) at character {position} cannot be encoded in {charset}")]
    Unencodable {
        charset: Charset,
        character: char,
        code: u32,
        position: usize,
    },
    #[error("the bytes are not valid {charset} (first bad byte at offset {offset})")]
    Malformed { charset: Charset, offset: usize },
}

impl Charset {
    /// The label sent on the wire in the `charset` parameter.
    pub fn label(self) -> &'static str {
        match self {
            Charset::Utf8 => "utf-8",
            Charset::Gbk => "gbk",
        }
    }

    fn encoding(self) -> &'static encoding_rs::Encoding {
        match self {
            Charset::Utf8 => encoding_rs::UTF_8,
            Charset::Gbk => encoding_rs::GBK,
        }
    }

    /// Encodes `text`; a character the charset cannot represent is an error,
    /// never a silent substitution (which would sign different bytes).
    pub fn encode(self, text: &str) -> Result<Cow<'_, [u8]>, CharsetError> {
        if self == Charset::Utf8 {
            return Ok(Cow::Borrowed(text.as_bytes()));
        }
        let (bytes, _, had_errors) = self.encoding().encode(text);
        if !had_errors {
            return Ok(bytes);
        }
        let mut buf = [0u8; 4];
        for (position, character) in text.chars().enumerate() {
            let (_, _, bad) = self.encoding().encode(character.encode_utf8(&mut buf));
            if bad {
                return Err(CharsetError::Unencodable {
                    charset: self,
                    character,
                    code: character as u32,
                    position,
                });
            }
        }
        unreachable!("encoding_rs reported an error but every character encodes")
    }

    /// Decodes `bytes` strictly.
    pub fn decode(self, bytes: &[u8]) -> Result<Cow<'_, str>, CharsetError> {
        if self == Charset::Utf8 {
            return std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
                CharsetError::Malformed {
                    charset: self,
                    offset: e.valid_up_to(),
                }
            });
        }
        match self
            .encoding()
            .decode_without_bom_handling_and_without_replacement(bytes)
        {
            Some(text) => Ok(text),
            None => {
                let mut decoder = self.encoding().new_decoder_without_bom_handling();
                let mut out = String::with_capacity(bytes.len() * 3);
                let (_, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
                Err(CharsetError::Malformed {
                    charset: self,
                    offset: read.saturating_sub(1),
                })
            }
        }
    }

    /// Width in bytes of the character starting at `bytes[0]`. Used by scanners
    /// that look for ASCII delimiters: in GBK a trail byte may equal `\`, `{`
    /// or `}`, so multi-byte sequences must be stepped over whole. In UTF-8 no
    /// byte of a multi-byte sequence is ASCII, so one byte at a time is safe.
    pub(crate) fn char_width(self, bytes: &[u8]) -> usize {
        match (self, bytes) {
            (_, []) => 0,
            (Charset::Utf8, _) => 1,
            (Charset::Gbk, [lead, ..]) if *lead < 0x81 || *lead == 0xFF => 1,
            // GB18030 four-byte sequences: lead, 0x30..=0x39, lead, 0x30..=0x39.
            (Charset::Gbk, [_, second, ..]) if (0x30..=0x39).contains(second) => bytes.len().min(4),
            (Charset::Gbk, _) => bytes.len().min(2),
        }
    }
}

impl FromStr for Charset {
    type Err = CharsetError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(Charset::Utf8),
            "gbk" | "gb2312" => Ok(Charset::Gbk),
            _ => Err(CharsetError::Unsupported(s.to_string())),
        }
    }
}

impl fmt::Display for Charset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_aliases() {
        assert_eq!("UTF-8".parse::<Charset>().unwrap(), Charset::Utf8);
        assert_eq!("utf8".parse::<Charset>().unwrap(), Charset::Utf8);
        assert_eq!("GB2312".parse::<Charset>().unwrap(), Charset::Gbk);
        assert!(matches!(
            "latin1".parse::<Charset>(),
            Err(CharsetError::Unsupported(_))
        ));
    }

    #[test]
    fn gbk_round_trip_and_unencodable_characters() {
        let bytes = Charset::Gbk.encode("测试 a=b").unwrap();
        assert_eq!(&bytes[..], b"\xb2\xe2\xca\xd4 a=b");
        assert_eq!(Charset::Gbk.decode(&bytes).unwrap(), "测试 a=b");
        let err = Charset::Gbk.encode("ok 😀").unwrap_err();
        assert!(matches!(
            err,
            CharsetError::Unencodable {
                position: 3,
                character: '😀',
                ..
            }
        ));
    }

    #[test]
    fn strict_decoding() {
        assert!(matches!(
            Charset::Utf8.decode(b"ab\xffcd"),
            Err(CharsetError::Malformed { offset: 2, .. })
        ));
        assert!(Charset::Gbk.decode(b"\xb2").is_err());
    }

    #[test]
    fn gbk_width_steps_over_trail_bytes_that_look_like_ascii() {
        // 0x5C is '\' in ASCII but a trail byte here.
        assert_eq!(Charset::Gbk.char_width(b"\x81\x5c\"}"), 2);
        assert_eq!(Charset::Gbk.char_width(b"\x81\x30\x81\x30"), 4);
        assert_eq!(Charset::Gbk.char_width(b"a"), 1);
        assert_eq!(Charset::Utf8.char_width("测".as_bytes()), 1);
    }
}
