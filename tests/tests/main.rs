//! Every integration test of the workspace's two crates, one module per
//! subject, in one test binary (the compile-fail suite is the derive's,
//! `error-codes-derive/tests/ui.rs`).

mod actix_web;
mod canonical;
mod catalogue_page;
mod derive;
mod fuzz_received;
mod fuzz_upstream;
mod layer;
mod nasty;
mod openapi;
mod problem;
mod problem_props;
mod problem_received;
mod problem_types;
mod props;
mod received;
mod relay;
mod telemetry;
mod test_lints;
mod upstream_corpus;
mod upstream_transport;
mod wire;
