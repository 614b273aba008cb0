//! `openai_type` and `anthropic_type`.

use super::*;

#[derive(Debug, ApiError)]
pub enum Types {
    #[api_error(code = "rate_limit_exceeded", openai_type = "insufficient_quota")]
    OpenAiOverride,
    #[api_error(code = "service_unavailable", anthropic_type = "overloaded_error")]
    AnthropicOverride,
    #[api_error(code = "budget_exhausted")]
    Inherited,
    #[api_error(code = "private_gone", status = 410, message = "gone")]
    PrivateDefaults,
}

#[test]
fn type_overrides_and_defaults() {
    assert_eq!(Types::OpenAiOverride.openai_type(), "insufficient_quota");
    assert_eq!(
        Types::OpenAiOverride.anthropic_type(),
        ErrorCode::RateLimitExceeded.anthropic_type()
    );
    assert_eq!(
        Types::AnthropicOverride.anthropic_type(),
        "overloaded_error"
    );
    assert_eq!(
        Types::AnthropicOverride.openai_type(),
        ErrorCode::ServiceUnavailable.openai_type()
    );
    // The catalogue's own overrides come along with a canonical code.
    assert_eq!(Types::Inherited.anthropic_type(), "billing_error");
    assert!(!Types::Inherited.is_retryable());
    // A private code's types follow its status.
    assert_eq!(
        Types::PrivateDefaults.openai_type(),
        Format::OpenAi.default_type(410)
    );
    assert_eq!(
        Types::PrivateDefaults.anthropic_type(),
        Format::Anthropic.default_type(410)
    );
    let body = Types::AnthropicOverride.to_body(Format::Anthropic);
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["error"]["type"], "overloaded_error");
}
