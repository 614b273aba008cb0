use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error()]
    Empty,
}

fn main() {}
