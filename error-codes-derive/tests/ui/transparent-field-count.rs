use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(transparent)]
    V(api_error_codes::ErrorCode, u8),
}

fn main() {}
