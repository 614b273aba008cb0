use api_error_codes::{ApiError, ErrorCode};

// The conflict is with the type wrapped by the *second* transparent variant:
// the error points at that variant's type, not at the first.
#[derive(Debug, ApiError)]
enum Outer {
    #[api_error(code = "quota_gone", status = 402, message = "pay to continue")]
    QuotaGone,
    #[api_error(transparent)]
    Canonical(ErrorCode),
    #[api_error(transparent)]
    Limits(Limits),
}

#[derive(Debug, ApiError)]
enum Limits {
    #[api_error(code = "quota_gone", status = 429, message = "your quota is gone")]
    QuotaGone,
}

fn main() {}
