//! The runtime crate reached through another path (`crate = ...`).

use super::*;

/// The runtime crate reached through another path, as a facade crate
/// would re-export it.
mod reexport {
    pub use ::api_error_codes as ec;
}

#[derive(Debug, ApiError)]
#[api_error(crate = reexport::ec)]
pub enum ViaPath {
    #[api_error(code = "rate_limit_exceeded")]
    Limited,
    #[api_error(transparent)]
    Canonical(reexport::ec::ErrorCode),
}

#[derive(Debug, ApiError)]
#[api_error(
    crate = "reexport::ec",
    code = "via_string",
    status = 400,
    message = "via a string"
)]
pub struct ViaString;

#[test]
fn crate_override() {
    assert_eq!(ViaPath::Limited.status(), 429);
    assert!(ViaPath::Limited.is_retryable());
    assert_eq!(
        ViaPath::Canonical(ErrorCode::BatchOnly).code(),
        "batch_only"
    );
    assert_eq!(ViaString.message(), "via a string");
}
