use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "RateLimit", status = 429, message = "slow down")]
    Camel,
    #[api_error(code = "rate-limit", status = 429, message = "slow down")]
    Kebab,
    #[api_error(code = "", status = 429, message = "slow down")]
    Empty,
    #[api_error(code = "ok", openai_type = "Bad Type")]
    BadOpenAiType,
}

fn main() {}
