//! One server-sent event, read as the SSE specification says.

/// The first dispatched event of a text: its name and its data.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Event<'a> {
    /// The `event` field, if given.
    pub(crate) name: Option<&'a str>,
    /// The `data` lines joined with LF; `None` when no event was dispatched.
    pub(crate) data: Option<String>,
}

/// Reads the first event that has data. Lines end with LF, CRLF or CR;
/// lines starting with `:` are comments; `data` lines are joined with LF;
/// one space after the colon is dropped; `id` and `retry` are ignored. An
/// event whose data buffer is empty is not dispatched (a keep-alive, or
/// `data:` alone), and the next one is read; events after the first are
/// ignored. A text that ends without a blank line still dispatches what it
/// has.
pub(crate) fn first_event(text: &str) -> Event<'_> {
    let mut name = None;
    let mut data: Option<String> = None;
    for line in lines(text) {
        if line.is_empty() {
            if data.as_deref().is_some_and(|data| !data.is_empty()) {
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
    match data {
        Some(data) if !data.is_empty() => Event {
            name,
            data: Some(data),
        },
        _ => Event::default(),
    }
}

/// The lines of an SSE stream: split on CRLF, LF or CR.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\r', '\n']) {
            Some(end) => {
                let after = if current[end..].starts_with("\r\n") {
                    end + 2
                } else {
                    end + 1
                };
                rest = Some(&current[after..]);
                Some(&current[..end])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_first_event_with_data() {
        let event = first_event(": ping\n\nevent: error\ndata: {\"a\":\ndata: 1}\n\ndata: x\n\n");
        assert_eq!(event.name, Some("error"));
        assert_eq!(event.data.as_deref(), Some("{\"a\":\n1}"));
    }

    #[test]
    fn an_empty_data_buffer_is_not_dispatched() {
        let event = first_event("event: ping\ndata:\n\ndata: {}\r\n\r\n");
        assert_eq!(event.name, None);
        assert_eq!(event.data.as_deref(), Some("{}"));
    }

    #[test]
    fn no_data_is_no_event() {
        assert_eq!(first_event("event: ping\n\n: comment\n"), Event::default());
    }
}
