//! Errors from upstream providers, read whatever their shape and
//! translated to the canonical code.
//!
//! [`UpstreamError::from_response`] and [`UpstreamError::from_sse_event`]
//! read what a [`Provider`] sent (any of its envelopes, or an HTML page, an
//! empty, truncated or non-UTF-8 body) and pick the most specific
//! canonical [`ErrorCode`](crate::ErrorCode) its signals support.
//! [`UpstreamError`] implements [`ApiError`](crate::ApiError), so a gateway
//! answers with it directly, and the OpenAI-format body names the provider.
//!
//! ```
//! use api_error_codes::upstream::{Provider, UpstreamError};
//! use api_error_codes::{ApiError, ErrorCode, Format};
//!
//! let mut headers = http::HeaderMap::new();
//! headers.insert("retry-after", "30".parse().unwrap());
//! let body = br#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#;
//! let upstream = UpstreamError::from_response(Provider::Anthropic, 529, &headers, body);
//! assert_eq!(upstream.canonical(), ErrorCode::ModelUnavailable);
//! assert_eq!(upstream.upstream_code(), Some("overloaded_error"));
//!
//! let response = upstream.to_http_response(Format::OpenAi);
//! assert_eq!(response.status(), 503);
//! assert_eq!(response.headers()["retry-after"], "30");
//! assert_eq!(
//!     String::from_utf8(response.into_body()).unwrap(),
//!     r#"{"error":{"message":"The requested model is temporarily unavailable","type":"api_error","param":null,"code":"model_unavailable","provider":"anthropic"}}"#
//! );
//! ```
//!
//! # Structure before words
//!
//! Every structured field a provider sends is read before any wording, as
//! `serde_json` values (a body of at most 256 KiB, nested at most 128
//! deep; a field of an unexpected type is passed over):
//!
//! - OpenAI, Azure and OpenAI-compatible `{"error":{...}}` (string or
//!   numeric `code`, `type`, `param`; Azure's `innererror` / `inner_error`
//!   with its content filter results, and `error.details[]`), a bare
//!   `{"error":"text"}`; Mistral's flat `{"object":"error",...}` and
//!   FastAPI's `detail` / `errors` lists (`type`, `loc`, `msg`);
//!   Anthropic's `{"type":"error","error":{...}}`;
//! - Google's `google.rpc.Status` (also in a JSON array): its status name
//!   and every `details[]` entry: `ErrorInfo.reason`,
//!   `BadRequest.fieldViolations`, `RetryInfo.retryDelay`, violations'
//!   descriptions, `LocalizedMessage`; a prompt's `promptFeedback.blockReason`;
//! - Bedrock's `__type` and `x-amzn-errortype` (cut at `:`, after `#`);
//! - OpenRouter's numeric `code`, and its `metadata`: `reasons` and
//!   `flagged_input` (a moderation verdict), and `raw` read as the body of
//!   the provider `provider_name` names, whose rows then apply;
//! - the Responses API's `error` event (flat or nested) and
//!   `response.failed`; a body framed as a server-sent event; an error
//!   body serialised as a string (in a message, `details` or `raw`); plain
//!   text (a server's own words). HTML pages are judged by their status.
//!
//! [`UpstreamError::upstream_code`] reports the provider's most specific
//! name: Bedrock's error type or Google's status name; else the code (a
//! FastAPI `detail[].type`); else Azure's inner code; else the type; else
//! Anthropic's `details.error_code` or Google's `ErrorInfo.reason`; a
//! numeric code after those, and a relayed error's codes last.
//!
//! # The translation table
//!
//! One ordered table (`upstream/table.rs`); the first row that matches
//! decides the canonical code and, where it differs from the code's own,
//! the [`Disposition`]. Every row names its evidence, a case of the upstream
//! corpus (`tests/upstream-corpus/`, real provider bodies with their
//! sources) or a documented value of `upstream/vocabulary.tsv` (every error
//! code, type, status name, reason and exception of the 11 providers, with
//! its official source), and the tests check that the row decides it, and
//! that every documented value maps as the vocabulary says. In order:
//!
//! | rows | signals (examples) | canonical code |
//! |---|---|---|
//! | moderation | OpenRouter's `reasons` / `flagged_input`, Azure's filtered results, `blockReason`; `content_filter`, `content_policy_violation`, `SAFETY`; "content management policy", "safety system", "flagged for" | `content_filtered` |
//! | the gateway's account | a 401, 402 or 403; `insufficient_quota`, `invalid_api_key`, `PERMISSION_DENIED`, `API_KEY_INVALID`, `SERVICE_DISABLED`, `AccessDeniedException`, `no_organization`; "organization must be verified", "organization has been disabled", "extra usage", "credit balance", "not authorized", "data policy" | `upstream_error` (another provider may serve it) |
//! | the provider's specific codes | `context_length_exceeded`, `rate_limit_error`, `RESOURCE_EXHAUSTED`, `ThrottlingException`, `overloaded_error`, `UNAVAILABLE`, `DEADLINE_EXCEEDED`, `model_not_found`, `NOT_FOUND`, `CANCELLED`, `ALREADY_EXISTS`, ... | the code's own |
//! | the context window in words | "maximum context length", "prompt is too long", "input token count", "reduce the length" | `context_length_exceeded` |
//! | the request's parameters | `unsupported_parameter`, `unknown_parameter`, `extra_forbidden`, `invalid_value`, `unsupported_value`, `literal_error`, `missing`; "Unrecognized request argument", "Extra inputs are not permitted", "Unknown name", "property ... is unsupported"; a member of the request said to be unsupported | `unknown_field`, `invalid_parameter_value`, `missing_required_parameter` |
//! | features a model lacks | "not supported / unsupported / not enabled / not available / can't be combined" × the feature's names: thinking switched off, provider-hosted tools, tools with JSON output, `tool_choice` (Gemini's "function calling mode"), streaming only, JSON schema, JSON mode, reasoning, images, tools, streaming, modalities | `thinking_disable_not_supported`, `hosted_tool_not_supported`, `tools_with_structured_output_not_supported`, `tool_choice_required_not_supported`, `non_streaming_not_supported`, `structured_output_not_supported`, `json_mode_not_supported`, `reasoning_not_supported`, `vision_not_supported`, `tools_not_supported`, `streaming_not_supported`, `unsupported_modalities` |
//! | transient failures in words | "rate limit", "too many requests", "throttled"; "overloaded", "capacity", "high demand" | `rate_limit_exceeded`, `model_unavailable` |
//! | other request errors in words | "model not found", "does not exist", "on-demand throughput"; "no endpoints found"; "this action doesn't support the model"; "field required", "must include", "missing field"; "must be between", "valid range", "Input should be"; "payload size"; "failed to deserialize" | `model_not_found`, `no_provider_available`, `no_compatible_endpoint`, `missing_required_parameter`, `invalid_parameter_value`, `payload_too_large`, `invalid_request` |
//! | generic codes | `FAILED_PRECONDITION`; `OUT_OF_RANGE`; `invalid_request_error`, `INVALID_ARGUMENT`, `ValidationException`; `api_error`, `server_error`, `INTERNAL`, a model's invalid output (`tool_use_failed`) | `upstream_error`; `invalid_parameter_value`; `invalid_request`; `upstream_error` |
//! | the HTTP status, and each provider's documented statuses | 408, 504, 522, 524; 413; 429; 499; Anthropic's 529, 404; OpenAI's, Mistral's, Groq's and DeepSeek's 503; ...; 400 or 422 with an error body; anything else | `upstream_timeout`; `payload_too_large`; `rate_limit_exceeded`; `client_disconnected`; `model_unavailable`, `model_not_found`; ...; `invalid_request`; `upstream_error` |
//!
//! Wording is matched as normalized words: percent-decoded, typographic
//! quotes and apostrophes folded, lower case, `n't` read as ` not`, links
//! left out, and on word boundaries (a word holds `_`, `-` and, inside an
//! identifier, `.` and `[]`: `billing` is not found in `x-billing-project`,
//! nor `tool` in `parallel_tool_calls`). Quoted names (`'timeout'`,
//! `` `gpt-4` ``) are what the client sent: they name a feature, never a
//! failure.
//!
//! A gateway adds rows of its own, or overrides one of the table's, with a
//! [`Classifier`] and its [`Rule`]s, consulted before the table.
//!
//! # What the client reads
//!
//! - **Errors the client can fix** (context window, content filter,
//!   invalid request, unknown / missing / invalid parameter, unsupported
//!   feature, model or resource not found, no provider or endpoint, payload
//!   too large): the provider's message, filtered, so the client learns
//!   what to fix, and the parameter as `param`: the body's `param` (or a
//!   FastAPI `loc`), else the message's leading field path
//!   (`max_tokens: ...`), a field named by a fixed phrase (`argument
//!   supplied: X`, `Unknown name "X"`, `Unsupported parameter: 'X'`,
//!   `extraneous key [X]`, ``missing field `X` ``), or a structured
//!   detail's field.
//! - **The filter keeps what is safe.** Words, numbers, request fields,
//!   model names (with `/`, `.`, `:`), JSON pointers, the client's tool call
//!   ids and public documentation links pass. Credentials never do: API
//!   keys (`sk-`, `AIza`, `AKIA…`, JWTs, masked keys), organization,
//!   project, account and user ids, ARNs, cloud resource paths. Locations
//!   and opaque ids (URLs, hosts under any top-level or country domain,
//!   IPv4 and IPv6 addresses, e-mail addresses, file paths, UUIDs, long
//!   numbers, hex keys, random-looking ids) pass only when the client sent
//!   them: [`UpstreamError::with_request`] takes the client's request body.
//! - **The gateway's own failures** (credentials, quota and billing, rate
//!   limits, overload, timeouts, 5xx and unreadable bodies): the catalogue's
//!   description, and no parameter.
//! - **For the gateway's logs**: [`UpstreamError::upstream_message`], the
//!   provider's text (at most [`MESSAGE_CAP`] bytes, like the client's
//!   message): it may hold the gateway's secrets and any bytes, so escape it
//!   before logging; [`UpstreamError`]'s `Display` is one safe line.
//! - **Retry delays** are kept: `retry-after-ms`, `retry-after` (seconds or
//!   an HTTP date in any of RFC 9110's three forms), Google's
//!   `RetryInfo.retryDelay` (`"58s"`) and "try again in 11.054s" in the
//!   message are read, in that order, into
//!   [`retry_after`](crate::ApiError::retry_after), which the rendered
//!   response sends as `retry-after` and `retry-after-ms` (a day at most),
//!   and into [`Disposition::RetrySame`].
//!
//! # Streams
//!
//! [`UpstreamError::from_sse_event`] is made for a relay that calls it on
//! every event: a normal event is told apart by a scan for the marks an
//! error carries before anything is parsed, and anything that looks like an
//! error, including an error event whose data is cut short or is not JSON,
//! is an [`UpstreamError`].
//!
//! # Failures below HTTP
//!
//! A provider that gives no answer to read (a refused or reset connection,
//! a stream cut short, nothing within the gateway's deadline) is an
//! [`UpstreamError`] too, made by [`UpstreamError::from_transport`] with a
//! [`TransportFailure`]: `upstream_error` for a connection that failed or
//! broke, `upstream_timeout` for a deadline, with what the HTTP client said
//! kept for the logs only.
//!
//! A gateway's own enum wraps it like any error:
//!
//! ```
//! use api_error_codes::upstream::{Provider, UpstreamError};
//! use api_error_codes::{ApiError, ErrorCode};
//!
//! #[derive(Debug, ApiError)]
//! enum GatewayError {
//!     #[api_error(transparent)]
//!     Upstream(UpstreamError),
//!     #[api_error(transparent)]
//!     Canonical(ErrorCode),
//! }
//!
//! let upstream = UpstreamError::from_response(Provider::Bedrock, 504, &http::HeaderMap::new(), b"");
//! let error = GatewayError::Upstream(upstream);
//! assert_eq!(error.code(), "upstream_timeout");
//! assert_eq!(error.status(), 504);
//! ```
mod body;
mod classifier;
#[rustfmt::skip]
mod codes;
mod disposition;
mod error;
#[cfg(test)]
mod evidence;
mod gather;
mod param;
mod policy;
mod provider;
mod redact;
mod retry;
mod signals;
mod stream;
mod table;
#[cfg(test)]
mod tests;
mod transport;
#[cfg(test)]
mod vocabulary;
mod words;

pub use classifier::{Classifier, Rule};
pub use disposition::Disposition;
pub use error::UpstreamError;
pub use policy::MESSAGE_CAP;
pub use provider::{Provider, UnknownProvider};
pub use transport::TransportFailure;
