// Beside thiserror, thiserror writes `From`.
use api_error_codes::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("wrapped")]
    #[api_error(transparent, no_from)]
    V(api_error_codes::ErrorCode),
}

fn main() {}
