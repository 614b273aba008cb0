//! The translation table: provider × signal → canonical code (and, where
//! it differs from the code's, a disposition), one row per line, read top
//! to bottom; the first row that matches decides. Each row names the case
//! of the upstream corpus (`tests/upstream-corpus/`) it decides, which the
//! tests check.

use super::codes::*;
use super::param;
use super::signals::Signals;
use super::words::Wording;
use super::{Disposition, Provider};
use crate::ErrorCode::{self, *};

/// What a row looks for.
#[derive(Clone, Copy, Debug)]
pub(crate) enum When {
    /// The body carries a moderation verdict (flagged input, reasons,
    /// filtered content filter results, a blocked prompt).
    Moderation,
    /// One of the upstream's codes, types, status names, reasons or
    /// exceptions is one of these (exactly: see `codes.rs`).
    Code(&'static [&'static str]),
    /// The provider's wording says one of these phrases (see `words.rs`).
    Says(&'static [&'static str]),
    /// One sentence makes one of the claims (first) about one of the
    /// subjects (second), which may be quoted names.
    SaysOf(&'static [&'static str], &'static [&'static str]),
    /// A feature named (one of these) and said to be missing ([`LACKS`]).
    Lacks(&'static [&'static str]),
    /// Two features named (one of each) and said not to go together.
    LacksTogether(&'static [&'static str], &'static [&'static str]),
    /// The message names a member of the request (`messages[3].reasoning:
    /// ...`) and says that member is not supported: the member is
    /// rejected, whatever feature its name recalls.
    MemberLacks,
    /// The HTTP status is one of these, whatever the body.
    Status(&'static [u16]),
    /// The HTTP status is one of these and the body is an error envelope.
    EnvelopeStatus(&'static [u16]),
    /// Always: the last row.
    Always,
}

/// One row: for these providers (none listed: every provider; a relayed
/// provider counts), this signal, this canonical code and disposition
/// (`None`: the code's own, [`Disposition::of`]); and its evidence: a case
/// of the upstream corpus this row decides (`held-out: name` for a row
/// written after the held-out side was first measured), or (`vocabulary:
/// provider field value`) a row of `vocabulary.tsv`, the provider's
/// documented value, that it decides.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row {
    pub(crate) providers: &'static [Provider],
    pub(crate) when: When,
    pub(crate) canonical: ErrorCode,
    pub(crate) disposition: Option<Disposition>,
    /// Read by the evidence test only.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) case: &'static str,
}

const ANY: &[Provider] = &[];
const GOOGLE: &[Provider] = &[Provider::Gemini, Provider::Vertex];
use Provider::{Anthropic, Azure, Bedrock, DeepSeek, Gemini, Groq, Mistral, OpenAi, OpenRouter};

const fn row(
    providers: &'static [Provider],
    when: When,
    canonical: ErrorCode,
    case: &'static str,
) -> Row {
    Row {
        providers,
        when,
        canonical,
        disposition: None,
        case,
    }
}

impl Row {
    /// The row, with another provider to try rather than the code's own
    /// disposition: this provider cannot serve the request (the gateway's
    /// account, region, a deployment or operation it lacks).
    const fn elsewhere(self) -> Row {
        Row {
            disposition: Some(Disposition::TryAnotherProvider),
            ..self
        }
    }
}

use When::{
    Always, Code, EnvelopeStatus, Lacks, LacksTogether, MemberLacks, Moderation, Says, SaysOf,
    Status,
};

/// How providers say a model lacks a feature: the claims of
/// [`When::Lacks`].
#[rustfmt::skip]
const LACKS: &[&str] = &[
    "not support*", "unsupported", "not enabled", "not available", "only support*", "only available",
    "can not be set", "can not be used", "can not use", "not compatible", "incompatible", "does not work with",
    "unknown variant", "no endpoints found that support", "may not be enabled", "can not be enabled",
    "can not be combined", "can not be used together", "not allowed together", "at the same time", "unavailable",
];

/// Providers' names for tools and for JSON output, as subjects of
/// [`When::Lacks`].
#[rustfmt::skip]
const TOOLS: &[&str] = &[
    "tool", "tools", "tool_use", "tool use", "tool calling", "tool calls", "function calling", "function call",
    "function calls", "functions", "function_call*", "tool/function",
];
#[rustfmt::skip]
const JSON_OUTPUT: &[&str] = &[
    "json_schema", "json schema", "structured output*", "structured_output*", "response_schema", "responseschema",
    "json mode", "json_object", "json output", "response_format", "response_mime_type", "response mime type",
    "application/json",
];

/// The table, most decisive signals first: structure, moderation, the
/// status that means the gateway's account (401, 402, 403), the account's
/// codes and its unmistakable words, the provider's specific codes, the
/// context window, the request's parameters by code and in words,
/// features in words, transient failures in words, other request errors
/// in words, generic codes (`invalid_request_error`, `INVALID_ARGUMENT`,
/// `ValidationException`, `api_error`), and the HTTP status last.
#[rustfmt::skip]
pub(crate) const TABLE: &[Row] = &[
    // 1. Moderation: a verdict in the body, the provider's codes, its words.
    row(ANY, Moderation, ContentFiltered, "openrouter-403-moderation-flagged-harassment"),
    row(&[OpenRouter], Code(&["invalid_prompt"]), InvalidRequest, "vocabulary: openrouter type invalid_prompt"),
    row(&[OpenRouter], Status(&[403]), ContentFiltered, "vocabulary: openrouter numeric 403"),
    row(ANY, Code(CONTENT), ContentFiltered, "openai-images-content-policy-violation"),
    row(ANY, Says(&[
        "content management policy", "content policy", "safety system", "content filter*", "usage polic*",
        "flagged as", "was flagged", "flagged for", "responsible ai", "safety settings", "content exists risk",
        "prohibited content", "inappropriate content", "sensitive content", "moderation block",
    ]), ContentFiltered, "openai-safety-system-rejected"),
    // 2. A provider's 401, 402 or 403 is the gateway's account, unless the
    // body said moderation (above).
    row(ANY, Status(&[401, 402, 403]), UpstreamError, "mistral-401-empty-body").elsewhere(),
    // 3. The provider cannot serve the request for the gateway (its
    // account, key, organization, billing, region): the provider's codes
    // for it, then words no client request causes, whatever the code
    // (`unsupported_value`, `rate_limit_error`).
    row(&[DeepSeek], Code(&["unknown_error"]), UpstreamError, "vocabulary: deepseek type unknown_error").elsewhere(),
    row(ANY, Code(ELSEWHERE), UpstreamError, "gemini-400-api-key-invalid-array-wrapped").elsewhere(),
    row(ANY, Says(&[
        "invalid api key", "incorrect api key", "api key not valid", "api key .. invalid", "api key .. expired",
        "api key .. revoked", "api key .. disabled", "no api key", "invalid x-api-key", "subscription key",
        "authentication fail*", "invalid authentication", "unauthori*", "not authori*", "permission denied",
        "access denied", "security token", "consumer .. suspended", "organization must be verified",
        "organization .. not verified", "member of an organization", "organization .. disabled",
        "organization .. deactivated", "organization .. suspended", "organization .. restricted",
        "account .. not active", "account .. inactive", "account .. deactivated", "account .. disabled",
        "account .. suspended", "account .. restricted", "disabled in this account", "terms of service",
        "has not been used in project", "extra usage", "usage limits", "credit balance", "insufficient balance",
        "insufficient credits", "insufficient funds", "more credits", "purchase credits", "data policy",
        "location is not supported", "not available in your country",
    ]), UpstreamError, "anthropic-credit-balance-too-low").elsewhere(),
    // 4. The provider's specific codes.
    row(ANY, Code(CONTEXT), ContextLengthExceeded, "openai-context-length-exceeded-messages"),
    row(&[Mistral], Code(&["1300"]), RateLimitExceeded, "vocabulary: mistral numeric 1300"),
    row(ANY, Code(RATE), RateLimitExceeded, "openai-rate-limit-tpm-org-try-again-seconds"),
    row(ANY, Code(OVERLOAD), ModelUnavailable, "anthropic-overloaded-529"),
    row(ANY, Code(TIMEOUT), UpstreamTimeout, "azure-408-operation-timeout"),
    row(&[Gemini], Code(&["not_found"]), ResourceNotFound, "vocabulary: gemini code not_found"),
    row(ANY, Code(RESOURCE_NOT_FOUND), ResourceNotFound, "vocabulary: openai code response_not_found"),
    row(ANY, SaysOf(&["not support*", "unsupported", "not available"], &["responses api", "/v1/responses", "v1/responses"]), NoResponsesEndpoint, "held-out: oneapi-relay-400-model-not-supported-with-responses-api"),
    row(&[Mistral], Code(&["1500"]), ModelNotFound, "mistral-invalid-model-1500"),
    row(ANY, Code(MODEL_NOT_FOUND), ModelNotFound, "openai-model-not-found"),
    row(GOOGLE, Code(&["NOT_FOUND"]), ModelNotFound, "gemini-404-model-not-found-v1beta"),
    row(&[Anthropic, Provider::OpenAiCompatible], Code(&["not_found_error"]), ModelNotFound, "anthropic-model-not-found"),
    row(&[Bedrock], Code(&["ResourceNotFoundException"]), ModelNotFound, "bedrock-resource-not-found-foundation-model"),
    row(&[Azure], Code(&["OperationNotSupported"]), NoCompatibleEndpoint, "azure-operation-not-supported-embedding-deployment").elsewhere(),
    row(ANY, Code(&["wrong_endpoint"]), NoCompatibleEndpoint, "vocabulary: openrouter code wrong_endpoint"),
    row(ANY, Code(CANCELLED), ClientDisconnected, "vocabulary: gemini status CANCELLED"),
    row(ANY, Code(&["ALREADY_EXISTS", "already_exists"]), DuplicateResource, "vocabulary: gemini status ALREADY_EXISTS"),
    row(ANY, Code(&["ConflictException"]), IdempotencyConflict, "vocabulary: bedrock exception ConflictException"),
    row(ANY, Code(&["response_already_completed", "precondition_failed"]), StatePreconditionFailed, "vocabulary: openrouter type precondition_failed"),
    // 5. The context window in words, before the size code it may come
    // with; then sizes.
    row(ANY, Says(&[
        "context length", "context window", "context_length", "context size", "context limit", "maximum context",
        "exceed* context", "prompt is too long", "prompt too long", "input is too long", "input too long",
        "input token count", "too many input tokens", "reduce the length", "maximum input length",
        "maximum model length", "maximum prompt length", "input tokens exceed",
    ]), ContextLengthExceeded, "anthropic-prompt-too-long"),
    row(ANY, Code(PAYLOAD), PayloadTooLarge, "openai-413-request-too-large"),
    // 6. The request's parameters, by the provider's code or its words:
    // the parameter must change, whatever feature its name recalls.
    // Streaming itself said to be unsupported (not tool use "in streaming
    // mode"): `'stream' does not support true`.
    row(ANY, SaysOf(&["not support true", "not supported", "unsupported", "not available", "not enabled", "does not support streaming"], &["stream", "streaming"]), StreamingNotSupported, "openai-stream-not-supported-o1"),
    row(ANY, Code(MISSING), MissingRequiredParameter, "openai-missing-required-parameter-messages"),
    row(ANY, Code(UNKNOWN_FIELD), UnknownField, "openai-unsupported-parameter-max-tokens"),
    row(ANY, Code(BAD_VALUE), InvalidParameterValue, "openai-unsupported-value-temperature"),
    row(ANY, Says(&[
        "unrecogni* request argument*", "extra inputs are not permitted", "unknown parameter", "unknown field",
        "unknown name", "unknown argument", "unrecogni* field", "unrecogni* parameter", "unrecogni* key",
        "additional propert*", "unexpected keyword", "unexpected field", "unexpected parameter", "extraneous key",
        "not a valid parameter", "unsupported parameter", "property .. unsupported", "property .. not supported",
        "property .. not allowed", "unsupported property", "unknown property",
    ]), UnknownField, "openai-unrecognized-request-argument"),
    row(ANY, MemberLacks, UnknownField, "groq-400-messages-reasoning-not-supported-with-model"),
    // 7. Features a model lacks, in words: the most specific first.
    row(ANY, Says(&[
        "thinking* .. can not be disabled", "reasoning .. can not be disabled", "can not disable thinking",
        "disabling thinking", "disabling reasoning", "only work* in thinking mode", "budget 0", "*budget to 0",
        "*budget of 0", "thinking is mandatory", "reasoning is mandatory",
    ]), ThinkingDisableNotSupported, "gemini-400-budget-0-invalid-only-thinking-mode"),
    row(ANY, Lacks(&["web_search*", "web search", "code_interpreter", "code interpreter", "file_search", "computer_use*", "computer use", "hosted tool*", "built-in tool*", "google_search*", "url_context", "code_execution", "code execution"]), HostedToolNotSupported, "azure-400-hosted-tool-web-search-preview-gpt-5"),
    row(ANY, LacksTogether(JSON_OUTPUT, TOOLS), ToolsWithStructuredOutputNotSupported, "groq-400-json-object-cannot-combine-with-tools"),
    row(ANY, Lacks(&["tool_choice", "toolchoice", "toolconfig.toolchoice*", "forced tool*", "forces tool*", "function calling mode", "function_calling_config"]), ToolChoiceRequiredNotSupported, "bedrock-converse-tool-choice-any-not-supported"),
    row(ANY, Says(&["only support* stream*", "requires stream*", "stream* is required", "stream* mode .. required"]), NonStreamingNotSupported, "dashscope-only-stream-mode"),
    row(ANY, Lacks(&["json mode", "json_object", "json output"]), JsonModeNotSupported, "openai-json-object-not-supported-with-model"),
    row(ANY, Lacks(&["json_schema", "json schema", "structured output*", "structured_output*", "response_schema", "responseschema", "response_format"]), StructuredOutputNotSupported, "openai-json-schema-not-supported-with-model"),
    row(ANY, Lacks(&["reasoning*", "thinking*", "extended thinking"]), ReasoningNotSupported, "mlx-server-stream-error-bare-string"),
    row(ANY, Lacks(&["image*", "vision", "multimodal", "multi-modal", "input_image"]), VisionNotSupported, "openai-image-url-not-supported-by-model"),
    row(ANY, Lacks(TOOLS), ToolsNotSupported, "bedrock-converse-tool-use-not-supported"),
    row(ANY, Lacks(&["modalit*", "audio", "response_modalities"]), UnsupportedModalities, "gemini-400-response-modalities-not-supported"),
    // 8. Transient failures in words.
    row(ANY, Says(&["rate limit*", "ratelimit*", "rate_limit*", "rate-limit*", "too many requests", "throttl*", "requests per minute", "tokens per minute", "quota exceeded"]), RateLimitExceeded, "azure-token-rate-limit-retry-after-86400-seconds"),
    row(ANY, Says(&["overloaded", "capacity", "server is busy", "high demand", "peak load", "temporarily unavailable", "currently unavailable", "too many connections"]), ModelUnavailable, "openai-model-overloaded-503"),
    // 9. Other request errors in words.
    row(ANY, Says(&["on-demand throughput", "model .. not found", "model not found", "no such model", "unknown model", "invalid model", "model identifier is invalid", "not a valid model", "model .. does not exist", "model .. was not found", "model .. decommissioned", "model .. deprecated", "is not found", "deployment .. does not exist", "model not exist"]), ModelNotFound, "bedrock-model-identifier-invalid-body-only"),
    row(ANY, Says(&["no endpoints found"]), NoProviderAvailable, "openrouter-404-no-endpoints-for-free-model-slug"),
    row(ANY, Says(&["action .. not support* .. model", "operation .. not work with .. model", "endpoint .. not support* .. model", "no route matched"]), NoCompatibleEndpoint, "bedrock-converse-400-action-doesnt-support-embedding-model"),
    row(ANY, Says(&[
        "missing required", "field required", "is required", "are required", "required parameter", "required field",
        "required property", "must be provided", "must provide", "must be specified", "must specify", "is missing",
        "missing field", "must include", "must have either", "must have at least", "must contain at least",
    ]), MissingRequiredParameter, "anthropic-max-tokens-field-required"),
    row(ANY, Says(&[
        "invalid .. value", "must be less than", "must be greater", "must be between", "must be at most",
        "must be at least", "less than or equal", "greater than or equal", "out of range", "valid range",
        "maximum allowed", "is too large", "must be one of", "should be one of", "expected one of",
        "supported values", "should have at most", "string too long", "is not one of", "input should be",
        "use a valid", "must be a valid", "is invalid", "is not valid", "but must be",
    ]), InvalidParameterValue, "anthropic-max-tokens-over-model-limit"),
    row(ANY, Says(&["request entity too large", "payload too large", "request too large", "body too large", "payload size", "request size", "body size"]), PayloadTooLarge, "gemini-400-request-payload-size-exceeds-limit"),
    row(ANY, Says(&["failed to deserialize", "failed to parse", "could not parse", "invalid json", "malformed json"]), InvalidRequest, "deepseek-422-plain-text-untagged-enum-content"),
    // 10. Generic codes: what kind of failure, not which.
    row(ANY, Code(&["FAILED_PRECONDITION", "failed_precondition"]), UpstreamError, "vertex-400-project-not-allowed-publisher-model").elsewhere(),
    row(ANY, Code(&["invalid_parameter_error", "OUT_OF_RANGE", "out_of_range"]), InvalidParameterValue, "vocabulary: gemini status OUT_OF_RANGE"),
    row(ANY, Code(INVALID_REQUEST), InvalidRequest, "openai-invalid-type-image-url"),
    row(ANY, Code(SERVER), UpstreamError, "openai-responses-response-failed"),
    // 11. The HTTP status, and what each provider documents it to mean.
    row(ANY, Status(&[408, 504, 522, 524]), UpstreamTimeout, "cloudflare-524-timeout-html"),
    row(ANY, Status(&[413]), PayloadTooLarge, "nginx-413-request-entity-too-large-html"),
    row(ANY, Status(&[429]), RateLimitExceeded, "openai-429-empty-body"),
    row(ANY, Status(&[499]), ClientDisconnected, "vocabulary: groq http 499"),
    row(ANY, Status(&[526]), UpstreamError, "vocabulary: openai_compatible http 526").elsewhere(),
    row(&[Azure], Status(&[404]), UpstreamError, "vocabulary: azure numeric 404").elsewhere(),
    row(&[Anthropic, Mistral, Groq, OpenRouter], EnvelopeStatus(&[404]), ModelNotFound, "vocabulary: anthropic http 404"),
    row(&[OpenRouter], Status(&[412]), StatePreconditionFailed, "vocabulary: openrouter numeric 412"),
    row(&[OpenRouter], Status(&[503]), ModelUnavailable, "vocabulary: openrouter numeric 503").elsewhere(),
    row(&[OpenAi, Mistral, Groq, DeepSeek], Status(&[503]), ModelUnavailable, "vocabulary: openai http 503"),
    row(&[Groq], Status(&[498]), ModelUnavailable, "vocabulary: groq http 498"),
    row(ANY, Status(&[529]), ModelUnavailable, "vocabulary: anthropic http 529"),
    row(&[DeepSeek], EnvelopeStatus(&[422]), InvalidParameterValue, "vocabulary: deepseek http 422"),
    row(ANY, EnvelopeStatus(&[400, 422, 424]), InvalidRequest, "mistral-400-code-3230-unexpected-role-after-tool"),
    row(ANY, Always, UpstreamError, "nginx-502-bad-gateway-html"),
];

/// What the table reads of one error.
pub(crate) struct Reading<'a> {
    pub(crate) provider: Provider,
    pub(crate) signals: &'a Signals,
    /// The provider's wording, empty when the body is no error envelope
    /// (an HTML page, plain text: the status says more than their words).
    pub(crate) wording: Wording,
}

impl Reading<'_> {
    pub(crate) fn new(provider: Provider, signals: &Signals) -> Reading<'_> {
        let wording = if signals.envelope {
            Wording::new(&format!("{}\n{}", signals.message, signals.extra))
        } else {
            Wording::default()
        };
        Reading {
            provider,
            signals,
            wording,
        }
    }

    /// Whether the error came from one of `providers` (none: any), itself
    /// or through a relay.
    pub(crate) fn comes_from(&self, providers: &[Provider]) -> bool {
        providers.is_empty()
            || providers.contains(&self.provider)
            || self
                .signals
                .relayed
                .is_some_and(|relayed| providers.contains(&relayed))
    }

    /// Whether one of the error's codes is `code`.
    pub(crate) fn has_code(&self, code: &str) -> bool {
        self.signals.codes().any(|found| found == code)
    }

    fn matches(&self, when: When) -> bool {
        let says = |phrases: &[&str]| phrases.iter().any(|phrase| self.wording.says(phrase));
        match when {
            Moderation => self.signals.moderation,
            Code(codes) => codes.iter().any(|code| self.has_code(code)),
            Says(phrases) => says(phrases),
            SaysOf(claims, subjects) => self.wording.says_of(claims, &[subjects]),
            Lacks(features) => self.wording.says_of(LACKS, &[features]),
            LacksTogether(first, second) => self.wording.says_of(LACKS, &[first, second]),
            MemberLacks => param::member(&self.signals.message).is_some_and(|member| {
                [
                    "not supported",
                    "unsupported",
                    "not allowed",
                    "not permitted",
                ]
                .iter()
                .any(|claim| self.wording.says(&format!("{member} .. {claim}")))
            }),
            Status(statuses) => statuses.contains(&self.signals.status),
            EnvelopeStatus(statuses) => {
                self.signals.envelope && statuses.contains(&self.signals.status)
            }
            Always => true,
        }
    }

    /// The first row of [`TABLE`] that matches, and its index.
    pub(crate) fn classify(&self) -> (usize, &'static Row) {
        TABLE
            .iter()
            .enumerate()
            .find(|(_, row)| self.comes_from(row.providers) && self.matches(row.when))
            .unwrap_or((TABLE.len() - 1, &TABLE[TABLE.len() - 1]))
    }
}
