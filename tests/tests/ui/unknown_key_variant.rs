use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    // A typo gets a suggestion; a key that is nothing like one lists them all.
    #[api_error(code = "quota_gone", staus = 429, message = "no quota left")]
    Typo,
    #[api_error(code = "quota_gone_again", status = 429, colour = "red", message = "no quota")]
    Unknown,
}

fn main() {}
