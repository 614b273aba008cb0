//! The example gateway as a proxy against an in-process fake upstream that
//! replays the real provider error bodies and stream events of the
//! upstream corpus (`tests/upstream-corpus/`): each is answered with its
//! canonical code in the client's format, delay forwarded, no secrets.

use crate::support::corpus::{corpus, Kind};
use crate::support::fake_upstream::normal_events;
use crate::support::proxy::*;
use crate::support::*;
use api_error_codes::{ApiError, ErrorCode, Format};
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
async fn corpus_stream_errors_become_the_clients_error_event() {
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
            assert_eq!(response.status(), 200, "{what}");
            let text = response.text().await.unwrap();
            let normal = normal_events(path);
            let Some(canonical) = case.expect.canonical.as_deref() else {
                // Not an error (a keep-alive comment, a normal event): the
                // stream passes through whole.
                let event = String::from_utf8(case.bytes()).unwrap();
                let mut expected = vec![normal[0].clone(), event];
                expected.extend(normal[1..].iter().cloned());
                assert_eq!(text, expected.concat(), "{what}");
                continue;
            };
            let events = sse_events(&text);
            let first_data = normal[0]
                .lines()
                .find_map(|line| line.strip_prefix("data: "));
            assert_eq!(
                serde_json::from_str::<Value>(&events[0].1).unwrap(),
                serde_json::from_str::<Value>(first_data.unwrap()).unwrap(),
                "{what}: the first event passes"
            );
            let data: Vec<Value> = events[1..]
                .iter()
                .map(|(_, data)| serde_json::from_str(data).unwrap())
                .collect();
            match (*path, format) {
                ("/v1/responses", _) => {
                    assert_eq!(events[1].0.as_deref(), Some("error"), "{what}");
                    assert_eq!(data[0]["code"], canonical, "{what}");
                    assert_eq!(data[0]["error"]["code"], canonical, "{what}");
                    assert_eq!(data[0]["error"]["provider"], case.provider, "{what}");
                    assert_eq!(data[0]["sequence_number"], 1, "{what}: numbering continues");
                    assert_eq!(events[2].0.as_deref(), Some("response.failed"));
                    assert_eq!(data[1]["sequence_number"], 2);
                    assert_eq!(
                        data[1]["response"]["id"], "resp_up",
                        "{what}: the upstream's response"
                    );
                    assert_eq!(data.len(), 2, "{what}: nothing after the failure");
                }
                (_, Format::OpenAi) => {
                    assert_eq!(events[1].0, None);
                    assert_eq!(code_of(&data[0], Format::OpenAi), canonical, "{what}");
                    assert_eq!(data[0]["error"]["provider"], case.provider, "{what}");
                    assert_eq!(data.len(), 1, "{what}: nothing after the error");
                }
                (_, Format::Anthropic) => {
                    assert_eq!(events[1].0.as_deref(), Some("error"));
                    assert_eq!(code_of(&data[0], Format::Anthropic), canonical, "{what}");
                    assert_eq!(data.len(), 1, "{what}");
                }
                (_, other) => panic!("the gateway serves no {other:?} endpoint"),
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked} corpus stream errors checked");
}
