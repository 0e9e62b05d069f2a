//! The v2 gateway: requests, the HTTP client and response models.

pub mod request;
