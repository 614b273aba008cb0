use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "too_high", status = 600, message = "no such status")]
    V,
}

fn main() {}
