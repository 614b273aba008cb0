use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(status = 400, message = "the code was forgotten")]
    NoCode,
}

fn main() {}
