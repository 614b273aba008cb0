//! [`SseSplitter`]: server-sent events cut out of a byte stream as it
//! arrives, by the WHATWG EventSource rules, with [`SseEvent`] and
//! [`EventTooLarge`].

use bytes::{Bytes, BytesMut};
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

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

/// Where an event's fields are in its raw bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Fields {
    name: Option<Range<usize>>,
    data: Option<Range<usize>>,
    /// The data lines after the first.
    more_data: Vec<Range<usize>>,
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
        if !self.failed {
            self.buf.extend_from_slice(chunk);
        }
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
            let Some(found) = memchr::memchr2(b'\n', b'\r', &self.buf[self.pos..]) else {
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
        let (name_len, value_start) = match memchr::memchr(b':', line) {
            _ if line.is_empty() => return true,
            Some(0) => return false,
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
        SseEvent {
            raw: self.buf.split_to(len),
            fields: std::mem::take(&mut self.fields),
        }
    }

    fn fail(&mut self) -> EventTooLarge {
        self.failed = true;
        self.buf = BytesMut::new();
        EventTooLarge {
            limit: self.max_event_len,
        }
    }
}

/// One event from an [`SseSplitter`]: its raw bytes, with its `event` name
/// and `data` read from them on demand.
///
/// ```
/// use api_error_codes::stream::SseSplitter;
///
/// let event = SseSplitter::split_all(b"id: 7\nevent: ping\ndata: {}\n\n").next().unwrap();
/// assert_eq!(event.name().as_deref(), Some("ping"));
/// assert_eq!(event.data().as_deref(), Some("{}"));
/// assert_eq!(event.into_bytes(), "id: 7\nevent: ping\ndata: {}\n\n");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SseEvent {
    raw: BytesMut,
    fields: Fields,
}

impl SseEvent {
    /// The event's bytes as received, up to and with its blank line.
    ///
    /// ```
    /// let event = api_error_codes::stream::SseSplitter::split_all(b": hi\r\r").next().unwrap();
    /// assert_eq!(event.as_bytes(), b": hi\r\r");
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        &self.raw
    }

    /// The event's bytes as received, without a copy.
    ///
    /// ```
    /// let event = api_error_codes::stream::SseSplitter::split_all(b"data: x\n\n").next().unwrap();
    /// assert_eq!(event.into_bytes(), "data: x\n\n");
    /// ```
    pub fn into_bytes(self) -> Bytes {
        self.raw.freeze()
    }

    /// The event's type, the value of its last `event` line; `None`
    /// without one or when it is empty (EventSource's `message`). Bytes
    /// that are not UTF-8 read as U+FFFD, as EventSource decodes them.
    ///
    /// ```
    /// let event = api_error_codes::stream::SseSplitter::split_all(b"event: a\nevent:b\n\n").next().unwrap();
    /// assert_eq!(event.name().as_deref(), Some("b"));
    /// ```
    pub fn name(&self) -> Option<Cow<'_, str>> {
        self.name_bytes().map(String::from_utf8_lossy)
    }

    /// The event's data: its `data` lines joined with LF (borrowed when
    /// there is one); `None` when it has none. Decoded as
    /// [`name`](Self::name) is.
    ///
    /// ```
    /// let event = api_error_codes::stream::SseSplitter::split_all(b"data: a\ndata\n\n").next().unwrap();
    /// assert_eq!(event.data().as_deref(), Some("a\n"));
    /// ```
    pub fn data(&self) -> Option<Cow<'_, str>> {
        let first = &self.raw[self.fields.data.clone()?];
        if self.fields.more_data.is_empty() {
            return Some(String::from_utf8_lossy(first));
        }
        let mut data = first.to_vec();
        for line in &self.fields.more_data {
            data.push(b'\n');
            data.extend_from_slice(&self.raw[line.clone()]);
        }
        Some(Cow::Owned(match String::from_utf8(data) {
            Ok(data) => data,
            Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
        }))
    }

    /// The raw name, when there is a non-empty one.
    pub(crate) fn name_bytes(&self) -> Option<&[u8]> {
        let name = &self.raw[self.fields.name.clone()?];
        (!name.is_empty()).then_some(name)
    }

    /// The first data line, raw: enough to tell what the data is.
    #[cfg(feature = "stream")]
    pub(crate) fn first_data(&self) -> Option<&[u8]> {
        Some(&self.raw[self.fields.data.clone()?])
    }

    /// The raw bytes, to join with the events around them.
    #[cfg(feature = "stream")]
    pub(crate) fn into_raw(self) -> BytesMut {
        self.raw
    }
}

/// An event longer than its [`SseSplitter`]'s bound.
///
/// ```
/// use api_error_codes::stream::SseSplitter;
///
/// let mut splitter = SseSplitter::new().max_event_len(4);
/// splitter.push(b"data: 12345\n\n");
/// assert_eq!(splitter.next_event().unwrap().unwrap_err().limit(), 4);
/// assert!(splitter.next_event().is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EventTooLarge {
    limit: usize,
}

impl EventTooLarge {
    /// The bound the event broke, in bytes.
    pub fn limit(&self) -> usize {
        self.limit
    }
}

impl fmt::Display for EventTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a server-sent event is longer than {} bytes", self.limit)
    }
}

impl std::error::Error for EventTooLarge {}
