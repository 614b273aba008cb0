//! [`ResponseError`] and
//! [`Responder`] for errors, in the format of the
//! endpoint that fails (feature `actix-web`): the actix-web twin of
//! `api_error_codes::axum`, name for name.
//!
//! The [`formatted`](crate::formatted) wrappers are each a `ResponseError`
//! (returned as a handler's `Err`) and a `Responder` (returned as is), and
//! an [`Envelope`] rendered on the spot a `Responder`: all
//! answer with exactly the status, headers and body bytes of
//! [`Envelope::to_http_response`](crate::Envelope::to_http_response).
//!
//! ```
//! use actix_web::ResponseError;
//! use api_error_codes::actix_web::{Anthropic, OpenAi};
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
//! async fn chat_completions(model: &str) -> Result<String, OpenAi<ChatError>> {
//!     if model != "echo" {
//!         Err(ChatError::UnknownModel)?;
//!     }
//!     Ok("hello".to_owned())
//! }
//!
//! let response = OpenAi(ChatError::UnknownModel).error_response();
//! assert_eq!(response.status().as_u16(), 404);
//! assert_eq!(response.headers().get("content-type").unwrap(), "application/json");
//! assert_eq!(response.headers().get("x-should-retry").unwrap(), "false");
//!
//! let response = Anthropic(ErrorCode::ServiceUnavailable).error_response();
//! assert_eq!(response.status().as_u16(), 503);
//! assert_eq!(response.headers().get("x-should-retry").unwrap(), "true");
//!
//! // A management endpoint, in problem details.
//! let response = api_error_codes::actix_web::Problem(ErrorCode::MfaRequired).error_response();
//! assert_eq!(response.status().as_u16(), 403);
//! assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
//! # let _ = chat_completions("echo");
//! ```

use crate::{ApiError, Envelope, CLIENT_CLOSED_REQUEST};
use actix_web::body::BoxBody;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, Responder, ResponseError};
use std::fmt;

pub use crate::formatted::{Anthropic, OpenAi, OwnedEnvelope, Problem};

/// `ResponseError` and `Responder` for the four wrappers, which all answer
/// with their [`Envelope`].
macro_rules! actix_impls {
    ($($wrapper:ident),+) => {$(
        impl<E: ApiError + fmt::Debug> ResponseError for $wrapper<E> {
            /// The status of [`Envelope::to_http_response`].
            fn status_code(&self) -> StatusCode {
                status_code(self.envelope().error())
            }

            /// [`Envelope::to_http_response`], as an actix-web response.
            fn error_response(&self) -> HttpResponse {
                http_response(self.envelope())
            }
        }

        impl<E: ApiError> Responder for $wrapper<E> {
            type Body = BoxBody;

            /// [`Envelope::to_http_response`], as an actix-web response.
            fn respond_to(self, _: &HttpRequest) -> HttpResponse {
                http_response(self.envelope())
            }
        }
    )+};
}

actix_impls!(OpenAi, Anthropic, Problem, OwnedEnvelope);

impl Responder for Envelope<'_> {
    type Body = BoxBody;

    /// [`Envelope::to_http_response`], as an actix-web response.
    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        http_response(self)
    }
}

/// The status `error` answers with, in actix-web's `http` version.
fn status_code<E: ApiError + ?Sized>(error: &E) -> StatusCode {
    let status = error.http_status().unwrap_or(CLIENT_CLOSED_REQUEST);
    // Both `http` versions accept 100..=999, and statuses are 100..=599.
    StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// [`Envelope::to_http_response`], rebuilt in actix-web's `http` version
/// (0.2): status, every header in order, the body bytes.
fn http_response(envelope: Envelope<'_>) -> HttpResponse {
    let (parts, body) = envelope.to_http_response().into_parts();
    let status =
        StatusCode::from_u16(parts.status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = HttpResponse::with_body(status, body).map_into_boxed_body();
    let headers = response.headers_mut();
    for (name, value) in &parts.headers {
        // Both `http` versions hold names and values to the same grammar,
        // so every header converts.
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            headers.append(name, value);
        }
    }
    response
}
