//! What a type declares about each of its codes, readable in `const` context.

/// One code a type can produce: the code, its HTTP status, what it means,
/// whether a client may retry, and the envelope `type` for each format.
///
/// The derive builds one per variant at compile time; read them through
/// [`CodeList::of::<ApiError>()`](crate::CodeList::of::<ApiError>()) or
/// [`ApiError::info`](crate::ApiError::info).
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode};
///
/// let info = ErrorCode::RateLimitExceeded.info();
/// assert_eq!(info.code(), "rate_limit_exceeded");
/// assert_eq!(info.status(), 429);
/// assert!(info.is_retryable());
/// assert_eq!(info.openai_type(), "rate_limit_error");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CodeInfo {
    code: &'static str,
    status: u16,
    description: &'static str,
    message: &'static str,
    retryable: bool,
    openai_type: &'static str,
    anthropic_type: &'static str,
}

impl CodeInfo {
    /// A code with its status and description. Its message is the
    /// description, it is not retryable, and its envelope types follow the
    /// status (see [`Format`](crate::Format)); change that with
    /// [`retryable`](Self::retryable) and the `with_*` methods.
    ///
    /// This is for hand-written [`ApiError`](crate::ApiError) impls; the derive
    /// builds these for you.
    ///
    /// ```
    /// use api_error_codes::CodeInfo;
    ///
    /// const TEAPOT: CodeInfo = CodeInfo::new("teapot", 418, "I am a teapot");
    /// assert_eq!(TEAPOT.openai_type(), "invalid_request_error");
    /// assert!(!TEAPOT.is_retryable());
    /// ```
    pub const fn new(code: &'static str, status: u16, description: &'static str) -> Self {
        CodeInfo {
            code,
            status,
            description,
            message: description,
            retryable: false,
            openai_type: crate::Format::OpenAi.default_type(status),
            anthropic_type: crate::Format::Anthropic.default_type(status),
        }
    }

    /// The same code, retryable or not.
    ///
    /// ```
    /// use api_error_codes::CodeInfo;
    ///
    /// const BUSY: CodeInfo = CodeInfo::new("busy", 503, "Busy").retryable(true);
    /// assert!(BUSY.is_retryable());
    /// ```
    #[must_use]
    pub const fn retryable(mut self, retryable: bool) -> Self {
        self.retryable = retryable;
        self
    }

    /// The same code with another message: what
    /// [`ApiError::message`](crate::ApiError::message) returns by default.
    ///
    /// ```
    /// use api_error_codes::CodeInfo;
    ///
    /// const SLOW: CodeInfo = CodeInfo::new("slow", 429, "Rate limited").with_message("Slow down");
    /// assert_eq!(SLOW.message(), "Slow down");
    /// assert_eq!(SLOW.description(), "Rate limited");
    /// ```
    #[must_use]
    pub const fn with_message(mut self, message: &'static str) -> Self {
        self.message = message;
        self
    }

    /// The same code with another OpenAI-format `type`.
    ///
    /// ```
    /// use api_error_codes::CodeInfo;
    ///
    /// const QUOTA: CodeInfo = CodeInfo::new("quota", 429, "Quota").with_openai_type("insufficient_quota");
    /// assert_eq!(QUOTA.openai_type(), "insufficient_quota");
    /// ```
    #[must_use]
    pub const fn with_openai_type(mut self, openai_type: &'static str) -> Self {
        self.openai_type = openai_type;
        self
    }

    /// The same code with another Anthropic-format `type`.
    ///
    /// ```
    /// use api_error_codes::CodeInfo;
    ///
    /// const BUDGET: CodeInfo = CodeInfo::new("budget", 429, "Budget").with_anthropic_type("billing_error");
    /// assert_eq!(BUDGET.anthropic_type(), "billing_error");
    /// ```
    #[must_use]
    pub const fn with_anthropic_type(mut self, anthropic_type: &'static str) -> Self {
        self.anthropic_type = anthropic_type;
        self
    }

    /// The stable, snake_case code: `"rate_limit_exceeded"`.
    ///
    /// ```
    /// use api_error_codes::ApiError;
    /// assert_eq!(api_error_codes::ErrorCode::InvalidApiKey.info().code(), "invalid_api_key");
    /// ```
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The HTTP status; `0` means no response is sent (the client is gone).
    ///
    /// ```
    /// use api_error_codes::ApiError;
    /// assert_eq!(api_error_codes::ErrorCode::ClientDisconnected.info().status(), 0);
    /// ```
    pub const fn status(&self) -> u16 {
        self.status
    }

    /// What the code means. For a canonical code this is the catalogue's
    /// description; for a private code, its declared message or doc comment.
    ///
    /// ```
    /// use api_error_codes::ApiError;
    /// let info = api_error_codes::ErrorCode::BudgetExhausted.info();
    /// assert_eq!(info.description(), "Account or project budget reached");
    /// ```
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The message clients see when the variant formats nothing into it:
    /// its declared `message`, or else the [`description`](Self::description).
    /// A variant with a message template (`"... {field} ..."`) formats its
    /// own; [`ApiError::message`](crate::ApiError::message) is the way to
    /// get any error's message.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum GatewayError {
    ///     #[api_error(code = "rate_limit_exceeded", message = "Slow down")]
    ///     Limited,
    /// }
    ///
    /// let info = GatewayError::Limited.info();
    /// assert_eq!(info.message(), "Slow down");
    /// assert_eq!(info.description(), ErrorCode::RateLimitExceeded.description());
    /// ```
    pub const fn message(&self) -> &'static str {
        self.message
    }

    /// Whether retrying the same request later can succeed.
    ///
    /// ```
    /// use api_error_codes::ApiError;
    /// assert!(!api_error_codes::ErrorCode::BudgetExhausted.info().is_retryable());
    /// ```
    pub const fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// The `error.type` of the OpenAI-format envelope.
    ///
    /// ```
    /// use api_error_codes::ApiError;
    /// assert_eq!(api_error_codes::ErrorCode::InvalidApiKey.info().openai_type(), "authentication_error");
    /// ```
    pub const fn openai_type(&self) -> &'static str {
        self.openai_type
    }

    /// The `error.type` of the Anthropic-format envelope.
    ///
    /// ```
    /// use api_error_codes::ApiError;
    /// assert_eq!(api_error_codes::ErrorCode::BudgetExhausted.info().anthropic_type(), "billing_error");
    /// ```
    pub const fn anthropic_type(&self) -> &'static str {
        self.anthropic_type
    }

    /// The `type` of the envelope in `format`. For problem details that is
    /// `about:blank`, what the status alone says; a body's `type` names the
    /// code, see [`ProblemTypes::type_uri`](crate::ProblemTypes::type_uri).
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let info = ErrorCode::ServiceUnavailable.info();
    /// assert_eq!(info.error_type(Format::OpenAi), "api_error");
    /// assert_eq!(info.error_type(Format::Anthropic), "overloaded_error");
    /// assert_eq!(info.error_type(Format::Problem), "about:blank");
    /// ```
    pub const fn error_type(&self, format: crate::Format) -> &'static str {
        match format {
            crate::Format::OpenAi => self.openai_type,
            crate::Format::Anthropic => self.anthropic_type,
            crate::Format::Problem => crate::Format::Problem.default_type(self.status),
        }
    }
}
