//! [`RelayStream`]: the client's event stream, read from the upstream's as
//! the client reads it.

use super::events::{carries_response, response_object, sequence_number};
use super::{ClientApi, Outcome, Relay, SseEvent, SseSplitter};
use crate::upstream::{TransportFailure, UpstreamError};
use crate::{ApiError, ResponsesStreamError};
use bytes::{Bytes, BytesMut};
use futures_core::Stream;
use memchr::memmem::Finder;
use serde_json::{Map, Value};
use std::convert::Infallible;
use std::error::Error;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use tokio::time::{Instant, Sleep};

/// More preamble than this is let through rather than held.
const HOLD_LIMIT: usize = 64 << 10;

type BoxError = Box<dyn Error + Send + Sync>;

/// The client's event stream, from [`Relay::start`]: the upstream's events,
/// as the upstream chunked them, until the end or the failure that the
/// stream's last events report. It yields `Bytes` and never fails, so it
/// is a response body as it is (`axum::body::Body::from_stream`, hyper's
/// `StreamBody`); with the `axum` feature it is an `IntoResponse`: 200,
/// `content-type: text/event-stream`, `cache-control: no-cache`.
///
/// Dropping it (the server does when the client goes away) drops the
/// upstream stream, and reports [`Outcome::ClientDisconnected`] if it had
/// not ended.
#[must_use = "a relay stream does nothing unless polled"]
pub struct RelayStream<S> {
    /// `None` once the relay has ended: the upstream connection closes then.
    upstream: Option<Pin<Box<S>>>,
    relay: Relay,
    splitter: SseSplitter,
    /// Ticks four times per idle timeout; four ticks without a chunk
    /// between them time out (a clock read per chunk would cost more).
    timer: Option<Pin<Box<Sleep>>>,
    quiet_ticks: u8,
    chunk_since_tick: bool,
    /// Passed events not sent yet: held, or waiting for the end of the chunk.
    out: Option<BytesMut>,
    holding: bool,
    terminal: bool,
    /// Found after events that go out first.
    failure: Option<UpstreamError>,
    next_sequence_number: u64,
    response: Map<String, Value>,
    sequence_key: Finder<'static>,
}

impl<S, E> RelayStream<S>
where
    S: Stream<Item = Result<Bytes, E>>,
    E: Into<BoxError>,
{
    pub(super) fn new(relay: Relay, upstream: S) -> Self {
        RelayStream {
            upstream: Some(Box::pin(upstream)),
            splitter: SseSplitter::new().max_event_len(relay.max_event_len),
            timer: relay
                .idle_timeout
                .map(|idle| Box::pin(tokio::time::sleep(idle / 4))),
            quiet_ticks: 0,
            chunk_since_tick: false,
            out: None,
            holding: relay.hold_preamble,
            terminal: false,
            failure: None,
            next_sequence_number: 0,
            response: Map::new(),
            sequence_key: Finder::new(b"\"sequence_number\":"),
            relay,
        }
    }

    /// Reads until the preamble is over: `Err` if the upstream failed
    /// before it was.
    pub(super) async fn hold(&mut self) -> Result<(), UpstreamError> {
        match std::future::poll_fn(|cx| self.poll_read(cx)).await {
            Some(Err(error)) => {
                self.report(Outcome::Failed(error.clone()));
                Err(error)
            }
            // The held events and the first content, to send first.
            Some(Ok(events)) => {
                self.out = Some(events.into());
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// The next bytes to send, or the failure that ends the stream.
    fn poll_read(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Bytes, UpstreamError>>> {
        loop {
            // What passed goes first, then the failure, if any (a held
            // preamble is never sent: the failure is an HTTP error instead).
            if !self.holding {
                if let Some(out) = self.out.take() {
                    return Poll::Ready(Some(Ok(out.freeze())));
                }
            }
            let Some(upstream) = self.upstream.as_mut() else {
                return Poll::Ready(self.failure.take().map(Err));
            };
            match upstream.as_mut().poll_next(cx) {
                Poll::Ready(Some(Ok(chunk))) => {
                    self.splitter.push(&chunk);
                    self.chunk_since_tick = true;
                }
                Poll::Ready(Some(Err(error))) => {
                    let error = self.transport_error(error.into());
                    self.fail(error);
                    continue;
                }
                Poll::Ready(None) => {
                    self.end();
                    continue;
                }
                Poll::Pending => {
                    let (Some(timer), Some(idle)) = (&mut self.timer, self.relay.idle_timeout)
                    else {
                        return Poll::Pending;
                    };
                    loop {
                        ready!(timer.as_mut().poll(cx));
                        self.quiet_ticks = match std::mem::take(&mut self.chunk_since_tick) {
                            true => 0,
                            false => self.quiet_ticks + 1,
                        };
                        if self.quiet_ticks == 4 {
                            break;
                        }
                        timer.as_mut().reset(Instant::now() + idle / 4);
                    }
                    let detail = format!("the upstream sent nothing for {idle:?}");
                    let provider = self.relay.provider;
                    self.fail(UpstreamError::from_transport(
                        provider,
                        TransportFailure::Timeout,
                        detail,
                    ));
                    continue;
                }
            }
            while let Some(event) = self.splitter.next_event() {
                let failure = match event {
                    Ok(event) => self.pass(event),
                    Err(too_large) => Some(self.broken(too_large.to_string())),
                };
                if let Some(error) = failure {
                    self.fail(error);
                    break;
                }
            }
        }
    }

    /// Checks one event and queues it to go out; the failure it is, if
    /// it is one.
    fn pass(&mut self, event: SseEvent) -> Option<UpstreamError> {
        if let Some(data) = event.first_data() {
            if !matches!(data.trim_ascii_start().first(), None | Some(b'{' | b'[')) {
                let data: String = String::from_utf8_lossy(data).chars().take(64).collect();
                return Some(self.broken(format!(
                    "the upstream sent an event whose data is not JSON: {data:?}"
                )));
            }
            let provider = self.relay.provider;
            if let Some(error) = UpstreamError::from_sse_event(provider, event.as_bytes()) {
                return Some(error);
            }
            let api = self.relay.api;
            self.terminal |= api.is_terminal(&event);
            if api == ClientApi::Responses {
                if let Some(number) = sequence_number(&self.sequence_key, &event) {
                    self.next_sequence_number = number.saturating_add(1);
                }
                if carries_response(&event) {
                    self.response = response_object(&event).unwrap_or_default();
                }
            }
            if self.holding {
                let held = self.out.as_ref().map_or(0, BytesMut::len);
                self.holding = api.is_preamble(&event) && held < HOLD_LIMIT;
            }
        }
        match &mut self.out {
            Some(out) => out.unsplit(event.into_raw()),
            None => self.out = Some(event.into_raw()),
        }
        None
    }

    /// The upstream closed: the end, if its terminal event came; else the
    /// stream was cut short.
    fn end(&mut self) {
        let cut = self.splitter.finish();
        if self.terminal {
            self.upstream = None;
            self.holding = false;
            return self.report(Outcome::Completed);
        }
        let error = match cut.filter(|cut| !cut.as_bytes().trim_ascii().is_empty()) {
            Some(cut) => UpstreamError::from_sse_event(self.relay.provider, cut.as_bytes())
                .unwrap_or_else(|| {
                    self.broken("the upstream closed the stream in the middle of an event")
                }),
            None => self.broken(format!(
                "the upstream closed the stream before its terminal event ({})",
                self.relay.api.terminal_event()
            )),
        };
        self.fail(error);
    }

    /// Ends the relay with `error`, sent after the events already passed.
    fn fail(&mut self, error: UpstreamError) {
        self.upstream = None;
        self.failure = Some(error);
    }

    fn broken(&self, detail: impl Into<String>) -> UpstreamError {
        UpstreamError::from_transport(self.relay.provider, TransportFailure::Broken, detail)
    }

    /// An error of the upstream stream, with its causes (a timeout of the
    /// HTTP client's own is one too: use [`Relay::idle_timeout`] to tell it).
    fn transport_error(&self, error: BoxError) -> UpstreamError {
        let mut detail = format!("the upstream connection broke: {error}");
        let mut cause = error.source();
        while let Some(next) = cause {
            detail = format!("{detail}: {next}");
            cause = next.source();
        }
        UpstreamError::from_transport(self.relay.provider, TransportFailure::Broken, detail)
    }
}

impl<S> RelayStream<S> {
    fn report(&mut self, outcome: Outcome) {
        if let Some(report) = self.relay.on_finish.take() {
            (report.0)(outcome);
        }
    }

    /// The API's terminal error events for `error`.
    fn error_events(&self, error: &UpstreamError) -> Bytes {
        let relay = &self.relay;
        let events = match relay.api {
            ClientApi::Responses => ResponsesStreamError::new(error, self.next_sequence_number)
                .to_sse_events(&self.response),
            api => {
                let envelope = error
                    .envelope(api.format())
                    .details_error_code(relay.details_error_code);
                match &relay.request_id {
                    Some(id) => envelope.request_id(id).to_sse_event(),
                    None => envelope.to_sse_event(),
                }
            }
        };
        Bytes::from(events)
    }
}

impl<S, E> Stream for RelayStream<S>
where
    S: Stream<Item = Result<Bytes, E>>,
    E: Into<BoxError>,
{
    type Item = Result<Bytes, Infallible>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        Poll::Ready(match ready!(this.poll_read(cx)) {
            Some(Ok(events)) => Some(Ok(events)),
            Some(Err(error)) => {
                let events = this.error_events(&error);
                this.report(Outcome::Failed(error));
                Some(Ok(events))
            }
            None => None,
        })
    }
}

impl<S> Drop for RelayStream<S> {
    fn drop(&mut self) {
        self.report(Outcome::ClientDisconnected);
    }
}

impl<S> fmt::Debug for RelayStream<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RelayStream")
            .field("relay", &self.relay)
            .field("upstream_open", &self.upstream.is_some())
            .field("holding", &self.holding)
            .field("next_sequence_number", &self.next_sequence_number)
            .finish_non_exhaustive()
    }
}

#[cfg(feature = "axum")]
impl<S, E> axum_core::response::IntoResponse for RelayStream<S>
where
    S: Stream<Item = Result<Bytes, E>> + Send + 'static,
    E: Into<BoxError>,
{
    /// 200, `text/event-stream`, `no-cache`, the events as the body.
    fn into_response(self) -> axum_core::response::Response {
        use http::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE};
        let mut response =
            axum_core::response::Response::new(axum_core::body::Body::from_stream(self));
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        response
    }
}
