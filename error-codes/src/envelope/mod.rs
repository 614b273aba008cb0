//! [`Envelope`]: one error ready to render in one format, with the
//! envelope's optional parts.

mod body;
mod structs;

pub use structs::{
    AnthropicDetails, AnthropicEnvelope, AnthropicError, OpenAiEnvelope, OpenAiError,
};

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
#[derive(Clone, Copy)]
#[must_use = "an envelope does nothing until rendered with `to_body`, `to_http_response` or `to_sse_event`"]
pub struct Envelope<'a> {
    pub(crate) error: &'a dyn ApiError,
    pub(crate) format: Format,
    pub(crate) request_id: Option<&'a str>,
    doc_url: Option<&'a str>,
    suggestion: Option<&'a str>,
    provider: Option<&'a str>,
    details_error_code: bool,
    /// Problem details only: `instance`.
    pub(crate) instance: Option<&'a str>,
    /// Problem details only: the base of `type`; `None` is the installed one.
    pub(crate) problem_types: Option<ProblemTypes>,
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
        Envelope {
            error,
            format,
            request_id: None,
            doc_url: None,
            suggestion: None,
            provider: None,
            details_error_code: false,
            instance: None,
            problem_types: None,
        }
    }

    /// The request id: `request_id` in the Anthropic body (and in the
    /// problem details body, with `instance` `urn:request-id:<id>` unless
    /// [`instance`](Self::instance) is set), and the `x-request-id`
    /// (OpenAI, problem details) or `request-id` (Anthropic) header of
    /// [`to_http_response`](Self::to_http_response).
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let response = ErrorCode::UpstreamTimeout.envelope(Format::OpenAi).request_id("req_1").to_http_response();
    /// assert_eq!(response.headers()["x-request-id"], "req_1");
    /// ```
    pub fn request_id(mut self, request_id: &'a str) -> Self {
        self.request_id = Some(request_id);
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
        self.doc_url = Some(doc_url);
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
        self.suggestion = Some(suggestion);
        self
    }

    /// The upstream provider that generated the error: `error.provider` in
    /// the OpenAI-format body (Anthropic's envelope has no such field).
    /// Without it, the body names the error's own
    /// [`ApiError::provider`], if any; an error no provider generated has
    /// no `provider` key.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::ModelUnavailable.envelope(Format::OpenAi).provider("anthropic").to_body();
    /// assert!(body.ends_with(br#","code":"model_unavailable","provider":"anthropic"}}"#));
    /// let body = ErrorCode::ModelUnavailable.envelope(Format::OpenAi).to_body();
    /// assert!(!body.windows(10).any(|w| w == b"\"provider\""));
    /// ```
    pub fn provider(mut self, provider: &'a str) -> Self {
        self.provider = Some(provider);
        self
    }

    /// The provider the body names: the one set with
    /// [`provider`](Self::provider), else the error's own.
    pub(crate) fn provider_name(&self) -> Option<&'a str> {
        self.provider
            .or_else(|| self.error.provider().map(|p| p.name()))
    }

    /// Adds `error.details.error_code` with the code to the Anthropic
    /// envelope, where the current official Anthropic SDK reads an error's
    /// stable code. No effect on the OpenAI envelope, which always has
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
        self.details_error_code = enabled;
        self
    }

    /// The format this envelope renders in.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    /// assert_eq!(ErrorCode::UpstreamTimeout.envelope(Format::Anthropic).format(), Format::Anthropic);
    /// ```
    pub fn format(&self) -> Format {
        self.format
    }

    /// The error being rendered.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    /// assert_eq!(ErrorCode::UpstreamTimeout.envelope(Format::OpenAi).error().code(), "upstream_timeout");
    /// ```
    pub fn error(&self) -> &'a dyn ApiError {
        self.error
    }

    /// The JSON body, in one allocation of exactly its size.
    ///
    /// OpenAI format: `{"error":{"message","type","param","code"}}`, all four
    /// always present (`param` is `null` when absent), then `provider`,
    /// `doc_url` and `suggestion` when set. Anthropic format:
    /// `{"type":"error","error":{"type","message"},"request_id"}` with
    /// `request_id` `null` when unset. The bytes are exactly what
    /// `serde_json` writes for [`OpenAiEnvelope`] / [`AnthropicEnvelope`].
    /// Problem details: the object [`Format::Problem`] describes, with
    /// absent members left out.
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
        self.render(b"", b"")
    }
}
