//! The routes, their handlers, and the answers to wrong methods and
//! unknown paths.

use crate::catalogue::error_codes;
use crate::complete::{complete, Api};
use crate::config::BODY_LIMIT;
use crate::context::{tag_request, RequestContext};
use crate::errors::{clip, GatewayError};
use crate::server::Gateway;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::{HeaderValue, ALLOW};
use axum::http::{HeaderMap, Method, Uri};
use axum::middleware;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;

/// The gateway's routes, fallbacks and middleware.
pub(crate) fn router(gateway: Gateway) -> Router {
    Router::new()
        .route("/v1/chat/completions", post(chat_completions))
        .route("/v1/messages", post(messages))
        .route("/v1/responses", post(responses))
        .route("/v1/error-codes", get(error_codes))
        // After the routes: it applies to the routes added so far.
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(tag_request))
        .with_state(gateway)
}

/// The body is read as bytes and checked by the handler, after the key.
type Body = Result<Bytes, BytesRejection>;

async fn chat_completions(
    State(gateway): State<Gateway>,
    context: RequestContext,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let answer = complete(Api::Chat, &gateway, &context, &headers, body).await;
    answer.unwrap_or_else(|error| context.reject(&error))
}

async fn messages(
    State(gateway): State<Gateway>,
    context: RequestContext,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let answer = complete(Api::Messages, &gateway, &context, &headers, body).await;
    answer.unwrap_or_else(|error| context.reject(&error))
}

async fn responses(
    State(gateway): State<Gateway>,
    context: RequestContext,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let answer = complete(Api::Responses, &gateway, &context, &headers, body).await;
    answer.unwrap_or_else(|error| context.reject(&error))
}

async fn method_not_allowed(context: RequestContext, method: Method, uri: Uri) -> Response {
    let allowed = match uri.path() {
        "/v1/error-codes" => "GET, HEAD",
        _ => "POST",
    };
    let path = uri.path().to_owned();
    let error = GatewayError::MethodNotAllowed {
        method,
        path,
        allowed,
    };
    let mut response = context.reject(&error);
    (response.headers_mut()).insert(ALLOW, HeaderValue::from_static(allowed));
    response
}

async fn not_found(context: RequestContext, method: Method, uri: Uri) -> Response {
    let path = clip(uri.path()).into_owned();
    context.reject(&GatewayError::UnknownPath { method, path })
}
