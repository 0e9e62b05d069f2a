//! Every entry of ../shared/conformance/vectors.json, through the library
//! and through the command line, plus tampered copies of each.

mod common;

use alipay_oauth::form;
use alipay_oauth::sign::notify::{self, RuleChoice};
use alipay_oauth::sign::response::{self, SignatureStatus};
use alipay_oauth::sign::{
    Charset, Params, PrivateKey, PublicKey, Rule, SignType, algorithm, sign_params,
};
use common::{cli, conformance, fixture};
use serde_json::Value;

fn str_of<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str().unwrap_or_else(|| panic!("{k} in {v}"))
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

/// The same app key in each of the shapes the fixtures hold.
const APP_KEY_SHAPES: &[&str] = &[
    "fixtures/app-private-key.pem",
    "fixtures/app-private-key-no-wrapper.pem",
    "fixtures/app-private-key-pkcs8.pem",
    "fixtures/app-private-key-pkcs8-no-wrapper.pem",
];

#[test]
fn request_signatures_library() {
    let Some((dir, vectors)) = conformance() else {
        return;
    };
    for case in vectors["request_signatures"].as_array().unwrap() {
        let params = params_of(case);
        let sign_type: SignType = str_of(case, "sign_type").parse().unwrap();
        for shape in APP_KEY_SHAPES {
            let key = PrivateKey::parse(&std::fs::read(dir.join(shape)).unwrap()).unwrap();
            let signed = sign_params(&params, &key, sign_type, Charset::Utf8).unwrap();
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

#[test]
fn request_signatures_cli() {
    let Some((dir, vectors)) = conformance() else {
        return;
    };
    for case in vectors["request_signatures"].as_array().unwrap() {
        let args: Vec<String> = params_of(case)
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        for shape in APP_KEY_SHAPES {
            let out = cli()
                .args([
                    "sign",
                    "-o",
                    "json",
                    "--private-key-file",
                    &fixture(&dir, shape),
                ])
                .args(&args)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(doc["sign_content"], case["expected_sign_content"]);
            assert_eq!(
                doc["sign"], case["expected_sign"],
                "{} with {shape}",
                case["name"]
            );
            assert_eq!(doc["sign_type"], case["sign_type"]);
            // The query carries every parameter and the signature, form-encoded.
            let query = doc["query"].as_str().unwrap();
            let decoded = form::decode(query.as_bytes(), Charset::Utf8).unwrap();
            let sign = decoded.iter().find(|(k, _)| k == "sign").unwrap();
            assert_eq!(sign.1, str_of(case, "expected_sign"));
            assert_eq!(decoded.len(), case["params"].as_object().unwrap().len() + 1);
        }
        // The key text in ALIPAY_PRIVATE_KEY, one line with \n escapes, as CI secrets hold it.
        let pem = std::fs::read_to_string(dir.join("fixtures/app-private-key.pem")).unwrap();
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

#[test]
fn request_signature_with_method_builds_the_same_request() {
    let Some((dir, vectors)) = conformance() else {
        return;
    };
    let case = &vectors["request_signatures"][0];
    let p = &case["params"];
    let out = cli()
        .args([
            "sign",
            "-q",
            "--private-key-file",
            &fixture(&dir, "fixtures/app-private-key.pem"),
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

#[test]
fn gateway_response_library() {
    let Some((dir, vectors)) = conformance() else {
        return;
    };
    for case in vectors["gateway_responses"].as_array().unwrap() {
        let key =
            PublicKey::parse(&std::fs::read(dir.join(str_of(case, "alipay_public_key"))).unwrap())
                .unwrap();
        let body = str_of(case, "body").as_bytes();
        let method = str_of(case, "method");
        let checked =
            response::check(body, Some(method), Charset::Utf8, SignType::Rsa2, &key).unwrap();
        assert_eq!(
            checked.extracted.content,
            str_of(case, "expected_sign_content").as_bytes()
        );
        assert_eq!(
            checked.status,
            SignatureStatus::Valid {
                unescaped_slashes: false
            }
        );
        assert!(matches!(checked.verdict(), response::Verdict::Trusted(_)));
        // Without the method the node is found by its suffix.
        let checked = response::check(body, None, Charset::Utf8, SignType::Rsa2, &key).unwrap();
        assert_eq!(checked.extracted.node, "alipay_open_file_upload_response");

        // Any single changed byte of the signed content is invalid.
        let content = str_of(case, "expected_sign_content").as_bytes();
        let text = std::str::from_utf8(body).unwrap();
        let start = text.find(str_of(case, "expected_sign_content")).unwrap();
        let mut count = 0;
        for bad in tampered(content) {
            let mut b = body.to_vec();
            b[start..start + content.len()].copy_from_slice(&bad);
            if let Ok(c) = response::check(&b, Some(method), Charset::Utf8, SignType::Rsa2, &key) {
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
        assert!(algorithm::verify_raw(&key, SignType::Rsa2, content, &raw).is_err());
        let checked =
            response::check(body, Some(method), Charset::Utf8, SignType::Rsa, &key).unwrap();
        assert!(matches!(checked.status, SignatureStatus::Invalid(_)));
    }
}

#[test]
fn gateway_response_cli() {
    let Some((dir, vectors)) = conformance() else {
        return;
    };
    for case in vectors["gateway_responses"].as_array().unwrap() {
        let key = fixture(&dir, str_of(case, "alipay_public_key"));
        let body = str_of(case, "body");
        let out = cli()
            .args([
                "verify",
                "response",
                "-o",
                "json",
                "--alipay-public-key-file",
                &key,
            ])
            .args(["--method", str_of(case, "method")])
            .write_stdin(body)
            .output()
            .unwrap();
        let doc = common::ok_json(&out);
        assert_eq!(doc["valid"], true);
        assert_eq!(doc["kind"], "response");
        assert_eq!(doc["node"], "alipay_open_file_upload_response");
        assert_eq!(doc["signed"], true);
        assert_eq!(doc["code"], "10000");
        assert_eq!(doc["sub_code"], Value::Null);
        assert_eq!(doc["sign_content"], case["expected_sign_content"]);
        assert_eq!(doc["diagnosis"], serde_json::json!([]));

        // A few tampered copies through the binary: exit 6, valid false.
        let content = str_of(case, "expected_sign_content");
        for pos in [0, 9, content.len() / 2, content.len() - 2] {
            let mut bad = content.as_bytes().to_vec();
            bad[pos] ^= 0x01;
            let bad_body = body.replacen(content, std::str::from_utf8(&bad).unwrap(), 1);
            let out = cli()
                .args([
                    "verify",
                    "response",
                    "-o",
                    "json",
                    "--alipay-public-key-file",
                    &key,
                ])
                .write_stdin(bad_body)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(6), "tampered at {pos}");
            let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(doc["valid"], false);
            assert!(!doc["diagnosis"].as_array().unwrap().is_empty());
            let err: Value = serde_json::from_slice(&out.stderr).unwrap();
            assert_eq!(err["error"]["kind"], "signature");
        }
    }
}

#[test]
fn notifications_library() {
    let Some((dir, vectors)) = conformance() else {
        return;
    };
    for case in vectors["notifications"].as_array().unwrap() {
        let key =
            PublicKey::parse(&std::fs::read(dir.join(str_of(case, "alipay_public_key"))).unwrap())
                .unwrap();
        let from_params = params_of(case);
        let from_form = Params::from_pairs(
            form::decode(str_of(case, "form").as_bytes(), Charset::Utf8).unwrap(),
        )
        .unwrap();
        assert_eq!(from_params, from_form, "form and params agree");
        for (choice, expected) in [
            (RuleChoice::V1, case["valid_v1"].as_bool().unwrap()),
            (RuleChoice::V2, case["valid_v2"].as_bool().unwrap()),
        ] {
            let c =
                notify::check(&from_params, choice, SignType::Rsa2, Charset::Utf8, &key).unwrap();
            assert_eq!(
                c.matched().is_some(),
                expected,
                "{} {choice:?}",
                case["name"]
            );
        }
        let auto = notify::check(
            &from_params,
            RuleChoice::Auto,
            SignType::Rsa2,
            Charset::Utf8,
            &key,
        )
        .unwrap();
        let want = if case["valid_v1"] == true {
            Rule::V1
        } else {
            Rule::V2
        };
        assert_eq!(auto.matched().unwrap().rule, want);

        // Changing any one character of any signed value invalidates it.
        for (name, value) in from_params.iter() {
            if name == "sign" || name == "sign_type" || value.is_empty() {
                continue;
            }
            let mut bad = from_params.clone();
            let mut chars: Vec<char> = value.chars().collect();
            let i = chars.len() / 2;
            chars[i] = if chars[i] == 'x' { 'y' } else { 'x' };
            bad.set(name, chars.into_iter().collect::<String>());
            let c =
                notify::check(&bad, RuleChoice::Auto, SignType::Rsa2, Charset::Utf8, &key).unwrap();
            assert!(c.matched().is_none(), "{} tampered in {name}", case["name"]);
        }
    }
}

#[test]
fn notifications_cli() {
    let Some((dir, vectors)) = conformance() else {
        return;
    };
    for case in vectors["notifications"].as_array().unwrap() {
        let key = fixture(&dir, str_of(case, "alipay_public_key"));
        let own_rule = if case["valid_v1"] == true { "v1" } else { "v2" };
        let other_rule = if own_rule == "v1" { "v2" } else { "v1" };
        let json_input = case["params"].to_string();
        for input in [str_of(case, "form").to_string(), json_input] {
            for (rule, code) in [("auto", 0), (own_rule, 0), (other_rule, 6)] {
                let out = cli()
                    .args([
                        "verify",
                        "notify",
                        "-o",
                        "json",
                        "--rule",
                        rule,
                        "--alipay-public-key-file",
                        &key,
                    ])
                    .write_stdin(input.clone())
                    .output()
                    .unwrap();
                assert_eq!(
                    out.status.code(),
                    Some(code),
                    "{} --rule {rule}",
                    case["name"]
                );
                let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(doc["valid"], code == 0);
                assert_eq!(doc["kind"], "notify");
                if code == 0 {
                    assert_eq!(doc["rule"], own_rule);
                } else {
                    assert_eq!(doc["rule"], Value::Null);
                    assert_eq!(doc["diagnosis"][0]["code"], "other_rule", "{doc}");
                }
            }
        }
    }
}

#[test]
fn openapi_v3_signature_cli_and_library() {
    let Some((dir, vectors)) = conformance() else {
        return;
    };
    for case in vectors["openapi_v3_signatures"].as_array().unwrap() {
        let content = str_of(case, "expected_sign_content");
        let key = PrivateKey::parse(&std::fs::read(dir.join(str_of(case, "private_key"))).unwrap())
            .unwrap();
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
                &fixture(&dir, "fixtures/app-public-key.pem"),
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

#[test]
fn fixture_keys_load_in_every_shape_and_pair_up() {
    let Some((dir, _)) = conformance() else {
        return;
    };
    let public =
        PublicKey::parse(&std::fs::read(dir.join("fixtures/app-public-key.pem")).unwrap()).unwrap();
    let bare = PublicKey::parse(
        &std::fs::read(dir.join("fixtures/app-public-key-no-wrapper.pem")).unwrap(),
    )
    .unwrap();
    assert!(public.same_key(&bare));
    for shape in APP_KEY_SHAPES {
        let key = PrivateKey::parse(&std::fs::read(dir.join(shape)).unwrap()).unwrap();
        assert!(key.public_key().same_key(&public), "{shape}");
        assert_eq!(key.bits(), 2048);
    }
}

#[test]
fn certificate_sns_library_and_cli() {
    use alipay_oauth::sign::cert;
    let Some((dir, vectors)) = conformance() else {
        return;
    };
    for case in vectors["cert_sn"].as_array().unwrap() {
        let bytes = std::fs::read(dir.join(str_of(case, "cert"))).unwrap();
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
            &fixture(&dir, str_of(case, "cert")),
        ]);
        if root {
            cmd.arg("--root");
        }
        let out = cmd.output().unwrap();
        let doc = common::ok_json(&out);
        let field = if root { "root_sn" } else { "sn" };
        assert_eq!(doc[field], case["sn"], "{}", case["cert"]);
    }
    // The real bundle holds certificates that are not RSA-signed: skipped.
    let bundle = std::fs::read(dir.join("fixtures/alipayRootCert.crt")).unwrap();
    let all = cert::certificates(&bundle).unwrap();
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
