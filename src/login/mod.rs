//! The stored logins: the token files on disk ([`store`]) and keeping their
//! tokens fresh, refreshing under the store's lock ([`session`]).

pub mod session;
pub mod store;
