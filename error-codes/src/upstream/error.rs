//! [`UpstreamError`]: an error a provider sent, read and translated to the
//! canonical code, with what the client may see.

use super::classifier::{Classifier, Verdict};
use super::signals::Signals;
use super::{policy, Disposition, Provider, TransportFailure};
use crate::code_list::CodeList;
use crate::info::CodeInfo;
use crate::{ApiError, Describe, ErrorCode};
use http::HeaderMap;
use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

/// An error response (or error stream event) from an upstream provider,
/// translated to the canonical code a gateway answers with.
///
/// Its [`ApiError`] impl renders the canonical code: status, envelope
/// types and retry policy from the catalogue, the provider's delay as
/// [`retry_after`](ApiError::retry_after), and a message that follows the
/// [message policy](crate::upstream#what-the-client-reads). It is one
/// pointer wide (its fields are boxed, as tonic boxes `Status`), so a
/// `Result<T, UpstreamError>` stays small.
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
/// assert_eq!(
///     error.to_string(),
///     "anthropic answered 400 (invalid_request_error): context_length_exceeded: prompt is too long: 201234 tokens > 200000 maximum"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpstreamError(Box<Inner>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner {
    provider: Provider,
    upstream_status: u16,
    canonical: ErrorCode,
    disposition: Disposition,
    /// What decided: the table's row, a gateway's rule, or nothing (a
    /// failure below HTTP).
    decided_by: Option<Verdict>,
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
    /// Never fails and never panics: an HTML page, an empty, truncated,
    /// huge or non-UTF-8 body is still an upstream error, classified by
    /// what can be known (the status, the headers), and kept (up to
    /// [`MESSAGE_CAP`](super::MESSAGE_CAP)) as [`upstream_message`](Self::upstream_message) for
    /// logs. [`Classifier::response`] does the same with a gateway's own
    /// rules.
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
        Classifier::standard().response(provider, status, headers, body)
    }

    /// Reads one server-sent event of a stream from `provider` that has
    /// already answered 200: the error, if the event is one. A relay calls
    /// it for every event: a normal event is told apart by a scan for the
    /// marks an error carries, before anything is parsed.
    ///
    /// `Some` for anything that looks like an error: an `event: error` or
    /// `event: response.failed` (also when its data is cut short or is not
    /// JSON: `upstream_error`), data carrying a non-null `error` (OpenAI
    /// Chat Completions, Gemini, Vertex, OpenRouter chunks), the Responses
    /// API's flat `{"type":"error"}`, and a whole event (ended by its blank
    /// line) whose data is cut short or is not JSON. `None` only for a
    /// normal event: a chunk, a comment, a keep-alive, `data: [DONE]`, and
    /// what a stream left unterminated when it closed if it carries no
    /// error's marks (that the connection broke is the caller's to say).
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
    /// let cut = b"event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overl\n\n";
    /// let error = UpstreamError::from_sse_event(Provider::Anthropic, cut).unwrap();
    /// assert_eq!(error.canonical(), ErrorCode::UpstreamError);
    ///
    /// let chunk = b"data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n";
    /// assert_eq!(UpstreamError::from_sse_event(Provider::OpenAi, chunk), None);
    /// ```
    pub fn from_sse_event(provider: Provider, event: &[u8]) -> Option<UpstreamError> {
        Classifier::standard().sse_event(provider, event)
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
    /// use api_error_codes::upstream::{Disposition, Provider, TransportFailure, UpstreamError};
    /// use api_error_codes::{ApiError, ErrorCode};
    ///
    /// let error = UpstreamError::from_transport(
    ///     Provider::Anthropic,
    ///     TransportFailure::Connect,
    ///     "tcp connect to 10.0.3.7:443: connection refused",
    /// );
    /// assert_eq!(error.canonical(), ErrorCode::UpstreamError);
    /// assert_eq!(error.status(), 502);
    /// assert_eq!(error.disposition(), Disposition::RetrySame { after: None });
    /// assert_eq!(error.upstream_status(), 0);
    /// assert_eq!(error.upstream_message(), "tcp connect to 10.0.3.7:443: connection refused");
    /// assert_eq!(error.message(), ErrorCode::UpstreamError.description());
    /// ```
    pub fn from_transport(
        provider: Provider,
        failure: TransportFailure,
        detail: impl Into<String>,
    ) -> UpstreamError {
        let canonical = failure.canonical();
        UpstreamError(Box::new(Inner {
            provider,
            upstream_status: 0,
            canonical,
            disposition: Disposition::of(canonical, None),
            decided_by: None,
            transport: Some(failure),
            upstream_code: None,
            upstream_message: policy::capped(detail.into()),
            param: None,
            client_message: None,
            retry_after: None,
        }))
    }

    /// The error the classifier decided, with what the client reads of it
    /// ([`policy::apply`]).
    pub(crate) fn decided(
        provider: Provider,
        signals: Signals,
        verdict: Verdict,
        canonical: ErrorCode,
        disposition: Option<Disposition>,
        raw: impl FnOnce() -> String,
    ) -> UpstreamError {
        let disposition = disposition
            .unwrap_or(Disposition::of(canonical, None))
            .with_delay(signals.retry_after);
        let (upstream_status, retry_after) = (signals.status_sent, signals.retry_after);
        let upstream_code = signals.codes.first().map(|(_, code)| code.clone());
        let view = policy::apply(canonical, signals, raw);
        UpstreamError(Box::new(Inner {
            provider,
            upstream_status,
            canonical,
            disposition,
            decided_by: Some(verdict),
            transport: None,
            upstream_code,
            upstream_message: view.upstream_message,
            param: view.param,
            client_message: view.client_message,
            retry_after,
        }))
    }

    /// The same error, its client message filtered again knowing the
    /// client's request body: text the client sent itself (its model name,
    /// an image URL, a schema's `$ref`) is not the gateway's secret and
    /// passes; credentials and the gateway's account ids still never do.
    ///
    /// ```
    /// use api_error_codes::upstream::{Provider, UpstreamError};
    /// use api_error_codes::ApiError;
    ///
    /// let body = br#"{"error":{"message":"Invalid image URL: https://img.example.net/cat.png?v=2","type":"invalid_request_error","param":"messages","code":"invalid_value"}}"#;
    /// let error = UpstreamError::from_response(Provider::OpenAi, 400, &http::HeaderMap::new(), body);
    /// assert_eq!(error.message(), "Invalid image URL: [redacted]");
    /// let request = br#"{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://img.example.net/cat.png?v=2"}}]}]}"#;
    /// let error = error.with_request(request);
    /// assert_eq!(error.message(), "Invalid image URL: https://img.example.net/cat.png?v=2");
    /// ```
    #[must_use]
    pub fn with_request(mut self, request: &[u8]) -> UpstreamError {
        let inner = &mut *self.0;
        if inner.client_message.is_some() {
            let request = String::from_utf8_lossy(request);
            inner.client_message = Some(policy::client_message(
                &inner.upstream_message,
                Some(&request),
            ));
        }
        self
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
        self.0.canonical
    }

    /// What a gateway that can fail over does next: retry this provider
    /// (after its delay), try another provider, try a model with a larger
    /// context window, or answer the client. See [`Disposition`].
    ///
    /// ```
    /// use api_error_codes::upstream::{Disposition, Provider, UpstreamError};
    ///
    /// let body = br#"{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 201234 tokens > 200000 maximum"}}"#;
    /// let error = UpstreamError::from_response(Provider::Anthropic, 400, &http::HeaderMap::new(), body);
    /// assert_eq!(error.disposition(), Disposition::TryLargerContext);
    /// ```
    pub fn disposition(&self) -> Disposition {
        self.0.disposition
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
        self.0.upstream_status
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
        self.0.upstream_code.as_deref()
    }

    /// The provider's message as sent (the whole body, lossily decoded,
    /// when it is not an error envelope), at most [`MESSAGE_CAP`](super::MESSAGE_CAP) bytes.
    ///
    /// For logs, and **not safe to log as is**: it may name the gateway's
    /// account, keys or hosts, and holds whatever bytes the provider chose,
    /// line breaks and terminal escapes included. Escape it (`{:?}`,
    /// [`str::escape_debug`]) or log it as a structured field. What the
    /// client reads is [`message`](ApiError::message).
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
        &self.0.upstream_message
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
        self.0.transport
    }

    /// What decided the translation (for the evidence tests); `None` for a
    /// failure below HTTP.
    #[cfg(test)]
    pub(crate) fn decided_by(&self) -> Option<Verdict> {
        self.0.decided_by
    }
}

impl Describe for UpstreamError {
    const CODES: CodeList = <ErrorCode as Describe>::CODES;

    fn info(this: &Self) -> &'static CodeInfo {
        this.0.canonical.info()
    }

    fn message(this: &Self) -> Cow<'_, str> {
        match &this.0.client_message {
            Some(message) => Cow::Borrowed(message),
            None => Cow::Borrowed(this.0.canonical.info().message()),
        }
    }

    fn param(this: &Self) -> Option<Cow<'_, str>> {
        this.0.param.as_deref().map(Cow::Borrowed)
    }

    fn retry_after(this: &Self) -> Option<Duration> {
        this.0.retry_after
    }

    fn provider(this: &Self) -> Option<Provider> {
        Some(this.0.provider)
    }
}

impl fmt::Display for UpstreamError {
    /// One line, safe to log: the provider, what it answered, the canonical
    /// code and the client's message, provider text escaped
    /// ([`str::escape_debug`]) so that it cannot forge a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.0;
        match inner.transport {
            Some(failure) => write!(f, "{} gave no answer ({failure:?})", inner.provider)?,
            None => write!(f, "{} answered {}", inner.provider, inner.upstream_status)?,
        }
        if let Some(code) = &inner.upstream_code {
            write!(f, " ({})", code.escape_debug())?;
        }
        write!(
            f,
            ": {}: {}",
            inner.canonical.code(),
            self.message().escape_debug()
        )
    }
}

impl std::error::Error for UpstreamError {}
