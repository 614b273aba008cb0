use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "unmatched", status = 400, message = "got used} tokens")]
    V { used: u32 },
}

fn main() {}
