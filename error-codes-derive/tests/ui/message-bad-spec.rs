// rustc checks the spec, at the message.
use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "odd_format", status = 400, message = "got {0:y}")]
    V(u32),
}

fn main() {}
