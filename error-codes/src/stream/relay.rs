//! [`Relay`], what it relays to ([`ClientApi`]) and how it ended
//! ([`Outcome`]).

use super::relay_stream::RelayStream;
use super::DEFAULT_MAX_EVENT_LEN;
use crate::upstream::{Provider, UpstreamError};
use crate::Format;
use bytes::Bytes;
use futures_core::Stream;
use std::fmt;
use std::time::Duration;

/// The client-facing streaming API a relay speaks: what its terminal
/// event is, which events are its preamble, how its errors are sent.
/// ([`Format`] tells OpenAI from Anthropic, not chat completions from
/// Responses.)
///
/// ```
/// use api_error_codes::stream::ClientApi;
/// use api_error_codes::Format;
///
/// assert_eq!(ClientApi::Messages.format(), Format::Anthropic);
/// assert_eq!(ClientApi::Responses.format(), Format::OpenAi);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ClientApi {
    /// OpenAI chat completions (`POST /v1/chat/completions`): `data:`
    /// chunks ending with `data: [DONE]`; an error is `data: {"error":...}`.
    ChatCompletions,
    /// Anthropic Messages (`POST /v1/messages`): named events ending with
    /// `message_stop`; an error is `event: error`.
    Messages,
    /// OpenAI Responses (`POST /v1/responses`): numbered events ending with
    /// `response.completed`, `response.incomplete` or `response.failed`;
    /// an error is `error` then `response.failed`
    /// ([`ResponsesStreamError`](crate::ResponsesStreamError)).
    Responses,
}

impl ClientApi {
    /// The format of this API's errors.
    ///
    /// ```
    /// use api_error_codes::stream::ClientApi;
    /// assert_eq!(ClientApi::ChatCompletions.format(), api_error_codes::Format::OpenAi);
    /// ```
    pub const fn format(self) -> Format {
        match self {
            ClientApi::Messages => Format::Anthropic,
            ClientApi::ChatCompletions | ClientApi::Responses => Format::OpenAi,
        }
    }
}

/// How a relay ended, told once to [`Relay::on_finish`]: for logs and
/// metrics, without reading the stream again.
///
/// ```
/// use api_error_codes::stream::Outcome;
/// use api_error_codes::upstream::{Provider, TransportFailure, UpstreamError};
///
/// let outcome = Outcome::Failed(UpstreamError::from_transport(Provider::OpenAi, TransportFailure::Timeout, "idle"));
/// assert!(matches!(outcome, Outcome::Failed(ref error) if error.upstream_message() == "idle"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// The upstream sent the API's terminal event and closed: every event
    /// was relayed.
    Completed,
    /// The relay answered this failure: as the API's error events, or, when
    /// [`Relay::start`] returned it, as an HTTP error.
    Failed(UpstreamError),
    /// The client went away first (the relay was dropped): the upstream
    /// request was dropped with it (`client_disconnected`).
    ClientDisconnected,
}

/// Relays an upstream's event stream to the client, in the client's API:
/// what to relay to, and how. [`start`](Self::start) begins.
///
/// - **Normal events pass through untouched**, as the upstream chunked
///   them. Each is checked by [`UpstreamError::from_sse_event`] and by its
///   data's first byte (JSON or `[DONE]`); the relay itself parses none but
///   the few it must read (below).
/// - **Failures end the stream with the API's own terminal error events**:
///   an upstream error event, data that is not JSON, an event over
///   [`max_event_len`](Self::max_event_len) (`upstream_error`), a stream
///   that closes in the middle of an event or before the API's terminal
///   event (`upstream_error`), an error of the upstream stream
///   (`upstream_error`, the HTTP client's own timeouts included), no bytes
///   within the [`idle_timeout`](Self::idle_timeout) (`upstream_timeout`). For chat
///   completions and Messages that is the error envelope as one event
///   ([`ApiError::to_sse_event`](crate::ApiError::to_sse_event)); for
///   Responses the `error` and `response.failed` events of
///   [`ResponsesStreamError`](crate::ResponsesStreamError), numbered on from
///   the last `sequence_number` relayed, with the response object of the
///   last `response.created` / `response.in_progress` / `response.queued`.
/// - **A dropped stream drops the upstream**: when the client goes away,
///   the server drops the response body, and with it the upstream stream
///   (reqwest and hyper then close the upstream connection).
/// - **Preamble hold** ([`hold_preamble`](Self::hold_preamble)).
///
/// Events the relay reads: `sequence_number` of Responses events (a scan),
/// the response object of the Responses events that carry it before any
/// output, and, while holding the preamble, the chat completion chunks (one
/// parse each, until the first content).
///
/// ```
/// use api_error_codes::stream::{ClientApi, Relay};
/// use api_error_codes::upstream::Provider;
/// use api_error_codes::ApiError;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let upstream = futures_util::stream::iter([
///     "event: message_start\ndata: {\"type\":\"message_start\"}\n\n",
///     "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n",
/// ].map(|chunk| Ok::<_, std::io::Error>(bytes::Bytes::from(chunk))));
///
/// // Nothing but the preamble came before the failure: an HTTP error.
/// let error = Relay::new(ClientApi::Messages, Provider::Anthropic)
///     .hold_preamble(true)
///     .start(upstream)
///     .await
///     .unwrap_err();
/// let response = error.to_http_response(ClientApi::Messages.format());
/// assert_eq!(response.status(), 503);
/// assert_eq!(response.headers()["x-should-retry"], "true");
/// # }
/// ```
#[derive(Debug)]
#[must_use = "a relay does nothing until started"]
pub struct Relay {
    pub(super) api: ClientApi,
    pub(super) provider: Provider,
    pub(super) request_id: Option<Box<str>>,
    pub(super) details_error_code: bool,
    pub(super) idle_timeout: Option<Duration>,
    pub(super) hold_preamble: bool,
    pub(super) max_event_len: usize,
    pub(super) on_finish: Option<OnFinish>,
}

impl Relay {
    /// A relay of `provider`'s stream to a client of `api`: no request id,
    /// no idle timeout, no preamble hold, events bounded at
    /// [`DEFAULT_MAX_EVENT_LEN`].
    ///
    /// ```
    /// use api_error_codes::stream::{ClientApi, Relay};
    /// use api_error_codes::upstream::Provider;
    ///
    /// let relay = Relay::new(ClientApi::Responses, Provider::OpenAi);
    /// # let _ = relay;
    /// ```
    pub fn new(api: ClientApi, provider: Provider) -> Self {
        Relay {
            api,
            provider,
            request_id: None,
            details_error_code: false,
            idle_timeout: None,
            hold_preamble: false,
            max_event_len: DEFAULT_MAX_EVENT_LEN,
            on_finish: None,
        }
    }

    /// The request id the error events carry (Anthropic's `request_id`),
    /// as [`Envelope::request_id`](crate::Envelope::request_id).
    pub fn request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into().into_boxed_str());
        self
    }

    /// Adds `error.details.error_code` to Anthropic-format error events, as
    /// [`Envelope::details_error_code`](crate::Envelope::details_error_code).
    pub fn details_error_code(mut self, enabled: bool) -> Self {
        self.details_error_code = enabled;
        self
    }

    /// Ends the stream with `upstream_timeout` when the upstream sends no
    /// bytes for `timeout` (keep-alive comments count as bytes): after
    /// between `timeout` and 1.25 × `timeout` of silence, as the relay
    /// checks four times per `timeout` rather than read the clock for every
    /// chunk.
    ///
    /// The timer is tokio's: the relay must run on a tokio runtime with
    /// its time driver enabled (as `#[tokio::main]` builds it), or
    /// [`start`](Self::start) panics as `tokio::time::sleep` does.
    pub fn idle_timeout(mut self, timeout: Duration) -> Self {
        self.idle_timeout = Some(timeout);
        self
    }

    /// Holds the events before the first content (`response.created`,
    /// `response.in_progress`, `response.queued`; `message_start`, `ping`;
    /// chat chunks whose deltas carry only a `role`), so that a failure
    /// before any content is [`start`](Self::start)'s `Err`, answered as an
    /// HTTP error with its status, `retry-after` and `x-should-retry`,
    /// which SDKs retry, instead of a 200 stream. Once content has come the
    /// held events go out, and later failures are events.
    ///
    /// The client gets no headers while the relay holds: a model that
    /// thinks long before its first token delays them (the idle timeout
    /// still applies). More than 64 KiB of preamble is let through.
    pub fn hold_preamble(mut self, enabled: bool) -> Self {
        self.hold_preamble = enabled;
        self
    }

    /// Bounds each upstream event at `max` bytes; a longer one is an
    /// `upstream_error`.
    pub fn max_event_len(mut self, max: usize) -> Self {
        self.max_event_len = max;
        self
    }

    /// Calls `report` once, when the relay ends, with how it ended.
    ///
    /// ```
    /// use api_error_codes::stream::{ClientApi, Outcome, Relay};
    /// use api_error_codes::upstream::Provider;
    ///
    /// let relay = Relay::new(ClientApi::Messages, Provider::Anthropic).on_finish(|outcome| {
    ///     if let Outcome::Failed(error) = outcome {
    ///         eprintln!("upstream failed: {:?}", error.upstream_message());
    ///     }
    /// });
    /// # let _ = relay;
    /// ```
    pub fn on_finish(mut self, report: impl FnOnce(Outcome) + Send + 'static) -> Self {
        self.on_finish = Some(OnFinish(Box::new(report)));
        self
    }

    /// Starts relaying `upstream`, the body of a 2xx `text/event-stream`
    /// answer (reqwest's `bytes_stream()`, a hyper body's data frames).
    ///
    /// Without [`hold_preamble`](Self::hold_preamble) it returns at once.
    /// With it, it reads until the first content: `Err` with the failure
    /// when the upstream fails before any (render it with
    /// [`ApiError::to_http_response`](crate::ApiError::to_http_response) or
    /// the framework's response type); otherwise the stream, which
    /// sends the held events first.
    ///
    /// # Panics
    ///
    /// With an [`idle_timeout`](Self::idle_timeout), outside a tokio
    /// runtime whose time driver is enabled.
    pub async fn start<S, E>(self, upstream: S) -> Result<RelayStream<S>, UpstreamError>
    where
        S: Stream<Item = Result<Bytes, E>>,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let hold = self.hold_preamble;
        let mut stream = RelayStream::new(self, upstream);
        if hold {
            stream.hold().await?;
        }
        Ok(stream)
    }
}

/// The report callback, which has no `Debug` of its own.
pub(super) struct OnFinish(pub(super) Box<dyn FnOnce(Outcome) + Send>);

impl fmt::Debug for OnFinish {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OnFinish")
    }
}
