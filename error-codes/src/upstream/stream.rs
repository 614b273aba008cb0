//! Stream events: a scan that tells a normal event from one that may be an
//! error before anything is parsed, and the reading of one that may.

use super::signals::BODY_LIMIT;
use memchr::memmem::Finder;
use serde_json::Value;
use std::sync::LazyLock;

/// What the scan looks for: the marks an error event carries at least one
/// of (`error` or `Error` in its name, type or data's `error` member;
/// `failed` in `response.failed`; Gemini's `blockReason`), and the start
/// of a data field.
static FINDERS: LazyLock<Finders> = LazyLock::new(|| Finders {
    marks: [
        Finder::new(b"rror"),
        Finder::new(b"failed"),
        Finder::new(b"blockReason"),
    ],
    data: Finder::new(b"data:"),
});

struct Finders {
    marks: [Finder<'static>; 3],
    data: Finder<'static>,
}

/// An event that is an error.
#[derive(Debug)]
pub(crate) struct ErrorEvent {
    /// Its data as JSON, when it is JSON.
    pub(crate) data: Option<Value>,
    /// Its data as sent (or the whole event, when it has none).
    pub(crate) raw: String,
}

/// The error `event` is, if it is one; `None` for a normal event.
///
/// A scan tells most normal events apart before anything is parsed: no
/// error mark, and data that is `[DONE]` or framed as one JSON value (it
/// opens and closes with the same bracket and its quotes pair up). Any
/// other event is read: an error event, or data that is cut short or is
/// not JSON, is an error.
pub(crate) fn error_event(event: &[u8]) -> Option<ErrorEvent> {
    if surely_normal(event) {
        return None;
    }
    let text = String::from_utf8_lossy(event);
    let (name, data) = first_event(text.strip_prefix('\u{feff}').unwrap_or(&text));
    let named =
        name.is_some_and(|name| name.eq_ignore_ascii_case("error") || name == "response.failed");
    let Some(data) = data.filter(|data| !data.trim().is_empty()) else {
        return named.then(|| ErrorEvent {
            data: None,
            raw: text.trim().to_owned(),
        });
    };
    if data.trim() == "[DONE]" && !named {
        return None;
    }
    let json = (data.len() <= BODY_LIMIT)
        .then(|| serde_json::from_str::<Value>(&data).ok())
        .flatten();
    match json {
        // Data cut short or not JSON: the relay must not pass it on raw.
        None => Some(ErrorEvent {
            data: None,
            raw: data,
        }),
        Some(value) if named || is_error(&value) => Some(ErrorEvent {
            data: Some(value),
            raw: data,
        }),
        Some(_) => None,
    }
}

/// The data of the first event in `bytes` that carries any.
pub(crate) fn event_data(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    first_event(text).1
}

/// Whether the scan alone shows `event` to be normal: no error mark, and
/// no data or one data line that is `[DONE]` or framed as a JSON value.
fn surely_normal(event: &[u8]) -> bool {
    let finders = &*FINDERS;
    if finders.marks.iter().any(|mark| mark.find(event).is_some()) {
        return false;
    }
    let mut lines = finders
        .data
        .find_iter(event)
        .filter(|&at| at == 0 || matches!(event[at - 1], b'\n' | b'\r'));
    let Some(start) = lines.next() else {
        return true;
    };
    if lines.next().is_some() {
        return false;
    }
    let rest = &event[start + 5..];
    let end = memchr::memchr2(b'\n', b'\r', rest).unwrap_or(rest.len());
    framed(rest[..end].trim_ascii())
}

/// `[DONE]`, or an object or array whose quotes pair up and whose
/// brackets balance: a JSON value not cut short, nor two run together
/// (brackets or quotes inside strings may make a whole value look cut:
/// it is then parsed, which tells).
fn framed(data: &[u8]) -> bool {
    let (Some(first), Some(last)) = (data.first(), data.last()) else {
        return false;
    };
    let (mut quotes, mut depth) = (0_usize, 0_isize);
    for &byte in data {
        quotes += usize::from(byte == b'"');
        depth +=
            isize::from(byte == b'{' || byte == b'[') - isize::from(byte == b'}' || byte == b']');
    }
    let brackets = matches!((first, last), (b'{', b'}') | (b'[', b']')) && depth == 0;
    brackets && (quotes - escaped_quotes(data)) % 2 == 0 || data == b"[DONE]"
}

/// How many quotes in `data` are escaped (after an odd run of
/// backslashes).
fn escaped_quotes(data: &[u8]) -> usize {
    if memchr::memchr(b'\\', data).is_none() {
        return 0;
    }
    memchr::memmem::find_iter(data, b"\\\"")
        .filter(|&at| {
            let run = data[..=at]
                .iter()
                .rev()
                .take_while(|&&byte| byte == b'\\')
                .count();
            run % 2 == 1
        })
        .count()
}

/// Whether event data is an error rather than a normal chunk: it has a
/// non-null `error` (a chunk with `"error": null` is not one) or Gemini's
/// `promptFeedback.blockReason`, or is the Responses API's flat `error`
/// event or `response.failed`; in an array (Vertex), any element.
fn is_error(data: &Value) -> bool {
    match data {
        Value::Object(top) => {
            top.get("error").is_some_and(|error| !error.is_null())
                || top
                    .get("promptFeedback")
                    .and_then(|feedback| feedback.get("blockReason"))
                    .is_some_and(|reason| !reason.is_null())
                || matches!(
                    top.get("type").and_then(Value::as_str),
                    Some("error" | "response.failed")
                )
        }
        Value::Array(items) => items.iter().any(|item| item.is_object() && is_error(item)),
        _ => false,
    }
}

/// The event name and data of the first event of `text` that carries
/// data (or of the last one, when none does), as the SSE specification
/// reads them: lines end with LF, CRLF or CR; `:` starts a comment; `data`
/// lines join with LF; one space after the colon is dropped.
fn first_event(text: &str) -> (Option<&str>, Option<String>) {
    let mut name = None;
    let mut data: Option<String> = None;
    for line in text.split('\n').flat_map(|line| line.split('\r')) {
        if line.is_empty() {
            if data.as_deref().is_some_and(|data| !data.trim().is_empty()) {
                break;
            }
            if data.is_some() {
                (name, data) = (None, None);
            }
            continue;
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "event" => name = Some(value),
            "data" => match &mut data {
                Some(data) => {
                    data.push('\n');
                    data.push_str(value);
                }
                None => data = Some(value.to_owned()),
            },
            _ => {}
        }
    }
    (name, data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_events_are_not_errors() {
        for event in [
            &b"data: {\"choices\":[{\"delta\":{\"content\":\"an error in your code\"}}]}\n\n"[..],
            b"data: {\"id\":\"x\",\"error\":null,\"choices\":[]}\n\n",
            b": keep-alive\n\n",
            b"data: [DONE]\n\n",
            b"event: ping\ndata: {\"type\": \"ping\"}\n\n",
            b"",
            b"data: {\"text\":\"C:\\\\\",\"q\":\"say \\\"hi\\\"\"}\n\n",
        ] {
            assert!(
                error_event(event).is_none(),
                "{}",
                String::from_utf8_lossy(event)
            );
        }
    }

    #[test]
    fn error_events_are_errors_even_when_unreadable() {
        let cases: [(&[u8], bool); 8] = [
            (
                b"event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\"}}\n\n",
                true,
            ),
            (
                b"event: error\ndata: {\"type\":\"error\",\"error\":{\"ty\n\n",
                false,
            ),
            (b"event: error\ndata: upstream said no\n\n", false),
            (b"event: error\n\n", false),
            (
                b"event: response.failed\r\ndata: {\"type\":\"response.failed\"}\r\n\r\n",
                true,
            ),
            (b"data: [{\"error\":{\"code\":429}}]\n\n", true),
            (
                b"data: {\"id\":\"1\",\"object\":\"chat.cdata: {\"id\":\"2\"}\n\n",
                false,
            ),
            (
                b"data: {\"id\":\"1\",\"choices\":[{\"delta\":{\"content\":\"x\n\n",
                false,
            ),
        ];
        for (event, json) in cases {
            let error =
                error_event(event).unwrap_or_else(|| panic!("{}", String::from_utf8_lossy(event)));
            assert_eq!(
                error.data.is_some(),
                json,
                "{}",
                String::from_utf8_lossy(event)
            );
        }
    }
}
