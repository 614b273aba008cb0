//! The routes, the fallbacks for wrong methods and unknown paths, and the
//! catalogue endpoint.

use super::chat::CHAT_COMPLETIONS;
use super::complete::completion_route;
use super::context::{tag_request, RequestContext};
use super::errors::{clip, GatewayError};
use super::messages::MESSAGES;
use super::respond::json_response;
use super::responses::RESPONSES;
use super::server::Gateway;
use super::wire::{Catalogue, CatalogueEntry};
use super::BODY_LIMIT;
use api_error_codes::{ApiError, ErrorCode, ProblemTypes};
use axum::extract::DefaultBodyLimit;
use axum::http::header::{HeaderValue, ALLOW};
use axum::http::{Method, Uri};
use axum::middleware;
use axum::response::Response;
use axum::routing::get;
use axum::Router;

/// The gateway's routes, fallbacks and middleware, ready to serve.
pub(crate) fn routes(gateway: Gateway) -> Router {
    Router::new()
        .route("/v1/chat/completions", completion_route(&CHAT_COMPLETIONS))
        .route("/v1/messages", completion_route(&MESSAGES))
        .route("/v1/responses", completion_route(&RESPONSES))
        .route("/v1/error-codes", get(error_codes_catalogue))
        // After the routes: it applies to the routes added so far.
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(tag_request))
        .with_state(gateway)
}

async fn error_codes_catalogue(context: RequestContext) -> Response {
    let data = ErrorCode::ALL
        .iter()
        .map(|code| {
            let info = code.info();
            CatalogueEntry {
                code: info.code(),
                status: info.status(),
                description: info.description(),
                retryable: info.is_retryable(),
                openai_type: info.openai_type(),
                anthropic_type: info.anthropic_type(),
                problem_type: ProblemTypes::installed().type_uri(info.code()),
            }
        })
        .collect();
    json_response(&context, &Catalogue { data }).unwrap_or_else(|error| context.reject(&error))
}

async fn method_not_allowed(context: RequestContext, method: Method, uri: Uri) -> Response {
    let allowed = match uri.path() {
        "/v1/error-codes" => "GET, HEAD",
        _ => "POST",
    };
    let error = GatewayError::MethodNotAllowed {
        method,
        path: uri.path().to_owned(),
        allowed,
    };
    let mut response = context.reject(&error);
    response
        .headers_mut()
        .insert(ALLOW, HeaderValue::from_static(allowed));
    response
}

async fn not_found(context: RequestContext, method: Method, uri: Uri) -> Response {
    let error = GatewayError::UnknownPath {
        method,
        path: clip(uri.path()).into_owned(),
    };
    context.reject(&error)
}
