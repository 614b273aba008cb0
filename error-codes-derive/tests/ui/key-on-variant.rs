use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "invalid_api_key", crate = api_error_codes)]
    V,
}

fn main() {}
