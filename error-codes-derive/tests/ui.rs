//! Compile-fail suite: every diagnostic of `#[derive(ApiError)]`, and the
//! conflicts a user can still make (a hand-written `Display` next to the
//! derive, a type without `Debug`), one per file, pinned with its exact
//! text and span in `ui/*.stderr`.
//!
//! Regenerate after an intended change with
//! `TRYBUILD=overwrite cargo test -p api-error-codes-derive --test ui` (one file:
//! `-- ui trybuild=near-canonical.rs`), then read every changed `.stderr`:
//! each error must point at the offending tokens.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
