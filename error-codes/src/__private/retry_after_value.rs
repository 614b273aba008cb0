//! `RetryAfterValue`: the field types `retry_after = field` accepts.

use std::time::Duration;

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
