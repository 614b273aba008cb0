//! [`Config`]: what the gateway serves with, and its limits.

use api_error_codes::upstream::Provider;
use std::fmt;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::time::Duration;

/// Where the gateway listens without `--listen`: `127.0.0.1:8080`.
pub const DEFAULT_LISTEN: SocketAddr = SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 8080));

/// How long an upstream may stay silent without `--upstream-timeout`: 60 s.
pub const DEFAULT_UPSTREAM_TIMEOUT: Duration = Duration::from_secs(60);

/// The largest request body the gateway reads: 1 MiB. One byte more is
/// `payload_too_large`.
pub const BODY_LIMIT: usize = 1 << 20;

/// The largest non-streamed upstream body the gateway reads: 32 MiB (room
/// for a response with generated images). One byte more is
/// `upstream_error`, and the rest is never read.
pub const UPSTREAM_BODY_LIMIT: usize = 32 << 20;

/// The retry delay retryable errors without one of their own carry
/// (`retry-after: 1`, `retry-after-ms: 1000`): short, so retrying clients
/// finish quickly.
pub const DEMO_RETRY_DELAY: Duration = Duration::from_secs(1);

/// What the gateway serves with: [`Args::into_config`](crate::Args::into_config)
/// reads it from the command line.
///
/// ```
/// use api_error_codes_gateway::{Config, Gateway};
/// use std::time::Duration;
///
/// let config = Config { upstream_timeout: Duration::from_secs(5), ..Config::default() };
/// let gateway = Gateway::new(&config).expect("the HTTP client starts");
/// # let _ = gateway;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The address to listen on.
    pub listen: SocketAddr,
    /// The upstreams, at most one per provider.
    pub upstreams: Vec<UpstreamConfig>,
    /// How long an upstream may take to connect, to answer, and then to
    /// send the next bytes of its body or stream.
    pub upstream_timeout: Duration,
    /// The largest non-streamed upstream body read, in bytes.
    pub upstream_body_limit: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: DEFAULT_LISTEN,
            upstreams: Vec::new(),
            upstream_timeout: DEFAULT_UPSTREAM_TIMEOUT,
            upstream_body_limit: UPSTREAM_BODY_LIMIT,
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
    /// use api_error_codes_gateway::UpstreamConfig;
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
