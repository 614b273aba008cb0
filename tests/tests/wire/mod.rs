//! Every canonical code, in both LLM API envelopes, on the wire: body
//! shape and bytes, HTTP response, SSE framing, and parsing it back
//! (problem details have `problem.rs` and `problem_received.rs`).

use api_error_codes::{ApiError, ErrorCode, Format, ReceivedError, CLIENT_CLOSED_REQUEST};
use serde_json::Value;
use std::time::Duration;

/// The two envelopes this file checks.
const ENVELOPES: [Format; 2] = [Format::OpenAi, Format::Anthropic];

/// For the `_` arm `Format` (non-exhaustive) needs: this file renders
/// only [`ENVELOPES`].
fn not_an_envelope(format: Format) -> ! {
    panic!("{format:?} is not one of the envelopes wire.rs checks")
}

/// A JSON string literal, as serde_json writes it.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// The `type` of each status in the table of `api_error_codes::Format`'s
/// docs, pair by pair: `(status, OpenAI type, Anthropic type)`.
const STATUS_TYPES: [(u16, &str, &str); 21] = [
    (0, "invalid_request_error", "invalid_request_error"),
    (99, "api_error", "api_error"),
    (400, "invalid_request_error", "invalid_request_error"),
    (401, "authentication_error", "authentication_error"),
    (402, "invalid_request_error", "billing_error"),
    (403, "permission_error", "permission_error"),
    (404, "not_found_error", "not_found_error"),
    (405, "invalid_request_error", "invalid_request_error"),
    (408, "invalid_request_error", "invalid_request_error"),
    (409, "invalid_request_error", "conflict_error"),
    (413, "invalid_request_error", "request_too_large"),
    (422, "invalid_request_error", "invalid_request_error"),
    (429, "rate_limit_error", "rate_limit_error"),
    (499, "invalid_request_error", "invalid_request_error"),
    (500, "api_error", "api_error"),
    (501, "api_error", "api_error"),
    (502, "api_error", "api_error"),
    (503, "api_error", "overloaded_error"),
    (504, "api_error", "timeout_error"),
    (529, "api_error", "overloaded_error"),
    (600, "api_error", "api_error"),
];

/// The documented type of `status` in `format`; every status the
/// catalogue uses is in [`STATUS_TYPES`].
fn documented_type(format: Format, status: u16) -> &'static str {
    let &(_, openai, anthropic) = STATUS_TYPES
        .iter()
        .find(|(listed, _, _)| *listed == status)
        .unwrap_or_else(|| panic!("status {status} is not in STATUS_TYPES"));
    match format {
        Format::OpenAi => openai,
        Format::Anthropic => anthropic,
        other => not_an_envelope(other),
    }
}

/// The type a canonical code has on the wire: the table, except for the
/// two documented billing overrides.
fn expected_type(code: ErrorCode, format: Format) -> &'static str {
    match (code, format) {
        (ErrorCode::BudgetExhausted | ErrorCode::InsufficientQuota, Format::Anthropic) => {
            "billing_error"
        }
        _ => documented_type(format, code.status()),
    }
}

/// The exact body, key by key, in order.
fn expected_body(code: ErrorCode, format: Format) -> String {
    match format {
        Format::OpenAi => format!(
            r#"{{"error":{{"message":{},"type":{},"param":null,"code":{}}}}}"#,
            quoted(code.description()),
            quoted(expected_type(code, format)),
            quoted(code.code()),
        ),
        Format::Anthropic => format!(
            r#"{{"type":"error","error":{{"type":{},"message":{}}},"request_id":null}}"#,
            quoted(expected_type(code, format)),
            quoted(code.description()),
        ),
        other => not_an_envelope(other),
    }
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("the output is UTF-8")
}

mod axum_responses;
mod bodies;
mod events_and_parsing;
mod responses;
mod responses_stream;
