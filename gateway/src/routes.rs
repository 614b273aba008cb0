//! The routes and their handlers. What the framework answers itself (no
//! route, a wrong method, a body over the limit) the crate's error layer
//! turns into canonical errors in the route's format.

use crate::catalogue::error_codes;
use crate::complete::{complete, Api};
use crate::config::BODY_LIMIT;
use crate::context::{error_layer, Answer};
use crate::request::Authorized;
use crate::server::Gateway;
use api_error_codes::layer::ErrorContext;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;

/// The gateway's routes and layers.
pub(crate) fn router(gateway: Gateway) -> Router {
    Router::new()
        .route("/v1/chat/completions", post(chat_completions))
        .route("/v1/messages", post(messages))
        .route("/v1/responses", post(responses))
        .route("/v1/error-codes", get(error_codes))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(gateway)
        // Last: it wraps the routes, their fallbacks and the body limit.
        .layer(error_layer())
}

// `Authorized` comes before the body: without a key, the body is not read.

async fn chat_completions(
    State(gateway): State<Gateway>,
    context: ErrorContext,
    _: Authorized,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let answer = complete(Api::Chat, &gateway, &context, &headers, &body).await;
    answer.unwrap_or_else(|error| context.reject(&error))
}

async fn messages(
    State(gateway): State<Gateway>,
    context: ErrorContext,
    _: Authorized,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let answer = complete(Api::Messages, &gateway, &context, &headers, &body).await;
    answer.unwrap_or_else(|error| context.reject(&error))
}

async fn responses(
    State(gateway): State<Gateway>,
    context: ErrorContext,
    _: Authorized,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let answer = complete(Api::Responses, &gateway, &context, &headers, &body).await;
    answer.unwrap_or_else(|error| context.reject(&error))
}
