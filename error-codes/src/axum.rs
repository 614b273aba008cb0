//! [`IntoResponse`](axum_core::response::IntoResponse) for errors, in the
//! format of the endpoint that fails (feature `axum`).
//!
//! The wrappers are those of [`api_error_codes::formatted`](crate::formatted):
//! [`OpenAi`](crate::formatted::OpenAi), [`Anthropic`](crate::formatted::Anthropic)
//! and [`Problem`](crate::formatted::Problem) (RFC 9457 problem details)
//! fix the format at the type level, for handlers that serve one API
//! (`Result<T, OpenAi<MyError>>`, and `?` converts any `MyError`);
//! [`OwnedEnvelope`](crate::formatted::OwnedEnvelope) chooses it at run time and carries the envelope
//! options (request id, Anthropic `details.error_code`, problem
//! `instance`), for code shared by several APIs; [`Envelope`]
//! itself answers for a borrowed error rendered on the spot.
//!
//! Each becomes exactly [`Envelope::to_http_response`](crate::Envelope::to_http_response) with the body in an
//! axum [`Body`](axum_core::body::Body): status (499 for status 0, see
//! [`CLIENT_CLOSED_REQUEST`](crate::CLIENT_CLOSED_REQUEST)),
//! `content-type`, `x-should-retry`, `retry-after` and the request id header.
//!
//! ```
//! use axum_core::response::IntoResponse;
//! use api_error_codes::axum::{Anthropic, OpenAi};
//! use api_error_codes::{ApiError, ErrorCode};
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
//!
//! // A management endpoint, in problem details.
//! let response = api_error_codes::axum::Problem(ErrorCode::MfaRequired).into_response();
//! assert_eq!(response.status(), 403);
//! assert_eq!(response.headers()["content-type"], "application/problem+json");
//! ```

use crate::{ApiError, Envelope};
use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};

pub use crate::formatted::{Anthropic, OpenAi, OwnedEnvelope, Problem};

/// `IntoResponse` for the four wrappers, which all answer with their
/// [`Envelope`].
macro_rules! into_response {
    ($($wrapper:ident),+) => {$(
        impl<E: ApiError> IntoResponse for $wrapper<E> {
            /// [`Envelope::to_http_response`], with the body in an axum [`Body`].
            fn into_response(self) -> Response {
                self.envelope().into_response()
            }
        }
    )+};
}

into_response!(OpenAi, Anthropic, Problem, OwnedEnvelope);

impl IntoResponse for Envelope<'_> {
    /// [`Envelope::to_http_response`], with the body in an axum [`Body`].
    fn into_response(self) -> Response {
        self.to_http_response().map(Body::from)
    }
}
