use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "invalid_api_key")]
    BadKey,
    Forgotten,
}

fn main() {}
