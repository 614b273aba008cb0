//! Reading received error bodies and SSE events: the one streaming reader
//! behind both [`ReceivedError`](crate::ReceivedError) and
//! [`UpstreamError`](crate::upstream::UpstreamError).
//!
//! The body is read with `serde_json` in one pass into small typed slots
//! ([`fields`]): the fields some envelope defines are kept, everything
//! else is skipped by `serde_json`'s non-recursive skipper. So a body
//! nested 100,000 levels deep cannot overflow the stack, and megabytes of
//! unknown fields cost no memory. Each caller then applies its own rules to
//! the slots: `ReceivedError` the strict rules of the two envelopes it
//! parses, `UpstreamError` whatever a provider's shape says.

pub(crate) mod fields;
pub(crate) mod json;
pub(crate) mod sse;

use fields::TopFields;
use json::Json;

/// Why a body could not be read as JSON at all.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// Empty or only whitespace.
    Empty,
    /// Not UTF-8.
    InvalidUtf8 { valid_up_to: usize },
    /// Not JSON, or truncated JSON.
    Json(serde_json::Error),
}

/// `bytes` as text, with a UTF-8 byte order mark skipped.
pub(crate) fn text(bytes: &[u8]) -> Result<&str, ReadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(error) => Err(ReadError::InvalidUtf8 {
            valid_up_to: error.valid_up_to(),
        }),
    }
}

/// Reads a whole body into the envelope slots.
pub(crate) fn read_body(body: &[u8]) -> Result<Json<TopFields>, ReadError> {
    if body.iter().all(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r')) {
        return Err(ReadError::Empty);
    }
    serde_json::from_str(text(body)?).map_err(ReadError::Json)
}
