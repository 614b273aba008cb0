// The `#[error]` text of a private code would send its source's text to clients.
use api_error_codes::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("storage failed: {0}")]
    #[api_error(code = "storage_failed", status = 500)]
    Storage(#[from] std::io::Error),
}

fn main() {}
