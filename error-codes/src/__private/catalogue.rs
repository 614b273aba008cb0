//! `Catalogue`: what `#[api_error(catalogue)]` adds to the canonical enum.

/// Every variant, and parsing codes; `ErrorCode` exposes both.
pub trait Catalogue: Sized + 'static {
    /// Every variant, in declaration order.
    const ALL: &'static [Self];
    /// The variant with exactly this code.
    fn from_code(code: &str) -> Option<Self>;
}
