//! The v2 gateway: requests, the HTTP client, Alipay's errors and the
//! response models.

pub mod alipay_error;
pub mod client;
pub mod models;
pub mod request;

pub use alipay_error::AlipayError;
pub use client::{Call, CallRecord, CertMode, Client, ClientConfig, Prepared, ProxyConfig};
pub use models::{Gender, IdKind, TokenSet, UserInfo};
