//! The providers' codes, types, status names, reasons and exception names
//! the rows of the translation table (`table.rs`) match: every value of
//! `vocabulary.tsv` (where each has its official source), and those the
//! corpus shows. Compared exactly, case and all: Google's `NOT_FOUND` (a
//! model) is not the Gemini Interactions API's `not_found` (a resource).

/// Blocked by a content policy or filter.
pub(crate) const CONTENT: &[&str] = &[
    "content_filter", "content_policy_violation", "ResponsibleAIPolicyViolation", "content_filtered",
    "invalid_prompt", "bio_policy", "image_content_policy_violation", "SAFETY", "safety", "PROHIBITED_CONTENT",
    "prohibited_content", "recitation", "language", "spii", "blocklist", "image_safety", "image_prohibited_content",
    "image_recitation", "image_other", "content_blocked", "refusal", "data_inspection_failed",
];

/// The provider cannot serve the request for the gateway: its key,
/// account, organization, project, billing, quota or region, or an
/// operation it does not offer.
pub(crate) const ELSEWHERE: &[&str] = &[
    // Credit, billing, spend limits and quotas that do not reset soon.
    "insufficient_quota", "billing_error", "billing_not_active", "billing_hard_limit_reached", "payment_required",
    "insufficient_balance", "insufficient_credits", "credit_balance_exhausted", "organization_spend_limit_exceeded",
    "project_spend_limit_exceeded", "organization_usage_limit_exceeded", "BILLING_DISABLED", "RESOURCE_QUOTA_EXCEEDED",
    "EMULATOR_QUOTA_EXCEEDED", "quota_exceeded", "ServiceQuotaExceededException", "token_limit_exceeded",
    "budget_exceeded",
    // Keys, tokens and signatures.
    "invalid_api_key", "authentication_error", "authentication", "auth_error", "invalid_authentication",
    "unauthorized", "UNAUTHENTICATED", "API_KEY_INVALID", "API_KEY_SERVICE_BLOCKED", "API_KEY_HTTP_REFERRER_BLOCKED",
    "API_KEY_IP_ADDRESS_BLOCKED", "API_KEY_ANDROID_APP_BLOCKED", "API_KEY_IOS_APP_BLOCKED", "ACCESS_TOKEN_EXPIRED",
    "ACCESS_TOKEN_SCOPE_INSUFFICIENT", "ACCESS_TOKEN_TYPE_UNSUPPORTED", "CREDENTIALS_MISSING",
    "SESSION_COOKIE_INVALID", "OVERLOADED_CREDENTIALS", "CREDENTIAL_ANDROID_APP_INVALID", "JWT_TOKEN_INVALID",
    "CREDENTIAL_TYPE_UNSUPPORTED", "invalid_grant", "invalid_subject_token", "missing_scope",
    "UnrecognizedClientException", "InvalidSignatureException", "IncompleteSignature", "IncompleteSignatureException",
    "ExpiredTokenException", "InvalidClientTokenId", "MalformedHttpRequestException", "expired_key",
    "token_not_found_in_db",
    // Permissions, accounts, organizations and projects.
    "permission_error", "permission_denied", "PERMISSION_DENIED", "IAM_PERMISSION_DENIED", "AccessDeniedException",
    "NotAuthorized", "request_forbidden", "access_terminated", "account_deactivated", "no_organization",
    "invalid_organization", "mismatched_organization", "organization_restricted", "ACCOUNT_STATE_INVALID",
    "ACCOUNT_TYPE_UNSUPPORTED", "SERVICE_DISABLED", "SERVICE_NOT_VISIBLE", "CONSUMER_SUSPENDED", "CONSUMER_INVALID",
    "USER_PROJECT_DENIED", "USER_BLOCKED_BY_ADMIN", "RESOURCE_PROJECT_INVALID", "GCP_SUSPENDED", "TOS_VIOLATION",
    "OptInRequired", "FTUFormNotFilled", "MPAgreementBeingCreated", "BadCScoreException", "key_model_access_denied",
    "team_model_access_denied", "user_model_access_denied", "org_model_access_denied",
    // Regions and policies.
    "unsupported_country_region_territory", "data_residency_mismatch", "region_restricted", "privacy_restricted",
    "constraint_filtered", "LOCATION_TAX_POLICY_VIOLATED", "LOCATION_POLICY_VIOLATED",
    "LOCATION_ORG_POLICY_VIOLATED", "SECURITY_POLICY_VIOLATED", "ORG_RESTRICTION_VIOLATION",
    "ORG_RESTRICTION_HEADER_INVALID", "RESOURCE_USAGE_RESTRICTION_VIOLATED", "ENDPOINT_USAGE_RESTRICTION_VIOLATED",
    "TLS_ORG_POLICY_VIOLATED", "TLS_CIPHER_RESTRICTION_VIOLATED", "MISSING_ORIGIN", "SYSTEM_PARAMETER_UNSUPPORTED",
    "MCP_SERVER_DISABLED",
    // Operations this provider does not offer, data it lost.
    "UNIMPLEMENTED", "unimplemented", "UnknownOperationException", "InvalidAction", "not_supported_error",
    "DATA_LOSS",
];

pub(crate) const CONTEXT: &[&str] = &[
    "context_length_exceeded", "context_window_exceeded", "model_context_window_exceeded", "exceed_context_size_error",
];

pub(crate) const RATE: &[&str] = &[
    "rate_limit_exceeded", "rate_limit_error", "RATE_LIMIT_EXCEEDED", "rateLimitExceeded", "RESOURCE_EXHAUSTED",
    "ThrottlingException", "throttlingException", "TooManyRequestsException", "rate_limited", "too_many_requests",
    "slow_down", "tokens", "capacity_exhausted",
];

pub(crate) const OVERLOAD: &[&str] = &[
    "overloaded_error", "UNAVAILABLE", "service_unavailable", "service_unavailable_error", "ServiceUnavailable",
    "ServiceUnavailableException", "serviceUnavailableException", "ModelNotReadyException", "overloaded",
    "engine_overloaded", "server_is_overloaded", "capacity_exceeded", "provider_overloaded",
    "temporarily_unavailable", "unavailable_error", "MODEL_CAPACITY_EXHAUSTED",
];

pub(crate) const TIMEOUT: &[&str] = &[
    "DEADLINE_EXCEEDED", "deadline_exceeded", "ModelTimeoutException", "modelTimeoutException",
    "RequestTimeoutException", "timeout_error", "timeout", "Timeout", "request_timeout", "vector_store_timeout",
    "cf_gateway_timeout", "user_request_timeout",
];

pub(crate) const MODEL_NOT_FOUND: &[&str] = &[
    "model_not_found", "DeploymentNotFound", "model_decommissioned", "model_not_available", "invalid_model",
    "unknown_model", "not_found", "no_endpoints", "model_deprecated", "model_unavailable_upstream",
    "free_variant_ended", "NotFoundError",
];

/// Resources other than models that the client named (files, images,
/// responses).
pub(crate) const RESOURCE_NOT_FOUND: &[&str] = &["image_file_not_found", "response_not_found", "image_not_found"];

pub(crate) const PAYLOAD: &[&str] = &[
    "request_too_large", "payload_too_large", "RequestEntityTooLarge", "RequestEntityTooLargeException",
    "image_file_too_large",
];

/// The caller closed the request.
pub(crate) const CANCELLED: &[&str] = &["CANCELLED", "cancelled", "RequestAbortedException"];

pub(crate) const MISSING: &[&str] = &["missing_required_parameter", "missing"];

pub(crate) const UNKNOWN_FIELD: &[&str] =
    &["unknown_parameter", "unsupported_parameter", "unrecognized_field", "extra_forbidden", "parameter_unknown"];

/// A value outside what the parameter allows: OpenAI's and OpenRouter's
/// codes, pydantic's error types.
pub(crate) const BAD_VALUE: &[&str] = &[
    "invalid_value", "unsupported_value", "invalid_image", "invalid_image_format", "invalid_base64_image",
    "invalid_image_url", "image_too_large", "image_too_small", "image_parse_error", "invalid_image_mode",
    "unsupported_image_media_type", "unsupported_image_format", "empty_image_file", "unsupported_file",
    "max_tokens_exceeded", "string_above_max_length", "array_above_max_length", "integer_above_max_value",
    "integer_below_min_value", "decimal_above_max_value", "decimal_below_min_value", "string_too_long", "too_long",
    "literal_error", "enum", "less_than", "less_than_equal", "greater_than", "greater_than_equal",
];

/// Generic classes of a request error, which only wording refines.
pub(crate) const INVALID_REQUEST: &[&str] = &[
    "invalid_request_error", "invalid_request", "INVALID_ARGUMENT", "badRequest", "BadRequest", "bad_request",
    "BadRequestError", "bad_request_error", "ValidationException", "validationException", "ValidationError",
    "validation_error", "unprocessable", "invalid_type", "invalid_file", "invalid_event", "failed_to_download_image",
    "image_download_failed", "audio_unintelligible", "json_invalid", "value_error", "string_type", "int_parsing",
];

/// Generic classes of a server fault, and a model's invalid output
/// (a malformed tool call, JSON that fails its schema): retried.
pub(crate) const SERVER: &[&str] = &[
    "api_error", "server_error", "internal_error", "internal_server_error", "InternalServerError", "INTERNAL",
    "UNKNOWN", "ABORTED", "aborted", "InternalServerException", "internalServerException", "InternalFailure",
    "ModelErrorException", "ModelStreamErrorException", "modelStreamErrorException", "RequestExpired",
    "websocket_stream_limit_reached", "provider_unavailable", "server", "unmapped", "no_db_connection",
    "tool_use_failed", "json_validate_failed", "malformed_function_call",
];
