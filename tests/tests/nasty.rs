//! The hostile strings the property tests feed to every writer and
//! parser, and the error that carries them, shared by `props.rs` and
//! `problem_props.rs`.

use api_error_codes::ApiError;
use proptest::prelude::*;

/// An error whose message and `param` are whatever the test gives.
#[derive(Debug, ApiError)]
pub(crate) enum Dynamic {
    /// A canonical code with the message and param given.
    #[api_error(code = "invalid_parameter_value", message = "{message}", param = param)]
    Canonical {
        message: String,
        param: Option<String>,
    },
    /// A private code with a template: its title is the code as a sentence.
    #[api_error(code = "tenant_suspended", status = 403, message = "suspended: {0}")]
    Private(String),
}

/// Strings made to hurt: any Unicode scalar, weighted towards JSON, SSE
/// and URI specials (quotes, backslashes, control characters, CR, LF,
/// U+2028/9, `data:`, `event:`, `}\n\n`, `%`, `/`, `?`, `#`).
pub(crate) fn nasty_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => any::<char>().prop_map(String::from),
        2 => (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap_or('\0').to_string()),
        1 => Just("\"".to_owned()),
        1 => Just("\\".to_owned()),
        1 => Just("\r\n".to_owned()),
        1 => Just("\n\ndata: {\"error\":{}}\n\n".to_owned()),
        1 => Just("event: error\n".to_owned()),
        1 => Just("\u{2028}\u{2029}\u{85}\u{feff}".to_owned()),
        1 => Just("\u{7f}\u{1f600}".to_owned()),
        1 => Just("}\"}}".to_owned()),
        1 => Just("%20/?#[]@".to_owned()),
        2 => "[a-z ]{0,12}",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}
