//! Every canonical code, in both LLM API envelopes, on the wire: body
//! shape and bytes, HTTP response, SSE framing, and parsing it back
//! (problem details have `problem.rs` and `problem_received.rs`).

use api_error_codes::{
    AnthropicEnvelope, ApiError, ErrorCode, Format, OpenAiEnvelope, ReceivedError,
    CLIENT_CLOSED_REQUEST,
};
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

/// The mapping table of `api_error_codes::Format`'s docs, written out again
/// independently of the implementation.
fn documented_type(format: Format, status: u16) -> &'static str {
    match (format, status) {
        (_, 401) => "authentication_error",
        (Format::Anthropic, 402) => "billing_error",
        (_, 403) => "permission_error",
        (_, 404) => "not_found_error",
        (Format::Anthropic, 409) => "conflict_error",
        (Format::Anthropic, 413) => "request_too_large",
        (_, 429) => "rate_limit_error",
        (_, 0) | (_, 400..=499) => "invalid_request_error",
        (Format::Anthropic, 503 | 529) => "overloaded_error",
        (Format::Anthropic, 504) => "timeout_error",
        _ => "api_error",
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

mod bodies;
mod events_and_parsing;
mod responses;
