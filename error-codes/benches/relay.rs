//! The stream relay's cost per passed-through event, side by side with a
//! `serde_json::Value` parse of the same events, in one run
//! (`cargo bench -p api-error-codes --features stream --bench relay`).
//!
//! For each client API, a stream of 999 real-shaped content events and its
//! terminal event (one event per chunk, as providers flush them) is relayed whole by
//! `RelayStream` with an idle timeout, on a current-thread tokio runtime,
//! and drained; criterion reports the time per event. Beside it, on the
//! same events: the splitter alone, `UpstreamError::from_sse_event` alone
//! (the upstream issue's fast path, which the relay calls on every event),
//! and `serde_json::from_slice::<Value>` of each event's data, the parse a
//! relay that reads its events does.
//!
//! Every run first checks that the relayed bytes are the input, so a
//! faster number can never come from doing less work.

use api_error_codes::stream::{ClientApi, Relay, SseSplitter};
use api_error_codes::upstream::{Provider, UpstreamError};
use bytes::Bytes;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use futures_util::StreamExt;
use serde_json::Value;
use std::convert::Infallible;
use std::hint::black_box;
use std::time::Duration;

const EVENTS: usize = 1000;

/// A stream of `api`'s content events, one per chunk, and its provider.
///
/// The events have the shapes of the corpus cases
/// `openai-chat-chunk-not-error`, `anthropic-stream-content-block-delta-not-error`
/// and `openai-responses-output-text-delta-not-error` (from the providers'
/// API references), each carrying a word, the Responses ones numbered.
fn stream_of(api: ClientApi) -> (Vec<Bytes>, Provider) {
    let (content, terminal, provider) = match api {
        ClientApi::ChatCompletions => (
            r#"data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"content":" word"},"logprobs":null,"finish_reason":null}]}"#,
            "data: [DONE]\n\n".to_owned(),
            Provider::OpenAi,
        ),
        ClientApi::Messages => (
            r#"event: content_block_delta
data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" word"}}"#,
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n".to_owned(),
            Provider::Anthropic,
        ),
        _ => (
            r#"event: response.output_text.delta
data: {"type":"response.output_text.delta","item_id":"msg_123","output_index":0,"content_index":0,"delta":" word","sequence_number":"#,
            format!("event: response.completed\ndata: {{\"type\":\"response.completed\",\"sequence_number\":{EVENTS},\"response\":{{\"id\":\"resp_123\",\"status\":\"completed\"}}}}\n\n"),
            Provider::OpenAi,
        ),
    };
    let event = |index: usize| match api {
        ClientApi::Responses => format!("{content}{index}}}\n\n"),
        _ => format!("{content}\n\n"),
    };
    let chunks = (1..EVENTS)
        .map(event)
        .chain([terminal])
        .map(Bytes::from)
        .collect();
    (chunks, provider)
}

/// Relays `chunks` whole, handing each piece for the client to `sent`.
async fn relay(api: ClientApi, provider: Provider, chunks: &[Bytes], mut sent: impl FnMut(Bytes)) {
    let upstream = futures_util::stream::iter(chunks.iter().cloned().map(Ok::<_, Infallible>));
    let relay = Relay::new(api, provider).idle_timeout(Duration::from_secs(60));
    let mut stream = relay
        .start(upstream)
        .await
        .unwrap_or_else(|_| unreachable!());
    while let Some(Ok(bytes)) = stream.next().await {
        sent(bytes);
    }
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    for (name, api) in [
        ("chat", ClientApi::ChatCompletions),
        ("messages", ClientApi::Messages),
        ("responses", ClientApi::Responses),
    ] {
        let (chunks, provider) = stream_of(api);
        let input = chunks.concat();
        let mut relayed = Vec::new();
        runtime.block_on(relay(api, provider, &chunks, |bytes| relayed.extend(bytes)));
        assert_eq!(relayed, input, "{name}: every event passes untouched");
        let datas: Vec<Vec<u8>> = SseSplitter::split_all(&input)
            .map(|event| event.data().unwrap().into_owned().into_bytes())
            .collect();
        assert_eq!(datas.len(), EVENTS);
        assert!(chunks
            .iter()
            .all(|chunk| UpstreamError::from_sse_event(provider, chunk).is_none()));

        let mut group = c.benchmark_group(format!("relay/{name}"));
        group.throughput(Throughput::Elements(EVENTS as u64));
        group.bench_function("relay", |b| {
            // Each piece is dropped when the next comes, as a server holds
            // what it is writing: the relay's buffers are never unique.
            b.iter(|| {
                let mut writing = None;
                runtime.block_on(relay(api, provider, black_box(&chunks), |bytes| {
                    writing = Some(black_box(bytes));
                }))
            })
        });
        group.bench_function("splitter", |b| {
            b.iter(|| {
                let mut splitter = SseSplitter::new();
                for chunk in &chunks {
                    splitter.push(black_box(chunk));
                    while let Some(event) = splitter.next_event() {
                        black_box(event.unwrap().into_bytes());
                    }
                }
            })
        });
        group.bench_function("from_sse_event", |b| {
            b.iter(|| {
                for chunk in &chunks {
                    black_box(UpstreamError::from_sse_event(provider, black_box(chunk)));
                }
            })
        });
        group.bench_function("serde_json_value", |b| {
            b.iter(|| {
                for data in &datas {
                    black_box(serde_json::from_slice::<Value>(black_box(data)).ok());
                }
            })
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
