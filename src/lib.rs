//! `alipay-oauth`: "Log in with Alipay" from the command line.
//!
//! The library holds the signing core ([`sign`]), the gateway client, the
//! OAuth flow and the emulator; [`cli`] turns arguments into settings and
//! [`commands`] runs them. The core never reads argv or the environment.

pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod emulator;
pub mod endpoints;
pub mod error;
pub mod file;
pub mod form;
pub mod gateway;
pub mod http_server;
pub mod oauth;
pub mod output;
pub mod protocol;
pub mod proxy;
pub mod qr;
pub mod secret;
pub mod secret_file;
pub mod session;
pub mod sign;
pub mod store;
pub mod terminal;
pub mod trace;

pub use error::{Error, ExitStatus};
