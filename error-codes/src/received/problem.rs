//! What a [`ReceivedError`] says of problem details: parsing a body known
//! to be one, and the members only problem details have.

use super::{ParseError, ReceivedError};
use http::header::CONTENT_TYPE;
use http::HeaderMap;

/// What only a problem details body carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ProblemMembers {
    /// `type`, or `about:blank` when it is absent (or not a string).
    pub(crate) problem_type: String,
    pub(crate) title: Option<String>,
    pub(crate) instance: Option<String>,
    /// `status`, when it is a whole number from 100 to 599.
    pub(crate) status: Option<u16>,
    pub(crate) retryable: Option<bool>,
}

impl ReceivedError {
    /// Parses a body known to be problem details (its `content-type` is
    /// `application/problem+json`), received with HTTP status `status`,
    /// whatever members it has: `{}` is a problem of type `about:blank`
    /// with an empty message. Fails only when the body is not a JSON object
    /// (empty, not UTF-8, not JSON, another JSON type).
    ///
    /// ```
    /// use api_error_codes::{Format, ReceivedError};
    ///
    /// let received = ReceivedError::parse_problem(503, br#"{"retry_in":5}"#).unwrap();
    /// assert_eq!(received.format(), Format::Problem);
    /// assert_eq!(received.problem_type(), Some("about:blank"));
    /// assert_eq!(received.message(), "");
    /// assert!(ReceivedError::parse_problem(503, b"[]").is_err());
    /// ```
    pub fn parse_problem(status: u16, body: &[u8]) -> Result<ReceivedError, ParseError> {
        Ok(super::body::top(body)?.into_problem(status))
    }

    /// The problem type URI of problem details (`type`); `None` for the
    /// OpenAI and Anthropic envelopes.
    ///
    /// Problem details are read by RFC 9457's rules, so a body from any
    /// server parses: an absent `type` means `about:blank` (a problem that
    /// says no more than its status); a member whose value has the wrong
    /// type is ignored, as if absent; unknown extension members are
    /// skipped. The message is `detail`, else `title`, else empty; the
    /// code is the `code` extension member (a string, or a number as its
    /// decimal text); `param`, `request_id` and `suggestion` are read from
    /// the members of those names.
    ///
    /// ```
    /// use api_error_codes::{Format, ReceivedError};
    ///
    /// // Another server's problem: no `type`, a `status` of the wrong type,
    /// // an extension member this crate does not know.
    /// let body = br#"{"title":"Not Found","status":"404","detail":"no key k_1","balance":30}"#;
    /// let received = ReceivedError::parse(404, body).unwrap();
    /// assert_eq!(received.format(), Format::Problem);
    /// assert_eq!(received.problem_type(), Some("about:blank"));
    /// assert_eq!(received.title(), Some("Not Found"));
    /// assert_eq!(received.message(), "no key k_1");
    /// assert_eq!(received.problem_status(), None);
    /// ```
    pub fn problem_type(&self) -> Option<&str> {
        self.problem
            .as_deref()
            .map(|problem| problem.problem_type.as_str())
    }

    /// The problem details `title`, the same for every occurrence of the
    /// problem type.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format, ReceivedError};
    ///
    /// let body = ErrorCode::MfaRequired.to_body(Format::Problem);
    /// let received = ReceivedError::parse(403, &body).unwrap();
    /// assert_eq!(received.title(), Some(ErrorCode::MfaRequired.description()));
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.problem.as_deref()?.title.as_deref()
    }

    /// The problem details `instance`: a URI reference naming this
    /// occurrence.
    ///
    /// ```
    /// use api_error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(409, br#"{"title":"Conflict","instance":"/v1/keys/k_1"}"#).unwrap();
    /// assert_eq!(received.instance(), Some("/v1/keys/k_1"));
    /// ```
    pub fn instance(&self) -> Option<&str> {
        self.problem.as_deref()?.instance.as_deref()
    }

    /// The problem details `status` member, when it is a whole number from
    /// 100 to 599. Kept, not trusted: [`status`](Self::status) stays the
    /// HTTP status the response had (RFC 9457 makes the member advisory;
    /// a proxy may have changed the response's status, and a body may lie).
    ///
    /// ```
    /// use api_error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(502, br#"{"title":"Bad Request","status":400}"#).unwrap();
    /// assert_eq!(received.status(), 502);
    /// assert_eq!(received.problem_status(), Some(400));
    /// ```
    pub fn problem_status(&self) -> Option<u16> {
        self.problem.as_deref()?.status
    }

    /// The problem details `retryable` extension member, when it is a
    /// boolean.
    ///
    /// ```
    /// use api_error_codes::{ApiError, ErrorCode, Format, ReceivedError};
    ///
    /// let body = ErrorCode::UpstreamTimeout.to_body(Format::Problem);
    /// assert_eq!(ReceivedError::parse(504, &body).unwrap().retryable(), Some(true));
    /// ```
    pub fn retryable(&self) -> Option<bool> {
        self.problem.as_deref()?.retryable
    }
}

/// Whether `headers` say the body is problem details:
/// `content-type: application/problem+json`, in any case, parameters
/// allowed.
pub(crate) fn is_problem_content_type(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(CONTENT_TYPE) else {
        return false;
    };
    let Ok(value) = value.to_str() else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/problem+json")
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    #[test]
    fn problem_content_types() {
        for (value, expected) in [
            ("application/problem+json", true),
            ("Application/Problem+JSON; charset=utf-8", true),
            (" application/problem+json ;q=1", true),
            ("application/json", false),
            ("application/problem+xml", false),
            ("", false),
        ] {
            let mut headers = HeaderMap::new();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(value));
            assert_eq!(is_problem_content_type(&headers), expected, "{value:?}");
        }
        assert!(!is_problem_content_type(&HeaderMap::new()));
    }
}
