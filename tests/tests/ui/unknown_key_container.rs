use error_codes::ApiError;

#[derive(ApiError)]
#[api_error(crat = error_codes)]
enum E {
    #[api_error(code = "invalid_api_key")]
    BadKey,
}

fn main() {}
