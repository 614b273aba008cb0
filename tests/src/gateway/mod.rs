//! The example gateway: a real HTTP server that speaks the OpenAI chat
//! completions API and the Anthropic messages API, and answers every error
//! with the `api-error-codes` envelopes. `cargo run --example gateway` runs it;
//! the integration tests start it in-process.
//!
//! # Routes
//!
//! | route | format | what it does |
//! |---|---|---|
//! | `POST /v1/chat/completions` | OpenAI | a chat completion, chosen by `model` |
//! | `POST /v1/messages` | Anthropic | a message, chosen by `model` |
//! | `POST /v1/responses` | OpenAI | a Responses API response, chosen by `model` |
//! | `GET /v1/error-codes` | OpenAI (errors only) | the catalogue, all 57 codes, no key needed |
//!
//! The JSON body's `model` picks the outcome:
//!
//! - `"echo"`: a normal response in that API's format whose text is the last
//!   user message; with `"stream": true`, that API's normal event stream
//!   (OpenAI `chat.completion.chunk` events ending with `data: [DONE]`;
//!   Anthropic `message_start`, `content_block_start`,
//!   `content_block_delta`..., `content_block_stop`, `message_delta`,
//!   `message_stop`; Responses `response.created`, `response.in_progress`,
//!   `response.output_item.added`, `response.content_part.added`,
//!   `response.output_text.delta`..., `response.output_text.done`,
//!   `response.content_part.done`, `response.output_item.done`,
//!   `response.completed`, each named by its `type` and numbered by
//!   `sequence_number` from 0). The Responses `input` is a string or a list
//!   of input messages. Token counts in `usage` are word counts.
//! - `"error/<code>"` for any canonical code: that code's error with the
//!   catalogue message and all headers; with `"stream": true`, a 200 event
//!   stream with one normal event (an OpenAI chunk, an Anthropic
//!   `message_start`) and then the error as an SSE error event; a Responses
//!   stream starts with `response.created` and `response.in_progress`, then
//!   sends the crate's [`ResponsesStreamError`](api_error_codes::ResponsesStreamError)
//!   events: `error` (in both the documented and the live shape) and the
//!   terminal `response.failed`.
//! - `"NAME/<model>"`: forwarded to the upstream `--upstream NAME=URL` (see
//!   [Upstreams](#upstreams)).
//! - anything else: `model_not_found` with `param` = `"model"`.
//!
//! # Upstreams
//!
//! With `--upstream NAME=URL` ([`Config::upstreams`]), a model
//! `NAME/<model>` is forwarded to that upstream with the body unchanged but
//! for `model`, which becomes `<model>`: the OpenAI-format providers
//! (`openai`, `mistral`, `groq`, `deepseek`, `openrouter`,
//! `openai_compatible`) at `URL/v1/chat/completions` and
//! `URL/v1/responses`, `anthropic` at `URL/v1/messages` (with the client's
//! `anthropic-version`, `2023-06-01` if it sends none, and its
//! `anthropic-beta`). The upstream key is the gateway's, never the
//! client's: `--upstream-key NAME=KEY`, else the environment variable
//! `<NAME>_API_KEY` ([`Config::with_env_keys`]); `Authorization: Bearer`
//! for the OpenAI format, `x-api-key` for Anthropic.
//!
//! - A success passes through: a JSON body whole, an event stream event by
//!   event as the upstream sends it.
//! - Every failure is answered through
//!   [`UpstreamError`](api_error_codes::upstream::UpstreamError) in the
//!   client's format (the canonical code, the provider in the OpenAI body's
//!   `provider`, the provider's retry delay, none of its secrets): an error
//!   status, a 2xx body that is not a JSON object, and, through
//!   `UpstreamError::from_transport`, a refused connection or a broken one
//!   (`upstream_error`, 502), no answer or no next event within
//!   `--upstream-timeout` (`upstream_timeout`, 504). In a stream that has started, the failure
//!   (an upstream error event, a broken connection, a stall, an end without
//!   the stream's terminal event) is the client's error event, and the
//!   stream ends; a Responses stream gets the crate's `error` and
//!   `response.failed`, numbered after the upstream's last event.
//! - A format the upstream does not speak (an Anthropic-format request for
//!   an OpenAI-format upstream or the reverse; Azure, Gemini, Vertex and
//!   Bedrock, which need request translation) is `no_compatible_endpoint`;
//!   a `NAME/` that names no configured upstream is `model_not_found`.
//! - A client that disconnects, before the answer or mid-stream, drops the
//!   forwarding (or the stream relay) and with it the upstream request; the
//!   gateway logs `client_disconnected` ([`Log`]).
//!
//! # Errors
//!
//! Every error is a [`GatewayError`] (declared with `#[derive(ApiError)]`)
//! rendered by the crate as a canonical envelope, never a bare framework
//! error, in the format of the endpoint (OpenAI for `/v1/responses`):
//!
//! | request | code |
//! |---|---|
//! | no `Authorization: Bearer <key>` or `x-api-key: <key>`, or an empty key | `invalid_api_key` |
//! | a body over 1 MiB ([`BODY_LIMIT`]) | `payload_too_large` |
//! | a body that is not a JSON object | `invalid_request` |
//! | no `model` (or `null`) | `missing_required_parameter`, `param` = `"model"` |
//! | `model` or `stream` of the wrong JSON type | `invalid_parameter_value` with that `param` |
//! | `echo` without a user message in `messages` | `missing_required_parameter` / `invalid_parameter_value`, `param` = `"messages"` |
//! | `echo` on `/v1/responses` without a user text in `input` | `missing_required_parameter` / `invalid_parameter_value`, `param` = `"input"` |
//! | a wrong method on a known path | `method_not_allowed` (with `allow`) |
//! | an unknown path | `resource_not_found` |
//!
//! Checks run in that order: the key, then the body. The body is parsed as
//! JSON whatever its `content-type`, as `curl -d` sends a form type.
//!
//! **The format of an unknown path**: Anthropic for `/v1/messages` and any
//! path under `/v1/messages/`, and for any request outside
//! `/v1/chat/completions` and `/v1/responses` that carries an
//! `anthropic-version` header (the official Anthropic SDKs always send it);
//! OpenAI otherwise.
//!
//! # Headers
//!
//! - Every response, success or error, streamed or not, carries a fresh
//!   request id (`req_` and 24 hex digits): `x-request-id` on OpenAI-format
//!   responses, `request-id` on Anthropic-format ones, and `request_id` in
//!   the Anthropic error body.
//! - Errors carry `x-should-retry` from the code. A retryable error that
//!   carries no delay of its own gets the gateway's advice,
//!   `retry-after: 1` / `retry-after-ms: 1000` ([`DEMO_RETRY_DELAY`]), so
//!   retrying SDKs finish quickly.
//! - Anthropic-format errors carry `error.details.error_code`, where the
//!   official Anthropic SDK reads the stable code (`APIStatusError.error_code`).
//!
//! # `client_disconnected`
//!
//! Status 0 means no response is sent: a real gateway meets this code when
//! its client has gone, and nobody reads what it writes. The demo's
//! `"error/client_disconnected"` still has a client to answer, so it sends
//! what the crate renders for status 0: **499** (nginx's "client closed
//! request"), `x-should-retry: false`, and the envelope. The official
//! Anthropic SDK raises its `ClientClosedRequestError` for it, the OpenAI SDK
//! its generic `APIStatusError`.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! println!("listening on {}", listener.local_addr()?);
//! error_codes_tests::gateway::serve(listener, std::future::pending()).await
//! # }
//! ```

mod chat;
mod cli;
mod complete;
mod context;
mod errors;
mod messages;
mod prompt;
mod request;
mod respond;
mod responses;
mod routes;
mod server;
mod upstream;
mod wire;

pub use cli::{
    parse_args, Command, Config, UpstreamConfig, UsageError, DEFAULT_UPSTREAM_TIMEOUT, USAGE,
};
pub use context::{format_for, new_request_id};
pub use errors::{clip, json_kind, needs_retry_advice, GatewayError};
pub use server::{Gateway, Log};

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;

/// Where the gateway listens without `--listen`.
///
/// ```
/// assert_eq!(error_codes_tests::gateway::DEFAULT_LISTEN.to_string(), "127.0.0.1:8080");
/// ```
pub const DEFAULT_LISTEN: SocketAddr = SocketAddr::V4(std::net::SocketAddrV4::new(
    std::net::Ipv4Addr::LOCALHOST,
    8080,
));

/// The largest accepted request body: 1 MiB. One byte more is
/// `payload_too_large`.
///
/// ```
/// assert_eq!(error_codes_tests::gateway::BODY_LIMIT, 1_048_576);
/// ```
pub const BODY_LIMIT: usize = 1 << 20;

/// The retry delay retryable errors carry (`retry-after: 1`,
/// `retry-after-ms: 1000`): short, so retrying clients finish quickly.
///
/// ```
/// assert_eq!(error_codes_tests::gateway::DEMO_RETRY_DELAY.as_secs(), 1);
/// ```
pub const DEMO_RETRY_DELAY: Duration = Duration::from_secs(1);

/// The model that answers normally, echoing the last user message.
///
/// ```
/// assert_eq!(error_codes_tests::gateway::ECHO_MODEL, "echo");
/// ```
pub const ECHO_MODEL: &str = "echo";

/// The prefix of the models that answer with a canonical error:
/// `error/rate_limit_exceeded`.
///
/// ```
/// assert_eq!(error_codes_tests::gateway::ERROR_MODEL_PREFIX, "error/");
/// ```
pub const ERROR_MODEL_PREFIX: &str = "error/";

/// Serves the gateway without upstreams on `listener` until `shutdown`
/// completes, logging to standard error; [`Gateway::serve`] serves a
/// [`Config`].
///
/// ```no_run
/// # async fn run() -> std::io::Result<()> {
/// let listener = tokio::net::TcpListener::bind(error_codes_tests::gateway::DEFAULT_LISTEN).await?;
/// error_codes_tests::gateway::serve(listener, async {
///     let _ = tokio::signal::ctrl_c().await;
/// })
/// .await
/// # }
/// ```
pub async fn serve<F>(listener: TcpListener, shutdown: F) -> std::io::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    Gateway::new(&Config::default(), Log::Stderr)
        .map_err(std::io::Error::other)?
        .serve(listener, shutdown)
        .await
}
