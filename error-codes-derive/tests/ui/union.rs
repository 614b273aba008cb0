use api_error_codes::ApiError;

#[derive(ApiError)]
union U {
    a: u32,
}

fn main() {}
