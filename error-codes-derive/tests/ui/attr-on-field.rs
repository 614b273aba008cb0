use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "invalid_parameter_value")]
    Named {
        #[api_error(param)]
        name: String,
    },
}

fn main() {}
