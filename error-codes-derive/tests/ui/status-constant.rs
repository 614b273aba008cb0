use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "teapot", status = TEAPOT, message = "I am a teapot")]
    V,
}

const TEAPOT: u16 = 418;

fn main() {}
