//! The envelopes as serde structs, for code that wants values rather than
//! bytes: [`OpenAiEnvelope`], [`AnthropicEnvelope`] and their parts.

use super::Envelope;
use serde::{Deserialize, Serialize};

/// The OpenAI-format envelope as a struct:
/// `{"error":{"message","type","param","code"}}`.
///
/// Serializes to the same bytes as [`ApiError::to_body`](crate::ApiError::to_body) with
/// [`Format::OpenAi`](crate::Format::OpenAi).
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode, Format, OpenAiEnvelope};
///
/// let parsed: OpenAiEnvelope = serde_json::from_slice(&ErrorCode::UpstreamTimeout.to_body(Format::OpenAi)).unwrap();
/// assert_eq!(parsed.error.code.as_deref(), Some("upstream_timeout"));
/// assert_eq!(serde_json::to_vec(&parsed).unwrap(), ErrorCode::UpstreamTimeout.to_body(Format::OpenAi));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenAiEnvelope {
    /// The error.
    pub error: OpenAiError,
}

/// The `error` object of an [`OpenAiEnvelope`].
///
/// ```
/// use api_error_codes::OpenAiError;
///
/// let error: OpenAiError = serde_json::from_str(
///     r#"{"message":"m","type":"api_error","param":null,"code":"internal_error"}"#,
/// ).unwrap();
/// assert_eq!(error.error_type, "api_error");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// The Anthropic-format envelope as a struct:
/// `{"type":"error","error":{"type","message"},"request_id"}`.
///
/// ```
/// use api_error_codes::{AnthropicEnvelope, ApiError, ErrorCode, Format};
///
/// let body = ErrorCode::ServiceUnavailable.to_body(Format::Anthropic);
/// let parsed: AnthropicEnvelope = serde_json::from_slice(&body).unwrap();
/// assert_eq!(parsed.error.error_type, "overloaded_error");
/// assert_eq!(serde_json::to_vec(&parsed).unwrap(), body);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnthropicEnvelope {
    /// Always `"error"`.
    #[serde(rename = "type")]
    pub envelope_type: String,
    /// The error.
    pub error: AnthropicError,
    /// The request id; serialized as `null` when absent.
    #[serde(default)]
    pub request_id: Option<String>,
}

/// The `error` object of an [`AnthropicEnvelope`].
///
/// ```
/// use api_error_codes::AnthropicError;
///
/// let error: AnthropicError = serde_json::from_str(r#"{"type":"api_error","message":"m"}"#).unwrap();
/// assert!(error.details.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
///
/// ```
/// use api_error_codes::AnthropicDetails;
///
/// let details: AnthropicDetails = serde_json::from_str(r#"{"error_code":"timeout"}"#).unwrap();
/// assert_eq!(details.error_code.as_deref(), Some("timeout"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnthropicDetails {
    /// The stable code.
    #[serde(default)]
    pub error_code: Option<String>,
}

impl From<Envelope<'_>> for OpenAiEnvelope {
    fn from(envelope: Envelope<'_>) -> Self {
        let error = envelope.error;
        OpenAiEnvelope {
            error: OpenAiError {
                message: error.message().into_owned(),
                error_type: error.openai_type().to_owned(),
                param: error.param().map(|param| param.into_owned()),
                code: Some(error.code().to_owned()),
                provider: envelope.provider_name().map(str::to_owned),
                doc_url: envelope.doc_url.map(str::to_owned),
                suggestion: envelope.suggestion.map(str::to_owned),
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
                details: envelope.details_error_code.then(|| AnthropicDetails {
                    error_code: Some(error.code().to_owned()),
                }),
            },
            request_id: envelope.request_id.map(str::to_owned),
        }
    }
}
