//! Signing and verification held against fixed vectors, through the library
//! and through the command line, plus tampered copies of each.
//!
//! Two sets run through the same checks:
//! - `data::*`: the project's own vectors in `tests/data/` (made with the
//!   official SDKs by `tests/data/generate.sh`), always;
//! - `shared::*`: the shared conformance set (real Alipay-signed data) in
//!   `../shared/conformance`, when it is beside the repository; reported as
//!   ignored when it is not, and failed under `ALIPAY_OAUTH_TEST_STRICT=1`.
//!
//! The harness is libtest-mimic's, so that "ignored" is decided at run time.

#[path = "it/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

use alipay_oauth::sign::form;
use alipay_oauth::sign::notify::{self, RuleChoice};
use alipay_oauth::sign::response::{self, SignatureStatus};
use alipay_oauth::sign::{
    Charset, Params, PrivateKey, PublicKey, Rule, SignType, algorithm, cert, sign_params,
};
use common::cli;
use libtest_mimic::{Arguments, Trial};
use serde_json::Value;

/// One vector set: its directory, the folder of its app keys, its JSON.
struct Set {
    dir: PathBuf,
    /// Where the app key shapes live, relative to `dir`.
    keys: &'static str,
    vectors: Value,
}

impl Set {
    fn load(dir: PathBuf, keys: &'static str) -> Set {
        let text = std::fs::read_to_string(dir.join("vectors.json"))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.join("vectors.json").display()));
        let vectors = serde_json::from_str(&text).expect("vectors.json is JSON");
        Set { dir, keys, vectors }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn arg(&self, name: &str) -> String {
        self.path(name).to_string_lossy().into_owned()
    }

    fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn key(&self, base: &str) -> String {
        format!("{}/{base}", self.keys)
    }

    /// The same app key in each shape the set holds.
    fn app_key_shapes(&self) -> Vec<String> {
        [
            "app-private-key.pem",
            "app-private-key-no-wrapper.pem",
            "app-private-key-pkcs8.pem",
            "app-private-key-pkcs8-no-wrapper.pem",
        ]
        .iter()
        .map(|b| self.key(b))
        .collect()
    }

    fn cases(&self, section: &str) -> &Vec<Value> {
        self.vectors[section]
            .as_array()
            .unwrap_or_else(|| panic!("no {section} in vectors.json"))
    }
}

fn str_of<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str().unwrap_or_else(|| panic!("{k} in {v}"))
}

/// The case's charset; the shared set is all UTF-8 and does not say.
fn charset_of(v: &Value) -> Charset {
    v.get("charset")
        .and_then(Value::as_str)
        .map_or(Charset::Utf8, |c| c.parse().unwrap())
}

fn params_of(v: &Value) -> Params {
    Params::from_pairs(
        v["params"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string())),
    )
    .unwrap()
}

fn encoded(charset: Charset, text: &str) -> Vec<u8> {
    charset.encode(text).unwrap().into_owned()
}

type Check = fn(&Set);

/// The checks, each run on every set.
const CHECKS: &[(&str, Check)] = &[
    ("request_signatures_library", request_signatures_library),
    ("request_signatures_cli", request_signatures_cli),
    (
        "request_signature_with_method_builds_the_same_request",
        request_signature_with_method_builds_the_same_request,
    ),
    ("gateway_responses_library", gateway_responses_library),
    ("gateway_responses_cli", gateway_responses_cli),
    ("notifications_library", notifications_library),
    ("notifications_cli", notifications_cli),
    (
        "openapi_v3_signature_cli_and_library",
        openapi_v3_signature_cli_and_library,
    ),
    (
        "keys_load_in_every_shape_and_pair_up",
        keys_load_in_every_shape_and_pair_up,
    ),
    (
        "certificate_sns_library_and_cli",
        certificate_sns_library_and_cli,
    ),
];

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();

    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for &(name, check) in CHECKS {
        let dir = data.clone();
        trials.push(Trial::test(format!("data::{name}"), move || {
            check(&Set::load(dir, "keys"));
            Ok(())
        }));
    }

    trials.push(Trial::test(
        "data::vectors_are_what_the_python_sdk_makes",
        vectors_are_what_the_python_sdk_makes,
    ));
    for (name, check) in DIALECT_CHECKS {
        trials.push(Trial::test(format!("data::{name}"), move || {
            check(&Dialects::load());
            Ok(())
        }));
    }
    trials.push(Trial::test(
        "data::dialect_vectors_are_what_the_global_sdk_makes",
        dialect_vectors_are_what_the_global_sdk_makes,
    ));

    // The shared set: an extra layer, present in CI.
    let shared = common::conformance_dir();
    let strict = common::strict();
    for &(name, check) in CHECKS {
        let trial = match shared.clone() {
            Some(dir) => Trial::test(format!("shared::{name}"), move || {
                check(&Set::load(dir, "fixtures"));
                Ok(())
            }),
            None if strict => Trial::test(format!("shared::{name}"), || {
                Err(format!(
                    "../shared/conformance is missing and {} forbids skipping",
                    common::STRICT_VAR
                )
                .into())
            }),
            None => Trial::test(format!("shared::{name}"), || {
                Err("../shared/conformance is missing".into())
            })
            .with_ignored_flag(true),
        };
        trials.push(trial);
    }
    if shared.is_none() && !strict {
        eprintln!("note: ../shared/conformance is missing: the shared::* trials are ignored");
    }
    libtest_mimic::run(&args, trials).exit();
}

fn request_signatures_library(set: &Set) {
    for case in set.cases("request_signatures") {
        let params = params_of(case);
        let sign_type: SignType = str_of(case, "sign_type").parse().unwrap();
        let charset = charset_of(case);
        for shape in set.app_key_shapes() {
            let key = PrivateKey::parse(&set.read(&shape)).unwrap();
            let signed = sign_params(&params, &key, sign_type, charset).unwrap();
            assert_eq!(
                signed.content,
                str_of(case, "expected_sign_content"),
                "{}",
                case["name"]
            );
            assert_eq!(
                signed.sign,
                str_of(case, "expected_sign"),
                "{} with {shape}",
                case["name"]
            );
        }
    }
}

fn request_signatures_cli(set: &Set) {
    for case in set.cases("request_signatures") {
        let charset = charset_of(case);
        let args: Vec<String> = params_of(case)
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        for shape in set.app_key_shapes() {
            let out = cli()
                .args(["sign", "-o", "json", "--private-key-file", &set.arg(&shape)])
                .args(&args)
                .output()
                .unwrap();
            let doc = common::ok_json(&out);
            assert_eq!(doc["sign_content"], case["expected_sign_content"]);
            assert_eq!(
                doc["sign"], case["expected_sign"],
                "{} with {shape}",
                case["name"]
            );
            assert_eq!(doc["sign_type"], case["sign_type"]);
            // The query carries every parameter and the signature, form-encoded
            // in the request's charset.
            let query = doc["query"].as_str().unwrap();
            let decoded = form::decode(query.as_bytes(), charset).unwrap();
            let sign = decoded.iter().find(|(k, _)| k == "sign").unwrap();
            assert_eq!(sign.1, str_of(case, "expected_sign"));
            assert_eq!(decoded.len(), case["params"].as_object().unwrap().len() + 1);
        }
        // The key text in ALIPAY_PRIVATE_KEY, one line with \n escapes, as CI secrets hold it.
        let pem = String::from_utf8(set.read(&set.key("app-private-key.pem"))).unwrap();
        let out = cli()
            .args(["sign", "-q"])
            .args(&args)
            .env("ALIPAY_PRIVATE_KEY", pem.trim().replace('\n', "\\n"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout).unwrap().trim(),
            str_of(case, "expected_sign")
        );
    }
}

fn request_signature_with_method_builds_the_same_request(set: &Set) {
    let case = &set.cases("request_signatures")[0];
    let p = &case["params"];
    assert_eq!(
        str_of(p, "charset"),
        "utf-8",
        "the first case is the plain one"
    );
    let out = cli()
        .args([
            "sign",
            "-q",
            "--private-key-file",
            &set.arg(&set.key("app-private-key.pem")),
        ])
        .args([
            "--method",
            str_of(p, "method"),
            "--app-id",
            str_of(p, "app_id"),
        ])
        .args(["--timestamp", str_of(p, "timestamp"), "format=json"])
        .arg(format!("grant_type={}", str_of(p, "grant_type")))
        .arg(format!("code={}", str_of(p, "code")))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        str_of(case, "expected_sign")
    );
}

/// Every copy of `content` with one byte changed.
fn tampered(content: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    (0..content.len()).map(move |i| {
        let mut c = content.to_vec();
        c[i] ^= if c[i] == b'"' || c[i] == b'{' || c[i] == b'}' {
            0x02
        } else {
            0x01
        };
        c
    })
}

/// The key a response case verifies with: the Alipay certificate's in
/// certificate mode, else the public key file.
fn response_key(set: &Set, case: &Value) -> PublicKey {
    match case.get("alipay_cert").and_then(Value::as_str) {
        Some(c) => cert::public_key(&set.read(c)).unwrap(),
        None => PublicKey::parse(&set.read(str_of(case, "alipay_public_key"))).unwrap(),
    }
}

/// Whether the SDKs found the response valid (the shared set says `valid`).
fn valid(case: &Value) -> bool {
    case["valid"].as_bool().unwrap()
}

fn node_of(case: &Value) -> String {
    case.get("node").and_then(Value::as_str).map_or_else(
        || response::node_name(str_of(case, "method")),
        str::to_string,
    )
}

fn gateway_responses_library(set: &Set) {
    for case in set.cases("gateway_responses") {
        let name = &case["name"];
        let key = response_key(set, case);
        let charset = charset_of(case);
        let body = encoded(charset, str_of(case, "body"));
        let method = str_of(case, "method");
        let content = encoded(charset, str_of(case, "expected_sign_content"));
        let checked = response::check(&body, Some(method), charset, SignType::Rsa2, &key).unwrap();
        assert_eq!(checked.extracted.content, content, "{name}");
        assert_eq!(checked.extracted.node, node_of(case), "{name}");
        assert_eq!(
            checked.extracted.alipay_cert_sn.as_deref(),
            case.get("alipay_cert_sn").and_then(Value::as_str),
            "{name}"
        );
        // Without the method the node is found by its suffix.
        let by_suffix = response::check(&body, None, charset, SignType::Rsa2, &key).unwrap();
        assert_eq!(by_suffix.extracted.node, node_of(case), "{name}");
        assert_eq!(by_suffix.status, checked.status, "{name}");

        if !valid(case) {
            // What the SDKs reject is never trusted: an invalid signature, or
            // an unsigned answer that may at most be reported as an error.
            match checked.verdict() {
                response::Verdict::Trusted(_) => panic!("{name} trusted"),
                response::Verdict::UnsignedError(_) => {
                    assert_eq!(case["signed"], false, "{name}");
                    assert_eq!(checked.status, SignatureStatus::Unsigned, "{name}");
                }
                response::Verdict::Rejected(_) => {
                    assert!(
                        matches!(checked.status, SignatureStatus::Invalid(_)),
                        "{name}: {:?}",
                        checked.status
                    );
                }
            }
            continue;
        }
        assert_eq!(
            checked.status,
            SignatureStatus::Valid {
                unescaped_slashes: false
            },
            "{name}"
        );
        assert!(
            matches!(checked.verdict(), response::Verdict::Trusted(_)),
            "{name}"
        );

        // Any single changed byte of the signed content is invalid.
        let start = body
            .windows(content.len())
            .position(|w| w == content.as_slice())
            .unwrap();
        let mut count = 0;
        for bad in tampered(&content) {
            let mut b = body.clone();
            b[start..start + content.len()].copy_from_slice(&bad);
            if let Ok(c) = response::check(&b, Some(method), charset, SignType::Rsa2, &key) {
                assert!(
                    !matches!(c.verdict(), response::Verdict::Trusted(_)),
                    "tampered copy accepted: {}",
                    String::from_utf8_lossy(&b)
                );
            }
            count += 1;
        }
        assert_eq!(count, content.len());
        // So is a changed signature, and one under the other hash.
        let sign = checked.extracted.sign.clone().unwrap();
        let mut raw = algorithm::decode_signature(&sign).unwrap();
        raw[100] ^= 1;
        assert!(algorithm::verify_raw(&key, SignType::Rsa2, &content, &raw).is_err());
        let checked = response::check(&body, Some(method), charset, SignType::Rsa, &key).unwrap();
        assert!(matches!(checked.status, SignatureStatus::Invalid(_)));
    }
}

/// `verify response` on a body, with the case's key or certificate.
fn verify_response(set: &Set, case: &Value, body: Vec<u8>) -> std::process::Output {
    let mut cmd = cli();
    cmd.args(["verify", "response", "-o", "json"]);
    match case.get("alipay_cert").and_then(Value::as_str) {
        Some(c) => cmd.args(["--alipay-cert-file", &set.arg(c)]),
        None => cmd.args([
            "--alipay-public-key-file",
            &set.arg(str_of(case, "alipay_public_key")),
        ]),
    };
    cmd.args(["--charset", charset_of(case).label()])
        .args(["--method", str_of(case, "method")])
        .write_stdin(body)
        .output()
        .unwrap()
}

fn gateway_responses_cli(set: &Set) {
    for case in set.cases("gateway_responses") {
        let name = &case["name"];
        let charset = charset_of(case);
        let body = str_of(case, "body");
        let out = verify_response(set, case, encoded(charset, body));
        let code = if valid(case) { 0 } else { 6 };
        assert_eq!(
            out.status.code(),
            Some(code),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["valid"], valid(case), "{name}");
        assert_eq!(doc["kind"], "response");
        assert_eq!(doc["node"], node_of(case).as_str(), "{name}");
        assert_eq!(
            doc["signed"],
            case.get("signed").cloned().unwrap_or(Value::Bool(true)),
            "{name}"
        );
        assert_eq!(doc["sign_content"], case["expected_sign_content"], "{name}");
        let node: Value = serde_json::from_str(str_of(case, "expected_sign_content")).unwrap();
        assert_eq!(
            doc["code"],
            node.get("code").cloned().unwrap_or(Value::Null)
        );
        assert_eq!(
            doc["sub_code"],
            node.get("sub_code").cloned().unwrap_or(Value::Null)
        );
        if !valid(case) {
            assert!(!doc["diagnosis"].as_array().unwrap().is_empty(), "{name}");
            let err: Value = serde_json::from_slice(&out.stderr).unwrap();
            assert_eq!(err["error"]["kind"], "signature", "{name}");
            continue;
        }
        assert_eq!(doc["diagnosis"], serde_json::json!([]), "{name}");
        assert_eq!(
            doc["alipay_cert_sn"],
            case.get("alipay_cert_sn").cloned().unwrap_or(Value::Null)
        );

        // A few tampered copies through the binary: exit 6, valid false.
        let content = str_of(case, "expected_sign_content");
        for pos in [0, 9, content.len() / 2, content.len() - 2] {
            let mut bad = content.as_bytes().to_vec();
            bad[pos] ^= 0x01;
            let Ok(bad) = std::str::from_utf8(&bad) else {
                continue; // inside a multi-byte character
            };
            let bad_body = body.replacen(content, bad, 1);
            let out = verify_response(set, case, encoded(charset, &bad_body));
            assert_eq!(out.status.code(), Some(6), "{name} tampered at {pos}");
            let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(doc["valid"], false);
            assert!(!doc["diagnosis"].as_array().unwrap().is_empty());
            let err: Value = serde_json::from_slice(&out.stderr).unwrap();
            assert_eq!(err["error"]["kind"], "signature");
        }
    }
}

fn notifications_library(set: &Set) {
    for case in set.cases("notifications") {
        let name = &case["name"];
        let key = PublicKey::parse(&set.read(str_of(case, "alipay_public_key"))).unwrap();
        let charset = charset_of(case);
        let from_params = params_of(case);
        let from_form =
            Params::from_pairs(form::decode(str_of(case, "form").as_bytes(), charset).unwrap())
                .unwrap();
        assert_eq!(from_params, from_form, "{name}: form and params agree");
        let (v1, v2) = (
            case["valid_v1"].as_bool().unwrap(),
            case["valid_v2"].as_bool().unwrap(),
        );
        for (choice, expected) in [(RuleChoice::V1, v1), (RuleChoice::V2, v2)] {
            let c = notify::check(&from_params, choice, SignType::Rsa2, charset, &key).unwrap();
            assert_eq!(c.matched().is_some(), expected, "{name} {choice:?}");
        }
        let auto = notify::check(
            &from_params,
            RuleChoice::Auto,
            SignType::Rsa2,
            charset,
            &key,
        )
        .unwrap();
        let want = match (v1, v2) {
            (true, _) => Some(Rule::V1),
            (false, true) => Some(Rule::V2),
            (false, false) => None,
        };
        assert_eq!(auto.matched().map(|m| m.rule), want, "{name}");
        if want.is_none() {
            continue;
        }

        // Changing any one character of any signed value invalidates it.
        for (field, value) in from_params.iter() {
            if field == "sign" || field == "sign_type" || value.is_empty() {
                continue;
            }
            let mut bad = from_params.clone();
            let mut chars: Vec<char> = value.chars().collect();
            let i = chars.len() / 2;
            chars[i] = if chars[i] == 'x' { 'y' } else { 'x' };
            bad.set(field, chars.into_iter().collect::<String>());
            let c = notify::check(&bad, RuleChoice::Auto, SignType::Rsa2, charset, &key).unwrap();
            assert!(c.matched().is_none(), "{name} tampered in {field}");
        }
    }
}

fn notifications_cli(set: &Set) {
    for case in set.cases("notifications") {
        let name = &case["name"];
        let key = set.arg(str_of(case, "alipay_public_key"));
        let own_rule = match (case["valid_v1"] == true, case["valid_v2"] == true) {
            (true, _) => Some("v1"),
            (false, true) => Some("v2"),
            (false, false) => None,
        };
        let json_input = case["params"].to_string();
        for input in [str_of(case, "form").to_string(), json_input] {
            let expectations: Vec<(&str, i32)> = match own_rule {
                Some(own) => {
                    let other = if own == "v1" { "v2" } else { "v1" };
                    vec![("auto", 0), (own, 0), (other, 6)]
                }
                None => vec![("auto", 6), ("v1", 6), ("v2", 6)],
            };
            for (rule, code) in expectations {
                let out = cli()
                    .args(["verify", "notify", "-o", "json", "--rule", rule])
                    .args(["--alipay-public-key-file", &key])
                    .write_stdin(input.clone())
                    .output()
                    .unwrap();
                assert_eq!(
                    out.status.code(),
                    Some(code),
                    "{name} --rule {rule}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(doc["valid"], code == 0);
                assert_eq!(doc["kind"], "notify");
                if code == 0 {
                    assert_eq!(doc["rule"], own_rule.unwrap());
                } else {
                    assert_eq!(doc["rule"], Value::Null);
                    assert!(!doc["diagnosis"].as_array().unwrap().is_empty(), "{doc}");
                    if own_rule.is_some() {
                        assert_eq!(doc["diagnosis"][0]["code"], "other_rule", "{doc}");
                    }
                }
            }
        }
    }
}

fn openapi_v3_signature_cli_and_library(set: &Set) {
    for case in set.cases("openapi_v3_signatures") {
        let content = str_of(case, "expected_sign_content");
        let key = PrivateKey::parse(&set.read(str_of(case, "private_key"))).unwrap();
        assert_eq!(
            algorithm::sign(&key, SignType::Rsa2, content.as_bytes()).unwrap(),
            str_of(case, "expected_sign")
        );
        let out = cli()
            .args([
                "verify",
                "raw",
                "-q",
                "--signature",
                str_of(case, "expected_sign"),
            ])
            .args([
                "--alipay-public-key-file",
                &set.arg(&set.key("app-public-key.pem")),
            ])
            .write_stdin(content)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), "valid");
    }
}

fn keys_load_in_every_shape_and_pair_up(set: &Set) {
    let public = PublicKey::parse(&set.read(&set.key("app-public-key.pem"))).unwrap();
    let bare = PublicKey::parse(&set.read(&set.key("app-public-key-no-wrapper.pem"))).unwrap();
    assert!(public.same_key(&bare));
    for shape in set.app_key_shapes() {
        let key = PrivateKey::parse(&set.read(&shape)).unwrap();
        assert!(key.public_key().same_key(&public), "{shape}");
        assert_eq!(key.bits(), 2048);
    }
}

fn certificate_sns_library_and_cli(set: &Set) {
    for case in set.cases("cert_sn") {
        let bytes = set.read(str_of(case, "cert"));
        let root = str_of(case, "kind") == "alipay_root_cert_sn";
        let sn = if root {
            cert::root_cert_sn(&bytes)
        } else {
            cert::cert_sn(&bytes)
        }
        .unwrap();
        assert_eq!(sn, str_of(case, "sn"), "{}", case["cert"]);

        let mut cmd = cli();
        cmd.args([
            "-o",
            "json",
            "keys",
            "cert-sn",
            &set.arg(str_of(case, "cert")),
        ]);
        if root {
            cmd.arg("--root");
        }
        let out = cmd.output().unwrap();
        let doc = common::ok_json(&out);
        let field = if root { "root_sn" } else { "sn" };
        assert_eq!(doc[field], case["sn"], "{}", case["cert"]);
    }
    // Both bundles hold certificates that are not RSA-signed: skipped.
    let root = set
        .cases("cert_sn")
        .iter()
        .find(|c| c["kind"] == "alipay_root_cert_sn")
        .unwrap();
    let all = cert::certificates(&set.read(str_of(root, "cert"))).unwrap();
    let infos: Vec<_> = all
        .iter()
        .enumerate()
        .map(|(i, d)| cert::info(d, i + 1).unwrap())
        .collect();
    assert!(
        infos.iter().any(|i| !i.rsa_signed),
        "the bundle has SM2/ECDSA certificates"
    );
    assert_eq!(infos.iter().filter(|i| i.rsa_signed).count(), 2);
}

/// `tests/data/generate.py` run again with the pinned official Python SDK
/// gives the committed vectors: they are the SDK's, not edited by hand.
fn vectors_are_what_the_python_sdk_makes() -> Result<(), libtest_mimic::Failed> {
    let Some(python) = common::python_sdk() else {
        return Ok(());
    };
    let data = common::data_dir();
    let committed = common::data_vectors();
    // generate.py takes the SNs the Node SDK computed; they are in the vectors.
    let mut certs = serde_json::Map::new();
    for case in committed["cert_sn"].as_array().unwrap() {
        certs.insert(str_of(case, "kind").into(), case["sn"].clone());
    }
    let dir = common::tempdir();
    let certs_file = dir.path().join("certs.json");
    std::fs::write(&certs_file, Value::Object(certs).to_string()).unwrap();
    let out = std::process::Command::new(python)
        .arg("generate.py")
        .arg(&certs_file)
        .current_dir(&data)
        .output()
        .unwrap();
    if !out.status.success() {
        return Err(format!("generate.py: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    let fresh: Value = serde_json::from_slice(&out.stdout).unwrap();
    for section in ["request_signatures", "gateway_responses", "notifications"] {
        assert_eq!(fresh[section], committed[section], "{section}");
    }
    Ok(())
}

/// `tests/data/dialects.json`: the Antom / Alipay+ header dialect (made with
/// the global Python SDK) and OpenAPI v3 (made with the Node SDK).
struct Dialects {
    dir: PathBuf,
    vectors: Value,
}

impl Dialects {
    fn load() -> Dialects {
        let dir = common::data_dir();
        let text = std::fs::read_to_string(dir.join("dialects.json")).expect("dialects.json");
        Dialects {
            vectors: serde_json::from_str(&text).expect("dialects.json is JSON"),
            dir,
        }
    }

    fn cases(&self, section: &str) -> &Vec<Value> {
        self.vectors[section]
            .as_array()
            .unwrap_or_else(|| panic!("no {section} in dialects.json"))
    }

    fn arg(&self, name: &str) -> String {
        self.dir.join(name).to_string_lossy().into_owned()
    }

    fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }
}

type DialectCheck = fn(&Dialects);

const DIALECT_CHECKS: [(&str, DialectCheck); 4] = [
    (
        "header_signatures_library_and_cli",
        header_signatures_library_and_cli,
    ),
    (
        "header_answers_library_and_cli",
        header_answers_library_and_cli,
    ),
    ("v3_requests_cli", v3_requests_cli),
    ("v3_answers_library_and_cli", v3_answers_library_and_cli),
];

/// `%2B` → `+` and so on: the plain base64 of a URL-encoded signature.
fn url_decoded(s: &str) -> String {
    s.replace("%2B", "+")
        .replace("%2F", "/")
        .replace("%3D", "=")
}

fn header_signatures_library_and_cli(d: &Dialects) {
    use alipay_oauth::sign::dialect::header;
    let shapes = [
        "keys/app-private-key.pem",
        "keys/app-private-key-no-wrapper.pem",
        "keys/app-private-key-pkcs8.pem",
        "keys/app-private-key-pkcs8-no-wrapper.pem",
    ];
    for case in d.cases("header_signatures") {
        let name = str_of(case, "name");
        let key = PrivateKey::parse(&d.read(str_of(case, "private_key"))).unwrap();
        let kv = case["key_version"].as_u64().unwrap() as u32;
        let (method, path, client, time, body) = (
            str_of(case, "method"),
            str_of(case, "path"),
            str_of(case, "client_id"),
            str_of(case, "time"),
            str_of(case, "body"),
        );
        let signed = header::sign(&key, kv, method, path, client, time, body.as_bytes()).unwrap();
        assert_eq!(
            signed.content,
            str_of(case, "expected_sign_content").as_bytes(),
            "{name}"
        );
        assert_eq!(signed.header, str_of(case, "expected_header"), "{name}");

        for shape in shapes {
            let out = cli()
                .args(["sign", "--dialect", "header", "-q"])
                .args([
                    "--http-method",
                    method,
                    "--path",
                    path,
                    "--client-id",
                    client,
                ])
                .args(["--request-time", time, "--key-version", &kv.to_string()])
                .args(["--private-key-file", &d.arg(shape), "--body-file", "-"])
                .write_stdin(body)
                .output()
                .unwrap();
            assert_eq!(
                String::from_utf8_lossy(&out.stdout).trim_end(),
                str_of(case, "expected_header"),
                "{name} with {shape}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let out = cli()
            .args(["-o", "json", "sign", "--dialect", "header"])
            .args([
                "--http-method",
                method,
                "--path",
                path,
                "--client-id",
                client,
            ])
            .args(["--request-time", time, "--key-version", &kv.to_string()])
            .args(["--private-key-file", &d.arg(shapes[0]), "--body-file", "-"])
            .write_stdin(body)
            .output()
            .unwrap();
        let doc = common::ok_json(&out);
        assert_eq!(doc["sign_content"], case["expected_sign_content"], "{name}");
        assert_eq!(
            doc["signature"].as_str().unwrap(),
            url_decoded(str_of(case, "expected_signature_url_encoded")),
            "{name}"
        );
    }
}

fn verify_header_cli(
    d: &Dialects,
    case: &Value,
    path: &str,
    signature: &str,
) -> std::process::Output {
    cli()
        .args(["-o", "json", "verify", "header"])
        .args(["--path", path, "--client-id", str_of(case, "client_id")])
        .args([
            "--time",
            str_of(case, "response_time"),
            "--signature",
            signature,
        ])
        .args([
            "--alipay-public-key-file",
            &d.arg(str_of(case, "alipay_public_key")),
        ])
        .args([
            "--app-public-key-file",
            &d.arg(str_of(case, "app_public_key")),
        ])
        .args(["--body-file", "-"])
        .write_stdin(str_of(case, "body"))
        .output()
        .unwrap()
}

fn header_answers_library_and_cli(d: &Dialects) {
    use alipay_oauth::sign::dialect::SignatureStatus;
    use alipay_oauth::sign::dialect::header::{self, Message};
    for case in d.cases("header_answers") {
        let name = str_of(case, "name");
        let valid = case["valid"].as_bool().unwrap();
        let key = PublicKey::parse(&d.read(str_of(case, "alipay_public_key"))).unwrap();
        let message = Message {
            method: str_of(case, "method"),
            target: str_of(case, "path"),
            client_id: str_of(case, "client_id"),
            time: str_of(case, "response_time"),
            body: str_of(case, "body").as_bytes(),
        };
        assert_eq!(
            message.content(),
            str_of(case, "expected_sign_content").as_bytes()
        );
        let header_value = str_of(case, "signature_header");
        assert_eq!(
            header::check(&key, &message, header_value) == SignatureStatus::Valid,
            valid,
            "{name}"
        );

        // Every way the signature may be handed over gives the SDK's verdict.
        let encoded = header_value.split("signature=").nth(1).unwrap();
        let lower = encoded
            .replace("%2B", "%2b")
            .replace("%2F", "%2f")
            .replace("%3D", "%3d");
        for given in [header_value, encoded, &url_decoded(encoded), &lower] {
            let out = verify_header_cli(d, case, str_of(case, "path"), given);
            assert_eq!(
                out.status.code(),
                Some(if valid { 0 } else { 6 }),
                "{name}: {given}"
            );
            let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(doc["valid"], valid, "{name}");
            assert_eq!(doc["sign_content"], case["expected_sign_content"], "{name}");
        }
        let out = verify_header_cli(d, case, str_of(case, "path"), header_value);
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        let codes: Vec<&str> = doc["diagnosis"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        match name {
            "signed_with_the_app_key" => assert_eq!(codes, ["signed_with_app_key"], "{name}"),
            "tampered_body" => assert_eq!(codes, ["no_match"], "{name}"),
            _ => assert!(codes.is_empty(), "{name}: {codes:?}"),
        }
        // Checked over the production path, the sandbox answer is explained.
        if name == "sandbox_path" {
            let out = verify_header_cli(
                d,
                case,
                "/ams/api/v1/authorizations/applyToken",
                header_value,
            );
            assert_eq!(out.status.code(), Some(6));
            let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(doc["diagnosis"][0]["code"], "sandbox_path", "{doc}");
        }
    }
}

fn cert_args(d: &Dialects) -> Vec<String> {
    vec![
        "--app-cert-file".into(),
        d.arg("certs/appCertPublicKey_2021000000000000.crt"),
        "--alipay-cert-file".into(),
        d.arg("certs/alipayCertPublicKey_RSA2.crt"),
        "--alipay-root-cert-file".into(),
        d.arg("certs/alipayRootCert.crt"),
    ]
}

fn v3_requests_cli(d: &Dialects) {
    for case in d.cases("v3_requests") {
        let name = str_of(case, "name");
        let mut cmd = cli();
        cmd.args(["-o", "json", "sign", "--dialect", "v3"])
            .args(["--app-id", str_of(case, "app_id")])
            .args(["--private-key-file", &d.arg(str_of(case, "private_key"))])
            .args([
                "--http-method",
                str_of(case, "method"),
                "--path",
                str_of(case, "path"),
            ])
            .args([
                "--nonce",
                str_of(case, "nonce"),
                "--timestamp",
                str_of(case, "timestamp"),
            ])
            .args(["--body-file", "-"])
            .write_stdin(str_of(case, "body"));
        if let Some(q) = case["query"].as_str() {
            cmd.args(["--query", q]);
        }
        if let Some(t) = case["app_auth_token"].as_str() {
            cmd.env("ALIPAY_APP_AUTH_TOKEN", t);
        }
        if case["certificate_mode"] == true {
            cmd.args(cert_args(d));
        }
        let doc = common::ok_json(&cmd.output().unwrap());
        assert_eq!(
            doc["authorization"], case["expected_authorization"],
            "{name}"
        );
        assert_eq!(
            doc["alipay_root_cert_sn"], case["expected_alipay_root_cert_sn"],
            "{name}"
        );
    }
}

fn v3_answers_library_and_cli(d: &Dialects) {
    use alipay_oauth::sign::dialect::SignatureStatus;
    use alipay_oauth::sign::dialect::v3::{self, V3Answer};
    let alipay_cert_sn = cert::cert_sn(&d.read("certs/alipayCertPublicKey_RSA2.crt")).unwrap();
    for case in d.cases("v3_answers") {
        let name = str_of(case, "name");
        let valid = case["valid"].as_bool().unwrap();
        let cert_mode = case["certificate_mode"] == true;
        let key = PublicKey::parse(&d.read(str_of(case, "alipay_public_key"))).unwrap();
        let answer = V3Answer {
            status: Some(200),
            timestamp: case["timestamp"].as_str(),
            nonce: case["nonce"].as_str(),
            signature: case["signature"].as_str(),
            sn: case["alipay_sn"].as_str(),
            body: str_of(case, "body").as_bytes(),
        };
        let expected_sn = cert_mode.then_some(alipay_cert_sn.as_str());
        assert_eq!(
            v3::check_answer(&answer, &key, expected_sn).status == SignatureStatus::Valid,
            valid,
            "{name}"
        );

        let mut cmd = cli();
        cmd.args(["-o", "json", "verify", "v3"])
            .args([
                "--timestamp",
                str_of(case, "timestamp"),
                "--nonce",
                str_of(case, "nonce"),
            ])
            .args(["--signature", str_of(case, "signature"), "--body-file", "-"])
            .write_stdin(str_of(case, "body"));
        if cert_mode {
            cmd.args([
                "--alipay-cert-file",
                &d.arg("certs/alipayCertPublicKey_RSA2.crt"),
            ]);
        } else {
            cmd.args([
                "--alipay-public-key-file",
                &d.arg(str_of(case, "alipay_public_key")),
            ]);
        }
        if let Some(sn) = case["alipay_sn"].as_str() {
            cmd.args(["--alipay-sn", sn]);
        }
        let out = cmd.output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(if valid { 0 } else { 6 }),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["valid"], valid, "{name}");
        if name == "certificate_mode_other_sn" {
            assert_eq!(doc["diagnosis"][0]["code"], "cert_sn_mismatch");
        }
    }
}

/// `tests/data/generate_dialects.py` run again with the pinned global SDK
/// gives the committed header-dialect vectors.
fn dialect_vectors_are_what_the_global_sdk_makes() -> Result<(), libtest_mimic::Failed> {
    let Some(python) = common::global_sdk() else {
        return Ok(());
    };
    let data = common::data_dir();
    let out = std::process::Command::new(python)
        .arg("generate_dialects.py")
        .current_dir(&data)
        .output()
        .unwrap();
    if !out.status.success() {
        return Err(format!(
            "generate_dialects.py: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    let fresh: Value = serde_json::from_slice(&out.stdout).unwrap();
    let committed = Dialects::load().vectors;
    for section in ["header_signatures", "header_answers"] {
        assert_eq!(fresh[section], committed[section], "{section}");
    }
    Ok(())
}
