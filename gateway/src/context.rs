//! What the gateway adds to the crate's [`ErrorContext`] (each request's id
//! and format, set by the [`ErrorLayer`] of [`error_layer`]): its retry
//! advice, and the ids of its own answers.

use crate::config::DEMO_RETRY_DELAY;
use crate::errors::GatewayError;
use api_error_codes::layer::{ErrorContext, ErrorLayer};
use api_error_codes::{telemetry, ApiError, Format};
use axum::extract::Request;
use axum::http::header::{HeaderName, HeaderValue, RETRY_AFTER};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tracing::field::Empty;
use tracing::Instrument;

/// The layer that answers the framework's own failures (no route, a wrong
/// method, a body over the limit, a panic) in the route's format, and
/// gives every request its id: Anthropic's format under `/v1/messages`
/// (and, outside the OpenAI paths, for a request with `anthropic-version`),
/// OpenAI's elsewhere, with `error.details.error_code`, where the official
/// Anthropic SDK reads the code.
pub(crate) fn error_layer() -> ErrorLayer {
    ErrorLayer::new(Format::OpenAi)
        .format_under("/v1/chat/completions", Format::OpenAi)
        .format_under("/v1/responses", Format::OpenAi)
        .format_under("/v1/messages", Format::Anthropic)
        .details_error_code(true)
}

/// Runs each request in a `request` span with its id, and the four fields
/// [`telemetry::record`] fills when the gateway answers with an error
/// (`error.type`, the code; `http.response.status_code`; `api_error.origin`;
/// `api_error.provider`), for a tracing layer (OpenTelemetry's among them)
/// to read.
pub(crate) async fn in_request_span(
    context: ErrorContext,
    request: Request,
    next: Next,
) -> Response {
    let span = tracing::info_span!(
        "request",
        request_id = %context.request_id(),
        "error.type" = Empty,
        "http.response.status_code" = Empty,
        "api_error.origin" = Empty,
        "api_error.provider" = Empty,
    );
    next.run(request).instrument(span).await
}

/// How the gateway answers with a request's context.
pub(crate) trait Answer {
    /// `error` in the request's format, with the gateway's retry advice
    /// for a retryable error without a delay of its own, recorded on the
    /// request's span.
    fn reject(&self, error: &GatewayError) -> Response;

    /// `error` as one server-sent error event of the request's format.
    fn error_event(&self, error: &GatewayError) -> Vec<u8>;

    /// The part of the request id the answer's own ids share
    /// (`chatcmpl-<suffix>`).
    fn id_suffix(&self) -> &str;
}

impl Answer for ErrorContext {
    fn reject(&self, error: &GatewayError) -> Response {
        telemetry::record(error);
        let mut response = self.envelope(error).into_response();
        if error.is_retryable() && error.retry_after().is_none() {
            let headers = response.headers_mut();
            headers.insert(RETRY_AFTER, HeaderValue::from(DEMO_RETRY_DELAY.as_secs()));
            let millis = DEMO_RETRY_DELAY.as_millis() as u64;
            headers.insert(
                HeaderName::from_static("retry-after-ms"),
                HeaderValue::from(millis),
            );
        }
        response
    }

    fn error_event(&self, error: &GatewayError) -> Vec<u8> {
        self.envelope(error).to_sse_event()
    }

    fn id_suffix(&self) -> &str {
        let id = self.request_id();
        id.strip_prefix("req_").unwrap_or(id)
    }
}
