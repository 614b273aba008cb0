//! The reading every parser of received error bodies shares: bytes to
//! typed JSON slots, field checks by JSON path, SSE events, [`ParseError`].
//!
//! A reader declares the objects it keeps with [`json_fields!`], reads a
//! body with [`json_body`] (or an SSE event with [`error_event_data`]),
//! and takes each slot with [`string_field`], [`code_field`] or a match on
//! [`Json`]. Everything a body holds beyond the declared slots is skipped
//! by `serde_json`'s non-recursive skipper: nesting costs neither stack nor
//! memory, and a field present with the wrong type is reported by its path
//! and the type found.

mod json;
mod parse_error;
pub(crate) mod slots;
mod sse;

pub(crate) use json::{json_fields, Fields, Json, Skipped};
pub(crate) use parse_error::Repr;
pub use parse_error::{JsonType, ParseError, ParseErrorKind};
pub(crate) use sse::error_event_data;

/// Parses `body` as one JSON value read into `T`'s slots. Checks, in order:
/// not empty (or only whitespace), UTF-8, then JSON; a UTF-8 byte order
/// mark before the JSON is skipped.
pub(crate) fn json_body<T: Fields>(body: &[u8]) -> Result<Json<T>, ParseError> {
    if body.iter().all(|byte| is_json_whitespace(*byte)) {
        return Err(ParseError::new(Repr::Empty));
    }
    let text = utf8_text(body)?;
    serde_json::from_str(text).map_err(ParseError::from_json)
}

/// `bytes` as text, without a leading UTF-8 byte order mark.
pub(crate) fn utf8_text(bytes: &[u8]) -> Result<&str, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(error) => Err(ParseError::new(Repr::InvalidUtf8 {
            valid_up_to: error.valid_up_to(),
        })),
    }
}

fn is_json_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// At most 64 characters of a server-chosen string, for error messages
/// that must stay short whatever the body holds.
pub(crate) fn excerpt(text: &str) -> String {
    const LIMIT: usize = 64;
    match text.char_indices().nth(LIMIT) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_owned(),
    }
}

/// The error for a value at `path` that is not what a reader expected.
pub(crate) fn wrong_type<T>(
    path: &'static str,
    expected: &'static str,
    found: &Json<T>,
) -> ParseError {
    ParseError::new(Repr::WrongType {
        path,
        expected,
        found: found.json_type(),
    })
}

/// An optional string field: absent or `null` is `None`.
pub(crate) fn string_field(
    path: &'static str,
    value: Option<Json<Skipped>>,
) -> Result<Option<String>, ParseError> {
    match value {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(text)) => Ok(Some(text)),
        Some(other) => Err(wrong_type(path, "a string or null", &other)),
    }
}

/// An optional code: a string, or a number kept as its decimal text.
pub(crate) fn code_field(
    path: &'static str,
    value: Option<Json<Skipped>>,
) -> Result<Option<String>, ParseError> {
    match value {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(text)) | Some(Json::Number(text)) => Ok(Some(text)),
        Some(other) => Err(wrong_type(path, "a string, a number or null", &other)),
    }
}
