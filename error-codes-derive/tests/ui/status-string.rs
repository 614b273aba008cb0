use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "teapot", status = "418", message = "I am a teapot")]
    V,
}

fn main() {}
