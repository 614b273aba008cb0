use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "invalid_api_key", code = "expired_api_key")]
    SameAttribute,
    // Also across two attributes on one variant.
    #[api_error(code = "payload_too_large")]
    #[api_error(status = 413, code = "payload_too_large")]
    TwoAttributes,
}

fn main() {}
