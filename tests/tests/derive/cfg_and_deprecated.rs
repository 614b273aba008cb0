//! `#[cfg]` on variants, and deprecated variants.

use super::*;

#[derive(Debug, ApiError)]
pub enum Configured {
    #[api_error(code = "kept", status = 400, message = "kept")]
    Kept,
    /// Configured away: its field type is no `ApiError`, and the type
    /// does not even exist, yet nothing of it is compiled.
    #[cfg(any())]
    #[api_error(transparent)]
    Gone(DoesNotExist),
    #[cfg(any())]
    #[api_error(code = "gone_too", status = 400, message = "{0}")]
    GoneToo(Opaque),
    #[cfg(test)]
    #[api_error(code = "present", status = 404, message = "present")]
    Present,
    #[cfg(any())]
    #[cfg(test)]
    #[api_error(code = "gone_twice", status = 400, message = "gone")]
    GoneTwice,
    #[api_error(code = "last", status = 409, message = "last")]
    Last,
}

#[test]
fn cfg_removes_variants_everywhere() {
    // Each variant gets its own facts, wherever the variants configured
    // away sat before it.
    let facts = |error: &Configured| (error.code(), error.status(), error.message().into_owned());
    assert_eq!(facts(&Configured::Kept), ("kept", 400, "kept".to_owned()));
    assert_eq!(
        facts(&Configured::Present),
        ("present", 404, "present".to_owned())
    );
    assert_eq!(facts(&Configured::Last), ("last", 409, "last".to_owned()));
    let codes: Vec<&str> = CodeList::of::<Configured>()
        .iter()
        .map(|i| i.code())
        .collect();
    assert_eq!(codes, ["kept", "present", "last"]);
}

/// Every variant configured away: still a valid (empty) impl.
#[derive(Debug, ApiError)]
pub enum AllGone {
    #[cfg(any())]
    #[api_error(code = "gone", status = 400, message = "gone")]
    Gone,
}

#[test]
fn all_variants_configured_away() {
    assert!(CodeList::of::<AllGone>().is_empty());
}

// Any warning in the generated code (for instance using the deprecated
// variant without allowing it) fails the build here.
#[deny(warnings)]
mod strict {
    use api_error_codes::ApiError;

    #[derive(Debug, ApiError)]
    pub enum Old {
        #[deprecated = "use `New`"]
        #[api_error(code = "legacy_error", status = 400, message = "legacy {0}")]
        Legacy(u32),
        #[api_error(code = "invalid_request")]
        New,
    }
}

#[test]
#[allow(deprecated)]
fn deprecated_variant() {
    let error = strict::Old::Legacy(2);
    assert_eq!(error.message(), "legacy 2");
    assert_eq!(strict::Old::New.status(), 400);
}
