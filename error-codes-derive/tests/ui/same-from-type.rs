use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(transparent)]
    A(api_error_codes::ErrorCode),
    #[api_error(transparent)]
    B(api_error_codes::ErrorCode),
}

fn main() {}
