//! Support for the code `#[derive(ApiError)]` writes. Not a public API: it
//! may change in any release. The generated code names everything through
//! this crate's path, so the items of `core` and `std` it uses are
//! re-exported here.

use crate::{CodeInfo, CodeList};

pub use crate::code::canonical;
pub use core::convert::From;
pub use core::option::Option;
pub use core::time::Duration;
pub use core::{fmt, format_args, panic};
pub use std::borrow::Cow;
pub use std::error::Error;

/// What the catalogue derive adds to `ErrorCode`: every variant, in table order.
pub trait Catalogue: Sized + 'static {
    /// Every variant, in declaration order.
    const ALL: &'static [Self];
}

/// A templated message. A field whose `Display` fails (a bug in that impl)
/// ends the message where it failed, where `format!` would panic.
pub fn message(args: fmt::Arguments<'_>) -> Cow<'static, str> {
    let mut message = String::new();
    let _ = fmt::Write::write_fmt(&mut message, args);
    Cow::Owned(message)
}

/// A field for `{0:p}`: formats the pointer the field holds, not the
/// address of the binding that refers to it.
pub struct Var<'a, T: ?Sized>(pub &'a T);

impl<T: fmt::Pointer + ?Sized> fmt::Pointer for Var<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Pointer::fmt(self.0, f)
    }
}

/// A source field as `&dyn Error`: an error type, or the `dyn Error` a
/// `Box<dyn Error + Send + Sync>` holds.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `std::error::Error`, so it cannot be this error's `source()`",
    label = "`Error::source` returns a `transparent` variant's error, or the source field \
             (`source = field`, or the field named `source`)"
)]
pub trait AsDynError {
    /// The field as a trait object.
    fn as_dyn_error(&self) -> &(dyn Error + 'static);
}

impl<T: Error + 'static> AsDynError for T {
    fn as_dyn_error(&self) -> &(dyn Error + 'static) {
        self
    }
}

macro_rules! dyn_errors {
    ($($ty:ty),*) => {$(
        impl AsDynError for $ty {
            fn as_dyn_error(&self) -> &(dyn Error + 'static) {
                self
            }
        }
    )*};
}
dyn_errors!(
    dyn Error + 'static,
    dyn Error + Send + 'static,
    dyn Error + Send + Sync + 'static
);

/// A field that can name the request parameter at fault (`param = field`).
#[diagnostic::on_unimplemented(
    message = "`param` names a field of type `{Self}`, which cannot name a request parameter",
    label = "`param` needs a `String`, `&str`, `Cow<str>`, `Box<str>` or an `Option` of one"
)]
pub trait ParamValue {
    /// The parameter's name, if any.
    fn param_value(&self) -> Option<Cow<'_, str>>;
}

/// A field that holds a retry delay (`retry_after = field`): a `Duration`,
/// or whole seconds as an integer.
#[diagnostic::on_unimplemented(
    message = "`retry_after` names a field of type `{Self}`, which is not a retry delay",
    label = "`retry_after` needs a `Duration`, whole seconds as `u8`, `u16`, `u32` or `u64`, or an `Option` of one"
)]
pub trait RetryAfterValue {
    /// The delay, if any.
    fn retry_after_value(&self) -> Option<Duration>;
}

macro_rules! values {
    ($trait:ident :: $method:ident -> $out:ty, |$this:ident| $value:expr, $($ty:ty),*) => {
        $(impl $trait for $ty {
            fn $method(&self) -> Option<$out> {
                let $this = self;
                Some($value)
            }
        })*
    };
    ($trait:ident :: $method:ident -> $out:ty) => {
        impl<T: $trait + ?Sized> $trait for &T {
            fn $method(&self) -> Option<$out> {
                (**self).$method()
            }
        }
        impl<T: $trait + ?Sized> $trait for Box<T> {
            fn $method(&self) -> Option<$out> {
                (**self).$method()
            }
        }
        impl<T: $trait> $trait for Option<T> {
            fn $method(&self) -> Option<$out> {
                self.as_ref().and_then(|value| value.$method())
            }
        }
    };
}
values!(ParamValue::param_value -> Cow<'_, str>, |this| Cow::Borrowed(this), str, String, Cow<'_, str>);
values!(ParamValue::param_value -> Cow<'_, str>);
values!(RetryAfterValue::retry_after_value -> Duration, |this| Duration::from_secs(u64::from(*this)), u8, u16, u32);
values!(RetryAfterValue::retry_after_value -> Duration, |this| Duration::from_secs(*this), u64);
values!(RetryAfterValue::retry_after_value -> Duration, |this| *this, Duration);
values!(RetryAfterValue::retry_after_value -> Duration);

/// The first code of `private` (the wrapping type's private codes) or of
/// `earlier` (the types wrapped before this one) that `wrapped` gives
/// another status, as a message: the derive panics with it, in `const`, at
/// the wrapped type.
pub const fn wrapped_conflict(
    private: &[CodeInfo],
    earlier: &[&CodeList],
    wrapped: &CodeList,
) -> Option<ConflictMessage> {
    let mut i = 0;
    while i < private.len() {
        let (code, status) = (private[i].code(), private[i].status());
        if let Some(other) = wrapped.other_status(code, status) {
            return Some(ConflictMessage::new(code, status, " in this type", other));
        }
        i += 1;
    }
    let mut i = 0;
    while i < earlier.len() {
        if let Some((code, first, second)) = earlier[i].conflict_with(wrapped) {
            return Some(ConflictMessage::new(
                code,
                first,
                " in a type wrapped before this one",
                second,
            ));
        }
        i += 1;
    }
    None
}

/// A conflict's message, built in `const` (where `format!` is not).
pub struct ConflictMessage {
    bytes: [u8; 512],
    len: usize,
}

impl ConflictMessage {
    const fn new(code: &str, first: u16, where_first: &str, second: u16) -> Self {
        let message = ConflictMessage {
            bytes: [0; 512],
            len: 0,
        };
        message
            .push("code `")
            .push(code)
            .push("` has status ")
            .push_u16(first)
            .push(where_first)
            .push(" but ")
            .push_u16(second)
            .push(" in the type wrapped here: one code, one status. Give it the same status, or use another code")
    }

    /// Appends `text`, truncated at the buffer's end. Codes are ASCII, so
    /// truncation cannot split a character.
    const fn push(mut self, text: &str) -> Self {
        let text = text.as_bytes();
        let mut i = 0;
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    const fn push_u16(self, value: u16) -> Self {
        let (mut digits, mut start, mut rest) = ([0u8; 5], 5, value);
        loop {
            start -= 1;
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let (_, shown) = digits.split_at(start);
        match core::str::from_utf8(shown) {
            Ok(text) => self.push(text),
            Err(_) => self,
        }
    }

    /// The text.
    pub const fn as_str(&self) -> &str {
        let (used, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(used) {
            Ok(text) => text,
            Err(_) => "api-error-codes: invalid check message",
        }
    }
}
