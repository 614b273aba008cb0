//! The bodies as serde structs, the one definition of each format's bytes:
//! [`OpenAiEnvelope`] and [`AnthropicEnvelope`] (public, for code that
//! wants values) and the problem details object.

use super::Envelope;
use crate::problem::{encode_uri_component, ProblemTypes};
use crate::CLIENT_CLOSED_REQUEST;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The OpenAI-format envelope: `{"error":{"message","type","param","code"}}`,
/// what [`Envelope::to_body`] writes in [`Format::OpenAi`](crate::Format::OpenAi).
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode, Format, OpenAiEnvelope};
///
/// let parsed: OpenAiEnvelope = serde_json::from_slice(&ErrorCode::UpstreamTimeout.to_body(Format::OpenAi)).unwrap();
/// assert_eq!(parsed.error.code.as_deref(), Some("upstream_timeout"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OpenAiEnvelope {
    /// The error.
    pub error: OpenAiError,
}

/// The `error` object of an [`OpenAiEnvelope`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OpenAiError {
    /// The human message.
    pub message: String,
    /// The error type, such as `rate_limit_error`.
    #[serde(rename = "type")]
    pub error_type: String,
    /// The request parameter at fault; serialized as `null` when absent.
    #[serde(default)]
    pub param: Option<String>,
    /// The stable code; serialized as `null` when absent.
    #[serde(default)]
    pub code: Option<String>,
    /// The upstream provider that generated the error (a gateway's
    /// extension); left out when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// A link to the code's documentation; left out when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
    /// What the client can do; left out when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// The Anthropic-format envelope:
/// `{"type":"error","error":{"type","message"},"request_id"}`, what
/// [`Envelope::to_body`] writes in [`Format::Anthropic`](crate::Format::Anthropic).
///
/// ```
/// use api_error_codes::{AnthropicEnvelope, ApiError, ErrorCode, Format};
///
/// let body = ErrorCode::ServiceUnavailable.to_body(Format::Anthropic);
/// let parsed: AnthropicEnvelope = serde_json::from_slice(&body).unwrap();
/// assert_eq!(parsed.error.error_type, "overloaded_error");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnthropicEnvelope {
    /// Always `"error"`.
    #[serde(rename = "type")]
    pub envelope_type: String,
    /// The error.
    pub error: AnthropicError,
    /// The request id, `null` when there is none: the official SDKs'
    /// `ErrorResponse` declares the key (TypeScript `request_id: string |
    /// null`, Go `json:"request_id,required"`; Python `Optional[str]`), and
    /// Anthropic's API always sends it.
    #[serde(default)]
    pub request_id: Option<String>,
}

/// The `error` object of an [`AnthropicEnvelope`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnthropicError {
    /// The error type, such as `overloaded_error`.
    #[serde(rename = "type")]
    pub error_type: String,
    /// The human message.
    pub message: String,
    /// `details.error_code`, when the server opted in; left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<AnthropicDetails>,
}

/// The `error.details` object of an [`AnthropicError`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AnthropicDetails {
    /// The stable code.
    #[serde(default)]
    pub error_code: Option<String>,
}

impl From<Envelope<'_>> for OpenAiEnvelope {
    fn from(envelope: Envelope<'_>) -> Self {
        let error = envelope.error;
        let owned = |text: Option<&str>| text.map(str::to_owned);
        OpenAiEnvelope {
            error: OpenAiError {
                message: error.message().into_owned(),
                error_type: error.openai_type().to_owned(),
                param: error.param().map(Cow::into_owned),
                code: Some(error.code().to_owned()),
                provider: owned(envelope.provider_name()),
                doc_url: owned(envelope.options.doc_url),
                suggestion: owned(envelope.options.suggestion),
            },
        }
    }
}

impl From<Envelope<'_>> for AnthropicEnvelope {
    fn from(envelope: Envelope<'_>) -> Self {
        let error = envelope.error;
        AnthropicEnvelope {
            envelope_type: "error".to_owned(),
            error: AnthropicError {
                error_type: error.anthropic_type().to_owned(),
                message: error.message().into_owned(),
                details: envelope
                    .options
                    .details_error_code
                    .then(|| AnthropicDetails {
                        error_code: Some(error.code().to_owned()),
                    }),
            },
            request_id: envelope.options.request_id.map(str::to_owned),
        }
    }
}

/// An RFC 9457 problem details body, members in the order
/// [`Format::Problem`](crate::Format::Problem) documents.
#[derive(Serialize)]
pub(super) struct ProblemBody<'a> {
    #[serde(rename = "type")]
    problem_type: Cow<'a, str>,
    title: &'static str,
    status: u16,
    detail: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    instance: Option<Cow<'a, str>>,
    code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    param: Option<Cow<'a, str>>,
    retryable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider: Option<&'a str>,
}

impl<'a> From<&Envelope<'a>> for ProblemBody<'a> {
    fn from(envelope: &Envelope<'a>) -> Self {
        let (error, options) = (envelope.error, envelope.options);
        let types = options
            .problem_types
            .unwrap_or_else(ProblemTypes::installed);
        let from_request_id =
            |id| Cow::Owned(format!("urn:request-id:{}", encode_uri_component(id)));
        ProblemBody {
            problem_type: options
                .doc_url
                .map_or_else(|| Cow::Owned(types.type_uri(error.code())), Cow::Borrowed),
            title: error.info().description(),
            status: error
                .http_status()
                .unwrap_or(CLIENT_CLOSED_REQUEST)
                .as_u16(),
            detail: error.message(),
            instance: (options.instance.map(Cow::Borrowed))
                .or_else(|| options.request_id.map(from_request_id)),
            code: error.code(),
            param: error.param(),
            retryable: error.is_retryable(),
            request_id: options.request_id,
            suggestion: options.suggestion,
            provider: envelope.provider_name(),
        }
    }
}
