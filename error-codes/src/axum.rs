//! [`IntoResponse`](axum_core::response::IntoResponse) for errors, in the format of the endpoint that fails
//! (feature `axum`).
//!
//! An [`ApiError`] does not know which API a client speaks, so the format is
//! chosen where the response is made:
//!
//! - [`OpenAi`](crate::axum::OpenAi) and [`Anthropic`](crate::axum::Anthropic): wrappers fixing the format at the type
//!   level, for handlers that serve one API: `Result<T, OpenAi<MyError>>`,
//!   and `?` converts any `MyError`.
//! - [`Rendered`](crate::axum::Rendered): an owned error with its format chosen at run time and
//!   the envelope options (request id, Anthropic `details.error_code`), for
//!   code shared by both APIs.
//! - [`Envelope`] itself, for a borrowed error rendered on the spot.
//!
//! Each becomes exactly [`Envelope::to_http_response`] with the body in an
//! axum [`Body`](axum_core::body::Body): status (499 for status 0, see
//! [`CLIENT_CLOSED_REQUEST`](crate::CLIENT_CLOSED_REQUEST)),
//! `content-type`, `x-should-retry`, `retry-after` and the request id header.
//!
//! ```
//! use axum_core::response::IntoResponse;
//! use error_codes::axum::{Anthropic, OpenAi};
//! use error_codes::{ApiError, ErrorCode};
//!
//! #[derive(Debug, ApiError)]
//! enum ChatError {
//!     #[api_error(code = "model_not_found", param = "model")]
//!     UnknownModel,
//!     #[api_error(transparent)]
//!     Canonical(ErrorCode),
//! }
//!
//! // The handler of an OpenAI-format endpoint.
//! fn chat_completions(model: &str) -> Result<String, OpenAi<ChatError>> {
//!     if model != "echo" {
//!         Err(ChatError::UnknownModel)?;
//!     }
//!     Ok("hello".to_owned())
//! }
//!
//! let response = chat_completions("gpt-9").into_response();
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers()["content-type"], "application/json");
//! assert_eq!(response.headers()["x-should-retry"], "false");
//!
//! let response = Anthropic(ErrorCode::ServiceUnavailable).into_response();
//! assert_eq!(response.status(), 503);
//! assert_eq!(response.headers()["x-should-retry"], "true");
//! ```

use crate::{ApiError, Envelope, Format};
use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};

/// An error answered in OpenAI format: `{"error":{"message","type","param","code"}}`.
///
/// ```
/// use axum_core::response::IntoResponse;
/// use error_codes::{axum::OpenAi, ErrorCode};
///
/// let response = OpenAi(ErrorCode::RateLimitExceeded).into_response();
/// assert_eq!(response.status(), 429);
/// assert_eq!(response.headers()["x-should-retry"], "true");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OpenAi<E>(pub E);

/// An error answered in Anthropic format:
/// `{"type":"error","error":{"type","message"},"request_id":null}`. Use
/// [`Rendered`] to set the request id.
///
/// ```
/// use axum_core::response::IntoResponse;
/// use error_codes::{axum::Anthropic, ErrorCode};
///
/// let response = Anthropic(ErrorCode::BudgetExhausted).into_response();
/// assert_eq!(response.status(), 429);
/// assert_eq!(response.headers()["x-should-retry"], "false");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Anthropic<E>(pub E);

impl<E: ApiError> From<E> for OpenAi<E> {
    /// Wraps the error, so `?` works in a handler returning
    /// `Result<_, OpenAi<E>>`.
    ///
    /// ```
    /// use error_codes::{axum::OpenAi, ErrorCode};
    ///
    /// let wrapped: OpenAi<ErrorCode> = ErrorCode::InternalError.into();
    /// assert_eq!(wrapped, OpenAi(ErrorCode::InternalError));
    /// ```
    fn from(error: E) -> Self {
        OpenAi(error)
    }
}

impl<E: ApiError> From<E> for Anthropic<E> {
    /// Wraps the error, so `?` works in a handler returning
    /// `Result<_, Anthropic<E>>`.
    ///
    /// ```
    /// use error_codes::{axum::Anthropic, ErrorCode};
    ///
    /// let wrapped: Anthropic<ErrorCode> = ErrorCode::InternalError.into();
    /// assert_eq!(wrapped, Anthropic(ErrorCode::InternalError));
    /// ```
    fn from(error: E) -> Self {
        Anthropic(error)
    }
}

impl<E: ApiError> IntoResponse for OpenAi<E> {
    fn into_response(self) -> Response {
        self.0.envelope(Format::OpenAi).into_response()
    }
}

impl<E: ApiError> IntoResponse for Anthropic<E> {
    fn into_response(self) -> Response {
        self.0.envelope(Format::Anthropic).into_response()
    }
}

impl<E: ApiError + ?Sized> IntoResponse for Envelope<'_, E> {
    /// [`Envelope::to_http_response`], with the body in an axum [`Body`].
    fn into_response(self) -> Response {
        self.to_http_response().map(Body::from)
    }
}

/// An owned error with its format chosen at run time and the envelope's
/// options, for handlers that answer in either format.
///
/// ```
/// use axum_core::response::IntoResponse;
/// use error_codes::{axum::Rendered, ErrorCode, Format};
///
/// let format = Format::Anthropic; // e.g. picked from the request path
/// let response = Rendered::new(ErrorCode::InvalidApiKey, format)
///     .request_id("req_7")
///     .details_error_code(true)
///     .into_response();
/// assert_eq!(response.status(), 401);
/// assert_eq!(response.headers()["request-id"], "req_7");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "a `Rendered` does nothing until turned into a response"]
pub struct Rendered<E> {
    error: E,
    format: Format,
    request_id: Option<Box<str>>,
    details_error_code: bool,
}

impl<E: ApiError> Rendered<E> {
    /// `error` in `format`, with no options set.
    ///
    /// ```
    /// use error_codes::{axum::Rendered, ErrorCode, Format};
    ///
    /// let rendered = Rendered::new(ErrorCode::UpstreamTimeout, Format::OpenAi);
    /// assert_eq!(rendered.format(), Format::OpenAi);
    /// ```
    pub fn new(error: E, format: Format) -> Self {
        Rendered {
            error,
            format,
            request_id: None,
            details_error_code: false,
        }
    }

    /// The request id: the `x-request-id` (OpenAI) or `request-id`
    /// (Anthropic) header, and `request_id` in the Anthropic body. See
    /// [`Envelope::request_id`].
    ///
    /// ```
    /// use axum_core::response::IntoResponse;
    /// use error_codes::{axum::Rendered, ErrorCode, Format};
    ///
    /// let response = Rendered::new(ErrorCode::UpstreamTimeout, Format::OpenAi)
    ///     .request_id("req_1")
    ///     .into_response();
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
    /// use error_codes::{axum::Rendered, ErrorCode, Format};
    ///
    /// let rendered = Rendered::new(ErrorCode::UpstreamTimeout, Format::Anthropic).details_error_code(true);
    /// let body = rendered.envelope().to_body();
    /// assert!(body.ends_with(br#""details":{"error_code":"upstream_timeout"}},"request_id":null}"#));
    /// ```
    pub fn details_error_code(mut self, enabled: bool) -> Self {
        self.details_error_code = enabled;
        self
    }

    /// The error.
    ///
    /// ```
    /// use error_codes::{axum::Rendered, ApiError, ErrorCode, Format};
    ///
    /// let rendered = Rendered::new(ErrorCode::UpstreamTimeout, Format::OpenAi);
    /// assert_eq!(rendered.error().code(), "upstream_timeout");
    /// ```
    pub fn error(&self) -> &E {
        &self.error
    }

    /// The format the response is written in.
    ///
    /// ```
    /// use error_codes::{axum::Rendered, ErrorCode, Format};
    ///
    /// assert_eq!(Rendered::new(ErrorCode::InternalError, Format::Anthropic).format(), Format::Anthropic);
    /// ```
    pub fn format(&self) -> Format {
        self.format
    }

    /// The error back, without its format and options.
    ///
    /// ```
    /// use error_codes::{axum::Rendered, ErrorCode, Format};
    ///
    /// let rendered = Rendered::new(ErrorCode::InternalError, Format::OpenAi);
    /// assert_eq!(rendered.into_error(), ErrorCode::InternalError);
    /// ```
    pub fn into_error(self) -> E {
        self.error
    }

    /// The borrowed [`Envelope`] with the same format and options, for a
    /// body or a server-sent event instead of a response.
    ///
    /// ```
    /// use error_codes::{axum::Rendered, ErrorCode, Format};
    ///
    /// let rendered = Rendered::new(ErrorCode::UpstreamError, Format::Anthropic).request_id("req_9");
    /// let event = rendered.envelope().to_sse_event();
    /// assert!(event.starts_with(b"event: error\ndata: {"));
    /// assert!(event.ends_with(b"\"request_id\":\"req_9\"}\n\n"));
    /// ```
    pub fn envelope(&self) -> Envelope<'_, E> {
        let envelope = self
            .error
            .envelope(self.format)
            .details_error_code(self.details_error_code);
        match &self.request_id {
            Some(request_id) => envelope.request_id(request_id),
            None => envelope,
        }
    }
}

impl<E: ApiError> IntoResponse for Rendered<E> {
    fn into_response(self) -> Response {
        self.envelope().into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    fn body_bytes(response: Response) -> Vec<u8> {
        use axum_core::extract::{FromRequest, Request};
        use std::future::Future;
        use std::pin::pin;
        use std::task::{Context, Poll, Waker};

        // An in-memory body is ready at once: poll the extractor without a
        // runtime. (Every envelope is UTF-8 JSON, so `String` extracts it.)
        let request = Request::new(response.into_body());
        let mut future = pin!(<String as FromRequest<()>>::from_request(request, &()));
        match future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(Ok(text)) => text.into_bytes(),
            Poll::Ready(Err(rejection)) => panic!("body failed: {rejection:?}"),
            Poll::Pending => panic!("an in-memory body is never pending"),
        }
    }

    #[test]
    fn every_wrapper_gives_the_same_response_as_the_envelope() {
        for &code in ErrorCode::ALL {
            for format in Format::ALL {
                let expected = code.envelope(format).request_id("req_x").to_http_response();
                let response = Rendered::new(code, format)
                    .request_id("req_x")
                    .into_response();
                assert_eq!(response.status(), expected.status(), "{code:?}");
                assert_eq!(response.headers(), expected.headers(), "{code:?}");
                assert_eq!(body_bytes(response), *expected.body(), "{code:?}");
            }
            let openai = OpenAi(code).into_response();
            let expected = code.to_http_response(Format::OpenAi);
            assert_eq!(openai.headers(), expected.headers());
            assert_eq!(body_bytes(openai), *expected.body());
            let anthropic = Anthropic(code).into_response();
            let expected = code.to_http_response(Format::Anthropic);
            assert_eq!(anthropic.headers(), expected.headers());
            assert_eq!(body_bytes(anthropic), *expected.body());
        }
    }

    #[test]
    fn status_zero_is_answered_with_499() {
        let response = OpenAi(ErrorCode::ClientDisconnected).into_response();
        assert_eq!(response.status().as_u16(), 499);
    }

    #[test]
    fn details_error_code_reaches_the_body() {
        let response = Rendered::new(ErrorCode::ModelNotFound, Format::Anthropic)
            .details_error_code(true)
            .request_id("req_1")
            .into_response();
        let json: serde_json::Value = serde_json::from_slice(&body_bytes(response)).unwrap();
        assert_eq!(json["error"]["details"]["error_code"], "model_not_found");
        assert_eq!(json["request_id"], "req_1");
    }
}
