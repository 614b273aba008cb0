//! The checks that turn the slots of a read body into a
//! [`ReceivedError`]: the rules of the OpenAI and Anthropic envelopes.

use super::ReceivedError;
use crate::read::slots::TopFields;
use crate::read::{code_field, excerpt, string_field, wrong_type, Json, ParseError, Repr};
use crate::Format;

/// The error a body read into envelope slots describes, received with
/// HTTP status `status`.
pub(crate) fn received_error(
    status: u16,
    top: Json<TopFields>,
) -> Result<ReceivedError, ParseError> {
    let top = match top {
        Json::Object(fields) => fields,
        other => {
            return Err(ParseError::new(Repr::NotAnObject {
                found: other.json_type(),
            }))
        }
    };
    let format = match top.envelope_type {
        None | Some(Json::Null) => Format::OpenAi,
        Some(Json::String(text)) if text == "error" => Format::Anthropic,
        Some(Json::String(text)) => {
            return Err(ParseError::new(Repr::NotAnError {
                field: "type",
                found: excerpt(&text),
            }))
        }
        Some(other) => return Err(wrong_type("type", "a string", &other)),
    };
    let error = match top.error {
        Some(Json::Object(error)) => error,
        Some(other) => return Err(wrong_type("error", "an object", &other)),
        None => return Err(ParseError::new(Repr::MissingError)),
    };
    let message = match error.message {
        Some(Json::String(message)) => message,
        Some(other) => return Err(wrong_type("error.message", "a string", &other)),
        None => return Err(ParseError::new(Repr::MissingField("error.message"))),
    };
    let details_code = match error.details {
        None | Some(Json::Null) => None,
        Some(Json::Object(details)) => code_field("error.details.error_code", details.error_code)?,
        Some(other) => return Err(wrong_type("error.details", "an object", &other)),
    };
    let error_code = code_field("error.code", error.code)?;
    let code = match format {
        Format::OpenAi => error_code.or(details_code),
        Format::Anthropic => details_code.or(error_code),
    };
    Ok(ReceivedError {
        format,
        status,
        code,
        message,
        error_type: string_field("error.type", error.error_type)?,
        param: string_field("error.param", error.param)?,
        request_id: string_field("request_id", top.request_id)?,
        doc_url: string_field("error.doc_url", error.doc_url)?,
        suggestion: string_field("error.suggestion", error.suggestion)?,
        provider: string_field("error.provider", error.provider)?,
    })
}
