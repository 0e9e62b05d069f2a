//! Shared helpers of the integration tests: the real binary with an isolated
//! environment, the conformance data, external tools, and skips that CI
//! turns into failures.
#![allow(dead_code)]

pub mod key_pool;

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;
use std::sync::OnceLock;

pub use assert_cmd::Command;

/// Set by `.ci/run`: every skip becomes a failure.
pub const STRICT_VAR: &str = "ALIPAY_OAUTH_TEST_STRICT";

/// True when skips are forbidden.
pub fn strict() -> bool {
    std::env::var_os(STRICT_VAR).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Skips a test (with a visible message) because `what` is missing, or fails
/// it when skips are forbidden.
pub fn skip(what: &str) {
    if strict() {
        panic!("{what} is missing and {STRICT_VAR} forbids skipping");
    }
    eprintln!("SKIPPED: {what} is missing");
}

/// The project's own vectors, keys and certificates (`tests/data`).
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// A file of `tests/data`, as an argument.
pub fn data_file(name: &str) -> String {
    data_dir().join(name).to_string_lossy().into_owned()
}

/// `tests/data/vectors.json`.
pub fn data_vectors() -> serde_json::Value {
    let text = std::fs::read_to_string(data_dir().join("vectors.json")).expect("vectors.json");
    serde_json::from_str(&text).expect("vectors.json is JSON")
}

/// `../shared/conformance` (the shared set, beside the repository in CI), when present.
pub fn conformance_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance");
    dir.join("vectors.json").is_file().then_some(dir)
}

/// A scratch directory for the whole test process (config home, key files).
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("tempdir"))
        .path()
}

/// A fresh directory.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

pub fn bin_path() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_alipay-oauth"))
}

/// The real binary with no `ALIPAY_*` variables from the caller and an empty
/// home, so that no user config or token store leaks into a test.
pub fn cli() -> Command {
    let mut cmd = Command::new(bin_path());
    for (k, v) in isolate_env() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd
}

/// Another program run with the same isolation (a helper that runs the CLI).
pub fn cli_std_program(program: &str) -> StdCommand {
    let mut cmd = StdCommand::new(program);
    isolate(&mut cmd);
    cmd
}

/// The same isolation for a plain `std::process::Command`.
pub fn cli_std() -> StdCommand {
    let mut cmd = StdCommand::new(bin_path());
    isolate(&mut cmd);
    cmd
}

fn isolate_env() -> Vec<(String, Option<String>)> {
    let mut vars: Vec<(String, Option<String>)> = std::env::vars()
        .filter(|(k, _)| {
            k.starts_with("ALIPAY_")
                || k == "BROWSER"
                || k.ends_with("_PROXY")
                || k.ends_with("_proxy")
        })
        .map(|(k, _)| (k, None))
        .collect();
    let home = scratch().join("home");
    let _ = std::fs::create_dir_all(&home);
    let home = home.to_string_lossy().into_owned();
    vars.push(("HOME".into(), Some(home.clone())));
    vars.push(("XDG_CONFIG_HOME".into(), Some(format!("{home}/.config"))));
    vars.push(("XDG_DATA_HOME".into(), Some(format!("{home}/.local/share"))));
    vars.push((
        "XDG_STATE_HOME".into(),
        Some(format!("{home}/.local/state")),
    ));
    vars.push(("NO_COLOR".into(), Some("1".into())));
    vars.push(("RUST_BACKTRACE".into(), Some("0".into())));
    vars
}

fn isolate(cmd: &mut StdCommand) {
    for (k, v) in isolate_env() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
}

/// True when a tool answers `--version` (or `version`).
pub fn have(tool: &str) -> bool {
    StdCommand::new(tool)
        .arg("version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
        || StdCommand::new(tool)
            .arg("--version")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
}

/// `openssl`, or a skip.
pub fn openssl() -> Option<&'static str> {
    if have("openssl") {
        Some("openssl")
    } else {
        skip("openssl");
        None
    }
}

/// Checks what every failing run must look like: the documented exit code,
/// one line on stderr that names the problem, no panic, no debug dump.
pub fn assert_clean_failure(output: &std::process::Output, code: i32, needle: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(code),
        "exit code; stderr: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "panic: {stderr}");
    assert!(
        !stderr.contains("Error {") && !stderr.contains("Os {"),
        "debug dump: {stderr}"
    );
    let error_lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(error_lines.len(), 1, "one error line expected: {stderr}");
    assert!(
        stderr.to_lowercase().contains(&needle.to_lowercase()),
        "stderr should mention {needle:?}: {stderr}"
    );
}

/// The version of the official Python SDK the interop tests install.
pub const PYTHON_SDK: &str = "alipay-sdk-python==3.7.1411";

/// A Python interpreter with the official Alipay SDK, from a virtualenv the
/// tests create once and keep under the target directory; or a skip.
/// `ALIPAY_OAUTH_TEST_PYTHON` may name an interpreter that already has it.
pub fn python_sdk() -> Option<PathBuf> {
    static PYTHON: OnceLock<Option<PathBuf>> = OnceLock::new();
    PYTHON
        .get_or_init(|| {
            prepare_venv(
                "python-sdk-venv",
                PYTHON_SDK,
                "import alipay.aop.api.util.SignatureUtils",
                "ALIPAY_OAUTH_TEST_PYTHON",
            )
            .map_err(|why| eprintln!("python SDK unavailable: {why}"))
            .ok()
        })
        .clone()
        .or_else(|| {
            skip("the official Python SDK (alipay-sdk-python)");
            None
        })
}

/// The version of the official global SDK (Antom / Alipay+) the tests install.
pub const GLOBAL_SDK: &str = "global-open-sdk-python==1.7.1";

/// A Python interpreter with the official global SDK (`global-open-sdk-python`),
/// from its own cached virtualenv; or a skip. `ALIPAY_OAUTH_TEST_GLOBAL_PYTHON`
/// may name an interpreter that already has it.
pub fn global_sdk() -> Option<PathBuf> {
    static PYTHON: OnceLock<Option<PathBuf>> = OnceLock::new();
    PYTHON
        .get_or_init(|| {
            prepare_venv(
                "global-sdk-venv",
                GLOBAL_SDK,
                "import com.alipay.ams.api.tools.signature_tool",
                "ALIPAY_OAUTH_TEST_GLOBAL_PYTHON",
            )
            .map_err(|why| eprintln!("global SDK unavailable: {why}"))
            .ok()
        })
        .clone()
        .or_else(|| {
            skip("the official global SDK (global-open-sdk-python)");
            None
        })
}

fn imports(python: &Path, check: &str) -> bool {
    StdCommand::new(python)
        .args(["-c", check])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs a command, turning a failure into its stderr.
fn run_ok(cmd: &mut StdCommand) -> Result<(), String> {
    cmd.output().map_err(|e| e.to_string()).and_then(|o| {
        if o.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&o.stderr).into_owned())
        }
    })
}

/// A virtualenv under the target directory with `requirement` installed.
fn prepare_venv(
    name: &str,
    requirement: &str,
    check: &str,
    override_var: &str,
) -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os(override_var) {
        let p = PathBuf::from(p);
        return if imports(&p, check) {
            Ok(p)
        } else {
            Err(format!("{} lacks {requirement}", p.display()))
        };
    }
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let python = venv.join("bin/python");
    // Test binaries run in parallel: one of them builds the venv.
    std::fs::create_dir_all(env!("CARGO_TARGET_TMPDIR")).map_err(|e| e.to_string())?;
    let lock_file =
        std::fs::File::create(venv.with_extension("lock")).map_err(|e| e.to_string())?;
    lock_file.lock().map_err(|e| e.to_string())?;
    if imports(&python, check) {
        return Ok(python);
    }
    run_ok(StdCommand::new("python3").args(["-m", "venv"]).arg(&venv))?;
    run_ok(StdCommand::new(&python).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        requirement,
    ]))?;
    if imports(&python, check) {
        Ok(python)
    } else {
        Err(format!("{requirement} did not import after installing"))
    }
}

/// The version of the official Node SDK the tests install.
pub const NODE_SDK: &str = "alipay-sdk@4.14.0";

/// A `node_modules` directory holding the official Node SDK, installed once
/// with npm under the target directory; or a skip.
pub fn node_sdk() -> Option<PathBuf> {
    static NODE: OnceLock<Option<PathBuf>> = OnceLock::new();
    NODE.get_or_init(|| {
        prepare_node_sdk()
            .map_err(|why| eprintln!("Node SDK unavailable: {why}"))
            .ok()
    })
    .clone()
    .or_else(|| {
        skip("node with the official Node SDK (alipay-sdk)");
        None
    })
}

fn prepare_node_sdk() -> Result<PathBuf, String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("node-sdk");
    let modules = dir.join("node_modules");
    let installed = || {
        StdCommand::new("node")
            .arg("-e")
            .arg("require('alipay-sdk')")
            .env("NODE_PATH", &modules)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let lock_file = std::fs::File::create(dir.with_extension("lock")).map_err(|e| e.to_string())?;
    lock_file.lock().map_err(|e| e.to_string())?;
    if installed() {
        return Ok(modules);
    }
    if !dir.join("package.json").is_file() {
        std::fs::write(dir.join("package.json"), "{\"private\":true}\n")
            .map_err(|e| e.to_string())?;
    }
    run_ok(
        StdCommand::new("npm")
            .args([
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--no-save",
                NODE_SDK,
            ])
            .current_dir(&dir),
    )?;
    if installed() {
        Ok(modules)
    } else {
        Err(format!("{NODE_SDK} did not load after installing"))
    }
}

/// Runs a helper program on a batch of operations (JSON on stdin, a JSON
/// array on stdout).
pub fn run_helper(mut cmd: StdCommand, ops: &serde_json::Value) -> Vec<serde_json::Value> {
    use std::io::Write;
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the helper runs");
    let input = serde_json::to_vec(ops).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "helper: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("helper output is JSON")
}

/// Runs the SDK helper on a batch of operations.
pub fn run_sdk(python: &Path, ops: &serde_json::Value) -> Vec<serde_json::Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/sdk_helper.py");
    let mut cmd = StdCommand::new(python);
    cmd.arg(script);
    run_helper(cmd, ops)
}

/// Keys made once per test process (with the library) and kept in files:
/// (app private key PEM, app public key PEM, Alipay private key PEM, Alipay public key PEM).
pub fn test_keys() -> &'static (PathBuf, PathBuf, PathBuf, PathBuf) {
    use alipay_oauth::sign::PrivateKey;
    use alipay_oauth::sign::key::{KeyFormat, to_pem};
    static KEYS: OnceLock<(PathBuf, PathBuf, PathBuf, PathBuf)> = OnceLock::new();
    KEYS.get_or_init(|| {
        let write = |name: &str, key: &PrivateKey| {
            let private = scratch().join(format!("{name}.key"));
            let public = scratch().join(format!("{name}.pub"));
            std::fs::write(
                &private,
                to_pem(&key.to_der(KeyFormat::Pkcs8).unwrap(), "PRIVATE KEY"),
            )
            .unwrap();
            std::fs::write(
                &public,
                to_pem(
                    &key.public_key().to_der(KeyFormat::Spki).unwrap(),
                    "PUBLIC KEY",
                ),
            )
            .unwrap();
            (private, public)
        };
        let (a, b) = write("app", &PrivateKey::generate(2048).unwrap());
        let (c, d) = write("alipay", &PrivateKey::generate(2048).unwrap());
        (a, b, c, d)
    })
}

/// A real `alipay-oauth emulator` process on a free loopback port.
pub struct EmulatorProc {
    child: std::process::Child,
    pub base: String,
    pub app_id: String,
    pub app_key: PathBuf,
    pub app_pub: PathBuf,
    pub alipay_pub: PathBuf,
    pub dir: tempfile::TempDir,
    pub startup: serde_json::Value,
}

pub const APP_ID: &str = "2021000000000000";

impl EmulatorProc {
    /// Starts an emulator for the test app with extra emulator arguments.
    pub fn start(extra: &[&str]) -> EmulatorProc {
        Self::start_with(extra, |_| {})
    }

    /// The same, with the command adjusted before it runs (limits, ...).
    pub fn start_with(extra: &[&str], configure: impl FnOnce(&mut StdCommand)) -> EmulatorProc {
        let (app_key, app_pub, alipay_key, alipay_pub) = test_keys().clone();
        let dir = tempdir();
        let log = std::fs::File::create(dir.path().join("emulator.log")).unwrap();
        let mut cmd = cli_std();
        cmd.args(["emulator", "--port", "0", "-o", "json", "--threads", "8"])
            .arg("--app-public-key-file")
            .arg(&app_pub)
            .arg("--alipay-private-key-file")
            .arg(&alipay_key)
            .args(extra)
            .stdout(std::process::Stdio::piped())
            .stderr(log);
        configure(&mut cmd);
        let mut child = cmd.spawn().expect("the emulator starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            use std::io::BufRead;
            let mut line = String::new();
            let _ = std::io::BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        // Generous: a certificate-mode start makes keys and certificates,
        // which took over 60 s on a 2-core machine loaded by parallel tests.
        let line = rx
            .recv_timeout(std::time::Duration::from_secs(180))
            .expect("the emulator prints its address");
        let startup: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|_| {
            let log = std::fs::read_to_string(dir.path().join("emulator.log")).unwrap_or_default();
            panic!("the emulator did not start: {line:?} {log}")
        });
        EmulatorProc {
            child,
            base: startup["base_url"].as_str().unwrap().to_string(),
            app_id: APP_ID.into(),
            app_key,
            app_pub,
            alipay_pub,
            dir,
            startup,
        }
    }

    pub fn gateway(&self) -> String {
        format!("{}/gateway.do", self.base)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The emulator's stderr so far (its request log).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("emulator.log")).unwrap_or_default()
    }

    pub fn authorize(&self) -> String {
        format!("{}/oauth2/publicAppAuthorize.htm", self.base)
    }

    pub fn token_dir(&self) -> PathBuf {
        self.dir.path().join("tokens")
    }

    /// Global arguments pointing a client at this emulator.
    pub fn client_args(&self) -> Vec<String> {
        vec![
            "--gateway".into(),
            self.gateway(),
            "--authorize-url".into(),
            self.authorize(),
            "--app-id".into(),
            self.app_id.clone(),
            "--private-key-file".into(),
            self.app_key.to_string_lossy().into_owned(),
            "--alipay-public-key-file".into(),
            self.alipay_pub.to_string_lossy().into_owned(),
            "--token-dir".into(),
            self.token_dir().to_string_lossy().into_owned(),
        ]
    }

    /// The CLI aimed at this emulator.
    pub fn cli(&self) -> Command {
        let mut c = cli();
        c.args(self.client_args());
        c
    }

    /// Logs in through the authorization page (agreeing on the consent
    /// screen as `user` when there is one) and returns the auth code.
    pub fn auth_code_for(&self, app_id: &str, scope: &str, user: usize) -> String {
        let mut url = url::Url::parse(&self.authorize()).unwrap();
        url.query_pairs_mut()
            .append_pair("app_id", app_id)
            .append_pair("scope", scope)
            .append_pair("redirect_uri", "http://127.0.0.1:1/callback")
            .append_pair("state", "test-state");
        let location = self.follow_authorization(url.as_str(), user);
        let url = url::Url::parse(&location).unwrap();
        url.query_pairs()
            .find(|(k, _)| k == "auth_code")
            .map(|(_, v)| v.into_owned())
            .expect("auth_code in the redirect")
    }

    /// Follows an authorization URL, agreeing as `user` on the consent
    /// screen if there is one, and returns the callback URL Alipay redirects
    /// to (without visiting it).
    pub fn follow_authorization(&self, auth_url: &str, user: usize) -> String {
        let browser = http_client();
        let mut resp = browser.get(auth_url).send().unwrap();
        if resp.status() == 200 {
            let html = resp.text().unwrap();
            let id = consent_request_id(&html);
            resp = self.answer_consent(&id, user, "agree");
        }
        assert_eq!(resp.status(), 302, "authorization redirects");
        resp.headers()["location"].to_str().unwrap().to_string()
    }

    /// Posts the consent form.
    pub fn answer_consent(
        &self,
        request_id: &str,
        user: usize,
        decision: &str,
    ) -> reqwest::blocking::Response {
        http_client()
            .post(format!("{}/oauth2/consent", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!(
                "request_id={request_id}&user={user}&decision={decision}"
            ))
            .send()
            .unwrap()
    }

    pub fn auth_code(&self, scope: &str) -> String {
        self.auth_code_for(&self.app_id, scope, 0)
    }

    /// Queues a fault through the admin endpoint.
    pub fn fault(&self, spec: &str, count: u32) {
        let resp = http_client()
            .post(format!("{}/__emulator/faults", self.base))
            .header("content-type", "application/json")
            .body(serde_json::json!({"fault": spec, "count": count}).to_string())
            .send()
            .unwrap();
        assert_eq!(resp.status(), 200, "{}", resp.text().unwrap_or_default());
    }

    pub fn health(&self) -> serde_json::Value {
        http_client()
            .get(format!("{}/__emulator/health", self.base))
            .send()
            .and_then(|r| r.text())
            .map(|t| serde_json::from_str(&t).unwrap())
            .unwrap()
    }
}

impl Drop for EmulatorProc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The JSON document on stdout of a run that must have succeeded.
pub fn ok_json(out: &std::process::Output) -> serde_json::Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("stdout is JSON: {}", String::from_utf8_lossy(&out.stdout)))
}

/// A loopback port with nothing listening on it (bound, then released).
pub fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// An HTTP client that follows no redirects and uses no proxy.
pub fn http_client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .unwrap()
}

/// The request id in the emulator's consent form.
pub fn consent_request_id(html: &str) -> String {
    html.split("name=\"request_id\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a consent form")
        .to_string()
}

/// Fails if any of `secrets` appears in the output of a run.
pub fn assert_no_secrets(output: &std::process::Output, secrets: &[&str]) {
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    for s in secrets {
        if s.len() >= 8 {
            assert!(!all.contains(s), "secret {s:?} leaked in: {all}");
        }
    }
}

/// The text of every private key, token and code a test handled, for scans.
pub fn key_secrets() -> Vec<String> {
    let (app_key, _, alipay_key, _) = test_keys();
    let mut out = Vec::new();
    for p in [app_key, alipay_key] {
        let pem = std::fs::read_to_string(p).unwrap();
        // Any base64 line of the key body.
        out.extend(
            pem.lines()
                .filter(|l| !l.starts_with("-----"))
                .map(str::to_string),
        );
    }
    out
}

/// xorshift64: deterministic, so a failing case can be replayed from its seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn pick_str(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
}

/// Standard output as JSON, whatever the exit status.
pub fn stdout_json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "stdout is JSON: {} / {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// Standard error as the one JSON error document.
pub fn stderr_json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|_| panic!("stderr is JSON: {}", String::from_utf8_lossy(&out.stderr)))
}

/// A path as an argument.
pub fn s(p: &std::path::Path) -> String {
    p.to_string_lossy().into_owned()
}
