use api_error_codes::ApiError;

#[derive(Debug)]
struct Opaque;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "opaque", status = 400, message = "bad {0}")]
    V(Opaque),
}

fn main() {}
