//! What the interop tests share: a small deterministic generator, and pools
//! of openssl-made keys written in every shape keys arrive in.

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

/// One key pair, written by openssl in several shapes.
pub struct KeyFiles {
    pub pkcs8_pem: PathBuf,
    pub pkcs1_pem: PathBuf,
    pub pkcs8_der: PathBuf,
    pub pkcs1_der: PathBuf,
    pub spki_pem: PathBuf,
    /// The PEM bodies on one line, without headers.
    pub pkcs1_bare: PathBuf,
    pub pkcs8_bare: PathBuf,
    pub spki_bare: PathBuf,
}

pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

/// The base64 body of a PEM file on one line.
pub fn bare(p: &Path) -> String {
    read(p)
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect()
}

fn openssl_ok(args: &[&str]) {
    let out = StdCommand::new("openssl")
        .args(args)
        .output()
        .expect("openssl runs");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn make(dir: &Path, i: usize) -> KeyFiles {
    let p = |name: &str| dir.join(format!("{i}-{name}"));
    let f = KeyFiles {
        pkcs8_pem: p("pkcs8.pem"),
        pkcs1_pem: p("pkcs1.pem"),
        pkcs8_der: p("pkcs8.der"),
        pkcs1_der: p("pkcs1.der"),
        spki_pem: p("spki.pem"),
        pkcs1_bare: p("pkcs1.txt"),
        pkcs8_bare: p("pkcs8.txt"),
        spki_bare: p("spki.txt"),
    };
    let s = |p: &PathBuf| p.to_string_lossy().into_owned();
    let (pkcs8, pkcs1) = (s(&f.pkcs8_pem), s(&f.pkcs1_pem));
    let (pkcs8_der, pkcs1_der, spki) = (s(&f.pkcs8_der), s(&f.pkcs1_der), s(&f.spki_pem));
    let genpkey = [
        "genpkey",
        "-algorithm",
        "RSA",
        "-pkeyopt",
        "rsa_keygen_bits:2048",
    ];
    openssl_ok(&[&genpkey[..], &["-out", &pkcs8]].concat());
    openssl_ok(&["rsa", "-in", &pkcs8, "-traditional", "-out", &pkcs1]);
    openssl_ok(&["pkey", "-in", &pkcs8, "-outform", "DER", "-out", &pkcs8_der]);
    openssl_ok(&[
        "rsa",
        "-in",
        &pkcs8,
        "-traditional",
        "-outform",
        "DER",
        "-out",
        &pkcs1_der,
    ]);
    openssl_ok(&["pkey", "-in", &pkcs8, "-pubout", "-out", &spki]);
    for (pem, out) in [
        (&f.pkcs1_pem, &f.pkcs1_bare),
        (&f.pkcs8_pem, &f.pkcs8_bare),
        (&f.spki_pem, &f.spki_bare),
    ] {
        std::fs::write(out, bare(pem)).unwrap();
    }
    f
}

/// `n` fresh key pairs under the scratch directory's `name`, made on every
/// core (key generation dominates the interop tests' set-up).
pub fn make_keys(name: &str, n: usize) -> Vec<KeyFiles> {
    let dir = super::scratch().join(name);
    std::fs::create_dir_all(&dir).unwrap();
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .max(2);
    let per_thread = n.div_ceil(threads).max(1);
    let mut out: Vec<Option<KeyFiles>> = (0..n).map(|_| None).collect();
    std::thread::scope(|scope| {
        for (t, chunk) in out.chunks_mut(per_thread).enumerate() {
            let dir = &dir;
            scope.spawn(move || {
                for (j, slot) in chunk.iter_mut().enumerate() {
                    *slot = Some(make(dir, t * per_thread + j));
                }
            });
        }
    });
    out.into_iter().map(Option::unwrap).collect()
}
