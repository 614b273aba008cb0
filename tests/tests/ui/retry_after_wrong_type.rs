use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "rate_limit_exceeded", retry_after = wait)]
    Limited { wait: f64 },
}

fn main() {}
