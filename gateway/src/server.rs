//! The gateway's router and server. What the framework answers itself (no
//! route, a wrong method, a body over the limit) the crate's error layer
//! turns into canonical errors in the route's format.

use crate::catalogue::error_codes;
use crate::config::BODY_LIMIT;
use crate::context::{error_layer, in_request_span};
use crate::openapi::openapi_json;
use crate::routes::{chat_completions, messages, responses};
use crate::state::Gateway;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::serve::ListenerExt;
use axum::Router;
use std::future::Future;
use tokio::net::TcpListener;

/// The gateway's routes and layers.
pub fn router(gateway: &Gateway) -> Router {
    Router::new()
        .route("/v1/chat/completions", post(chat_completions))
        .route("/v1/messages", post(messages))
        .route("/v1/responses", post(responses))
        .route("/v1/error-codes", get(error_codes))
        .route("/openapi.json", get(openapi_json))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(in_request_span))
        .with_state(gateway.clone())
        // Last: it wraps the routes, their fallbacks and the body limit.
        .layer(error_layer())
}

/// Serves `gateway` on `listener` until `shutdown` completes. Accepted
/// sockets send at once (`TCP_NODELAY`): without it, each small stream
/// event waits for the client's delayed ACK, ~40 ms.
pub async fn serve<F>(gateway: &Gateway, listener: TcpListener, shutdown: F) -> std::io::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    let listener = listener.tap_io(|socket| {
        if let Err(error) = socket.set_nodelay(true) {
            tracing::warn!(%error, "cannot set TCP_NODELAY");
        }
    });
    axum::serve(listener, router(gateway))
        .with_graceful_shutdown(shutdown)
        .await
}
