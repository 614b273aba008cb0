//! Success responses: a JSON body, or a `text/event-stream` of events.

use crate::errors::GatewayError;
use axum::body::{Body, Bytes};
use axum::http::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE};
use axum::response::Response;
use futures_util::Stream;
use serde::Serialize;
use std::convert::Infallible;
use std::time::{SystemTime, UNIX_EPOCH};

/// One server-sent event: `event: NAME` when named, then `data: JSON`.
pub(crate) fn sse_event<T: Serialize>(
    name: Option<&str>,
    data: &T,
) -> Result<Vec<u8>, GatewayError> {
    let mut event = match name {
        Some(name) => format!("event: {name}\ndata: ").into_bytes(),
        None => b"data: ".to_vec(),
    };
    serde_json::to_writer(&mut event, data)?;
    event.extend_from_slice(b"\n\n");
    Ok(event)
}

/// A 200 `text/event-stream` response sending each event as its own chunk.
pub(crate) fn event_stream(events: Vec<Vec<u8>>) -> Response {
    let chunks = events
        .into_iter()
        .map(|event| Ok::<_, Infallible>(Bytes::from(event)));
    streamed(futures_util::stream::iter(chunks))
}

/// A 200 `text/event-stream` response sending `chunks` as they come.
pub(crate) fn streamed<S, E>(chunks: S) -> Response
where
    S: Stream<Item = Result<Bytes, E>> + Send + 'static,
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let mut response = Response::new(Body::from_stream(chunks));
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// A 200 JSON response.
pub(crate) fn json_response<T: Serialize>(body: &T) -> Result<Response, GatewayError> {
    let mut response = Response::new(Body::from(serde_json::to_vec(body)?));
    let json = HeaderValue::from_static("application/json");
    response.headers_mut().insert(CONTENT_TYPE, json);
    Ok(response)
}

/// Seconds since the Unix epoch, as `created` / `created_at` carry them.
pub(crate) fn unix_time() -> u64 {
    let now = SystemTime::now().duration_since(UNIX_EPOCH);
    now.map_or(0, |elapsed| elapsed.as_secs())
}
