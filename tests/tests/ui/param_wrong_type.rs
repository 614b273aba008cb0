use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "invalid_request", param = which)]
    Bad { which: u32 },
}

fn main() {}
