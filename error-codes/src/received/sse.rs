//! Reading one server-sent event as the SSE specification splits it: the
//! event name and data of the first event that carries data.

use super::body::{excerpt, is_blank, utf8_text};
use super::parse_error::{ParseError, Repr};

/// The first event of a stream text that carries data.
pub(crate) struct Event<'a> {
    /// The `event` field of that event (or, when none carries data, of the
    /// unfinished last one).
    pub(crate) name: Option<&'a str>,
    /// The `data` lines joined with LF; `None` when no event carries any
    /// (it is never empty or only whitespace).
    pub(crate) data: Option<String>,
}

/// Reads the first event of `text` that carries data.
///
/// Lines end with LF, CRLF or CR; lines starting with `:` are comments;
/// `data` lines are joined with LF; one space after the colon is dropped;
/// `id` and `retry` are ignored. An event with no data, or data that is
/// empty or only whitespace (`data:` then a blank line), carries no
/// envelope: it is skipped and the next event is read. Events after the
/// one read are ignored.
pub(crate) fn first_event(text: &str) -> Event<'_> {
    let mut name: Option<&str> = None;
    let mut data: Option<String> = None;
    for line in sse_lines(text) {
        if line.is_empty() {
            // A blank line ends the event. One whose data is empty holds
            // no envelope, so the next event starts afresh.
            if data.as_deref().is_some_and(|data| !is_blank(data)) {
                break;
            }
            name = None;
            data = None;
            continue;
        }
        if line.starts_with(':') {
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
    Event {
        name,
        data: data.filter(|data| !is_blank(data)),
    }
}

/// The data of the first event in `event` that carries any (see
/// [`first_event`]), checked to be an error event: unnamed (OpenAI) or
/// named `error` (Anthropic).
pub(crate) fn error_event_data(event: &[u8]) -> Result<String, ParseError> {
    let text = utf8_text(event)?;
    let event = first_event(text);
    if let Some(name) = event.name {
        if name != "error" {
            return Err(ParseError::new(Repr::NotAnError {
                field: "event",
                found: excerpt(name),
            }));
        }
    }
    event.data.ok_or(ParseError::new(Repr::NoData))
}

/// The lines of an SSE stream: split on CRLF, LF or CR.
fn sse_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|line| line.strip_suffix('\r').unwrap_or(line).split('\r'))
}
