//! Unit tests of the derive's parts. What the generated code does is
//! tested by building it (`tests/tests/derive`, `tests/tests/test_lints.rs`),
//! and every diagnostic, with its span, by the UI suite (`tests/ui`).

mod catalogue;
mod expand;
mod fmt;
