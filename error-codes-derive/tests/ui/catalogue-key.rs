// The catalogue is `ErrorCode`'s alone: no key of the derive makes one.
use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalogue)]
enum E {
    #[api_error(code = "invalid_api_key")]
    V,
}

fn main() {}
