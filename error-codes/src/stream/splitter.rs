//! [`SseSplitter`]: server-sent events cut out of a byte stream as it
//! arrives, by the WHATWG EventSource rules.

use super::event::{EventTooLarge, Fields, SseEvent};
use bytes::BytesMut;

/// The bound on one event's size unless set: 16 MiB, room for a Responses
/// `response.completed` event that repeats a long answer or an image.
pub const DEFAULT_MAX_EVENT_LEN: usize = 16 << 20;

const BOM: &[u8] = "\u{feff}".as_bytes();

/// Splits a stream of bytes, pushed chunk by chunk, into its events.
///
/// Lines end with LF, CRLF or a lone CR (a CR that ends one chunk and an LF
/// that starts the next are one line end); a blank line ends an event;
/// lines starting with `:` are comments; `data` lines join with LF; one
/// space after the colon is dropped; a UTF-8 byte order mark at the start
/// of the stream is skipped. Each byte is scanned once, so splitting is
/// linear in the input however it is chunked.
///
/// Every event comes out with its raw bytes, exactly as received, so a
/// relay can pass it on untouched: also the blocks that carry no data
/// (comments, keep-alives), which EventSource would not dispatch
/// ([`SseEvent::data`] is `None` for them). The raw bytes of all events and
/// of [`finish`](Self::finish) put together are the input.
///
/// ```
/// use api_error_codes::stream::SseSplitter;
///
/// let mut splitter = SseSplitter::new();
/// splitter.push(b"event: message_start\r\ndata: {\"a\":1}\r");
/// splitter.push(b"\n\r\n: keep-alive\n\ndata: line 1\ndata: line 2\n\ndata: cut");
///
/// let first = splitter.next_event().unwrap().unwrap();
/// assert_eq!(first.name().as_deref(), Some("message_start"));
/// assert_eq!(first.data().as_deref(), Some("{\"a\":1}"));
/// assert_eq!(first.as_bytes(), b"event: message_start\r\ndata: {\"a\":1}\r\n\r\n");
///
/// let comment = splitter.next_event().unwrap().unwrap();
/// assert_eq!(comment.data(), None);
///
/// let lines = splitter.next_event().unwrap().unwrap();
/// assert_eq!(lines.data().as_deref(), Some("line 1\nline 2"));
///
/// assert!(splitter.next_event().is_none());
/// // The upstream closed: what is left is an event cut short.
/// assert_eq!(splitter.finish().unwrap().as_bytes(), b"data: cut");
/// ```
#[derive(Debug)]
pub struct SseSplitter {
    /// The bytes not returned yet: the current event starts at 0.
    buf: BytesMut,
    /// Every line end before this has been read.
    pos: usize,
    line_start: usize,
    /// The last line ended with a CR at the end of the input: an LF next
    /// belongs to it.
    after_cr: bool,
    first_line: bool,
    fields: Fields,
    max_event_len: usize,
    /// An event broke the bound: nothing more is read.
    failed: bool,
}

impl Default for SseSplitter {
    fn default() -> Self {
        SseSplitter::new()
    }
}

impl SseSplitter {
    /// A splitter for a new stream, bounding events at
    /// [`DEFAULT_MAX_EVENT_LEN`].
    ///
    /// ```
    /// assert!(api_error_codes::stream::SseSplitter::new().next_event().is_none());
    /// ```
    pub fn new() -> Self {
        SseSplitter {
            buf: BytesMut::new(),
            pos: 0,
            line_start: 0,
            after_cr: false,
            first_line: true,
            fields: Fields::default(),
            max_event_len: DEFAULT_MAX_EVENT_LEN,
            failed: false,
        }
    }

    /// Bounds each event at `max` bytes: a longer one is [`EventTooLarge`].
    ///
    /// ```
    /// use api_error_codes::stream::SseSplitter;
    ///
    /// let mut splitter = SseSplitter::new().max_event_len(8);
    /// splitter.push(b"data: 0123456789");
    /// let error = splitter.next_event().unwrap().unwrap_err();
    /// assert_eq!(error.to_string(), "a server-sent event is longer than 8 bytes");
    /// ```
    pub fn max_event_len(mut self, max: usize) -> Self {
        self.max_event_len = max;
        self
    }

    /// Every event of a whole stream text, the last one even without its
    /// blank line (as [`finish`](Self::finish) reads it), without a bound:
    /// for a body already in memory.
    ///
    /// ```
    /// use api_error_codes::stream::SseSplitter;
    ///
    /// let names: Vec<_> = SseSplitter::split_all(b"event: a\ndata: 1\n\nevent: b\ndata: 2")
    ///     .map(|event| event.name().unwrap().into_owned())
    ///     .collect();
    /// assert_eq!(names, ["a", "b"]);
    /// ```
    pub fn split_all(text: &[u8]) -> impl Iterator<Item = SseEvent> {
        let mut splitter = SseSplitter::new().max_event_len(usize::MAX);
        splitter.push(text);
        std::iter::from_fn(move || match splitter.next_event() {
            Some(Ok(event)) => Some(event),
            _ => splitter.finish(),
        })
    }

    /// The first event of a whole stream text whose data is not blank,
    /// else its last event: the one event a reader of an error event reads.
    pub(crate) fn first_with_data(text: &[u8]) -> Option<SseEvent> {
        let mut last = None;
        for event in Self::split_all(text) {
            if event.data().is_some_and(|data| !data.trim().is_empty()) {
                return Some(event);
            }
            last = Some(event);
        }
        last
    }

    /// Adds the next chunk of the stream.
    ///
    /// ```
    /// let mut splitter = api_error_codes::stream::SseSplitter::new();
    /// splitter.push(b"data: 1\n");
    /// assert!(splitter.next_event().is_none());
    /// splitter.push(b"\n");
    /// assert!(splitter.next_event().is_some());
    /// ```
    pub fn push(&mut self, chunk: &[u8]) {
        if self.failed {
            return;
        }
        // Room for many events: the events split off share the buffer
        // while a server writes them, so each new buffer is an allocation.
        if self.buf.capacity() - self.buf.len() < chunk.len() {
            self.buf.reserve(chunk.len().max(8 << 10));
        }
        self.buf.extend_from_slice(chunk);
    }

    /// The next complete event, if the input holds one; `None` when more
    /// input is needed. An event over the bound is [`EventTooLarge`], and
    /// the splitter then reads nothing more: a stream that broke its bound
    /// is not read further.
    ///
    /// ```
    /// let mut splitter = api_error_codes::stream::SseSplitter::new();
    /// splitter.push(b"data: [DONE]\n\n");
    /// let event = splitter.next_event().unwrap().unwrap();
    /// assert_eq!(event.data().as_deref(), Some("[DONE]"));
    /// ```
    pub fn next_event(&mut self) -> Option<Result<SseEvent, EventTooLarge>> {
        if self.failed {
            return None;
        }
        loop {
            if self.after_cr && self.pos < self.buf.len() {
                self.after_cr = false;
                if self.buf[self.pos] == b'\n' {
                    self.pos += 1;
                    self.line_start = self.pos;
                }
            }
            let rest = &self.buf[self.pos..];
            // The blank line after a line needs no search.
            let found = match rest.first() {
                Some(b'\n' | b'\r') => Some(0),
                Some(_) => memchr::memchr2(b'\n', b'\r', rest),
                None => None,
            };
            let Some(found) = found else {
                self.pos = self.buf.len();
                return (self.pos > self.max_event_len).then(|| Err(self.fail()));
            };
            let end = self.pos + found;
            self.pos = end + 1;
            if self.buf[end] == b'\r' {
                match self.buf.get(self.pos) {
                    Some(b'\n') => self.pos += 1,
                    Some(_) => {}
                    None => self.after_cr = true,
                }
            }
            let start = std::mem::replace(&mut self.line_start, self.pos);
            if self.read_line(start, end) {
                if self.pos > self.max_event_len {
                    return Some(Err(self.fail()));
                }
                return Some(Ok(self.take(self.pos)));
            }
        }
    }

    /// The input left after the last complete event, read as an event as
    /// if a blank line followed (its last line even without a line end);
    /// `None` when nothing is left. Call it when the stream has ended and
    /// [`next_event`](Self::next_event) has returned `None`: EventSource
    /// drops such an event, a relay reports a stream cut short.
    ///
    /// ```
    /// let mut splitter = api_error_codes::stream::SseSplitter::new();
    /// splitter.push(b"event: error\ndata: {\"type\":\"err");
    /// assert!(splitter.next_event().is_none());
    /// let cut = splitter.finish().unwrap();
    /// assert_eq!(cut.name().as_deref(), Some("error"));
    /// assert_eq!(cut.data().as_deref(), Some("{\"type\":\"err"));
    /// assert!(splitter.finish().is_none());
    /// ```
    pub fn finish(&mut self) -> Option<SseEvent> {
        if self.failed || self.buf.is_empty() {
            return None;
        }
        let (start, end) = (self.line_start, self.buf.len());
        if start < end {
            self.read_line(start, end);
        }
        self.after_cr = false;
        Some(self.take(end))
    }

    /// Reads the line `start..end` of the current event into its fields;
    /// `true` for a blank line, which ends the event.
    fn read_line(&mut self, mut start: usize, end: usize) -> bool {
        if std::mem::take(&mut self.first_line) && self.buf[start..end].starts_with(BOM) {
            start += BOM.len();
        }
        let line = &self.buf[start..end];
        let colon = match line {
            [] => return true,
            [b':', ..] => return false,
            // The fields a relay reads, without a search.
            [b'd', b'a', b't', b'a', b':', ..] => Some(4),
            [b'e', b'v', b'e', b'n', b't', b':', ..] => Some(5),
            _ => memchr::memchr(b':', line),
        };
        let (name_len, value_start) = match colon {
            Some(colon) => (
                colon,
                colon + 1 + usize::from(line.get(colon + 1) == Some(&b' ')),
            ),
            None => (line.len(), line.len()),
        };
        let value = start + value_start..end;
        match &line[..name_len] {
            b"event" => self.fields.name = Some(value),
            b"data" if self.fields.data.is_none() => self.fields.data = Some(value),
            b"data" => self.fields.more_data.push(value),
            _ => {}
        }
        false
    }

    /// The first `len` bytes, every line of which has been read, as an
    /// event with its fields.
    fn take(&mut self, len: usize) -> SseEvent {
        self.pos = 0;
        self.line_start = 0;
        SseEvent::new(self.buf.split_to(len), std::mem::take(&mut self.fields))
    }

    fn fail(&mut self) -> EventTooLarge {
        self.failed = true;
        self.buf = BytesMut::new();
        EventTooLarge::new(self.max_event_len)
    }
}
