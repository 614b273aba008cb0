//! Server-sent event streams: [`SseSplitter`], the incremental event
//! reader the crate and its users share, and (feature `stream`) [`Relay`],
//! an upstream's stream relayed to the client's API with every failure
//! answered in that API's own terms.
//!
//! A gateway that forwards a streamed request relays the upstream's 2xx
//! `text/event-stream` answer (any other answer is an
//! [`UpstreamError::from_response`](crate::upstream::UpstreamError::from_response)):
//!
//! ```
//! # #[cfg(all(feature = "stream", feature = "axum"))]
//! # mod example {
//! use api_error_codes::layer::ErrorContext;
//! use api_error_codes::stream::{ClientApi, Relay};
//! use api_error_codes::upstream::Provider;
//! use axum_core::response::{IntoResponse, Response};
//! use std::time::Duration;
//!
//! async fn relay(context: ErrorContext, upstream: reqwest::Response) -> Response {
//!     let relay = Relay::new(ClientApi::ChatCompletions, Provider::OpenAi)
//!         .request_id(context.request_id())
//!         .idle_timeout(Duration::from_secs(60))
//!         .hold_preamble(true);
//!     match relay.start(upstream.bytes_stream()).await {
//!         Ok(events) => events.into_response(),
//!         Err(error) => context.envelope(&error).into_response(),
//!     }
//! }
//! # }
//! ```
//!
//! The `stream` feature adds `futures-core` and tokio's timer (`tokio`
//! with its `time` feature only, which every tokio server has already); the
//! splitter needs neither and is always there.

mod event;
mod splitter;

pub use event::{EventTooLarge, SseEvent};
pub use splitter::{SseSplitter, DEFAULT_MAX_EVENT_LEN};

#[cfg(feature = "stream")]
mod events;
#[cfg(feature = "stream")]
mod relay;
#[cfg(feature = "stream")]
mod relay_stream;

#[cfg(feature = "stream")]
pub use relay::{ClientApi, Outcome, Relay};
#[cfg(feature = "stream")]
pub use relay_stream::RelayStream;
