use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "quota_gone", status = 429)]
    QuotaGone,
}

fn main() {}
