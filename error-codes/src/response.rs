//! Errors as complete `http::Response`s, with the headers the official SDKs
//! read.

use crate::envelope::Envelope;
use crate::Format;
use http::header::{HeaderName, HeaderValue, CONTENT_TYPE, RETRY_AFTER};
use http::{Response, StatusCode};
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
/// assert_eq!(response.status().as_u16(), 499);
/// ```
pub const CLIENT_CLOSED_REQUEST: StatusCode = match StatusCode::from_u16(499) {
    Ok(status) => status,
    Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
};

static X_SHOULD_RETRY: HeaderName = HeaderName::from_static("x-should-retry");
static RETRY_AFTER_MS: HeaderName = HeaderName::from_static("retry-after-ms");
static X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
static REQUEST_ID: HeaderName = HeaderName::from_static("request-id");
static APPLICATION_JSON: HeaderValue = HeaderValue::from_static("application/json");
static APPLICATION_PROBLEM_JSON: HeaderValue = HeaderValue::from_static("application/problem+json");
static TRUE: HeaderValue = HeaderValue::from_static("true");
static FALSE: HeaderValue = HeaderValue::from_static("false");

impl Envelope<'_> {
    /// The error as a complete response:
    ///
    /// - the status ([`CLIENT_CLOSED_REQUEST`], 499, for status 0);
    /// - `content-type: application/json` (`application/problem+json` for
    ///   problem details);
    /// - `x-should-retry: true|false` from [`ApiError::is_retryable`], which
    ///   the official SDKs obey instead of retrying every 409/429/5xx;
    /// - `retry-after` (whole seconds, rounded up) and `retry-after-ms` when
    ///   the error carries a delay ([`ApiError::retry_after`]);
    /// - the request id, when set, in `x-request-id` (OpenAI format,
    ///   problem details) or `request-id` (Anthropic format). Bytes a
    ///   header cannot hold are
    ///   percent-encoded, as is `%` itself.
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
        let status = self.error.http_status().unwrap_or(CLIENT_CLOSED_REQUEST);
        let mut response = Response::new(self.to_body());
        *response.status_mut() = status;
        let headers = response.headers_mut();
        let content_type = match self.format {
            Format::Problem => &APPLICATION_PROBLEM_JSON,
            _ => &APPLICATION_JSON,
        };
        headers.insert(CONTENT_TYPE, content_type.clone());
        let retry = if self.error.is_retryable() {
            &TRUE
        } else {
            &FALSE
        };
        headers.insert(X_SHOULD_RETRY.clone(), retry.clone());
        if let Some(delay) = self.error.retry_after() {
            headers.insert(RETRY_AFTER, HeaderValue::from(ceil_seconds(delay)));
            headers.insert(
                RETRY_AFTER_MS.clone(),
                HeaderValue::from(ceil_millis(delay)),
            );
        }
        if let Some(request_id) = self.request_id {
            let name = match self.format {
                Format::OpenAi | Format::Problem => &X_REQUEST_ID,
                Format::Anthropic => &REQUEST_ID,
            };
            headers.insert(name.clone(), header_value(request_id));
        }
        response
    }
}

fn ceil_seconds(delay: Duration) -> u64 {
    delay.as_secs() + u64::from(delay.subsec_nanos() > 0)
}

fn ceil_millis(delay: Duration) -> u64 {
    let millis = delay.as_millis() + u128::from(delay.subsec_nanos() % 1_000_000 > 0);
    u64::try_from(millis).unwrap_or(u64::MAX)
}

/// `text` as a header value, percent-encoding what a header cannot carry.
pub(crate) fn header_value(text: &str) -> HeaderValue {
    let clean = text
        .bytes()
        .all(|byte| (0x21..0x7f).contains(&byte) && byte != b'%');
    if clean {
        if let Ok(value) = HeaderValue::from_str(text) {
            return value;
        }
    }
    let mut encoded = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if (0x21..0x7f).contains(&byte) && byte != b'%' {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    HeaderValue::from_str(&encoded).unwrap_or_else(|_| HeaderValue::from_static(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_delays_up() {
        assert_eq!(ceil_seconds(Duration::from_millis(1)), 1);
        assert_eq!(ceil_seconds(Duration::from_secs(3)), 3);
        assert_eq!(ceil_seconds(Duration::ZERO), 0);
        assert_eq!(ceil_millis(Duration::from_nanos(1)), 1);
        assert_eq!(ceil_millis(Duration::from_millis(250)), 250);
        assert_eq!(ceil_millis(Duration::MAX), u64::MAX);
    }

    #[test]
    fn header_values_never_fail() {
        assert_eq!(header_value("req_abc-123"), "req_abc-123");
        assert_eq!(header_value("a b"), "a%20b");
        assert_eq!(header_value("100%"), "100%25");
        assert_eq!(
            header_value("line\r\nInjected: 1"),
            "line%0D%0AInjected:%201"
        );
        assert_eq!(header_value("caf\u{e9}"), "caf%C3%A9");
        assert_eq!(header_value(""), "");
    }
}
