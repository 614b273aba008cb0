use api_error_codes::{ApiError, ErrorCode};

// `Inner` declares `quota_gone` as 429; `Outer` wraps `Inner` and declares the
// same code as 402, so one code would reach clients with two statuses.
#[derive(Debug, ApiError)]
enum Outer {
    #[api_error(code = "quota_gone", status = 402, message = "pay to continue")]
    QuotaGone,
    #[api_error(transparent)]
    Inner(Inner),
}

#[derive(Debug, ApiError)]
enum Inner {
    #[api_error(code = "quota_gone", status = 429, message = "your quota is gone")]
    QuotaGone,
    #[api_error(transparent)]
    Canonical(ErrorCode),
}

fn main() {}
