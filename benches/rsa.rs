//! RSA-2048 sign and verify throughput of the signing core (AWS-LC through
//! aws-lc-rs), beside `openssl speed rsa2048` in the same run and the
//! official Python SDK.
//!
//! Run: `cargo bench --bench rsa` (add `-- --seconds 5` for longer runs).
//! Single-threaded figures, per core. The signature path measured is the
//! one every request takes: SHA-256 of a typical string to sign, then a
//! blinded PKCS#1 v1.5 signature, base64-encoded; verification includes the
//! base64 decoding of the signature.

use std::process::Command;
use std::time::{Duration, Instant};

use alipay_oauth::sign::algorithm::{self, SignType};
use alipay_oauth::sign::{Charset, Params, PrivateKey, sign_params};

/// Calls `f` repeatedly for about `secs` seconds; returns calls per second.
fn rate(secs: f64, mut f: impl FnMut()) -> f64 {
    f(); // warm up
    let budget = Duration::from_secs_f64(secs);
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < budget {
        f();
        n += 1;
    }
    n as f64 / start.elapsed().as_secs_f64()
}

fn typical_params() -> Params {
    Params::from_pairs([
        ("app_id", "2021000000000000"),
        ("method", "alipay.system.oauth.token"),
        ("format", "JSON"),
        ("charset", "utf-8"),
        ("sign_type", "RSA2"),
        ("timestamp", "2024-01-02 03:04:05"),
        ("version", "1.0"),
        ("grant_type", "authorization_code"),
        ("code", "4b203fe6c11548bcabd8da5bb087a83b"),
    ])
    .unwrap()
}

/// `openssl speed` figures (sign/s, verify/s) for rsa2048 on one core.
fn openssl_speed(secs: u32) -> Option<(f64, f64)> {
    let out = Command::new("openssl")
        .args(["speed", "-seconds", &secs.to_string(), "rsa2048"])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.starts_with("rsa 2048 bits"))?;
    let nums: Vec<f64> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    // "rsa 2048 bits 0.000277s 0.000017s 3614.0 60091.7": the last two are sign/s, verify/s.
    (nums.len() >= 3).then(|| (nums[nums.len() - 2], nums[nums.len() - 1]))
}

/// The official Python SDK's sign_with_rsa2 / verify_with_rsa rates.
fn python_sdk(secs: f64, pkcs1_b64: &str, spki_b64: &str) -> Option<(f64, f64)> {
    let venv = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/tmp/python-sdk-venv/bin/python");
    let script = format!(
        r#"
import time
from alipay.aop.api.util.SignatureUtils import sign_with_rsa2, verify_with_rsa
k, p, c = "{k}", "{p}", "app_id=2021000000000000&charset=utf-8&code=4b203fe6c11548bcabd8da5bb087a83b&format=JSON&grant_type=authorization_code&method=alipay.system.oauth.token&sign_type=RSA2&timestamp=2024-01-02 03:04:05&version=1.0"
def rate(f):
    f(); n = 0; t = time.perf_counter()
    while time.perf_counter() - t < {secs}:
        f(); n += 1
    return n / (time.perf_counter() - t)
s = sign_with_rsa2(k, c, "utf-8")
print(rate(lambda: sign_with_rsa2(k, c, "utf-8")), rate(lambda: verify_with_rsa(p, c.encode(), s)))
"#,
        k = pkcs1_b64,
        p = spki_b64,
    );
    let out = Command::new(venv).args(["-c", &script]).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let nums: Vec<f64> = text
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (nums.len() == 2).then(|| (nums[0], nums[1]))
}

/// Mean wall time (ms) and the largest peak RSS (KiB) of `runs` runs of a
/// whole process, its stdin fed from `input`.
// The child is reaped by `wait4` (for its own rusage), which clippy cannot see.
#[allow(clippy::zombie_processes)]
/// Mean wall ms, mean CPU ms (user + system, from wait4: unlike wall time it
/// does not grow when other processes share the cores) and peak RSS KiB.
fn process_cost(
    runs: usize,
    program: &std::path::Path,
    args: &[&str],
    input: &[u8],
) -> (f64, f64, i64) {
    use std::io::Write;
    let mut total = Duration::ZERO;
    let mut cpu = Duration::ZERO;
    let mut peak = 0;
    for _ in 0..runs {
        let start = Instant::now();
        // Reaped by wait4 below, which also gives its peak RSS.
        #[allow(clippy::zombie_processes)]
        let mut child = Command::new(program)
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the process starts");
        child.stdin.take().unwrap().write_all(input).unwrap();
        // wait4 gives this child's own peak RSS (getrusage's children
        // figure is a maximum over all of them).
        let mut status = 0;
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let pid = child.id() as libc::pid_t;
        let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        assert_eq!(waited, pid);
        total += start.elapsed();
        assert!(
            libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
            "{} failed",
            program.display()
        );
        peak = peak.max(usage.ru_maxrss);
        for t in [usage.ru_utime, usage.ru_stime] {
            cpu += Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
        }
    }
    let per_run = |d: Duration| d.as_secs_f64() * 1000.0 / runs as f64;
    (per_run(total), per_run(cpu), peak)
}

/// `alipay-oauth sign` against `openssl dgst -sha256 -sign`, whole
/// processes: start-up, key loading, signing, output.
fn whole_processes(runs: usize, pem: &[u8], content: &str) {
    let dir = std::env::temp_dir().join(format!("alipay-oauth-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key_file = dir.join("app.key");
    std::fs::write(&key_file, pem).unwrap();
    let key_arg = key_file.to_str().unwrap();
    let ours = std::path::Path::new(env!("CARGO_BIN_EXE_alipay-oauth"));
    // Start-up alone: what the binary does before `main`'s work.
    let (startup_ms, startup_cpu, startup_kib) = process_cost(runs, ours, &["--version"], b"");
    let (sign_ms, sign_cpu, sign_kib) = process_cost(
        runs,
        ours,
        &["-q", "sign", "--private-key-file", key_arg, "--stdin", "form"],
        b"app_id=2021000000000000&charset=utf-8&code=4b203fe6c11548bcabd8da5bb087a83b&format=JSON&grant_type=authorization_code&method=alipay.system.oauth.token&sign_type=RSA2&timestamp=2024-01-02+03%3A04%3A05&version=1.0",
    );
    println!("\nwhole processes, mean of {runs} runs     wall ms   CPU ms   peak RSS KiB");
    println!(
        "{:<40} {:>8.2} {:>8.2} {:>14}",
        "alipay-oauth --version", startup_ms, startup_cpu, startup_kib
    );
    println!(
        "{:<40} {:>8.2} {:>8.2} {:>14}",
        "alipay-oauth -q sign --stdin form", sign_ms, sign_cpu, sign_kib
    );
    if let Some(openssl) = which("openssl") {
        let (ossl_ms, ossl_cpu, ossl_kib) = process_cost(
            runs,
            &openssl,
            &["dgst", "-sha256", "-sign", key_arg],
            content.as_bytes(),
        );
        println!(
            "{:<40} {:>8.2} {:>8.2} {:>14}",
            "openssl dgst -sha256 -sign", ossl_ms, ossl_cpu, ossl_kib
        );
        println!(
            "ratio to openssl dgst: wall {:.2}x, CPU {:.2}x (target 0.6x), peak memory {:.2}x (target 1.0x)",
            sign_ms / ossl_ms,
            sign_cpu / ossl_cpu,
            sign_kib as f64 / ossl_kib as f64
        );
    } else {
        println!("openssl dgst: not available");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn which(tool: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| std::path::Path::new(d).join(tool))
        .find(|p| p.is_file())
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this
    // too, as a quick smoke test of the code paths.
    let args: Vec<String> = std::env::args().collect();
    let benching = args.iter().any(|a| a == "--bench");
    let secs: f64 = args
        .iter()
        .skip_while(|a| *a != "--seconds")
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(if benching { 3.0 } else { 0.02 });

    let key = PrivateKey::generate(2048).expect("key generation");
    let public = key.public_key();
    let params = typical_params();
    let content = params.sign_content(alipay_oauth::sign::Rule::V2);
    let signature = sign_params(&params, &key, SignType::Rsa2, Charset::Utf8)
        .unwrap()
        .sign;

    let ours_sign = rate(secs, || {
        std::hint::black_box(sign_params(&params, &key, SignType::Rsa2, Charset::Utf8).unwrap());
    });
    let ours_verify = rate(secs, || {
        algorithm::verify(&public, SignType::Rsa2, content.as_bytes(), &signature).unwrap();
    });

    let der = key
        .to_der(alipay_oauth::sign::key::KeyFormat::Pkcs1)
        .unwrap();

    println!("RSA-2048, one core, {secs} s per figure\n");
    println!("{:<44} {:>10} {:>11}", "", "sign/s", "verify/s");
    println!(
        "{:<44} {:>10.0} {:>11.0}",
        "alipay-oauth (AWS-LC via aws-lc-rs)", ours_sign, ours_verify
    );
    let speed = if benching {
        openssl_speed(secs.ceil() as u32)
    } else {
        None
    };
    if let Some((s, v)) = speed {
        println!("{:<44} {:>10.0} {:>11.0}", "openssl speed rsa2048", s, v);
    } else {
        println!("openssl speed rsa2048: not available");
    }
    let pkcs1_b64 = alipay_oauth::sign::key::to_bare(&der);
    let spki_b64 = alipay_oauth::sign::key::to_bare(
        &public
            .to_der(alipay_oauth::sign::key::KeyFormat::Spki)
            .unwrap(),
    );
    match python_sdk(secs, &pkcs1_b64, &spki_b64).filter(|_| benching) {
        Some((s, v)) => println!(
            "{:<44} {:>10.0} {:>11.0}",
            "official Python SDK (alipay-sdk-python)", s, v
        ),
        None => {
            println!("official Python SDK: not available (run the tests once to create its venv)")
        }
    }
    if let Some((s, v)) = speed {
        println!(
            "\nratio to openssl speed: sign {:.2}x, verify {:.2}x (target 0.9x)",
            ours_sign / s,
            ours_verify / v
        );
    }
    let runs = if benching { 200 } else { 2 };
    let pem = alipay_oauth::sign::key::to_pem(&der, "RSA PRIVATE KEY");
    whole_processes(runs, pem.as_bytes(), &content);
}
