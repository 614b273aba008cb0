use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "quota_gone", message = "your quota is gone")]
    QuotaGone,
}

fn main() {}
