//! Forwarding `NAME/<model>` to the upstream `--upstream NAME=URL`: the
//! request with the gateway's key, the answer passed through, and every
//! failure answered through [`UpstreamError`] in the client's format.
//!
//! The HTTP client is `reqwest`: it runs on hyper and tokio, the stack axum
//! itself serves on, streams response bodies chunk by chunk
//! (`bytes_stream`), and closes the upstream connection when the body is
//! dropped, which is how a client that disconnects cancels the upstream
//! request. TLS is rustls, so `https://` upstreams need no system OpenSSL.

mod failure;
mod relay;

use super::context::RequestContext;
use super::errors::{clip, GatewayError};
use super::request::CompletionRequest;
use super::server::Gateway;
use api_error_codes::upstream::{Provider, UpstreamError};
use axum::body::Body;
use axum::http::header::{HeaderValue, CONTENT_TYPE};
use axum::http::HeaderMap;
use axum::response::Response;
use failure::{log_failure, DisconnectGuard, Transport};
use serde_json::Value;

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
    fn path(self) -> &'static str {
        match self {
            Api::Chat => "/v1/chat/completions",
            Api::Messages => "/v1/messages",
            Api::Responses => "/v1/responses",
        }
    }

    fn endpoint(self) -> &'static str {
        match self {
            Api::Chat => "POST /v1/chat/completions",
            Api::Messages => "POST /v1/messages",
            Api::Responses => "POST /v1/responses",
        }
    }
}

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

/// Forwards `request` (whose model is `name/model`) to the upstream
/// `name`, and answers with what it sent, or with its failure.
pub(crate) async fn forward(
    gateway: &Gateway,
    context: &RequestContext,
    api: Api,
    headers: &HeaderMap,
    mut request: CompletionRequest,
    (name, model): (String, String),
) -> Result<Response, GatewayError> {
    let unknown = || GatewayError::UnknownUpstream {
        model: clip(&request.model).into_owned(),
        name: clip(&name).into_owned(),
    };
    let provider = name.parse::<Provider>().map_err(|_| unknown())?;
    let upstream = gateway.upstream(provider).ok_or_else(unknown)?;
    if !speaks(provider, api) {
        return Err(GatewayError::NoCompatibleEndpoint {
            provider: provider.name(),
            endpoint: api.endpoint(),
        });
    }
    request
        .body
        .insert("model".to_owned(), Value::String(model));
    let body = serde_json::to_vec(&request.body)?;
    let mut outgoing = gateway
        .inner
        .client
        .post(format!("{}{}", upstream.url, api.path()))
        .header(CONTENT_TYPE, "application/json")
        .body(body);
    outgoing = match api {
        Api::Messages => {
            let version = headers
                .get("anthropic-version")
                .cloned()
                .unwrap_or(HeaderValue::from_static(ANTHROPIC_VERSION));
            outgoing = outgoing.header("anthropic-version", version);
            if let Some(beta) = headers.get("anthropic-beta") {
                outgoing = outgoing.header("anthropic-beta", beta.clone());
            }
            match &upstream.key {
                Some(key) => outgoing.header("x-api-key", key),
                None => outgoing,
            }
        }
        Api::Chat | Api::Responses => match &upstream.key {
            Some(key) => outgoing.bearer_auth(key),
            None => outgoing,
        },
    };
    // From here on, a client that goes away cancels the upstream request.
    let mut guard = DisconnectGuard::new(gateway, context, provider);
    let timeout = gateway.inner.timeout;
    let fail = |transport: Transport| {
        let error = transport.to_upstream_error(provider, timeout);
        log_failure(gateway, context, &error, Some(&transport));
        GatewayError::Upstream(Box::new(error))
    };
    let response = match tokio::time::timeout(timeout, outgoing.send()).await {
        Ok(Ok(response)) => response,
        Ok(Err(error)) => {
            guard.finished = true;
            return Err(fail(Transport::from_reqwest(&error)));
        }
        Err(_) => {
            guard.finished = true;
            return Err(fail(Transport::Timeout));
        }
    };
    let status = response.status();
    let upstream_headers = response.headers().clone();
    let is_event_stream = upstream_headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/event-stream"));
    if status.is_success() && is_event_stream {
        return Ok(relay::relay(gateway, api, provider, response, guard));
    }
    let body = tokio::time::timeout(timeout, response.bytes()).await;
    // The answer is complete: whatever it is, the client gets it.
    guard.finished = true;
    let body = match body {
        Ok(Ok(body)) => body,
        Ok(Err(error)) => return Err(fail(Transport::from_reqwest(&error))),
        Err(_) => return Err(fail(Transport::Timeout)),
    };
    let well_formed = serde_json::from_slice::<Value>(&body).is_ok_and(|json| json.is_object());
    if !status.is_success() || !well_formed {
        let error =
            UpstreamError::from_response(provider, status.as_u16(), &upstream_headers, &body);
        log_failure(gateway, context, &error, None);
        return Err(GatewayError::Upstream(Box::new(error)));
    }
    let mut answer = Response::new(Body::from(body));
    *answer.status_mut() = status;
    answer
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Ok(answer)
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
