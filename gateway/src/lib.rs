//! The example gateway: a real HTTP server that speaks the OpenAI chat
//! completions and Responses APIs and the Anthropic messages API, forwards
//! to providers, and answers every error with the `api-error-codes`
//! envelopes. `cargo run --example gateway` runs it (`--help` lists the
//! options, [`Args`]); the integration tests start it in-process
//! ([`serve`]).
//!
//! # Routes
//!
//! | route | format | what it does |
//! |---|---|---|
//! | `POST /v1/chat/completions` | OpenAI | a chat completion, chosen by `model` |
//! | `POST /v1/messages` | Anthropic | a message, chosen by `model` |
//! | `POST /v1/responses` | OpenAI | a Responses API response, chosen by `model` |
//! | `GET /v1/error-codes` | OpenAI (errors only) | the catalogue, all 57 codes, no key needed |
//! | `GET /openapi.json` | OpenAI (errors only) | these routes in OpenAPI 3.1, every error response generated from [`GatewayError`], no key needed |
//!
//! The JSON body's `model` picks the outcome:
//!
//! - `"echo"`: a normal answer in that API's format whose text is the last
//!   user message (Responses: a string `input` or a list of input
//!   messages); with `"stream": true`, that API's normal event stream
//!   (OpenAI `chat.completion.chunk` events ending with `data: [DONE]`;
//!   Anthropic `message_start` ... `message_stop`; Responses
//!   `response.created` ... `response.completed`, each named by its `type`
//!   and numbered by `sequence_number` from 0). Token counts are word counts.
//! - `"error/<code>"` for any canonical code: that code's error with the
//!   catalogue message and all headers; with `"stream": true`, a 200 event
//!   stream with one normal event (an OpenAI chunk, an Anthropic
//!   `message_start`; Responses `response.created` and
//!   `response.in_progress`) and then the error as the API's error events
//!   (Responses: the crate's
//!   [`ResponsesStreamError`](api_error_codes::ResponsesStreamError),
//!   `error` then `response.failed`).
//! - `"NAME/<model>"`: forwarded to the upstream `--upstream NAME=URL`
//!   ([Upstreams](#upstreams)).
//! - anything else: `model_not_found` with `param` = `"model"`.
//!
//! # Upstreams
//!
//! A model `NAME/<model>` is forwarded to the upstream `NAME`
//! ([`Config::upstreams`]) with the body unchanged but for `model`, which
//! becomes `<model>`: the OpenAI-format providers (`openai`, `mistral`,
//! `groq`, `deepseek`, `openrouter`, `openai_compatible`) at
//! `URL/v1/chat/completions` and `URL/v1/responses`, `anthropic` at
//! `URL/v1/messages` (with the client's `anthropic-version`, `2023-06-01`
//! if it sends none, and its `anthropic-beta`). The key is the gateway's,
//! never the client's: `Authorization: Bearer` for the OpenAI format,
//! `x-api-key` for Anthropic.
//!
//! - A success passes through: a JSON body whole (at most
//!   [`Config::upstream_body_limit`] bytes), an event stream event by event
//!   as the upstream sends it.
//! - Every failure is an [`UpstreamError`](api_error_codes::upstream::UpstreamError)
//!   in the client's format (the canonical code, the provider in the OpenAI
//!   body's `provider`, the provider's retry delay, none of its secrets): an
//!   error status, a 2xx body that is not a JSON object or is over the
//!   limit, a refused or broken connection (`upstream_error`, 502), no
//!   answer or no next bytes within `--upstream-timeout`
//!   (`upstream_timeout`, 504).
//! - A stream is relayed by the crate's
//!   [`Relay`](api_error_codes::stream::Relay), with its preamble held
//!   (a role-only chunk, `message_start`, `response.created`): a failure
//!   before any content (an upstream error event, a broken connection, a
//!   stall, an end without the stream's terminal event) is still a real
//!   HTTP error, with its status and retry headers, which SDKs retry. After
//!   content it is the client's error event, and the stream ends; a
//!   Responses stream gets `error` and `response.failed`, numbered after
//!   the upstream's last event.
//! - A format the upstream does not speak (Anthropic format for an
//!   OpenAI-format upstream or the reverse; Azure, Gemini, Vertex and
//!   Bedrock, which need request translation) is `no_compatible_endpoint`;
//!   a `NAME/` that names no configured upstream is `model_not_found`.
//! - A client that disconnects, before the answer or mid-stream, drops the
//!   upstream request; the gateway logs `client_disconnected`.
//!
//! # Errors
//!
//! Every error is rendered by the crate in the format of the endpoint,
//! never a bare framework error: the gateway's own are a [`GatewayError`];
//! the framework's (no route, a wrong method, a body over the limit, a
//! panic) are answered by the crate's
//! [`ErrorLayer`](api_error_codes::layer::ErrorLayer).
//!
//! | request | code |
//! |---|---|
//! | no `Authorization: Bearer <key>` or `x-api-key: <key>`, or an empty key | `invalid_api_key` |
//! | a body over 1 MiB ([`BODY_LIMIT`]) | `payload_too_large` |
//! | a body that is not a JSON object | `invalid_request` |
//! | no `model` (or `null`) | `missing_required_parameter`, `param` = `"model"` |
//! | `model` or `stream` of the wrong JSON type | `invalid_parameter_value` with that `param` |
//! | `echo` without a user message (`messages`, or `input` on `/v1/responses`) | `missing_required_parameter` / `invalid_parameter_value` with that `param` |
//! | a wrong method on a known path | `method_not_allowed` (with `allow`) |
//! | an unknown path | `resource_not_found` |
//!
//! Checks run in that order: the key, then the body (without a key, the
//! body is not read). The body is parsed as JSON whatever its
//! `content-type`, as `curl -d` sends a form type. An unknown path answers
//! in the Anthropic format under `/v1/messages` and, outside
//! `/v1/chat/completions` and `/v1/responses`, for a request with an
//! `anthropic-version` header (the Anthropic SDKs always send it);
//! otherwise in the OpenAI format.
//!
//! # Headers
//!
//! - Every response carries a request id: the request's own
//!   `x-request-id` (1 to 128 visible characters, as a proxy in front sets
//!   it), else a fresh one (`req_` and 24 hex digits); `x-request-id` in the
//!   OpenAI format, `request-id` (and the error body's `request_id`) in the
//!   Anthropic format.
//! - Errors carry `x-should-retry`; a retryable error without a delay of
//!   its own gets `retry-after: 1` / `retry-after-ms: 1000`
//!   ([`DEMO_RETRY_DELAY`]), so retrying SDKs finish quickly.
//! - Anthropic-format errors carry `error.details.error_code`, where the
//!   official Anthropic SDK reads the code.
//!
//! `error/client_disconnected` (status 0: a real gateway sends nothing, its
//! client is gone) is answered as the crate renders status 0: **499**.
//!
//! # Logs
//!
//! Through `tracing`, one event per upstream failure and per client that
//! went away, with structured fields (`request_id`, `provider`, `code`,
//! `upstream_status`, ...). What a provider wrote (`upstream_code`,
//! `upstream_message`) is a `Debug` field: quoted and escaped, so it
//! cannot forge a log line.
//!
//! Every request runs in a `request` span (`request_id`); an error the
//! gateway answers with is recorded on it by the crate's
//! [`telemetry::record`](api_error_codes::telemetry::record): `error.type`
//! (the code), `http.response.status_code`, `api_error.origin` and
//! `api_error.provider`, the attributes an OpenTelemetry layer would
//! export. The example binary logs each request span as it closes, with
//! those fields.
//!
//! ```no_run
//! use api_error_codes_gateway::{serve, Config, Gateway};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let gateway = Gateway::new(&Config::default())?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! serve(&gateway, listener, std::future::pending()).await?;
//! # Ok(())
//! # }
//! ```

mod catalogue;
mod cli;
mod complete;
mod config;
mod context;
mod echo;
mod errors;
mod openapi;
mod request;
mod respond;
mod routes;
mod server;
mod state;
mod upstream;

pub use cli::Args;
pub use config::{
    Config, UpstreamConfig, BODY_LIMIT, DEFAULT_LISTEN, DEFAULT_UPSTREAM_TIMEOUT, DEMO_RETRY_DELAY,
    UPSTREAM_BODY_LIMIT,
};
pub use errors::GatewayError;
pub use server::{router, serve};
pub use state::Gateway;
