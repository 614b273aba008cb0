use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(status = 400, message = "the code was forgotten")]
    V,
}

fn main() {}
