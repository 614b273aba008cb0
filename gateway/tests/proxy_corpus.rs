//! The example gateway as a proxy against an in-process fake upstream that
//! replays the real provider error bodies and stream events of the
//! upstream corpus (`tests/upstream-corpus/`): each is answered with its
//! canonical code in the client's format, delay forwarded, no secrets; a
//! stream error before any content as an HTTP error, after content as the
//! stream's own error events.

use crate::support::fake_upstream::normal_events;
use crate::support::proxy::*;
use crate::support::*;
use api_error_codes::{ApiError, ErrorCode, Format};
use error_codes_tests::upstream_corpus::{corpus, Kind};
use serde_json::Value;

#[tokio::test]
async fn every_corpus_error_response_is_answered_in_the_clients_format() {
    let Proxy { gateway, .. } = proxy().await;
    let mut checked = 0;
    for case in corpus() {
        if case.kind != Kind::Response || !FORWARDED.contains(&case.provider.as_str()) {
            continue;
        }
        let canonical = ErrorCode::from_code(case.expect.canonical.as_deref().unwrap()).unwrap();
        for (path, format) in endpoints_of(&case.provider) {
            let model = format!("{}/{}", case.provider, case.name);
            let response = gateway
                .post_json(path, &body_for(path, &model, false))
                .await;
            let what = format!("{} on {path}", case.name);
            let status = if canonical.status() == 0 {
                499
            } else {
                canonical.status()
            };
            assert_eq!(response.status().as_u16(), status, "{what}");
            let retry_after_ms = header(&response, "retry-after-ms").map(str::to_owned);
            let id = request_id(&response, *format);
            let text = response.text().await.unwrap();
            let body: Value =
                serde_json::from_str(&text).unwrap_or_else(|_| panic!("{what}: {text}"));
            assert_eq!(code_of(&body, *format), canonical.code(), "{what}: {text}");
            if let Some(ms) = case.expect.retry_after_ms {
                assert_eq!(
                    retry_after_ms,
                    Some(ms.to_string()),
                    "{what}: the delay is forwarded"
                );
            }
            match format {
                // The provider is named where the format has a field for it.
                Format::OpenAi => assert_eq!(body["error"]["provider"], case.provider, "{what}"),
                Format::Anthropic => assert_eq!(body["request_id"], id.as_str()),
                other => panic!("the gateway serves no {other:?} endpoint"),
            }
            for secret in secrets(&case.bytes()) {
                assert!(
                    !text.contains(&secret),
                    "{what}: {secret} reaches the client: {text}"
                );
            }
            assert!(!text.contains("upstream-key"), "{what}");
            checked += 1;
        }
    }
    assert!(checked >= 100, "{checked} corpus answers checked");
}

#[tokio::test]
async fn the_client_reads_back_what_it_sent_itself_and_nothing_else() {
    let Proxy { gateway, .. } = proxy().await;
    let path = "/v1/chat/completions";
    let url = "https://img.example.net/cat.png?v=2";
    let mut body = body_for(path, "openai/bad-image", false);
    let gateway = &gateway;
    let message = |body: Value| async move {
        let response = gateway.post_json(path, &body).await;
        let answer: Value = response.json().await.unwrap();
        answer["error"]["message"].as_str().unwrap().to_owned()
    };
    assert_eq!(message(body.clone()).await, "Invalid image URL: [redacted]");
    body["messages"][2]["content"] = serde_json::json!([
        {"type": "text", "text": "What is this?"},
        {"type": "image_url", "image_url": {"url": url}},
    ]);
    assert_eq!(message(body).await, format!("Invalid image URL: {url}"));
}

#[tokio::test]
async fn corpus_stream_errors_before_content_are_http_errors() {
    let Proxy { gateway, .. } = proxy().await;
    let mut checked = 0;
    for case in corpus() {
        if case.kind != Kind::Sse || !FORWARDED.contains(&case.provider.as_str()) {
            continue;
        }
        for (path, format) in endpoints_of(&case.provider) {
            let model = format!("{}/{}", case.provider, case.name);
            let response = gateway.post_json(path, &body_for(path, &model, true)).await;
            let what = format!("{} on {path}", case.name);
            let Some(canonical) = case.expect.canonical.as_deref() else {
                // Not an error (a keep-alive comment, a normal event): the
                // stream passes through whole.
                assert_eq!(response.status(), 200, "{what}");
                let normal = normal_events(path);
                let event = String::from_utf8(case.bytes()).unwrap();
                let expected = [&normal[..1], &[event], &normal[1..]].concat();
                assert_eq!(response.text().await.unwrap(), expected.concat(), "{what}");
                continue;
            };
            // Only the preamble came: the failure is a real HTTP error.
            let code = ErrorCode::from_code(canonical).unwrap();
            let status = if code.status() == 0 {
                499
            } else {
                code.status()
            };
            assert_eq!(response.status().as_u16(), status, "{what}");
            let retry = if code.is_retryable() { "true" } else { "false" };
            assert_eq!(header(&response, "x-should-retry"), Some(retry), "{what}");
            request_id(&response, *format);
            let body: Value = response.json().await.unwrap();
            assert_eq!(code_of(&body, *format), canonical, "{what}: {body}");
            if *format == Format::OpenAi {
                assert_eq!(body["error"]["provider"], case.provider, "{what}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked} corpus stream errors checked");
}

#[tokio::test]
async fn corpus_stream_errors_after_content_end_the_stream() {
    let Proxy { gateway, .. } = proxy().await;
    let mut checked = 0;
    for case in corpus() {
        let Some(canonical) = case.expect.canonical.as_deref() else {
            continue;
        };
        if case.kind != Kind::Sse || !FORWARDED.contains(&case.provider.as_str()) {
            continue;
        }
        for (path, format) in endpoints_of(&case.provider) {
            let model = format!("{}/late/{}", case.provider, case.name);
            let response = gateway.post_json(path, &body_for(path, &model, true)).await;
            let what = format!("{} after content on {path}", case.name);
            assert_eq!(response.status(), 200, "{what}");
            let text = response.text().await.unwrap();
            let first = normal_events(path)[..2].concat();
            assert!(
                text.starts_with(&first),
                "{what}: the first events pass: {text}"
            );
            let events = sse_events(&text[first.len()..]);
            let data: Vec<Value> = (events.iter())
                .map(|(_, data)| serde_json::from_str(data).unwrap())
                .collect();
            match (*path, format) {
                ("/v1/responses", _) => {
                    let names: Vec<_> = events.iter().map(|(name, _)| name.as_deref()).collect();
                    assert_eq!(names, [Some("error"), Some("response.failed")], "{what}");
                    assert_eq!(data[0]["code"], canonical, "{what}");
                    assert_eq!(data[0]["error"]["provider"], case.provider, "{what}");
                    assert_eq!(data[0]["sequence_number"], 2, "{what}: numbering continues");
                    assert_eq!(data[1]["response"]["id"], "resp_up", "{what}");
                }
                (_, Format::OpenAi) => {
                    assert_eq!(events.len(), 1, "{what}: nothing after the error");
                    assert_eq!(events[0].0, None);
                    assert_eq!(code_of(&data[0], Format::OpenAi), canonical, "{what}");
                    assert_eq!(data[0]["error"]["provider"], case.provider, "{what}");
                }
                (_, Format::Anthropic) => {
                    assert_eq!(events.len(), 1, "{what}: nothing after the error");
                    assert_eq!(events[0].0.as_deref(), Some("error"));
                    assert_eq!(code_of(&data[0], Format::Anthropic), canonical, "{what}");
                }
                (_, other) => panic!("the gateway serves no {other:?} endpoint"),
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked} corpus stream errors checked");
}
