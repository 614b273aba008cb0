//! [`Describe`]: what a type says about each of its errors; every
//! [`ApiError`](crate::ApiError) method follows from it.

use crate::upstream::Provider;
use crate::{CodeInfo, CodeList};
use std::borrow::Cow;
use std::time::Duration;

/// What an error type says about each error: its code's [`CodeInfo`] and
/// what this occurrence adds (message, parameter, retry delay, provider).
///
/// `#[derive(ApiError)]` implements it; implement it by hand only for a
/// type the derive cannot describe. Every [`ApiError`](crate::ApiError)
/// method — code, status, envelope types, bodies, responses, events —
/// follows from it and cannot be overridden, so an error can never answer
/// with another status than its code has.
///
/// The functions take `this: &Self` rather than `&self` (as `Arc::strong_count`
/// does) so that `error.message()` always means [`ApiError::message`](crate::ApiError::message),
/// with or without this trait in scope.
///
/// ```
/// use api_error_codes::{ApiError, CodeInfo, CodeList, Describe, Format};
/// use std::borrow::Cow;
///
/// /// A type whose message is only known at run time.
/// #[derive(Debug)]
/// struct Teapot(String);
///
/// const TEAPOT: CodeInfo = CodeInfo::new("teapot", 418, "I am a teapot");
///
/// impl Describe for Teapot {
///     const CODES: CodeList = CodeList::new(&[TEAPOT], &[]);
///     fn info(_: &Self) -> &'static CodeInfo {
///         &TEAPOT
///     }
///     fn message(this: &Self) -> Cow<'_, str> {
///         Cow::Borrowed(&this.0)
///     }
/// }
///
/// let error = Teapot("short and stout".into());
/// assert_eq!((error.code(), error.status()), ("teapot", 418));
/// assert_eq!(error.message(), "short and stout");
/// let boxed: Box<dyn ApiError + Send + Sync> = Box::new(error);
/// assert_eq!(boxed.to_http_response(Format::OpenAi).status(), 418);
/// ```
pub trait Describe {
    /// Every code this type can produce: its own, then the wrapped types'.
    /// Read in `const` context by the derive's checks of wrapped types;
    /// [`CodeList::of`] reads it for any type.
    const CODES: CodeList;

    /// The facts of this error's code.
    fn info(this: &Self) -> &'static CodeInfo;

    /// The client-safe message; by default the code's [`CodeInfo::message`].
    fn message(this: &Self) -> Cow<'_, str> {
        Cow::Borrowed(Self::info(this).message())
    }

    /// The request parameter at fault, if any.
    fn param(_this: &Self) -> Option<Cow<'_, str>> {
        None
    }

    /// How long a client should wait before retrying, if known.
    fn retry_after(_this: &Self) -> Option<Duration> {
        None
    }

    /// The upstream provider that generated the error, if one did.
    fn provider(_this: &Self) -> Option<Provider> {
        None
    }
}

/// Describes a reference or a box as what it points to.
macro_rules! forward {
    ($($ty:ty),+) => {$(
        impl<T: Describe> Describe for $ty {
            const CODES: CodeList = T::CODES;
            fn info(this: &Self) -> &'static CodeInfo {
                T::info(this)
            }
            fn message(this: &Self) -> Cow<'_, str> {
                T::message(this)
            }
            fn param(this: &Self) -> Option<Cow<'_, str>> {
                T::param(this)
            }
            fn retry_after(this: &Self) -> Option<Duration> {
                T::retry_after(this)
            }
            fn provider(this: &Self) -> Option<Provider> {
                T::provider(this)
            }
        }
    )+};
}

forward!(&T, Box<T>);
