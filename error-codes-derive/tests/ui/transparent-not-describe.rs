use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(transparent)]
    Io(std::io::Error),
}

fn main() {}
