use api_error_codes::{ApiError, ErrorCode};

#[derive(ApiError)]
enum E {
    #[api_error(transparent)]
    Zero,
    #[api_error(transparent)]
    Two(ErrorCode, ErrorCode),
    #[api_error(transparent)]
    TwoNamed { first: ErrorCode, second: ErrorCode },
}

fn main() {}
