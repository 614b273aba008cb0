//! What every completion endpoint does with a request: the shared checks,
//! then by `model` the API's echo, the API's failing stream for
//! `error/<code>`, or the upstream.

use crate::echo;
use crate::errors::GatewayError;
use crate::request::{Api, CompletionRequest, Target};
use crate::state::Gateway;
use crate::upstream::forward;
use api_error_codes::layer::ErrorContext;
use axum::http::HeaderMap;
use axum::response::Response;

/// The answer of the endpoint of `api` to a request.
pub(crate) async fn complete(
    api: Api,
    gateway: &Gateway,
    context: &ErrorContext,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Response, GatewayError> {
    let request = CompletionRequest::read(body)?;
    match request.target()? {
        Target::Echo => echo::answer(api, context, &request),
        Target::Error(code) if request.stream => {
            echo::failing_stream(api, context, &request, &code.into())
        }
        Target::Error(code) => Err(code.into()),
        Target::Upstream { name, model } => {
            let (name, model) = (name.to_owned(), model.to_owned());
            forward(gateway, context, api, headers, request, &name, model).await
        }
    }
}
