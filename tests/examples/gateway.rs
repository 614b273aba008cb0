//! The example gateway: OpenAI (chat completions, Responses) and Anthropic
//! endpoints whose errors are the `error-codes` envelopes. Run it from the
//! repository root:
//!
//! ```text
//! cargo run --example gateway                          # 127.0.0.1:8080
//! cargo run --example gateway -- --listen 0.0.0.0:9000
//! ```
//!
//! What it serves is documented in `error_codes_tests::gateway`.

use error_codes_tests::gateway::{self, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let listen = match gateway::parse_args(std::env::args().skip(1)) {
        Ok(Command::Run { listen }) => listen,
        Ok(Command::Help) => {
            println!("{}", gateway::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!("error: {error}\n\n{}", gateway::USAGE);
            return ExitCode::from(2);
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
        let shutdown = async {
            // If the signal handler cannot be installed, serve until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        };
        match gateway::serve(listener, shutdown).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: the server stopped: {error}");
                ExitCode::FAILURE
            }
        }
    })
}
