//! Unit, tuple and struct variants, structs, empty enums.

use super::*;

#[derive(Debug, ApiError)]
pub enum Shapes {
    #[api_error(code = "invalid_api_key")]
    Unit,
    #[api_error(code = "model_not_found", message = "no model named {0}")]
    Tuple(String),
    #[api_error(
        code = "prompt_too_long",
        status = 400,
        message = "prompt has {used} tokens; the model allows {max}"
    )]
    Struct { used: u32, max: u32 },
}

#[test]
fn unit_tuple_and_struct_variants() {
    let unit = Shapes::Unit;
    assert_eq!(unit.code(), "invalid_api_key");
    assert_eq!(unit.status(), 401);
    assert_eq!(unit.message(), ErrorCode::InvalidApiKey.description());
    assert!(matches!(unit.message(), Cow::Borrowed(_)));

    let tuple = Shapes::Tuple("gpt-9".to_owned());
    assert_eq!(tuple.code(), "model_not_found");
    assert_eq!(tuple.status(), 404);
    assert_eq!(tuple.message(), "no model named gpt-9");

    let fields = Shapes::Struct {
        used: 9000,
        max: 8192,
    };
    assert_eq!(fields.code(), "prompt_too_long");
    assert_eq!(fields.status(), 400);
    assert_eq!(
        fields.message(),
        "prompt has 9000 tokens; the model allows 8192"
    );
    assert_eq!(fields.http_status(), Some(http::StatusCode::BAD_REQUEST));
}

/// A struct carries the variant keys on the type itself.
#[derive(Debug, ApiError)]
#[api_error(
    code = "context_length_exceeded",
    message = "{used} tokens is over the {limit}-token window",
    param = "messages"
)]
pub struct TooLong {
    used: usize,
    limit: usize,
}

#[derive(Debug, ApiError)]
#[api_error(code = "teapot", status = 418, message = "short and stout, {0}")]
pub struct Teapot(&'static str);

#[derive(Debug, ApiError)]
#[api_error(code = "upstream_timeout")]
pub struct Timeout;

#[test]
fn structs_derive_it_too() {
    let error = TooLong {
        used: 130_000,
        limit: 128_000,
    };
    assert_eq!(error.code(), "context_length_exceeded");
    assert_eq!(error.status(), 400);
    assert_eq!(
        error.message(),
        "130000 tokens is over the 128000-token window"
    );
    assert_eq!(error.param().as_deref(), Some("messages"));

    let teapot = Teapot("tip me over");
    assert_eq!((teapot.code(), teapot.status()), ("teapot", 418));
    assert_eq!(teapot.message(), "short and stout, tip me over");

    assert_eq!(Timeout.status(), 504);
    assert!(Timeout.is_retryable());
    assert_eq!(Timeout.anthropic_type(), "timeout_error");
}

/// An enum with no variants has nothing to say, and says so in `const`.
#[derive(Debug, ApiError)]
pub enum Never {}

#[test]
fn empty_enum() {
    const { assert!(CodeList::of::<Never>().is_empty()) };
    assert_eq!(CodeList::of::<Never>().iter().count(), 0);
    // A `Result` that cannot fail still type-checks against the trait.
    fn takes<E: ApiError>(result: Result<u8, E>) -> u8 {
        match result {
            Ok(value) => value,
            Err(error) => error.status() as u8,
        }
    }
    assert_eq!(takes::<Never>(Ok(7)), 7);
}
