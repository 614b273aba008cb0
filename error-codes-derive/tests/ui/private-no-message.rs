// A doc comment is documentation, never the message clients read.
use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    /// Your quota is gone.
    #[api_error(code = "quota_gone", status = 429)]
    V,
}

fn main() {}
