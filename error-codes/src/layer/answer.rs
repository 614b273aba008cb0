//! Which canonical error a framework's own failure response is, and that
//! error's response in the route's format.

use super::ErrorContext;
use crate::ErrorCode;
use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use http::header::{HeaderName, HeaderValue, ALLOW, CONTENT_TYPE};
use http::{Method, Uri};
use http_body_util::{BodyExt, Limited};

/// The framework's failures, each with what the client needs to know.
#[derive(Debug, crate::ApiError)]
#[api_error(crate = crate)]
enum Failure {
    #[api_error(
        code = "invalid_request",
        message = "Malformed or invalid request: {0}"
    )]
    Invalid(String),
    #[api_error(
        code = "resource_not_found",
        message = "Requested resource not found: no route for {0}"
    )]
    NoRoute(String),
    #[api_error(
        code = "method_not_allowed",
        message = "HTTP method not supported on this endpoint: {0}"
    )]
    Method(String),
    #[api_error(transparent)]
    Code(ErrorCode),
}

/// `response` as the route's error, if it is one the framework wrote: an
/// error status without a JSON body (axum's rejections and fallbacks,
/// tower-http's timeouts and limits write plain text or nothing). A JSON
/// error is the handler's, and is left as it is. Every response gets the
/// request id header.
pub(super) async fn answer(
    response: Response,
    context: &ErrorContext,
    method: &Method,
    uri: &Uri,
) -> Response {
    let status = response.status();
    let json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            let essence = value.split(';').next().unwrap_or_default().trim();
            essence.eq_ignore_ascii_case("application/json") || essence.ends_with("+json")
        });
    if json || !(status.is_client_error() || status.is_server_error()) {
        return with_request_id(response, context);
    }
    let allow = response.headers().get(ALLOW).cloned();
    let text = body_text(response.into_body()).await;
    let reason = || match text.as_str() {
        "" => status
            .canonical_reason()
            .unwrap_or("bad request")
            .to_owned(),
        text => text.to_owned(),
    };
    let route = || format!("{method} {}", clip(uri.path()));
    let failure = match status.as_u16() {
        404 => Failure::NoRoute(route()),
        // axum adds `allow` outside the routes' layers; an inner one
        // (tower-http's, a layer around the whole router) is named here.
        405 => Failure::Method(match allow.as_ref().and_then(|allow| allow.to_str().ok()) {
            Some(allow) => format!("{}; allowed: {allow}", route()),
            None => route(),
        }),
        413 => Failure::Code(ErrorCode::PayloadTooLarge),
        408 | 504 => Failure::Code(ErrorCode::UpstreamTimeout),
        401 => Failure::Code(ErrorCode::InvalidApiKey),
        403 => Failure::Code(ErrorCode::InsufficientPermissions),
        429 => Failure::Code(ErrorCode::RateLimitExceeded),
        502 => Failure::Code(ErrorCode::UpstreamError),
        503 => Failure::Code(ErrorCode::ServiceUnavailable),
        400..=499 => Failure::Invalid(reason()),
        // A server error's text may tell the server's secrets: never sent.
        _ => Failure::Code(ErrorCode::InternalError),
    };
    let mut response = context.envelope(&failure).into_response();
    if let Some(allow) = allow {
        response.headers_mut().insert(ALLOW, allow);
    }
    response
}

/// `internal_error`, for a handler that panicked: its text reaches the
/// panic hook (the server's log), never the client.
pub(super) fn panicked(context: &ErrorContext) -> Response {
    context.envelope(&ErrorCode::InternalError).into_response()
}

fn with_request_id(mut response: Response, context: &ErrorContext) -> Response {
    let header = HeaderName::from_static(context.format().request_id_header());
    if !response.headers().contains_key(&header) {
        if let Ok(id) = HeaderValue::from_str(context.request_id()) {
            response.headers_mut().insert(header, id);
        }
    }
    response
}

/// What a framework failure says, its first 2 KiB as text, trimmed and
/// clipped to 300 characters.
async fn body_text(body: Body) -> String {
    let Ok(collected) = Limited::new(body, 2048).collect().await else {
        return String::new();
    };
    clip(String::from_utf8_lossy(&collected.to_bytes()).trim()).to_owned()
}

/// `text` cut to 300 characters.
fn clip(text: &str) -> &str {
    match text.char_indices().nth(300) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}
