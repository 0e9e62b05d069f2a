//! Files the user names: bounded reads ([`read`]) and private, atomic
//! writes for secrets ([`secret`]). Every read has one of these limits,
//! since a path may be `/dev/zero` or a mistake.

pub mod read;
pub mod secret;

/// Keys and certificates: a PEM chain is a few KiB.
pub const KEY_FILE_LIMIT: u64 = 1 << 20;
/// Certificate bundles inspected by `keys` (a whole CA bundle fits).
pub const CERT_BUNDLE_LIMIT: u64 = 4 << 20;
/// The configuration file and the emulator's apps file.
pub const CONFIG_FILE_LIMIT: u64 = 1 << 20;
/// Data to sign or verify, from a file or standard input.
pub const INPUT_LIMIT: u64 = 16 << 20;
