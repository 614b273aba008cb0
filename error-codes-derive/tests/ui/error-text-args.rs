// The `#[error]` text has arguments: it cannot be the wire message.
use api_error_codes::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("card {} declined", .0.len())]
    #[api_error(code = "card_declined", status = 402)]
    Declined(String),
}

fn main() {}
