//! [`CodeList`]: every code a type can produce, the status-conflict
//! search the derive runs on it at compile time, and the catalogue as a
//! page ([`page`]).

mod page;

pub use page::CatalogueColumn;

use crate::info::CodeInfo;
use core::fmt;

/// Every code a type can produce: its own, then those of the types it wraps
/// with `#[api_error(transparent)]`.
///
/// Built at compile time, so the collision checks of the derive can read it
/// in `const` context; [`find`](Self::find) works there too.
///
/// ```
/// use api_error_codes::{ApiError, CodeList, ErrorCode};
///
/// const LIMIT: Option<&api_error_codes::CodeInfo> = CodeList::of::<ErrorCode>().find("rate_limit_exceeded");
/// assert_eq!(LIMIT.map(|info| info.status()), Some(429));
/// ```
#[derive(Clone, Copy)]
pub struct CodeList {
    own: &'static [CodeInfo],
    wrapped: &'static [&'static CodeList],
}

impl CodeList {
    /// A list of codes declared by a type itself, plus the lists of the types
    /// it wraps. For hand-written impls; the derive writes this for you.
    ///
    /// ```
    /// use api_error_codes::{ApiError, CodeInfo, CodeList, ErrorCode};
    ///
    /// const MINE: CodeList = CodeList::new(
    ///     &[CodeInfo::new("teapot", 418, "I am a teapot")],
    ///     &[&CodeList::of::<ErrorCode>()],
    /// );
    /// assert!(MINE.find("teapot").is_some());
    /// assert!(MINE.find("invalid_api_key").is_some());
    /// ```
    pub const fn new(own: &'static [CodeInfo], wrapped: &'static [&'static CodeList]) -> Self {
        CodeList { own, wrapped }
    }

    /// Every code `T` can produce ([`CodeList::of::<Describe>()`](crate::CodeList::of::<Describe>())),
    /// in `const` context too.
    ///
    /// ```
    /// use api_error_codes::{CodeList, ErrorCode};
    ///
    /// const CANONICAL: CodeList = CodeList::of::<ErrorCode>();
    /// assert_eq!(CANONICAL.find("payload_too_large").map(|info| info.status()), Some(413));
    /// ```
    pub const fn of<T: crate::Describe + ?Sized>() -> CodeList {
        T::CODES
    }

    /// The empty list, for a type with no variants.
    pub const EMPTY: CodeList = CodeList::new(&[], &[]);

    /// The first entry with this code, searching own codes before wrapped
    /// ones. Usable in `const`.
    ///
    /// ```
    /// use api_error_codes::{ApiError, CodeList, ErrorCode};
    ///
    /// assert_eq!(CodeList::of::<ErrorCode>().find("upstream_timeout").map(|i| i.status()), Some(504));
    /// assert!(CodeList::of::<ErrorCode>().find("Upstream_Timeout").is_none());
    /// ```
    pub const fn find(&self, code: &str) -> Option<&'static CodeInfo> {
        let mut i = 0;
        while i < self.own.len() {
            if str_eq(self.own[i].code(), code) {
                return Some(&self.own[i]);
            }
            i += 1;
        }
        let mut j = 0;
        while j < self.wrapped.len() {
            if let Some(found) = self.wrapped[j].find(code) {
                return Some(found);
            }
            j += 1;
        }
        None
    }

    /// Whether the list has no entry at all.
    pub const fn is_empty(&self) -> bool {
        if !self.own.is_empty() {
            return false;
        }
        let mut j = 0;
        while j < self.wrapped.len() {
            if !self.wrapped[j].is_empty() {
                return false;
            }
            j += 1;
        }
        true
    }

    /// The entries declared by the type itself, one per variant (a code
    /// used by two variants appears twice).
    pub const fn own(&self) -> &'static [CodeInfo] {
        self.own
    }

    /// The lists of the types wrapped with `#[api_error(transparent)]`.
    pub const fn wrapped(&self) -> &'static [&'static CodeList] {
        self.wrapped
    }

    /// Every distinct code, own codes first, each once (the first entry
    /// wins, as in [`find`](Self::find)). The iterator does not borrow the
    /// list, so it outlives a temporary one.
    ///
    /// ```
    /// use api_error_codes::{ApiError, CodeList, ErrorCode};
    ///
    /// let codes: Vec<&str> = CodeList::of::<ErrorCode>().iter().map(|i| i.code()).collect();
    /// assert_eq!(codes[0], "batch_only");
    /// assert_eq!(codes.len(), 57);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &'static CodeInfo> + use<> {
        let mut all: Vec<&'static CodeInfo> = Vec::new();
        self.collect_into(&mut all);
        let mut seen = std::collections::HashSet::with_capacity(all.len());
        all.into_iter().filter(move |info| seen.insert(info.code()))
    }

    fn collect_into(&self, out: &mut Vec<&'static CodeInfo>) {
        out.extend(self.own.iter());
        for list in self.wrapped {
            list.collect_into(out);
        }
    }

    /// The first pair of entries, anywhere in the list, that give one code
    /// two statuses: `(code, first status, second status)`.
    ///
    /// ```
    /// use api_error_codes::{ApiError, CodeInfo, CodeList, ErrorCode};
    ///
    /// assert!(CodeList::of::<ErrorCode>().status_conflict().is_none());
    /// const BAD: CodeList = CodeList::new(
    ///     &[CodeInfo::new("rate_limit_exceeded", 503, "Slow down")],
    ///     &[&CodeList::of::<ErrorCode>()],
    /// );
    /// assert_eq!(BAD.status_conflict(), Some(("rate_limit_exceeded", 503, 429)));
    /// ```
    pub const fn status_conflict(&self) -> Option<(&'static str, u16, u16)> {
        self.conflict_with(self)
    }

    /// The first entry of this list (wrapped lists included) that `other`
    /// gives another status: `(code, status here, status in other)`. The
    /// one conflict search: `status_conflict`, and the derive's `const`
    /// check of a wrapped type against the types around it, run it.
    pub(crate) const fn conflict_with(&self, other: &CodeList) -> Option<(&'static str, u16, u16)> {
        let mut i = 0;
        while i < self.own.len() {
            let entry = &self.own[i];
            if let Some(status) = other.other_status(entry.code(), entry.status()) {
                return Some((entry.code(), entry.status(), status));
            }
            i += 1;
        }
        let mut w = 0;
        while w < self.wrapped.len() {
            if let Some(conflict) = self.wrapped[w].conflict_with(other) {
                return Some(conflict);
            }
            w += 1;
        }
        None
    }

    /// A status other than `status` that this list, wrapped lists
    /// included, gives `code`.
    pub(crate) const fn other_status(&self, code: &str, status: u16) -> Option<u16> {
        let mut i = 0;
        while i < self.own.len() {
            if self.own[i].status() != status && str_eq(self.own[i].code(), code) {
                return Some(self.own[i].status());
            }
            i += 1;
        }
        let mut w = 0;
        while w < self.wrapped.len() {
            if let Some(other) = self.wrapped[w].other_status(code, status) {
                return Some(other);
            }
            w += 1;
        }
        None
    }
}

impl fmt::Debug for CodeList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter().map(CodeInfo::code))
            .finish()
    }
}

/// `a == b`, in `const`.
pub(crate) const fn str_eq(a: &str, b: &str) -> bool {
    bytes_eq(a.as_bytes(), b.as_bytes())
}

/// `a == b` for byte strings, in `const`.
const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
