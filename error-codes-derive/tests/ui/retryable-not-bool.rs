use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "rate_limit_exceeded", retryable = "yes")]
    V,
}

fn main() {}
