//! One typed, compile-time-checked catalogue of API error codes, rendered as
//! the exact error envelopes OpenAI- and Anthropic-format clients expect, or
//! as RFC 9457 problem details for any other HTTP API.
//!
//! - [`ApiError`]: what every client-facing error says (code, status, safe
//!   message, retry policy) and how it renders; `#[derive(ApiError)]`
//!   writes its one input, [`Describe`].
//! - [`ErrorCode`]: the 57 canonical codes, itself declared with the derive.
//! - [`Format`], [`Envelope`]: JSON bodies, `http::Response`s and
//!   server-sent events in any format; [`ProblemTypes`] for the `type` URIs
//!   of problem details.
//! - [`ReceivedError`]: any error body (or SSE error event) a client
//!   receives, parsed back into a typed value; unknown codes are kept.
//! - [`formatted`]: an error paired with the format it answers in, which
//!   the `axum` and `actix-web` features turn into responses.
//! - [`upstream`]: what a provider sent, translated into the catalogue.
//!
//! ```
//! use api_error_codes::{ApiError, ErrorCode, Format};
//!
//! #[derive(Debug, ApiError)]
//! enum MyError {
//!     #[api_error(code = "model_not_found", message = "no model named {0}", param = "model")]
//!     NoModel(String),
//!     #[api_error(transparent)]
//!     Canonical(ErrorCode),
//! }
//!
//! let response = MyError::NoModel("gpt-9".into()).to_http_response(Format::OpenAi);
//! assert_eq!(response.status(), 404);
//! assert_eq!(
//!     String::from_utf8(response.into_body()).unwrap(),
//!     r#"{"error":{"message":"no model named gpt-9","type":"not_found_error","param":"model","code":"model_not_found"}}"#
//! );
//! ```
#![deny(missing_docs)]

mod api_error;
mod code;
mod code_list;
mod describe;
mod envelope;
mod format;
pub mod formatted;
mod info;
mod problem;
mod received;
mod responses_stream;
pub mod stream;

#[cfg(feature = "axum")]
pub mod layer;

#[cfg(feature = "axum")]
pub mod axum;

#[cfg(feature = "actix-web")]
pub mod actix_web;

pub mod upstream;

/// What the code `#[derive(ApiError)]` writes calls: not a public API.
#[doc(hidden)]
pub mod __private;

pub use crate::api_error::ApiError;
pub use crate::code::{ErrorCode, UnknownCode};
pub use crate::code_list::CodeList;
pub use crate::describe::Describe;
pub use crate::envelope::{
    AnthropicDetails, AnthropicEnvelope, AnthropicError, Envelope, OpenAiEnvelope, OpenAiError,
    CLIENT_CLOSED_REQUEST,
};
pub use crate::format::Format;
pub use crate::info::CodeInfo;
pub use crate::problem::{ProblemTypes, ProblemTypesError};
pub use crate::received::{JsonType, ParseError, ParseErrorKind, ReceivedError};
pub use crate::responses_stream::ResponsesStreamError;

/// `#[derive(ApiError)]`: [`ApiError`](trait@ApiError) (through
/// [`Describe`]) for an enum or struct, and, unless thiserror writes them,
/// `Display`, `std::error::Error` and `From`. Its attribute:
pub use api_error_codes_derive::ApiError;

/// The `http` crate the responses are made of, so one dependency is enough.
pub use http;

/// The README's examples, run as doc tests (its relay example needs the
/// `stream` and `axum` features, which `cargo test --workspace` turns on).
#[cfg(all(doctest, feature = "stream", feature = "axum"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
