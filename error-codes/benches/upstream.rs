//! The stream relay's fast path (issue 21, section 5), side by side in one
//! run (`cargo bench -p api-error-codes --bench upstream`): for normal
//! events recorded from real streams (the upstream corpus's non-error
//! events), what `UpstreamError::from_sse_event` costs, against a
//! `serde_json::Value` parse of the event's data and against one bare
//! `memchr::memmem` scan of the event for `error`.
//!
//! Before anything is measured, every event is checked to be one
//! `from_sse_event` calls normal and whose data parses, so the parse it is
//! compared with does real work.

use api_error_codes::upstream::{Provider, UpstreamError};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use serde_json::Value;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

/// Normal events of six providers' streams, by corpus case.
const EVENTS: [(&str, &str); 6] = [
    ("openai", "openai-chat-chunk-not-error"),
    ("openai", "openai-responses-output-text-delta-not-error"),
    (
        "anthropic",
        "anthropic-stream-content-block-delta-not-error",
    ),
    (
        "gemini",
        "gemini-stream-chunk-thoughts-token-count-not-error",
    ),
    ("mistral", "mistral-stream-tool-calls-finish-not-error"),
    ("groq", "groq-stream-final-chunk-x-groq-usage-not-error"),
];

/// The event of corpus case `name`, from the provider's file.
fn event(provider: &str, name: &str) -> Vec<u8> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../tests/upstream-corpus/{provider}.json"));
    let cases: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(file).expect("the corpus")).expect("JSON");
    let case = cases.iter().find(|case| case["name"] == name).expect(name);
    case["event"]
        .as_str()
        .expect("an event")
        .as_bytes()
        .to_vec()
}

/// The data of a one-line `data:` event.
fn data(event: &[u8]) -> &[u8] {
    let text = std::str::from_utf8(event).expect("UTF-8");
    let line = text
        .lines()
        .find_map(|line| line.strip_prefix("data:"))
        .expect("a data line");
    line.trim().as_bytes()
}

/// The peer: the data parsed into a `serde_json::Value` (a function of its
/// own, so that instruction counts can find it).
#[inline(never)]
fn value_parse(data: &[u8]) -> serde_json::Result<Value> {
    serde_json::from_slice(data)
}

fn fast_path(c: &mut Criterion) {
    let finder = memchr::memmem::Finder::new(b"error");
    let mut group = c.benchmark_group("normal_event");
    for (provider, name) in EVENTS {
        let event = event(provider, name);
        let provider: Provider = provider.parse().expect("a provider");
        assert_eq!(
            UpstreamError::from_sse_event(provider, &event),
            None,
            "{name}"
        );
        assert!(
            serde_json::from_slice::<Value>(data(&event)).is_ok(),
            "{name}"
        );
        group.throughput(Throughput::Bytes(event.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("from_sse_event", name),
            &event,
            |b, event| b.iter(|| UpstreamError::from_sse_event(provider, black_box(event))),
        );
        group.bench_with_input(
            BenchmarkId::new("serde_json_value", name),
            &event,
            |b, event| b.iter(|| value_parse(black_box(data(event)))),
        );
        group.bench_with_input(BenchmarkId::new("memmem_scan", name), &event, |b, event| {
            b.iter(|| finder.find(black_box(event)))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Short windows, as in the runtime benchmark: the three sides of each
    // event run back to back under the same load.
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50);
    targets = fast_path
}
criterion_main!(benches);
