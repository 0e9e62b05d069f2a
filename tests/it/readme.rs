//! The README's examples that can run offline, run as written: blocks after
//! `<!-- readme-test: background -->` start in the background (the first
//! terminal), blocks after `<!-- readme-test: run -->` run in order in one
//! shell (the second terminal), with `alipay-oauth` on PATH and a scripted
//! browser as BROWSER. `.ci/run` runs the README's first command itself.

use crate::common;

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

struct Blocks {
    background: Vec<String>,
    run: Vec<String>,
}

fn blocks(readme: &str) -> Blocks {
    let mut out = Blocks {
        background: Vec::new(),
        run: Vec::new(),
    };
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        let kind = match line.trim() {
            "<!-- readme-test: background -->" => 'b',
            "<!-- readme-test: run -->" => 'r',
            _ => continue,
        };
        let fence = lines.next().unwrap_or_default();
        assert!(
            fence.starts_with("```"),
            "a marked block starts with a fence, not {fence:?}"
        );
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        let body = body.join("\n");
        if kind == 'b' {
            out.background.push(body);
        } else {
            out.run.push(body);
        }
    }
    out
}

#[test]
fn readme_starts_with_the_two_setup_commands() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let first: Vec<&str> = readme
        .lines()
        .skip_while(|l| !l.starts_with("```"))
        .take(4)
        .collect();
    assert_eq!(
        first,
        vec![
            "```sh",
            "cargo run --release -- demo",
            "bash .ci/test",
            "```"
        ]
    );
    let run =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run")).unwrap();
    assert!(
        run.contains("cargo run --release -- demo"),
        ".ci/run runs the first command as written"
    );
    assert!(
        run.contains("bash .ci/test"),
        ".ci/run runs the test command"
    );
}

#[test]
fn readme_examples_run_as_written() {
    if !common::have("jq") {
        common::skip("jq");
        return;
    }
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let blocks = blocks(&readme);
    assert!(!blocks.run.is_empty() && !blocks.background.is_empty());
    if std::net::TcpListener::bind("127.0.0.1:9966").is_err() {
        panic!("port 9966 (the emulator's default, used by the README) is busy");
    }

    // The examples run from the repository's root: `tests/data/...` resolves.
    let root = common::tempdir();
    let work = root.path().join("work");
    std::fs::create_dir(&work).unwrap();
    std::os::unix::fs::symlink(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"),
        work.join("tests"),
    )
    .unwrap();
    let bin_dir = common::bin_path().parent().unwrap().to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let browser = format!(
        "python3 {}",
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/helpers/browser.py")
            .display()
    );
    let shell = |script: &str| {
        let mut c = common::cli_std_program("bash");
        c.args(["-euo", "pipefail", "-c", script])
            .current_dir(&work)
            .env("PATH", &path)
            .env("BROWSER", &browser);
        c
    };

    let mut background = Vec::new();
    for script in &blocks.background {
        let log = std::fs::File::create(root.path().join("background.log")).unwrap();
        let child = shell(script)
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .process_group(0)
            .spawn()
            .unwrap();
        background.push(child);
    }
    let ready = Instant::now() + Duration::from_secs(90);
    let http = reqwest::blocking::Client::builder()
        .no_proxy()
        .build()
        .unwrap();
    while http
        .get("http://127.0.0.1:9966/__emulator/health")
        .send()
        .is_err()
    {
        assert!(
            Instant::now() < ready,
            "the background block did not start the emulator: {}",
            std::fs::read_to_string(root.path().join("background.log")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(200));
    }

    let out = shell(&blocks.run.join("\n"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    // After every section: the stored login still refreshes and answers.
    let after = shell(
        "export ALIPAY_ENV=emulator ALIPAY_APP_ID=2021000000000000\n\
         export ALIPAY_PRIVATE_KEY_FILE=app.key ALIPAY_PUBLIC_KEY_FILE=alipay.pub\n\
         alipay-oauth exchange --refresh -o json | jq -e .access_token >/dev/null\n\
         alipay-oauth userinfo -o json | jq -e .subject",
    )
    .stdin(Stdio::null())
    .output()
    .unwrap();
    for child in &background {
        // SAFETY: signalling the process group we started.
        unsafe {
            libc::kill(-(child.id() as i32), libc::SIGTERM);
        }
    }
    for mut child in background {
        let _ = child.wait();
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "README examples failed:\n{stdout}\n{stderr}"
    );
    // What the examples should have shown.
    assert!(stdout.contains("✓ live call"), "{stdout}");
    assert!(stdout.contains("logged in as 沙箱用户"), "{stdout}");
    // The cookbook: call's JSON node, its exit 4, and the curl command's answer verified.
    assert!(stdout.lines().any(|l| l == "沙箱用户"), "{stdout}");
    assert!(stdout.contains("exit 4"), "{stdout}");
    assert!(
        stdout.contains("valid RSA2 signature of error_response"),
        "{stdout}"
    );
    assert!(stderr.contains("live signature"), "{stderr}");
    let vectors = common::data_vectors();
    let first = vectors["request_signatures"][0]["expected_sign"]
        .as_str()
        .unwrap();
    assert!(
        stdout.contains(first),
        "the first request vector's signature: {stdout}"
    );
    // The CI recipe used the stored login of the quick start.
    assert!(
        stdout.contains(" until "),
        "status lists the login: {stdout}"
    );
    assert!(stdout.contains("· current"), "status: {stdout}");

    // Run in order, the sections leave the stored login working: it still
    // refreshes (its refresh token was never spent outside the store) and
    // answers for the user (checked above, before the emulator stopped).
    assert!(
        after.status.success(),
        "the stored login after the README:\n{}\n{}",
        String::from_utf8_lossy(&after.stdout),
        String::from_utf8_lossy(&after.stderr)
    );
}

#[test]
fn the_demo_runs() {
    let out = common::cli()
        .arg("demo")
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for n in 1..=9 {
        assert!(text.contains(&format!("[{n}/9]")), "step {n}: {text}");
    }
    assert!(text.contains("✓ logged in"));
    let out = common::cli().args(["demo", "-o", "json"]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["steps"].as_array().unwrap().len(), 9);
    assert_eq!(doc["user"]["nickname"], "沙箱用户");
    // Keys a program can use: snake_case, not the human labels.
    for step in doc["steps"].as_array().unwrap() {
        for key in step["details"].as_object().unwrap().keys() {
            assert!(
                !key.is_empty()
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{key:?} in {step}"
            );
        }
    }
    assert!(
        doc["steps"][4]["details"]["string_to_sign"]
            .as_str()
            .unwrap()
            .contains("method=alipay.system.oauth.token")
    );
}
