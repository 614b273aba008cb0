//! [`Origin`]: where an error came from, for logs, traces and metrics.

use std::fmt;

/// Where an error came from, as [`ApiError::origin`](crate::ApiError::origin)
/// says: the gateway itself, an upstream provider, or the client going
/// away. A label of few values, like the code, so both can key a metric.
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode, Origin};
/// use std::collections::HashMap;
///
/// // Errors per (code, origin): both `&'static str`, so the keys are
/// // bounded by the catalogue, never by what a client or provider sent.
/// let mut errors: HashMap<(&'static str, &'static str), u64> = HashMap::new();
/// for error in [ErrorCode::RateLimitExceeded, ErrorCode::RateLimitExceeded, ErrorCode::ClientDisconnected] {
///     *errors.entry((error.code(), error.origin().as_str())).or_default() += 1;
/// }
/// assert_eq!(errors[&("rate_limit_exceeded", "gateway")], 2);
/// assert_eq!(errors[&("client_disconnected", "client")], 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Origin {
    /// The gateway decided it: a bad request, a limit, its own failure.
    Gateway,
    /// An upstream provider generated it ([`ApiError::provider`](crate::ApiError::provider) names it).
    Upstream,
    /// The client went away (`client_disconnected`).
    Client,
}

impl Origin {
    /// `"gateway"`, `"upstream"` or `"client"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Origin::Gateway => "gateway",
            Origin::Upstream => "upstream",
            Origin::Client => "client",
        }
    }
}

impl fmt::Display for Origin {
    /// [`Origin::as_str`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
