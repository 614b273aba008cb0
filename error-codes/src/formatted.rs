//! Errors paired with the format they answer in — [`OpenAi`],
//! [`Anthropic`], [`Problem`], [`OwnedEnvelope`] — which the framework integrations
//! (`api_error_codes::axum`, `api_error_codes::actix_web`) turn into responses.
//!
//! An [`ApiError`] does not know which API a client speaks, so the format
//! is chosen where the response is made: [`OpenAi`], [`Anthropic`] and
//! [`Problem`] (RFC 9457 problem details) fix it at the type level, for
//! handlers that serve one API
//! (`Result<T, OpenAi<MyError>>`, and `?` converts any `MyError`);
//! [`OwnedEnvelope`] chooses it at run time and carries the envelope's
//! options, for code shared by both APIs. Each answers with exactly
//! [`Envelope::to_http_response`].
//!
//! ```
//! use api_error_codes::formatted::{Anthropic, OpenAi, OwnedEnvelope};
//! use api_error_codes::{ApiError, ErrorCode, Format};
//!
//! let response = OpenAi(ErrorCode::RateLimitExceeded).envelope().to_http_response();
//! let expected = ErrorCode::RateLimitExceeded.to_http_response(Format::OpenAi);
//! assert_eq!(response.headers(), expected.headers());
//! assert_eq!(response.into_body(), expected.into_body());
//! # let _ = (Anthropic(ErrorCode::RateLimitExceeded), OwnedEnvelope::new(ErrorCode::RateLimitExceeded, Format::OpenAi));
//! ```

use crate::{ApiError, Envelope, Format};
use std::fmt;

/// An error answered in OpenAI format:
/// `{"error":{"message","type","param","code"}}`.
///
/// ```
/// use api_error_codes::{formatted::OpenAi, ApiError, ErrorCode, Format};
///
/// let body = OpenAi(ErrorCode::InvalidApiKey).envelope().to_body();
/// assert_eq!(body, ErrorCode::InvalidApiKey.to_body(Format::OpenAi));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OpenAi<E>(pub E);

/// An error answered in Anthropic format:
/// `{"type":"error","error":{"type","message"},"request_id":null}`. Use
/// [`OwnedEnvelope`] to set the request id.
///
/// ```
/// use api_error_codes::{formatted::Anthropic, ApiError, ErrorCode, Format};
///
/// let body = Anthropic(ErrorCode::InvalidApiKey).envelope().to_body();
/// assert_eq!(body, ErrorCode::InvalidApiKey.to_body(Format::Anthropic));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Anthropic<E>(pub E);

/// An error answered as RFC 9457 problem details
/// (`application/problem+json`), for any HTTP API: a gateway's management
/// endpoints, say. Use [`OwnedEnvelope`] to set the request id or
/// `instance`.
///
/// ```
/// use api_error_codes::{formatted::Problem, ApiError, ErrorCode, Format};
///
/// let response = Problem(ErrorCode::IdempotencyConflict).envelope().to_http_response();
/// assert_eq!(response.status(), 409);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// assert_eq!(response.body(), &ErrorCode::IdempotencyConflict.to_body(Format::Problem));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Problem<E>(pub E);

/// `OpenAi`, `Anthropic` and `Problem`, which differ only in their format.
macro_rules! fixed_format {
    ($($wrapper:ident => $format:expr),+) => {$(
        impl<E: ApiError> $wrapper<E> {
            /// The error's envelope in this wrapper's format.
            ///
            /// ```
            #[doc = concat!("use api_error_codes::{formatted::", stringify!($wrapper), ", ErrorCode, Format};")]
            ///
            #[doc = concat!("let wrapped = ", stringify!($wrapper), "(ErrorCode::UpstreamTimeout);")]
            #[doc = concat!("assert_eq!(wrapped.envelope().format(), ", stringify!($format), ");")]
            /// ```
            pub fn envelope(&self) -> Envelope<'_> {
                self.0.envelope($format)
            }
        }

        impl<E: ApiError> From<E> for $wrapper<E> {
            /// Wraps the error, so `?` works in a handler returning
            #[doc = concat!("`Result<_, ", stringify!($wrapper), "<E>>`.")]
            ///
            /// ```
            #[doc = concat!("use api_error_codes::{formatted::", stringify!($wrapper), ", ErrorCode};")]
            ///
            #[doc = concat!("let wrapped: ", stringify!($wrapper), "<ErrorCode> = ErrorCode::InternalError.into();")]
            #[doc = concat!("assert_eq!(wrapped, ", stringify!($wrapper), "(ErrorCode::InternalError));")]
            /// ```
            fn from(error: E) -> Self {
                $wrapper(error)
            }
        }

        impl<E: ApiError> fmt::Display for $wrapper<E> {
            /// The code and the client-safe message: `invalid_api_key: API key is ...`.
            ///
            /// ```
            #[doc = concat!("use api_error_codes::{formatted::", stringify!($wrapper), ", ErrorCode};")]
            ///
            #[doc = concat!("let text = ", stringify!($wrapper), "(ErrorCode::RateLimitExceeded).to_string();")]
            /// assert_eq!(text, "rate_limit_exceeded: Requests-per-minute cap hit");
            /// ```
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                display(&self.0, f)
            }
        }
    )+};
}

fixed_format!(
    OpenAi => Format::OpenAi,
    Anthropic => Format::Anthropic,
    Problem => Format::Problem
);

/// `code: message`, the message written as bodies write it.
fn display<E: ApiError + ?Sized>(error: &E, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "{}: {}", error.code(), error.message())
}

/// An owned error with its format chosen at run time and the envelope's
/// options (request id, Anthropic `details.error_code`, problem details
/// `instance`), for handlers that answer in more than one format. Formerly
/// `api_error_codes::axum::Rendered`.
///
/// ```
/// use api_error_codes::{formatted::OwnedEnvelope, ErrorCode, Format};
///
/// let format = Format::Anthropic; // e.g. picked from the request path
/// let response = OwnedEnvelope::new(ErrorCode::InvalidApiKey, format)
///     .request_id("req_7")
///     .details_error_code(true)
///     .envelope()
///     .to_http_response();
/// assert_eq!(response.status(), 401);
/// assert_eq!(response.headers()["request-id"], "req_7");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "an `OwnedEnvelope` does nothing until turned into a response"]
pub struct OwnedEnvelope<E> {
    error: E,
    format: Format,
    request_id: Option<Box<str>>,
    details_error_code: bool,
    instance: Option<Box<str>>,
}

impl<E: ApiError> OwnedEnvelope<E> {
    /// `error` in `format`, with no options set.
    ///
    /// ```
    /// use api_error_codes::{formatted::OwnedEnvelope, ErrorCode, Format};
    ///
    /// let envelope = OwnedEnvelope::new(ErrorCode::UpstreamTimeout, Format::OpenAi);
    /// assert_eq!(envelope.format(), Format::OpenAi);
    /// ```
    pub fn new(error: E, format: Format) -> Self {
        OwnedEnvelope {
            error,
            format,
            request_id: None,
            details_error_code: false,
            instance: None,
        }
    }

    /// The request id: the `x-request-id` (OpenAI) or `request-id`
    /// (Anthropic) header, and `request_id` in the Anthropic body. See
    /// [`Envelope::request_id`].
    ///
    /// ```
    /// use api_error_codes::{formatted::OwnedEnvelope, ErrorCode, Format};
    ///
    /// let response = OwnedEnvelope::new(ErrorCode::UpstreamTimeout, Format::OpenAi)
    ///     .request_id("req_1")
    ///     .envelope()
    ///     .to_http_response();
    /// assert_eq!(response.headers()["x-request-id"], "req_1");
    /// ```
    pub fn request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into().into_boxed_str());
        self
    }

    /// Adds `error.details.error_code` to the Anthropic envelope, where the
    /// official Anthropic SDK reads the stable code. See
    /// [`Envelope::details_error_code`].
    ///
    /// ```
    /// use api_error_codes::{formatted::OwnedEnvelope, ErrorCode, Format};
    ///
    /// let envelope = OwnedEnvelope::new(ErrorCode::UpstreamTimeout, Format::Anthropic).details_error_code(true);
    /// let body = envelope.envelope().to_body();
    /// assert!(body.ends_with(br#""details":{"error_code":"upstream_timeout"}},"request_id":null}"#));
    /// ```
    pub fn details_error_code(mut self, enabled: bool) -> Self {
        self.details_error_code = enabled;
        self
    }

    /// The problem details `instance`, such as the request's path. See
    /// [`Envelope::instance`].
    ///
    /// ```
    /// use api_error_codes::{formatted::OwnedEnvelope, ErrorCode, Format};
    ///
    /// let envelope = OwnedEnvelope::new(ErrorCode::DuplicateResource, Format::Problem).instance("/v1/keys");
    /// let json: serde_json::Value = serde_json::from_slice(&envelope.envelope().to_body()).unwrap();
    /// assert_eq!(json["instance"], "/v1/keys");
    /// ```
    pub fn instance(mut self, instance: impl Into<String>) -> Self {
        self.instance = Some(instance.into().into_boxed_str());
        self
    }

    /// The error.
    ///
    /// ```
    /// use api_error_codes::{formatted::OwnedEnvelope, ErrorCode, Format};
    ///
    /// let envelope = OwnedEnvelope::new(ErrorCode::UpstreamTimeout, Format::OpenAi);
    /// assert_eq!(*envelope.error(), ErrorCode::UpstreamTimeout);
    /// ```
    pub fn error(&self) -> &E {
        &self.error
    }

    /// The format the error answers in.
    ///
    /// ```
    /// use api_error_codes::{formatted::OwnedEnvelope, ErrorCode, Format};
    ///
    /// let envelope = OwnedEnvelope::new(ErrorCode::UpstreamTimeout, Format::Anthropic);
    /// assert_eq!(envelope.format(), Format::Anthropic);
    /// ```
    pub fn format(&self) -> Format {
        self.format
    }

    /// The error, unwrapped.
    ///
    /// ```
    /// use api_error_codes::{formatted::OwnedEnvelope, ErrorCode, Format};
    ///
    /// let envelope = OwnedEnvelope::new(ErrorCode::UpstreamTimeout, Format::OpenAi);
    /// assert_eq!(envelope.into_error(), ErrorCode::UpstreamTimeout);
    /// ```
    pub fn into_error(self) -> E {
        self.error
    }

    /// The borrowed [`Envelope`] with every option set here: what the
    /// response is made from.
    ///
    /// ```
    /// use api_error_codes::{formatted::OwnedEnvelope, ApiError, ErrorCode, Format};
    ///
    /// let envelope = OwnedEnvelope::new(ErrorCode::ModelNotFound, Format::Anthropic).request_id("req_2");
    /// assert_eq!(
    ///     envelope.envelope().to_body(),
    ///     ErrorCode::ModelNotFound.envelope(Format::Anthropic).request_id("req_2").to_body(),
    /// );
    /// ```
    pub fn envelope(&self) -> Envelope<'_> {
        let mut envelope = self
            .error
            .envelope(self.format)
            .details_error_code(self.details_error_code);
        if let Some(request_id) = &self.request_id {
            envelope = envelope.request_id(request_id);
        }
        if let Some(instance) = &self.instance {
            envelope = envelope.instance(instance);
        }
        envelope
    }
}

impl<E: ApiError> fmt::Display for OwnedEnvelope<E> {
    /// The code and the client-safe message, as for [`OpenAi`].
    ///
    /// ```
    /// use api_error_codes::{formatted::OwnedEnvelope, ErrorCode, Format};
    ///
    /// let envelope = OwnedEnvelope::new(ErrorCode::RateLimitExceeded, Format::Anthropic);
    /// assert_eq!(envelope.to_string(), "rate_limit_exceeded: Requests-per-minute cap hit");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        display(&self.error, f)
    }
}
