//! Errors from upstream providers, read whatever their shape and
//! translated to the canonical code.
//!
//! [`UpstreamError::from_response`] and [`UpstreamError::from_sse_event`]
//! read what a [`Provider`] sent (any of its envelopes, or an HTML page, an
//! empty or broken body) and pick the most specific canonical
//! [`ErrorCode`](crate::ErrorCode) its signals support, from one ordered
//! translation table (provider codes first, wording second, HTTP status
//! last). [`UpstreamError`] implements [`ApiError`](crate::ApiError), so a
//! gateway answers with it directly.
//!
//! ```
//! use error_codes::upstream::{Provider, UpstreamError};
//! use error_codes::{ApiError, ErrorCode, Format};
//!
//! let mut headers = http::HeaderMap::new();
//! headers.insert("retry-after", "30".parse().unwrap());
//! let body = br#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#;
//! let upstream = UpstreamError::from_response(Provider::Anthropic, 529, &headers, body);
//! assert_eq!(upstream.canonical(), ErrorCode::ModelUnavailable);
//!
//! let response = upstream.to_http_response(Format::OpenAi);
//! assert_eq!(response.status(), 503);
//! assert_eq!(response.headers()["retry-after"], "30");
//! ```
mod error;
#[cfg(test)]
mod evidence;
mod fields;
mod param;
mod provider;
mod redact;
mod retry;
mod signals;
mod table;

pub use error::UpstreamError;
pub use provider::{Provider, UnknownProvider};
