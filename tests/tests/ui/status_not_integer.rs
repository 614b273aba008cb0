use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "teapot", status = "418", message = "I am a teapot")]
    String,
    #[api_error(code = "teapot_negative", status = -418, message = "I am a teapot")]
    Negative,
    #[api_error(code = "teapot_suffix", status = 418u16, message = "I am a teapot")]
    Suffix,
    #[api_error(code = "teapot_float", status = 418.0, message = "I am a teapot")]
    Float,
    #[api_error(code = "teapot_const", status = TEAPOT, message = "I am a teapot")]
    Constant,
}

const TEAPOT: u16 = 418;

fn main() {
    let _ = TEAPOT;
}
