use api_error_codes::ApiError;
use std::time::Duration;

#[derive(ApiError)]
enum E {
    #[api_error(code = "rate_limit_exceeded", retry_after = wait)]
    Limited { delay: Duration },
    #[api_error(code = "service_unavailable", retry_after = 0)]
    Unit,
}

fn main() {}
