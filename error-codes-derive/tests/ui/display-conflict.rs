// Alone, the derive writes `Display`: a hand-written one conflicts.
use api_error_codes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "invalid_api_key")]
    V,
}

impl std::fmt::Display for E {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("log text")
    }
}

fn main() {}
