//! [`Gateway`]: the configured server, its upstreams and its log.

use super::cli::{Config, UpstreamConfig};
use super::routes::routes;
use api_error_codes::upstream::Provider;
use axum::Router;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;

/// Where the gateway writes what it logs (one line per event: a request
/// id, then what happened).
///
/// ```
/// use error_codes_tests::gateway::Log;
///
/// let log = Log::memory();
/// log.write("req_1 client_disconnected");
/// assert_eq!(log.lines(), ["req_1 client_disconnected"]);
/// ```
#[derive(Clone, Debug, Default)]
pub enum Log {
    /// Standard error, as the example binary logs.
    #[default]
    Stderr,
    /// Kept in memory, for tests to read.
    Memory(Arc<Mutex<Vec<String>>>),
}

impl Log {
    /// A fresh in-memory log.
    ///
    /// ```
    /// assert!(error_codes_tests::gateway::Log::memory().lines().is_empty());
    /// ```
    pub fn memory() -> Log {
        Log::Memory(Arc::default())
    }

    /// Writes one line.
    ///
    /// ```
    /// error_codes_tests::gateway::Log::Stderr.write("req_1 upstream openai answered 429");
    /// ```
    pub fn write(&self, line: &str) {
        match self {
            Log::Stderr => eprintln!("{line}"),
            Log::Memory(lines) => {
                if let Ok(mut lines) = lines.lock() {
                    lines.push(line.to_owned());
                }
            }
        }
    }

    /// The lines of an in-memory log so far; empty for [`Log::Stderr`].
    ///
    /// ```
    /// assert!(error_codes_tests::gateway::Log::Stderr.lines().is_empty());
    /// ```
    pub fn lines(&self) -> Vec<String> {
        match self {
            Log::Stderr => Vec::new(),
            Log::Memory(lines) => lines.lock().map(|lines| lines.clone()).unwrap_or_default(),
        }
    }
}

/// The gateway with its configuration: what the handlers share.
///
/// ```
/// use error_codes_tests::gateway::{Config, Gateway, Log};
///
/// let gateway = Gateway::new(&Config::default(), Log::memory()).unwrap();
/// let router: axum::Router = gateway.router();
/// # let _ = router;
/// ```
#[derive(Clone, Debug)]
pub struct Gateway {
    pub(crate) inner: Arc<Shared>,
}

#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) client: reqwest::Client,
    pub(crate) upstreams: Vec<UpstreamConfig>,
    pub(crate) timeout: Duration,
    pub(crate) log: Log,
}

impl Gateway {
    /// The gateway for `config`, logging to `log`. Fails only when the
    /// HTTP client cannot start (its TLS roots cannot be loaded).
    ///
    /// ```
    /// use error_codes_tests::gateway::{Config, Gateway, Log};
    /// assert!(Gateway::new(&Config::default(), Log::Stderr).is_ok());
    /// ```
    pub fn new(config: &Config, log: Log) -> Result<Gateway, String> {
        // No redirects: a 3xx from an upstream is an answer to report, not
        // a detour that could carry the key elsewhere.
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|error| format!("cannot start the HTTP client: {error}"))?;
        Ok(Gateway {
            inner: Arc::new(Shared {
                client,
                upstreams: config.upstreams.clone(),
                timeout: config.upstream_timeout,
                log,
            }),
        })
    }

    /// The routes, fallbacks and middleware, ready to serve.
    ///
    /// ```
    /// # use error_codes_tests::gateway::{Config, Gateway, Log};
    /// let router = Gateway::new(&Config::default(), Log::Stderr).unwrap().router();
    /// # let _: axum::Router = router;
    /// ```
    pub fn router(&self) -> Router {
        routes(self.clone())
    }

    /// Serves on `listener` until `shutdown` completes.
    ///
    /// ```no_run
    /// # async fn run() -> std::io::Result<()> {
    /// use error_codes_tests::gateway::{Config, Gateway, Log};
    ///
    /// let gateway = Gateway::new(&Config::default(), Log::Stderr).unwrap();
    /// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    /// gateway.serve(listener, std::future::pending()).await
    /// # }
    /// ```
    pub async fn serve<F>(&self, listener: TcpListener, shutdown: F) -> std::io::Result<()>
    where
        F: Future<Output = ()> + Send + 'static,
    {
        axum::serve(listener, self.router())
            .with_graceful_shutdown(shutdown)
            .await
    }

    /// The upstream configured for `provider`.
    pub(crate) fn upstream(&self, provider: Provider) -> Option<&UpstreamConfig> {
        self.inner
            .upstreams
            .iter()
            .find(|upstream| upstream.provider == provider)
    }

    pub(crate) fn log(&self, line: &str) {
        self.inner.log.write(line);
    }
}
