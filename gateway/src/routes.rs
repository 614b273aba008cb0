//! The handlers of the three completion routes.

use crate::complete::complete;
use crate::context::Answer;
use crate::errors::GatewayError;
use crate::request::Api;
use crate::request::Authorized;
use crate::state::Gateway;
use api_error_codes::layer::ErrorContext;
use api_error_codes::openapi::{AnthropicErrors, OpenAiErrors};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

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
