//! [`ErrorContext`]: the request id and format a request's errors answer
//! with, as [`ErrorLayer`](super::ErrorLayer) sets them.

use crate::formatted::OpenAi;
use crate::{ApiError, Envelope, ErrorCode, Format};
use axum_core::extract::FromRequestParts;
use http::request::Parts;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// What every error of one request answers with: its request id and the
/// format of its route. [`ErrorLayer`](super::ErrorLayer) puts one in each
/// request's extensions; a handler takes it as an extractor.
///
/// ```
/// use api_error_codes::layer::ErrorContext;
/// use api_error_codes::{ErrorCode, Format};
/// use axum_core::response::{IntoResponse, Response};
///
/// async fn handler(context: ErrorContext) -> Response {
///     context.envelope(&ErrorCode::ModelNotFound).into_response()
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorContext {
    request_id: Arc<str>,
    format: Format,
    details_error_code: bool,
}

impl ErrorContext {
    pub(super) fn new(request_id: Arc<str>, format: Format, details_error_code: bool) -> Self {
        ErrorContext {
            request_id,
            format,
            details_error_code,
        }
    }

    /// The request id: the request's `x-request-id`, else one the layer
    /// made (`req_` and 24 hex digits).
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// The format of the route.
    pub fn format(&self) -> Format {
        self.format
    }

    /// `error`'s envelope in the route's format, with the request id (and
    /// Anthropic's `details.error_code` when the layer adds it): render it
    /// with `into_response()` or
    /// [`to_http_response`](Envelope::to_http_response).
    pub fn envelope<'a>(&'a self, error: &'a dyn ApiError) -> Envelope<'a> {
        error
            .envelope(self.format)
            .request_id(&self.request_id)
            .details_error_code(self.details_error_code)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ErrorContext {
    /// `internal_error` when no [`ErrorLayer`](super::ErrorLayer) is
    /// installed: a setup mistake, answered honestly.
    type Rejection = OpenAi<ErrorCode>;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let context = parts.extensions.get::<ErrorContext>().cloned();
        context.ok_or(OpenAi(ErrorCode::InternalError))
    }
}

/// A fresh request id: `req_`, 16 hex digits random per process, 8 of a
/// counter: unique in the process, unpredictable across processes.
pub(super) fn new_request_id() -> Arc<str> {
    static SEED: OnceLock<u64> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    // `RandomState` is seeded from the operating system's randomness.
    let seed = *SEED.get_or_init(|| RandomState::new().build_hasher().finish());
    let count = COUNTER.fetch_add(1, Ordering::Relaxed) & 0xffff_ffff;
    format!("req_{seed:016x}{count:08x}").into()
}
