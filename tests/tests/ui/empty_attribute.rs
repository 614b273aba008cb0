use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error()]
    Empty,
    #[api_error]
    NoParentheses,
    #[api_error = "invalid_api_key"]
    NameValue,
}

fn main() {}
