//! [`Disposition`]: what a gateway does next with an upstream error.

use crate::{ApiError, ErrorCode};
use std::time::Duration;

/// What a gateway that can fail over does next with an [`UpstreamError`]:
/// the same provider again, another provider, a model with a larger
/// context window, or the client.
///
/// [`UpstreamError::disposition`] decides it with the canonical code:
///
/// | disposition | when | canonical codes (examples) |
/// |---|---|---|
/// | `RetrySame { after }` | transient on this provider: rate limits, overload, 5xx, timeouts, a connection that failed or broke | `rate_limit_exceeded`, `model_unavailable`, `upstream_timeout`, `upstream_error` from a 5xx or an unreadable body |
/// | `TryAnotherProvider` | this provider cannot serve it, another may: the gateway's credentials, organization, billing or quota at the provider, a region it does not serve, a model it lacks | `upstream_error` from a 401, 402 or 403 or the account's wording, `model_not_found` |
/// | `TryLargerContext` | the input is over this model's context window | `context_length_exceeded` |
/// | `ReturnToClient` | only the client can fix it | `invalid_request`, `unknown_field`, `missing_required_parameter`, `invalid_parameter_value`, `content_filtered`, `payload_too_large`, the `*_not_supported` codes |
///
/// `TryAnotherProvider` for a model this provider lacks assumes the
/// gateway routes the model elsewhere too; a gateway with no other route
/// answers the client, as it does when every provider has been tried.
///
/// [`UpstreamError`]: super::UpstreamError
/// [`UpstreamError::disposition`]: super::UpstreamError::disposition
///
/// ```
/// use api_error_codes::upstream::{Disposition, Provider, UpstreamError};
/// use std::time::Duration;
///
/// let mut headers = http::HeaderMap::new();
/// headers.insert("retry-after", "7".parse().unwrap());
/// let busy = UpstreamError::from_response(Provider::Anthropic, 529, &headers, b"");
/// assert_eq!(busy.disposition(), Disposition::RetrySame { after: Some(Duration::from_secs(7)) });
///
/// let body = br#"{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#;
/// let broke = UpstreamError::from_response(Provider::OpenAi, 429, &http::HeaderMap::new(), body);
/// assert_eq!(broke.disposition(), Disposition::TryAnotherProvider);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Disposition {
    /// Transient on this provider: send the same request to it again,
    /// after the delay it asked for, if any.
    RetrySame {
        /// The provider's delay ([`retry_after`](crate::ApiError::retry_after)).
        after: Option<Duration>,
    },
    /// This provider cannot serve the request; another one may.
    TryAnotherProvider,
    /// The input is over the model's context window: a model with a
    /// larger one may take it.
    TryLargerContext,
    /// Only the client can fix the request: answer it with the error.
    ReturnToClient,
}

impl Disposition {
    /// What follows from a canonical code alone: retryable codes are
    /// transient, `context_length_exceeded` wants a larger context,
    /// `model_not_found` another provider, the rest the client.
    pub(crate) fn of(code: ErrorCode, after: Option<Duration>) -> Disposition {
        match code {
            ErrorCode::ContextLengthExceeded => Disposition::TryLargerContext,
            ErrorCode::ModelNotFound => Disposition::TryAnotherProvider,
            code if code.is_retryable() => Disposition::RetrySame { after },
            _ => Disposition::ReturnToClient,
        }
    }

    /// `RetrySame` with the delay the provider asked for, when a row
    /// gave none.
    pub(crate) fn with_delay(self, delay: Option<Duration>) -> Disposition {
        match self {
            Disposition::RetrySame { after } => Disposition::RetrySame {
                after: after.or(delay),
            },
            other => other,
        }
    }
}
