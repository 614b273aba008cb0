use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "quota_gone", message = "your quota is gone")]
    V,
}

fn main() {}
