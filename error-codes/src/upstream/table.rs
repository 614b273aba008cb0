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
    /// The body reports content filter results (Azure).
    ContentFilterResults,
    /// The HTTP status is one of these, whatever the body.
    Status(&'static [u16]),
    /// The HTTP status is one of these and the body is an error envelope
    /// (an HTML page or an empty body with this status says too little).
    EnvelopeStatus(&'static [u16]),
    /// Always: the last row.
    Always,
}

/// One row: for these providers (none listed: every provider), this
/// signal, this canonical code.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row {
    pub(crate) providers: &'static [Provider],
    pub(crate) signal: Signal,
    pub(crate) canonical: ErrorCode,
}

const ANY: &[Provider] = &[];
const GOOGLE: &[Provider] = &[Provider::Gemini, Provider::Vertex];

const fn row(providers: &'static [Provider], signal: Signal, canonical: ErrorCode) -> Row {
    Row {
        providers,
        signal,
        canonical,
    }
}

use Signal::{Always, Code, ContentFilterResults, EnvelopeStatus, Status, Text, TextAll};

/// The table, most decisive signals first: the provider's own codes, then
/// its wording, then the HTTP status. Context-window wording comes before
/// `request_too_large` (a body too large *because* of its tokens is a
/// context error); generic codes (`invalid_request_error`,
/// `INVALID_ARGUMENT`, `ValidationException`, `api_error`) come after the
/// wording, which is more specific.
#[rustfmt::skip]
pub(crate) const TABLE: &[Row] = &[
    // 1. The provider's own codes, types and status names.
    row(ANY, Code(&["context_length_exceeded", "context_window_exceeded", "model_context_window_exceeded"]), ContextLengthExceeded),
    row(ANY, Code(&["content_filter", "content_policy_violation", "ResponsibleAIPolicyViolation", "content_filtered", "invalid_prompt", "SAFETY", "PROHIBITED_CONTENT", "data_inspection_failed"]), ContentFiltered),
    row(ANY, ContentFilterResults, ContentFiltered),
    row(ANY, Code(&["rate_limit_exceeded", "rate_limit_error", "RESOURCE_EXHAUSTED", "ThrottlingException", "TooManyRequestsException", "rate_limited", "too_many_requests"]), RateLimitExceeded),
    row(ANY, Code(&["overloaded_error", "UNAVAILABLE", "ServiceUnavailableException", "ModelNotReadyException", "service_unavailable", "overloaded", "engine_overloaded"]), ModelUnavailable),
    row(ANY, Code(&["DEADLINE_EXCEEDED", "ModelTimeoutException", "timeout_error", "timeout", "request_timeout"]), UpstreamTimeout),
    row(ANY, Code(&["insufficient_quota", "billing_error", "billing_not_active", "billing_hard_limit_reached", "payment_required", "insufficient_balance", "insufficient_credits"]), UpstreamError),
    row(ANY, Code(&["invalid_api_key", "authentication_error", "permission_error", "invalid_authentication", "PERMISSION_DENIED", "UNAUTHENTICATED", "API_KEY_INVALID", "AccessDeniedException", "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException", "IncompleteSignatureException", "unauthorized", "invalid_organization"]), UpstreamError),
    row(ANY, Code(&["model_not_found", "DeploymentNotFound", "model_decommissioned", "model_not_available"]), ModelNotFound),
    row(GOOGLE, Code(&["NOT_FOUND"]), ModelNotFound),
    row(&[Provider::Anthropic], Code(&["not_found_error"]), ModelNotFound),
    row(&[Provider::Bedrock], Code(&["ResourceNotFoundException"]), ModelNotFound),
    row(ANY, Code(&["missing_required_parameter", "missing"]), MissingRequiredParameter),
    row(ANY, Code(&["unknown_parameter", "unrecognized_field", "extra_forbidden"]), UnknownField),
    row(ANY, Code(&["invalid_value", "unsupported_value", "integer_above_max_value", "integer_below_min_value", "decimal_above_max_value", "decimal_below_min_value", "less_than_equal", "greater_than_equal", "less_than", "greater_than"]), InvalidParameterValue),
    // 2. Context-window wording, before the size code it may come with.
    row(ANY, Text(&["context length", "context window", "context_length", "maximum context", "prompt is too long", "prompt too long", "input is too long", "exceed context limit", "input token count", "too many input tokens", "reduce the length", "maximum input length"]), ContextLengthExceeded),
    row(ANY, Code(&["request_too_large", "payload_too_large", "RequestEntityTooLarge"]), PayloadTooLarge),
    // 3. The provider's wording.
    row(ANY, Text(&["content management policy", "content policy", "safety system", "content filter", "usage policies", "usage policy", "flagged as", "responsible ai", "safety settings"]), ContentFiltered),
    row(ANY, Text(&["credit balance", "insufficient balance", "insufficient credits", "more credits", "exceeded your current quota", "billing", "payment required"]), UpstreamError),
    row(ANY, Text(&["invalid api key", "incorrect api key", "api key not valid", "invalid x-api-key", "unauthorized", "permission denied", "not authorized", "access denied", "security token"]), UpstreamError),
    row(ANY, Text(&["rate limit", "ratelimit", "rate_limit", "too many requests", "throttl", "requests per minute", "tokens per minute"]), RateLimitExceeded),
    row(ANY, Text(&["overloaded", "capacity", "server is busy", "temporarily unavailable", "currently unavailable"]), ModelUnavailable),
    row(ANY, Text(&["timed out", "timeout", "deadline exceeded"]), UpstreamTimeout),
    row(ANY, TextAll(&["tools", "structured output", "not support"]), ToolsWithStructuredOutputNotSupported),
    row(ANY, TextAll(&["tool_choice", "not support"]), ToolChoiceRequiredNotSupported),
    row(ANY, TextAll(&["json_schema", "not support"]), StructuredOutputNotSupported),
    row(ANY, TextAll(&["structured output", "not support"]), StructuredOutputNotSupported),
    row(ANY, TextAll(&["json mode", "not support"]), JsonModeNotSupported),
    row(ANY, TextAll(&["json_object", "not support"]), JsonModeNotSupported),
    row(ANY, TextAll(&["thinking", "disabl", "not support"]), ThinkingDisableNotSupported),
    row(ANY, TextAll(&["reasoning", "not support"]), ReasoningNotSupported),
    row(ANY, TextAll(&["thinking", "not support"]), ReasoningNotSupported),
    row(ANY, TextAll(&["image", "not support"]), VisionNotSupported),
    row(ANY, TextAll(&["vision", "not support"]), VisionNotSupported),
    row(ANY, TextAll(&["tool", "not support"]), ToolsNotSupported),
    row(ANY, TextAll(&["function calling", "not support"]), ToolsNotSupported),
    row(ANY, TextAll(&["endpoints found that support tool"]), ToolsNotSupported),
    row(ANY, Text(&["only supports streaming", "only support stream", "requires streaming", "streaming is required"]), NonStreamingNotSupported),
    row(ANY, TextAll(&["stream", "not support"]), StreamingNotSupported),
    row(ANY, TextAll(&["modalit", "not support"]), UnsupportedModalities),
    row(ANY, TextAll(&["audio", "not support"]), UnsupportedModalities),
    row(ANY, Text(&["model not found", "model_not_found", "no such model", "unknown model", "invalid model", "model identifier is invalid", "does not exist", "decommissioned", "is not found", "no endpoints found", "deployment for this resource does not exist"]), ModelNotFound),
    row(ANY, Text(&["missing required", "field required", "is required", "required parameter", "must be provided"]), MissingRequiredParameter),
    row(ANY, Text(&["unrecognized request argument", "extra inputs are not permitted", "unknown parameter", "unknown field", "unknown name", "unrecognized field", "additional properties", "unexpected keyword"]), UnknownField),
    row(ANY, Text(&["invalid value", "must be less than", "must be greater", "must be between", "less than or equal", "greater than or equal", "out of range", "maximum allowed", "is too large", "must be one of"]), InvalidParameterValue),
    row(ANY, Text(&["request entity too large", "payload too large", "request too large", "body too large"]), PayloadTooLarge),
    // 4. Generic codes: what kind of failure, not which.
    row(ANY, Code(&["FAILED_PRECONDITION"]), UpstreamError),
    row(ANY, Code(&["invalid_request_error", "invalid_request", "INVALID_ARGUMENT", "OUT_OF_RANGE", "ValidationException", "BadRequest", "bad_request", "unsupported_parameter", "value_error", "json_invalid"]), InvalidRequest),
    row(ANY, Code(&["api_error", "server_error", "internal_error", "INTERNAL", "UNKNOWN", "DATA_LOSS", "InternalServerException", "ModelErrorException", "ModelStreamErrorException"]), UpstreamError),
    // 5. The HTTP status.
    row(ANY, Status(&[408, 504, 524]), UpstreamTimeout),
    row(ANY, Status(&[413]), PayloadTooLarge),
    row(ANY, Status(&[429]), RateLimitExceeded),
    row(ANY, Status(&[529]), ModelUnavailable),
    row(ANY, Status(&[401, 402, 403]), UpstreamError),
    row(ANY, EnvelopeStatus(&[404]), ModelNotFound),
    row(ANY, EnvelopeStatus(&[400, 422]), InvalidRequest),
    row(ANY, Always, UpstreamError),
];

/// The first row of [`TABLE`] that matches, and its index.
pub(crate) fn classify(provider: Provider, signals: &Signals) -> (ErrorCode, usize) {
    let text = format!("{}\n{}", signals.message, signals.extra_text).to_lowercase();
    let text = if signals.envelope {
        text
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
        ContentFilterResults => signals.content_filter,
        Status(statuses) => statuses.contains(&signals.status),
        EnvelopeStatus(statuses) => signals.envelope && statuses.contains(&signals.status),
        Always => true,
    }
}
