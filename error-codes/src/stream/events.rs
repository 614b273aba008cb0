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
    let value = match last_member(data, key.needle()) {
        Some(value) => value,
        None => key.find(data)? + key.needle().len(),
    };
    let rest = data[value..].trim_ascii_start();
    let digits = &rest[..rest.iter().take_while(|byte| byte.is_ascii_digit()).count()];
    let number = digits.iter().try_fold(0u64, |number, digit| {
        number.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
    });
    number.filter(|_| !digits.is_empty())
}

/// Where the number of member `key` starts when it is the data's last
/// member (as in the API reference's events): found from the end, without
/// a search through the rest.
fn last_member(data: &[u8], key: &[u8]) -> Option<usize> {
    let members = data.trim_ascii_end().strip_suffix(b"}")?.trim_ascii_end();
    let digits = members
        .iter()
        .rev()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    let before = members[..members.len() - digits].trim_ascii_end();
    before.ends_with(key).then_some(before.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stream::SseSplitter;

    fn number_of(data: &str) -> Option<u64> {
        let event = SseSplitter::split_all(format!("data: {data}\n\n").as_bytes()).next()?;
        sequence_number(&Finder::new(b"\"sequence_number\":"), &event)
    }

    #[test]
    fn the_sequence_number_is_read_wherever_the_member_is() {
        assert_eq!(
            number_of(r#"{"type":"a","delta":"}","sequence_number":41}"#),
            Some(41)
        );
        assert_eq!(
            number_of(r#"{"type":"a","sequence_number": 7 , "response":{}}"#),
            Some(7)
        );
        assert_eq!(
            number_of(r#"{"sequence_number":3,"delta":"\"sequence_number\":9"}"#),
            Some(3)
        );
        assert_eq!(number_of(r#"{"delta":"\"sequence_number\":9"}"#), None);
        assert_eq!(number_of(r#"{"type":"a","sequence_number":}"#), None);
        assert_eq!(
            number_of(r#"{"sequence_number":99999999999999999999}"#),
            None
        );
    }
}
