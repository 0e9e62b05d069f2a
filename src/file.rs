//! Reading the files a user names (keys, certificates, inputs): bounded in
//! size, and failing with a plain reason instead of an I/O debug dump.

use std::path::Path;

use crate::error::Error;

/// Reads a file given on the command line, with a size limit.
pub fn read_input_file(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let file = std::fs::File::open(path)
        .map_err(|e| Error::usage(format!("cannot read {}: {}", path.display(), io_reason(&e))))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::usage(format!("cannot read {}: {}", path.display(), io_reason(&e))))?;
    if bytes.len() as u64 > limit {
        return Err(Error::usage(format!(
            "{} is larger than {} bytes; is it the right file?",
            path.display(),
            limit
        )));
    }
    Ok(bytes)
}

/// An I/O error's reason without the Rust debug dump.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}
