use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "invalid_api_key")]
    BadKey,
    Forgotten,
}

fn main() {}
