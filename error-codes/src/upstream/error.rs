//! [`UpstreamError`]: an error a provider sent, read and translated to the
//! canonical code, with what the client may see.

use super::signals::Signals;
use super::{param, redact, table, Provider, TransportFailure};
use crate::code_list::CodeList;
use crate::info::CodeInfo;
use crate::read::slots::TopFields;
use crate::read::{self, Json};
use crate::{ApiError, Describe, ErrorCode};
use http::HeaderMap;
use std::borrow::Cow;
use std::time::Duration;

/// An error response (or error stream event) from an upstream provider,
/// translated to the canonical code a gateway answers with.
///
/// Its [`ApiError`] impl renders the canonical code: status, envelope
/// types and retry policy from the catalogue, the provider's delay as
/// [`retry_after`](ApiError::retry_after), and a message that follows the
/// [message policy](crate::upstream#what-the-client-reads).
///
/// ```
/// use api_error_codes::upstream::{Provider, UpstreamError};
/// use api_error_codes::{ApiError, ErrorCode};
///
/// let body = br#"{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 201234 tokens > 200000 maximum"}}"#;
/// let error = UpstreamError::from_response(Provider::Anthropic, 400, &http::HeaderMap::new(), body);
/// assert_eq!(error.canonical(), ErrorCode::ContextLengthExceeded);
/// assert_eq!(error.upstream_code(), Some("invalid_request_error"));
/// assert_eq!(error.message(), "prompt is too long: 201234 tokens > 200000 maximum");
/// assert_eq!(error.status(), 400);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpstreamError {
    provider: Provider,
    upstream_status: u16,
    canonical: ErrorCode,
    /// The translation table's row that decided; none for a failure below
    /// HTTP.
    row: Option<usize>,
    transport: Option<TransportFailure>,
    upstream_code: Option<String>,
    upstream_message: String,
    param: Option<String>,
    client_message: Option<String>,
    retry_after: Option<Duration>,
}

impl UpstreamError {
    /// Reads an error response from `provider`: its HTTP status, headers
    /// and body, whatever they hold.
    ///
    /// Never fails and never panics: an HTML page, an empty, truncated or
    /// non-UTF-8 body is still an upstream error, classified by what can be
    /// known (the status, the headers), and kept whole as
    /// [`upstream_message`](Self::upstream_message) for logs.
    ///
    /// ```
    /// use api_error_codes::upstream::{Provider, UpstreamError};
    /// use api_error_codes::ErrorCode;
    ///
    /// let html = b"<html><body><h1>504 Gateway Time-out</h1></body></html>";
    /// let error = UpstreamError::from_response(Provider::OpenAi, 504, &http::HeaderMap::new(), html);
    /// assert_eq!(error.canonical(), ErrorCode::UpstreamTimeout);
    /// assert_eq!(error.upstream_code(), None);
    ///
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("x-amzn-errortype", "ThrottlingException:http://internal.amazon.com/coral/".parse().unwrap());
    /// let error = UpstreamError::from_response(Provider::Bedrock, 429, &headers, br#"{"message":"Too many requests"}"#);
    /// assert_eq!(error.canonical(), ErrorCode::RateLimitExceeded);
    /// assert_eq!(error.upstream_code(), Some("ThrottlingException"));
    /// ```
    pub fn from_response(
        provider: Provider,
        status: u16,
        headers: &HeaderMap,
        body: &[u8],
    ) -> UpstreamError {
        let top = read::json_body::<TopFields>(body).ok();
        let signals = Signals::of_response(status, headers, top.as_ref());
        let raw = || String::from_utf8_lossy(body).into_owned();
        UpstreamError::from_signals(provider, status, signals, raw)
    }

    /// Reads one server-sent event of a stream from `provider` that has
    /// already answered 200: the error, if the event is one.
    ///
    /// Errors are: OpenAI Chat Completions' `data: {"error":{...}}`; the
    /// Responses API's `event: error` (flat or nested fields) and
    /// `response.failed`; Anthropic's `event: error`; Gemini's and
    /// Vertex's error chunks (`{"error":{"code","status",...}}`, also in an
    /// array). `None` for any other event: a normal chunk, a comment, a
    /// keep-alive, `data: [DONE]`.
    ///
    /// ```
    /// use api_error_codes::upstream::{Provider, UpstreamError};
    /// use api_error_codes::{ApiError, ErrorCode};
    ///
    /// let event = b"event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
    /// let error = UpstreamError::from_sse_event(Provider::Anthropic, event).unwrap();
    /// assert_eq!(error.canonical(), ErrorCode::ModelUnavailable);
    /// assert_eq!(error.upstream_status(), 200);
    /// assert_eq!(error.status(), 503);
    ///
    /// let chunk = b"data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n";
    /// assert_eq!(UpstreamError::from_sse_event(Provider::OpenAi, chunk), None);
    /// ```
    pub fn from_sse_event(provider: Provider, event: &[u8]) -> Option<UpstreamError> {
        let text = read::utf8_text(event).ok()?;
        let event = read::first_event(text);
        let data = event.data?;
        let top = read::json_body::<TopFields>(data.as_bytes()).ok()?;
        let signals = Signals::of_response(200, &HeaderMap::new(), Some(&top));
        let named_error = matches!(event.name, Some("error" | "response.failed"));
        let is_error = signals.envelope && (named_error || has_error(&top));
        is_error.then(|| UpstreamError::from_signals(provider, 200, signals, || data.clone()))
    }

    /// A provider that gave no HTTP answer to read, or not the whole of
    /// one: a connection refused or broken, or nothing within the
    /// gateway's deadline. `upstream_error` for [`Connect`] and [`Broken`],
    /// `upstream_timeout` for [`Timeout`]; the client reads the catalogue's
    /// description, as for every failure of the gateway's own.
    ///
    /// `detail` (what the HTTP client said: `connection refused`, the
    /// deadline) is kept as [`upstream_message`](Self::upstream_message),
    /// for logs only. [`upstream_status`](Self::upstream_status) is 0, as
    /// no status was read.
    ///
    /// [`Connect`]: TransportFailure::Connect
    /// [`Broken`]: TransportFailure::Broken
    /// [`Timeout`]: TransportFailure::Timeout
    ///
    /// ```
    /// use api_error_codes::upstream::{Provider, TransportFailure, UpstreamError};
    /// use api_error_codes::{ApiError, ErrorCode};
    ///
    /// let error = UpstreamError::from_transport(
    ///     Provider::Anthropic,
    ///     TransportFailure::Connect,
    ///     "tcp connect to 10.0.3.7:443: connection refused",
    /// );
    /// assert_eq!(error.canonical(), ErrorCode::UpstreamError);
    /// assert_eq!(error.status(), 502);
    /// assert!(error.is_retryable());
    /// assert_eq!(error.upstream_status(), 0);
    /// assert_eq!(error.upstream_message(), "tcp connect to 10.0.3.7:443: connection refused");
    /// assert_eq!(error.message(), ErrorCode::UpstreamError.description());
    /// ```
    pub fn from_transport(
        provider: Provider,
        failure: TransportFailure,
        detail: impl Into<String>,
    ) -> UpstreamError {
        UpstreamError {
            provider,
            upstream_status: 0,
            canonical: failure.canonical(),
            row: None,
            transport: Some(failure),
            upstream_code: None,
            upstream_message: detail.into(),
            param: None,
            client_message: None,
            retry_after: None,
        }
    }

    fn from_signals(
        provider: Provider,
        status: u16,
        mut signals: Signals,
        raw: impl FnOnce() -> String,
    ) -> UpstreamError {
        let (canonical, row) = table::classify(provider, &signals);
        let fixable = client_can_fix(canonical);
        if fixable && signals.param.is_none() {
            signals.param = param::leading(&signals.message).or_else(|| {
                names_a_parameter(canonical)
                    .then(|| param::named(&signals.message))
                    .flatten()
            });
        }
        let upstream_message = if signals.envelope && !signals.message.is_empty() {
            signals.message
        } else {
            raw()
        };
        let client_message = (fixable && signals.envelope && !upstream_message.trim().is_empty())
            .then(|| redact::client_safe(&upstream_message));
        UpstreamError {
            provider,
            upstream_status: status,
            canonical,
            row: Some(row),
            transport: None,
            upstream_code: signals.codes.into_iter().next(),
            upstream_message,
            param: signals.param.filter(|_| fixable),
            client_message,
            retry_after: signals.retry_after,
        }
    }

    /// The canonical code this error translates to.
    ///
    /// ```
    /// use api_error_codes::upstream::{Provider, UpstreamError};
    /// use api_error_codes::ErrorCode;
    ///
    /// let body = br#"{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}"#;
    /// let error = UpstreamError::from_response(Provider::Gemini, 429, &http::HeaderMap::new(), body);
    /// assert_eq!(error.canonical(), ErrorCode::RateLimitExceeded);
    /// ```
    pub fn canonical(&self) -> ErrorCode {
        self.canonical
    }

    /// The HTTP status the provider answered with (200 for an error inside
    /// a stream, 0 for a failure below HTTP).
    ///
    /// ```
    /// use api_error_codes::upstream::{Provider, UpstreamError};
    /// let error = UpstreamError::from_response(Provider::Anthropic, 529, &http::HeaderMap::new(), b"");
    /// assert_eq!(error.upstream_status(), 529);
    /// ```
    pub fn upstream_status(&self) -> u16 {
        self.upstream_status
    }

    /// The provider's own code, type or status name, as it sent it:
    /// `overloaded_error`, `RESOURCE_EXHAUSTED`, `ThrottlingException`,
    /// `context_length_exceeded`, `"429"` for a numeric code. `None` when
    /// the body carries none (an HTML page, say).
    ///
    /// ```
    /// use api_error_codes::upstream::{Provider, UpstreamError};
    ///
    /// let body = br#"{"error":{"message":"Rate limit exceeded: free-models-per-day","code":429,"metadata":{}}}"#;
    /// let error = UpstreamError::from_response(Provider::OpenRouter, 429, &http::HeaderMap::new(), body);
    /// assert_eq!(error.upstream_code(), Some("429"));
    /// ```
    pub fn upstream_code(&self) -> Option<&str> {
        self.upstream_code.as_deref()
    }

    /// The provider's message exactly as sent (the whole body, lossily
    /// decoded, when it is not an error envelope). For logs only: it may
    /// name the gateway's account, keys or hosts. What the client reads is
    /// [`message`](ApiError::message).
    ///
    /// ```
    /// use api_error_codes::upstream::{Provider, UpstreamError};
    /// use api_error_codes::ApiError;
    ///
    /// let body = br#"{"error":{"message":"Incorrect API key provided: sk-abc*****xyz.","type":"invalid_request_error","code":"invalid_api_key"}}"#;
    /// let error = UpstreamError::from_response(Provider::OpenAi, 401, &http::HeaderMap::new(), body);
    /// assert_eq!(error.upstream_message(), "Incorrect API key provided: sk-abc*****xyz.");
    /// assert_eq!(error.message(), "An upstream provider returned an invalid or unparseable response");
    /// ```
    pub fn upstream_message(&self) -> &str {
        &self.upstream_message
    }

    /// What failed below HTTP, for an error made by
    /// [`from_transport`](Self::from_transport); `None` for one the
    /// provider sent.
    ///
    /// ```
    /// use api_error_codes::upstream::{Provider, TransportFailure, UpstreamError};
    ///
    /// let broken = UpstreamError::from_transport(Provider::Groq, TransportFailure::Broken, "connection reset");
    /// assert_eq!(broken.transport(), Some(TransportFailure::Broken));
    /// let answered = UpstreamError::from_response(Provider::Groq, 500, &http::HeaderMap::new(), b"");
    /// assert_eq!(answered.transport(), None);
    /// ```
    pub fn transport(&self) -> Option<TransportFailure> {
        self.transport
    }

    /// The index of the translation table's row that decided (for the
    /// evidence test); `None` for a failure below HTTP.
    #[cfg(test)]
    pub(crate) fn row(&self) -> Option<usize> {
        self.row
    }
}

/// Whether the data is an error object rather than a normal chunk: it has
/// an `error` (a chunk with `"error": null` is not one), or is the flat
/// Responses `error` event.
fn has_error(top: &Json<TopFields>) -> bool {
    top.objects()
        .any(|fields| matches!(fields.error, Some(ref error) if !matches!(error, Json::Null)))
}

/// The codes whose fix is the client's: it reads the provider's (redacted)
/// message and the parameter. For every other code (the gateway's own
/// failures: credentials, quota, 5xx, overload, timeouts, rate limits) it
/// reads the catalogue's description.
fn client_can_fix(code: ErrorCode) -> bool {
    about_the_request(code) || names_a_parameter(code)
}

/// Fixable errors about the request as a whole.
fn about_the_request(code: ErrorCode) -> bool {
    use ErrorCode::*;
    matches!(
        code,
        ContextLengthExceeded
            | ContentFiltered
            | InvalidRequest
            | ModelNotFound
            | PayloadTooLarge
            | NoCompatibleEndpoint
    )
}

/// Fixable errors about one parameter or feature of the request, whose
/// message may name it by a fixed phrase anywhere.
fn names_a_parameter(code: ErrorCode) -> bool {
    use ErrorCode::*;
    matches!(
        code,
        MissingRequiredParameter
            | UnknownField
            | InvalidParameterValue
            | ToolsNotSupported
            | VisionNotSupported
            | StreamingNotSupported
            | NonStreamingNotSupported
            | JsonModeNotSupported
            | StructuredOutputNotSupported
            | ToolsWithStructuredOutputNotSupported
            | ToolChoiceRequiredNotSupported
            | ReasoningNotSupported
            | ThinkingDisableNotSupported
            | UnsupportedModalities
            | HostedToolNotSupported
    )
}

impl Describe for UpstreamError {
    const CODES: CodeList = <ErrorCode as Describe>::CODES;

    fn info(this: &Self) -> &'static CodeInfo {
        this.canonical.info()
    }

    fn message(this: &Self) -> Cow<'_, str> {
        match &this.client_message {
            Some(message) => Cow::Borrowed(message),
            None => Cow::Borrowed(this.canonical.info().message()),
        }
    }

    fn param(this: &Self) -> Option<Cow<'_, str>> {
        this.param.as_deref().map(Cow::Borrowed)
    }

    fn retry_after(this: &Self) -> Option<Duration> {
        this.retry_after
    }

    fn provider(this: &Self) -> Option<Provider> {
        Some(this.provider)
    }
}

// A stand-in until the runtime issue (#23) gives `UpstreamError` its own
// `Display` and `Error`: a `transparent` variant's wrapped error is its
// `source()`, so it must be a std error.
impl std::fmt::Display for UpstreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for UpstreamError {}
