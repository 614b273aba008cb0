//! The reader `upstream/` uses until its serde rewrite lands: one visitor
//! into the slots of every provider's shape ([`slots`]). Nothing else in
//! the crate reads through it; it goes when `upstream/` no longer does.

mod json;
pub(crate) mod slots;

pub(crate) use crate::received::{first_event, utf8_text};
pub(crate) use json::{json_fields, Fields, Json, Skipped};

use crate::ParseError;

/// Parses `body` as one JSON value read into `T`'s slots.
pub(crate) fn json_body<T: Fields>(body: &[u8]) -> Result<Json<T>, ParseError> {
    serde_json::from_str(utf8_text(body)?).map_err(ParseError::from_json)
}
