//! The three wire formats and how a status picks an envelope `type`.

/// Which error body to write: the format depends on the endpoint
/// (`/v1/chat/completions` speaks OpenAI, `/v1/messages` speaks Anthropic,
/// any other HTTP API, such as a gateway's management API, speaks RFC 9457
/// problem details).
///
/// Marked `#[non_exhaustive]`: a `match` on it outside this crate needs a
/// `_` arm, so the next format is not a breaking change.
///
/// # The `type` of an envelope
///
/// Unless a variant overrides it (`openai_type = "..."`,
/// `anthropic_type = "..."`), the envelope's `type` follows the status. A
/// problem details body's `type` does not: it names the code (see
/// [`Format::Problem`]), and its `status` member is the response's status:
///
/// | status | OpenAI `type` | Anthropic `type` | problem details |
/// |---|---|---|---|
/// | 400 | `invalid_request_error` | `invalid_request_error` | `"status":400` |
/// | 401 | `authentication_error` | `authentication_error` | `"status":401` |
/// | 402 | `invalid_request_error` | `billing_error` | `"status":402` |
/// | 403 | `permission_error` | `permission_error` | `"status":403` |
/// | 404 | `not_found_error` | `not_found_error` | `"status":404` |
/// | 409 | `invalid_request_error` | `conflict_error` | `"status":409` |
/// | 413 | `invalid_request_error` | `request_too_large` | `"status":413` |
/// | 429 | `rate_limit_error` | `rate_limit_error` | `"status":429` |
/// | other 4xx (405, 408, 422, ...) | `invalid_request_error` | `invalid_request_error` | that status |
/// | 500, 501, 502, other 5xx | `api_error` | `api_error` | that status |
/// | 503, 529 | `api_error` | `overloaded_error` | that status |
/// | 504 | `api_error` | `timeout_error` | `"status":504` |
/// | 0 (no response is sent) | `invalid_request_error` | `invalid_request_error` | `"status":499`, as the response |
/// | anything else | `api_error` | `api_error` | the response's status (499 below 100) |
///
/// In every row the problem details `type` is the code's URI
/// ([`ProblemTypes`](crate::ProblemTypes), or the envelope's `doc_url`)
/// and `title` the code's description; [`default_type`](Self::default_type)
/// gives `about:blank`, the problem type RFC 9457 assigns to a status
/// alone.
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
/// use api_error_codes::Format;
///
/// assert_eq!(Format::OpenAi.default_type(404), "not_found_error");
/// assert_eq!(Format::Anthropic.default_type(503), "overloaded_error");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// OpenAI's `{"error":{"message","type","param","code"}}`.
    OpenAi,
    /// Anthropic's `{"type":"error","error":{"type","message"},"request_id"}`.
    Anthropic,
    /// RFC 9457 problem details, `content-type: application/problem+json`:
    /// `{"type","title","status","detail","instance"?,"code","param"?,"retryable","request_id"?}`.
    ///
    /// - `type`: the envelope's [`doc_url`](crate::Envelope::doc_url) when
    ///   set, else the code's URI under the
    ///   [`ProblemTypes`](crate::ProblemTypes) (by default
    ///   `tag:error-codes,2026:<code>`);
    /// - `title`: the code's description, the same for every occurrence
    ///   (the catalogue's for a canonical code; a private code's doc
    ///   comment, else its declared message);
    /// - `status`: the response's status, a number (499 for status 0, as
    ///   [`CLIENT_CLOSED_REQUEST`](crate::CLIENT_CLOSED_REQUEST));
    /// - `detail`: this occurrence's message;
    /// - `instance`: the envelope's [`instance`](crate::Envelope::instance)
    ///   when set, else `urn:request-id:<id>` when a request id is set,
    ///   else left out;
    /// - extension members (RFC 9457 section 3.2: names of three or more
    ///   letters, digits and `_`, starting with a letter, which clients
    ///   ignore when they do not know them): `code`, `param` (when the
    ///   error has one), `retryable`, `request_id` (when set),
    ///   `suggestion` (when set), and `provider` (the upstream provider
    ///   that generated the error, when one did, as in the OpenAI body).
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::DuplicateResource.envelope(Format::Problem).instance("/v1/keys/k_1").to_body();
    /// assert_eq!(
    ///     String::from_utf8(body).unwrap(),
    ///     r#"{"type":"tag:error-codes,2026:duplicate_resource","title":"A resource with this identifier already exists","status":409,"detail":"A resource with this identifier already exists","instance":"/v1/keys/k_1","code":"duplicate_resource","retryable":false}"#
    /// );
    /// ```
    Problem,
}

impl Format {
    /// Every format: OpenAI, Anthropic, problem details. A slice, so a new
    /// format is not a breaking change.
    pub const ALL: &'static [Format] = &[Format::OpenAi, Format::Anthropic, Format::Problem];

    /// The envelope `type` for a status, as in the table above; for
    /// problem details `about:blank`, the type of a problem that says no
    /// more than its status (a body's `type` names its code instead).
    ///
    /// ```
    /// use api_error_codes::Format;
    ///
    /// assert_eq!(Format::OpenAi.default_type(429), "rate_limit_error");
    /// assert_eq!(Format::Anthropic.default_type(504), "timeout_error");
    /// assert_eq!(Format::OpenAi.default_type(0), "invalid_request_error");
    /// assert_eq!(Format::Problem.default_type(404), "about:blank");
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
            Format::Problem => "about:blank",
        }
    }

    /// The header that carries the request id, as this format's SDK reads it
    /// (problem details: the common `x-request-id`).
    pub const fn request_id_header(self) -> &'static str {
        match self {
            Format::OpenAi | Format::Problem => "x-request-id",
            Format::Anthropic => "request-id",
        }
    }

    /// The `content-type` of this format's bodies.
    pub const fn content_type(self) -> &'static str {
        match self {
            Format::OpenAi | Format::Anthropic => "application/json",
            Format::Problem => "application/problem+json",
        }
    }
}
