//! What a new user meets first: pipes closed early, help, JSON discipline,
//! `config` sources, warnings about secrets on the command line.

mod common;

use std::io::Read;
use std::process::Stdio;

use common::cli_std;

/// Runs the CLI with stdout on a pipe whose reader takes `keep` bytes and
/// goes away (`| head -c N`); returns (exit code, stderr).
fn with_stdout_closed_after(args: &[&str], keep: usize) -> (Option<i32>, String) {
    let (mut reader, writer) = std::io::pipe().unwrap();
    let mut child = cli_std()
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = vec![0u8; keep];
    reader.read_exact(&mut head).unwrap();
    drop(reader);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_stdout_is_a_quiet_end() {
    // Longer than a pipe's buffer, so the writes after `head` left fail.
    for args in [
        &["completions", "bash"][..],
        &["completions", "zsh"],
        &["man"],
        &["--help"],
    ] {
        let (code, stderr) = with_stdout_closed_after(args, 10);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    // Closed before anything was written.
    for args in [
        &["man"][..],
        &["completions", "fish"],
        &["config"],
        &["-o", "json", "config"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = cli_std()
            .args(args)
            .stdin(Stdio::null())
            .stdout(writer)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            stderr.is_empty() || !stderr.contains("error"),
            "{args:?}: {stderr}"
        );
    }
}
