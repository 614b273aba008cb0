use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error = "invalid_api_key"]
    NameValue,
}

fn main() {}
