//! What every completion endpoint does with a request: the shared checks,
//! then by `model` the API's own echo, the API's failing stream for
//! `error/<code>`, or the upstream.

use super::context::RequestContext;
use super::errors::GatewayError;
use super::request::{CompletionRequest, Target};
use super::server::Gateway;
use super::upstream::{forward, Api};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{post, MethodRouter};
use serde_json::{Map, Value};

type Answer = Result<Response, GatewayError>;

/// One completion API's own answers.
pub(crate) struct Endpoint {
    /// Which API, for forwarding.
    pub(crate) api: Api,
    /// The text the echo model repeats, read from the body.
    pub(crate) prompt: fn(&Map<String, Value>) -> Result<String, GatewayError>,
    /// The echo's answer, streamed when the request asks.
    pub(crate) echo: fn(&RequestContext, &CompletionRequest, &str) -> Answer,
    /// A stream that starts normally and fails with the error.
    pub(crate) failing_stream: fn(&RequestContext, &CompletionRequest, &GatewayError) -> Answer,
}

/// The `POST` route serving `endpoint`.
pub(crate) fn completion_route(endpoint: &'static Endpoint) -> MethodRouter<Gateway> {
    post(
        move |State(gateway): State<Gateway>,
              context: RequestContext,
              headers: HeaderMap,
              body: Result<Bytes, BytesRejection>| async move {
            respond(endpoint, &gateway, &context, &headers, body)
                .await
                .unwrap_or_else(|error| context.reject(&error))
        },
    )
}

async fn respond(
    endpoint: &Endpoint,
    gateway: &Gateway,
    context: &RequestContext,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    let request = CompletionRequest::read(headers, body)?;
    match request.target()? {
        Target::Echo => {
            let text = (endpoint.prompt)(&request.body)?;
            (endpoint.echo)(context, &request, &text)
        }
        Target::Error(code) => {
            let error = GatewayError::Canonical(code);
            if !request.stream {
                return Err(error);
            }
            (endpoint.failing_stream)(context, &request, &error)
        }
        Target::Upstream { name, model } => {
            let upstream = (name.to_owned(), model.to_owned());
            forward(gateway, context, endpoint.api, headers, request, upstream).await
        }
    }
}
