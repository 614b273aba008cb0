//! The relay over real HTTP: a fake upstream that streams, fails before
//! content, after content, in the middle of an event, by going silent, by
//! closing early and by breaking; a gateway relaying it; a real client.
//! Real provider events come from the upstream corpus, by case name.

use super::support::{send, wait_until, Break, Hang, Setup, Step};
use api_error_codes::stream::{Outcome, SseSplitter};
use api_error_codes::upstream::TransportFailure;
use api_error_codes::ErrorCode;
use error_codes_tests::upstream_corpus::corpus;
use serde_json::{json, Value};
use std::sync::atomic::Ordering;

/// The stream event of the upstream corpus case `name`, as sent.
fn real(name: &str) -> String {
    let case = corpus().into_iter().find(|case| case.name == name);
    case.and_then(|case| case.event).expect("a stream case")
}

fn message_start() -> String {
    let data = json!({"type": "message_start", "message": {"id": "msg_up", "type": "message", "role": "assistant", "model": "m", "content": [], "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 1, "output_tokens": 0}}});
    format!("event: message_start\ndata: {data}\n\n")
}

fn response_created() -> String {
    let data = json!({"type": "response.created", "sequence_number": 0, "response": {"id": "resp_up", "object": "response", "status": "in_progress", "output": []}});
    format!("event: response.created\ndata: {data}\n\n")
}

fn chat_content(text: &str) -> String {
    let data = json!({"id": "chatcmpl-123", "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": null}]});
    format!("data: {data}\n\n")
}

/// The events of a stream text: each one's name and data as JSON.
fn events(text: &str) -> Vec<(Option<String>, Value)> {
    SseSplitter::split_all(text.as_bytes())
        .filter_map(|event| {
            let data = event.data()?;
            let data = serde_json::from_str(&data).unwrap_or(Value::String(data.into_owned()));
            Some((event.name().map(|name| name.into_owned()), data))
        })
        .collect()
}

/// The body of a 200 event stream, after checking its head, and what
/// came after `prefix` (which it must start with).
async fn stream_after(response: reqwest::Response, prefix: &str) -> String {
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    let body = response.text().await.unwrap();
    body.strip_prefix(prefix)
        .unwrap_or_else(|| panic!("{body:?} does not start with {prefix:?}"))
        .to_owned()
}

fn failed_with(outcome: Outcome, code: ErrorCode) -> api_error_codes::upstream::UpstreamError {
    match outcome {
        Outcome::Failed(error) if error.canonical() == code => error,
        other => panic!("expected {code:?}, got {other:?}"),
    }
}

#[tokio::test]
async fn normal_streams_pass_through_byte_for_byte_however_chunked() {
    let setup = Setup::start().await;
    let delta = real("anthropic-stream-content-block-delta-not-error");
    let streams = [
        (
            "chat",
            vec![
                real("openai-chat-chunk-not-error"),
                chat_content("Hi").replace("\n\n", "\r\n\r\n"),
                real("openrouter-stream-processing-comment-not-error"),
                real("openai-chat-done-not-error"),
            ],
        ),
        (
            "messages",
            vec![
                message_start(),
                real("anthropic-stream-ping-not-error"),
                delta.clone(),
                delta.replace('\n', "\r"),
                "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n".to_owned(),
            ],
        ),
        (
            "responses",
            vec![
                response_created(),
                real("openai-responses-output-text-delta-not-error"),
                "event: response.completed\ndata: {\"type\":\"response.completed\",\"sequence_number\":2,\"response\":{\"id\":\"resp_up\",\"status\":\"completed\"}}\n\n".to_owned(),
            ],
        ),
    ];
    for (api, events) in streams {
        let whole = events.concat();
        // Chunks that cut events anywhere, a CR from its LF too.
        let cuts = [0, 7, 8, 40, 41, 120, 121, whole.len()];
        let mut cuts: Vec<usize> = cuts
            .into_iter()
            .filter(|&cut| whole.is_char_boundary(cut) && cut <= whole.len())
            .collect();
        cuts.dedup();
        let steps: Vec<Step> = cuts
            .windows(2)
            .map(|pair| send(&whole[pair[0]..pair[1]]))
            .collect();
        for hold in [false, true] {
            let (response, name, _) = setup.relay(api, hold, steps.clone()).await;
            let id_header = if api == "messages" {
                "request-id"
            } else {
                "x-request-id"
            };
            assert!(response.headers()[id_header]
                .to_str()
                .unwrap()
                .starts_with("req_"));
            assert_eq!(stream_after(response, &whole).await, "", "{api}");
            assert_eq!(setup.outcome(&name).await, Outcome::Completed, "{api}");
        }
    }
}

#[tokio::test]
async fn a_failure_before_content_is_an_http_error_when_the_preamble_is_held() {
    let setup = Setup::start().await;

    let steps = vec![
        send(message_start()),
        send(real("anthropic-stream-ping-not-error")),
        send(real("anthropic-stream-error-overloaded")),
    ];
    let (response, name, _) = setup.relay("messages", true, steps).await;
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["x-should-retry"], "true");
    let id = response.headers()["request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["type"], "overloaded_error");
    assert_eq!(body["error"]["details"]["error_code"], "model_unavailable");
    assert_eq!(body["request_id"], id);
    failed_with(setup.outcome(&name).await, ErrorCode::ModelUnavailable);

    // Groq's stream error framing (its corpus event) around its real
    // rate-limit body, whose retry delay reaches the client's headers.
    let rate_limit = corpus()
        .into_iter()
        .find(|case| case.name == "groq-rate-limit-try-again-6-780999999s")
        .and_then(|case| case.body)
        .unwrap();
    let steps = vec![
        send(real("openai-chat-chunk-not-error")),
        send(format!("event: error\ndata: {rate_limit}\n\n")),
    ];
    let (response, _, _) = setup.relay("chat", true, steps).await;
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "7");
    assert_eq!(response.headers()["retry-after-ms"], "6781");
    assert!(response.headers().contains_key("x-request-id"));
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "rate_limit_exceeded");

    let steps = vec![
        send(response_created()),
        send(real(
            "openai-responses-stream-error-nested-server-overloaded",
        )),
    ];
    let (response, _, _) = setup.relay("responses", true, steps).await;
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "model_unavailable");
}

#[tokio::test]
async fn without_the_hold_a_failure_before_content_is_the_streams_error_event() {
    let setup = Setup::start().await;
    let preamble = message_start() + &real("anthropic-stream-ping-not-error");
    let steps = vec![
        send(&preamble),
        send(real("anthropic-stream-error-overloaded")),
    ];
    let (response, _, _) = setup.relay("messages", false, steps).await;
    let id = response.headers()["request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let rest = stream_after(response, &preamble).await;
    let [(name, data)] = &events(&rest)[..] else {
        panic!("one error event: {rest:?}")
    };
    assert_eq!(name.as_deref(), Some("error"));
    assert_eq!(data["error"]["type"], "overloaded_error");
    assert_eq!(data["error"]["details"]["error_code"], "model_unavailable");
    assert_eq!(data["request_id"], id);
}

#[tokio::test]
async fn a_failure_after_content_is_the_apis_own_terminal_error_events() {
    let setup = Setup::start().await;

    // Chat completions: the error envelope as a data event.
    let passed = real("openai-chat-chunk-not-error") + &chat_content("Hi");
    let steps = vec![
        send(&passed),
        send(real("gemini-stream-error-chunk-unavailable")),
    ];
    let (response, name, _) = setup.relay("chat", true, steps).await;
    let rest = stream_after(response, &passed).await;
    let [(None, data)] = &events(&rest)[..] else {
        panic!("one unnamed error event: {rest:?}")
    };
    assert_eq!(data["error"]["code"], "model_unavailable");
    assert_eq!(data["error"]["type"], "api_error");
    failed_with(setup.outcome(&name).await, ErrorCode::ModelUnavailable);

    // Responses: `error` and `response.failed`, numbered on from the last
    // event relayed, with the response object the stream announced.
    let passed = response_created() + &real("openai-responses-output-text-delta-not-error");
    let steps = vec![
        send(&passed),
        send(real("openai-responses-stream-error-nested-context-window")),
    ];
    let (response, _, _) = setup.relay("responses", true, steps).await;
    let rest = stream_after(response, &passed).await;
    let [(error_name, error), (failed_name, failed)] = &events(&rest)[..] else {
        panic!("two events: {rest:?}")
    };
    assert_eq!(error_name.as_deref(), Some("error"));
    assert_eq!(error["sequence_number"], 2);
    assert_eq!(error["code"], "context_length_exceeded");
    assert_eq!(error["param"], "input");
    assert_eq!(failed_name.as_deref(), Some("response.failed"));
    assert_eq!(failed["sequence_number"], 3);
    assert_eq!(failed["response"]["id"], "resp_up");
    assert_eq!(failed["response"]["status"], "failed");
    assert_eq!(failed["response"]["error"]["code"], "invalid_prompt");
}

#[tokio::test]
async fn a_stream_cut_in_the_middle_of_an_event_or_before_its_end_is_an_upstream_error() {
    let setup = Setup::start().await;

    let passed = message_start() + &real("anthropic-stream-content-block-delta-not-error");
    let steps = vec![
        send(&passed),
        send("event: content_block_delta\ndata: {\"type\":\"content_bl"),
    ];
    let (response, name, _) = setup.relay("messages", true, steps).await;
    let rest = stream_after(response, &passed).await;
    let [(Some(event), data)] = &events(&rest)[..] else {
        panic!("one error event: {rest:?}")
    };
    assert_eq!(event, "error");
    assert_eq!(data["error"]["details"]["error_code"], "upstream_error");
    let error = failed_with(setup.outcome(&name).await, ErrorCode::UpstreamError);
    assert_eq!(error.transport(), Some(TransportFailure::Broken));
    assert!(error.upstream_message().contains("middle of an event"));

    // Every event whole, but no `data: [DONE]`.
    let passed = real("openai-chat-chunk-not-error") + &chat_content("Hi");
    let (response, name, _) = setup.relay("chat", false, vec![send(&passed)]).await;
    let rest = stream_after(response, &passed).await;
    assert_eq!(events(&rest)[0].1["error"]["code"], "upstream_error");
    let error = failed_with(setup.outcome(&name).await, ErrorCode::UpstreamError);
    assert!(error.upstream_message().contains("[DONE]"));

    // Nothing but the preamble, then the end: held, so an HTTP error.
    let (response, _, _) = setup
        .relay(
            "chat",
            true,
            vec![send(real("openai-chat-chunk-not-error"))],
        )
        .await;
    assert_eq!(response.status(), 502);
}

#[tokio::test]
async fn a_silent_upstream_is_an_upstream_timeout_after_the_idle_timeout() {
    let setup = Setup::start().await;
    let passed = response_created() + &real("openai-responses-output-text-delta-not-error");
    let (response, name, dropped) = setup
        .relay("responses", false, vec![send(&passed), Hang])
        .await;
    let rest = stream_after(response, &passed).await;
    let found = events(&rest);
    assert_eq!(found[0].1["code"], "upstream_timeout");
    assert_eq!(found[0].1["sequence_number"], 2);
    assert_eq!(found[1].1["response"]["error"]["code"], "server_error");
    let error = failed_with(setup.outcome(&name).await, ErrorCode::UpstreamTimeout);
    assert_eq!(error.transport(), Some(TransportFailure::Timeout));
    // The relay let go of the silent upstream.
    wait_until(|| dropped.load(Ordering::SeqCst).then_some(())).await;

    // Silent before any content, with the hold: 504.
    let (response, _, _) = setup
        .relay("messages", true, vec![send(message_start()), Hang])
        .await;
    assert_eq!(response.status(), 504);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["type"], "timeout_error");
}

#[tokio::test]
async fn a_broken_connection_is_an_upstream_error() {
    let setup = Setup::start().await;
    let passed = real("openai-chat-chunk-not-error") + &chat_content("Hi");
    let (response, name, _) = setup.relay("chat", true, vec![send(&passed), Break]).await;
    let rest = stream_after(response, &passed).await;
    assert_eq!(events(&rest)[0].1["error"]["code"], "upstream_error");
    let error = failed_with(setup.outcome(&name).await, ErrorCode::UpstreamError);
    assert_eq!(error.transport(), Some(TransportFailure::Broken));
    assert!(error
        .upstream_message()
        .starts_with("the upstream connection broke: "));
}

#[tokio::test]
async fn data_that_is_not_json_is_a_malformed_stream() {
    let setup = Setup::start().await;
    let passed = real("openai-chat-chunk-not-error") + &chat_content("Hi");
    let steps = vec![
        send(&passed),
        send("data: <html>502 Bad Gateway</html>\n\n"),
    ];
    let (response, name, _) = setup.relay("chat", true, steps).await;
    let rest = stream_after(response, &passed).await;
    assert_eq!(events(&rest)[0].1["error"]["code"], "upstream_error");
    let error = failed_with(setup.outcome(&name).await, ErrorCode::UpstreamError);
    assert!(error
        .upstream_message()
        .contains("\"<html>502 Bad Gateway</html>\""));
}

#[tokio::test]
async fn a_client_that_goes_away_drops_the_upstream() {
    let setup = Setup::start().await;
    let passed = message_start() + &real("anthropic-stream-content-block-delta-not-error");
    let (mut response, name, dropped) = setup
        .relay("messages", true, vec![send(&passed), Hang])
        .await;
    let first = response.chunk().await.unwrap().unwrap();
    assert_eq!(first, passed);
    assert!(!dropped.load(Ordering::SeqCst));
    drop(response);
    wait_until(|| dropped.load(Ordering::SeqCst).then_some(())).await;
    assert_eq!(setup.outcome(&name).await, Outcome::ClientDisconnected);
}
