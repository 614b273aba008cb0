//! [`SseEvent`], one event from an [`SseSplitter`](super::SseSplitter),
//! and [`EventTooLarge`].

use bytes::{Bytes, BytesMut};
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

/// Where an event's fields are in its raw bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Fields {
    pub(super) name: Option<Range<usize>>,
    pub(super) data: Option<Range<usize>>,
    /// The data lines after the first.
    pub(super) more_data: Vec<Range<usize>>,
}

/// One event from an [`SseSplitter`](super::SseSplitter): its raw bytes,
/// with its `event` name and `data` read from them on demand.
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
    pub(super) fn new(raw: BytesMut, fields: Fields) -> Self {
        SseEvent { raw, fields }
    }

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

/// An event longer than its [`SseSplitter`](super::SseSplitter)'s bound.
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
    pub(super) fn new(limit: usize) -> Self {
        EventTooLarge { limit }
    }

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
