//! Messages of variants with a template, and whether a type formats any.

use std::borrow::Cow;

/// A formatted message, owned: what the derive's `message` returns for a
/// variant with a template, written by its `write_message`
/// into `capacity` bytes reserved up front (the derive estimates it the way
/// `format!` does). A field whose `Display` fails (a bug in that impl) ends
/// the message where it failed, where `format!` would panic.
pub fn formatted_message<E: crate::ApiError + ?Sized>(
    error: &E,
    capacity: usize,
) -> Cow<'static, str> {
    let mut message = String::with_capacity(capacity);
    // Writing to a `String` cannot fail; a field's `Display` can, and then
    // the text so far is the message.
    let _ = error.write_message(&mut message);
    Cow::Owned(message)
}

/// `FORMATS_MESSAGE` of a type whose own variants format nothing: whether
/// any of the types it wraps (`wrapped`, their `FORMATS_MESSAGE`) does.
pub const fn any_formats_message(wrapped: &[bool]) -> bool {
    let mut index = 0;
    while index < wrapped.len() {
        if wrapped[index] {
            return true;
        }
        index += 1;
    }
    false
}
