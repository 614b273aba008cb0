use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(transparent = true)]
    V(api_error_codes::ErrorCode),
}

fn main() {}
