//! An upstream's event stream passed through to the client event by event
//! as it comes, until it fails: then the failure is the client's own error
//! event and the stream ends. A client that goes away drops the relay, and
//! with it the upstream request.

use super::failure::{log_failure, transport_error, DisconnectGuard};
use crate::complete::Api;
use crate::errors::GatewayError;
use crate::respond::streamed;
use api_error_codes::upstream::{Provider, TransportFailure, UpstreamError};
use api_error_codes::ResponsesStreamError;
use axum::body::Bytes;
use axum::response::Response;
use futures_util::stream::{BoxStream, StreamExt};
use serde_json::{Map, Value};
use std::convert::Infallible;

/// The 200 stream relaying `response`'s events. The client's read timeout
/// ends a stream whose upstream stays silent.
pub(crate) fn relay(
    api: Api,
    provider: Provider,
    response: reqwest::Response,
    guard: DisconnectGuard,
) -> Response {
    let relay = Relay {
        upstream: response.bytes_stream().boxed(),
        pending: Vec::new(),
        api,
        provider,
        responses: ResponsesProgress::default(),
        ended: false,
        terminal: false,
        guard,
    };
    streamed(futures_util::stream::unfold(
        relay,
        |mut relay| async move {
            let chunk = relay.next_chunk().await?;
            Some((Ok::<_, Infallible>(chunk), relay))
        },
    ))
}

struct Relay {
    upstream: BoxStream<'static, reqwest::Result<Bytes>>,
    /// Bytes of an event not complete yet.
    pending: Vec<u8>,
    api: Api,
    provider: Provider,
    responses: ResponsesProgress,
    /// The last chunk (the end or the error event) has been sent.
    ended: bool,
    /// The last event with data was the stream's terminal event (`[DONE]`,
    /// `message_stop`, `response.completed` / `.incomplete`).
    terminal: bool,
    guard: DisconnectGuard,
}

/// What a Responses stream has sent so far, for an error event that
/// continues it: the next `sequence_number` and the latest `response`.
#[derive(Default)]
struct ResponsesProgress {
    next_sequence_number: u64,
    response: Option<Map<String, Value>>,
}

impl Relay {
    /// The next chunk for the client: the complete events received so far,
    /// or the error event that ends the stream; `None` at the end.
    async fn next_chunk(&mut self) -> Option<Bytes> {
        while !self.ended {
            let mut out = Vec::new();
            while let Some(event) = take_event(&mut self.pending) {
                if let Some(error) = UpstreamError::from_sse_event(self.provider, &event) {
                    out.extend(self.fail(error));
                    return Some(Bytes::from(out));
                }
                if let Some(problem) = malformed(&event) {
                    out.extend(self.fail(self.broken(problem)));
                    return Some(Bytes::from(out));
                }
                self.note(&event);
                out.extend_from_slice(&event);
            }
            if !out.is_empty() {
                return Some(Bytes::from(out));
            }
            match self.upstream.next().await {
                Some(Ok(bytes)) => self.pending.extend_from_slice(&bytes),
                Some(Err(error)) => {
                    let error = transport_error(self.provider, &error);
                    return Some(Bytes::from(self.fail(error)));
                }
                None => return self.finish(),
            }
        }
        self.guard.finished = true;
        None
    }

    /// The upstream closed the stream: the end, if its last event was the
    /// stream's terminal event; otherwise the stream was cut short.
    fn finish(&mut self) -> Option<Bytes> {
        self.ended = true;
        self.guard.finished = true;
        if self.pending.iter().all(u8::is_ascii_whitespace) && self.terminal {
            return None;
        }
        let error = self.broken("the stream ended before its last event".to_owned());
        Some(Bytes::from(self.fail(error)))
    }

    fn broken(&self, detail: String) -> UpstreamError {
        UpstreamError::from_transport(self.provider, TransportFailure::Broken, detail)
    }

    /// The client's error event for `error`; the relay ends after it.
    fn fail(&mut self, error: UpstreamError) -> Vec<u8> {
        log_failure(&self.guard.context, &error);
        self.ended = true;
        self.guard.finished = true;
        match self.api {
            Api::Chat | Api::Messages => self
                .guard
                .context
                .error_event(&GatewayError::Upstream(Box::new(error))),
            Api::Responses => {
                let response = self.responses.response.clone().unwrap_or_default();
                ResponsesStreamError::new(&error, self.responses.next_sequence_number)
                    .to_sse_events(&response)
            }
        }
    }

    /// Remembers what a passed-through event tells: the terminal events,
    /// and for Responses the numbering and the response object.
    fn note(&mut self, event: &[u8]) {
        let Some(data) = event_data(event) else {
            return;
        };
        if self.api == Api::Chat {
            self.terminal = data.trim() == "[DONE]";
            return;
        }
        let Ok(Value::Object(mut data)) = serde_json::from_str::<Value>(&data) else {
            self.terminal = false;
            return;
        };
        let kind = data.get("type").and_then(Value::as_str).unwrap_or_default();
        self.terminal = matches!(
            (self.api, kind),
            (Api::Messages, "message_stop")
                | (Api::Responses, "response.completed" | "response.incomplete")
        );
        if self.api == Api::Responses {
            if let Some(number) = data.get("sequence_number").and_then(Value::as_u64) {
                self.responses.next_sequence_number = number.saturating_add(1);
            }
            if let Some(Value::Object(response)) = data.remove("response") {
                self.responses.response = Some(response);
            }
        }
    }
}

/// What is wrong with an event whose data is not what a stream carries
/// (JSON, or the `[DONE]` chat completions end with, which some
/// OpenAI-compatible servers send in every stream), if it is; a comment or
/// an event without data is not malformed.
fn malformed(event: &[u8]) -> Option<String> {
    let Some(data) = event_data(event) else {
        return std::str::from_utf8(event)
            .is_err()
            .then(|| "the upstream sent an event that is not UTF-8".to_owned());
    };
    let done = data.trim() == "[DONE]";
    let json = serde_json::from_str::<Value>(&data).is_ok();
    (!done && !json).then(|| format!("the upstream sent an event whose data is not JSON: {data}"))
}

/// Takes the first complete event (up to and with its blank line, `\n\n`
/// or `\r\n\r\n`) out of `pending`.
fn take_event(pending: &mut Vec<u8>) -> Option<Vec<u8>> {
    let end = [&b"\n\n"[..], b"\r\n\r\n", b"\r\r"]
        .iter()
        .filter_map(|separator| {
            pending
                .windows(separator.len())
                .position(|window| window == *separator)
                .map(|at| at + separator.len())
        })
        .min()?;
    let rest = pending.split_off(end);
    Some(std::mem::replace(pending, rest))
}

/// The data of an event, its `data:` lines joined.
fn event_data(event: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(event).ok()?;
    let lines: Vec<&str> = text
        .lines()
        .filter_map(|line| line.strip_prefix("data:"))
        .map(|data| data.strip_prefix(' ').unwrap_or(data))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_taken_whole_whatever_the_line_ends() {
        let mut pending = b"data: 1\n\nevent: x\r\ndata: 2\r\n\r\ndata: 3".to_vec();
        assert_eq!(take_event(&mut pending).unwrap(), b"data: 1\n\n");
        assert_eq!(
            take_event(&mut pending).unwrap(),
            b"event: x\r\ndata: 2\r\n\r\n"
        );
        assert_eq!(take_event(&mut pending), None);
        assert_eq!(pending, b"data: 3");
    }

    #[test]
    fn events_that_are_not_json_are_malformed() {
        assert_eq!(malformed(b"data: [DONE]\n\n"), None);
        assert_eq!(malformed(b": keep-alive\n\n"), None);
        assert_eq!(malformed(b"event: ping\ndata: {}\n\n"), None);
        assert!(malformed(b"data: {\"id\": \"x\n\n").is_some());
        assert!(malformed(b"data: done\n\n").is_some());
        assert!(malformed(b"\xff\n\n").is_some());
    }

    #[test]
    fn event_data_joins_data_lines() {
        assert_eq!(
            event_data(b"event: e\ndata: a\ndata:b\n\n").as_deref(),
            Some("a\nb")
        );
        assert_eq!(event_data(b": keep-alive\n\n"), None);
    }
}
