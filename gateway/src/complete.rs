//! What every completion endpoint does with a request: the shared checks,
//! then by `model` the API's echo, the API's failing stream for
//! `error/<code>`, or the upstream.

use crate::context::RequestContext;
use crate::echo;
use crate::errors::GatewayError;
use crate::request::{CompletionRequest, Target};
use crate::server::Gateway;
use crate::upstream::forward;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
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
}

/// The answer of the endpoint of `api` to a request.
pub(crate) async fn complete(
    api: Api,
    gateway: &Gateway,
    context: &RequestContext,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, GatewayError> {
    let request = CompletionRequest::read(headers, body)?;
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
