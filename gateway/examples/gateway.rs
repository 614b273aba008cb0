//! The example gateway: OpenAI (chat completions, Responses) and Anthropic
//! endpoints whose errors are the `api-error-codes` envelopes. Run it from
//! the repository root:
//!
//! ```text
//! cargo run --example gateway                          # 127.0.0.1:8080
//! cargo run --example gateway -- --listen 0.0.0.0:9000
//! OPENAI_API_KEY=sk-... cargo run --example gateway -- --upstream openai=https://api.openai.com
//! ```
//!
//! Logs go to standard error, a line per request and per failure;
//! `RUST_LOG` sets the level (`info` unless set, such as `RUST_LOG=debug`
//! or `RUST_LOG=warn,hyper=debug`). What it
//! serves is documented in the `api_error_codes_gateway` crate.

use api_error_codes_gateway::{Args, Gateway};
use clap::Parser;
use std::process::ExitCode;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::prelude::*;

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Args::parse().into_config(|name| std::env::var(name).ok()) {
        Ok(config) => config,
        Err(error) => error.exit(),
    };
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|spec| spec.parse().ok());
    let filter = filter.unwrap_or_else(|| Targets::new().with_default(LevelFilter::INFO));
    // A line per request as its span closes: its id, and, for an error,
    // the fields `telemetry::record` wrote (`error.type`, ...).
    let log = (tracing_subscriber::fmt::layer())
        .with_span_events(FmtSpan::CLOSE)
        .with_writer(std::io::stderr);
    tracing_subscriber::registry()
        .with(log.with_filter(filter))
        .init();

    let gateway = match Gateway::new(&config) {
        Ok(gateway) => gateway,
        Err(error) => {
            tracing::error!(%error, "cannot start the HTTP client");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(config.listen).await {
        Ok(listener) => listener,
        Err(error) => {
            tracing::error!(listen = %config.listen, %error, "cannot listen");
            return ExitCode::FAILURE;
        }
    };
    let address = listener.local_addr().unwrap_or(config.listen);
    println!("gateway listening on http://{address}");
    println!("  POST /v1/chat/completions   OpenAI format");
    println!("  POST /v1/messages           Anthropic format");
    println!("  POST /v1/responses          OpenAI Responses API");
    println!("  GET  /v1/error-codes        the catalogue");
    println!(
        "  GET  /openapi.json          the routes and every error they answer with, in OpenAPI 3.1"
    );
    println!("  model \"echo\" answers; \"error/<code>\" fails with that code; Ctrl-C stops");
    for upstream in &config.upstreams {
        let key = if upstream.key.is_some() {
            "with a key"
        } else {
            "without a key"
        };
        let name = upstream.provider.name();
        println!(
            "  model \"{name}/<model>\" goes to {} ({key})",
            upstream.url
        );
    }
    let shutdown = async {
        // If the signal handler cannot be installed, serve until killed.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    match api_error_codes_gateway::serve(&gateway, listener, shutdown).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "the server stopped");
            ExitCode::FAILURE
        }
    }
}
