use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "rate_limit_exceeded", retry_after = wait)]
    V { wait: f64 },
}

fn main() {}
