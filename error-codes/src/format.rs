//! The two wire formats and how a status picks an envelope `type`.

/// Which API's error envelope to write: the format depends on the endpoint
/// (`/v1/chat/completions` speaks OpenAI, `/v1/messages` speaks Anthropic).
///
/// # The `type` of an envelope
///
/// Unless a variant overrides it (`openai_type = "..."`,
/// `anthropic_type = "..."`), the envelope's `type` follows the status:
///
/// | status | OpenAI `type` | Anthropic `type` |
/// |---|---|---|
/// | 400 | `invalid_request_error` | `invalid_request_error` |
/// | 401 | `authentication_error` | `authentication_error` |
/// | 402 | `invalid_request_error` | `billing_error` |
/// | 403 | `permission_error` | `permission_error` |
/// | 404 | `not_found_error` | `not_found_error` |
/// | 409 | `invalid_request_error` | `conflict_error` |
/// | 413 | `invalid_request_error` | `request_too_large` |
/// | 429 | `rate_limit_error` | `rate_limit_error` |
/// | other 4xx (405, 408, 422, ...) | `invalid_request_error` | `invalid_request_error` |
/// | 500, 501, 502, other 5xx | `api_error` | `api_error` |
/// | 503, 529 | `api_error` | `overloaded_error` |
/// | 504 | `api_error` | `timeout_error` |
/// | 0 (no response is sent) | `invalid_request_error` | `invalid_request_error` |
/// | anything else | `api_error` | `api_error` |
///
/// Decisions the official documents leave open:
/// - **502** is an upstream that answered badly: Anthropic's generic
///   `api_error`, not `overloaded_error`, since capacity is not the cause.
/// - **503** means "no capacity now, retry": Anthropic's `overloaded_error`
///   (the type its SDKs and clients treat as "back off and retry").
/// - **429 that waiting does not fix**: the canonical `budget_exhausted` and
///   `insufficient_quota` override the Anthropic type to `billing_error`
///   (the account must pay), keep OpenAI's `rate_limit_error` (the type
///   OpenAI itself uses for quota), and are not retryable, so
///   `x-should-retry: false` stops SDK retry loops.
/// - **0** (`client_disconnected`) never reaches a client; when it must be
///   rendered (logs, tests) it is a client-side failure.
///
/// ```
/// use error_codes::Format;
///
/// assert_eq!(Format::OpenAi.default_type(404), "not_found_error");
/// assert_eq!(Format::Anthropic.default_type(503), "overloaded_error");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// OpenAI's `{"error":{"message","type","param","code"}}`.
    OpenAi,
    /// Anthropic's `{"type":"error","error":{"type","message"},"request_id"}`.
    Anthropic,
}

impl Format {
    /// Both formats, OpenAI first.
    ///
    /// ```
    /// assert_eq!(error_codes::Format::ALL.len(), 2);
    /// ```
    pub const ALL: [Format; 2] = [Format::OpenAi, Format::Anthropic];

    /// The envelope `type` for a status, as in the table above.
    ///
    /// ```
    /// use error_codes::Format;
    ///
    /// assert_eq!(Format::OpenAi.default_type(429), "rate_limit_error");
    /// assert_eq!(Format::Anthropic.default_type(504), "timeout_error");
    /// assert_eq!(Format::OpenAi.default_type(0), "invalid_request_error");
    /// ```
    pub const fn default_type(self, status: u16) -> &'static str {
        match self {
            Format::OpenAi => match status {
                401 => "authentication_error",
                403 => "permission_error",
                404 => "not_found_error",
                429 => "rate_limit_error",
                0 | 400..=499 => "invalid_request_error",
                _ => "api_error",
            },
            Format::Anthropic => match status {
                401 => "authentication_error",
                402 => "billing_error",
                403 => "permission_error",
                404 => "not_found_error",
                409 => "conflict_error",
                413 => "request_too_large",
                429 => "rate_limit_error",
                503 | 529 => "overloaded_error",
                504 => "timeout_error",
                0 | 400..=499 => "invalid_request_error",
                _ => "api_error",
            },
        }
    }

    /// The header that carries the request id, as this format's SDK reads it.
    ///
    /// ```
    /// use error_codes::Format;
    ///
    /// assert_eq!(Format::OpenAi.request_id_header(), "x-request-id");
    /// assert_eq!(Format::Anthropic.request_id_header(), "request-id");
    /// ```
    pub const fn request_id_header(self) -> &'static str {
        match self {
            Format::OpenAi => "x-request-id",
            Format::Anthropic => "request-id",
        }
    }
}
