//! Errors in an OpenAI Responses API event stream that has already started:
//! the `error` event and the terminal `response.failed` event.

use crate::{ApiError, Format, OpenAiEnvelope, OpenAiError};
use serde::Serialize;
use serde_json::{Map, Value};

/// An error to send in a Responses API stream (`POST /v1/responses` with
/// `"stream": true`) at a given `sequence_number`: an `error` event, then
/// the terminal `response.failed` event one number later.
///
/// # Why the `error` event has both shapes
///
/// The API reference documents the `error` event flat —
/// `{"type":"error","code","message","param","sequence_number"}`, which is
/// the official Python SDK's `ResponseErrorEvent` type and what the .NET SDK
/// reads (openai/openai-dotnet#881) — but the live API nests the fields:
/// `{"type":"error","sequence_number","error":{"type","code","message","param"}}`
/// (openai/openai-python#2487). The official Python SDK raises its
/// `APIError` only for the nested shape: its stream raises when the data
/// has an `error` object and takes `code`, `type` and `param` from it;
/// openai-node does the same. So the event carries both: the flat fields
/// for clients that read the reference, and `error`, the OpenAI envelope's
/// error object, for the SDKs that raise on it. It validates as the Python
/// SDK's `ResponseErrorEvent` (unknown keys are allowed).
///
/// # Why `response.failed` follows
///
/// A strict Responses client waits for a terminal event (`response.completed`,
/// `response.failed` or `response.incomplete`) and reports a stream that
/// ends without one as truncated (router-for-me/CLIProxyAPI#4683). The
/// failed response is the stream's `response` object with `status:
/// "failed"` and `error: {"code","message","type","param"}`. Its `code` must
/// be one of the codes the SDKs' `ResponseError` type lists, which the
/// catalogue's mostly are not: [`response_error_code`](Self::response_error_code)
/// maps the status onto them, and the error's own `type` and message go
/// with it; the exact code is in the `error` event.
///
/// ```
/// use api_error_codes::{ErrorCode, ResponsesStreamError};
///
/// let events = ResponsesStreamError::new(&ErrorCode::RateLimitExceeded, 2).to_sse_events(
///     &serde_json::json!({"id": "resp_1", "object": "response", "status": "in_progress"})
///         .as_object()
///         .unwrap(),
/// );
/// let text = String::from_utf8(events).unwrap();
/// let (error, failed) = text.split_once("\n\n").unwrap();
/// assert_eq!(
///     error,
///     r#"event: error
/// data: {"type":"error","sequence_number":2,"code":"rate_limit_exceeded","message":"Requests-per-minute cap hit","param":null,"error":{"message":"Requests-per-minute cap hit","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}"#
/// );
/// assert!(failed.starts_with("event: response.failed\ndata: {\"type\":\"response.failed\",\"sequence_number\":3,"));
/// assert!(failed.contains(r#""status":"failed""#));
/// ```
#[derive(Clone, Copy, Debug)]
#[must_use = "a stream error does nothing until rendered with `error_event`, `failed_event` or `to_sse_events`"]
pub struct ResponsesStreamError<'a> {
    error: &'a dyn ApiError,
    sequence_number: u64,
}

impl<'a> ResponsesStreamError<'a> {
    /// `error`, sent as the stream's event number `sequence_number` (the
    /// number after the last event sent).
    ///
    /// ```
    /// use api_error_codes::{ErrorCode, ResponsesStreamError};
    ///
    /// let error = ResponsesStreamError::new(&ErrorCode::UpstreamError, 7);
    /// assert_eq!(error.sequence_number(), 7);
    /// ```
    pub fn new(error: &'a dyn ApiError, sequence_number: u64) -> Self {
        ResponsesStreamError {
            error,
            sequence_number,
        }
    }

    /// The `sequence_number` of the `error` event; `response.failed` has
    /// the next one.
    ///
    /// ```
    /// use api_error_codes::{ErrorCode, ResponsesStreamError};
    /// assert_eq!(ResponsesStreamError::new(&ErrorCode::InternalError, 0).sequence_number(), 0);
    /// ```
    pub fn sequence_number(&self) -> u64 {
        self.sequence_number
    }

    /// The `code` of the failed response's `error`, one of the codes the
    /// SDKs' `ResponseError` type accepts: `rate_limit_exceeded` for 429,
    /// `invalid_prompt` for the other 4xx (the request cannot succeed as
    /// sent) and status 0, `server_error` for everything else.
    ///
    /// ```
    /// use api_error_codes::{ErrorCode, ResponsesStreamError};
    ///
    /// let code = |error: ErrorCode| ResponsesStreamError::new(&error, 0).response_error_code();
    /// assert_eq!(code(ErrorCode::BudgetExhausted), "rate_limit_exceeded");
    /// assert_eq!(code(ErrorCode::ContextLengthExceeded), "invalid_prompt");
    /// assert_eq!(code(ErrorCode::UpstreamTimeout), "server_error");
    /// ```
    pub fn response_error_code(&self) -> &'static str {
        match self.error.status() {
            429 => "rate_limit_exceeded",
            0 | 400..=499 => "invalid_prompt",
            _ => "server_error",
        }
    }

    /// The `error` event: `event: error`, then the data with the flat
    /// fields and the nested `error` object (see the type's docs), one
    /// complete event ending in a blank line. JSON escapes every CR and LF,
    /// so no message can end the event early.
    ///
    /// ```
    /// use api_error_codes::{ErrorCode, ResponsesStreamError};
    ///
    /// let event = ResponsesStreamError::new(&ErrorCode::ModelUnavailable, 4).error_event();
    /// let text = String::from_utf8(event).unwrap();
    /// let data: serde_json::Value =
    ///     serde_json::from_str(text.strip_prefix("event: error\ndata: ").unwrap().trim_end()).unwrap();
    /// assert_eq!(data["code"], "model_unavailable");
    /// assert_eq!(data["error"]["code"], "model_unavailable");
    /// assert_eq!(data["error"]["type"], "api_error");
    /// assert_eq!(data["sequence_number"], 4);
    /// ```
    pub fn error_event(&self) -> Vec<u8> {
        let envelope = OpenAiEnvelope::from(self.error.envelope(Format::OpenAi));
        let data = ErrorEvent {
            kind: "error",
            sequence_number: self.sequence_number,
            code: self.error.code(),
            message: &envelope.error.message,
            param: envelope.error.param.as_deref(),
            error: &envelope.error,
        };
        event("error", &data)
    }

    /// The terminal `response.failed` event, numbered one after the `error`
    /// event: `response` (the stream's response object as sent in
    /// `response.created`) with `status: "failed"` and its `error` set.
    ///
    /// ```
    /// use api_error_codes::{ErrorCode, ResponsesStreamError};
    ///
    /// let response = serde_json::json!({"id": "resp_1", "status": "in_progress", "error": null});
    /// let event = ResponsesStreamError::new(&ErrorCode::UpstreamTimeout, 5)
    ///     .failed_event(response.as_object().unwrap());
    /// let text = String::from_utf8(event).unwrap();
    /// let data = text.strip_prefix("event: response.failed\ndata: ").unwrap();
    /// let data: serde_json::Value = serde_json::from_str(data.strip_suffix("\n\n").unwrap()).unwrap();
    /// assert_eq!(
    ///     data,
    ///     serde_json::json!({
    ///         "type": "response.failed",
    ///         "sequence_number": 6,
    ///         "response": {
    ///             "id": "resp_1",
    ///             "status": "failed",
    ///             "error": {
    ///                 "code": "server_error",
    ///                 "message": "Upstream exceeded the request deadline",
    ///                 "type": "api_error",
    ///                 "param": null,
    ///             },
    ///         },
    ///     })
    /// );
    /// ```
    pub fn failed_event(&self, response: &Map<String, Value>) -> Vec<u8> {
        let error = serde_json::json!({
            "code": self.response_error_code(),
            "message": self.error.message(),
            "type": self.error.openai_type(),
            "param": self.error.param(),
        });
        let mut response = response.clone();
        response.insert("status".to_owned(), Value::from("failed"));
        response.insert("error".to_owned(), error);
        let data = FailedEvent {
            kind: "response.failed",
            sequence_number: self.sequence_number.saturating_add(1),
            response: &response,
        };
        event("response.failed", &data)
    }

    /// Both events, the `error` event and then `response.failed`: what a
    /// stream sends when it fails.
    ///
    /// ```
    /// use api_error_codes::{ErrorCode, ResponsesStreamError};
    ///
    /// let error = ResponsesStreamError::new(&ErrorCode::InternalError, 2);
    /// let response = serde_json::Map::new();
    /// let mut expected = error.error_event();
    /// expected.extend(error.failed_event(&response));
    /// assert_eq!(error.to_sse_events(&response), expected);
    /// ```
    pub fn to_sse_events(&self, response: &Map<String, Value>) -> Vec<u8> {
        let mut events = self.error_event();
        events.extend(self.failed_event(response));
        events
    }
}

/// The data of the `error` event: the flat fields, then the envelope's.
#[derive(Serialize)]
struct ErrorEvent<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    sequence_number: u64,
    code: &'a str,
    message: &'a str,
    param: Option<&'a str>,
    error: &'a OpenAiError,
}

/// The data of the `response.failed` event.
#[derive(Serialize)]
struct FailedEvent<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    sequence_number: u64,
    response: &'a Map<String, Value>,
}

/// One complete server-sent event named `name` carrying `data`. JSON
/// escapes every CR and LF, so no message can end the event early.
fn event(name: &str, data: &impl Serialize) -> Vec<u8> {
    // Strings, numbers and string-keyed maps: serde_json cannot fail.
    let data = serde_json::to_string(data).unwrap_or_default();
    format!("event: {name}\ndata: {data}\n\n").into_bytes()
}
