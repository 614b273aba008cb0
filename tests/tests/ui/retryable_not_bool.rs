use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "rate_limit_exceeded", retryable = "yes")]
    Limited,
}

fn main() {}
