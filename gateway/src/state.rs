//! [`Gateway`]: the configured gateway, what its handlers share.

use crate::config::{Config, UpstreamConfig};
use api_error_codes::upstream::Provider;
use std::sync::Arc;
use std::time::Duration;

/// The gateway with its configuration and its HTTP client for upstreams.
#[derive(Clone, Debug)]
pub struct Gateway {
    inner: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    client: reqwest::Client,
    upstreams: Vec<UpstreamConfig>,
    timeout: Duration,
    body_limit: usize,
}

impl Gateway {
    /// The gateway for `config`. Fails only when the HTTP client cannot
    /// start (its TLS roots cannot be loaded).
    pub fn new(config: &Config) -> Result<Gateway, reqwest::Error> {
        let client = reqwest::Client::builder()
            // A 3xx from an upstream is an answer to report, not a detour
            // that could carry the key elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(config.upstream_timeout)
            // Each read: the wait for the answer, then for each chunk.
            .read_timeout(config.upstream_timeout)
            .build()?;
        Ok(Gateway {
            inner: Arc::new(Shared {
                client,
                upstreams: config.upstreams.clone(),
                timeout: config.upstream_timeout,
                body_limit: config.upstream_body_limit,
            }),
        })
    }

    /// The upstream configured for `provider`.
    pub(crate) fn upstream(&self, provider: Provider) -> Option<&UpstreamConfig> {
        (self.inner.upstreams.iter()).find(|upstream| upstream.provider == provider)
    }

    pub(crate) fn client(&self) -> &reqwest::Client {
        &self.inner.client
    }

    /// `--upstream-timeout`.
    pub(crate) fn timeout(&self) -> Duration {
        self.inner.timeout
    }

    /// [`Config::upstream_body_limit`].
    pub(crate) fn body_limit(&self) -> usize {
        self.inner.body_limit
    }
}
