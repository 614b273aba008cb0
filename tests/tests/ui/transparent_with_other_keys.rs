use api_error_codes::{ApiError, ErrorCode};

#[derive(ApiError)]
enum E {
    #[api_error(transparent, code = "internal_error", status = 500)]
    Wrapped(ErrorCode),
    #[api_error(retryable, transparent)]
    Retry(ErrorCode),
    #[api_error(transparent = true)]
    WithValue(ErrorCode),
}

fn main() {}
