// Reported once, at the status, though the wrapped `ErrorCode` lists the code too.
use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "rate_limit_exceeded", status = 503)]
    V,
    #[api_error(transparent)]
    Canonical(api_error_codes::ErrorCode),
}

fn main() {}
