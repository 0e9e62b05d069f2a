//! The v2 gateway client: sending signed requests, Alipay's errors and the
//! response models. The wire rules live in `protocol`.

pub mod alipay_error;
pub mod client;
pub mod error;
pub mod header;
pub mod http;
pub mod models;
pub mod network;
pub mod v3;

pub use alipay_error::AlipayError;
pub use client::{
    Call, CallRecord, CertMode, Client, ClientConfig, OauthApi, Prepared, ProxyConfig,
};
pub use error::GatewayError;
pub use models::{Gender, IdKind, TokenSet, UserInfo};
