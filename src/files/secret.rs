//! Writing files that hold secrets (private keys, tokens): mode 0600,
//! written whole or not at all, and never over an existing file by accident.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a secret file was not written; nothing was, in either case.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A file that is only replaced on request already exists.
    #[error("{} already exists", path.display())]
    Exists { path: PathBuf },
    #[error("cannot write {}: {reason}", .path.display())]
    Failed { path: PathBuf, reason: String },
}

/// Writes `bytes` to `path` atomically with mode 0600. Without `overwrite`,
/// an existing file is an error.
pub fn write(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |reason: &dyn std::fmt::Display| WriteError::Failed {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    if !overwrite && path.exists() {
        return Err(WriteError::Exists {
            path: path.to_path_buf(),
        });
    }
    // NamedTempFile is created 0600 on Unix.
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| fail(&crate::files::read::io_reason(&e)))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| fail(&crate::files::read::io_reason(&e)))?;
    if overwrite {
        tmp.persist(path)
            .map_err(|e| fail(&crate::files::read::io_reason(&e.error)))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists {
                    path: path.to_path_buf(),
                }
            } else {
                fail(&crate::files::read::io_reason(&e.error))
            }
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_never_clobbered() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k.pem");
        write(&p, b"secret", false).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        assert!(write(&p, b"other", false).is_err());
        assert_eq!(std::fs::read(&p).unwrap(), b"secret");
        write(&p, b"other", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"other");
    }
}
