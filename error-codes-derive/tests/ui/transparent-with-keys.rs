use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(transparent, code = "internal_error")]
    V(api_error_codes::ErrorCode),
}

fn main() {}
