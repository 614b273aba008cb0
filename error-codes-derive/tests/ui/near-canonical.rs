// A status does not make a misspelt canonical code private: `private` does.
use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "rate_limit_exeeded", status = 429, message = "slow down")]
    V,
}

fn main() {}
