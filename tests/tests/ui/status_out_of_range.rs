use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "too_high", status = 600, message = "no such status")]
    TooHigh,
    #[api_error(code = "too_low", status = 99, message = "no such status")]
    TooLow,
    #[api_error(code = "overflow", status = 70000, message = "no such status")]
    Overflow,
    // 0 is accepted: "no HTTP response is sent".
    #[api_error(code = "hung_up", status = 0, message = "the client went away")]
    NoResponse,
}

fn main() {}
