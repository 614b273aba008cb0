//! The generated code reaches everything through the runtime crate's path:
//! a scope's own `core`, `std`, `Option`, `Cow`, `Result` or `fmt` cannot
//! capture it.

use super::*;

mod shadowing {
    // Every name below stands in the derive's way if it used a relative path.
    #![allow(dead_code, non_camel_case_types, clippy::upper_case_acronyms)]

    mod core {}
    mod std {}
    mod fmt {}
    struct Option;
    struct Some;
    struct None;
    struct Cow;
    struct Result;
    struct Ok;
    struct Err;
    struct Duration;
    struct CodeInfo;
    struct CodeList;
    struct INFOS;

    use api_error_codes::{ApiError, ErrorCode};

    #[derive(Debug, ApiError)]
    pub enum Shadowed {
        #[api_error(code = "rate_limit_exceeded", retry_after = 0)]
        Limited(u32),
        #[api_error(code = "model_not_found", message = "no model {0:?}", param = "model")]
        NoModel(::std::string::String),
        #[api_error(code = "tenant_suspended", status = 403, message = "suspended")]
        Suspended,
        #[api_error(transparent)]
        Canonical(ErrorCode),
    }
}

#[test]
fn shadowed_names_do_not_reach_the_generated_code() {
    use shadowing::Shadowed;
    assert_eq!(
        Shadowed::Limited(3).retry_after(),
        Some(Duration::from_secs(3))
    );
    assert_eq!(Shadowed::NoModel("x".into()).message(), "no model \"x\"");
    assert_eq!(
        Shadowed::NoModel("x".into()).param().as_deref(),
        Some("model")
    );
    assert_eq!(Shadowed::Suspended.status(), 403);
    assert_eq!(
        Shadowed::Canonical(ErrorCode::BatchOnly).code(),
        "batch_only"
    );
    assert_eq!(api_error_codes::CodeList::of::<Shadowed>().own().len(), 3);
}
