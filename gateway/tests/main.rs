//! The example gateway over real HTTP, started in-process on an ephemeral
//! port: its routes, bad requests, headers, bodies and event sequences,
//! and, against an in-process fake upstream replaying the upstream corpus,
//! the proxy (errors, streams failing, a dead port, a slow upstream, a
//! client that disconnects). One binary, one module per subject.

mod support;

mod disconnect;
mod echo;
mod errors;
mod openapi;
mod proxy;
mod proxy_corpus;
mod responses;
mod routes;
mod spans;
mod stream_failures;
