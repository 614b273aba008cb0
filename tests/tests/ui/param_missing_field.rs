use api_error_codes::ApiError;

#[derive(ApiError)]
enum E {
    #[api_error(code = "invalid_request", param = name)]
    ByName { field: String },
    #[api_error(code = "missing_required_parameter", param = 1)]
    ByIndex(String),
    #[api_error(code = "invalid_parameter_value", param = model.name)]
    NotAField { model: String },
}

fn main() {}
