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
    let child = cli_std()
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

/// Every argument and flag of every command says what it is.
#[test]
fn no_argument_has_an_empty_help() {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: &str, empty: &mut Vec<String>) {
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            if help.trim().is_empty() {
                empty.push(format!("{path} {}", arg.get_id()));
            }
        }
        for sub in cmd.get_subcommands() {
            if sub
                .get_about()
                .is_none_or(|a| a.to_string().trim().is_empty())
            {
                empty.push(format!("{path} {} (the command)", sub.get_name()));
            }
            walk(sub, &format!("{path} {}", sub.get_name()), empty);
        }
    }
    let mut cmd = alipay_oauth::cli::Cli::command();
    // As the binary sees it: global options propagated, help flags added.
    cmd.build();
    let mut empty = Vec::new();
    walk(&cmd, "alipay-oauth", &mut empty);
    assert!(empty.is_empty(), "no help for: {empty:#?}");
}

/// A command's own options come first; the global ones under their own
/// heading after them.
#[test]
fn global_options_have_their_own_heading() {
    for args in [&["authorize", "--help"][..], &["keys", "convert", "--help"]] {
        let out = common::cli().args(args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let own = text.find("Options:").expect("an Options heading");
        let global = text
            .find("Global options:")
            .expect("a Global options heading");
        assert!(own < global, "{text}");
        let own_section = &text[own..global];
        let global_section = &text[global..];
        assert!(!own_section.contains("--profile"), "{text}");
        assert!(global_section.contains("--profile") && global_section.contains("--app-id"));
    }
    let text = String::from_utf8_lossy(
        &common::cli()
            .args(["authorize", "--help"])
            .output()
            .unwrap()
            .stdout,
    )
    .into_owned();
    let own = &text[..text.find("Global options:").unwrap()];
    assert!(
        own.contains("--scope") && own.contains("--manual"),
        "{text}"
    );
    // The parent commands show examples too, and the fault list is whole.
    for args in [&["verify", "--help"][..], &["keys", "--help"]] {
        let out = common::cli().args(args).output().unwrap();
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Examples:"),
            "{args:?}"
        );
    }
    let out = common::cli().args(["emulator", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("wrong-cert-sn"));
}
