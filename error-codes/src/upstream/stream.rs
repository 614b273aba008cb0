//! Stream events: a scan that tells a normal event from one that may be an
//! error before anything is parsed, and the reading of one that may.

use super::signals::BODY_LIMIT;
use super::Provider;
use crate::stream::{SseEvent, SseSplitter};
use memchr::memmem::Finder;
use serde_json::Value;
use std::borrow::Cow;
use std::sync::LazyLock;

/// The marks an error event carries at least one of, besides its name:
/// `error` (or `Error`) in its data's `error` member or type (a failed
/// Responses API response has an `error` member too); in Google's
/// streams, a prompt's `blockReason`.
static MARKS: LazyLock<[Finder<'static>; 2]> =
    LazyLock::new(|| [Finder::new(b"rror"), Finder::new(b"blockReason")]);

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
/// A scan tells normal events apart before anything is parsed: no error
/// mark, no error name, and data that is `[DONE]` or framed as one JSON
/// value (it opens and closes with the same bracket and its quotes pair
/// up). Any other event is read: an error event, or data that is cut
/// short or is not JSON, is an error.
pub(crate) fn error_event(provider: Provider, event: &[u8]) -> Option<ErrorEvent> {
    if surely_normal(provider, event) {
        return None;
    }
    let text = String::from_utf8_lossy(event);
    let first = SseSplitter::first_with_data(event);
    let name = first.as_ref().and_then(SseEvent::name);
    let data = first.as_ref().and_then(SseEvent::data).map(Cow::into_owned);
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
        // What a stream left unterminated when it closed, with no error's
        // marks, is the caller's to report: its connection broke.
        None if !named && !ends_with_blank_line(event) && !marked(provider, event) => None,
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

/// Whether an event is whole: it ends with its blank line.
fn ends_with_blank_line(event: &[u8]) -> bool {
    [&b"\n\n"[..], b"\r\r", b"\r\n\r\n"]
        .iter()
        .any(|end| event.ends_with(end))
}

/// Whether `event` carries one of the marks of an error.
fn marked(provider: Provider, event: &[u8]) -> bool {
    let google = matches!(provider, Provider::Gemini | Provider::Vertex);
    let marks = if google { &MARKS[..] } else { &MARKS[..1] };
    marks.iter().any(|mark| mark.find(event).is_some())
}

/// Whether the scan alone shows `event` to be normal: no error mark, no
/// error name (`error`, `response.failed`), and no data or one data line
/// that is `[DONE]` or framed as a JSON value.
fn surely_normal(provider: Provider, event: &[u8]) -> bool {
    if marked(provider, event) {
        return false;
    }
    match usual_data(event).or_else(|| data_line(event)) {
        Some(data) => data.is_none_or(|data| framed(data.trim_ascii())),
        None => false,
    }
}

/// The data of an event of the usual shape, `data: ...` or `event: name`
/// then `data: ...`, without a scan of its own: the rest of the event.
/// (Another line after the data makes it look cut, and it is then read.)
fn usual_data(event: &[u8]) -> Option<Option<&[u8]>> {
    let mut rest = event;
    if let Some(named) = rest.strip_prefix(b"event:") {
        let end = memchr::memchr(b'\n', named)?;
        if named[..end].trim_ascii() == b"response.failed" {
            return None;
        }
        rest = &named[end + 1..];
    }
    rest.strip_prefix(b"data:").map(Some)
}

/// The value of the one data line of `event`, if it has one (`Some(None)`
/// when it has none); `None` for an event the scan does not settle: more
/// than one data line, or named `response.failed`. The usual shapes
/// (`data: ...`, `event: name` then `data: ...`) are read line by line
/// with a jump to each line's end.
fn data_line(event: &[u8]) -> Option<Option<&[u8]>> {
    let mut data = None;
    let mut rest = event;
    while !rest.is_empty() {
        let end = memchr::memchr2(b'\n', b'\r', rest).unwrap_or(rest.len());
        let line = &rest[..end];
        if let Some(value) = line.strip_prefix(b"data:") {
            if data.replace(value).is_some() {
                return None;
            }
        } else if line
            .strip_prefix(b"event:")
            .is_some_and(|name| name.trim_ascii() == b"response.failed")
        {
            return None;
        }
        rest = &rest[end..];
        // The event's end: only line breaks are left.
        if rest.iter().all(|byte| matches!(byte, b'\n' | b'\r')) {
            break;
        }
        rest = &rest[1..];
    }
    Some(data)
}

/// `[DONE]`, or an object or array that closes with the bracket it opens
/// with and whose quotes pair up: a JSON value not cut short (but for one
/// cut right after an inner closing bracket), nor two run together. A
/// string ending in a backslash may make a whole value look cut: it is
/// then parsed, which tells.
fn framed(data: &[u8]) -> bool {
    let (Some(first), Some(last)) = (data.first(), data.last()) else {
        return false;
    };
    if !matches!((first, last), (b'{', b'}') | (b'[', b']')) {
        return data == b"[DONE]";
    }
    // Counted modulo 256, in a loop simple enough to run on SIMD lanes.
    let mut quotes = 0_u8;
    for &byte in data {
        quotes = quotes.wrapping_add(u8::from(byte == b'"'));
    }
    // An odd count may be a whole value with an odd number of escaped
    // quotes (`"say \"hi"`): those are counted out. (A cut value whose
    // odd count of quotes an odd count of escaped ones makes even passes.)
    quotes % 2 == 0 || escaped_quotes(data) % 2 == 1
}

/// How many quotes in `data` are escaped (after an odd run of
/// backslashes).
fn escaped_quotes(data: &[u8]) -> usize {
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
                error_event(Provider::OpenAi, event).is_none(),
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
            let error = error_event(Provider::Gemini, event)
                .unwrap_or_else(|| panic!("{}", String::from_utf8_lossy(event)));
            assert_eq!(
                error.data.is_some(),
                json,
                "{}",
                String::from_utf8_lossy(event)
            );
        }
    }
}
