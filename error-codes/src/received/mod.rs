//! [`ReceivedError`]: an OpenAI- or Anthropic-format error body, or RFC
//! 9457 problem details (or an SSE error event), received from a server, as
//! a typed value.

mod body;
mod parse_error;
mod problem;
mod sse;

pub use parse_error::{JsonType, ParseError, ParseErrorKind};

use crate::{ErrorCode, Format};
use percent_encoding::percent_decode_str;
use problem::ProblemMembers;
use std::fmt;

/// An error body received from an OpenAI- or Anthropic-format server, or
/// problem details from any HTTP API, parsed into a typed value.
///
/// [`parse`](Self::parse) recognises either envelope, and problem details:
///
/// - OpenAI: `{"error":{"message","type","param","code"}}` (plus the
///   optional `doc_url`, `suggestion` and `provider`);
/// - Anthropic: `{"type":"error","error":{"type","message","details"?:{"error_code"}},"request_id"}`;
/// - problem details (RFC 9457), from this crate or any other server:
///   `{"type"?,"title"?,"status"?,"detail"?,"instance"?, ...}`, read by
///   the RFC's rules (see [`problem_type`](Self::problem_type)).
///
/// A code this crate does not know (a newer server, a private code) is kept
/// as a string: [`code`](Self::code) returns it and [`canonical`](Self::canonical)
/// returns `None`. A numeric code (`"code": 123`) is kept as its decimal
/// string.
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode, Format, ReceivedError};
///
/// // What a gateway sent...
/// let body = ErrorCode::BudgetExhausted.to_body(Format::OpenAi);
/// // ...is what a client gets back.
/// let received = ReceivedError::parse(429, &body).unwrap();
/// assert_eq!(received.format(), Format::OpenAi);
/// assert_eq!(received.canonical(), Some(ErrorCode::BudgetExhausted));
/// assert_eq!(received.message(), "Account or project budget reached");
/// assert_eq!(received.error_type(), Some("rate_limit_error"));
///
/// // A code from a newer server survives as a string.
/// let newer = br#"{"type":"error","error":{"type":"api_error","message":"slow down",
///     "details":{"error_code":"galaxy_brain_overheated"}},"request_id":"req_9"}"#;
/// let received = ReceivedError::parse(500, newer).unwrap();
/// assert_eq!(received.format(), Format::Anthropic);
/// assert_eq!(received.code(), Some("galaxy_brain_overheated"));
/// assert_eq!(received.canonical(), None);
/// assert_eq!(received.request_id(), Some("req_9"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedError {
    pub(crate) format: Format,
    pub(crate) status: u16,
    pub(crate) code: Option<String>,
    pub(crate) message: String,
    pub(crate) error_type: Option<String>,
    pub(crate) param: Option<String>,
    pub(crate) request_id: Option<String>,
    pub(crate) doc_url: Option<String>,
    pub(crate) suggestion: Option<String>,
    pub(crate) provider: Option<String>,
    /// What only problem details carry; `None` for the envelopes.
    pub(crate) problem: Option<Box<ProblemMembers>>,
}

impl ReceivedError {
    /// Parses an error body received with HTTP status `status`.
    ///
    /// The format is Anthropic when the top-level `type` is `"error"`, and
    /// OpenAI when there is no top-level `type` (or it is `null`) and there
    /// is an `error` key. Otherwise an object with a string `title` or
    /// `detail`, or a number `status`, is problem details
    /// ([`Format::Problem`]), read by RFC 9457's rules: never an error, see
    /// [`problem_type`](Self::problem_type). Both envelopes need an `error`
    /// object with a string `message`; every other
    /// field is optional, may be `null`, and must have its documented type
    /// when present. Unknown keys are ignored; a key the body reads given
    /// twice in one object is an error
    /// ([`DuplicateKey`](crate::ParseErrorKind::DuplicateKey)), as clients
    /// disagree on which one counts. A UTF-8 byte order mark before the
    /// JSON is skipped.
    ///
    /// Never panics, whatever the bytes; see [`ParseError`] for what can be
    /// wrong. Values the envelope does not read are skipped by `serde_json`'s
    /// iterative skipper, so nesting costs neither stack nor memory: a body
    /// nested 100,000 levels deep in an unknown key parses, and one nested
    /// where a field belongs is that field's
    /// [`WrongType`](crate::ParseErrorKind::WrongType). Megabytes of unknown keys
    /// are skipped without being stored.
    ///
    /// ```
    /// use api_error_codes::{ParseErrorKind, ReceivedError};
    ///
    /// let received = ReceivedError::parse(
    ///     400,
    ///     br#"{"error":{"message":"bad model","type":"invalid_request_error","param":"model","code":null}}"#,
    /// ).unwrap();
    /// assert_eq!(received.param(), Some("model"));
    /// assert_eq!(received.code(), None);
    ///
    /// let error = ReceivedError::parse(502, b"<html>Bad Gateway</html>").unwrap_err();
    /// assert_eq!(error.kind(), ParseErrorKind::InvalidJson);
    ///
    /// let error = ReceivedError::parse(400, br#"{"error":{"message":42}}"#).unwrap_err();
    /// assert_eq!(error.kind(), ParseErrorKind::WrongType);
    /// assert_eq!(error.to_string(), "`error.message` is a number, expected a string");
    /// ```
    pub fn parse(status: u16, body: &[u8]) -> Result<ReceivedError, ParseError> {
        let top = body::top(body)?;
        if top.is_problem() {
            Ok(top.into_problem(status))
        } else {
            top.into_envelope(status)
        }
    }

    /// Parses one server-sent event carrying an error, as sent in the
    /// middle of a stream: `data: {envelope}` (OpenAI) or
    /// `event: error` + `data: {envelope}` (Anthropic, and problem details
    /// with `data: {problem}`).
    ///
    /// The event is read as the SSE specification says: lines end with LF,
    /// CRLF or CR; lines starting with `:` are comments; `data` lines are
    /// joined with LF; one space after the colon is dropped; `id` and
    /// `retry` are ignored. The first event with data is read; events
    /// before it whose data is absent or empty (comments, keep-alives,
    /// `data:` alone) are skipped, events after it ignored. An `event` name
    /// other than `error` is an error of kind
    /// [`ParseErrorKind::NotAnError`](crate::ParseErrorKind::NotAnError). `status` is the
    /// stream's HTTP status (usually 200); the code's own status comes from
    /// [`canonical`](Self::canonical).
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format, ParseErrorKind, ReceivedError};
    ///
    /// for &format in Format::ALL {
    ///     let event = ErrorCode::UpstreamTimeout.envelope(format).details_error_code(true).to_sse_event();
    ///     let received = ReceivedError::parse_sse_event(200, &event).unwrap();
    ///     assert_eq!(received.format(), format);
    ///     assert_eq!(received.canonical(), Some(ErrorCode::UpstreamTimeout));
    /// }
    ///
    /// let error = ReceivedError::parse_sse_event(200, b"event: ping\ndata: {}\n\n").unwrap_err();
    /// assert_eq!(error.kind(), ParseErrorKind::NotAnError);
    /// ```
    pub fn parse_sse_event(status: u16, event: &[u8]) -> Result<ReceivedError, ParseError> {
        ReceivedError::parse(status, sse::error_event_data(event)?.as_bytes())
    }

    /// Parses a whole `http::Response`: its status, its body, and, when the
    /// body carries no request id, the `x-request-id` (OpenAI format,
    /// problem details) or `request-id` (Anthropic format) header,
    /// percent-decoded as [`Envelope::to_http_response`](crate::Envelope::to_http_response)
    /// encodes it (a value that does not decode to UTF-8 is kept as is). With `content-type: application/problem+json` the body is
    /// read as problem details ([`parse_problem`](Self::parse_problem)).
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format, ReceivedError};
    ///
    /// let response = ErrorCode::RateLimitExceeded
    ///     .envelope(Format::OpenAi)
    ///     .request_id("req_77")
    ///     .to_http_response();
    /// let received = ReceivedError::from_response(&response).unwrap();
    /// assert_eq!(received.status(), 429);
    /// assert_eq!(received.request_id(), Some("req_77"));
    /// assert_eq!(received.canonical(), Some(ErrorCode::RateLimitExceeded));
    /// ```
    pub fn from_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<ReceivedError, ParseError> {
        let status = response.status().as_u16();
        let body = response.body().as_ref();
        let mut received = if problem::is_problem_content_type(response.headers()) {
            ReceivedError::parse_problem(status, body)?
        } else {
            ReceivedError::parse(status, body)?
        };
        if received.request_id.is_none() {
            let header = response.headers().get(received.format.request_id_header());
            received.request_id = header.and_then(|value| value.to_str().ok()).map(|value| {
                let decoded = percent_decode_str(value).decode_utf8();
                decoded.map_or_else(|_| value.to_owned(), Into::into)
            });
        }
        Ok(received)
    }

    /// Which envelope the body was in.
    ///
    /// ```
    /// use api_error_codes::{Format, ReceivedError};
    ///
    /// let received = ReceivedError::parse(500, br#"{"error":{"message":"m"}}"#).unwrap();
    /// assert_eq!(received.format(), Format::OpenAi);
    /// ```
    pub fn format(&self) -> Format {
        self.format
    }

    /// The HTTP status given to [`parse`](Self::parse).
    ///
    /// ```
    /// use api_error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(503, br#"{"error":{"message":"m"}}"#).unwrap();
    /// assert_eq!(received.status(), 503);
    /// ```
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The stable code, if the body has one: OpenAI's `error.code`, or
    /// Anthropic's `error.details.error_code`. Each format falls back to the
    /// other's place (an Anthropic-format body with `error.code`, say). A
    /// numeric code is given as its decimal string.
    ///
    /// ```
    /// use api_error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(400, br#"{"error":{"message":"m","code":1234}}"#).unwrap();
    /// assert_eq!(received.code(), Some("1234"));
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The canonical code, if [`code`](Self::code) is one this crate knows
    /// (exact, case-sensitive); the name [`UpstreamError::canonical`](crate::upstream::UpstreamError::canonical)
    /// has too.
    ///
    /// ```
    /// use api_error_codes::{ErrorCode, ReceivedError};
    ///
    /// let known = ReceivedError::parse(404, br#"{"error":{"message":"m","code":"model_not_found"}}"#).unwrap();
    /// assert_eq!(known.canonical(), Some(ErrorCode::ModelNotFound));
    /// let private = ReceivedError::parse(403, br#"{"error":{"message":"m","code":"tenant_suspended"}}"#).unwrap();
    /// assert_eq!(private.canonical(), None);
    /// ```
    pub fn canonical(&self) -> Option<ErrorCode> {
        self.code.as_deref().and_then(ErrorCode::from_code)
    }

    /// The human message (`error.message`), always present.
    ///
    /// ```
    /// use api_error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(500, br#"{"error":{"message":"line 1\nline 2"}}"#).unwrap();
    /// assert_eq!(received.message(), "line 1\nline 2");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The `error.type`, such as `rate_limit_error`. `None` when the body
    /// has none or it is `null`: both envelopes define it, but
    /// OpenAI-compatible servers in the wild sometimes leave it out, and a
    /// client should still get the message and code.
    ///
    /// ```
    /// use api_error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(
    ///     529,
    ///     br#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#,
    /// ).unwrap();
    /// assert_eq!(received.error_type(), Some("overloaded_error"));
    /// ```
    pub fn error_type(&self) -> Option<&str> {
        self.error_type.as_deref()
    }

    /// The request parameter at fault (OpenAI's `error.param`).
    ///
    /// ```
    /// use api_error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(400, br#"{"error":{"message":"m","param":"messages"}}"#).unwrap();
    /// assert_eq!(received.param(), Some("messages"));
    /// ```
    pub fn param(&self) -> Option<&str> {
        self.param.as_deref()
    }

    /// The request id: the top-level `request_id` of the body (Anthropic
    /// format), or with [`from_response`](Self::from_response) the
    /// request-id header.
    ///
    /// ```
    /// use api_error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(
    ///     500,
    ///     br#"{"type":"error","error":{"type":"api_error","message":"m"},"request_id":"req_1"}"#,
    /// ).unwrap();
    /// assert_eq!(received.request_id(), Some("req_1"));
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// A link to the code's documentation (`error.doc_url`), if sent.
    ///
    /// ```
    /// use api_error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(400, br#"{"error":{"message":"m","doc_url":"https://x.test/e"}}"#).unwrap();
    /// assert_eq!(received.doc_url(), Some("https://x.test/e"));
    /// ```
    pub fn doc_url(&self) -> Option<&str> {
        self.doc_url.as_deref()
    }

    /// What the client can do about it (`error.suggestion`), if sent.
    ///
    /// ```
    /// use api_error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(400, br#"{"error":{"message":"m","suggestion":"Retry later"}}"#).unwrap();
    /// assert_eq!(received.suggestion(), Some("Retry later"));
    /// ```
    pub fn suggestion(&self) -> Option<&str> {
        self.suggestion.as_deref()
    }

    /// The upstream provider that generated the error, if sent:
    /// `error.provider` (a gateway's extension of the OpenAI envelope), or
    /// problem details' `provider` member (a string; another type is
    /// ignored, by RFC 9457's rule).
    ///
    /// ```
    /// use api_error_codes::upstream::{Provider, UpstreamError};
    /// use api_error_codes::{ApiError, Format, ReceivedError};
    ///
    /// let upstream = UpstreamError::from_response(Provider::Groq, 503, &http::HeaderMap::new(), b"");
    /// let received = ReceivedError::parse(503, &upstream.to_body(Format::OpenAi)).unwrap();
    /// assert_eq!(received.provider(), Some("groq"));
    /// let received = ReceivedError::parse(503, &upstream.to_body(Format::Problem)).unwrap();
    /// assert_eq!(received.provider(), Some("groq"));
    /// ```
    pub fn provider(&self) -> Option<&str> {
        self.provider.as_deref()
    }
}

impl fmt::Display for ReceivedError {
    /// `429 rate_limit_exceeded: Requests-per-minute cap hit`: the status,
    /// the code (else the type), and the message.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format, ReceivedError};
    ///
    /// let body = ErrorCode::RateLimitExceeded.to_body(Format::Anthropic);
    /// let received = ReceivedError::parse(429, &body).unwrap();
    /// assert_eq!(received.to_string(), "429 rate_limit_error: Requests-per-minute cap hit");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self
            .code
            .as_deref()
            .or(self.error_type.as_deref())
            .unwrap_or("error");
        write!(f, "{} {}: {}", self.status, label, self.message)
    }
}

impl std::error::Error for ReceivedError {}
