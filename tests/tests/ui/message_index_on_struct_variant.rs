use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "prompt_too_long", status = 400, message = "prompt has {0} tokens")]
    Named { used: u32 },
    #[api_error(code = "prompt_too_short", status = 400, message = "prompt has {used} tokens")]
    Tuple(u32),
    #[api_error(code = "prompt_too_wide", status = 400, message = "column {1}")]
    IndexOutOfRange(u32),
}

fn main() {}
