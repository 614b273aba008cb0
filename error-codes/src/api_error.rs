//! The [`ApiError`] trait: what every error that reaches a client says.

use crate::envelope::Envelope;
use crate::info::CodeInfo;
use crate::upstream::Provider;
use crate::{Describe, Format};
use std::borrow::Cow;
use std::time::Duration;

/// An error a client can receive: a stable code, an HTTP status, a
/// client-safe message, and everything the OpenAI and Anthropic envelopes
/// carry.
///
/// Derive it with `#[derive(ApiError)]`: each variant names its `code`, and
/// a canonical code takes its status, message and retry policy from the
/// catalogue ([`ErrorCode`](crate::ErrorCode)). A private code (one the
/// catalogue does not have) gives its own `status` and `message`.
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode, Format};
///
/// #[derive(Debug, ApiError)]
/// enum GatewayError {
///     /// Canonical: status 429, retryable, message from the catalogue.
///     #[api_error(code = "rate_limit_exceeded")]
///     SlowDown,
///     /// Private, with a message built from the fields.
///     #[api_error(code = "prompt_too_long", status = 400, param = "messages",
///                 message = "prompt has {used} tokens; the model allows {max}")]
///     PromptTooLong { used: u32, max: u32 },
///     /// Everything else the catalogue knows.
///     #[api_error(transparent)]
///     Canonical(ErrorCode),
/// }
///
/// let error = GatewayError::PromptTooLong { used: 9000, max: 8192 };
/// assert_eq!(error.code(), "prompt_too_long");
/// assert_eq!(error.status(), 400);
/// assert_eq!(error.message(), "prompt has 9000 tokens; the model allows 8192");
/// assert_eq!(error.param().as_deref(), Some("messages"));
///
/// assert!(GatewayError::SlowDown.is_retryable());
/// assert_eq!(GatewayError::Canonical(ErrorCode::InvalidApiKey).status(), 401);
///
/// let body = GatewayError::SlowDown.to_body(Format::OpenAi);
/// assert_eq!(
///     String::from_utf8(body).unwrap(),
///     r#"{"error":{"message":"Requests-per-minute cap hit","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}"#
/// );
/// ```
///
/// The `#[api_error(...)]` attribute, the std traits the derive writes and
/// every check it makes are documented on the derive macro,
/// [`ApiError`](derive@crate::ApiError).
///
/// # Safety of messages
///
/// The message is only what the variant declares (never a doc comment). A
/// wrapped `io::Error` or database error never reaches the client through
/// its `Display`.
pub trait ApiError: sealed::Sealed {
    /// The compile-time facts of this error's code.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode};
    /// assert_eq!(ErrorCode::UpstreamTimeout.info().status(), 504);
    /// ```
    fn info(&self) -> &'static CodeInfo;

    /// The stable, lower snake_case code: `"rate_limit_exceeded"`.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode};
    /// assert_eq!(ErrorCode::RateLimitExceeded.code(), "rate_limit_exceeded");
    /// ```
    fn code(&self) -> &'static str;

    /// The HTTP status, exactly as declared; `0` means no HTTP response is
    /// sent (`client_disconnected`).
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode};
    /// assert_eq!(ErrorCode::ClientDisconnected.status(), 0);
    /// assert_eq!(ErrorCode::PayloadTooLarge.status(), 413);
    /// ```
    fn status(&self) -> u16;

    /// The status as an [`http::StatusCode`]; `None` for status 0.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode};
    /// assert_eq!(ErrorCode::ClientDisconnected.http_status(), None);
    /// assert_eq!(ErrorCode::UpstreamTimeout.http_status(), Some(http::StatusCode::GATEWAY_TIMEOUT));
    /// ```
    fn http_status(&self) -> Option<http::StatusCode>;

    /// The client-safe human message.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode};
    /// assert_eq!(ErrorCode::InvalidApiKey.message(), "API key is missing, malformed, revoked, or unrecognized");
    /// ```
    fn message(&self) -> Cow<'_, str>;

    /// The request parameter at fault (OpenAI's `param`), if any.
    fn param(&self) -> Option<Cow<'_, str>>;

    /// Whether the same request can succeed later.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode};
    /// assert!(ErrorCode::ServiceUnavailable.is_retryable());
    /// assert!(!ErrorCode::InsufficientQuota.is_retryable());
    /// ```
    fn is_retryable(&self) -> bool;

    /// How long a client should wait before retrying, if the error knows.
    ///
    /// ```
    /// use api_error_codes::ApiError;
    /// use std::time::Duration;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api_error(code = "rate_limit_exceeded", retry_after = wait)]
    /// struct Limited {
    ///     wait: Duration,
    /// }
    ///
    /// let error = Limited { wait: Duration::from_millis(1500) };
    /// assert_eq!(error.retry_after(), Some(Duration::from_millis(1500)));
    /// ```
    fn retry_after(&self) -> Option<Duration>;

    /// The upstream provider that generated the error, if one did: the
    /// OpenAI-format body names it as `error.provider` (see
    /// [`Envelope::provider`]). An error of the gateway itself names none.
    ///
    /// ```
    /// use api_error_codes::upstream::{Provider, UpstreamError};
    /// use api_error_codes::{ApiError, ErrorCode};
    ///
    /// assert_eq!(ErrorCode::ModelUnavailable.provider(), None);
    /// let upstream = UpstreamError::from_response(Provider::Mistral, 503, &http::HeaderMap::new(), b"");
    /// assert_eq!(upstream.provider(), Some(Provider::Mistral));
    /// ```
    fn provider(&self) -> Option<Provider>;

    /// The `error.type` of the OpenAI-format envelope.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode};
    /// assert_eq!(ErrorCode::ModelNotFound.openai_type(), "not_found_error");
    /// ```
    fn openai_type(&self) -> &'static str;

    /// The `error.type` of the Anthropic-format envelope.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode};
    /// assert_eq!(ErrorCode::UpstreamTimeout.anthropic_type(), "timeout_error");
    /// ```
    fn anthropic_type(&self) -> &'static str;

    /// An envelope to render, with options (request id, doc URL,
    /// suggestion, Anthropic `details.error_code`).
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::InvalidApiKey
    ///     .envelope(Format::Anthropic)
    ///     .request_id("req_123")
    ///     .to_body();
    /// assert_eq!(
    ///     String::from_utf8(body).unwrap(),
    ///     r#"{"type":"error","error":{"type":"authentication_error","message":"API key is missing, malformed, revoked, or unrecognized"},"request_id":"req_123"}"#
    /// );
    /// ```
    fn envelope(&self, format: Format) -> Envelope<'_>;

    /// The JSON error body in `format`.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::ModelNotFound.to_body(Format::OpenAi);
    /// let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    /// assert_eq!(json["error"]["code"], "model_not_found");
    /// assert_eq!(json["error"]["param"], serde_json::Value::Null);
    /// ```
    fn to_body(&self, format: Format) -> Vec<u8>;

    /// A complete `http::Response`: status, `content-type`,
    /// `x-should-retry`, and `retry-after` when the error carries a delay.
    /// Status 0 becomes 499 (see [`Envelope::to_http_response`]).
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let response = ErrorCode::BudgetExhausted.to_http_response(Format::OpenAi);
    /// assert_eq!(response.status(), 429);
    /// assert_eq!(response.headers()["x-should-retry"], "false");
    /// assert_eq!(response.headers()["content-type"], "application/json");
    /// ```
    fn to_http_response(&self, format: Format) -> http::Response<Vec<u8>>;

    /// One complete server-sent event carrying the error, for a stream that
    /// has already started.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let event = ErrorCode::UpstreamError.to_sse_event(Format::Anthropic);
    /// assert!(event.starts_with(b"event: error\ndata: {\"type\":\"error\""));
    /// assert!(event.ends_with(b"}\n\n"));
    /// ```
    fn to_sse_event(&self, format: Format) -> Vec<u8>;
}

/// Every [`ApiError`] method, from [`Describe`]: the one definition.
impl<T: Describe> ApiError for T {
    fn info(&self) -> &'static CodeInfo {
        T::info(self)
    }
    fn code(&self) -> &'static str {
        T::info(self).code()
    }
    fn status(&self) -> u16 {
        T::info(self).status()
    }
    fn http_status(&self) -> Option<http::StatusCode> {
        match self.status() {
            0 => None,
            status => http::StatusCode::from_u16(status).ok(),
        }
    }
    fn message(&self) -> Cow<'_, str> {
        T::message(self)
    }
    fn param(&self) -> Option<Cow<'_, str>> {
        T::param(self)
    }
    fn is_retryable(&self) -> bool {
        T::info(self).is_retryable()
    }
    fn retry_after(&self) -> Option<Duration> {
        T::retry_after(self)
    }
    fn provider(&self) -> Option<Provider> {
        T::provider(self)
    }
    fn openai_type(&self) -> &'static str {
        T::info(self).openai_type()
    }
    fn anthropic_type(&self) -> &'static str {
        T::info(self).anthropic_type()
    }
    fn envelope(&self, format: Format) -> Envelope<'_> {
        Envelope::new(self, format)
    }
    fn to_body(&self, format: Format) -> Vec<u8> {
        self.envelope(format).to_body()
    }
    fn to_http_response(&self, format: Format) -> http::Response<Vec<u8>> {
        self.envelope(format).to_http_response()
    }
    fn to_sse_event(&self, format: Format) -> Vec<u8> {
        self.envelope(format).to_sse_event()
    }
}

/// A boxed error of any type, so `Box<dyn ApiError + Send + Sync>` is an
/// [`ApiError`] (in the [`formatted`](crate::formatted) wrappers, the
/// framework integrations, a `transparent` variant). Its codes are known
/// only at run time: [`CodeList::of`](crate::CodeList::of) gives none, and
/// a type wrapping it gets no compile-time check of them.
impl Describe for Box<dyn ApiError + Send + Sync> {
    const CODES: crate::CodeList = crate::CodeList::EMPTY;
    fn info(this: &Self) -> &'static CodeInfo {
        (**this).info()
    }
    fn message(this: &Self) -> Cow<'_, str> {
        (**this).message()
    }
    fn param(this: &Self) -> Option<Cow<'_, str>> {
        (**this).param()
    }
    fn retry_after(this: &Self) -> Option<Duration> {
        (**this).retry_after()
    }
    fn provider(this: &Self) -> Option<Provider> {
        (**this).provider()
    }
}

/// `Debug` for an error whose type is behind a pointer, so an [`Envelope`]
/// and a boxed error print: what a client would see,
/// `ApiError { code: "...", status: 429, message: "..." }`.
macro_rules! debug_dyn {
    ($($ty:ty),+) => {$(
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct("ApiError")
                    .field("code", &self.code())
                    .field("status", &self.status())
                    .field("message", &self.message())
                    .finish()
            }
        }
    )+};
}

debug_dyn!(dyn ApiError + '_, dyn ApiError + Send + Sync + '_);

mod sealed {
    /// Only [`Describe`](crate::Describe) types are `ApiError`s.
    pub trait Sealed {}
    impl<T: crate::Describe> Sealed for T {}
}
