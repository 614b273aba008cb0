use api_error_codes::ApiError;

// `y` is no formatting trait. (Fills such as `{0:*^10}` are accepted.)
#[derive(ApiError)]
enum E {
    #[api_error(code = "odd_format", status = 400, message = "got {0:y} and {0:*^10}")]
    Odd(u32),
}

fn main() {}
