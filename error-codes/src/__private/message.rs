//! Messages of variants with a template.

use std::borrow::Cow;
use std::fmt::{self, Write};

/// A template's message. A field whose `Display` fails (a bug in that
/// impl) ends the message where it failed, where `format!` would panic.
pub fn message(args: fmt::Arguments<'_>) -> Cow<'static, str> {
    let mut message = String::new();
    let _ = message.write_fmt(args);
    Cow::Owned(message)
}
