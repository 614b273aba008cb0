//! What a relay reads from the events it passes: each API's terminal
//! events and preamble, and where a Responses stream has got to. Only
//! prefixes and names are read; a chat chunk is parsed only while the
//! preamble is held.

use super::{ClientApi, SseEvent};
use memchr::memmem::Finder;
use serde_json::{Map, Value};

impl ClientApi {
    /// Whether `event` ends a complete stream of this API.
    pub(super) fn is_terminal(self, event: &SseEvent) -> bool {
        match self {
            ClientApi::ChatCompletions => event
                .first_data()
                .is_some_and(|data| data.trim_ascii() == b"[DONE]"),
            ClientApi::Messages => event_type(event) == Some(b"message_stop"),
            ClientApi::Responses => matches!(
                event_type(event),
                Some(b"response.completed" | b"response.incomplete" | b"response.failed")
            ),
        }
    }

    /// Whether `event` comes before any content: what a preamble hold
    /// holds.
    pub(super) fn is_preamble(self, event: &SseEvent) -> bool {
        match self {
            ClientApi::ChatCompletions => event.data().is_some_and(|data| role_only(&data)),
            ClientApi::Messages => matches!(event_type(event), Some(b"message_start" | b"ping")),
            ClientApi::Responses => carries_response(event),
        }
    }

    /// The name of this API's terminal event, for messages.
    pub(super) fn terminal_event(self) -> &'static str {
        match self {
            ClientApi::ChatCompletions => "data: [DONE]",
            ClientApi::Messages => "message_stop",
            ClientApi::Responses => "response.completed",
        }
    }
}

/// The Responses events that carry the response object before any output.
pub(super) fn carries_response(event: &SseEvent) -> bool {
    matches!(
        event_type(event),
        Some(b"response.created" | b"response.in_progress" | b"response.queued")
    )
}

/// The event's type: its name, else the `type` its data starts with
/// (`{"type":"message_stop"`), for servers that name no events.
fn event_type(event: &SseEvent) -> Option<&[u8]> {
    if let Some(name) = event.name_bytes() {
        return Some(name);
    }
    let rest = event.first_data()?.trim_ascii_start().strip_prefix(b"{")?;
    let rest = rest.trim_ascii_start().strip_prefix(b"\"type\"")?;
    let rest = rest.trim_ascii_start().strip_prefix(b":")?;
    let rest = rest.trim_ascii_start().strip_prefix(b"\"")?;
    Some(&rest[..memchr::memchr(b'"', rest)?])
}

/// Whether a chat completion chunk carries nothing but a role: every
/// choice's delta has only `role` and empty values, and no
/// `finish_reason` (Azure's first chunk has no choices at all).
fn role_only(data: &str) -> bool {
    let Ok(chunk) = serde_json::from_str::<Value>(data) else {
        return false;
    };
    let empty = |value: &Value| match value {
        Value::Null => true,
        Value::String(text) => text.is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    };
    chunk["choices"].as_array().is_some_and(|choices| {
        choices.iter().all(|choice| {
            choice["finish_reason"].is_null()
                && choice["delta"].as_object().is_some_and(|delta| {
                    delta
                        .iter()
                        .all(|(key, value)| key == "role" || empty(value))
                })
        })
    })
}

/// The `response` object of an event that carries one.
pub(super) fn response_object(event: &SseEvent) -> Option<Map<String, Value>> {
    match serde_json::from_str::<Value>(&event.data()?).ok()? {
        Value::Object(mut data) => match data.remove("response")? {
            Value::Object(response) => Some(response),
            _ => None,
        },
        _ => None,
    }
}

/// The `sequence_number` of a Responses event: the digits after the first
/// `"sequence_number":` key of its data (a quote cannot appear unescaped
/// inside a JSON string, so that is a key; the events' objects nest none).
pub(super) fn sequence_number(key: &Finder<'_>, event: &SseEvent) -> Option<u64> {
    let data = event.first_data()?;
    let rest = data[key.find(data)? + key.needle().len()..].trim_ascii_start();
    let digits = &rest[..rest.iter().take_while(|byte| byte.is_ascii_digit()).count()];
    let number = digits.iter().try_fold(0u64, |number, digit| {
        number.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
    });
    number.filter(|_| !digits.is_empty())
}
