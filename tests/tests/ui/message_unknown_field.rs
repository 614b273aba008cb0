use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "prompt_too_long", status = 400, message = "prompt has {used} tokens; the model allows {limit}")]
    PromptTooLong { used: u32, max: u32 },
    #[api_error(code = "no_fields", status = 400, message = "bad {thing}")]
    Unit,
}

fn main() {}
