//! Failures below HTTP (a refused or broken connection, a timeout) read as
//! [`UpstreamError`]s, and the log events of upstream failures and of
//! clients that went away.

use api_error_codes::layer::ErrorContext;
use api_error_codes::stream::Outcome;
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
pub(crate) fn log_failure(request_id: &str, error: &UpstreamError) {
    tracing::warn!(
        request_id = %request_id,
        provider = %error.provider().map_or("none", |provider| provider.name()),
        code = %error.code(),
        transport = ?error.transport(),
        upstream_status = error.upstream_status(),
        upstream_code = ?error.upstream_code(),
        upstream_message = ?error.upstream_message(),
        "upstream failed",
    );
}

/// Logs how a stream relay ended, if not whole.
pub(crate) fn log_outcome(request_id: &str, provider: Provider, outcome: Outcome) {
    match outcome {
        Outcome::Failed(error) => log_failure(request_id, &error),
        Outcome::ClientDisconnected => log_disconnect(request_id, provider),
        _ => {}
    }
}

/// Logs `client_disconnected`: the client went away before its whole
/// answer, and the upstream request was dropped with the answer.
fn log_disconnect(request_id: &str, provider: Provider) {
    tracing::info!(
        request_id = %request_id,
        provider = %provider.name(),
        code = %ErrorCode::ClientDisconnected.code(),
        "the client went away; the upstream request is cancelled",
    );
}

/// Logs `client_disconnected` if dropped before the upstream has answered
/// (the forwarding future holds it; a stream relay reports for itself).
pub(crate) struct DisconnectGuard {
    request_id: Box<str>,
    provider: Provider,
    /// Set once the client has its answer, or a relay reports for it.
    pub(crate) finished: bool,
}

impl DisconnectGuard {
    pub(crate) fn new(context: &ErrorContext, provider: Provider) -> Self {
        DisconnectGuard {
            request_id: context.request_id().into(),
            provider,
            finished: false,
        }
    }
}

impl Drop for DisconnectGuard {
    fn drop(&mut self) {
        if !self.finished {
            log_disconnect(&self.request_id, self.provider);
        }
    }
}
