use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "payload_too_large")]
    #[api_error(status = 413, code = "payload_too_large")]
    V,
}

fn main() {}
