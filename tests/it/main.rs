//! The integration tests, as one binary: one link instead of one per file.
//! Each module is one former `tests/NAME.rs`; run one group with
//! `cargo test --test it NAME::` (e.g. `cargo test --test it authorize::`).
//! `tests/conformance.rs` stays apart: it runs its own trials (libtest-mimic)
//! so the shared conformance layer can be reported as ignored at run time.

mod common;

mod authorize;
mod call;
mod call_v3;
mod cli_dialects;
mod cli_sign_verify;
mod completions;
mod emulator;
mod emulator_antom;
mod extraction_random;
mod families;
mod gateway_cli;
mod hostile;
mod hostile_data;
mod interop;
mod interop_dialects;
mod interop_global;
mod interop_node_emulator;
mod keys_certs;
mod layers;
mod proxy;
mod readme;
mod stored_login;
mod tls;
mod ux;
