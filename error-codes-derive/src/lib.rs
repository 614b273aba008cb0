//! `#[derive(ApiError)]`, the implementation crate of
//! [`error-codes`](https://docs.rs/error-codes). Use it through
//! `error_codes::ApiError`; the attribute is documented there.

mod ast;
mod attr;
mod catalogue;
mod errors;
mod expand;
mod fallback;
mod template;
#[cfg(test)]
mod tests;
mod valid;

use proc_macro::TokenStream;

/// Derives `error_codes::ApiError`. See the `error_codes::ApiError` trait
/// for the `#[api_error(...)]` attribute.
///
/// ```
/// use error_codes::{ApiError, ErrorCode};
///
/// #[derive(ApiError)]
/// enum ProxyError {
///     #[api_error(code = "upstream_timeout")]
///     Slow,
///     #[api_error(code = "tenant_suspended", status = 403, message = "tenant {0} is suspended")]
///     Suspended(String),
///     #[api_error(transparent)]
///     Other(ErrorCode),
/// }
///
/// assert_eq!(ProxyError::Slow.status(), 504);
/// assert_eq!(ProxyError::Suspended("acme".into()).message(), "tenant acme is suspended");
/// assert_eq!(ProxyError::Other(ErrorCode::InvalidApiKey).code(), "invalid_api_key");
/// ```
#[proc_macro_derive(ApiError, attributes(api_error))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = match syn::parse::<syn::DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error().into(),
    };
    match expand::expand(&input) {
        Ok(output) => output.into(),
        Err((error, krate)) => {
            let mut output = error.to_compile_error();
            output.extend(fallback::stub_impl(&input, &krate));
            output.into()
        }
    }
}
