use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "invalid_api_key", openai_type = "Bad Type")]
    V,
}

fn main() {}
