//! The message policy: what of a provider's error the client reads (see
//! the module docs, "What the client reads").

use super::signals::Signals;
use super::{param, redact};
use crate::ErrorCode;

/// The longest [`upstream_message`](super::UpstreamError::upstream_message)
/// (and client message) kept, in bytes: longer provider text is cut at a
/// character boundary and ends with `…`.
pub const MESSAGE_CAP: usize = 4096;

/// What an error keeps of the provider's words.
pub(crate) struct View {
    /// The provider's message (or body), capped: for logs.
    pub(crate) upstream_message: String,
    /// The message the client reads, filtered; `None`: the catalogue's.
    pub(crate) client_message: Option<String>,
    /// The parameter the client reads.
    pub(crate) param: Option<String>,
}

/// The policy applied to what the provider said: for a code the client
/// can fix, the provider's message filtered and the parameter it names
/// (the body's, the message's leading path, a fixed phrase, a structured
/// detail's field); for the gateway's own failures, neither.
pub(crate) fn apply(canonical: ErrorCode, signals: Signals, raw: impl FnOnce() -> String) -> View {
    let fixable = client_can_fix(canonical);
    let mut param = signals.param.filter(|_| fixable);
    if fixable && param.is_none() {
        let named = || {
            names_a_parameter(canonical)
                .then(|| param::named(&signals.message))
                .flatten()
        };
        param = param::leading(&signals.message)
            .or_else(named)
            .or(signals.field);
    }
    let upstream_message = capped(if signals.envelope && !signals.message.is_empty() {
        signals.message
    } else {
        raw()
    });
    let client_message = (fixable && signals.envelope && !upstream_message.trim().is_empty())
        .then(|| client_message(&upstream_message, None));
    View {
        param: param.map(|param| redact::client_safe(&param, None)),
        upstream_message,
        client_message,
    }
}

/// The provider's message as the client reads it: filtered, capped.
pub(crate) fn client_message(upstream_message: &str, request: Option<&str>) -> String {
    capped(redact::client_safe(upstream_message, request))
}

/// `text` cut to [`MESSAGE_CAP`] bytes at a character boundary, ending
/// with `…` when cut.
pub(crate) fn capped(mut text: String) -> String {
    if text.len() > MESSAGE_CAP {
        let mut end = MESSAGE_CAP - '…'.len_utf8();
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push('…');
    }
    text
}

/// The codes whose fix is the client's (or whose model choice is: no
/// provider serves it now): it reads the provider's (redacted) message and
/// the parameter. For every other code (the gateway's own failures:
/// credentials, quota, 5xx, overload, timeouts, rate limits) it reads the
/// catalogue's description.
fn client_can_fix(code: ErrorCode) -> bool {
    use ErrorCode::*;
    names_a_parameter(code)
        || matches!(
            code,
            ContextLengthExceeded
                | ContentFiltered
                | InvalidRequest
                | ModelNotFound
                | ResourceNotFound
                | DuplicateResource
                | IdempotencyConflict
                | StatePreconditionFailed
                | NoProviderAvailable
                | NoResponsesEndpoint
                | PayloadTooLarge
                | NoCompatibleEndpoint
        )
}

/// Fixable errors about one parameter or feature of the request, whose
/// message may name it by a fixed phrase anywhere.
fn names_a_parameter(code: ErrorCode) -> bool {
    use ErrorCode::*;
    matches!(
        code,
        MissingRequiredParameter
            | UnknownField
            | InvalidParameterValue
            | ToolsNotSupported
            | VisionNotSupported
            | StreamingNotSupported
            | NonStreamingNotSupported
            | JsonModeNotSupported
            | StructuredOutputNotSupported
            | ToolsWithStructuredOutputNotSupported
            | ToolChoiceRequiredNotSupported
            | ReasoningNotSupported
            | ThinkingDisableNotSupported
            | UnsupportedModalities
            | HostedToolNotSupported
    )
}
