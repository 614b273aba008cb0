//! The body of the stand-in impl emitted next to a compile error.

use crate::CodeInfo;

/// A stand-in `info` for the impl emitted next to a compile error, so the
/// user sees that error and not a cascade. Never runs: the crate does not
/// build.
pub const fn unreachable_info() -> &'static CodeInfo {
    const NEVER: CodeInfo = CodeInfo::new("", 0, "");
    &NEVER
}
