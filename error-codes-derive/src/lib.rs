//! `#[derive(ApiError)]`, the implementation crate of
//! [`api-error-codes`](https://docs.rs/api-error-codes). Use it through
//! `api_error_codes::ApiError`; the attribute is documented on the derive
//! macro, [`ApiError`](derive@ApiError).
//!
//! The canonical catalogue is compiled in (`catalogue.tsv`, read by
//! `catalogue.rs`), so a canonical variant expands to the runtime crate's
//! constant for its code, with nothing looked up at compile time, and
//! every check the macro can make is an ordinary error at the user's
//! tokens. Only the codes of types wrapped with `transparent`, which
//! the macro cannot see, are checked in `const` evaluation.
//!
//! One module per stage: `attr` reads the attributes, `ast` builds the
//! model, `fmt` finds a template's placeholders, `valid` checks, `expand`
//! writes the code; `errors` collects every error on the way (the shape of
//! serde_derive's `Ctxt`), and `fallback` writes the stand-in impls that
//! keep a failed derive from cascading.
//!
//! # What a reader gets
//!
//! `cargo expand` of the README's enum (`RUSTC_BOOTSTRAP=1 cargo rustc --lib
//! -- -Zunpretty=expanded`, formatted by rustfmt):
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
//! gives (after the `Debug` impl):
//!
//! ```ignore
//! const _: () = {
//!     const INFO_RATE_LIMITED: ::api_error_codes::CodeInfo =
//!         ::api_error_codes::__private::canonical::RATE_LIMIT_EXCEEDED;
//!     const INFO_TOO_LONG: ::api_error_codes::CodeInfo =
//!         ::api_error_codes::__private::canonical::CONTEXT_LENGTH_EXCEEDED;
//!     const INFO_TENANT_SUSPENDED: ::api_error_codes::CodeInfo = ::api_error_codes::CodeInfo::new(
//!         "tenant_suspended",
//!         403,
//!         "this tenant is suspended; contact support",
//!     );
//!     #[automatically_derived]
//!     impl ::api_error_codes::Describe for GatewayError {
//!         const CODES: ::api_error_codes::CodeList = ::api_error_codes::CodeList::new(
//!             &[INFO_RATE_LIMITED, INFO_TOO_LONG, INFO_TENANT_SUSPENDED],
//!             &[&<ErrorCode as ::api_error_codes::Describe>::CODES],
//!         );
//!         fn info(this: &Self) -> &'static ::api_error_codes::CodeInfo {
//!             match *this {
//!                 Self::RateLimited => &INFO_RATE_LIMITED,
//!                 Self::TooLong { .. } => &INFO_TOO_LONG,
//!                 Self::TenantSuspended => &INFO_TENANT_SUSPENDED,
//!                 Self::Canonical { 0: ref __0, .. } => {
//!                     <ErrorCode as ::api_error_codes::Describe>::info(__0)
//!                 }
//!             }
//!         }
//!         fn message(this: &Self) -> ::api_error_codes::__private::Cow<'_, str> {
//!             match *this {
//!                 Self::TooLong {
//!                     used: ref __used,
//!                     max: ref __max,
//!                     ..
//!                 } => ::api_error_codes::__private::message(format_args!(
//!                     "prompt has {0} tokens; the model allows {1}",
//!                     __used, __max
//!                 )),
//!                 Self::Canonical { 0: ref __0, .. } => {
//!                     <ErrorCode as ::api_error_codes::Describe>::message(__0)
//!                 }
//!                 _ => ::api_error_codes::__private::Cow::Borrowed(
//!                     ::api_error_codes::CodeInfo::message(
//!                         <Self as ::api_error_codes::Describe>::info(this),
//!                     ),
//!                 ),
//!             }
//!         }
//!         fn param(
//!             this: &Self,
//!         ) -> ::api_error_codes::__private::Option<::api_error_codes::__private::Cow<'_, str>>
//!         {
//!             match *this {
//!                 Self::TooLong { .. } => ::api_error_codes::__private::Option::Some(
//!                     ::api_error_codes::__private::Cow::Borrowed("messages"),
//!                 ),
//!                 Self::Canonical { 0: ref __0, .. } => {
//!                     <ErrorCode as ::api_error_codes::Describe>::param(__0)
//!                 }
//!                 _ => ::api_error_codes::__private::Option::None,
//!             }
//!         }
//!         fn retry_after(
//!             this: &Self,
//!         ) -> ::api_error_codes::__private::Option<::api_error_codes::__private::Duration> {
//!             match *this {
//!                 Self::Canonical { 0: ref __0, .. } => {
//!                     <ErrorCode as ::api_error_codes::Describe>::retry_after(__0)
//!                 }
//!                 _ => ::api_error_codes::__private::Option::None,
//!             }
//!         }
//!         fn provider(
//!             this: &Self,
//!         ) -> ::api_error_codes::__private::Option<::api_error_codes::upstream::Provider> {
//!             match *this {
//!                 Self::Canonical { 0: ref __0, .. } => {
//!                     <ErrorCode as ::api_error_codes::Describe>::provider(__0)
//!                 }
//!                 _ => ::api_error_codes::__private::Option::None,
//!             }
//!         }
//!     }
//!     #[automatically_derived]
//!     impl ::api_error_codes::__private::fmt::Display for GatewayError {
//!         fn fmt(
//!             &self,
//!             f: &mut ::api_error_codes::__private::fmt::Formatter<'_>,
//!         ) -> ::api_error_codes::__private::fmt::Result {
//!             f.write_str(&<Self as ::api_error_codes::Describe>::message(self))
//!         }
//!     }
//!     #[automatically_derived]
//!     impl ::api_error_codes::__private::From<ErrorCode> for GatewayError {
//!         fn from(source: ErrorCode) -> Self {
//!             Self::Canonical { 0: source }
//!         }
//!     }
//!     #[automatically_derived]
//!     impl ::api_error_codes::__private::Error for GatewayError {
//!         fn source(
//!             &self,
//!         ) -> ::api_error_codes::__private::Option<
//!             &(dyn ::api_error_codes::__private::Error + 'static),
//!         > {
//!             match *self {
//!                 Self::Canonical { 0: ref __0, .. } => ::api_error_codes::__private::Option::Some(
//!                     ::api_error_codes::__private::AsDynError::as_dyn_error(__0),
//!                 ),
//!                 _ => ::api_error_codes::__private::Option::None,
//!             }
//!         }
//!     }
//!     const _: () = {
//!         if let ::api_error_codes::__private::Option::Some(conflict) =
//!             ::api_error_codes::__private::wrapped_conflict(
//!                 &[INFO_TENANT_SUSPENDED],
//!                 &[],
//!                 &<ErrorCode as ::api_error_codes::Describe>::CODES,
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
//! One `CodeInfo` constant per own variant: a canonical code is the runtime
//! crate's constant for it (`canonical::RATE_LIMIT_EXCEEDED`, written from
//! the same catalogue by `ErrorCode`'s hidden derive) with only what the
//! variant changes (`.with_message(..)`, `.retryable(..)`, the envelope
//! types); a private code is `CodeInfo::new` on literals. `info` matches
//! each variant to its constant (a wrapped error answers for itself); each
//! other method is a `match` over the variants that say something, binding
//! only the fields they read, with a message template handed to
//! `format_args!` as written but for its arguments, so rustc checks it.
//! `Display`, `From` and `Error` follow; and because `TenantSuspended` is a
//! private code next to a wrapped type, one `const` check of that type's
//! codes, spanned at `ErrorCode` in the `Canonical` variant. A type whose own
//! codes are all canonical and which wraps one type gets no check at all.

mod ast;
mod attr;
mod canonical;
mod catalogue;
mod errors;
mod expand;
mod fallback;
mod fmt;
#[cfg(test)]
mod tests;
mod valid;

use proc_macro::TokenStream;

/// Derives `api_error_codes::Describe`, which makes the type an
/// `api_error_codes::ApiError`, and, unless thiserror does, `Display`,
/// `std::error::Error` and `From` for each wrapped error.
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode};
///
/// #[derive(Debug, ApiError)]
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
/// assert_eq!(ProxyError::Suspended("acme".into()).to_string(), "tenant acme is suspended");
/// let other: ProxyError = ErrorCode::InvalidApiKey.into();
/// assert_eq!(other.code(), "invalid_api_key");
/// ```
///
/// # The attribute
///
/// On each variant (on a struct, on the type):
///
/// | key | meaning |
/// |---|---|
/// | `code = "snake_case"` | the stable code (required unless `transparent`). A code of the catalogue (`api_error_codes::ErrorCode`) is *canonical*: status, message, retry policy and envelope types come from the catalogue |
/// | `status = 429` | HTTP status, 100..=599, or 0 for "no response is sent"; required for a private code, for a canonical one only the catalogue's |
/// | `message = "... {field} ... {0:>5}"` | the message clients read, a `std::fmt` string over the variant's fields (by name, index, or `{}` for the next index; rustc checks the specs). Required for a private code (see thiserror below); a canonical code's default is the catalogue's. Doc comments are documentation and never reach the wire |
/// | `private` | a code of your own on purpose: required when the code is one or two edits from a canonical one (`rate_limit_exceded`), which is otherwise an error naming the canonical code |
/// | `param = field`, `param = 0`, `param = "model"` | the request parameter at fault (`String`, `&str`, `Cow<str>`, `Box<str>`, or an `Option` of one) |
/// | `retry_after = field` | a field holding the retry delay (`Duration`, or whole seconds as `u8`..`u64`, or an `Option` of one) |
/// | `retryable`, `retryable = false` | whether a retry can succeed; defaults to the catalogue's, else `false` |
/// | `openai_type = "..."`, `anthropic_type = "..."` | the envelope `type`, when not the status's default |
/// | `source = field` | the field `Error::source` returns (a field named `source` is by default); an `Error + 'static`, `Box<dyn Error + Send + Sync>`, or an `Option` of one |
/// | `transparent` | on a one-field variant: everything (code, message, ...) comes from the wrapped error, which is also `source()`, and `From<Wrapped>` is implemented |
/// | `no_from` | with `transparent`: no `From` impl (needed when two variants wrap one type, or a type parameter and another type) |
///
/// On the type: `#[api_error(crate = path::to::api_error_codes)]` when the
/// runtime crate is renamed or re-exported, as serde's `crate` attribute.
///
/// A private code's *description* (what catalogue listings and the problem
/// details `title` show) is its message when that has no placeholder, else
/// the code as a sentence: `prompt_too_long` is "Prompt too long".
///
/// # `Display`, `Error`, `From`
///
/// Alone, the derive implements `Display` as the message clients read,
/// `std::error::Error` (so the type needs `Debug` too) with `source()` as
/// above, and `From` for each `transparent` variant's type, so `?`
/// converts:
///
/// ```
/// use api_error_codes::{ApiError, ErrorCode};
///
/// #[derive(Debug, ApiError)]
/// enum StoreError {
///     #[api_error(code = "internal_error")]
///     Io { source: std::io::Error },
///     #[api_error(transparent)]
///     Canonical(ErrorCode),
/// }
///
/// fn lookup() -> Result<(), StoreError> {
///     Err(ErrorCode::ModelNotFound)?
/// }
/// let error = lookup().unwrap_err();
/// assert_eq!(error.to_string(), "Requested model ID isn\u{2019}t in the catalog");
///
/// let io = StoreError::Io { source: std::io::Error::other("disk on fire") };
/// assert_eq!(io.to_string(), "Unexpected server error"); // the wire never reads the source
/// let boxed: Box<dyn std::error::Error> = Box::new(io);
/// assert_eq!(boxed.source().unwrap().to_string(), "disk on fire"); // the logs do
/// ```
///
/// Beside thiserror (`#[error(...)]` on the type or any variant), the
/// derive writes none of the three: thiserror's `#[error]` is the log text
/// (`Display`), and the wire message is `message` if given, else the
/// catalogue's for a canonical code, else the `#[error("...")]` text (a
/// string literal without arguments), so nothing is written twice:
///
/// ```
/// use api_error_codes::ApiError;
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// enum BillingError {
///     #[error("budget of tenant {tenant} exhausted")] // logs only
///     #[api_error(code = "budget_exhausted")] // canonical: the catalogue's message
///     Exhausted { tenant: String },
///     #[error("card declined: {0}")] // logs and, for this private code, the wire
///     #[api_error(code = "card_declined", status = 402)]
///     Declined(String),
/// }
///
/// let error = BillingError::Exhausted { tenant: "acme".into() };
/// assert_eq!(error.to_string(), "budget of tenant acme exhausted");
/// assert_eq!(error.message(), "Account or project budget reached");
/// assert_eq!(BillingError::Declined("expired".into()).message(), "card declined: expired");
/// ```
///
/// # Checked at compile time
///
/// Every error at once, each at the offending tokens: unknown, misplaced or
/// duplicate keys (with the nearest key), a variant without the attribute,
/// codes and types that are not lower snake_case, a status outside
/// 100..=599 (0 allowed), placeholders and fields that do not exist (rustc
/// checks the rest of each format spec), `transparent` without exactly one
/// field, a private code without status or message, a near miss of a
/// canonical code, two variants giving one type two `From` impls, and
/// **one code, one status**: the same code with two statuses in one type, a
/// canonical code with another status than the catalogue's, or a code a
/// wrapped type declares with another status (checked in `const`, at the
/// wrapped type).
#[proc_macro_derive(ApiError, attributes(api_error))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = match syn::parse::<syn::DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error().into(),
    };
    match expand::expand(&input) {
        Ok(output) => output.into(),
        Err((error, root)) => {
            let mut output = error.to_compile_error();
            output.extend(fallback::stub_impls(&input, &root));
            output.into()
        }
    }
}

/// The runtime crate's `ErrorCode` only: see `canonical.rs`.
#[doc(hidden)]
#[proc_macro_derive(__Catalogue, attributes(api_error))]
pub fn derive_catalogue(input: TokenStream) -> TokenStream {
    let input = match syn::parse::<syn::DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error().into(),
    };
    canonical::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
