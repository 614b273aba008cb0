//! The gateway's Responses API (`POST /v1/responses`) over real
//! HTTP: the echo response, its event stream, and every canonical code in
//! a started stream.

use crate::support::*;
use api_error_codes::{ApiError, ErrorCode, Format};
use reqwest::Method;
use serde_json::{json, Value};

const PATH: &str = "/v1/responses";

/// The stream's events, checked as the API sends them: each named by its
/// `type`, numbered by `sequence_number` from 0 up by one. Returns the data.
fn numbered_events(text: &str) -> Vec<Value> {
    sse_events(text)
        .iter()
        .enumerate()
        .map(|(index, (name, data))| {
            let data: Value = serde_json::from_str(data).unwrap();
            assert_eq!(name.as_deref(), data["type"].as_str(), "event {index}");
            assert_eq!(data["sequence_number"], index, "event {index}");
            data
        })
        .collect()
}

/// A 200 Responses stream: its request id, its numbered events and their
/// types.
async fn read_stream(response: reqwest::Response) -> (String, Vec<Value>, Vec<String>) {
    assert_eq!(response.status(), 200, "a stream starts normally");
    assert_eq!(header(&response, "content-type"), Some("text/event-stream"));
    let id = request_id(&response, Format::OpenAi);
    let events = numbered_events(&response.text().await.unwrap());
    let types = events
        .iter()
        .map(|event| event["type"].as_str().unwrap().to_owned())
        .collect();
    (id, events, types)
}

#[tokio::test]
async fn echo_answers_with_a_completed_response() {
    let gateway = Gateway::start().await;
    let response = gateway
        .post_json(PATH, &body_for(PATH, "echo", false))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    let id = request_id(&response, Format::OpenAi);
    let body: Value = response.json().await.unwrap();
    let created_at = body["created_at"].as_u64().unwrap();
    assert!(created_at > 1_700_000_000);
    assert_eq!(
        body,
        json!({
            "id": format!("resp_{}", &id[4..]),
            "object": "response",
            "created_at": created_at,
            "status": "completed",
            "error": null,
            "incomplete_details": null,
            "instructions": null,
            "model": "echo",
            "output": [{
                "type": "message",
                "id": format!("msg_{}", &id[4..]),
                "status": "completed",
                "role": "assistant",
                "content": [{"type": "output_text", "text": "Hello, gateway", "annotations": []}],
            }],
            "parallel_tool_calls": true,
            "tool_choice": "auto",
            "tools": [],
            // Word counts: 3 + 3 + 2 input words, 2 output words.
            "usage": {
                "input_tokens": 8,
                "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                "output_tokens": 2,
                "output_tokens_details": {"reasoning_tokens": 0},
                "total_tokens": 10,
            },
        })
    );
}

#[tokio::test]
async fn echo_reads_a_string_input_or_input_text_parts() {
    let gateway = Gateway::start().await;
    let inputs = [
        json!("just a string"),
        json!([{"type": "message", "role": "user", "content": [
            {"type": "input_text", "text": "just "},
            {"type": "input_image", "image_url": "https://x.test/i.png"},
            {"type": "input_text", "text": "a string"},
        ]}]),
    ];
    for input in inputs {
        let response = gateway
            .request(Method::POST, PATH)
            .header("x-api-key", "sk-test")
            .body(json!({"model": "echo", "input": input}).to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{input}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["output"][0]["content"][0]["text"], "just a string");
    }
}

#[tokio::test]
async fn echo_streams_the_responses_event_sequence() {
    let gateway = Gateway::start().await;
    let response = gateway.post_json(PATH, &body_for(PATH, "echo", true)).await;
    let (id, events, types) = read_stream(response).await;
    assert_eq!(
        types,
        [
            "response.created",
            "response.in_progress",
            "response.output_item.added",
            "response.content_part.added",
            "response.output_text.delta",
            "response.output_text.delta",
            "response.output_text.done",
            "response.content_part.done",
            "response.output_item.done",
            "response.completed",
        ]
    );
    let response_id = format!("resp_{}", &id[4..]);
    let item_id = format!("msg_{}", &id[4..]);
    for started in &events[..2] {
        assert_eq!(started["response"]["id"], response_id.as_str());
        assert_eq!(started["response"]["status"], "in_progress");
        assert_eq!(started["response"]["output"], json!([]));
    }
    assert_eq!(events[2]["item"]["status"], "in_progress");
    assert_eq!(events[2]["item"]["content"], json!([]));
    assert_eq!(
        events[3]["part"],
        json!({"type": "output_text", "text": "", "annotations": []})
    );
    let text: String = events[4..6]
        .iter()
        .map(|delta| {
            assert_eq!(delta["item_id"], item_id.as_str());
            assert_eq!(
                (
                    delta["output_index"].as_u64(),
                    delta["content_index"].as_u64()
                ),
                (Some(0), Some(0))
            );
            delta["delta"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(text, "Hello, gateway");
    assert_eq!(events[6]["text"], "Hello, gateway");
    assert_eq!(events[7]["part"]["text"], "Hello, gateway");
    assert_eq!(events[8]["item"]["status"], "completed");
    let completed = &events[9]["response"];
    assert_eq!(completed["status"], "completed");
    assert_eq!(completed["output"][0], events[8]["item"]);
    assert_eq!(completed["usage"]["total_tokens"], 10);
}

#[tokio::test]
async fn every_code_fails_a_started_stream_with_error_then_response_failed() {
    let gateway = Gateway::start().await;
    for row in error_codes_tests::catalogue() {
        let code = ErrorCode::from_code(&row.code).unwrap();
        let response = gateway
            .post_json(PATH, &body_for(PATH, &format!("error/{}", row.code), true))
            .await;
        let (id, events, types) = read_stream(response).await;
        assert_eq!(
            types,
            [
                "response.created",
                "response.in_progress",
                "error",
                "response.failed"
            ],
            "{code:?}"
        );
        // The error event: the documented flat fields and the live nested
        // object, which is exactly the OpenAI envelope's error.
        let envelope: Value = serde_json::from_slice(&code.to_body(Format::OpenAi)).unwrap();
        assert_eq!(
            events[2],
            json!({
                "type": "error",
                "sequence_number": 2,
                "code": row.code,
                "message": row.description,
                "param": null,
                "error": envelope["error"],
            }),
            "{code:?}"
        );
        let failed = &events[3]["response"];
        assert_eq!(failed["id"], format!("resp_{}", &id[4..]), "{code:?}");
        assert_eq!(failed["status"], "failed");
        let expected_code = match row.status {
            429 => "rate_limit_exceeded",
            0 | 400..=499 => "invalid_prompt",
            _ => "server_error",
        };
        assert_eq!(
            failed["error"],
            json!({
                "code": expected_code,
                "message": row.description,
                "type": code.openai_type(),
                "param": null,
            }),
            "{code:?}"
        );
    }
}
