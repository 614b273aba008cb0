//! The gateway's chat completions and messages APIs over real
//! HTTP: the echo model, its event streams, and errors in a started stream.

use crate::support::*;
use api_error_codes::{ApiError, ErrorCode, Format};
use reqwest::Method;
use serde_json::{json, Value};

#[tokio::test]
async fn echo_answers_in_each_apis_format() {
    let gateway = Gateway::start().await;

    let response = gateway
        .post_json("/v1/chat/completions", &request_body("echo", false))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    let id = request_id(&response, Format::OpenAi);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["id"], format!("chatcmpl-{}", &id[4..]));
    assert_eq!(body["object"], "chat.completion");
    assert_eq!(body["model"], "echo");
    assert!(body["created"].as_u64().unwrap() > 1_700_000_000);
    assert_eq!(
        body["choices"],
        json!([{
            "index": 0,
            "message": {"role": "assistant", "content": "Hello, gateway", "refusal": null},
            "logprobs": null,
            "finish_reason": "stop",
        }])
    );
    // Word counts: 3 + 3 + 2 prompt words, 2 completion words.
    assert_eq!(
        body["usage"],
        json!({"prompt_tokens": 8, "completion_tokens": 2, "total_tokens": 10})
    );

    let response = gateway
        .post_json("/v1/messages", &request_body("echo", false))
        .await;
    assert_eq!(response.status(), 200);
    let id = request_id(&response, Format::Anthropic);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body,
        json!({
            "id": format!("msg_{}", &id[4..]),
            "type": "message",
            "role": "assistant",
            "model": "echo",
            "content": [{"type": "text", "text": "Hello, gateway"}],
            "stop_reason": "end_turn",
            "stop_sequence": null,
            "usage": {"input_tokens": 8, "output_tokens": 2},
        })
    );
}

#[tokio::test]
async fn echo_accepts_content_parts_and_x_api_key() {
    let gateway = Gateway::start().await;
    let body = json!({
        "model": "echo",
        "messages": [{"role": "user", "content": [
            {"type": "text", "text": "part one, "},
            {"type": "image", "source": {}},
            {"type": "text", "text": "part two"},
        ]}],
    });
    // The chat completions and messages endpoints (the Responses API has `input`).
    for (path, format) in &ENDPOINTS[..2] {
        let response = gateway
            .request(Method::POST, path)
            .header("x-api-key", "sk-test")
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path}");
        let json: Value = response.json().await.unwrap();
        let text = match format {
            Format::OpenAi => &json["choices"][0]["message"]["content"],
            Format::Anthropic => &json["content"][0]["text"],
            other => panic!("the gateway serves no {other:?} endpoint"),
        };
        assert_eq!(text, "part one, part two");
    }
}

#[tokio::test]
async fn echo_streams_openai_chunks_ending_with_done() {
    let gateway = Gateway::start().await;
    let response = gateway
        .post_json("/v1/chat/completions", &request_body("echo", true))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), Some("text/event-stream"));
    assert_eq!(header(&response, "cache-control"), Some("no-cache"));
    let id = request_id(&response, Format::OpenAi);
    let events = sse_events(&response.text().await.unwrap());

    let (last, chunks) = events.split_last().unwrap();
    assert_eq!(last, &(None, "[DONE]".to_owned()));
    let chunks: Vec<Value> = chunks
        .iter()
        .map(|(name, data)| {
            assert_eq!(name, &None, "OpenAI events are unnamed");
            serde_json::from_str(data).unwrap()
        })
        .collect();
    // Role, one chunk per word, stop.
    assert_eq!(chunks.len(), 4);
    for chunk in &chunks {
        assert_eq!(chunk["object"], "chat.completion.chunk");
        assert_eq!(chunk["id"], format!("chatcmpl-{}", &id[4..]));
        assert_eq!(chunk["model"], "echo");
    }
    assert_eq!(
        chunks[0]["choices"][0]["delta"],
        json!({"role": "assistant", "content": ""})
    );
    let text: String = chunks
        .iter()
        .filter_map(|chunk| chunk["choices"][0]["delta"]["content"].as_str())
        .collect();
    assert_eq!(text, "Hello, gateway");
    let finish: Vec<&Value> = chunks
        .iter()
        .map(|chunk| &chunk["choices"][0]["finish_reason"])
        .collect();
    assert_eq!(
        finish,
        [&Value::Null, &Value::Null, &Value::Null, &json!("stop")]
    );
    assert_eq!(chunks[3]["choices"][0]["delta"], json!({}));
}

#[tokio::test]
async fn echo_streams_the_anthropic_event_sequence() {
    let gateway = Gateway::start().await;
    let response = gateway
        .post_json("/v1/messages", &request_body("echo", true))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), Some("text/event-stream"));
    let id = request_id(&response, Format::Anthropic);
    let events = sse_events(&response.text().await.unwrap());

    let names: Vec<&str> = events
        .iter()
        .map(|(name, _)| name.as_deref().expect("Anthropic events are named"))
        .collect();
    assert_eq!(
        names,
        [
            "message_start",
            "content_block_start",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop",
        ]
    );
    let data: Vec<Value> = events
        .iter()
        .map(|(_, data)| serde_json::from_str(data).unwrap())
        .collect();
    for (name, data) in names.iter().zip(&data) {
        assert_eq!(
            data["type"], *name,
            "the data's type matches the event name"
        );
    }
    assert_eq!(data[0]["message"]["id"], format!("msg_{}", &id[4..]));
    assert_eq!(data[0]["message"]["content"], json!([]));
    assert_eq!(data[0]["message"]["usage"]["input_tokens"], 8);
    assert_eq!(
        data[1]["content_block"],
        json!({"type": "text", "text": ""})
    );
    let text: String = data[2..4]
        .iter()
        .map(|delta| {
            assert_eq!(delta["delta"]["type"], "text_delta");
            delta["delta"]["text"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(text, "Hello, gateway");
    assert_eq!(
        data[5],
        json!({
            "type": "message_delta",
            "delta": {"stop_reason": "end_turn", "stop_sequence": null},
            "usage": {"output_tokens": 2},
        })
    );
    assert_eq!(data[6], json!({"type": "message_stop"}));
}

#[tokio::test]
async fn error_streams_send_one_normal_event_then_the_error_event() {
    let gateway = Gateway::start().await;
    for code in [
        ErrorCode::RateLimitExceeded,
        ErrorCode::ContextLengthExceeded,
        ErrorCode::UpstreamError,
        ErrorCode::BudgetExhausted,
        ErrorCode::ClientDisconnected,
    ] {
        let model = format!("error/{}", code.code());

        let response = gateway
            .post_json("/v1/chat/completions", &request_body(&model, true))
            .await;
        assert_eq!(response.status(), 200, "{code:?}");
        assert_eq!(header(&response, "content-type"), Some("text/event-stream"));
        request_id(&response, Format::OpenAi);
        let events = sse_events(&response.text().await.unwrap());
        assert_eq!(
            events.len(),
            2,
            "{code:?}: one chunk, then the error, no [DONE]"
        );
        let chunk: Value = serde_json::from_str(&events[0].1).unwrap();
        assert_eq!(chunk["object"], "chat.completion.chunk");
        assert_eq!(events[1].0, None);
        assert_eq!(
            events[1].1.as_bytes(),
            &code.to_body(Format::OpenAi)[..],
            "{code:?}: the error event carries the exact envelope"
        );

        let response = gateway
            .post_json("/v1/messages", &request_body(&model, true))
            .await;
        assert_eq!(response.status(), 200, "{code:?}");
        let id = request_id(&response, Format::Anthropic);
        let events = sse_events(&response.text().await.unwrap());
        assert_eq!(events.len(), 2, "{code:?}");
        assert_eq!(events[0].0.as_deref(), Some("message_start"));
        assert_eq!(events[1].0.as_deref(), Some("error"));
        let error: Value = serde_json::from_str(&events[1].1).unwrap();
        assert_eq!(
            error,
            expected_body(
                Format::Anthropic,
                code.code(),
                code.anthropic_type(),
                code.description(),
                None,
                &id
            )
        );
    }
}
