//! Reading the files a user names (keys, certificates, configuration,
//! inputs): always bounded in size, since a path may be `/dev/zero` or a
//! mistake, and failing with a plain reason instead of an I/O debug dump.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a bounded read failed.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    TooLarge { limit: u64 },
}

/// A file the user named that could not be read: the message names it.
#[derive(Debug, thiserror::Error)]
#[error("{}", read_error_text(.path, .reason))]
pub struct InputError {
    pub path: PathBuf,
    pub reason: ReadError,
}

/// Reads at most `limit` bytes of a file; more is an error, not a truncation.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Reads a file given on the command line, with a size limit.
pub fn read_input_file(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    read_bounded(path, limit).map_err(|reason| InputError {
        path: path.to_path_buf(),
        reason,
    })
}

/// The reason of a failed read, naming the file.
pub fn read_error_text(path: &Path, e: &ReadError) -> String {
    described_read_error("", path, e)
}

/// The reason of a failed read of a kind of file (`"config file "`).
pub fn described_read_error(what: &str, path: &Path, e: &ReadError) -> String {
    match e {
        ReadError::Io(e) => format!("cannot read {what}{}: {}", path.display(), io_reason(e)),
        ReadError::TooLarge { limit } => format!(
            "{what}{} is larger than {limit} bytes; is it the right file?",
            path.display()
        ),
    }
}

/// An I/O error's reason without the Rust debug dump.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a directory".into(),
        std::io::ErrorKind::InvalidData => "it is not UTF-8 text".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

/// Text of a bounded file (UTF-8).
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = read_bounded(path, limit)?;
    String::from_utf8(bytes)
        .map_err(|_| ReadError::Io(std::io::Error::from(std::io::ErrorKind::InvalidData)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn endless_files_are_refused_at_the_limit() {
        let e = read_bounded(Path::new("/dev/zero"), 1024).unwrap_err();
        assert!(matches!(e, ReadError::TooLarge { limit: 1024 }));
        assert!(read_error_text(Path::new("/dev/zero"), &e).contains("larger than 1024 bytes"));
    }
}
