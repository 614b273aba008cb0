//! Beside thiserror: thiserror writes `Display` (the log text), `Error` and
//! `From`; the derive the rest. The wire message is `message`, else the
//! catalogue's, else (a private code) the `#[error]` text.

use super::*;
use std::error::Error;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum Billing {
    /// A canonical code: the `#[error]` text is for logs only.
    #[error("budget of tenant {tenant} exhausted")]
    #[api_error(code = "budget_exhausted")]
    Exhausted { tenant: String },
    /// A private code without `message`: its `#[error]` text is the message.
    #[error("card {0} declined")]
    #[api_error(code = "card_declined", status = 402)]
    Declined(String),
    /// Two texts on purpose: one for logs, one for clients.
    #[error("ledger write failed: {0}")]
    #[api_error(
        code = "ledger_failed",
        status = 500,
        message = "the ledger is unavailable"
    )]
    Ledger(#[source] std::io::Error),
    /// thiserror's `#[from]` converts; the derive's `transparent` describes.
    #[error(transparent)]
    #[api_error(transparent)]
    Canonical(#[from] ErrorCode),
}

#[test]
fn display_is_the_log_text_and_message_the_wire_text() {
    let exhausted = Billing::Exhausted {
        tenant: "acme".into(),
    };
    assert_eq!(exhausted.to_string(), "budget of tenant acme exhausted");
    assert_eq!(
        exhausted.message(),
        ErrorCode::BudgetExhausted.description()
    );
    assert_eq!(exhausted.status(), 429);

    let declined = Billing::Declined("4242".into());
    assert_eq!(declined.to_string(), "card 4242 declined");
    assert_eq!(declined.message(), "card 4242 declined");
    assert_eq!(declined.status(), 402);

    let ledger = Billing::Ledger(std::io::Error::other("password=hunter2"));
    assert_eq!(ledger.to_string(), "ledger write failed: password=hunter2");
    assert_eq!(ledger.message(), "the ledger is unavailable");
    let body = String::from_utf8(ledger.to_body(Format::OpenAi)).unwrap();
    assert!(!body.contains("hunter2"), "{body}");
}

#[test]
fn thiserror_writes_source_and_from() {
    let ledger = Billing::Ledger(std::io::Error::other("disk"));
    assert_eq!(ledger.source().unwrap().to_string(), "disk");
    let canonical: Billing = ErrorCode::InvalidApiKey.into();
    assert_eq!(canonical.code(), "invalid_api_key");
    assert_eq!(
        canonical.to_string(),
        ErrorCode::InvalidApiKey.description()
    );
}

/// A struct with thiserror's type-level `#[error]`.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("quota of {0} used")]
#[api_error(code = "quota_used", status = 429)]
pub struct QuotaUsed(u32);

#[test]
fn a_struct_beside_thiserror() {
    assert_eq!(QuotaUsed(5).message(), "quota of 5 used");
    assert_eq!(QuotaUsed(5).to_string(), "quota of 5 used");
}
