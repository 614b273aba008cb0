//! The demo models' answers in each API: `echo`'s normal answer and
//! stream, and `error/<code>`'s stream that fails after it started.

mod chat;
mod messages;
mod prompt;
mod responses;
mod wire;

use crate::context::Answer;
use crate::errors::GatewayError;
use crate::request::Api;
use crate::request::CompletionRequest;
use api_error_codes::layer::ErrorContext;
use axum::response::Response;
use prompt::{last_user_input, last_user_message};

/// The echo model's answer, streamed when the request asks: the last user
/// text of the request, in `api`'s format.
pub(crate) fn answer(
    api: Api,
    context: &ErrorContext,
    request: &CompletionRequest,
) -> Result<Response, GatewayError> {
    match api {
        Api::Chat => chat::echo(context, request, &last_user_message(&request.body)?),
        Api::Messages => messages::echo(context, request, &last_user_message(&request.body)?),
        Api::Responses => responses::echo(context, request, &last_user_input(&request.body)?),
    }
}

/// A 200 stream of `api` that starts normally, then fails with `error`.
pub(crate) fn failing_stream(
    api: Api,
    context: &ErrorContext,
    request: &CompletionRequest,
    error: &GatewayError,
) -> Result<Response, GatewayError> {
    match api {
        Api::Chat => chat::stream(context, request, None, Some(context.error_event(error))),
        Api::Messages => messages::stream(context, request, None, Some(context.error_event(error))),
        Api::Responses => responses::failing_stream(context, request, error),
    }
}
