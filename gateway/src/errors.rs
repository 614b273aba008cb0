//! [`GatewayError`]: every error the gateway answers with, declared with
//! `#[derive(ApiError)]`.

use api_error_codes::upstream::UpstreamError;
use api_error_codes::{ApiError, ErrorCode};
use serde_json::Value;
use std::borrow::Cow;

/// An error the gateway answers with: one variant per thing it reports
/// itself, each naming its canonical code and saying exactly what was wrong,
/// and the catalogue's codes as they are (`error/<code>`).
///
/// Every message starts with the catalogue's description of the code; the
/// part after it is what the client sent, cut to a readable length.
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode, Format};
/// use api_error_codes_gateway::GatewayError;
///
/// let error = GatewayError::MissingParameter { param: "model" };
/// assert_eq!(error.code(), "missing_required_parameter");
/// assert_eq!(error.param().as_deref(), Some("model"));
///
/// let error = GatewayError::NotJson { reason: "EOF while parsing".to_owned() };
/// assert_eq!(error.status(), 400);
/// assert_eq!(error.message(), "Malformed or invalid request: the body is not valid JSON (EOF while parsing)");
///
/// let error = GatewayError::Canonical(ErrorCode::UpstreamTimeout);
/// assert_eq!(error.status(), 504);
/// assert!(error.is_retryable());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, ApiError)]
pub enum GatewayError {
    /// No `Authorization: Bearer <key>` or `x-api-key: <key>`, or an empty key.
    #[api_error(code = "invalid_api_key")]
    MissingApiKey,

    /// The body is not JSON.
    #[api_error(
        code = "invalid_request",
        message = "Malformed or invalid request: the body is not valid JSON ({reason})"
    )]
    NotJson {
        /// What the JSON parser reported, with the line and column.
        reason: String,
    },

    /// The body is JSON, but not an object.
    #[api_error(
        code = "invalid_request",
        message = "Malformed or invalid request: the body must be a JSON object, not {found}"
    )]
    NotAnObject {
        /// The JSON type sent instead, such as `a string`.
        found: &'static str,
    },

    /// A required parameter is absent or `null`.
    #[api_error(code = "missing_required_parameter", param = param)]
    MissingParameter {
        /// The parameter, such as `model`.
        param: &'static str,
    },

    /// A parameter of the wrong JSON type.
    #[api_error(
        code = "invalid_parameter_value",
        param = param,
        message = "Field present, value outside allowed range or set: `{param}` must be {expected}, not {found}"
    )]
    WrongType {
        /// The parameter, such as `stream`.
        param: &'static str,
        /// The JSON type it must have, such as `a boolean`.
        expected: &'static str,
        /// The JSON type it has, such as `a string`.
        found: &'static str,
    },

    /// A parameter of the right type whose content cannot be used.
    #[api_error(
        code = "invalid_parameter_value",
        param = param,
        message = "Field present, value outside allowed range or set: {problem}"
    )]
    BadParameter {
        /// The parameter, such as `messages`.
        param: &'static str,
        /// What is wrong with it.
        problem: &'static str,
    },

    /// A `model` the gateway does not serve.
    #[api_error(
        code = "model_not_found",
        param = "model",
        message = "Requested model ID isn\u{2019}t in the catalog: `{model}`; try `echo` or `error/<code>` with a code from GET /v1/error-codes"
    )]
    UnknownModel {
        /// The model asked for, cut to 100 characters.
        model: String,
    },

    /// A model `NAME/<model>` whose `NAME` is no configured upstream.
    #[api_error(
        code = "model_not_found",
        param = "model",
        message = "Requested model ID isn\u{2019}t in the catalog: `{model}`; no upstream `{name}` is configured \
                   (the gateway forwards `NAME/<model>` to `--upstream NAME=URL`)"
    )]
    UnknownUpstream {
        /// The model asked for, cut to 100 characters.
        model: String,
        /// The part before the `/`, cut to 100 characters.
        name: String,
    },

    /// An upstream that does not speak the endpoint's API: an
    /// Anthropic-format request for an OpenAI-format upstream or the
    /// reverse, and Azure, Gemini, Vertex and Bedrock (they need request
    /// translation).
    #[api_error(
        code = "no_compatible_endpoint",
        message = "No provider supports the required API endpoint for this model: upstream `{provider}` \
                   does not serve POST {endpoint} through this gateway"
    )]
    NoCompatibleEndpoint {
        /// The provider's name.
        provider: &'static str,
        /// The path asked for, such as `/v1/messages`.
        endpoint: &'static str,
    },

    /// One of the gateway's own bodies could not be serialized (never
    /// expected; an honest `internal_error` rather than a broken body).
    #[api_error(code = "internal_error")]
    Unserializable,

    /// A canonical code as the catalogue has it: the `error/<code>` models.
    #[api_error(transparent)]
    Canonical(ErrorCode),

    /// A failure of an upstream (an error status, an error event in its
    /// stream, a refused or reset connection, a timeout, a malformed
    /// body), translated to its canonical code by the crate.
    #[api_error(transparent)]
    Upstream(Box<UpstreamError>),
}

impl From<serde_json::Error> for GatewayError {
    /// The gateway's own bodies always serialize; if one ever did not, the
    /// client gets `internal_error`.
    ///
    /// ```
    /// use api_error_codes::ApiError;
    /// use api_error_codes_gateway::GatewayError;
    ///
    /// let failure = serde_json::from_str::<u8>("x").unwrap_err();
    /// assert_eq!(GatewayError::from(failure).code(), "internal_error");
    /// ```
    fn from(_: serde_json::Error) -> Self {
        GatewayError::Unserializable
    }
}

/// The JSON type of `value`, as messages name it: `a string`, `null`, ...
pub(crate) fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Client input quoted in a message, cut to 100 characters and `...`.
pub(crate) fn clip(text: &str) -> Cow<'_, str> {
    const MAX_CHARS: usize = 100;
    match text.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => Cow::Owned(format!("{}...", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_starts_with_the_catalogue_description() {
        let errors = [
            GatewayError::MissingApiKey,
            GatewayError::NotJson { reason: "x".into() },
            GatewayError::NotAnObject { found: "null" },
            GatewayError::MissingParameter { param: "model" },
            GatewayError::WrongType {
                param: "stream",
                expected: "a boolean",
                found: "a string",
            },
            GatewayError::BadParameter {
                param: "input",
                problem: "x",
            },
            GatewayError::UnknownModel { model: "m".into() },
            GatewayError::Unserializable,
            GatewayError::UnknownUpstream {
                model: "x/m".into(),
                name: "x".into(),
            },
            GatewayError::NoCompatibleEndpoint {
                provider: "gemini",
                endpoint: "/v1/messages",
            },
        ];
        for error in &errors {
            let code = ErrorCode::from_code(error.code()).unwrap();
            assert!(
                error.message().starts_with(code.description()),
                "{error:?}: {}",
                error.message()
            );
            assert_eq!(error.status(), code.status(), "{error:?}");
        }
    }

    #[test]
    fn long_client_input_is_clipped() {
        assert_eq!(clip("short"), "short");
        let long = "é".repeat(150);
        let clipped = clip(&long);
        assert_eq!(clipped.chars().count(), 103);
        assert!(clipped.ends_with("..."));
    }
}
