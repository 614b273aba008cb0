//! `ParamValue`: the field types `param = field` accepts.

use std::borrow::Cow;

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
