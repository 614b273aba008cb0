//! [`IntoResponse`] for errors, in the
//! format of the endpoint that fails (feature `axum`).
//!
//! The [`formatted`](crate::formatted) wrappers, and an [`Envelope`]
//! rendered on the spot, each answer with exactly
//! [`Envelope::to_http_response`](crate::Envelope::to_http_response), the
//! body in an axum [`Body`].
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
