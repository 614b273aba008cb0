//! Where each variant's `CodeInfo` comes from: a canonical code is the
//! catalogue's entry with only what the variant states changed, wherever
//! the variant sits (before or after a `#[cfg]`-gated one, next to a
//! wrapped error).

use super::*;

#[derive(Debug, ApiError)]
pub enum Mixed {
    /// Before any gated variant: an index into the type's table.
    #[api_error(code = "budget_exhausted", retryable, message = "Spent")]
    Spent,
    #[api_error(transparent)]
    Wrapped(ErrorCode),
    #[cfg(test)]
    #[api_error(
        code = "rate_limit_exceeded",
        retryable = false,
        openai_type = "tokens"
    )]
    GatedCanonical,
    #[cfg(test)]
    #[api_error(code = "gated_private", status = 418, message = "teapot")]
    GatedPrivate,
    /// After a gated variant: a named constant of its own.
    #[api_error(code = "upstream_timeout", anthropic_type = "timeout_error")]
    AfterGated,
    #[api_error(code = "model_not_found")]
    Bare,
}

#[test]
fn a_canonical_variant_is_its_entry_with_what_it_changes() {
    let spent = Mixed::Spent.info();
    let budget = ErrorCode::BudgetExhausted.info();
    // Stated: the message and the retry policy (the catalogue says no).
    assert_eq!(spent.message(), "Spent");
    assert!(spent.is_retryable());
    // Everything else is the catalogue's.
    assert_eq!(spent.code(), budget.code());
    assert_eq!(spent.status(), 429);
    assert_eq!(spent.description(), budget.description());
    assert_eq!(spent.anthropic_type(), "billing_error");
    assert_eq!(spent.openai_type(), budget.openai_type());

    let gated = Mixed::GatedCanonical.info();
    let limit = ErrorCode::RateLimitExceeded.info();
    assert!(
        !gated.is_retryable(),
        "retryable = false overrides the catalogue"
    );
    assert_eq!(gated.openai_type(), "tokens");
    assert_eq!(gated.anthropic_type(), limit.anthropic_type());
    assert_eq!(gated.message(), limit.message());

    let after = Mixed::AfterGated.info();
    assert_eq!(after.anthropic_type(), "timeout_error");
    assert!(after.is_retryable());
    assert_eq!(after.status(), 504);

    assert_eq!(Mixed::Bare.info(), ErrorCode::ModelNotFound.info());
}

#[test]
fn every_variant_finds_its_own_entry() {
    let wrapped = Mixed::Wrapped(ErrorCode::PayloadTooLarge);
    assert_eq!(wrapped.info(), ErrorCode::PayloadTooLarge.info());
    assert_eq!(
        (Mixed::GatedPrivate.code(), Mixed::GatedPrivate.status()),
        ("gated_private", 418)
    );
    assert_eq!(Mixed::GatedPrivate.message(), "teapot");
    let codes: Vec<&str> = CodeList::of::<Mixed>()
        .iter()
        .map(|info| info.code())
        .collect();
    assert!(codes.starts_with(&[
        "budget_exhausted",
        "rate_limit_exceeded",
        "gated_private",
        "upstream_timeout",
        "model_not_found"
    ]));
    // Then the wrapped type's, each code once: the 57, of which four were
    // listed already, with the one private code.
    assert_eq!(codes.len(), 57 + 1);
}

/// Only wrapped variants: `info` has no table to index.
#[derive(Debug, ApiError)]
pub enum OnlyWrapped {
    #[api_error(transparent)]
    Code(ErrorCode),
    #[api_error(transparent)]
    Boxed(Box<ErrorCode>),
}

#[test]
fn a_type_of_wrapped_variants_only_delegates() {
    let boxed = OnlyWrapped::Boxed(Box::new(ErrorCode::InternalError));
    assert_eq!(boxed.info(), ErrorCode::InternalError.info());
    assert_eq!(OnlyWrapped::Code(ErrorCode::BatchOnly).code(), "batch_only");
    assert!(CodeList::of::<OnlyWrapped>().own().is_empty());
}
