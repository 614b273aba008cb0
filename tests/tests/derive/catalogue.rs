//! Canonical codes: everything from the catalogue.

use super::*;

#[derive(Debug, ApiError)]
pub enum Canonical {
    /// Status, message and retry policy all come from the catalogue.
    #[api_error(code = "rate_limit_exceeded")]
    Limited,
    /// Restating the catalogue's status is allowed.
    #[api_error(code = "model_not_found", status = 404)]
    Restated,
    /// Status 0: no HTTP response is sent.
    #[api_error(code = "client_disconnected")]
    Gone,
    #[api_error(code = "hung_up", status = 0, message = "the client hung up")]
    PrivateZero,
    /// Two variants may share a code with one status.
    #[api_error(code = "rate_limit_exceeded", message = "slow down, {0}")]
    LimitedFor(String),
}

#[test]
fn canonical_code_inherits_everything() {
    let limited = Canonical::Limited;
    assert_eq!(limited.status(), ErrorCode::RateLimitExceeded.status());
    assert_eq!(
        limited.message(),
        ErrorCode::RateLimitExceeded.description()
    );
    assert!(limited.is_retryable());
    assert_eq!(limited.openai_type(), "rate_limit_error");
    assert_eq!(Canonical::Restated.status(), 404);
    assert_eq!(
        Canonical::LimitedFor("bob".into()).message(),
        "slow down, bob"
    );
    assert_eq!(Canonical::LimitedFor("bob".into()).status(), 429);
}

#[test]
fn status_zero() {
    assert_eq!(Canonical::Gone.status(), 0);
    assert_eq!(Canonical::Gone.http_status(), None);
    assert_eq!(Canonical::PrivateZero.status(), 0);
    assert_eq!(Canonical::PrivateZero.http_status(), None);
    assert_eq!(Canonical::PrivateZero.message(), "the client hung up");
}

/// A canonical variant with nothing but its code is `ErrorCode`'s entry,
/// every field of it: the derive writes the catalogue's values.
#[test]
fn bare_canonical_codes_are_the_catalogues_entries() {
    #[derive(Debug, ApiError)]
    enum Bare {
        #[api_error(code = "rate_limit_exceeded")]
        Limited,
        #[api_error(code = "budget_exhausted")]
        Budget,
        #[api_error(code = "client_disconnected")]
        Gone,
        #[api_error(code = "upstream_timeout")]
        Slow,
    }
    for (bare, canonical) in [
        (Bare::Limited, ErrorCode::RateLimitExceeded),
        (Bare::Budget, ErrorCode::BudgetExhausted),
        (Bare::Gone, ErrorCode::ClientDisconnected),
        (Bare::Slow, ErrorCode::UpstreamTimeout),
    ] {
        assert_eq!(bare.info(), canonical.info(), "{}", canonical.code());
    }
    assert_eq!(Bare::Budget.anthropic_type(), "billing_error");
    assert!(!Bare::Budget.is_retryable());
}

/// Each canonical code, declared by a user, behaves like `ErrorCode`'s.
#[test]
fn info_matches_the_catalogue_row() {
    let rows = error_codes_tests::catalogue();
    for (value, code) in [
        (Canonical::Limited.info(), "rate_limit_exceeded"),
        (Canonical::Restated.info(), "model_not_found"),
        (Canonical::Gone.info(), "client_disconnected"),
    ] {
        let row = rows.iter().find(|row| row.code == code).unwrap();
        assert_eq!(value.code(), row.code);
        assert_eq!(value.status(), row.status);
        assert_eq!(value.description(), row.description);
    }
}
