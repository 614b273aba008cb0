//! `#[derive(ApiError)]`, the implementation crate of
//! [`api-error-codes`](https://docs.rs/api-error-codes). Use it through
//! `api_error_codes::ApiError`; the attribute is documented there.
//!
//! The canonical catalogue is compiled in (`catalogue.tsv`, read by
//! `catalogue.rs`), so a canonical variant expands to the runtime crate's
//! constant for its code, with nothing looked up at compile time, and
//! every check the macro can make is an ordinary error at the user's
//! tokens. Only the codes of types wrapped with `transparent`, which
//! the macro cannot see, are checked in `const` evaluation.
//!
//! # What a reader gets
//!
//! `cargo expand` of the README's enum:
//!
//! ```ignore
//! use api_error_codes::{ApiError, ErrorCode};
//!
//! #[derive(Debug, ApiError)]
//! enum GatewayError {
//!     #[api_error(code = "rate_limit_exceeded")]
//!     RateLimited,
//!     #[api_error(code = "context_length_exceeded", param = "messages",
//!                 message = "prompt has {used} tokens; the model allows {max}")]
//!     TooLong { used: u32, max: u32 },
//!     #[api_error(code = "tenant_suspended", status = 403,
//!                 message = "this tenant is suspended; contact support")]
//!     TenantSuspended,
//!     #[api_error(transparent)]
//!     Canonical(ErrorCode),
//! }
//! ```
//!
//! gives (after the `Debug` impl), formatted by rustfmt:
//!
//! ```ignore
//! const _: () = {
//!     const INFOS: &[::api_error_codes::CodeInfo] = {
//!         use ::api_error_codes::__private::canonical;
//!         use ::api_error_codes::CodeInfo;
//!         &[
//!             canonical::RATE_LIMIT_EXCEEDED,
//!             canonical::CONTEXT_LENGTH_EXCEEDED,
//!             CodeInfo::new(
//!                 "tenant_suspended",
//!                 403u16,
//!                 "this tenant is suspended; contact support",
//!             ),
//!         ]
//!     };
//!     #[automatically_derived]
//!     impl ::api_error_codes::ApiError for GatewayError {
//!         const CODES: ::api_error_codes::CodeList =
//!             ::api_error_codes::CodeList::new(INFOS, &[&<ErrorCode as ::api_error_codes::ApiError>::CODES]);
//!         const FORMATS_MESSAGE: bool = true;
//!         #[inline]
//!         fn info(&self) -> &'static ::api_error_codes::CodeInfo {
//!             &INFOS[match *self {
//!                 Self::RateLimited => 0usize,
//!                 Self::TooLong { .. } => 1usize,
//!                 Self::TenantSuspended => 2usize,
//!                 Self::Canonical {
//!                     0: ref __api_error_inner,
//!                     ..
//!                 } => return <ErrorCode as ::api_error_codes::ApiError>::info(__api_error_inner),
//!             }]
//!         }
//!         fn message(&self) -> ::api_error_codes::__private::Cow<'_, str> {
//!             match *self {
//!                 Self::TooLong { .. } => ::api_error_codes::__private::formatted_message(self, 74usize),
//!                 Self::Canonical {
//!                     0: ref __api_error_inner,
//!                     ..
//!                 } => <ErrorCode as ::api_error_codes::ApiError>::message(__api_error_inner),
//!                 _ => ::api_error_codes::__private::Cow::Borrowed(::api_error_codes::CodeInfo::message(
//!                     <Self as ::api_error_codes::ApiError>::info(self),
//!                 )),
//!             }
//!         }
//!         fn write_message(
//!             &self,
//!             __api_error_out: &mut dyn ::api_error_codes::__private::fmt::Write,
//!         ) -> ::api_error_codes::__private::fmt::Result {
//!             match *self {
//!                 Self::TooLong {
//!                     used: ref __api_error_0,
//!                     max: ref __api_error_1,
//!                     ..
//!                 } => __api_error_out.write_fmt(format_args!(
//!                     "prompt has {0} tokens; the model allows {1}",
//!                     __api_error_0, __api_error_1
//!                 )),
//!                 Self::Canonical {
//!                     0: ref __api_error_inner,
//!                     ..
//!                 } => <ErrorCode as ::api_error_codes::ApiError>::write_message(
//!                     __api_error_inner,
//!                     __api_error_out,
//!                 ),
//!                 _ => ::api_error_codes::__private::fmt::Write::write_str(
//!                     __api_error_out,
//!                     ::api_error_codes::CodeInfo::message(<Self as ::api_error_codes::ApiError>::info(self)),
//!                 ),
//!             }
//!         }
//!         fn param(
//!             &self,
//!         ) -> ::api_error_codes::__private::Option<::api_error_codes::__private::Cow<'_, str>> {
//!             match *self {
//!                 Self::TooLong { .. } => ::api_error_codes::__private::Option::Some(
//!                     ::api_error_codes::__private::Cow::Borrowed("messages"),
//!                 ),
//!                 Self::Canonical {
//!                     0: ref __api_error_inner,
//!                     ..
//!                 } => <ErrorCode as ::api_error_codes::ApiError>::param(__api_error_inner),
//!                 _ => ::api_error_codes::__private::Option::None,
//!             }
//!         }
//!         fn retry_after(
//!             &self,
//!         ) -> ::api_error_codes::__private::Option<::api_error_codes::__private::Duration> {
//!             match *self {
//!                 Self::Canonical {
//!                     0: ref __api_error_inner,
//!                     ..
//!                 } => <ErrorCode as ::api_error_codes::ApiError>::retry_after(__api_error_inner),
//!                 _ => ::api_error_codes::__private::Option::None,
//!             }
//!         }
//!         fn provider(&self) -> ::api_error_codes::__private::Option<&str> {
//!             match *self {
//!                 Self::Canonical {
//!                     0: ref __api_error_inner,
//!                     ..
//!                 } => <ErrorCode as ::api_error_codes::ApiError>::provider(__api_error_inner),
//!                 _ => ::api_error_codes::__private::Option::None,
//!             }
//!         }
//!     }
//!     const _: () = {
//!         if let ::api_error_codes::__private::Option::Some(conflict) =
//!             ::api_error_codes::__private::wrapped_conflict(
//!                 &[INFOS[2usize]],
//!                 &[],
//!                 &<ErrorCode as ::api_error_codes::ApiError>::CODES,
//!             )
//!         {
//!             {
//!                 ::core::panicking::panic_display(&conflict.as_str());
//!             };
//!         }
//!     };
//! };
//! ```
//!
//! In `INFOS`, one `CodeInfo` per own variant, in declaration order: a
//! canonical code is the runtime crate's constant for it
//! (`canonical::RATE_LIMIT_EXCEEDED`, written from the same catalogue by
//! `ErrorCode`'s derive), with only what the variant changes applied
//! (`.with_message(..)`, `.retryable(..)`, the envelope types); a private
//! code is `CodeInfo::new` on literals. `info` is one `match` giving each
//! variant's place in `INFOS` (a wrapped error returns its own). Then a
//! `match` per method, each arm binding only the fields it reads; and,
//! because `TenantSuspended` is a private code next to a wrapped type, one
//! `const` check of that type's codes, spanned at `ErrorCode` in the
//! `Canonical` variant. A type whose own codes are all canonical and which
//! wraps one type gets no check item at all.

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

/// Derives `api_error_codes::ApiError`. See the `api_error_codes::ApiError` trait
/// for the `#[api_error(...)]` attribute.
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode};
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
