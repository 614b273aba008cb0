//! `GET /v1/error-codes`: the catalogue, every canonical code with what a
//! client needs to know about it, as the crate lists it
//! ([`CodeList::to_json`]).

use crate::context::Answer;
use crate::respond::json_response;
use api_error_codes::layer::ErrorContext;
use api_error_codes::{CodeList, ErrorCode, ProblemTypes};
use axum::response::Response;

/// The catalogue.
#[utoipa::path(get, path = "/v1/error-codes", tag = "Gateway",
    responses((status = 200, description = "Every canonical code: `{\"data\":[{\"code\",\"status\",\"description\",\"retryable\",\"openai_type\",\"anthropic_type\",\"problem_type\"}, ...]}`")))]
pub(crate) async fn error_codes(context: ErrorContext) -> Response {
    let catalogue = CodeList::of::<ErrorCode>().to_json(ProblemTypes::installed());
    json_response(&catalogue).unwrap_or_else(|error| context.reject(&error))
}
