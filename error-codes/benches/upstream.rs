//! The stream fast path (placeholder until the benchmark is written).
fn main() {}
