use api_error_codes::{ApiError, ErrorCode};

// The wrong status is reported once, at the status, even though the wrapped
// `ErrorCode` also lists `rate_limit_exceeded` (with 429).
#[derive(ApiError)]
enum E {
    #[api_error(code = "rate_limit_exceeded", status = 503)]
    Limited,
    #[api_error(transparent)]
    Canonical(ErrorCode),
}

fn main() {}
