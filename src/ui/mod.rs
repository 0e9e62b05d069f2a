//! The user interface at the edge: where results, progress and errors are
//! printed ([`output`]) and reading keys while a spinner runs ([`terminal`]).
//! The core reaches it only through the [`crate::trace::Tracer`] trait.

pub mod failure;
pub mod output;
pub mod terminal;
