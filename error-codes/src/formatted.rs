//! Errors paired with the format they answer in — [`OpenAi`],
//! [`Anthropic`], [`Problem`], [`OwnedEnvelope`] — which the framework
//! integrations (`api_error_codes::axum`, `api_error_codes::actix_web`)
//! turn into responses.
//!
//! An [`ApiError`] does not know which API a client speaks, so the format
//! is chosen where the response is made: [`OpenAi`], [`Anthropic`] and
//! [`Problem`] (RFC 9457 problem details) fix it at the type level, for
//! handlers that serve one API (`Result<T, OpenAi<MyError>>`, and `?`
//! converts any `MyError`); [`OwnedEnvelope`] chooses it at run time and
//! carries every option of an [`Envelope`], for code shared by several
//! APIs. Each answers with exactly [`Envelope::to_http_response`]. Any of
//! them can hold a `Box<dyn ApiError + Send + Sync>`.
//!
//! ```
//! use api_error_codes::formatted::{OpenAi, OwnedEnvelope};
//! use api_error_codes::{ApiError, ErrorCode, Format};
//!
//! let response = OpenAi(ErrorCode::RateLimitExceeded).envelope().to_http_response();
//! assert_eq!(response.body(), &ErrorCode::RateLimitExceeded.to_body(Format::OpenAi));
//!
//! let boxed: Box<dyn ApiError + Send + Sync> = Box::new(ErrorCode::InvalidApiKey);
//! let response = OwnedEnvelope::new(boxed, Format::Anthropic).request_id("req_7").envelope().to_http_response();
//! assert_eq!(response.status(), 401);
//! assert_eq!(response.headers()["request-id"], "req_7");
//! ```

use crate::envelope::Options;
use crate::{ApiError, Envelope, Format, ProblemTypes};
use std::error::Error;
use std::fmt;

/// An error answered in OpenAI format:
/// `{"error":{"message","type","param","code"}}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OpenAi<E>(pub E);

/// An error answered in Anthropic format:
/// `{"type":"error","error":{"type","message"},"request_id":null}`. Use
/// [`OwnedEnvelope`] to set the request id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Anthropic<E>(pub E);

/// An error answered as RFC 9457 problem details
/// (`application/problem+json`), for any HTTP API: a gateway's management
/// endpoints, say. Use [`OwnedEnvelope`] to set the request id or
/// `instance`.
///
/// ```
/// use api_error_codes::{formatted::Problem, ErrorCode};
///
/// let response = Problem(ErrorCode::IdempotencyConflict).envelope().to_http_response();
/// assert_eq!(response.status(), 409);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Problem<E>(pub E);

/// `OpenAi`, `Anthropic` and `Problem`, which differ only in their format.
macro_rules! fixed_format {
    ($($wrapper:ident => $format:expr),+) => {$(
        impl<E: ApiError> $wrapper<E> {
            /// The error's envelope in this wrapper's format.
            pub fn envelope(&self) -> Envelope<'_> {
                self.0.envelope($format)
            }
        }

        impl<E: ApiError> From<E> for $wrapper<E> {
            /// Wraps the error, so `?` works in a handler returning
            #[doc = concat!("`Result<_, ", stringify!($wrapper), "<E>>`.")]
            fn from(error: E) -> Self {
                $wrapper(error)
            }
        }

        impl<E: ApiError> fmt::Display for $wrapper<E> {
            /// The code and the client-safe message: `invalid_api_key: API key is ...`.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}: {}", self.0.code(), self.0.message())
            }
        }

        impl<E: ApiError + Error + 'static> Error for $wrapper<E> {
            /// The wrapped error.
            fn source(&self) -> Option<&(dyn Error + 'static)> {
                Some(&self.0)
            }
        }
    )+};
}

fixed_format!(
    OpenAi => Format::OpenAi,
    Anthropic => Format::Anthropic,
    Problem => Format::Problem
);

/// An owned error with its format chosen at run time and every option of
/// an [`Envelope`] (request id, doc URL, suggestion, provider, Anthropic
/// `details.error_code`, problem details `instance` and types), for
/// handlers that answer in more than one format. Each option is the
/// [`Envelope`] method of that name.
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
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[must_use = "an `OwnedEnvelope` does nothing until turned into a response"]
pub struct OwnedEnvelope<E> {
    error: E,
    format: Format,
    options: Options<Box<str>>,
}

/// The setters of `OwnedEnvelope`'s string options.
macro_rules! owned_options {
    ($($option:ident),+) => {$(
        #[doc = concat!("See [`Envelope::", stringify!($option), "`].")]
        pub fn $option(mut self, $option: impl Into<String>) -> Self {
            self.options.$option = Some($option.into().into_boxed_str());
            self
        }
    )+};
}

impl<E: ApiError> OwnedEnvelope<E> {
    /// `error` in `format`, with no options set.
    pub fn new(error: E, format: Format) -> Self {
        OwnedEnvelope {
            error,
            format,
            options: Options::default(),
        }
    }

    owned_options!(request_id, doc_url, suggestion, provider, instance);

    /// See [`Envelope::details_error_code`].
    pub fn details_error_code(mut self, enabled: bool) -> Self {
        self.options.details_error_code = enabled;
        self
    }

    /// See [`Envelope::problem_types`].
    pub fn problem_types(mut self, types: ProblemTypes) -> Self {
        self.options.problem_types = Some(types);
        self
    }

    /// The error.
    pub fn error(&self) -> &E {
        &self.error
    }

    /// The format the error answers in.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The error, unwrapped.
    pub fn into_error(self) -> E {
        self.error
    }

    /// The borrowed [`Envelope`] with every option set here: what the
    /// response is made from.
    ///
    /// ```
    /// use api_error_codes::{formatted::OwnedEnvelope, ApiError, ErrorCode, Format};
    ///
    /// let envelope = OwnedEnvelope::new(ErrorCode::ModelNotFound, Format::OpenAi)
    ///     .doc_url("https://x.test/e")
    ///     .provider("mistral");
    /// assert_eq!(
    ///     envelope.envelope().to_body(),
    ///     ErrorCode::ModelNotFound.envelope(Format::OpenAi).doc_url("https://x.test/e").provider("mistral").to_body(),
    /// );
    /// ```
    pub fn envelope(&self) -> Envelope<'_> {
        Envelope::with_options(&self.error, self.format, self.options.borrowed())
    }
}

impl<E: ApiError> fmt::Display for OwnedEnvelope<E> {
    /// The code and the client-safe message, as for [`OpenAi`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.error.code(), self.error.message())
    }
}

impl<E: ApiError + Error + 'static> Error for OwnedEnvelope<E> {
    /// The wrapped error.
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.error)
    }
}
