//! The one check of the derive that runs in `const` evaluation: the codes
//! of a type wrapped with `transparent`, which the macro cannot see, against
//! the wrapping type's private codes and the types wrapped before it.

use crate::code_list::str_eq;
use crate::{CodeInfo, CodeList};

/// Why a wrapped type's codes conflict: `code` with `first` in this type
/// (or an earlier wrapped one) and `second` in the type wrapped here.
pub struct ConflictMessage {
    bytes: [u8; 512],
    len: usize,
}

/// The first code of `private` (the wrapping type's private codes) or of
/// `earlier` (the lists of the types wrapped before this one) that
/// `wrapped` gives another status, as a message; the derive panics with it,
/// in `const`, at the wrapping variant's type.
pub const fn wrapped_conflict(
    private: &[CodeInfo],
    earlier: &[&CodeList],
    wrapped: &CodeList,
) -> Option<ConflictMessage> {
    let mut i = 0;
    while i < private.len() {
        let entry = &private[i];
        if let Some(other) = other_status(wrapped, entry.code(), entry.status()) {
            return Some(ConflictMessage::new(
                entry.code(),
                entry.status(),
                " in this type",
                other,
            ));
        }
        i += 1;
    }
    let mut list = 0;
    while list < earlier.len() {
        if let Some((code, first, second)) = first_conflict(earlier[list], wrapped) {
            return Some(ConflictMessage::new(
                code,
                first,
                " in a type wrapped before this one",
                second,
            ));
        }
        list += 1;
    }
    None
}

/// The first entry of `list` (its wrapped lists included) that `other`
/// gives another status: `(code, status in list, status in other)`.
const fn first_conflict(list: &CodeList, other: &CodeList) -> Option<(&'static str, u16, u16)> {
    let own = list.own();
    let mut i = 0;
    while i < own.len() {
        if let Some(status) = other_status(other, own[i].code(), own[i].status()) {
            return Some((own[i].code(), own[i].status(), status));
        }
        i += 1;
    }
    let wrapped = list.wrapped();
    let mut w = 0;
    while w < wrapped.len() {
        if let Some(conflict) = first_conflict(wrapped[w], other) {
            return Some(conflict);
        }
        w += 1;
    }
    None
}

/// A status other than `status` that `list` (its wrapped lists included)
/// gives `code`.
const fn other_status(list: &CodeList, code: &str, status: u16) -> Option<u16> {
    let own = list.own();
    let mut i = 0;
    while i < own.len() {
        if own[i].status() != status && str_eq(own[i].code(), code) {
            return Some(own[i].status());
        }
        i += 1;
    }
    let wrapped = list.wrapped();
    let mut w = 0;
    while w < wrapped.len() {
        if let Some(other) = other_status(wrapped[w], code, status) {
            return Some(other);
        }
        w += 1;
    }
    None
}

impl ConflictMessage {
    /// "code `x` has status 403 in this type but 500 in the type wrapped
    /// here: ...".
    const fn new(code: &str, first: u16, where_first: &str, second: u16) -> Self {
        ConflictMessage {
            bytes: [0; 512],
            len: 0,
        }
        .push("code `")
        .push(code)
        .push("` has status ")
        .push_u16(first)
        .push(where_first)
        .push(" but ")
        .push_u16(second)
        .push(
            " in the type wrapped here: one code, one status. Give it the same status, or use \
             another code",
        )
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
            Err(_) => "api-error-codes: invalid check message",
        }
    }
}
