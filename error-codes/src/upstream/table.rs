//! The translation table: provider × signal → canonical code, one row per
//! line, read top to bottom; the first row that matches decides.

use super::signals::Signals;
use super::Provider;
use crate::ErrorCode::{self, *};

/// What a row looks for.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Signal {
    /// One of the upstream's codes, types or status names is one of these
    /// (ASCII case-insensitive).
    Code(&'static [&'static str]),
    /// The provider's text contains one of these (case-insensitive).
    Text(&'static [&'static str]),
    /// The provider's text contains all of these (case-insensitive).
    TextAll(&'static [&'static str]),
    /// The provider's text names one of these features and says it is not
    /// supported ([`UNSUPPORTED`]).
    Unsupported(&'static [&'static str]),
    /// The HTTP status is one of these, whatever the body.
    Status(&'static [u16]),
    /// The HTTP status is one of these and the body is an error envelope
    /// (an HTML page or an empty body with this status says too little).
    EnvelopeStatus(&'static [u16]),
    /// Always: the last row.
    Always,
}

/// One row: for these providers (none listed: every provider), this
/// signal, this canonical code; and its evidence, the name of a case of
/// the upstream corpus (`tests/upstream-corpus/`, a real provider body)
/// that this row decides, checked by the tests.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row {
    pub(crate) providers: &'static [Provider],
    pub(crate) signal: Signal,
    pub(crate) canonical: ErrorCode,
    /// Read by the evidence test only.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) case: &'static str,
}

const ANY: &[Provider] = &[];
const GOOGLE: &[Provider] = &[Provider::Gemini, Provider::Vertex];

const fn row(
    providers: &'static [Provider],
    signal: Signal,
    canonical: ErrorCode,
    case: &'static str,
) -> Row {
    Row {
        providers,
        signal,
        canonical,
        case,
    }
}

use Signal::{Always, Code, EnvelopeStatus, Status, Text, TextAll, Unsupported};

/// How a provider says a feature is not supported (after `n't` is read as
/// ` not`).
const UNSUPPORTED: [&str; 2] = ["not support", "only supported"];

/// The table, most decisive signals first: the provider's own codes, then
/// its wording, then the HTTP status. Context-window wording comes before
/// `request_too_large` (a body too large *because* of its tokens is a
/// context error); generic codes (`invalid_request_error`,
/// `INVALID_ARGUMENT`, `ValidationException`, `api_error`) come after the
/// wording, which is more specific.
#[rustfmt::skip]
pub(crate) const TABLE: &[Row] = &[
    // 1. The provider's own codes, types and status names.
    row(ANY, Code(&["context_length_exceeded", "context_window_exceeded", "model_context_window_exceeded", "exceed_context_size_error"]), ContextLengthExceeded, "openai-context-length-exceeded-messages"),
    row(ANY, Code(&["content_filter", "content_policy_violation", "ResponsibleAIPolicyViolation", "content_filtered", "invalid_prompt", "SAFETY", "PROHIBITED_CONTENT", "data_inspection_failed"]), ContentFiltered, "openai-images-content-policy-violation"),
    row(ANY, Code(&["rate_limit_exceeded", "rate_limit_error", "RESOURCE_EXHAUSTED", "ThrottlingException", "TooManyRequestsException", "rate_limited", "too_many_requests"]), RateLimitExceeded, "openai-rate-limit-tpm-org-try-again-seconds"),
    row(ANY, Code(&["overloaded_error", "UNAVAILABLE", "ServiceUnavailableException", "ModelNotReadyException", "service_unavailable", "overloaded", "engine_overloaded"]), ModelUnavailable, "anthropic-overloaded-529"),
    row(ANY, Code(&["DEADLINE_EXCEEDED", "ModelTimeoutException", "timeout_error", "timeout", "request_timeout"]), UpstreamTimeout, "azure-408-operation-timeout"),
    row(ANY, Code(&["insufficient_quota", "billing_error", "billing_not_active", "billing_hard_limit_reached", "payment_required", "insufficient_balance", "insufficient_credits"]), UpstreamError, "openai-insufficient-quota"),
    row(ANY, Code(&["invalid_api_key", "authentication_error", "permission_error", "invalid_authentication", "PERMISSION_DENIED", "UNAUTHENTICATED", "API_KEY_INVALID", "AccessDeniedException", "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException", "IncompleteSignatureException", "unauthorized", "invalid_organization"]), UpstreamError, "openai-invalid-api-key-redacted-sk"),
    row(ANY, Code(&["model_not_found", "DeploymentNotFound", "model_decommissioned", "model_not_available"]), ModelNotFound, "openai-model-not-found"),
    row(GOOGLE, Code(&["NOT_FOUND"]), ModelNotFound, "gemini-404-model-not-found-v1beta"),
    row(&[Provider::Anthropic], Code(&["not_found_error"]), ModelNotFound, "anthropic-model-not-found"),
    row(&[Provider::Bedrock], Code(&["ResourceNotFoundException"]), ModelNotFound, "bedrock-resource-not-found-foundation-model"),
    row(ANY, Code(&["missing_required_parameter", "missing"]), MissingRequiredParameter, "openai-missing-required-parameter-messages"),
    row(&[Provider::Azure], Code(&["OperationNotSupported"]), NoCompatibleEndpoint, "azure-operation-not-supported-embedding-deployment"),
    row(ANY, Code(&["unknown_parameter", "unrecognized_field", "extra_forbidden"]), UnknownField, "mistral-422-extra-forbidden-in-object-error"),
    row(ANY, Code(&["invalid_value", "string_above_max_length", "array_above_max_length", "integer_above_max_value", "integer_below_min_value", "decimal_above_max_value", "decimal_below_min_value", "less_than_equal", "greater_than_equal", "less_than", "greater_than"]), InvalidParameterValue, "openai-string-above-max-length"),
    // 2. Context-window wording, before the size code it may come with.
    row(ANY, Text(&["context length", "context window", "context_length", "maximum context", "prompt is too long", "prompt too long", "input is too long", "exceed context limit", "input token count", "too many input tokens", "reduce the length", "maximum input length", "context size"]), ContextLengthExceeded, "anthropic-prompt-too-long"),
    row(ANY, Code(&["request_too_large", "payload_too_large", "RequestEntityTooLarge"]), PayloadTooLarge, "openai-413-request-too-large"),
    // 3. The provider's wording.
    row(ANY, Text(&["content management policy", "content policy", "safety system", "content filter", "usage policies", "usage policy", "flagged as", "responsible ai", "safety settings", "content exists risk"]), ContentFiltered, "openai-safety-system-rejected"),
    row(ANY, Text(&["credit balance", "insufficient balance", "insufficient credits", "more credits", "exceeded your current quota", "billing", "payment required"]), UpstreamError, "anthropic-credit-balance-too-low"),
    row(ANY, Text(&["invalid api key", "incorrect api key", "api key not valid", "invalid x-api-key", "unauthorized", "permission denied", "not authorized", "access denied", "security token"]), UpstreamError, "azure-invalid-subscription-key"),
    row(ANY, Text(&["rate limit", "ratelimit", "rate_limit", "too many requests", "throttl", "requests per minute", "tokens per minute"]), RateLimitExceeded, "azure-token-rate-limit-retry-after-86400-seconds"),
    row(ANY, Text(&["overloaded", "capacity", "server is busy", "high demand", "peak load", "temporarily unavailable", "currently unavailable"]), ModelUnavailable, "openai-model-overloaded-503"),
    row(ANY, Text(&["timed out", "timeout", "deadline exceeded"]), UpstreamTimeout, "openai-524-cf-gateway-timeout-json"),
    row(ANY, Unsupported(&["tool_choice", "toolchoice"]), ToolChoiceRequiredNotSupported, "bedrock-converse-tool-choice-any-not-supported"),
    row(ANY, Unsupported(&["json_schema", "structured output"]), StructuredOutputNotSupported, "openai-json-schema-not-supported-with-model"),
    row(ANY, Unsupported(&["json mode", "json_object"]), JsonModeNotSupported, "openai-json-object-not-supported-with-model"),
    row(ANY, Unsupported(&["reasoning", "thinking"]), ReasoningNotSupported, "mlx-server-stream-error-bare-string"),
    row(ANY, Unsupported(&["image", "vision"]), VisionNotSupported, "openai-image-url-not-supported-by-model"),
    row(ANY, Text(&["unknown variant `image_url`"]), VisionNotSupported, "deepseek-unknown-variant-image-url"),
    row(ANY, Unsupported(&["tool", "function calling"]), ToolsNotSupported, "bedrock-converse-tool-use-not-supported"),
    row(ANY, Text(&["endpoints found that support tool"]), ToolsNotSupported, "openrouter-404-no-endpoints-support-tool-use"),
    row(ANY, Text(&["only supports streaming", "only support stream", "requires streaming", "streaming is required"]), NonStreamingNotSupported, "dashscope-only-stream-mode"),
    row(ANY, Unsupported(&["stream"]), StreamingNotSupported, "openai-stream-not-supported-o1"),
    row(ANY, Unsupported(&["modalit", "audio"]), UnsupportedModalities, "gemini-400-response-modalities-not-supported"),
    row(ANY, Text(&["model not found", "model_not_found", "no such model", "unknown model", "invalid model", "model identifier is invalid", "not a valid model", "does not exist", "decommissioned", "is not found", "no endpoints found", "deployment for this resource does not exist"]), ModelNotFound, "bedrock-model-identifier-invalid-body-only"),
    row(ANY, TextAll(&["model", "not found"]), ModelNotFound, "ollama-native-model-not-found"),
    row(ANY, Text(&["missing required", "field required", "is required", "required parameter", "must be provided"]), MissingRequiredParameter, "anthropic-max-tokens-field-required"),
    row(ANY, Text(&["unrecognized request argument", "extra inputs are not permitted", "unknown parameter", "unknown field", "unknown name", "unrecognized field", "additional properties", "unexpected keyword", "extraneous key", "not permitted"]), UnknownField, "openai-unrecognized-request-argument"),
    row(ANY, Text(&["invalid value", "must be less than", "must be greater", "must be between", "less than or equal", "greater than or equal", "out of range", "maximum allowed", "is too large", "must be one of", "should have at most", "string too long"]), InvalidParameterValue, "anthropic-max-tokens-over-model-limit"),
    row(ANY, Text(&["request entity too large", "payload too large", "request too large", "body too large", "payload size"]), PayloadTooLarge, "gemini-400-request-payload-size-exceeds-limit"),
    // 4. Generic codes: what kind of failure, not which.
    row(ANY, Code(&["FAILED_PRECONDITION"]), UpstreamError, "gemini-400-user-location-not-supported"),
    row(ANY, Code(&["unsupported_parameter"]), UnknownField, "openai-unsupported-parameter-max-tokens"),
    row(ANY, Code(&["unsupported_value"]), InvalidParameterValue, "openai-unsupported-value-temperature"),
    row(ANY, Code(&["invalid_request_error", "invalid_request", "INVALID_ARGUMENT", "OUT_OF_RANGE", "ValidationException", "BadRequest", "bad_request", "value_error", "json_invalid"]), InvalidRequest, "openai-invalid-type-image-url"),
    row(ANY, Code(&["api_error", "server_error", "internal_error", "INTERNAL", "UNKNOWN", "DATA_LOSS", "InternalServerException", "ModelErrorException", "ModelStreamErrorException"]), UpstreamError, "openai-responses-response-failed"),
    // 5. The HTTP status.
    row(ANY, Status(&[408, 504, 524]), UpstreamTimeout, "cloudflare-524-timeout-html"),
    row(ANY, Status(&[413]), PayloadTooLarge, "gemini-413-plain-text-body-size"),
    row(ANY, Status(&[429]), RateLimitExceeded, "openai-429-empty-body"),
    row(ANY, Status(&[401, 402, 403]), UpstreamError, "mistral-401-empty-body"),
    row(ANY, EnvelopeStatus(&[400, 422]), InvalidRequest, "openrouter-400-provider-returned-error-nested-raw"),
    row(ANY, Always, UpstreamError, "nginx-502-bad-gateway-html"),
];

/// The first row of [`TABLE`] that matches, and its index.
pub(crate) fn classify(provider: Provider, signals: &Signals) -> (ErrorCode, usize) {
    let text = if signals.envelope {
        format!("{}\n{}", signals.message, signals.extra_text)
            .to_lowercase()
            .replace("n't ", " not ")
    } else {
        String::new()
    };
    TABLE
        .iter()
        .enumerate()
        .find(|(_, row)| {
            (row.providers.is_empty() || row.providers.contains(&provider))
                && matches(row.signal, signals, &text)
        })
        .map_or((UpstreamError, TABLE.len() - 1), |(index, row)| {
            (row.canonical, index)
        })
}

fn matches(signal: Signal, signals: &Signals, text: &str) -> bool {
    match signal {
        Code(codes) => signals
            .codes
            .iter()
            .any(|found| codes.iter().any(|code| code.eq_ignore_ascii_case(found))),
        Text(needles) => needles.iter().any(|needle| text.contains(needle)),
        TextAll(needles) => needles.iter().all(|needle| text.contains(needle)),
        Unsupported(features) => {
            features.iter().any(|feature| text.contains(feature))
                && UNSUPPORTED.iter().any(|marker| text.contains(marker))
        }
        Status(statuses) => statuses.contains(&signals.status),
        EnvelopeStatus(statuses) => signals.envelope && statuses.contains(&signals.status),
        Always => true,
    }
}
