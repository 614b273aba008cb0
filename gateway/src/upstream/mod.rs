//! Forwarding `NAME/<model>` to the upstream `--upstream NAME=URL`: the
//! request with the gateway's key, the answer passed through, and every
//! failure answered through [`UpstreamError`] in the client's format.
//!
//! The HTTP client is `reqwest`: hyper and tokio underneath (axum's own
//! stack), connect and read timeouts, response bodies read chunk by chunk,
//! and the upstream connection closed when the body is dropped, which is
//! how a client that disconnects cancels the upstream request. TLS is
//! rustls, so `https://` upstreams need no system OpenSSL. An event stream
//! is relayed by the crate's [`Relay`].

mod failure;

use crate::config::UpstreamConfig;
use crate::errors::{clip, GatewayError};
use crate::request::Api;
use crate::request::CompletionRequest;
use crate::state::Gateway;
use api_error_codes::layer::ErrorContext;
use api_error_codes::stream::Relay;
use api_error_codes::upstream::{Provider, TransportFailure, UpstreamError};
use axum::body::{Body, Bytes};
use axum::http::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use failure::{log_failure, log_outcome, transport_error, DisconnectGuard};
use futures_util::{stream, Stream, StreamExt};
use serde::de::IgnoredAny;
use serde_json::Value;

/// Whether the gateway forwards `api` to `provider` as it is: the
/// OpenAI-format providers serve chat completions and Responses, Anthropic
/// serves messages; Azure (deployment URLs), Gemini, Vertex and Bedrock
/// would need request translation, which the gateway does not do.
fn speaks(provider: Provider, api: Api) -> bool {
    match provider {
        Provider::OpenAi
        | Provider::Mistral
        | Provider::Groq
        | Provider::DeepSeek
        | Provider::OpenRouter
        | Provider::OpenAiCompatible => api != Api::Messages,
        Provider::Anthropic => api == Api::Messages,
        _ => false,
    }
}

/// The Anthropic API version sent when the client sends none.
const ANTHROPIC_VERSION: &str = "2023-06-01";

/// Forwards `request` to the upstream `name` as `model`, and answers with
/// what it sent, or with its failure.
pub(crate) async fn forward(
    gateway: &Gateway,
    context: &ErrorContext,
    api: Api,
    headers: &HeaderMap,
    mut request: CompletionRequest,
    name: &str,
    model: String,
) -> Result<Response, GatewayError> {
    let unknown = || GatewayError::UnknownUpstream {
        model: clip(&request.model).into_owned(),
        name: clip(name).into_owned(),
    };
    let provider = name.parse::<Provider>().map_err(|_| unknown())?;
    let upstream = gateway.upstream(provider).ok_or_else(unknown)?;
    if !speaks(provider, api) {
        let (provider, endpoint) = (provider.name(), api.path());
        return Err(GatewayError::NoCompatibleEndpoint { provider, endpoint });
    }
    (request.body).insert("model".to_owned(), Value::String(model));
    let sent = Bytes::from(serde_json::to_vec(&request.body)?);
    let outgoing = outgoing(gateway.client(), upstream, api, headers, sent.clone());
    // From here on, a client that goes away cancels the upstream request.
    let mut guard = DisconnectGuard::new(context, provider);
    let fail = |error: UpstreamError| {
        log_failure(context.request_id(), &error);
        GatewayError::Upstream(Box::new(error))
    };
    let response = outgoing.send().await.map_err(|error| {
        guard.finished = true;
        fail(transport_error(provider, &error))
    })?;
    let (status, upstream_headers) = (response.status(), response.headers().clone());
    let is_event_stream = (upstream_headers.get(CONTENT_TYPE))
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/event-stream"));
    if status.is_success() && is_event_stream {
        // The relay reports how it ended, a client that went away included.
        guard.finished = true;
        return relay(gateway, context, api, provider, response).await;
    }
    let body = read_capped(response, gateway.body_limit()).await;
    // The answer is complete: whatever it is, the client gets it.
    guard.finished = true;
    let body = match body {
        Ok(body) => body,
        Err(Capped::Failed(error)) => return Err(fail(transport_error(provider, &error))),
        // An error status says enough; a success over the limit is broken.
        Err(Capped::Over(start)) if !status.is_success() => start,
        Err(Capped::Over(_)) => {
            let detail = format!("the body is over {} bytes", gateway.body_limit());
            let error = UpstreamError::from_transport(provider, TransportFailure::Broken, detail);
            return Err(fail(error));
        }
    };
    // A JSON object: valid JSON that starts with `{`, checked without
    // building it.
    let object = body.trim_ascii_start().starts_with(b"{")
        && serde_json::from_slice::<IgnoredAny>(&body).is_ok();
    if !status.is_success() || !object {
        let error =
            UpstreamError::from_response(provider, status.as_u16(), &upstream_headers, &body);
        // What the client sent itself may show in the message it reads.
        return Err(fail(error.with_request(&sent)));
    }
    let mut answer = Response::new(Body::from(body));
    *answer.status_mut() = status;
    let json = HeaderValue::from_static("application/json");
    answer.headers_mut().insert(CONTENT_TYPE, json);
    Ok(answer)
}

/// The request to `upstream`: `body` at the API's path, with the gateway's
/// key for the provider's format, and Anthropic's version headers.
fn outgoing(
    client: &reqwest::Client,
    upstream: &UpstreamConfig,
    api: Api,
    headers: &HeaderMap,
    body: Bytes,
) -> reqwest::RequestBuilder {
    let outgoing = (client.post(format!("{}{}", upstream.url, api.path())))
        .header(CONTENT_TYPE, "application/json")
        .body(body);
    let key = upstream.key.as_deref();
    if api != Api::Messages {
        return match key {
            Some(key) => outgoing.bearer_auth(key),
            None => outgoing,
        };
    }
    let version = headers.get("anthropic-version").cloned();
    let version = version.unwrap_or(HeaderValue::from_static(ANTHROPIC_VERSION));
    let mut outgoing = outgoing.header("anthropic-version", version);
    if let Some(beta) = headers.get("anthropic-beta") {
        outgoing = outgoing.header("anthropic-beta", beta.clone());
    }
    match key {
        Some(key) => outgoing.header("x-api-key", key),
        None => outgoing,
    }
}

/// The upstream's event stream relayed to the client by the crate's
/// [`Relay`], which logs how it ended.
async fn relay(
    gateway: &Gateway,
    context: &ErrorContext,
    api: Api,
    provider: Provider,
    response: reqwest::Response,
) -> Result<Response, GatewayError> {
    let id = context.request_id().to_owned();
    let relay = Relay::new(api.client_api(), provider)
        .request_id(context.request_id())
        .details_error_code(true)
        .idle_timeout(gateway.timeout())
        // A failure before any content is a real HTTP error.
        .hold_preamble(true)
        .on_finish(move |outcome| log_outcome(&id, provider, outcome));
    match relay.start(idle_to_relay(response)).await {
        Ok(events) => Ok(events.into_response()),
        Err(error) => Err(GatewayError::Upstream(Box::new(error))),
    }
}

/// The chunks of a streamed body, for the relay. A silent stream is the
/// relay's to report (`upstream_timeout`, from its idle timer): the
/// client's read timeout, which the relay would take for a broken
/// connection, leaves the chunks pending, and the relay's timer fires.
fn idle_to_relay(response: reqwest::Response) -> impl Stream<Item = reqwest::Result<Bytes>> {
    response.bytes_stream().flat_map(|chunk| match chunk {
        Err(error) if error.is_timeout() => stream::pending().left_stream(),
        chunk => stream::iter([chunk]).right_stream(),
    })
}

/// Why a body was not read whole.
enum Capped {
    /// The connection failed or timed out.
    Failed(reqwest::Error),
    /// The body is over the limit: its first `limit` bytes.
    Over(Bytes),
}

/// The body of `response`, read up to `limit` bytes and no further.
async fn read_capped(mut response: reqwest::Response, limit: usize) -> Result<Bytes, Capped> {
    let declared = (response.headers().get(CONTENT_LENGTH))
        .and_then(|value| value.to_str().ok()?.parse::<usize>().ok());
    let mut body = Vec::with_capacity(declared.unwrap_or(0).min(limit));
    while let Some(chunk) = response.chunk().await.map_err(Capped::Failed)? {
        if body.len() + chunk.len() > limit {
            body.extend_from_slice(&chunk[..limit - body.len()]);
            return Err(Capped::Over(body.into()));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_provider_speaks_its_format_only() {
        for api in [Api::Chat, Api::Responses] {
            assert!(speaks(Provider::OpenAi, api));
            assert!(speaks(Provider::OpenAiCompatible, api));
            assert!(!speaks(Provider::Anthropic, api));
        }
        assert!(speaks(Provider::Anthropic, Api::Messages));
        assert!(!speaks(Provider::Groq, Api::Messages));
        for provider in [
            Provider::Azure,
            Provider::Gemini,
            Provider::Vertex,
            Provider::Bedrock,
        ] {
            for api in [Api::Chat, Api::Messages, Api::Responses] {
                assert!(!speaks(provider, api), "{provider:?} {api:?}");
            }
        }
    }
}
