use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = invalid_api_key)]
    Path,
    #[api_error(code = "invalid_request", message = 42)]
    MessageNumber,
}

fn main() {}
