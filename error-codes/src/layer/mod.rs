//! [`ErrorLayer`]: a tower layer that answers the web framework's own
//! failures as canonical errors, in the format of the route that failed,
//! with the request id.
//!
//! | what failed | answered with |
//! |---|---|
//! | malformed JSON, a body of the wrong shape, a missing or wrong `content-type` (axum's `Json` rejections, 400, 415, 422), any other plain 4xx | `invalid_request` (400), saying what the framework found |
//! | no route (404) | `resource_not_found` naming the method and path |
//! | a method the route does not serve (405) | `method_not_allowed`, `allow` kept |
//! | a body over the limit (413: `DefaultBodyLimit`, tower-http's `RequestBodyLimitLayer`) | `payload_too_large` |
//! | a request timeout (tower-http's `TimeoutLayer`: 408, or 504) | `upstream_timeout` (504) |
//! | a panic in a handler | `internal_error` (500); the panic's text goes to the panic hook (the server's log), never to the client |
//! | plain 401, 403, 429, 502, 503 (auth, rate or load-shedding layers) | `invalid_api_key`, `insufficient_permissions`, `rate_limit_exceeded`, `upstream_error`, `service_unavailable` |
//! | any other plain 5xx | `internal_error`, its text never sent |
//!
//! A response is the framework's when it has an error status and no JSON
//! body (axum and tower-http write plain text or nothing); a JSON error is
//! the handler's own and passes unchanged. Every response, error or not,
//! gets the request id in the header its format's SDK reads.
//!
//! **Why `upstream_timeout` for a request timeout.** The catalogue has no
//! "request timeout"; of its two candidates, `upstream_timeout` is
//! "Upstream exceeded the request deadline" and `service_unavailable` is
//! "Planned or temporary capacity shortage". A gateway's handler spends its
//! time waiting for its upstream, and a deadline is not a capacity
//! shortage (which Anthropic's SDK would report as `overloaded_error`);
//! both are retryable.
//!
//! **The route's format** is the format of the longest path prefix given
//! with [`format_under`](ErrorLayer::format_under) (matched whole
//! segments: `/v1/messages` covers `/v1/messages/batches`, not
//! `/v1/messagesx`); a path under none answers in Anthropic's format when
//! the request carries `anthropic-version` (every official Anthropic SDK
//! sends it), else in the layer's default.
//!
//! **The request id** is the request's `x-request-id` when it has one (1 to
//! 128 visible ASCII characters, set
//! by a proxy in front, or tower-http's `SetRequestIdLayer` outside this
//! layer), else a fresh `req_` id; handlers read it, and the format, from
//! the [`ErrorContext`] extractor.
//!
//! ```
//! use api_error_codes::layer::ErrorLayer;
//! use api_error_codes::Format;
//! use axum::routing::post;
//! use axum::Router;
//!
//! # async fn chat() {}
//! # async fn messages() {}
//! let app: Router = Router::new()
//!     .route("/v1/chat/completions", post(chat))
//!     .route("/v1/messages", post(messages))
//!     .layer(ErrorLayer::new(Format::OpenAi).format_under("/v1/messages", Format::Anthropic));
//! ```
//!
//! Add it last, so it wraps the routes, the fallbacks and the other layers
//! (a timeout or body limit inside it is answered by it).

mod answer;
mod context;

pub use context::ErrorContext;

use axum_core::response::Response;
use http::header::HeaderValue;
use http::Request;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::{pin, Pin};
use std::sync::Arc;
use std::task::{Context, Poll};
use tower_service::Service;

use crate::Format;

/// The layer: see the [module docs](self).
///
/// ```
/// use api_error_codes::layer::ErrorLayer;
/// use api_error_codes::Format;
///
/// let layer = ErrorLayer::new(Format::Problem)
///     .format_under("/v1/chat/completions", Format::OpenAi)
///     .format_under("/v1/responses", Format::OpenAi)
///     .format_under("/v1/messages", Format::Anthropic)
///     .details_error_code(true);
/// # let _ = layer;
/// ```
#[derive(Clone, Debug)]
pub struct ErrorLayer {
    config: Arc<Config>,
}

#[derive(Clone, Debug)]
struct Config {
    default: Format,
    prefixes: Vec<(Box<str>, Format)>,
    details_error_code: bool,
}

impl ErrorLayer {
    /// A layer answering in `default` on every path.
    pub fn new(default: Format) -> Self {
        ErrorLayer {
            config: Arc::new(Config {
                default,
                prefixes: Vec::new(),
                details_error_code: false,
            }),
        }
    }

    /// Answers in `format` under the path `prefix`.
    pub fn format_under(mut self, prefix: &str, format: Format) -> Self {
        let prefix = prefix.trim_end_matches('/').into();
        Arc::make_mut(&mut self.config)
            .prefixes
            .push((prefix, format));
        self
    }

    /// Adds `error.details.error_code` to Anthropic-format errors (see
    /// [`Envelope::details_error_code`](crate::Envelope::details_error_code)),
    /// here and in [`ErrorContext::envelope`].
    pub fn details_error_code(mut self, enabled: bool) -> Self {
        Arc::make_mut(&mut self.config).details_error_code = enabled;
        self
    }

    /// The context of a request to `path` with `headers`.
    fn context<B>(&self, request: &Request<B>) -> ErrorContext {
        let config = &*self.config;
        let path = request.uri().path();
        let under = |prefix: &str| {
            path.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        let headers = request.headers();
        let format = match config
            .prefixes
            .iter()
            .filter(|(prefix, _)| under(prefix))
            .max_by_key(|(prefix, _)| prefix.len())
        {
            Some((_, format)) => *format,
            None if headers.contains_key("anthropic-version") => Format::Anthropic,
            None => config.default,
        };
        let id = match headers.get("x-request-id").map(HeaderValue::to_str) {
            Some(Ok(id)) if (1..=128).contains(&id.len()) => id.into(),
            _ => context::new_request_id(),
        };
        ErrorContext::new(id, format, config.details_error_code)
    }
}

impl<S> tower_layer::Layer<S> for ErrorLayer {
    type Service = ErrorService<S>;

    fn layer(&self, inner: S) -> ErrorService<S> {
        ErrorService {
            inner,
            layer: self.clone(),
        }
    }
}

/// The service [`ErrorLayer`] wraps around the routes.
#[derive(Clone, Debug)]
pub struct ErrorService<S> {
    inner: S,
    layer: ErrorLayer,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S, B> Service<Request<B>> for ErrorService<S>
where
    S: Service<Request<B>, Response = Response>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = BoxFuture<Result<Response, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        let context = self.layer.context(&request);
        let (method, uri) = (request.method().clone(), request.uri().clone());
        request.extensions_mut().insert(context.clone());
        // A panic is caught where it happens, in `call` or in a poll.
        let called = catch_unwind(AssertUnwindSafe(|| self.inner.call(request)));
        Box::pin(async move {
            let answered = match called {
                Ok(future) => {
                    let mut future = pin!(future);
                    std::future::poll_fn(|cx| {
                        match catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(cx))) {
                            Ok(Poll::Pending) => Poll::Pending,
                            Ok(Poll::Ready(result)) => Poll::Ready(Some(result)),
                            Err(_) => Poll::Ready(None),
                        }
                    })
                    .await
                }
                Err(_) => None,
            };
            match answered {
                Some(Ok(response)) => Ok(answer::answer(response, &context, &method, &uri).await),
                Some(Err(error)) => Err(error),
                None => Ok(answer::panicked(&context)),
            }
        })
    }
}
