use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "unclosed", status = 400, message = "got {used tokens")]
    Unclosed { used: u32 },
    #[api_error(code = "unmatched", status = 400, message = "got used} tokens")]
    Unmatched { used: u32 },
    #[api_error(code = "empty_placeholder", status = 400, message = "got {} tokens")]
    Empty(u32),
    #[api_error(code = "not_a_name", status = 400, message = "got {used-tokens}")]
    NotAName { used: u32 },
    #[api_error(code = "width_argument", status = 400, message = "got {0:>width$}")]
    WidthArgument(u32),
}

fn main() {}
