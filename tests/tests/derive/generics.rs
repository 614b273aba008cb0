//! Generic types: bounds from what each field is used for.

use super::*;

/// `T` must be `Display` for `A` only; `U` is never formatted, so it needs
/// no bound at all.
#[derive(Debug, ApiError)]
pub enum Generic<T, U> {
    #[api_error(code = "bad_thing", status = 400, message = "bad {0}")]
    A(T),
    #[api_error(code = "other_thing", status = 400, message = "fixed text")]
    B(U),
}

#[test]
fn bounds_are_inferred_only_where_a_field_is_used() {
    let a: Generic<u32, Opaque> = Generic::A(7);
    assert_eq!(a.message(), "bad 7");
    let b: Generic<u32, Opaque> = Generic::B(Opaque);
    assert_eq!(b.message(), "fixed text");
    assert_eq!(b.code(), "other_thing");
}

/// `{0:?}` asks for `Debug`, not `Display`.
#[derive(Debug, ApiError)]
pub enum Debugged<T> {
    #[api_error(code = "bad_list", status = 422, message = "bad items {0:?}")]
    A(Vec<T>),
}

#[test]
fn debug_placeholders_need_debug_only() {
    #[derive(Debug)]
    struct OnlyDebug;
    let error = Debugged::A(vec![OnlyDebug]);
    assert_eq!(error.message(), "bad items [OnlyDebug]");
    assert_eq!(error.status(), 422);
}

/// A generic wrapper delegates to whatever `ApiError` it holds.
#[derive(Debug, ApiError)]
pub enum Wrapper<E> {
    #[api_error(code = "wrapper_own", status = 409, message = "the wrapper's own")]
    Own,
    #[api_error(transparent)]
    Inner(E),
}

#[test]
fn generic_transparent_wrapper() {
    let inner: Wrapper<ErrorCode> = Wrapper::Inner(ErrorCode::UpstreamTimeout);
    assert_eq!(inner.code(), "upstream_timeout");
    assert!(inner.is_retryable());
    let own: Wrapper<ErrorCode> = Wrapper::Own;
    assert_eq!(own.status(), 409);
    let codes: Vec<&str> = CodeList::of::<Wrapper<ErrorCode>>()
        .iter()
        .map(|i| i.code())
        .collect();
    assert_eq!(codes.len(), 1 + ErrorCode::ALL.len());
    assert_eq!(codes[0], "wrapper_own");
}

/// Borrowed fields: the message and the param borrow from the error.
#[derive(Debug, ApiError)]
pub enum Borrowed<'a> {
    #[api_error(
        code = "invalid_parameter_value",
        message = "`{0}` is not allowed",
        param = 0
    )]
    Value(&'a str),
    #[api_error(code = "unknown_field", status = 400, message = "no field {name}", param = name)]
    Field { name: &'a str, rest: &'a [u8] },
}

#[test]
fn lifetimes() {
    let owner = String::from("temperature");
    let error = Borrowed::Value(&owner);
    assert_eq!(error.message(), "`temperature` is not allowed");
    assert_eq!(error.param(), Some(Cow::Borrowed("temperature")));
    let field = Borrowed::Field {
        name: &owner,
        rest: b"",
    };
    assert_eq!(field.message(), "no field temperature");
    assert_eq!(field.param().as_deref(), Some("temperature"));
}

/// Lifetimes and type parameters together, with a transparent arm.
#[derive(Debug, ApiError)]
pub enum Both<'a, T: fmt::Display> {
    #[api_error(code = "both_bad", status = 400, message = "{name}: {value}")]
    Bad { name: &'a str, value: T },
    #[api_error(transparent)]
    Canonical(ErrorCode),
}

#[test]
fn lifetimes_and_type_parameters() {
    let error = Both::Bad {
        name: "n",
        value: 1.5,
    };
    assert_eq!(error.message(), "n: 1.5");
    let canonical: Both<'_, f64> = Both::Canonical(ErrorCode::InvalidRequest);
    assert_eq!(canonical.status(), 400);
}
