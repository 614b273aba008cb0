//! Who is asking: each request's id and format, set in one place (the
//! [`tag_request`] middleware), and how an error is answered with them.

use crate::config::DEMO_RETRY_DELAY;
use crate::errors::GatewayError;
use api_error_codes::{ApiError, Envelope, Format};
use axum::extract::{FromRequestParts, Request};
use axum::http::header::{HeaderName, HeaderValue, RETRY_AFTER};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::hash_map::RandomState;
use std::convert::Infallible;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// A request's id and the format its errors answer in.
#[derive(Clone, Debug)]
pub(crate) struct RequestContext {
    pub(crate) id: Arc<str>,
    pub(crate) format: Format,
}

impl RequestContext {
    fn new(path: &str, headers: &HeaderMap) -> Self {
        RequestContext {
            id: new_request_id(),
            format: format_for(path, headers),
        }
    }

    /// The id suffix shared by the request id and the response's own ids.
    pub(crate) fn id_suffix(&self) -> &str {
        self.id.strip_prefix("req_").unwrap_or(&self.id)
    }

    /// `error` answered in this request's format: the crate's response
    /// with the request id and Anthropic's `details.error_code`, and the
    /// gateway's retry advice for a retryable error without a delay.
    pub(crate) fn reject(&self, error: &GatewayError) -> Response {
        let mut response = self.envelope(error).into_response();
        if error.is_retryable() && error.retry_after().is_none() {
            let headers = response.headers_mut();
            headers.insert(RETRY_AFTER, HeaderValue::from(DEMO_RETRY_DELAY.as_secs()));
            let millis = DEMO_RETRY_DELAY.as_millis() as u64;
            headers.insert(
                HeaderName::from_static("retry-after-ms"),
                HeaderValue::from(millis),
            );
        }
        response
    }

    /// `error` as one server-sent error event of this request's format.
    pub(crate) fn error_event(&self, error: &GatewayError) -> Vec<u8> {
        self.envelope(error).to_sse_event()
    }

    fn envelope<'a>(&'a self, error: &'a GatewayError) -> Envelope<'a> {
        (error.envelope(self.format))
            .request_id(&self.id)
            .details_error_code(true)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequestContext {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
        // The middleware always inserts one; a fresh one keeps a handler
        // mounted without it working.
        let context = parts.extensions.get::<RequestContext>().cloned();
        Ok(context.unwrap_or_else(|| RequestContext::new(parts.uri.path(), &parts.headers)))
    }
}

/// Tags each request with its [`RequestContext`], and gives every response
/// the request id in the header its format's SDK reads.
pub(crate) async fn tag_request(mut request: Request, next: Next) -> Response {
    let context = RequestContext::new(request.uri().path(), request.headers());
    let header = HeaderName::from_static(context.format.request_id_header());
    let id = HeaderValue::from_str(&context.id);
    request.extensions_mut().insert(context);
    let mut response = next.run(request).await;
    if let Ok(id) = id {
        response.headers_mut().entry(header).or_insert(id);
    }
    response
}

/// The format of a path: Anthropic under `/v1/messages`, and outside the
/// OpenAI paths for a request with `anthropic-version`; else OpenAI.
fn format_for(path: &str, headers: &HeaderMap) -> Format {
    let under = |prefix: &str| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    let openai_path = under("/v1/chat/completions") || under("/v1/responses");
    if under("/v1/messages") || (!openai_path && headers.contains_key("anthropic-version")) {
        Format::Anthropic
    } else {
        Format::OpenAi
    }
}

/// A fresh request id: `req_`, 16 hex digits random per process, 8 hex
/// digits of a counter: unique in a process, unpredictable across them.
fn new_request_id() -> Arc<str> {
    static PROCESS_SEED: OnceLock<u64> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    // `RandomState` is seeded from the OS's randomness.
    let seed = *PROCESS_SEED.get_or_init(|| RandomState::new().build_hasher().finish());
    let count = COUNTER.fetch_add(1, Ordering::Relaxed) & 0xffff_ffff;
    format!("req_{seed:016x}{count:08x}").into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_and_anthropic_version_choose_the_format() {
        let none = HeaderMap::new();
        let mut anthropic = HeaderMap::new();
        anthropic.insert("anthropic-version", HeaderValue::from_static("2023-06-01"));
        let cases = [
            ("/v1/messages", &none, Format::Anthropic),
            ("/v1/messages/batches", &none, Format::Anthropic),
            ("/v1/messagesx", &none, Format::OpenAi),
            ("/v1/chat/completions", &anthropic, Format::OpenAi),
            ("/v1/responses/resp_1", &anthropic, Format::OpenAi),
            ("/nowhere", &none, Format::OpenAi),
            ("/nowhere", &anthropic, Format::Anthropic),
        ];
        for (path, headers, format) in cases {
            assert_eq!(format_for(path, headers), format, "{path}");
        }
    }
}
