//! What a type declares about each of its codes, readable in `const` context.

use core::fmt;

/// One code a type can produce: the code, its HTTP status, what it means,
/// whether a client may retry, and the envelope `type` for each format.
///
/// The derive builds one per variant at compile time; read them through
/// [`ApiError::CODES`](crate::ApiError::CODES) or
/// [`ApiError::info`](crate::ApiError::info).
///
/// ```
/// use error_codes::{ApiError, ErrorCode};
///
/// let info = ErrorCode::RateLimitExceeded.info();
/// assert_eq!(info.code(), "rate_limit_exceeded");
/// assert_eq!(info.status(), 429);
/// assert!(info.is_retryable());
/// assert_eq!(info.openai_type(), "rate_limit_error");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
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
    /// use error_codes::CodeInfo;
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
    /// use error_codes::CodeInfo;
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
    /// use error_codes::CodeInfo;
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
    /// use error_codes::CodeInfo;
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
    /// use error_codes::CodeInfo;
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
    /// use error_codes::ApiError;
    /// assert_eq!(error_codes::ErrorCode::InvalidApiKey.info().code(), "invalid_api_key");
    /// ```
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The HTTP status; `0` means no response is sent (the client is gone).
    ///
    /// ```
    /// use error_codes::ApiError;
    /// assert_eq!(error_codes::ErrorCode::ClientDisconnected.info().status(), 0);
    /// ```
    pub const fn status(&self) -> u16 {
        self.status
    }

    /// What the code means. For a canonical code this is the catalogue's
    /// description; for a private code, its declared message or doc comment.
    ///
    /// ```
    /// use error_codes::ApiError;
    /// let info = error_codes::ErrorCode::BudgetExhausted.info();
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
    /// use error_codes::{ApiError, ErrorCode};
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
    /// use error_codes::ApiError;
    /// assert!(!error_codes::ErrorCode::BudgetExhausted.info().is_retryable());
    /// ```
    pub const fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// The `error.type` of the OpenAI-format envelope.
    ///
    /// ```
    /// use error_codes::ApiError;
    /// assert_eq!(error_codes::ErrorCode::InvalidApiKey.info().openai_type(), "authentication_error");
    /// ```
    pub const fn openai_type(&self) -> &'static str {
        self.openai_type
    }

    /// The `error.type` of the Anthropic-format envelope.
    ///
    /// ```
    /// use error_codes::ApiError;
    /// assert_eq!(error_codes::ErrorCode::BudgetExhausted.info().anthropic_type(), "billing_error");
    /// ```
    pub const fn anthropic_type(&self) -> &'static str {
        self.anthropic_type
    }

    /// The `type` of the envelope in `format`.
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let info = ErrorCode::ServiceUnavailable.info();
    /// assert_eq!(info.error_type(Format::OpenAi), "api_error");
    /// assert_eq!(info.error_type(Format::Anthropic), "overloaded_error");
    /// ```
    pub const fn error_type(&self, format: crate::Format) -> &'static str {
        match format {
            crate::Format::OpenAi => self.openai_type,
            crate::Format::Anthropic => self.anthropic_type,
        }
    }
}

impl fmt::Debug for CodeInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CodeInfo")
            .field("code", &self.code)
            .field("status", &self.status)
            .field("description", &self.description)
            .field("message", &self.message)
            .field("retryable", &self.retryable)
            .field("openai_type", &self.openai_type)
            .field("anthropic_type", &self.anthropic_type)
            .finish()
    }
}

/// Every code a type can produce: its own, then those of the types it wraps
/// with `#[api_error(transparent)]`.
///
/// Built at compile time, so the collision checks of the derive can read it
/// in `const` context; [`find`](Self::find) works there too.
///
/// ```
/// use error_codes::{ApiError, ErrorCode};
///
/// const LIMIT: Option<&error_codes::CodeInfo> = ErrorCode::CODES.find("rate_limit_exceeded");
/// assert_eq!(LIMIT.map(|info| info.status()), Some(429));
/// assert_eq!(ErrorCode::CODES.iter().count(), 57);
/// ```
#[derive(Clone, Copy)]
pub struct CodeList {
    own: &'static [CodeInfo],
    wrapped: &'static [&'static CodeList],
}

impl CodeList {
    /// A list of codes declared by a type itself, plus the lists of the types
    /// it wraps. For hand-written impls; the derive writes this for you.
    ///
    /// ```
    /// use error_codes::{ApiError, CodeInfo, CodeList, ErrorCode};
    ///
    /// const MINE: CodeList = CodeList::new(
    ///     &[CodeInfo::new("teapot", 418, "I am a teapot")],
    ///     &[&ErrorCode::CODES],
    /// );
    /// assert!(MINE.find("teapot").is_some());
    /// assert!(MINE.find("invalid_api_key").is_some());
    /// ```
    pub const fn new(own: &'static [CodeInfo], wrapped: &'static [&'static CodeList]) -> Self {
        CodeList { own, wrapped }
    }

    /// The empty list, for a type with no variants.
    ///
    /// ```
    /// assert!(error_codes::CodeList::EMPTY.is_empty());
    /// ```
    pub const EMPTY: CodeList = CodeList::new(&[], &[]);

    /// The first entry with this code, searching own codes before wrapped
    /// ones. Usable in `const`.
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode};
    ///
    /// assert_eq!(ErrorCode::CODES.find("upstream_timeout").map(|i| i.status()), Some(504));
    /// assert!(ErrorCode::CODES.find("Upstream_Timeout").is_none());
    /// ```
    pub const fn find(&self, code: &str) -> Option<&'static CodeInfo> {
        let mut i = 0;
        while i < self.own.len() {
            if str_eq(self.own[i].code, code) {
                return Some(&self.own[i]);
            }
            i += 1;
        }
        let mut j = 0;
        while j < self.wrapped.len() {
            if let Some(found) = self.wrapped[j].find(code) {
                return Some(found);
            }
            j += 1;
        }
        None
    }

    /// Whether the list has no entry at all.
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode};
    /// assert!(!ErrorCode::CODES.is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        if !self.own.is_empty() {
            return false;
        }
        let mut j = 0;
        while j < self.wrapped.len() {
            if !self.wrapped[j].is_empty() {
                return false;
            }
            j += 1;
        }
        true
    }

    /// The entries declared by the type itself, one per variant (a code
    /// used by two variants appears twice).
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode};
    /// assert_eq!(ErrorCode::CODES.own().len(), 57);
    /// ```
    pub const fn own(&self) -> &'static [CodeInfo] {
        self.own
    }

    /// The lists of the types wrapped with `#[api_error(transparent)]`.
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode};
    /// assert!(ErrorCode::CODES.wrapped().is_empty());
    /// ```
    pub const fn wrapped(&self) -> &'static [&'static CodeList] {
        self.wrapped
    }

    /// Every distinct code, own codes first, each once (the first entry
    /// wins, as in [`find`](Self::find)).
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode};
    ///
    /// let codes: Vec<&str> = ErrorCode::CODES.iter().map(|i| i.code()).collect();
    /// assert_eq!(codes[0], "batch_only");
    /// assert_eq!(codes.len(), 57);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &'static CodeInfo> {
        let mut all: Vec<&'static CodeInfo> = Vec::new();
        self.collect_into(&mut all);
        let mut seen = std::collections::HashSet::with_capacity(all.len());
        all.into_iter().filter(move |info| seen.insert(info.code))
    }

    fn collect_into(&self, out: &mut Vec<&'static CodeInfo>) {
        out.extend(self.own.iter());
        for list in self.wrapped {
            list.collect_into(out);
        }
    }

    /// The first pair of entries, anywhere in the list, that give one code
    /// two statuses: `(code, first status, second status)`.
    ///
    /// The derive runs this at compile time, so a type whose variants
    /// disagree does not build.
    ///
    /// ```
    /// use error_codes::{ApiError, CodeInfo, CodeList, ErrorCode};
    ///
    /// assert!(ErrorCode::CODES.status_conflict().is_none());
    /// const BAD: CodeList = CodeList::new(
    ///     &[CodeInfo::new("rate_limit_exceeded", 503, "Slow down")],
    ///     &[&ErrorCode::CODES],
    /// );
    /// assert_eq!(BAD.status_conflict(), Some(("rate_limit_exceeded", 503, 429)));
    /// ```
    pub const fn status_conflict(&self) -> Option<(&'static str, u16, u16)> {
        let own = self.own;
        let mut i = 0;
        while i < own.len() {
            let mut j = i + 1;
            while j < own.len() {
                if own[i].status != own[j].status && str_eq(own[i].code, own[j].code) {
                    return Some((own[i].code, own[i].status, own[j].status));
                }
                j += 1;
            }
            i += 1;
        }
        if let Some(conflict) = self.cross_conflict() {
            return Some(conflict);
        }
        let mut w = 0;
        while w < self.wrapped.len() {
            if let Some(conflict) = self.wrapped[w].status_conflict() {
                return Some(conflict);
            }
            w += 1;
        }
        None
    }

    /// Conflicts between this type's own entries and its wrapped lists, and
    /// between two wrapped lists; not those inside one list, which that
    /// list's own derive already checked. This is what the derive runs, at
    /// compile time, in every build of a user's crate: it stays linear in
    /// the wrapped lists' size.
    pub(crate) const fn cross_conflict(&self) -> Option<(&'static str, u16, u16)> {
        let mut i = 0;
        while i < self.own.len() {
            let entry = &self.own[i];
            let mut w = 0;
            while w < self.wrapped.len() {
                if let Some(status) = self.wrapped[w].other_status(entry.code, entry.status) {
                    return Some((entry.code, entry.status, status));
                }
                w += 1;
            }
            i += 1;
        }
        let mut w = 0;
        while w < self.wrapped.len() {
            let mut v = w + 1;
            while v < self.wrapped.len() {
                if let Some(conflict) = self.wrapped[w].conflict_with(self.wrapped[v]) {
                    return Some(conflict);
                }
                v += 1;
            }
            w += 1;
        }
        None
    }

    /// A status other than `status` that this list, wrapped lists
    /// included, gives `code`.
    const fn other_status(&self, code: &str, status: u16) -> Option<u16> {
        let mut i = 0;
        while i < self.own.len() {
            if self.own[i].status != status && str_eq(self.own[i].code, code) {
                return Some(self.own[i].status);
            }
            i += 1;
        }
        let mut w = 0;
        while w < self.wrapped.len() {
            if let Some(other) = self.wrapped[w].other_status(code, status) {
                return Some(other);
            }
            w += 1;
        }
        None
    }

    /// The first entry of this list (wrapped lists included) that `other`
    /// gives another status.
    const fn conflict_with(&self, other: &CodeList) -> Option<(&'static str, u16, u16)> {
        let mut i = 0;
        while i < self.own.len() {
            let entry = &self.own[i];
            if let Some(status) = other.other_status(entry.code, entry.status) {
                return Some((entry.code, entry.status, status));
            }
            i += 1;
        }
        let mut w = 0;
        while w < self.wrapped.len() {
            if let Some(conflict) = self.wrapped[w].conflict_with(other) {
                return Some(conflict);
            }
            w += 1;
        }
        None
    }
}

impl fmt::Debug for CodeList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter().map(CodeInfo::code))
            .finish()
    }
}

/// `a == b`, in `const`.
pub(crate) const fn str_eq(a: &str, b: &str) -> bool {
    bytes_eq(a.as_bytes(), b.as_bytes())
}

/// `a == b` for byte strings, in `const`.
const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
