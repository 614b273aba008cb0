use api_error_codes::ApiError;

// A misspelt canonical code is a private code without a status: the error
// names the canonical code it is near.
#[derive(ApiError)]
enum E {
    #[api_error(code = "rate_limit_exeeded")]
    Limited,
}

fn main() {}
