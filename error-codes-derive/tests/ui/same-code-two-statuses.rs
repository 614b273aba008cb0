use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "quota_gone", status = 429, message = "no quota")]
    A,
    #[api_error(code = "quota_gone", status = 402, message = "pay up")]
    B,
}

fn main() {}
