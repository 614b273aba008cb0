//! Failures below HTTP (a refused or broken connection, a timeout) read as
//! [`UpstreamError`]s, and the log events of upstream failures and of
//! clients that went away.

use crate::context::RequestContext;
use api_error_codes::upstream::{Provider, TransportFailure, UpstreamError};
use api_error_codes::{ApiError, ErrorCode};

/// What the HTTP client reported, as an [`UpstreamError`]
/// ([`UpstreamError::from_transport`]): `upstream_timeout` for a timeout,
/// `upstream_error` for a connection that failed or broke, with the
/// client's words and their causes as its upstream message (for logs).
pub(crate) fn transport_error(provider: Provider, error: &reqwest::Error) -> UpstreamError {
    let failure = if error.is_timeout() {
        TransportFailure::Timeout
    } else if error.is_connect() {
        TransportFailure::Connect
    } else {
        TransportFailure::Broken
    };
    // The source chain says what happened (`connection refused`, ...).
    let mut detail = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        detail = format!("{detail}: {cause}");
        source = cause.source();
    }
    UpstreamError::from_transport(provider, failure, detail)
}

/// Logs an upstream failure. What the provider wrote is quoted and
/// escaped (`?`): it may hold anything, newlines included.
pub(crate) fn log_failure(context: &RequestContext, error: &UpstreamError) {
    tracing::warn!(
        request_id = %context.id,
        provider = %error.provider().map_or("none", |provider| provider.name()),
        code = %error.code(),
        transport = ?error.transport(),
        upstream_status = error.upstream_status(),
        upstream_code = ?error.upstream_code(),
        upstream_message = ?error.upstream_message(),
        "upstream failed",
    );
}

/// Logs `client_disconnected` if dropped before its request is answered
/// (the forwarding future, then the stream relay, hold it): the client went
/// away, and dropping them cancels the upstream request.
pub(crate) struct DisconnectGuard {
    pub(crate) context: RequestContext,
    provider: Provider,
    /// Set once the client has its whole answer.
    pub(crate) finished: bool,
}

impl DisconnectGuard {
    pub(crate) fn new(context: &RequestContext, provider: Provider) -> Self {
        let context = context.clone();
        DisconnectGuard {
            context,
            provider,
            finished: false,
        }
    }
}

impl Drop for DisconnectGuard {
    fn drop(&mut self) {
        if !self.finished {
            tracing::info!(
                request_id = %self.context.id,
                provider = %self.provider.name(),
                code = %ErrorCode::ClientDisconnected.code(),
                "the client went away; the upstream request is cancelled",
            );
        }
    }
}
