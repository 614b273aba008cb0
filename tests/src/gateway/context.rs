//! Who is asking: each request's id and format, set by the middleware, and
//! how an error is answered in that format.

use super::DEMO_RETRY_DELAY;
use crate::gateway::errors::{needs_retry_advice, GatewayError};
use api_error_codes::{ApiError, Envelope, Format};
use axum::extract::{FromRequestParts, Request};
use axum::http::header::{HeaderName, HeaderValue, RETRY_AFTER};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::hash_map::RandomState;
use std::convert::Infallible;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// The format an endpoint answers in; see the module docs for unknown paths.
///
/// ```
/// use axum::http::HeaderMap;
/// use api_error_codes::Format;
/// use error_codes_tests::gateway::format_for;
///
/// let no_headers = HeaderMap::new();
/// assert_eq!(format_for("/v1/messages", &no_headers), Format::Anthropic);
/// assert_eq!(format_for("/v1/messages/batches", &no_headers), Format::Anthropic);
/// assert_eq!(format_for("/v1/chat/completions", &no_headers), Format::OpenAi);
/// assert_eq!(format_for("/v1/responses", &no_headers), Format::OpenAi);
/// assert_eq!(format_for("/nowhere", &no_headers), Format::OpenAi);
///
/// let mut anthropic = HeaderMap::new();
/// anthropic.insert("anthropic-version", "2023-06-01".parse().unwrap());
/// assert_eq!(format_for("/nowhere", &anthropic), Format::Anthropic);
/// assert_eq!(format_for("/v1/responses", &anthropic), Format::OpenAi);
/// ```
pub fn format_for(path: &str, headers: &HeaderMap) -> Format {
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
/// digits of a counter. Unique within a process, unpredictable across
/// processes, without a random-number dependency.
///
/// ```
/// let first = error_codes_tests::gateway::new_request_id();
/// let second = error_codes_tests::gateway::new_request_id();
/// assert!(first.starts_with("req_") && first.len() == 28);
/// assert_ne!(first, second);
/// ```
pub fn new_request_id() -> String {
    static PROCESS_SEED: OnceLock<u64> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    // `RandomState` is seeded from the OS's randomness.
    let seed = *PROCESS_SEED.get_or_init(|| RandomState::new().build_hasher().finish());
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("req_{seed:016x}{:08x}", count & 0xffff_ffff)
}

/// Who is asking, as the middleware tags each request: the request id and
/// the endpoint's format.
#[derive(Clone, Debug)]
pub(crate) struct RequestContext {
    pub(crate) id: Arc<str>,
    pub(crate) format: Format,
}

impl RequestContext {
    fn for_request(uri: &Uri, headers: &HeaderMap) -> Self {
        RequestContext {
            id: new_request_id().into(),
            format: format_for(uri.path(), headers),
        }
    }

    /// The id suffix shared by the request id and the response's own ids.
    pub(crate) fn id_suffix(&self) -> &str {
        self.id.strip_prefix("req_").unwrap_or(&self.id)
    }

    /// `error` answered in this request's format: the crate's response
    /// (status, envelope, `x-should-retry`, `retry-after` when the error
    /// carries a delay, the request id), with the Anthropic
    /// `details.error_code` the official Anthropic SDK reads, and the
    /// gateway's retry advice for a retryable error without a delay of its
    /// own.
    pub(crate) fn reject(&self, error: &GatewayError) -> Response {
        let mut response = self.envelope(error).into_response();
        if needs_retry_advice(error) {
            let headers = response.headers_mut();
            headers.insert(RETRY_AFTER, HeaderValue::from(DEMO_RETRY_DELAY.as_secs()));
            headers.insert(
                HeaderName::from_static("retry-after-ms"),
                HeaderValue::from(DEMO_RETRY_DELAY.as_millis() as u64),
            );
        }
        response
    }

    /// `error` as one server-sent error event of this request's format,
    /// for a chat completions or messages stream that has started.
    pub(crate) fn error_event(&self, error: &GatewayError) -> Vec<u8> {
        self.envelope(error).to_sse_event()
    }

    fn envelope<'a, E: ApiError>(&'a self, error: &'a E) -> Envelope<'a> {
        error
            .envelope(self.format)
            .request_id(&self.id)
            .details_error_code(true)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequestContext {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
        // The middleware always inserts one; a fresh one keeps a handler
        // mounted without it working rather than failing.
        Ok(match parts.extensions.get::<RequestContext>() {
            Some(context) => context.clone(),
            None => RequestContext::for_request(&parts.uri, &parts.headers),
        })
    }
}

/// Tags each request with an id and format, and makes sure every response
/// carries the id in the header its format's SDK reads.
pub(crate) async fn tag_request(mut request: Request, next: Next) -> Response {
    let context = RequestContext::for_request(request.uri(), request.headers());
    let header = HeaderName::from_static(context.format.request_id_header());
    let id = context.id.clone();
    request.extensions_mut().insert(context);
    let mut response = next.run(request).await;
    if !response.headers().contains_key(&header) {
        if let Ok(value) = HeaderValue::from_str(&id) {
            response.headers_mut().insert(header, value);
        }
    }
    response
}
