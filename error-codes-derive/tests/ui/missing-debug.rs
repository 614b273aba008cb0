// `std::error::Error` needs `Debug`.
use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "invalid_api_key")]
    V,
}

fn main() {}
