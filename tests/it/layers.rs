//! The layering of ARCHITECTURE.md, enforced: no module of `src/` names a
//! module of a layer above its own (test code aside). A new top-level module
//! must be given its layer here, or this test fails.

use std::path::Path;

/// Top-level modules, lowest layer first; modules of one rank may use each
/// other.
const LAYERS: &[&[&str]] = &[
    &["secret", "trace", "files", "endpoints", "http_server", "qr"],
    &["sign"],
    &["protocol"],
    &["config"],
    &["gateway"],
    &["oauth", "login"],
    &["emulator"],
    &["proxy"],
    &["error"],
    &["demo_flow"],
    &["ui", "cli", "commands", "lib", "main"],
];

/// What lib.rs re-exports at the crate root, by the module it comes from.
const ROOT_ITEMS: &[(&str, &str)] = &[("Error", "error"), ("ExitStatus", "ui")];

fn rank(module: &str) -> Option<usize> {
    let module = ROOT_ITEMS
        .iter()
        .find(|(item, _)| *item == module)
        .map_or(module, |(_, from)| from);
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a source text names through `crate::`.
fn named_modules(text: &str) -> Vec<String> {
    text.match_indices("crate::")
        .map(|(i, m)| {
            text[i + m.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn no_module_names_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(
        files.len() > 50,
        "found only {} files under src",
        files.len()
    );
    let mut upward = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let own = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        let own_rank = rank(&own)
            .unwrap_or_else(|| panic!("src/{own}: give it a layer in tests/it/layers.rs"));
        let text = std::fs::read_to_string(file).unwrap();
        // Unit tests may reach anywhere.
        let code = text.split("#[cfg(test)]").next().unwrap();
        for named in named_modules(code) {
            let named_rank = rank(&named).unwrap_or_else(|| {
                panic!(
                    "{}: crate::{named} is neither a module nor in ROOT_ITEMS",
                    rel.display()
                )
            });
            if named_rank > own_rank {
                upward.push(format!("{} names crate::{named}", rel.display()));
            }
        }
    }
    upward.sort();
    upward.dedup();
    assert!(
        upward.is_empty(),
        "imports of a higher layer:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_checker_sees_an_upward_import() {
    assert_eq!(
        named_modules("use crate::error::Error; crate::sign::x"),
        ["error", "sign"]
    );
    assert!(rank("gateway") < rank("error"));
    assert_eq!(rank("Error"), rank("error"));
}
