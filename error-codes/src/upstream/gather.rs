//! The signals of one upstream answer, gathered: the headers first, then
//! the body as `body.rs` reads it (or, not JSON, as plain text).

use super::body::{parse, read};
use super::signals::{aws_type, Rank, Signals, BODY_LIMIT};
use http::HeaderMap;

/// Gathers the signals of an error response. `body` is read as JSON
/// when it is at most [`BODY_LIMIT`] bytes of UTF-8.
pub(crate) fn of_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Signals {
    let mut signals = Signals {
        status_sent: status,
        status,
        ..Signals::default()
    };
    if let Some(kind) = headers
        .get("x-amzn-errortype")
        .and_then(|value| value.to_str().ok())
    {
        signals.push_code(Rank::Named, aws_type(kind));
    }
    match parse(body) {
        Some(value) => read(&mut signals, &value),
        None => read_plain_text(&mut signals, body),
    }
    signals.finish(headers);
    signals
}

/// Gathers the signals of a stream event's data, when it is JSON.
pub(crate) fn of_event(data: Option<&serde_json::Value>) -> Signals {
    let mut signals = Signals {
        status_sent: 200,
        status: 200,
        ..Signals::default()
    };
    if let Some(data) = data {
        read(&mut signals, data);
    }
    signals.finish(&HeaderMap::new());
    signals
}

/// A body that is plain text (not JSON, not an HTML page, not a cut
/// JSON body) is the provider's message: a server's own words, as
/// `missing field \`messages\``.
fn read_plain_text(signals: &mut Signals, body: &[u8]) {
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let text = text.trim();
    if !text.is_empty() && !text.starts_with(['<', '{', '[']) && text.len() <= BODY_LIMIT {
        signals.envelope = true;
        signals.set_message(text);
    }
}
