use api_error_codes::ApiError;

#[derive(ApiError)]
union U {
    code: u32,
    status: u16,
}

fn main() {}
