//! `--record DIR`: each exchange's raw request and answer in files, private
//! to the user (a 0700 directory, 0600 files), credentials masked unless
//! asked otherwise, and the total size capped so a busy application cannot
//! fill the disk.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde_json::json;

use super::inspect::{DialectKind, Inspection};
use crate::sign::Charset;

/// The default cap on everything recorded in one run.
pub const DEFAULT_CAP: u64 = 64 << 20;

#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("cannot create the record directory {}: {reason}", path.display())]
    CreateDir { path: PathBuf, reason: String },
    #[error("the record directory {} is not a directory", path.display())]
    NotADir { path: PathBuf },
    #[error("the record directory {} is open to other users (mode {mode:o})", path.display())]
    OpenToOthers { path: PathBuf, mode: u32 },
    #[error("cannot write {}: {reason}", path.display())]
    Write { path: PathBuf, reason: String },
    #[error("the record cap of {cap} bytes is reached: later exchanges are not recorded")]
    CapReached { cap: u64 },
}

/// What one exchange looked like on the wire.
pub struct RawExchange<'a> {
    pub method: &'a str,
    /// Path and `?query`, as received.
    pub target: &'a str,
    pub request_headers: &'a [(String, String)],
    pub request_body: &'a [u8],
    pub status: u16,
    pub response_headers: &'a [(String, String)],
    pub response_body: &'a [u8],
}

/// Where exchanges are recorded.
pub struct Recorder {
    dir: PathBuf,
    cap: u64,
    show_secrets: bool,
    /// Arguments naming the Alipay key, added to each replay command.
    key_args: Vec<String>,
    /// Bytes written so far, and whether the cap was already reported.
    used: Mutex<(u64, bool)>,
}

impl Recorder {
    /// Creates (0700) or takes an existing private directory.
    /// `key_args` name the Alipay key for the replay commands (e.g.
    /// `--alipay-public-key-file PATH`), so they run as they are.
    pub fn new(
        dir: &Path,
        cap: u64,
        show_secrets: bool,
        key_args: Vec<String>,
    ) -> Result<Recorder, RecordError> {
        use std::os::unix::fs::{DirBuilderExt as _, PermissionsExt as _};
        match std::fs::metadata(dir) {
            Ok(m) if !m.is_dir() => {
                return Err(RecordError::NotADir {
                    path: dir.to_path_buf(),
                });
            }
            Ok(m) => {
                let mode = m.permissions().mode() & 0o777;
                if mode & 0o077 != 0 {
                    return Err(RecordError::OpenToOthers {
                        path: dir.to_path_buf(),
                        mode,
                    });
                }
            }
            Err(_) => std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(|e| RecordError::CreateDir {
                    path: dir.to_path_buf(),
                    reason: crate::files::read::io_reason(&e),
                })?,
        }
        // Absolute, so the replay commands work from any directory.
        let dir = std::path::absolute(dir).map_err(|e| RecordError::CreateDir {
            path: dir.to_path_buf(),
            reason: crate::files::read::io_reason(&e),
        })?;
        Ok(Recorder {
            dir,
            cap,
            show_secrets,
            key_args,
            used: Mutex::new((0, false)),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Records exchange number `seq`; returns the replay command, or an
    /// error (the cap is reported once, then recording silently stops).
    pub fn record(
        &self,
        seq: u64,
        raw: &RawExchange<'_>,
        ins: &Inspection,
    ) -> Result<Option<String>, RecordError> {
        let charset = ins.charset;
        let mask = |bytes: &[u8]| -> Vec<u8> {
            if self.show_secrets {
                bytes.to_vec()
            } else {
                mask_bytes(bytes, &ins.secrets, charset)
            }
        };
        let request = mask(&http_message(
            &format!("{} {} HTTP/1.1", raw.method, raw.target),
            raw.request_headers,
            raw.request_body,
        ));
        let response_body = mask(raw.response_body);
        let response = mask(&http_message(
            &format!("HTTP/1.1 {}", raw.status),
            raw.response_headers,
            raw.response_body,
        ));
        let stem = format!("{seq:06}");
        let body_name = format!("{stem}-response.body");
        let replay = replay_command(raw, ins, &self.dir.join(&body_name)).map(|command| {
            let mut words = vec![command];
            words.extend(
                self.key_args
                    .iter()
                    .map(|a| shell_words::quote(a).into_owned()),
            );
            words.join(" ")
        });
        let meta = json!({
            "seq": seq,
            "dialect": ins.dialect,
            "method": ins.method,
            "app_id": ins.app_id,
            "status": raw.status,
            "request_signature": ins.request,
            "response_signature": ins.response,
            "masked": !self.show_secrets,
            "replay": replay,
        });
        let mut meta_text = serde_json::to_vec_pretty(&meta).unwrap_or_default();
        meta_text.push(b'\n');
        let files: [(String, &[u8]); 4] = [
            (format!("{stem}-request.http"), &request),
            (format!("{stem}-response.http"), &response),
            (body_name, &response_body),
            (format!("{stem}.json"), &meta_text),
        ];
        let size: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
        {
            let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
            if used.0 + size > self.cap {
                let first = !used.1;
                used.1 = true;
                return if first {
                    Err(RecordError::CapReached { cap: self.cap })
                } else {
                    Ok(None)
                };
            }
            used.0 += size;
        }
        for (name, bytes) in files {
            write_private(&self.dir.join(name), bytes)?;
        }
        Ok(replay)
    }
}

/// A start line, headers and body, as HTTP/1.1 writes them.
fn http_message(start: &str, headers: &[(String, String)], body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(start.len() + body.len() + 256);
    out.extend_from_slice(start.as_bytes());
    out.extend_from_slice(b"\r\n");
    for (k, v) in headers {
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

fn write_private(path: &Path, bytes: &[u8]) -> Result<(), RecordError> {
    use std::os::unix::fs::OpenOptionsExt as _;
    let failed = |e: std::io::Error| RecordError::Write {
        path: path.to_path_buf(),
        reason: crate::files::read::io_reason(&e),
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(failed)?;
    file.write_all(bytes).map_err(failed)
}

/// Every occurrence of each secret replaced by its masked form, written in
/// the exchange's charset. Longest first, so no secret is half-masked.
pub fn mask_bytes(data: &[u8], secrets: &[String], charset: Charset) -> Vec<u8> {
    let mut secrets: Vec<&String> = secrets.iter().filter(|s| s.len() >= 4).collect();
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    secrets.dedup();
    let mut out = data.to_vec();
    for s in secrets {
        let shown = format!("[masked {}]", crate::secret::mask(s));
        let (Ok(needle), Ok(masked)) = (charset.encode(s), charset.encode(&shown)) else {
            continue;
        };
        out = replace_all(&out, &needle, &masked);
    }
    out
}

fn replace_all(data: &[u8], needle: &[u8], with: &[u8]) -> Vec<u8> {
    if needle.is_empty() {
        return data.to_vec();
    }
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i..].starts_with(needle) {
            out.extend_from_slice(with);
            i += needle.len();
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    out
}

/// The `verify` command that checks the recorded answer again.
fn replay_command(raw: &RawExchange<'_>, ins: &Inspection, body: &Path) -> Option<String> {
    let quote = |s: &str| shell_words::quote(s).into_owned();
    let header = |name: &str| {
        raw.response_headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim().to_string())
    };
    let file = quote(&body.to_string_lossy());
    match ins.dialect {
        DialectKind::V2 => Some(format!(
            "alipay-oauth verify response --method {} --charset {} {file}",
            quote(&ins.method),
            ins.charset
        )),
        DialectKind::V3 => Some(format!(
            "alipay-oauth verify v3 --timestamp {} --nonce {} --signature {} --body-file {file}",
            quote(&header("alipay-timestamp")?),
            quote(&header("alipay-nonce")?),
            quote(&header("alipay-signature")?)
        )),
        DialectKind::Header => Some(format!(
            "alipay-oauth verify header --http-method {} --path {} --client-id {} --time {} --signature {} --body-file {file}",
            quote(raw.method),
            quote(raw.target),
            quote(ins.app_id.as_deref().unwrap_or("")),
            quote(&header("response-time")?),
            quote(&header("signature")?)
        )),
        DialectKind::Unknown => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_every_occurrence_longest_first() {
        let secrets = vec!["abcdefgh".to_string(), "abcdefghijklmnopqrst".to_string()];
        let out = mask_bytes(
            b"x=abcdefghijklmnopqrst&y=abcdefgh",
            &secrets,
            Charset::Utf8,
        );
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains("abcdefgh"), "{text}");
        assert!(text.contains("[masked abcd…qrst (20 chars)]"), "{text}");
        assert!(text.contains("y=[masked ****]"), "{text}");
    }
}
