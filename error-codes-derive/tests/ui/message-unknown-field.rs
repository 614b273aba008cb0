use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "prompt_too_long", status = 400, message = "prompt has {used} of {limit}")]
    V { used: u32, max: u32 },
}

fn main() {}
