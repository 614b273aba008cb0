//! Envelopes as complete `http::Response`s, with the headers the official
//! SDKs read.

use super::Envelope;
use http::header::{HeaderName, HeaderValue, CONTENT_TYPE, RETRY_AFTER};
use http::{Response, StatusCode};
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use std::time::Duration;

/// The status a response gets for status 0 (`client_disconnected`): 499,
/// nginx's "client closed request". Nobody receives that response (the
/// client is gone); it exists so logs and middleware that insist on a
/// response see an honest, non-success status instead of a panic.
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode, Format, CLIENT_CLOSED_REQUEST};
///
/// let response = ErrorCode::ClientDisconnected.to_http_response(Format::OpenAi);
/// assert_eq!(response.status(), CLIENT_CLOSED_REQUEST);
/// ```
pub const CLIENT_CLOSED_REQUEST: StatusCode = match StatusCode::from_u16(499) {
    Ok(status) => status,
    Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
};

/// What a request id header percent-encodes: the bytes a header value
/// cannot hold (controls, non-ASCII), the space (trimmed at either end in
/// transit), and `%` itself, so that decoding gives back the id exactly.
const HEADER: &AsciiSet = &CONTROLS.add(b' ').add(b'%');

impl Envelope<'_> {
    /// The error as a complete response:
    ///
    /// - the status ([`CLIENT_CLOSED_REQUEST`], 499, for status 0);
    /// - `content-type: application/json` (`application/problem+json` for
    ///   problem details);
    /// - `x-should-retry: true|false` from [`ApiError::is_retryable`](crate::ApiError::is_retryable),
    ///   which the official SDKs obey instead of retrying every 409/429/5xx;
    /// - `retry-after` (whole seconds, rounded up) and `retry-after-ms` when
    ///   the error carries a delay ([`ApiError::retry_after`](crate::ApiError::retry_after));
    /// - the request id, when set, in `x-request-id` (OpenAI format,
    ///   problem details) or `request-id` (Anthropic format), with spaces,
    ///   `%` and the bytes a header cannot hold percent-encoded
    ///   ([`ReceivedError::from_response`](crate::ReceivedError::from_response)
    ///   decodes them).
    ///
    /// ```
    /// use api_error_codes::{ApiError, Format};
    /// use std::time::Duration;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(code = "rate_limit_exceeded", retry_after = 0)]
    /// struct SlowDown(Duration);
    ///
    /// let response = SlowDown(Duration::from_millis(1200))
    ///     .envelope(Format::Anthropic)
    ///     .request_id("req_42")
    ///     .to_http_response();
    /// assert_eq!(response.status(), 429);
    /// assert_eq!(response.headers()["retry-after"], "2");
    /// assert_eq!(response.headers()["retry-after-ms"], "1200");
    /// assert_eq!(response.headers()["x-should-retry"], "true");
    /// assert_eq!(response.headers()["request-id"], "req_42");
    /// ```
    pub fn to_http_response(&self) -> Response<Vec<u8>> {
        let mut response = Response::new(self.to_body());
        *response.status_mut() = self.error.http_status().unwrap_or(CLIENT_CLOSED_REQUEST);
        let headers = response.headers_mut();
        let content_type = HeaderValue::from_static(self.format.content_type());
        headers.insert(CONTENT_TYPE, content_type);
        let retry = HeaderValue::from_static(if self.error.is_retryable() {
            "true"
        } else {
            "false"
        });
        headers.insert(HeaderName::from_static("x-should-retry"), retry);
        if let Some(delay) = self.error.retry_after() {
            headers.insert(RETRY_AFTER, HeaderValue::from(ceil_seconds(delay)));
            let millis = HeaderValue::from(ceil_millis(delay));
            headers.insert(HeaderName::from_static("retry-after-ms"), millis);
        }
        if let Some(request_id) = self.options.request_id {
            let name = HeaderName::from_static(self.format.request_id_header());
            let value = utf8_percent_encode(request_id, HEADER).to_string();
            // Percent-encoded, the value is visible ASCII only.
            if let Ok(value) = HeaderValue::try_from(value) {
                headers.insert(name, value);
            }
        }
        response
    }
}

/// Whole seconds, rounded up; `u64::MAX` for a delay that would overflow.
fn ceil_seconds(delay: Duration) -> u64 {
    delay
        .as_secs()
        .saturating_add(u64::from(delay.subsec_nanos() > 0))
}

/// Whole milliseconds, rounded up; `u64::MAX` for a delay that would
/// overflow.
fn ceil_millis(delay: Duration) -> u64 {
    let millis = delay.as_millis() + u128::from(delay.subsec_nanos() % 1_000_000 > 0);
    u64::try_from(millis).unwrap_or(u64::MAX)
}
