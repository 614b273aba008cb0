//! Failures below HTTP (a refused or reset connection, a timeout) read as
//! [`UpstreamError`]s, and the log line of every upstream failure.

use crate::gateway::context::RequestContext;
use crate::gateway::server::Gateway;
use api_error_codes::upstream::{Provider, TransportFailure, UpstreamError};
use api_error_codes::ApiError;
use std::time::Duration;

/// What went wrong below HTTP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Transport {
    /// No connection: refused, unreachable, DNS, TLS.
    Connect(String),
    /// The connection broke: reset, closed mid-body, a broken chunk.
    Broken(String),
    /// Nothing came for `--upstream-timeout`.
    Timeout,
}

impl Transport {
    pub(crate) fn from_reqwest(error: &reqwest::Error) -> Transport {
        // The source chain says what happened (`connection refused`, ...).
        let mut detail = error.to_string();
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            detail = format!("{detail}: {cause}");
            source = cause.source();
        }
        if error.is_timeout() {
            Transport::Timeout
        } else if error.is_connect() {
            Transport::Connect(detail)
        } else {
            Transport::Broken(detail)
        }
    }

    /// The failure as an [`UpstreamError`] ([`UpstreamError::from_transport`]):
    /// `upstream_error` for a connection that failed or broke,
    /// `upstream_timeout` for a timeout, with what happened as its
    /// upstream message, which reaches the logs and never the client.
    pub(crate) fn to_upstream_error(&self, provider: Provider, timeout: Duration) -> UpstreamError {
        let (failure, detail) = match self {
            Transport::Connect(detail) => (
                TransportFailure::Connect,
                format!("no connection to the upstream: {detail}"),
            ),
            Transport::Broken(detail) => (
                TransportFailure::Broken,
                format!("the upstream connection broke: {detail}"),
            ),
            Transport::Timeout => (
                TransportFailure::Timeout,
                format!("the upstream sent nothing for {} s", timeout.as_secs()),
            ),
        };
        UpstreamError::from_transport(provider, failure, detail)
    }
}

/// Logs an upstream failure: the request, the provider, the canonical code
/// and what the upstream said (its message stays in the log; the client
/// reads the crate's client-safe message).
pub(crate) fn log_failure(
    gateway: &Gateway,
    context: &RequestContext,
    error: &UpstreamError,
    transport: Option<&Transport>,
) {
    let how = match transport {
        Some(Transport::Connect(_)) => "connection failed".to_owned(),
        Some(Transport::Broken(_)) => "connection broke".to_owned(),
        Some(Transport::Timeout) => "timed out".to_owned(),
        None => format!("answered {}", error.upstream_status()),
    };
    gateway.log(&format!(
        "{} upstream {} {how}: {} (upstream code {}): {}",
        context.id,
        error.provider().map_or("none", |provider| provider.name()),
        error.code(),
        // Provider text, escaped: a line break in it cannot forge a line.
        error.upstream_code().unwrap_or("none").escape_debug(),
        error.upstream_message().escape_debug(),
    ));
}

/// Logs `client_disconnected` if dropped before its request is answered
/// (the forwarding future, then the stream relay, hold it): the client went
/// away, and dropping them cancels the upstream request.
pub(crate) struct DisconnectGuard {
    pub(crate) gateway: Gateway,
    pub(crate) context: RequestContext,
    pub(crate) provider: Provider,
    /// Set once the client has its whole answer.
    pub(crate) finished: bool,
}

impl DisconnectGuard {
    pub(crate) fn new(gateway: &Gateway, context: &RequestContext, provider: Provider) -> Self {
        DisconnectGuard {
            gateway: gateway.clone(),
            context: context.clone(),
            provider,
            finished: false,
        }
    }
}

impl Drop for DisconnectGuard {
    fn drop(&mut self) {
        if !self.finished {
            self.gateway.log(&format!(
                "{} {}: the client went away; the upstream request to {} is cancelled",
                self.context.id,
                api_error_codes::ErrorCode::ClientDisconnected.code(),
                self.provider.name(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use api_error_codes::ErrorCode;

    #[test]
    fn transport_failures_read_as_gateway_statuses() {
        let timeout = Duration::from_secs(3);
        let refused = Transport::Connect("connection refused".into())
            .to_upstream_error(Provider::OpenAi, timeout);
        assert_eq!(refused.canonical(), ErrorCode::UpstreamError);
        assert_eq!(
            refused.upstream_message(),
            "no connection to the upstream: connection refused"
        );
        // The client reads the catalogue's message, not what happened.
        assert_eq!(refused.message(), ErrorCode::UpstreamError.description());
        assert_eq!(refused.transport(), Some(TransportFailure::Connect));
        let broken = Transport::Broken("connection reset by peer".into())
            .to_upstream_error(Provider::Groq, timeout);
        assert_eq!(broken.canonical(), ErrorCode::UpstreamError);
        assert_eq!(broken.transport(), Some(TransportFailure::Broken));
        let slow = Transport::Timeout.to_upstream_error(Provider::Anthropic, timeout);
        assert_eq!(slow.canonical(), ErrorCode::UpstreamTimeout);
        assert_eq!(slow.upstream_message(), "the upstream sent nothing for 3 s");
        assert_eq!(slow.upstream_status(), 0);
    }
}
