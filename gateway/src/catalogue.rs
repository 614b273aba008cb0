//! `GET /v1/error-codes`: the catalogue, every canonical code with what a
//! client needs to know about it.

use crate::context::Answer;
use crate::respond::json_response;
use api_error_codes::layer::ErrorContext;
use api_error_codes::{ApiError, ErrorCode, ProblemTypes};
use axum::response::Response;
use serde::Serialize;

/// `{"data": [...]}`.
#[derive(Serialize)]
struct Catalogue {
    data: Vec<Entry>,
}

/// One code of the catalogue.
#[derive(Serialize)]
struct Entry {
    code: &'static str,
    status: u16,
    description: &'static str,
    retryable: bool,
    openai_type: &'static str,
    anthropic_type: &'static str,
    problem_type: String,
}

pub(crate) async fn error_codes(context: ErrorContext) -> Response {
    let data = (ErrorCode::ALL.iter())
        .map(|code| {
            let info = code.info();
            Entry {
                code: info.code(),
                status: info.status(),
                description: info.description(),
                retryable: info.is_retryable(),
                openai_type: info.openai_type(),
                anthropic_type: info.anthropic_type(),
                problem_type: ProblemTypes::installed().type_uri(info.code()),
            }
        })
        .collect();
    json_response(&Catalogue { data }).unwrap_or_else(|error| context.reject(&error))
}
