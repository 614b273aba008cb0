//! [`Config`]: what the command line configures, and the upstream keys
//! from the environment.

use super::DEFAULT_UPSTREAM_TIMEOUT;
use crate::gateway::DEFAULT_LISTEN;
use api_error_codes::upstream::Provider;
use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

/// What the gateway serves with.
///
/// ```
/// use error_codes_tests::gateway::{Config, DEFAULT_LISTEN, DEFAULT_UPSTREAM_TIMEOUT};
///
/// let config = Config::default();
/// assert_eq!(config.listen, DEFAULT_LISTEN);
/// assert_eq!(config.upstream_timeout, DEFAULT_UPSTREAM_TIMEOUT);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The address to listen on.
    pub listen: SocketAddr,
    /// The upstreams, at most one per provider.
    pub upstreams: Vec<UpstreamConfig>,
    /// How long an upstream may take to answer, and then stay silent
    /// between two chunks of a stream.
    pub upstream_timeout: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: DEFAULT_LISTEN,
            upstreams: Vec::new(),
            upstream_timeout: DEFAULT_UPSTREAM_TIMEOUT,
        }
    }
}

/// One `--upstream NAME=URL`, with its key.
#[derive(Clone, PartialEq, Eq)]
pub struct UpstreamConfig {
    /// Which provider `NAME` is.
    pub provider: Provider,
    /// The base URL, without a trailing `/`: `https://api.openai.com`.
    pub url: String,
    /// The key the gateway sends, never the client's.
    pub key: Option<String>,
}

impl fmt::Debug for UpstreamConfig {
    /// Never prints the key.
    ///
    /// ```
    /// use api_error_codes::upstream::Provider;
    /// use error_codes_tests::gateway::UpstreamConfig;
    ///
    /// let upstream = UpstreamConfig { provider: Provider::Groq, url: "https://x.test".into(), key: Some("gsk-secret".into()) };
    /// assert!(!format!("{upstream:?}").contains("secret"));
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UpstreamConfig")
            .field("provider", &self.provider)
            .field("url", &self.url)
            .field("key", &self.key.as_ref().map(|_| "<set>"))
            .finish()
    }
}

impl Config {
    /// Fills the keys not given with `--upstream-key` from the
    /// environment: `<NAME>_API_KEY` in upper case (`OPENAI_API_KEY`,
    /// `ANTHROPIC_API_KEY`, `OPENAI_COMPATIBLE_API_KEY`, ...), read with
    /// `lookup`.
    ///
    /// ```
    /// use error_codes_tests::gateway::{parse_args, Command};
    ///
    /// let args = ["--upstream", "groq=https://api.groq.com/openai"].map(String::from);
    /// let Ok(Command::Run(config)) = parse_args(args) else { panic!() };
    /// let config = config.with_env_keys(|name| (name == "GROQ_API_KEY").then(|| "gsk-1".to_owned()));
    /// assert_eq!(config.upstreams[0].key.as_deref(), Some("gsk-1"));
    /// ```
    pub fn with_env_keys(mut self, lookup: impl Fn(&str) -> Option<String>) -> Self {
        for upstream in &mut self.upstreams {
            if upstream.key.is_none() {
                let variable = format!("{}_API_KEY", upstream.provider.name().to_uppercase());
                upstream.key = lookup(&variable).filter(|key| !key.is_empty());
            }
        }
        self
    }
}
