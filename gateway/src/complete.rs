//! What every completion endpoint does with a request: the shared checks,
//! then by `model` the API's echo, the API's failing stream for
//! `error/<code>`, or the upstream.

use crate::echo;
use crate::errors::GatewayError;
use crate::request::{CompletionRequest, Target};
use crate::server::Gateway;
use crate::upstream::forward;
use api_error_codes::layer::ErrorContext;
use api_error_codes::stream::ClientApi;
use axum::http::HeaderMap;
use axum::response::Response;

/// The client-facing API of a completion endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Api {
    /// `POST /v1/chat/completions`.
    Chat,
    /// `POST /v1/messages`.
    Messages,
    /// `POST /v1/responses`.
    Responses,
}

impl Api {
    /// The endpoint's path, the same on the gateway and the upstream.
    pub(crate) fn path(self) -> &'static str {
        match self {
            Api::Chat => "/v1/chat/completions",
            Api::Messages => "/v1/messages",
            Api::Responses => "/v1/responses",
        }
    }

    /// The API as the crate's stream relay knows it.
    pub(crate) fn client_api(self) -> ClientApi {
        match self {
            Api::Chat => ClientApi::ChatCompletions,
            Api::Messages => ClientApi::Messages,
            Api::Responses => ClientApi::Responses,
        }
    }
}

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
