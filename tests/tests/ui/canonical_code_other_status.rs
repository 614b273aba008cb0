use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "rate_limit_exceeded", status = 503)]
    Limited,
}

fn main() {}
