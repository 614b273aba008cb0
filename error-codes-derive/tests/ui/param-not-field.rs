use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "invalid_request", param = 1 + 1)]
    V,
}

fn main() {}
