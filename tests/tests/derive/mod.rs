//! Behaviour of `#[derive(Debug, ApiError)]`: what the generated impls return for
//! every attribute form, variant shape and kind of type, one module per
//! part of the attribute.

// Every item here exists to be derived and read through the trait.
#![allow(dead_code)]

use api_error_codes::{ApiError, CodeList, ErrorCode, Format};
use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

/// A type that is neither `Display` nor `Debug` nor `ApiError`.
struct Opaque;

mod beside_thiserror;
mod catalogue;
mod cfg_and_deprecated;
mod crate_path;
mod entries;
mod envelope_types;
mod generics;
mod literals;
mod messages;
mod params;
mod paths;
mod retries;
mod shapes;
mod std_traits;

mod transparent;
