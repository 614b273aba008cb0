//! The routes and their handlers. What the framework answers itself (no
//! route, a wrong method, a body over the limit) the crate's error layer
//! turns into canonical errors in the route's format.

use crate::catalogue::error_codes;
use crate::complete::{complete, Api};
use crate::config::BODY_LIMIT;
use crate::context::{error_layer, in_request_span, Answer};
use crate::errors::GatewayError;
use crate::openapi::openapi_json;
use crate::request::Authorized;
use crate::server::Gateway;
use api_error_codes::layer::ErrorContext;
use api_error_codes::openapi::{AnthropicErrors, OpenAiErrors};
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
        .route("/openapi.json", get(openapi_json))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(in_request_span))
        .with_state(gateway)
        // Last: it wraps the routes, their fallbacks and the body limit.
        .layer(error_layer())
}

// `Authorized` comes before the body: without a key, the body is not read.
// Each `#[utoipa::path]` is the route in `GET /openapi.json`, its errors
// every code `GatewayError` can answer with.

/// An OpenAI chat completion; the body's `model` picks it: `echo`,
/// `error/<code>`, `NAME/<model>` (an upstream).
#[utoipa::path(post, path = "/v1/chat/completions", tag = "OpenAI",
    responses((status = 200, description = "The completion, or its event stream"), OpenAiErrors<GatewayError>))]
pub(crate) async fn chat_completions(
    State(gateway): State<Gateway>,
    context: ErrorContext,
    _: Authorized,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let answer = complete(Api::Chat, &gateway, &context, &headers, &body).await;
    answer.unwrap_or_else(|error| context.reject(&error))
}

/// An Anthropic message; the body's `model` picks it, as for chat
/// completions.
#[utoipa::path(post, path = "/v1/messages", tag = "Anthropic",
    responses((status = 200, description = "The message, or its event stream"), AnthropicErrors<GatewayError>))]
pub(crate) async fn messages(
    State(gateway): State<Gateway>,
    context: ErrorContext,
    _: Authorized,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let answer = complete(Api::Messages, &gateway, &context, &headers, &body).await;
    answer.unwrap_or_else(|error| context.reject(&error))
}

/// An OpenAI Responses API response; the body's `model` picks it, as for
/// chat completions.
#[utoipa::path(post, path = "/v1/responses", tag = "OpenAI",
    responses((status = 200, description = "The response, or its event stream"), OpenAiErrors<GatewayError>))]
pub(crate) async fn responses(
    State(gateway): State<Gateway>,
    context: ErrorContext,
    _: Authorized,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let answer = complete(Api::Responses, &gateway, &context, &headers, &body).await;
    answer.unwrap_or_else(|error| context.reject(&error))
}
