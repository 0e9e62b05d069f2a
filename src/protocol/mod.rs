//! Wire rules shared by the gateway client and the emulator: what a request
//! carries and where, timestamps, parameter checks. Both sides depend on
//! this layer, so the emulator never imports the client.

pub mod header;
pub mod v2;
