//! `alipay-oauth`: "Log in with Alipay" from the command line.
//!
//! The library holds the signing core ([`sign`]), the gateway client, the
//! OAuth flow and the emulator; [`cli`] turns arguments into settings and
//! [`commands`] runs them. The core never reads argv or the environment.

pub mod cli;
pub mod commands;
pub mod config;
pub mod demo_flow;
pub mod emulator;
pub mod endpoints;
pub mod error;
pub mod files;

pub mod gateway;
pub mod http_server;
pub mod login;
pub mod oauth;
pub mod protocol;
pub mod proxy;
pub mod qr;
pub mod secret;
pub mod sign;
pub mod trace;
pub mod ui;

pub use error::Error;
pub use ui::failure::ExitStatus;
