//! Support for the code `#[derive(ApiError)]` writes. Not a public API: it
//! may change in any release.
//!
//! The generated code names everything through this crate's path, so the
//! few items of `core` and `std` it uses are re-exported here.

mod catalogue;
mod message;
mod param_value;
mod retry_after_value;
mod stub;
mod wrapped_check;

pub use catalogue::Catalogue;
pub use message::message;
pub use param_value::ParamValue;
pub use retry_after_value::RetryAfterValue;
pub use stub::unreachable_info;
pub use wrapped_check::{wrapped_conflict, ConflictMessage};

/// One `CodeInfo` constant per canonical code (`RATE_LIMIT_EXCEEDED`),
/// written by `ErrorCode`'s derive beside it: a user's variant naming a
/// canonical code is its constant, with only what the variant changes.
pub use crate::code::canonical;

pub use core::fmt;
pub use core::option::Option;
pub use core::time::Duration;
pub use core::{format_args, panic};
pub use std::borrow::Cow;
