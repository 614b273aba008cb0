//! [`DocUrls`]: where each code's documentation page is, for the `doc_url`
//! of OpenAI- and Anthropic-format bodies.

use crate::problem::install_once;
use crate::{ProblemTypes, ProblemTypesError};
use std::sync::OnceLock;

/// The documentation pages of an API's codes: the `error.doc_url` of an
/// OpenAI- or Anthropic-format body is this base followed by the code,
/// unless the envelope has its own [`doc_url`](crate::Envelope::doc_url).
/// What [`ProblemTypes`] is for problem details, whose `type` is their
/// link (and which this does not change).
///
/// The base follows the rules of [`ProblemTypes::new`]: an absolute URI,
/// ending with its separator (`https://docs.example.com/errors#` gives
/// `https://docs.example.com/errors#rate_limit_exceeded`, an anchor on
/// the page [`CodeList::to_markdown`](crate::CodeList::to_markdown)
/// writes). Without one installed, bodies have no `doc_url`.
///
/// Anthropic's envelope has no `doc_url` of its own; the body carries it
/// as an extra member of `error`, which the official SDKs accept: Python's
/// models allow extra fields (with anthropic 2.13.0 such a 429 is still a
/// `RateLimitError` with its `error_code`, the link kept in `body`),
/// TypeScript's types are not checked at run time, and Go's generated
/// decoder keeps unknown members in `JSON.ExtraFields`.
///
/// ```
/// use api_error_codes::{ApiError, DocUrls, ErrorCode};
///
/// let docs = DocUrls::new("https://docs.example.com/errors#").unwrap();
/// assert_eq!(docs.url("mfa_required"), "https://docs.example.com/errors#mfa_required");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DocUrls(ProblemTypes);

/// The base [`DocUrls::install`] set, once per process.
static INSTALLED: OnceLock<DocUrls> = OnceLock::new();

impl DocUrls {
    /// The pages under `base`, an absolute URI as [`ProblemTypes::new`]
    /// checks it. Usable in `const`.
    ///
    /// ```
    /// use api_error_codes::{DocUrls, ProblemTypesError};
    ///
    /// assert_eq!(DocUrls::new("docs/errors#"), Err(ProblemTypesError::NoScheme));
    /// ```
    pub const fn new(base: &'static str) -> Result<DocUrls, ProblemTypesError> {
        match ProblemTypes::new(base) {
            Ok(types) => Ok(DocUrls(types)),
            Err(error) => Err(error),
        }
    }

    /// The base each code is appended to.
    pub const fn base(&self) -> &'static str {
        self.0.base()
    }

    /// The page of `code`: the base, then the code (percent-encoded where
    /// a URI needs it).
    pub fn url(&self, code: &str) -> String {
        self.0.type_uri(code)
    }

    /// Makes these the pages of every OpenAI- and Anthropic-format body
    /// without a `doc_url` of its own, for the rest of the process. Call it
    /// once, at startup; `Err` gives back the pages already installed (a
    /// second call changes nothing).
    ///
    /// ```
    /// use api_error_codes::{ApiError, DocUrls, ErrorCode, Format};
    ///
    /// let docs = DocUrls::new("https://docs.example.com/errors#").unwrap();
    /// assert_eq!(docs.install(), Ok(()));
    /// assert_eq!(DocUrls::installed(), Some(docs));
    ///
    /// let body = ErrorCode::UpstreamTimeout.to_body(Format::Anthropic);
    /// let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    /// assert_eq!(json["error"]["doc_url"], "https://docs.example.com/errors#upstream_timeout");
    /// let body = ErrorCode::UpstreamTimeout.envelope(Format::OpenAi).doc_url("https://x.test/e").to_body();
    /// assert!(body.ends_with(br#","doc_url":"https://x.test/e"}}"#));
    /// ```
    pub fn install(self) -> Result<(), DocUrls> {
        install_once(&INSTALLED, self)
    }

    /// The installed pages, if any.
    pub fn installed() -> Option<DocUrls> {
        INSTALLED.get().copied()
    }
}
