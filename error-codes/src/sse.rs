//! Errors as server-sent events, for a stream that has already started.

use crate::envelope::Envelope;
use crate::Format;

impl Envelope<'_> {
    /// Exactly one complete server-sent event carrying the envelope:
    ///
    /// - OpenAI format: `data: {envelope}\n\n`
    /// - Anthropic format: `event: error\ndata: {envelope}\n\n`
    /// - problem details: `event: error\ndata: {problem}\n\n`
    ///
    /// The JSON escapes every CR and LF in the message, so no message can
    /// end the event early or inject a field.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let event = ErrorCode::UpstreamTimeout.envelope(Format::OpenAi).to_sse_event();
    /// let text = String::from_utf8(event).unwrap();
    /// assert!(text.starts_with("data: {\"error\":"));
    /// assert!(text.ends_with("}\n\n"));
    /// assert_eq!(text.matches('\n').count(), 2);
    /// ```
    pub fn to_sse_event(&self) -> Vec<u8> {
        match self.format {
            Format::OpenAi => self.render(b"data: ", b"\n\n"),
            Format::Anthropic | Format::Problem => self.render(b"event: error\ndata: ", b"\n\n"),
        }
    }
}
