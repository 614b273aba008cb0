//! The example gateway: OpenAI (chat completions, Responses) and Anthropic
//! endpoints whose errors are the `api-error-codes` envelopes. Run it from the
//! repository root:
//!
//! ```text
//! cargo run --example gateway                          # 127.0.0.1:8080
//! cargo run --example gateway -- --listen 0.0.0.0:9000
//! OPENAI_API_KEY=sk-... cargo run --example gateway -- --upstream openai=https://api.openai.com
//! ```
//!
//! What it serves is documented in `error_codes_tests::gateway`.

use error_codes_tests::gateway::{self, Command, Gateway, Log};
use std::process::ExitCode;

fn main() -> ExitCode {
    let config = match gateway::parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(config)) => config.with_env_keys(|name| std::env::var(name).ok()),
        Ok(Command::Help) => {
            println!("{}", gateway::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!("error: {error}\n\n{}", gateway::USAGE);
            return ExitCode::from(2);
        }
    };
    let listen = config.listen;
    let server = match Gateway::new(&config, Log::Stderr) {
        Ok(server) => server,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let listener = match tokio::net::TcpListener::bind(listen).await {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!("error: cannot listen on {listen}: {error}");
                return ExitCode::FAILURE;
            }
        };
        let address = listener.local_addr().unwrap_or(listen);
        println!("gateway listening on http://{address}");
        println!("  POST /v1/chat/completions   OpenAI format");
        println!("  POST /v1/messages           Anthropic format");
        println!("  POST /v1/responses          OpenAI Responses API");
        println!("  GET  /v1/error-codes        the catalogue");
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
        match server.serve(listener, shutdown).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: the server stopped: {error}");
                ExitCode::FAILURE
            }
        }
    })
}
