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
pub use message::{any_formats_message, formatted_message};
pub use param_value::ParamValue;
pub use retry_after_value::RetryAfterValue;
pub use stub::unreachable_info;
pub use wrapped_check::{wrapped_conflict, ConflictMessage};

/// Every canonical code's `CodeInfo`, in catalogue order (`ErrorCode`'s
/// own): a user's variant naming a canonical code is its entry here, with
/// only what the variant changes applied.
pub const CANONICAL: &[crate::CodeInfo] = <crate::ErrorCode as crate::ApiError>::CODES.own();

pub use core::fmt;
pub use core::option::Option;
pub use core::time::Duration;
pub use core::{panic, write};
pub use std::borrow::Cow;
