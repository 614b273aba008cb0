//! [`Classifier`] and [`Rule`]: the translation table with a gateway's
//! own rows before it.

use super::gather;
use super::signals::Signals;
use super::table::Reading;
use super::{stream, words, Disposition, Provider, UpstreamError};
use crate::ErrorCode;
use http::HeaderMap;

/// The translation table, with a gateway's own [`Rule`]s consulted before
/// it: for a provider the gateway speaks to as
/// [`OpenAiCompatible`](Provider::OpenAiCompatible) whose codes the table
/// does not know, or to decide one of the table's cases otherwise.
///
/// [`UpstreamError::from_response`] and [`UpstreamError::from_sse_event`]
/// are [`Classifier::new`]'s [`response`](Self::response) and
/// [`sse_event`](Self::sse_event). A gateway builds its classifier once and
/// shares it (it is `Send + Sync`).
///
/// ```
/// use api_error_codes::upstream::{Classifier, Disposition, Provider, Rule};
/// use api_error_codes::ErrorCode;
///
/// let classifier = Classifier::new()
///     // A local server's own code for a full GPU queue.
///     .with_rule(Rule::code("queue_full", ErrorCode::ModelUnavailable).with_provider(Provider::OpenAiCompatible))
///     // This gateway has no other route for its Azure deployments.
///     .with_rule(
///         Rule::code("DeploymentNotFound", ErrorCode::ModelNotFound)
///             .with_provider(Provider::Azure)
///             .with_disposition(Disposition::ReturnToClient),
///     );
///
/// let body = br#"{"error":{"message":"Queue is full, try later","type":"server_error","code":"queue_full"}}"#;
/// let error = classifier.response(Provider::OpenAiCompatible, 500, &http::HeaderMap::new(), body);
/// assert_eq!(error.canonical(), ErrorCode::ModelUnavailable);
///
/// let body = br#"{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist."}}"#;
/// let error = classifier.response(Provider::Azure, 404, &http::HeaderMap::new(), body);
/// assert_eq!(error.canonical(), ErrorCode::ModelNotFound);
/// assert_eq!(error.disposition(), Disposition::ReturnToClient);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Classifier {
    rules: Vec<Rule>,
}

/// What decided a translation: a row of the table or a gateway's rule, by
/// index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    Row(usize),
    Rule(usize),
}

static STANDARD: Classifier = Classifier { rules: Vec::new() };

impl Classifier {
    /// The translation table alone.
    pub fn new() -> Classifier {
        Classifier::default()
    }

    /// The table alone, shared.
    pub(crate) fn standard() -> &'static Classifier {
        &STANDARD
    }

    /// The same classifier with `rule` after the rules it has and before
    /// the table.
    #[must_use]
    pub fn with_rule(mut self, rule: Rule) -> Classifier {
        self.rules.push(rule);
        self
    }

    /// The gateway's rules, in the order they are consulted.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Reads an error response, as [`UpstreamError::from_response`] does,
    /// with the rules first.
    pub fn response(
        &self,
        provider: Provider,
        status: u16,
        headers: &HeaderMap,
        body: &[u8],
    ) -> UpstreamError {
        let signals = gather::of_response(status, headers, body);
        self.translate(provider, signals, || {
            String::from_utf8_lossy(body).into_owned()
        })
    }

    /// Reads a stream event, as [`UpstreamError::from_sse_event`] does,
    /// with the rules first.
    pub fn sse_event(&self, provider: Provider, event: &[u8]) -> Option<UpstreamError> {
        let event = stream::error_event(provider, event)?;
        let signals = gather::of_event(event.data.as_ref());
        Some(self.translate(provider, signals, || event.raw))
    }

    fn translate(
        &self,
        provider: Provider,
        signals: Signals,
        raw: impl FnOnce() -> String,
    ) -> UpstreamError {
        let reading = Reading::new(provider, &signals);
        let (verdict, canonical, disposition) =
            match self.rules.iter().position(|rule| rule.matches(&reading)) {
                Some(index) => (
                    Verdict::Rule(index),
                    self.rules[index].canonical,
                    self.rules[index].disposition,
                ),
                None => {
                    let (index, row) = reading.classify();
                    (Verdict::Row(index), row.canonical, row.disposition)
                }
            };
        drop(reading);
        UpstreamError::decided(provider, signals, verdict, canonical, disposition, raw)
    }
}

/// A gateway's own row of the translation table: when an error has this
/// code, says this phrase or has this status (from this provider, if
/// given), it is this canonical code, with this [`Disposition`] (by
/// default the code's own, as [`UpstreamError::disposition`] describes).
///
/// ```
/// use api_error_codes::upstream::{Classifier, Provider, Rule};
/// use api_error_codes::ErrorCode;
///
/// // A phrase matches the provider's words as the table's do: case,
/// // quotes and word boundaries aside.
/// let classifier = Classifier::new().with_rule(Rule::phrase("KV cache is full", ErrorCode::ModelUnavailable));
/// let body = br#"{"error":{"message":"Request rejected: the KV cache is FULL.","type":"BadRequestError"}}"#;
/// let error = classifier.response(Provider::OpenAiCompatible, 400, &http::HeaderMap::new(), body);
/// assert_eq!(error.canonical(), ErrorCode::ModelUnavailable);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    provider: Option<Provider>,
    test: Test,
    canonical: ErrorCode,
    disposition: Option<Disposition>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Test {
    Code(String),
    Phrase(String),
    Status(u16),
}

impl Rule {
    /// When one of the error's codes, types, status names, reasons or
    /// exceptions is `code`, exactly as the provider sends it.
    pub fn code(code: impl Into<String>, canonical: ErrorCode) -> Rule {
        Rule::new(Test::Code(code.into()), canonical)
    }

    /// When the provider's message says `phrase`: words compared after the
    /// normalization the table's phrases get (case, typographic quotes,
    /// percent-encoding, `n't`), on word boundaries, outside quoted names;
    /// a word ending in `*` matches any word it starts, and `..` skips up
    /// to three words.
    pub fn phrase(phrase: impl AsRef<str>, canonical: ErrorCode) -> Rule {
        Rule::new(Test::Phrase(words::normalize(phrase.as_ref())), canonical)
    }

    /// When the provider answered with HTTP `status` (for an error inside
    /// a stream, the status its body names).
    pub fn status(status: u16, canonical: ErrorCode) -> Rule {
        Rule::new(Test::Status(status), canonical)
    }

    fn new(test: Test, canonical: ErrorCode) -> Rule {
        Rule {
            provider: None,
            test,
            canonical,
            disposition: None,
        }
    }

    /// The same rule, for errors from `provider` only (itself, or relayed
    /// by OpenRouter).
    #[must_use]
    pub fn with_provider(mut self, provider: Provider) -> Rule {
        self.provider = Some(provider);
        self
    }

    /// The same rule, deciding `disposition` rather than the code's own.
    /// A `RetrySame` without a delay gets the provider's, if it gave one.
    #[must_use]
    pub fn with_disposition(mut self, disposition: Disposition) -> Rule {
        self.disposition = Some(disposition);
        self
    }

    fn matches(&self, reading: &Reading<'_>) -> bool {
        let provider = self
            .provider
            .is_none_or(|provider| reading.comes_from(&[provider]));
        provider
            && match &self.test {
                Test::Code(code) => reading.has_code(code),
                Test::Phrase(phrase) => reading.wording.says(phrase),
                Test::Status(status) => reading.signals.status == *status,
            }
    }
}
