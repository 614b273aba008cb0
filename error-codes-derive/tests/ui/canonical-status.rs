use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "rate_limit_exceeded", status = 503)]
    V,
}

fn main() {}
