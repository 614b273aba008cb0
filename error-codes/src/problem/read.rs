//! Problem details received from any server, read into a
//! [`ReceivedError`] by RFC 9457's rules: a member of the wrong type is
//! ignored, an absent `type` is `about:blank`, unknown members are skipped.

use crate::read::slots::TopFields;
use crate::read::Json;
use crate::received::ReceivedError;
use crate::Format;

/// What only a problem details body carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ProblemMembers {
    /// `type`, or `about:blank` when it is absent (or not a string).
    pub(crate) problem_type: String,
    pub(crate) title: Option<String>,
    pub(crate) instance: Option<String>,
    /// `status`, when it is a whole number from 100 to 599.
    pub(crate) status: Option<u16>,
    pub(crate) retryable: Option<bool>,
}

/// The problem type of a problem details object without `type`.
pub(crate) const ABOUT_BLANK: &str = "about:blank";

/// Whether a top-level object that is neither envelope is a problem
/// details object: it has a string `title` or `detail`, or a number
/// `status`. (Every member is optional in RFC 9457; requiring one of these
/// keeps an event such as `{"type":"message_start"}` from reading as a
/// problem.)
pub(crate) fn is_problem(top: &TopFields) -> bool {
    let envelope = match &top.envelope_type {
        Some(Json::String(text)) => text == "error",
        None | Some(Json::Null) => top.error.is_some(),
        Some(_) => false,
    };
    !envelope
        && (matches!(top.title, Some(Json::String(_)))
            || matches!(top.detail, Some(Json::String(_)))
            || matches!(top.status, Some(Json::Number(_))))
}

/// The problem a top-level object describes, received with HTTP status
/// `status`. Never fails: RFC 9457 says a member whose value has the wrong
/// type is ignored, as if absent, so each is taken only with its type.
pub(crate) fn received_problem(status: u16, top: TopFields) -> ReceivedError {
    let title = string(top.title);
    let detail = string(top.detail);
    let message = detail.or_else(|| title.clone()).unwrap_or_default();
    let code = match top.code {
        Some(Json::String(text)) | Some(Json::Number(text)) => Some(text),
        _ => None,
    };
    let members = ProblemMembers {
        problem_type: string(top.envelope_type).unwrap_or_else(|| ABOUT_BLANK.to_owned()),
        title,
        instance: string(top.instance),
        status: match top.status {
            Some(Json::Number(text)) => status_number(&text),
            _ => None,
        },
        retryable: match top.retryable {
            Some(Json::Bool(value)) => Some(value),
            _ => None,
        },
    };
    ReceivedError {
        format: Format::Problem,
        status,
        code,
        message,
        error_type: None,
        param: string(top.param),
        request_id: string(top.request_id),
        doc_url: None,
        suggestion: string(top.suggestion),
        provider: string(top.provider),
        problem: Some(Box::new(members)),
    }
}

/// A string member, or `None` when it is absent or of another type.
fn string<T>(value: Option<Json<T>>) -> Option<String> {
    match value {
        Some(Json::String(text)) => Some(text),
        _ => None,
    }
}

/// A `status` member's number as an HTTP status: a whole number from 100
/// to 599 (`404` or `404.0`), else `None`.
fn status_number(text: &str) -> Option<u16> {
    let whole = text.strip_suffix(".0").unwrap_or(text);
    whole
        .parse::<u16>()
        .ok()
        .filter(|status| (100..=599).contains(status))
}

#[cfg(test)]
mod tests {
    use super::status_number;

    #[test]
    fn statuses_are_whole_numbers_in_range() {
        assert_eq!(status_number("404"), Some(404));
        assert_eq!(status_number("404.0"), Some(404));
        assert_eq!(status_number("599"), Some(599));
        assert_eq!(status_number("100"), Some(100));
        for text in ["99", "600", "0", "-404", "404.5", "1e3", "70000", ""] {
            assert_eq!(status_number(text), None, "{text}");
        }
    }
}
