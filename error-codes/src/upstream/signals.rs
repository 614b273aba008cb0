//! What an upstream error says, whatever the provider's shape: its codes,
//! message, parameter, retry delay and structural marks, gathered from the
//! headers and the body (read into it by `body.rs`) for the translation
//! table.

use super::{retry, Provider};
use http::HeaderMap;
use std::time::{Duration, SystemTime};

/// The most of a body that is read as JSON: a provider's error body is a
/// few KiB; anything larger is judged by its status and headers alone.
pub(crate) const BODY_LIMIT: usize = 256 * 1024;

/// Everything the classifier reads.
#[derive(Debug, Default)]
pub(crate) struct Signals {
    /// The HTTP status the provider answered with (200 for a stream).
    pub(crate) status_sent: u16,
    /// The status the error stands for: the HTTP status; for an error inside a 200 stream, the status the
    /// body names (Google's and OpenRouter's numeric `code`), if any.
    pub(crate) status: u16,
    /// Every code, type, status name, reason and exception the body and
    /// headers carry, with how specific each is; sorted by [`Rank`] once
    /// gathered, the first being the one reported as the upstream code.
    pub(crate) codes: Vec<(Rank, String)>,
    /// The provider's message (raw).
    pub(crate) message: String,
    /// Further provider wording that is not the message: the outer message
    /// of a relayed error, field violations' and details' descriptions.
    /// Matched by the table, never shown.
    pub(crate) extra: String,
    /// The request parameter the body names (`param`, a FastAPI `loc`).
    pub(crate) param: Option<String>,
    /// A field a structured detail names (Google's `fieldViolations`): the
    /// parameter when the message names none.
    pub(crate) field: Option<String>,
    /// The delay asked for.
    pub(crate) retry_after: Option<Duration>,
    /// Whether the body was an error envelope of some provider's shape.
    pub(crate) envelope: bool,
    /// Whether the body carries a moderation verdict: OpenRouter's
    /// `reasons` / `flagged_input`, Azure's filtered content filter results.
    pub(crate) moderation: bool,
    /// The provider behind a relay (OpenRouter's `metadata.provider_name`),
    /// whose own body `metadata.raw` is.
    pub(crate) relayed: Option<Provider>,
}

/// How specific a code is, most specific first: the order in which codes
/// are reported, the first being the upstream code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rank {
    /// A name that is the provider's whole classification: AWS's error type
    /// (`x-amzn-errortype`, `__type`), Google's status name.
    Named,
    /// The provider's code (`error.code`, a flat `code`, a FastAPI
    /// `detail[].type`).
    Code,
    /// Azure's `innererror.code`.
    Inner,
    /// The error's type (`error.type`, a flat `type`).
    Type,
    /// Anthropic's `details.error_code`, Google's `ErrorInfo.reason`,
    /// Azure's `details[].code`.
    Detail,
    /// A numeric code (`429`, `"1300"`): ranked after text, which says more.
    Numeric,
    /// A code of an error relayed inside this one (OpenRouter's
    /// `metadata.raw`, a message that is itself an error body).
    Nested,
}

impl Signals {
    /// Ranks the codes and settles the delay: the headers' first, else the
    /// body's structured one, else one written in the message.
    pub(crate) fn finish(&mut self, headers: &HeaderMap) {
        self.codes.sort_by_key(|(rank, _)| *rank);
        self.retry_after = retry::from_headers(headers, SystemTime::now())
            .or(self.retry_after)
            .or_else(|| retry::from_message(&self.message));
    }

    /// Keeps `code` with its rank; a numeric code ranks as such, and one
    /// that is an HTTP error status stands for the status of an error sent
    /// inside a 200 stream.
    pub(crate) fn push_code(&mut self, rank: Rank, code: &str) {
        let code = code.trim();
        // Python's `None` written as text (a LiteLLM proxy) is no code.
        let absent = code.is_empty() || code == "None" || code.len() > 128;
        if absent || self.codes.iter().any(|(_, known)| known == code) {
            return;
        }
        let rank = if code.bytes().all(|byte| byte.is_ascii_digit()) && rank != Rank::Nested {
            if let Ok(status @ 400..=599) = code.parse::<u16>() {
                if !(400..=599).contains(&self.status) {
                    self.status = status;
                }
            }
            Rank::Numeric
        } else {
            rank
        };
        self.codes.push((rank, code.to_owned()));
    }

    /// Keeps the first non-blank message found.
    pub(crate) fn set_message(&mut self, message: &str) {
        if self.message.is_empty() && !message.trim().is_empty() {
            message.clone_into(&mut self.message);
        }
    }

    /// Adds wording that is not the message.
    pub(crate) fn add_extra(&mut self, text: &str) {
        if !text.trim().is_empty() && self.extra.len() < BODY_LIMIT {
            self.extra.push_str(text);
            self.extra.push('\n');
        }
    }

    /// Keeps the first parameter found that names a request field: not
    /// empty, not `None`, not a sentence or a masked key.
    pub(crate) fn set_param(&mut self, param: Option<&str>) {
        let names_a_field = |param: &&str| {
            !param.is_empty()
                && *param != "None"
                && param.len() <= 256
                && !param.contains(|c: char| c.is_whitespace() || c == '*')
        };
        if let Some(param) = param.filter(names_a_field) {
            self.param.get_or_insert_with(|| param.to_owned());
        }
    }

    /// The codes, most specific first.
    pub(crate) fn codes(&self) -> impl Iterator<Item = &str> {
        self.codes.iter().map(|(_, code)| code.as_str())
    }
}

/// An AWS error type as the `x-amzn-errortype` header or `__type` sends it:
/// `ThrottlingException:http://internal.amazon.com/...` or
/// `com.amazon.coral.service#ThrottlingException`: the part after `#`,
/// before `:`.
pub(crate) fn aws_type(kind: &str) -> &str {
    let kind = kind.split(':').next().unwrap_or(kind);
    kind.rsplit('#').next().unwrap_or(kind)
}
