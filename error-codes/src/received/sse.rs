//! Reading one server-sent event as the SSE specification splits it: the
//! event name and data of the first event that carries data.

use super::body::{excerpt, is_blank, utf8_text};
use super::parse_error::{ParseError, Repr};
use crate::stream::{SseEvent, SseSplitter};
use std::borrow::Cow;

/// The data of the first event in `event` that carries any, checked to be
/// an error event: unnamed (OpenAI) or named `error` (Anthropic).
pub(crate) fn error_event_data(event: &[u8]) -> Result<String, ParseError> {
    utf8_text(event)?;
    let event = SseSplitter::first_with_data(event);
    let event = event.as_ref();
    if let Some(name) = event.and_then(SseEvent::name) {
        if name != "error" {
            return Err(ParseError::new(Repr::NotAnError {
                field: "event",
                found: excerpt(&name),
            }));
        }
    }
    event
        .and_then(SseEvent::data)
        .filter(|data| !is_blank(data))
        .map(Cow::into_owned)
        .ok_or(ParseError::new(Repr::NoData))
}
