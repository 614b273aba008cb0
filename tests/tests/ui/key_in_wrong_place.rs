use api_error_codes::ApiError;

#[derive(ApiError)]
#[api_error(code = "invalid_api_key", status = 401)]
enum E {
    #[api_error(code = "invalid_api_key", crate = api_error_codes)]
    BadKey,
}

fn main() {}
