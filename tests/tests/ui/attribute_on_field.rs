use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "invalid_parameter_value")]
    Named {
        #[api_error(param)]
        name: String,
    },
    #[api_error(code = "invalid_parameter_value")]
    Tuple(#[api_error(retry_after)] u64),
}

fn main() {}
