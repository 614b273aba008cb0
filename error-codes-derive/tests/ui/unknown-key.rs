use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "quota_gone", staus = 429, message = "no quota left")]
    V,
}

fn main() {}
