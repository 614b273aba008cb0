use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "teapot", status = 418u16, message = "I am a teapot")]
    V,
}

fn main() {}
