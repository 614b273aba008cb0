//! The canonical catalogue as an enum: one variant per row of
//! `error-codes-derive/catalogue.tsv`, which the derive reads.

use crate::__private::Catalogue;
use crate::ApiError;
use core::fmt;
use core::str::FromStr;

/// The canonical error codes, one variant per row of the catalogue, in
/// table order. Each variant's doc comment is its description and its
/// default message.
///
/// Derived with `#[derive(ApiError)]` like any user enum, so its `Display`
/// is its message, the description. The catalogue is one data file in the
/// derive (`catalogue.tsv`: code, status, description, retry policy,
/// envelope types): a hidden second derive writes one constant per row,
/// which every canonical variant of every derived type names, and checks
/// that the variants list the rows in order with their descriptions as doc
/// comments.
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode, Format};
///
/// let code: ErrorCode = "rate_limit_exceeded".parse().unwrap();
/// assert_eq!(code, ErrorCode::RateLimitExceeded);
/// assert_eq!(code.status(), 429);
/// assert!(code.is_retryable());
/// assert_eq!(code.to_string(), "Requests-per-minute cap hit");
/// assert_eq!(ErrorCode::ALL.len(), 57);
/// assert_eq!(serde_json::to_string(&code).unwrap(), r#""rate_limit_exceeded""#);
/// ```
///
/// Retryable are exactly `rate_limit_exceeded`, `internal_error`,
/// `upstream_error`, `model_unavailable`, `no_provider_available`,
/// `service_unavailable` and `upstream_timeout`. `budget_exhausted` and
/// `insufficient_quota` are 429 but not retryable (waiting does not help),
/// and use Anthropic's `billing_error` type.
#[derive(
    Clone, Copy, PartialEq, Eq, Hash, Debug, crate::ApiError, api_error_codes_derive::__Catalogue,
)]
#[api_error(crate = crate)]
#[non_exhaustive]
pub enum ErrorCode {
    /// Model is batch-only and cannot serve real-time requests
    #[api_error(code = "batch_only")]
    BatchOnly,
    /// Account or project budget reached
    #[api_error(code = "budget_exhausted")]
    BudgetExhausted,
    /// BYOK keys required but none are configured
    #[api_error(code = "byok_keys_required")]
    ByokKeysRequired,
    /// Client closed the connection before the response completed
    #[api_error(code = "client_disconnected")]
    ClientDisconnected,
    /// The upstream provider’s content filter rejects the request
    #[api_error(code = "content_filtered")]
    ContentFiltered,
    /// Token count exceeds the model’s context window
    #[api_error(code = "context_length_exceeded")]
    ContextLengthExceeded,
    /// No provider meets the cost constraint
    #[api_error(code = "cost_constraint_exceeded")]
    CostConstraintExceeded,
    /// A resource with this identifier already exists
    #[api_error(code = "duplicate_resource")]
    DuplicateResource,
    /// API key has expired
    #[api_error(code = "expired_api_key")]
    ExpiredApiKey,
    /// Feature is not available for this account or plan
    #[api_error(code = "feature_disabled")]
    FeatureDisabled,
    /// Field cannot be modified after resource creation
    #[api_error(code = "field_immutable")]
    FieldImmutable,
    /// Model does not support the requested hosted tool on available providers
    #[api_error(code = "hosted_tool_not_supported")]
    HostedToolNotSupported,
    /// Idempotency key reused with a different payload
    #[api_error(code = "idempotency_conflict")]
    IdempotencyConflict,
    /// Caller authenticated but lacks the required scope
    #[api_error(code = "insufficient_permissions")]
    InsufficientPermissions,
    /// No quota remaining on the current plan
    #[api_error(code = "insufficient_quota")]
    InsufficientQuota,
    /// Unexpected server error
    #[api_error(code = "internal_error")]
    InternalError,
    /// API key is missing, malformed, revoked, or unrecognized
    #[api_error(code = "invalid_api_key")]
    InvalidApiKey,
    /// Field present, value outside allowed range or set
    #[api_error(code = "invalid_parameter_value")]
    InvalidParameterValue,
    /// MFA recovery code is invalid or already used
    #[api_error(code = "invalid_recovery_code")]
    InvalidRecoveryCode,
    /// Malformed or invalid request
    #[api_error(code = "invalid_request")]
    InvalidRequest,
    /// Model does not support JSON mode
    #[api_error(code = "json_mode_not_supported")]
    JsonModeNotSupported,
    /// No provider meets the latency constraint
    #[api_error(code = "latency_constraint_exceeded")]
    LatencyConstraintExceeded,
    /// HTTP method not supported on this endpoint
    #[api_error(code = "method_not_allowed")]
    MethodNotAllowed,
    /// Action requires multi-factor authentication step-up
    #[api_error(code = "mfa_required")]
    MfaRequired,
    /// TOTP verification code is incorrect or expired
    #[api_error(code = "mfa_verification_failed")]
    MfaVerificationFailed,
    /// Required parameter not provided
    #[api_error(code = "missing_required_parameter")]
    MissingRequiredParameter,
    /// Requested model ID isn’t in the catalog
    #[api_error(code = "model_not_found")]
    ModelNotFound,
    /// The requested model is temporarily unavailable
    #[api_error(code = "model_unavailable")]
    ModelUnavailable,
    /// No provider supports the required API endpoint for this model
    #[api_error(code = "no_compatible_endpoint")]
    NoCompatibleEndpoint,
    /// No provider can serve this request right now
    #[api_error(code = "no_provider_available")]
    NoProviderAvailable,
    /// Request requires the Response API but no provider supports it for this model
    #[api_error(code = "no_responses_endpoint")]
    NoResponsesEndpoint,
    /// Model requires streaming
    #[api_error(code = "non_streaming_not_supported")]
    NonStreamingNotSupported,
    /// Operation not permitted for current resource state or role
    #[api_error(code = "operation_not_allowed")]
    OperationNotAllowed,
    /// Request body exceeds the size limit
    #[api_error(code = "payload_too_large")]
    PayloadTooLarge,
    /// No platform keys available for this model
    #[api_error(code = "platform_keys_unavailable")]
    PlatformKeysUnavailable,
    /// All providers for this model are in the blocklist
    #[api_error(code = "provider_blocked")]
    ProviderBlocked,
    /// No provider in the allowlist supports this model
    #[api_error(code = "provider_not_in_allowlist")]
    ProviderNotInAllowlist,
    /// Requests-per-minute cap hit
    #[api_error(code = "rate_limit_exceeded")]
    RateLimitExceeded,
    /// Model does not support reasoning/extended thinking
    #[api_error(code = "reasoning_not_supported")]
    ReasoningNotSupported,
    /// No provider supports all required parameters
    #[api_error(code = "required_params_not_supported")]
    RequiredParamsNotSupported,
    /// Requested resource not found
    #[api_error(code = "resource_not_found")]
    ResourceNotFound,
    /// Model is only available via the Response API
    #[api_error(code = "response_api_only")]
    ResponseApiOnly,
    /// Planned or temporary capacity shortage
    #[api_error(code = "service_unavailable")]
    ServiceUnavailable,
    /// Resource is not in the required state for this operation
    #[api_error(code = "state_precondition_failed")]
    StatePreconditionFailed,
    /// Model does not support streaming
    #[api_error(code = "streaming_not_supported")]
    StreamingNotSupported,
    /// Model does not support structured output
    #[api_error(code = "structured_output_not_supported")]
    StructuredOutputNotSupported,
    /// Model does not support disabling thinking
    #[api_error(code = "thinking_disable_not_supported")]
    ThinkingDisableNotSupported,
    /// No provider meets the throughput constraint
    #[api_error(code = "throughput_constraint_not_met")]
    ThroughputConstraintNotMet,
    /// Model requires explicit tier opt-in (e.g., priority tier for fast mode)
    #[api_error(code = "tier_opt_in_required")]
    TierOptInRequired,
    /// Model does not support tool_choice=“required”
    #[api_error(code = "tool_choice_required_not_supported")]
    ToolChoiceRequiredNotSupported,
    /// Model does not support tool/function calling
    #[api_error(code = "tools_not_supported")]
    ToolsNotSupported,
    /// Model does not support tools with structured output
    #[api_error(code = "tools_with_structured_output_not_supported")]
    ToolsWithStructuredOutputNotSupported,
    /// Request contains an unrecognized field
    #[api_error(code = "unknown_field")]
    UnknownField,
    /// Audio output is not supported
    #[api_error(code = "unsupported_modalities")]
    UnsupportedModalities,
    /// An upstream provider returned an invalid or unparseable response
    #[api_error(code = "upstream_error")]
    UpstreamError,
    /// Upstream exceeded the request deadline
    #[api_error(code = "upstream_timeout")]
    UpstreamTimeout,
    /// Model does not support vision/image input
    #[api_error(code = "vision_not_supported")]
    VisionNotSupported,
}

impl ErrorCode {
    /// Every canonical code, in table order.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode};
    ///
    /// assert_eq!(ErrorCode::ALL.len(), 57);
    /// assert_eq!(ErrorCode::ALL[0], ErrorCode::BatchOnly);
    /// assert!(ErrorCode::ALL.iter().all(|code| ErrorCode::from_code(code.code()) == Some(*code)));
    /// ```
    pub const ALL: &'static [ErrorCode] = <Self as Catalogue>::ALL;

    /// The canonical code spelled exactly `code` (case-sensitive), or `None`.
    ///
    /// ```
    /// use api_error_codes::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::from_code("upstream_timeout"), Some(ErrorCode::UpstreamTimeout));
    /// assert_eq!(ErrorCode::from_code("Upstream_Timeout"), None);
    /// assert_eq!(ErrorCode::from_code("upstream_timeout "), None);
    /// ```
    pub fn from_code(code: &str) -> Option<ErrorCode> {
        Self::ALL
            .iter()
            .copied()
            .find(|canonical| canonical.code() == code)
    }

    /// The catalogue's description of the code (also its default message).
    ///
    /// ```
    /// use api_error_codes::ErrorCode;
    /// assert_eq!(ErrorCode::PayloadTooLarge.description(), "Request body exceeds the size limit");
    /// ```
    pub fn description(self) -> &'static str {
        self.info().description()
    }
}

/// The error of parsing a string that is no canonical code.
///
/// ```
/// use api_error_codes::ErrorCode;
///
/// let error = "Rate_Limit".parse::<ErrorCode>().unwrap_err();
/// assert_eq!(error.input(), "Rate_Limit");
/// assert_eq!(error.to_string(), "unknown error code \"Rate_Limit\"");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownCode {
    input: String,
}

impl UnknownCode {
    /// The string that was not a code.
    ///
    /// ```
    /// let error = "nope".parse::<api_error_codes::ErrorCode>().unwrap_err();
    /// assert_eq!(error.input(), "nope");
    /// ```
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown error code {:?}", self.input)
    }
}

impl std::error::Error for UnknownCode {}

impl FromStr for ErrorCode {
    type Err = UnknownCode;

    /// Exact and case-sensitive, like [`ErrorCode::from_code`].
    fn from_str(code: &str) -> Result<Self, Self::Err> {
        ErrorCode::from_code(code).ok_or_else(|| UnknownCode {
            input: code.to_owned(),
        })
    }
}

impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for ErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;

        impl serde::de::Visitor<'_> for CodeVisitor {
            type Value = ErrorCode;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a canonical error code string such as \"rate_limit_exceeded\"")
            }

            fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<ErrorCode, E> {
                ErrorCode::from_code(code)
                    .ok_or_else(|| E::custom(format_args!("unknown error code {code:?}")))
            }
        }

        deserializer.deserialize_str(CodeVisitor)
    }
}
