//! The generated completion scripts, driven in real shells: bash (its
//! completion function called as `complete -F` would), zsh (an interactive
//! shell on a pseudo-terminal, pressing Tab) and fish (`complete -C`). Each
//! completes a nested subcommand and a flag below the top level.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{cli, skip};

/// A command line (the cursor at its end) and what must be offered.
const CASES: &[(&str, &[&str])] = &[
    (
        "alipay-oauth keys ",
        &["generate", "convert", "cert-sn", "inspect"],
    ),
    (
        "alipay-oauth exchange --re",
        &["--refresh", "--refresh-token-stdin", "--request-timeout"],
    ),
    // A subcommand with a hyphen, two levels down.
    ("alipay-oauth keys cert-sn --r", &["--root"]),
    ("alipay-oauth verify response --me", &["--method"]),
];

/// The shell, or a skip (a failure under ALIPAY_OAUTH_TEST_STRICT).
fn shell(name: &str) -> Option<String> {
    let ok = Command::new(name)
        .args(["-c", "exit 0"])
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        Some(name.to_string())
    } else {
        skip(name);
        None
    }
}

/// Writes `alipay-oauth completions SHELL` to `dir/name`.
fn script(shell: &str, dir: &Path, name: &str) -> PathBuf {
    let out = cli().args(["completions", shell]).output().unwrap();
    assert!(out.status.success(), "completions {shell}");
    let path = dir.join(name);
    std::fs::write(&path, &out.stdout).unwrap();
    path
}

fn check(shell: &str, line: &str, offered: &[String], wanted: &[&str]) {
    for w in wanted {
        assert!(
            offered.iter().any(|o| o == w),
            "{shell}: completing {line:?} should offer {w}; it offered {offered:?}"
        );
    }
}

#[test]
fn bash_completes_below_the_top_level() {
    let Some(bash) = shell("bash") else { return };
    let dir = common::tempdir();
    let file = script("bash", dir.path(), "alipay-oauth.bash");
    // What bash does on Tab: the function registered with `complete -F`,
    // called with COMP_WORDS/COMP_CWORD set and (command, word, previous word).
    let driver = r#"
source "$1" || exit 3
spec=$(complete -p alipay-oauth) || exit 4
fn=${spec##* -F }; fn=${fn%% *}
read -r -a COMP_WORDS <<< "$2"
[[ $2 == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE=$2; COMP_POINT=${#2}
COMPREPLY=()
"$fn" alipay-oauth "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    for (line, wanted) in CASES {
        let out = Command::new(&bash)
            .args(["--norc", "--noprofile", "-c", driver, "bash"])
            .arg(&file)
            .arg(line)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let offered: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        check("bash", line, &offered, wanted);
    }
    // bash in POSIX mode (sh linked to bash) loads it too.
    let out = Command::new(&bash)
        .args(["--posix", "-c", "source \"$1\"", "sh"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn zsh_completes_below_the_top_level() {
    let Some(zsh) = shell("zsh") else { return };
    let dir = common::tempdir();
    script("zsh", dir.path(), "_alipay-oauth");
    let driver = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/helpers/zsh_complete.zsh");
    for (i, (line, wanted)) in CASES.iter().enumerate() {
        let capture = dir.path().join(format!("capture-{i}"));
        let out = Command::new(&zsh)
            .arg("-f")
            .arg(&driver)
            .env("COMP_DIR", dir.path())
            .env("CAPTURE", &capture)
            .env("LINE", line)
            .env("TERM", "dumb")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "zsh driver: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let offered: Vec<String> = std::fs::read_to_string(&capture)
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect();
        check("zsh", line, &offered, wanted);
    }
}

#[test]
fn fish_completes_below_the_top_level() {
    let Some(fish) = shell("fish") else { return };
    let dir = common::tempdir();
    let file = script("fish", dir.path(), "alipay-oauth.fish");
    for (line, wanted) in CASES {
        let out = Command::new(&fish)
            .args(["--no-config", "-c", "source $argv[1]; complete -C $argv[2]"])
            .arg(&file)
            .arg(line)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // Each candidate, then a tab and its description.
        let offered: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.split('\t').next().unwrap_or("").to_string())
            .collect();
        check("fish", line, &offered, wanted);
    }
}
