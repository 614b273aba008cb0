use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "internal_error", source = 0)]
    V(String),
}

fn main() {}
