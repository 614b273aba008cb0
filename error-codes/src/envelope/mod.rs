//! [`Envelope`]: one error ready to render in one format, with the
//! envelope's options, and every way it renders: a JSON body, an
//! `http::Response`, a server-sent event.

mod response;
mod wire;

pub use response::CLIENT_CLOSED_REQUEST;
pub use wire::{AnthropicDetails, AnthropicEnvelope, AnthropicError, OpenAiEnvelope, OpenAiError};

use crate::{ApiError, Format, ProblemTypes};

/// One error, ready to render in one format, with the optional parts of the
/// envelope. Get one from [`ApiError::envelope`].
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode, Format};
///
/// let body = ErrorCode::ModelNotFound
///     .envelope(Format::OpenAi)
///     .doc_url("https://example.com/errors#model_not_found")
///     .suggestion("List models with GET /v1/models")
///     .to_body();
/// let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
/// assert_eq!(json["error"]["doc_url"], "https://example.com/errors#model_not_found");
/// assert_eq!(json["error"]["suggestion"], "List models with GET /v1/models");
/// ```
#[derive(Clone, Copy, Debug)]
#[must_use = "an envelope does nothing until rendered with `to_body`, `to_http_response` or `to_sse_event`"]
pub struct Envelope<'a> {
    error: &'a dyn ApiError,
    format: Format,
    options: Options<&'a str>,
}

/// The options of an envelope; [`OwnedEnvelope`](crate::formatted::OwnedEnvelope)
/// keeps the same ones with owned strings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Options<S> {
    pub(crate) request_id: Option<S>,
    pub(crate) doc_url: Option<S>,
    pub(crate) suggestion: Option<S>,
    pub(crate) provider: Option<S>,
    pub(crate) instance: Option<S>,
    pub(crate) details_error_code: bool,
    pub(crate) problem_types: Option<ProblemTypes>,
}

impl Options<Box<str>> {
    /// The same options, borrowed.
    pub(crate) fn borrowed(&self) -> Options<&str> {
        Options {
            request_id: self.request_id.as_deref(),
            doc_url: self.doc_url.as_deref(),
            suggestion: self.suggestion.as_deref(),
            provider: self.provider.as_deref(),
            instance: self.instance.as_deref(),
            details_error_code: self.details_error_code,
            problem_types: self.problem_types,
        }
    }
}

impl<'a> Envelope<'a> {
    /// The envelope of `error` in `format`, with no options set.
    ///
    /// ```
    /// use api_error_codes::{Envelope, ErrorCode, Format};
    ///
    /// let body = Envelope::new(&ErrorCode::UpstreamTimeout, Format::OpenAi).to_body();
    /// assert!(body.starts_with(br#"{"error":{"message":"Upstream exceeded the request deadline""#));
    /// ```
    pub fn new(error: &'a dyn ApiError, format: Format) -> Self {
        Envelope::with_options(error, format, Options::default())
    }

    pub(crate) fn with_options(
        error: &'a dyn ApiError,
        format: Format,
        options: Options<&'a str>,
    ) -> Self {
        Envelope {
            error,
            format,
            options,
        }
    }

    /// The request id: the `x-request-id` (OpenAI, problem details) or
    /// `request-id` (Anthropic) header of
    /// [`to_http_response`](Self::to_http_response), and the body's
    /// `request_id` in the Anthropic format and problem details (where it
    /// also gives `instance` `urn:request-id:<id>` unless
    /// [`instance`](Self::instance) is set).
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let response = ErrorCode::UpstreamTimeout.envelope(Format::OpenAi).request_id("req_1").to_http_response();
    /// assert_eq!(response.headers()["x-request-id"], "req_1");
    /// ```
    pub fn request_id(mut self, request_id: &'a str) -> Self {
        self.options.request_id = Some(request_id);
        self
    }

    /// A link to the code's documentation: `error.doc_url` in the OpenAI
    /// format, the `type` of problem details (RFC 9457's problem type URI,
    /// which should document the problem). Anthropic's envelope has no such
    /// field.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::UpstreamTimeout.envelope(Format::OpenAi).doc_url("https://x.test/e").to_body();
    /// assert!(body.ends_with(br#","doc_url":"https://x.test/e"}}"#));
    /// ```
    pub fn doc_url(mut self, doc_url: &'a str) -> Self {
        self.options.doc_url = Some(doc_url);
        self
    }

    /// What the client can do about it: `error.suggestion` in the OpenAI
    /// format, the `suggestion` extension member of problem details.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::UpstreamTimeout.envelope(Format::OpenAi).suggestion("Retry").to_body();
    /// assert!(body.ends_with(br#","suggestion":"Retry"}}"#));
    /// ```
    pub fn suggestion(mut self, suggestion: &'a str) -> Self {
        self.options.suggestion = Some(suggestion);
        self
    }

    /// The upstream provider that generated the error: `error.provider` in
    /// the OpenAI format, the `provider` extension member of problem
    /// details (Anthropic's envelope has no such field). Without it, the
    /// body names the error's own [`ApiError::provider`], if any; an error
    /// no provider generated has no `provider` key.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::ModelUnavailable.envelope(Format::OpenAi).provider("anthropic").to_body();
    /// assert!(body.ends_with(br#","code":"model_unavailable","provider":"anthropic"}}"#));
    /// ```
    pub fn provider(mut self, provider: &'a str) -> Self {
        self.options.provider = Some(provider);
        self
    }

    /// Adds `error.details.error_code` with the code to the Anthropic
    /// envelope, where the current official Anthropic SDK reads an error's
    /// stable code. No effect on the other formats, which always carry
    /// `code`.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::UpstreamTimeout.envelope(Format::Anthropic).details_error_code(true).to_body();
    /// assert_eq!(
    ///     String::from_utf8(body).unwrap(),
    ///     r#"{"type":"error","error":{"type":"timeout_error","message":"Upstream exceeded the request deadline","details":{"error_code":"upstream_timeout"}},"request_id":null}"#
    /// );
    /// ```
    pub fn details_error_code(mut self, enabled: bool) -> Self {
        self.options.details_error_code = enabled;
        self
    }

    /// The problem details `instance`: a URI reference naming this
    /// occurrence, such as the request's path, written as given. Without
    /// it, a [request id](Self::request_id) gives `urn:request-id:<id>`
    /// (percent-encoded). No effect on the other formats.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::FieldImmutable.envelope(Format::Problem).request_id("req 7").to_body();
    /// let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    /// assert_eq!(json["instance"], "urn:request-id:req%207");
    /// assert_eq!(json["request_id"], "req 7");
    /// ```
    pub fn instance(mut self, instance: &'a str) -> Self {
        self.options.instance = Some(instance);
        self
    }

    /// The problem types this envelope's `type` is taken from, instead of
    /// the [installed](ProblemTypes::installed) ones; a
    /// [`doc_url`](Self::doc_url) still wins. No effect on the other
    /// formats.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format, ProblemTypes};
    ///
    /// let types = ProblemTypes::new("https://docs.example.com/errors#").unwrap();
    /// let body = ErrorCode::BudgetExhausted.envelope(Format::Problem).problem_types(types).to_body();
    /// assert!(body.starts_with(br#"{"type":"https://docs.example.com/errors#budget_exhausted","#));
    /// ```
    pub fn problem_types(mut self, types: ProblemTypes) -> Self {
        self.options.problem_types = Some(types);
        self
    }

    /// The format this envelope renders in.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The error being rendered.
    pub fn error(&self) -> &'a dyn ApiError {
        self.error
    }

    /// The JSON body: `serde_json`'s bytes for [`OpenAiEnvelope`] or
    /// [`AnthropicEnvelope`], or the problem details object
    /// [`Format::Problem`] describes.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::InvalidApiKey.envelope(Format::OpenAi).to_body();
    /// assert_eq!(
    ///     String::from_utf8(body).unwrap(),
    ///     r#"{"error":{"message":"API key is missing, malformed, revoked, or unrecognized","type":"authentication_error","param":null,"code":"invalid_api_key"}}"#
    /// );
    /// ```
    pub fn to_body(&self) -> Vec<u8> {
        let body = match self.format {
            Format::OpenAi => serde_json::to_vec(&OpenAiEnvelope::from(*self)),
            Format::Anthropic => serde_json::to_vec(&AnthropicEnvelope::from(*self)),
            Format::Problem => serde_json::to_vec(&wire::ProblemBody::from(self)),
        };
        // Strings, numbers and booleans written to a `Vec`: serde_json
        // fails only on maps with non-string keys, which no body has.
        body.unwrap_or_default()
    }

    /// Exactly one complete server-sent event carrying the body, for a
    /// stream that has already started: `data: {body}\n\n` in the OpenAI
    /// format, `event: error\ndata: {body}\n\n` in the others. JSON escapes
    /// every CR and LF, so no message can end the event early or inject a
    /// field.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let event = ErrorCode::UpstreamTimeout.envelope(Format::Anthropic).to_sse_event();
    /// assert!(event.starts_with(b"event: error\ndata: {\"type\":\"error\","));
    /// assert!(event.ends_with(b"}\n\n"));
    /// ```
    pub fn to_sse_event(&self) -> Vec<u8> {
        let prefix: &[u8] = match self.format {
            Format::OpenAi => b"data: ",
            Format::Anthropic | Format::Problem => b"event: error\ndata: ",
        };
        [prefix, &self.to_body(), b"\n\n"].concat()
    }

    /// The provider the body names: the one set with
    /// [`provider`](Self::provider), else the error's own.
    fn provider_name(&self) -> Option<&'a str> {
        (self.options.provider).or_else(|| self.error.provider().map(|p| p.name()))
    }
}
