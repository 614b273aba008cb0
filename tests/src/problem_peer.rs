//! [`ProblemPeer`]: a problem details body as `serde_json` writes it, the
//! reference the crate's own body writer is held to byte for byte.

use serde::Serialize;

/// The members of a problem details body (`Format::Problem`), in the
/// crate's order, absent optional members left out.
///
/// ```
/// let body = serde_json::to_string(&error_codes_tests::ProblemPeer {
///     problem_type: "tag:error-codes,2026:mfa_required",
///     title: "t",
///     status: 403,
///     detail: "d",
///     instance: None,
///     code: "mfa_required",
///     param: None,
///     retryable: false,
///     request_id: None,
///     suggestion: None,
/// }).unwrap();
/// assert_eq!(body, r#"{"type":"tag:error-codes,2026:mfa_required","title":"t","status":403,"detail":"d","code":"mfa_required","retryable":false}"#);
/// ```
#[derive(Debug, Serialize)]
pub struct ProblemPeer<'a> {
    /// `type`.
    #[serde(rename = "type")]
    pub problem_type: &'a str,
    /// `title`.
    pub title: &'a str,
    /// `status`.
    pub status: u16,
    /// `detail`.
    pub detail: &'a str,
    /// `instance`, left out when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<&'a str>,
    /// `code`.
    pub code: &'a str,
    /// `param`, left out when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<&'a str>,
    /// `retryable`.
    pub retryable: bool,
    /// `request_id`, left out when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<&'a str>,
    /// `suggestion`, left out when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<&'a str>,
}
