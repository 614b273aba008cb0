//! [`TransportFailure`]: what went wrong when a provider gave no HTTP
//! answer to read.

/// A failure below HTTP: the gateway got no answer from the provider, or
/// not the whole of one. [`UpstreamError::from_transport`] turns it into
/// the canonical code a gateway answers with.
///
/// [`UpstreamError::from_transport`]: crate::upstream::UpstreamError::from_transport
///
/// ```
/// use api_error_codes::upstream::{Provider, TransportFailure, UpstreamError};
/// use api_error_codes::ErrorCode;
///
/// let error = UpstreamError::from_transport(Provider::OpenAi, TransportFailure::Timeout, "no answer in 30 s");
/// assert_eq!(error.canonical(), ErrorCode::UpstreamTimeout);
/// assert_eq!(error.transport(), Some(TransportFailure::Timeout));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportFailure {
    /// No connection was made: refused, unreachable, a name that does not
    /// resolve, a TLS handshake that failed. `upstream_error`.
    Connect,
    /// The connection broke before the answer was complete: reset, closed
    /// in the middle of a body or of a stream, a chunk that cannot be
    /// read. `upstream_error`.
    Broken,
    /// Nothing came within the gateway's deadline: no answer, or no next
    /// part of a body or stream. `upstream_timeout`.
    Timeout,
}

impl TransportFailure {
    /// Every failure, in declaration order.
    ///
    /// ```
    /// use api_error_codes::upstream::TransportFailure;
    /// assert_eq!(TransportFailure::ALL.len(), 3);
    /// ```
    pub const ALL: [TransportFailure; 3] = [
        TransportFailure::Connect,
        TransportFailure::Broken,
        TransportFailure::Timeout,
    ];

    /// The canonical code a gateway answers this failure with.
    ///
    /// ```
    /// use api_error_codes::upstream::TransportFailure;
    /// use api_error_codes::ErrorCode;
    ///
    /// assert_eq!(TransportFailure::Connect.canonical(), ErrorCode::UpstreamError);
    /// assert_eq!(TransportFailure::Timeout.canonical(), ErrorCode::UpstreamTimeout);
    /// ```
    pub fn canonical(self) -> crate::ErrorCode {
        match self {
            TransportFailure::Connect | TransportFailure::Broken => crate::ErrorCode::UpstreamError,
            TransportFailure::Timeout => crate::ErrorCode::UpstreamTimeout,
        }
    }
}
