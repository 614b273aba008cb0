use api_error_codes::ApiError;

// Two wrapped types disagree about `quota_gone`; the outer type itself does
// not declare it.
#[derive(Debug, ApiError)]
enum Billing {
    #[api_error(code = "quota_gone", status = 402, message = "pay to continue")]
    QuotaGone,
}

#[derive(Debug, ApiError)]
enum Limits {
    #[api_error(code = "quota_gone", status = 429, message = "your quota is gone")]
    QuotaGone,
}

#[derive(Debug, ApiError)]
enum Outer {
    #[api_error(transparent)]
    Billing(Billing),
    #[api_error(transparent)]
    Limits(Limits),
}

fn main() {}
