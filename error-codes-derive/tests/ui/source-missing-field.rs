use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "internal_error", source = cause)]
    V { reason: std::io::Error },
}

fn main() {}
