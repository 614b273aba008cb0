//! Support for the code `#[derive(ApiError)]` writes. Not a public API: it
//! may change in any release.

// The checks run only in `const` evaluation, where a large `Err` costs nothing.
#![allow(clippy::result_large_err)]
use std::borrow::Cow;
use std::time::Duration;

/// `a == b`: the confirming comparison of the generated `from_code`,
/// inlined instead of a `memcmp` call. Up to 48 bytes it compares two or
/// three overlapping words (16 bytes each from 17 bytes on) with no
/// data-dependent branch: the word loads and the `&` of their comparisons
/// compile to a few vector compares.
#[inline(always)]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    match a.len() {
        8..=16 => {
            (a.first_chunk::<8>() == b.first_chunk::<8>())
                & (a.last_chunk::<8>() == b.last_chunk::<8>())
        }
        17..=32 => {
            (a.first_chunk::<16>() == b.first_chunk::<16>())
                & (a.last_chunk::<16>() == b.last_chunk::<16>())
        }
        33..=48 => {
            (a.first_chunk::<16>() == b.first_chunk::<16>())
                & (middle(a) == middle(b))
                & (a.last_chunk::<16>() == b.last_chunk::<16>())
        }
        _ => a == b,
    }
}

/// Bytes 16..32, the part of a 33- to 48-byte string the first and last 16
/// bytes leave out.
#[inline(always)]
fn middle(bytes: &[u8]) -> Option<&[u8; 16]> {
    bytes.get(16..).and_then(<[u8]>::first_chunk::<16>)
}

/// Whether any of `values` is true: a wrapping type formats its messages
/// when one of the types it wraps does.
pub const fn any(values: &[bool]) -> bool {
    let mut index = 0;
    while index < values.len() {
        if values[index] {
            return true;
        }
        index += 1;
    }
    false
}

pub use crate::info::{CodeInfo, CodeList};
pub use std::borrow::Cow::{Borrowed, Owned};
/// A formatted message as an owned `String`: what the derive's `message`
/// returns for a variant with a template, written by its `write_message`
/// into `capacity` bytes reserved up front (the derive estimates it the way
/// `format!` does). A field whose `Display` fails (a bug in that impl) ends
/// the message where it failed, where `format!` would panic.
pub fn formatted_message<E: crate::ApiError + ?Sized>(error: &E, capacity: usize) -> String {
    let mut message = String::with_capacity(capacity);
    // Writing to a `String` cannot fail; a field's `Display` can, and then
    // the text so far is the message.
    let _ = error.write_message(&mut message);
    message
}

/// The canonical entry for `code`, if the catalogue has one. A decision
/// tree the catalogue's derive generates, so the once-per-variant lookup
/// costs users' builds a few interpreted steps rather than a scan.
pub const fn canonical(code: &str) -> Option<&'static CodeInfo> {
    crate::ErrorCode::__api_error_find(code)
}

/// What one variant's attribute says, before the catalogue fills the gaps.
/// Built with a chain of `const` calls that names only what the attribute
/// states, which keeps the generated code short.
pub struct Spec {
    code: &'static str,
    status: Option<u16>,
    /// A plain `message`: what `message()` returns.
    message: Option<&'static str>,
    /// The doc comment (or a template's raw text): a private code's
    /// description when it has no plain message.
    description: Option<&'static str>,
    retryable: Option<bool>,
    openai_type: Option<&'static str>,
    anthropic_type: Option<&'static str>,
}

impl Spec {
    pub const fn new(code: &'static str) -> Self {
        Spec {
            code,
            status: None,
            message: None,
            description: None,
            retryable: None,
            openai_type: None,
            anthropic_type: None,
        }
    }

    pub const fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    pub const fn message(mut self, message: &'static str) -> Self {
        self.message = Some(message);
        self
    }

    pub const fn description(mut self, description: &'static str) -> Self {
        self.description = Some(description);
        self
    }

    pub const fn retryable(mut self, retryable: bool) -> Self {
        self.retryable = Some(retryable);
        self
    }

    pub const fn openai_type(mut self, openai_type: &'static str) -> Self {
        self.openai_type = Some(openai_type);
        self
    }

    pub const fn anthropic_type(mut self, anthropic_type: &'static str) -> Self {
        self.anthropic_type = Some(anthropic_type);
        self
    }

    /// The variant's [`CodeInfo`]: what it states, then what the catalogue
    /// says about a canonical code. [`check_status`] and [`check_private`]
    /// report what is wrong with it.
    pub const fn resolve(self) -> CodeInfo {
        let canonical = canonical(self.code);
        self.into_info(canonical)
    }

    /// The [`CodeInfo`] with `canonical` (the catalogue's entry for the
    /// code, if any) filling the gaps. The catalogue's own variants use it
    /// with `None`, as they cannot look themselves up.
    pub const fn into_info(self, canonical: Option<&CodeInfo>) -> CodeInfo {
        let status = match (self.status, canonical) {
            (Some(status), _) => status,
            (None, Some(canonical)) => canonical.status(),
            // Reported by `check_private`; any value keeps evaluation going.
            (None, None) => 0,
        };
        let description = match (canonical, self.message, self.description) {
            (Some(canonical), _, _) => canonical.description(),
            (None, Some(text), _) | (None, None, Some(text)) => text,
            (None, None, None) => "",
        };
        let mut info = CodeInfo::new(self.code, status, description);
        if let Some(message) = self.message {
            info = info.with_message(message);
        }
        // A canonical code keeps the catalogue's choices unless the variant
        // changes them (or changes the status they were derived from).
        if let Some(canonical) = canonical {
            if canonical.status() == status {
                info = info
                    .retryable(canonical.is_retryable())
                    .with_openai_type(canonical.openai_type())
                    .with_anthropic_type(canonical.anthropic_type());
            }
        }
        if let Some(retryable) = self.retryable {
            info = info.retryable(retryable);
        }
        if let Some(openai_type) = self.openai_type {
            info = info.with_openai_type(openai_type);
        }
        if let Some(anthropic_type) = self.anthropic_type {
            info = info.with_anthropic_type(anthropic_type);
        }
        info
    }
}

/// A canonical code keeps the catalogue's status.
///
/// `#[track_caller]`: a failure is reported at the call, which the derive
/// spans at the `status` literal. Each check is a constant of its own, so a
/// failure is one error (not also one at every use of the variant's
/// `CodeInfo`) and every failing variant is reported.
#[track_caller]
pub const fn check_status(info: &CodeInfo) {
    if let Some(canonical) = canonical(info.code()) {
        if canonical.status() != info.status() {
            let message = ConstMsg::new()
                .push("code `")
                .push(info.code())
                .push("` is canonical with status ")
                .push_u16(canonical.status())
                .push(", not ")
                .push_u16(info.status())
                .push(": one code, one status. Remove `status` to use the catalogue's, or pick a private code");
            panic!("{}", message.as_str());
        }
    }
}

/// A private code states its status and its message (or doc comment).
///
/// `#[track_caller]`, like [`check_status`]; the derive spans the call at the
/// `code` literal and only emits it when the attribute lacks one of the two.
#[track_caller]
pub const fn check_private(info: &CodeInfo, has_status: bool, has_message: bool) {
    if (has_status && has_message) || canonical(info.code()).is_some() {
        return;
    }
    let message = ConstMsg::new().push("code `").push(info.code());
    let message = if has_status {
        message.push("` is not in the canonical catalogue, so it needs a `message = \"...\"` or a doc comment: the text clients see")
    } else {
        message
            .push("` is not in the canonical catalogue, so it needs its own `status = ...`")
            .push(if has_message {
                ""
            } else {
                " and a `message = \"...\"` or doc comment"
            })
    };
    panic!("{}", message.as_str());
}

/// A message assembled in `const`, for `panic!` in a failed check.
pub struct ConstMsg {
    bytes: [u8; 512],
    len: usize,
}

impl ConstMsg {
    const fn new() -> Self {
        ConstMsg {
            bytes: [0; 512],
            len: 0,
        }
    }

    const fn push(mut self, text: &str) -> Self {
        let text = text.as_bytes();
        let mut i = 0;
        // Truncation keeps UTF-8 whole: all our own text is ASCII, codes are
        // snake_case ASCII.
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    const fn push_u16(self, mut value: u16) -> Self {
        let mut digits = [0u8; 5];
        let mut n = 0;
        loop {
            digits[4 - n] = b'0' + (value % 10) as u8;
            n += 1;
            value /= 10;
            if value == 0 {
                break;
            }
        }
        let (_, used) = digits.split_at(5 - n);
        match core::str::from_utf8(used) {
            Ok(text) => self.push(text),
            Err(_) => self,
        }
    }

    /// The text.
    pub const fn as_str(&self) -> &str {
        let (used, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(used) {
            Ok(text) => text,
            Err(_) => "error-codes: invalid check message",
        }
    }
}

/// No code in `codes` (own and wrapped) has two statuses.
pub const fn check_consistent(codes: &CodeList) -> Result<(), ConstMsg> {
    match codes.cross_conflict() {
        None => Ok(()),
        Some((code, first, second)) => {
            // Entries are ordered own first, so the first of the pair is
            // this type's own exactly when this type declares the code.
            let mut own = false;
            let mut i = 0;
            while i < codes.own().len() {
                own = own || crate::info::str_eq(codes.own()[i].code(), code);
                i += 1;
            }
            // A canonical code given another status is reported, at that
            // status, by `check_status`; once is enough. (A further conflict,
            // if any, shows once this one is fixed.)
            if own {
                if let Some(canonical) = canonical(code) {
                    if canonical.status() != first {
                        return Ok(());
                    }
                }
            }
            Err(ConstMsg::new()
                .push("code `")
                .push(code)
                .push("` has status ")
                .push_u16(first)
                .push(if own {
                    " in this type but "
                } else {
                    " in one wrapped type but "
                })
                .push_u16(second)
                .push(if own {
                    " in a wrapped type"
                } else {
                    " in another"
                })
                .push(": one code, one status. Give it the same status, or use another code"))
        }
    }
}

/// A field that can name the request parameter at fault (`param = field`).
#[diagnostic::on_unimplemented(
    message = "`param` names a field of type `{Self}`, which cannot name a request parameter",
    label = "`param` needs a `String`, `&str`, `Cow<str>`, `Box<str>` or an `Option` of one"
)]
pub trait ParamValue {
    /// The parameter's name, if any.
    fn param_value(&self) -> Option<Cow<'_, str>>;
}

impl ParamValue for str {
    fn param_value(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(self))
    }
}

impl ParamValue for String {
    fn param_value(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(self))
    }
}

impl ParamValue for Cow<'_, str> {
    fn param_value(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(self))
    }
}

impl<T: ParamValue + ?Sized> ParamValue for &T {
    fn param_value(&self) -> Option<Cow<'_, str>> {
        (**self).param_value()
    }
}

impl<T: ParamValue + ?Sized> ParamValue for Box<T> {
    fn param_value(&self) -> Option<Cow<'_, str>> {
        (**self).param_value()
    }
}

impl<T: ParamValue> ParamValue for Option<T> {
    fn param_value(&self) -> Option<Cow<'_, str>> {
        self.as_ref().and_then(ParamValue::param_value)
    }
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

impl RetryAfterValue for Duration {
    fn retry_after_value(&self) -> Option<Duration> {
        Some(*self)
    }
}

macro_rules! seconds {
    ($($int:ty),*) => {$(
        impl RetryAfterValue for $int {
            fn retry_after_value(&self) -> Option<Duration> {
                Some(Duration::from_secs(u64::from(*self)))
            }
        }
    )*};
}
seconds!(u8, u16, u32, u64);

impl<T: RetryAfterValue + ?Sized> RetryAfterValue for &T {
    fn retry_after_value(&self) -> Option<Duration> {
        (**self).retry_after_value()
    }
}

impl<T: RetryAfterValue> RetryAfterValue for Option<T> {
    fn retry_after_value(&self) -> Option<Duration> {
        self.as_ref().and_then(RetryAfterValue::retry_after_value)
    }
}

/// A stand-in body for the impl emitted next to a compile error, so the
/// user sees that error and not a cascade. Never runs: the crate does not
/// build.
pub const fn unreachable_info() -> &'static CodeInfo {
    const NEVER: CodeInfo = CodeInfo::new("", 0, "");
    &NEVER
}

/// What `#[api_error(catalogue)]` adds: every variant, and parsing codes.
pub trait Catalogue: Sized + 'static {
    /// Every variant, in declaration order.
    const ALL: &'static [Self];
    /// The variant with exactly this code.
    fn from_code(code: &str) -> Option<Self>;
}

#[cfg(test)]
mod tests {
    use super::same_bytes;

    /// Every length through each comparison regime and past it, with one
    /// byte changed at every position: `same_bytes` agrees with `==`.
    #[test]
    fn same_bytes_agrees_with_slice_equality() {
        let text: Vec<u8> = (0..64u8).map(|i| b'a' + i % 26).collect();
        for len in 0..=text.len() {
            let a = &text[..len];
            assert!(same_bytes(a, a), "len {len}");
            for position in 0..len {
                let mut b = a.to_vec();
                b[position] ^= 0x20;
                assert!(!same_bytes(a, &b), "len {len}, changed at {position}");
            }
            if len > 0 {
                assert!(!same_bytes(a, &text[..len - 1]), "len {len}, shorter");
            }
        }
    }
}
