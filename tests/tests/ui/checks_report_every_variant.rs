use api_error_codes::ApiError;

// Catalogue checks run per variant: every failing variant is reported, each
// once, at the literal it is about.
#[derive(ApiError)]
enum E {
    #[api_error(code = "rate_limit_exceeded", status = 503)]
    Limited,
    #[api_error(code = "quota_gone", status = 429)]
    QuotaGone,
    #[api_error(code = "model_not_found")]
    Fine,
    #[api_error(code = "shadow_code")]
    Shadow,
}

fn main() {}
