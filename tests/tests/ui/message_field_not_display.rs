use api_error_codes::ApiError;

struct Opaque;

#[derive(ApiError)]
enum E {
    #[api_error(code = "opaque", status = 400, message = "bad {0}")]
    Opaque(Opaque),
}

fn main() {}
