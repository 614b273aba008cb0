use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "quota_gone", status = 429, message = "your quota is gone")]
    QuotaGone,
    #[api_error(code = "quota_gone", status = 402, message = "pay to continue")]
    PayToContinue,
}

fn main() {}
