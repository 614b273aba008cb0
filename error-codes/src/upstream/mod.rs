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
//! # Shapes read
//!
//! OpenAI, Azure and OpenAI-compatible `{"error":{...}}` (string or
//! numeric `code`, Azure's `innererror` / `inner_error`, OpenRouter's
//! numeric `code` with `metadata.raw`), a bare `{"error":"text"}`; Mistral's
//! flat `{"object":"error",...}` (its `message` may itself be FastAPI's
//! `{"detail":[...]}`) and FastAPI's `{"detail":...}`; Anthropic's
//! `{"type":"error","error":{...}}`; Google's `google.rpc.Status`
//! `{"error":{"code","message","status","details":[...]}}` (also wrapped in a
//! JSON array, as Vertex streams send it); Bedrock's `{"message"}` /
//! `{"Message"}` with the type in `x-amzn-errortype` (cut at `:`, the part
//! after `#`); the Responses API's `error` event (flat or nested) and
//! `response.failed`. A message that is itself an error body serialised as
//! a string is unwrapped.
//!
//! The provider's code reported by [`UpstreamError::upstream_code`] is its
//! most specific name: Bedrock's error type or Google's status name; else
//! the code (a FastAPI `detail[].type`); else Azure's inner code; else the
//! type; else Anthropic's `details.error_code` or Google's
//! `ErrorInfo.reason`; a numeric code last.
//!
//! # The translation table
//!
//! One ordered table in `upstream/table.rs`: each row is provider ×
//! signal → canonical code, the first row that matches decides, and each
//! row names the case of the upstream corpus (`tests/upstream-corpus/`, real
//! provider bodies with their sources) that the tests check it decides.
//! Provider codes come first, wording second, the HTTP status last; within
//! that, the more specific before the generic: context-window wording
//! before `request_too_large`, and generic codes (`invalid_request_error`,
//! `INVALID_ARGUMENT`, `ValidationException`, `api_error`) after all the
//! wording.
//!
//! | upstream condition | signals (examples) | canonical code |
//! |---|---|---|
//! | input over the context window | `context_length_exceeded`, `exceed_context_size_error`; "maximum context length", "prompt is too long", "input token count" | `context_length_exceeded` |
//! | blocked by a content policy or filter | `content_filter`, `ResponsibleAIPolicyViolation`, `content_policy_violation`, `invalid_prompt`; "safety system", "content management policy" | `content_filtered` |
//! | rate limited, throttled, per-minute quota | `rate_limit_exceeded`, `rate_limit_error`, `RESOURCE_EXHAUSTED`, `ThrottlingException`; "rate limit", "too many requests"; status 429 | `rate_limit_exceeded` |
//! | overloaded, out of capacity | `overloaded_error`, `UNAVAILABLE`, `ServiceUnavailableException`; "overloaded", "capacity", "high demand" | `model_unavailable` |
//! | the provider timed out | `DEADLINE_EXCEEDED`, `ModelTimeoutException`, `timeout`; "timed out"; status 408, 504, 524 | `upstream_timeout` |
//! | model or deployment missing or retired | `model_not_found`, `DeploymentNotFound`, `model_decommissioned`; Gemini/Vertex `NOT_FOUND`, Anthropic `not_found_error`, Bedrock `ResourceNotFoundException`; "does not exist", "not a valid model" | `model_not_found` |
//! | body too large (not context) | `request_too_large`; "payload size"; status 413 | `payload_too_large` |
//! | a required parameter missing | `missing_required_parameter`, FastAPI `missing`; "Field required" | `missing_required_parameter` |
//! | an unknown or extra field | `unknown_parameter`, `extra_forbidden`, `unsupported_parameter`; "Unrecognized request argument", "extraneous key" | `unknown_field` |
//! | a value outside what the model allows | `invalid_value`, `unsupported_value`, `string_above_max_length`; "maximum allowed", "is too large" | `invalid_parameter_value` |
//! | a feature the model does not support | a feature ("tool_choice", "json_schema", "json mode", "thinking", "image", "tool", "stream", "modalities") named with "not supported" / "only supported"; "only support stream" | `tool_choice_required_not_supported`, `structured_output_not_supported`, `json_mode_not_supported`, `reasoning_not_supported`, `vision_not_supported`, `tools_not_supported`, `non_streaming_not_supported`, `streaming_not_supported`, `unsupported_modalities` |
//! | the deployment cannot serve this endpoint | Azure `OperationNotSupported` | `no_compatible_endpoint` |
//! | any other invalid request | `invalid_request_error`, `INVALID_ARGUMENT`, `ValidationException`; status 400 or 422 with an error body | `invalid_request` |
//! | the gateway's credentials rejected | `invalid_api_key`, `authentication_error`, `permission_error`, `PERMISSION_DENIED`, `AccessDeniedException`; "invalid api key", "not authorized"; status 401, 403 | `upstream_error` (never the client's `invalid_api_key`) |
//! | the gateway's account out of quota or credit | `insufficient_quota`, `billing_error`; "credit balance", "insufficient balance"; status 402 | `upstream_error` (never the client's `insufficient_quota`) |
//! | 5xx, HTML pages, empty or unparseable bodies | `api_error`, `server_error`, `INTERNAL`, `FAILED_PRECONDITION`; anything else | `upstream_error` |
//!
//! Wording is read only from an error body (never from an HTML page or
//! plain text), case-insensitively, with `n't` read as ` not`.
//!
//! # What the client reads
//!
//! - **Never the gateway's secrets.** No part of the provider's body reaches
//!   the client except, for the errors below, its message passed through a
//!   filter that replaces with `[redacted]` every API key (`sk-`, `AIza`,
//!   masked `****` keys, ...), account, organization, project, user and
//!   request id (`org-`, `proj_`, `user_`, `req_`, UUIDs, long numbers and
//!   opaque mixed-case ids), URL, ARN, resource path (`projects/...`),
//!   e-mail address, IP address and host name. Tool call ids (`toolu_`,
//!   `call_`), which the client sent, are kept. Headers carry only what
//!   this crate renders.
//! - **Errors the client can fix** (context window, content filter,
//!   invalid request, unknown / missing / invalid parameter, unsupported
//!   feature, model not found, payload too large, no compatible endpoint):
//!   the provider's message, filtered, so the client learns what to fix
//!   (token counts, limits, the parameter), and the parameter as `param`:
//!   the body's `param`, else Anthropic's `field: ` prefix, else a FastAPI
//!   `loc`, Google's `fieldViolations`, or a field named by a fixed phrase
//!   (`argument supplied: X`, `Unknown name "X"`, `extraneous key [X]`,
//!   `the X field`).
//! - **The gateway's own failures** (credentials, quota and billing, rate
//!   limits, overload, timeouts, 5xx and unreadable bodies): the catalogue's
//!   description, and no parameter. The provider's text stays available to
//!   the gateway's logs as [`UpstreamError::upstream_message`].
//! - **Retry delays** are kept: `retry-after-ms`, `retry-after` (seconds or
//!   an HTTP date), Google's `RetryInfo.retryDelay` (`"58s"`) and "try again
//!   in 11.054s" in the message are read, in that order, into
//!   [`retry_after`](crate::ApiError::retry_after), which the rendered
//!   response sends as `retry-after` and `retry-after-ms` (a day at most).
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
