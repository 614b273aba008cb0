//! The serde peers of the body benchmarks: `#[derive(Serialize)]` structs
//! that give the same bytes as `to_body` in each format.

use api_error_codes::{ApiError, ProblemTypes};
use serde::Serialize;

/// The peer of the OpenAI body: the derived struct a hand-written gateway
/// would serialize. Borrowed fields, so the peer pays no copies.
#[derive(Serialize)]
struct OpenAiBody<'a> {
    error: OpenAiBodyError<'a>,
}

#[derive(Serialize)]
struct OpenAiBodyError<'a> {
    message: &'a str,
    #[serde(rename = "type")]
    error_type: &'a str,
    param: Option<&'a str>,
    code: &'a str,
}

/// The peer of the Anthropic body.
#[derive(Serialize)]
struct AnthropicBody<'a> {
    #[serde(rename = "type")]
    envelope_type: &'a str,
    error: AnthropicBodyError<'a>,
    request_id: Option<&'a str>,
}

#[derive(Serialize)]
struct AnthropicBodyError<'a> {
    #[serde(rename = "type")]
    error_type: &'a str,
    message: &'a str,
}

/// The peer of the problem details body (RFC 9457).
#[derive(Serialize)]
struct ProblemBody<'a> {
    #[serde(rename = "type")]
    problem_type: ProblemType<'a>,
    title: &'a str,
    status: u16,
    detail: &'a str,
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    param: Option<&'a str>,
    retryable: bool,
}

/// The type URI, base then code, written by `serde_json` straight into the
/// output (`collect_str`), with no `String` in between.
struct ProblemType<'a> {
    base: &'a str,
    code: &'a str,
}

impl Serialize for ProblemType<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{}{}", self.base, self.code))
    }
}

/// The peer's way to render any `ApiError` as problem details: the same
/// trait calls as `to_body`.
pub(crate) fn serde_problem<E: ApiError>(error: &E) -> Vec<u8> {
    let message = error.message();
    let param = error.param();
    let body = ProblemBody {
        problem_type: ProblemType {
            base: ProblemTypes::installed().base(),
            code: error.code(),
        },
        title: error.info().description(),
        status: error.http_status().map_or(499, |status| status.as_u16()),
        detail: &message,
        code: error.code(),
        param: param.as_deref(),
        retryable: error.is_retryable(),
    };
    serde_json::to_vec(&body).expect("a struct of strings always serializes")
}

/// The peer's way to render any `ApiError` in OpenAI format: the same
/// trait calls as `to_body`, then the generic serializer.
pub(crate) fn serde_openai<E: ApiError>(error: &E) -> Vec<u8> {
    let message = error.message();
    let param = error.param();
    let body = OpenAiBody {
        error: OpenAiBodyError {
            message: &message,
            error_type: error.openai_type(),
            param: param.as_deref(),
            code: error.code(),
        },
    };
    serde_json::to_vec(&body).expect("a struct of strings always serializes")
}

/// The peer's way to render any `ApiError` in Anthropic format.
pub(crate) fn serde_anthropic<E: ApiError>(error: &E) -> Vec<u8> {
    let message = error.message();
    let body = AnthropicBody {
        envelope_type: "error",
        error: AnthropicBodyError {
            error_type: error.anthropic_type(),
            message: &message,
        },
        request_id: None,
    };
    serde_json::to_vec(&body).expect("a struct of strings always serializes")
}
