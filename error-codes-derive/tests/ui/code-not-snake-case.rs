use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "rate-limit", status = 429, message = "slow down")]
    V,
}

fn main() {}
