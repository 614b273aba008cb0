//! The example gateway over real HTTP: started in-process on an ephemeral
//! port, driven with `reqwest`, checked route by route, bad request by bad
//! request, and code by code in both formats, streaming and not.

use error_codes::{ApiError, ErrorCode, Format};
use error_codes_tests::gateway::{self, BODY_LIMIT};
use error_codes_tests::seed_table;
use reqwest::{Method, Response};
use serde_json::{json, Value};
use std::collections::HashSet;

/// For the `_` arm `Format` (non-exhaustive) needs: the example gateway
/// serves the two LLM APIs' formats only.
fn not_served(format: Format) -> ! {
    panic!("the example gateway does not serve {format:?}")
}

use error_codes_tests::RETRYABLE_CODES as RETRYABLE;

/// The two completion endpoints and what each speaks.
const ENDPOINTS: [(&str, Format); 2] = [
    ("/v1/chat/completions", Format::OpenAi),
    ("/v1/messages", Format::Anthropic),
];

struct Gateway {
    base: String,
    client: reqwest::Client,
}

impl Gateway {
    async fn start() -> Gateway {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(gateway::serve(listener, std::future::pending()));
        Gateway {
            base: format!("http://{address}"),
            client: reqwest::Client::new(),
        }
    }

    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.client.request(method, format!("{}{path}", self.base))
    }

    /// A POST with a key, as an SDK sends it.
    async fn post(&self, path: &str, body: impl Into<reqwest::Body>) -> Response {
        self.request(Method::POST, path)
            .header("authorization", "Bearer sk-test")
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap()
    }

    async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.post(path, body.to_string()).await
    }
}

fn request_body(model: &str, stream: bool) -> Value {
    json!({
        "model": model,
        "max_tokens": 32,
        "stream": stream,
        "messages": [
            {"role": "user", "content": "an earlier question"},
            {"role": "assistant", "content": "an earlier answer"},
            {"role": "user", "content": "Hello, gateway"},
        ],
    })
}

fn header<'a>(response: &'a Response, name: &str) -> Option<&'a str> {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().unwrap())
}

/// The request id in the header this format's SDK reads; the other header
/// must be absent.
fn request_id(response: &Response, format: Format) -> String {
    let (name, other) = match format {
        Format::OpenAi => ("x-request-id", "request-id"),
        Format::Anthropic => ("request-id", "x-request-id"),
        other => not_served(other),
    };
    let id = header(response, name)
        .unwrap_or_else(|| panic!("{name} is missing"))
        .to_owned();
    assert!(
        id.starts_with("req_") && id.len() == 28,
        "request id {id:?}"
    );
    assert_eq!(header(response, other), None, "{other} must not be sent");
    id
}

/// The server-sent events of a body: (event name, data) per event.
fn sse_events(text: &str) -> Vec<(Option<String>, String)> {
    assert!(
        text.ends_with("\n\n"),
        "the stream ends with a complete event"
    );
    text.split_terminator("\n\n")
        .map(|block| {
            let mut name = None;
            let mut data = None;
            for line in block.lines() {
                if let Some(value) = line.strip_prefix("event: ") {
                    assert!(name.replace(value.to_owned()).is_none(), "one event: line");
                } else if let Some(value) = line.strip_prefix("data: ") {
                    assert!(data.replace(value.to_owned()).is_none(), "one data: line");
                } else {
                    panic!("unexpected SSE line {line:?}");
                }
            }
            (name, data.expect("every event has data"))
        })
        .collect()
}

/// The exact error body for `code` in `format`, built from its parts.
fn expected_body(
    format: Format,
    code: &str,
    error_type: &str,
    message: &str,
    param: Option<&str>,
    request_id: &str,
) -> Value {
    match format {
        Format::OpenAi => json!({
            "error": {"message": message, "type": error_type, "param": param, "code": code}
        }),
        Format::Anthropic => json!({
            "type": "error",
            "error": {"type": error_type, "message": message, "details": {"error_code": code}},
            "request_id": request_id,
        }),
        other => not_served(other),
    }
}

/// Checks a non-streamed error response completely and returns its body.
async fn assert_error(
    response: Response,
    format: Format,
    status: u16,
    code: &str,
    param: Option<&str>,
) -> Value {
    let known = ErrorCode::from_code(code).unwrap();
    assert_eq!(response.status().as_u16(), status, "status of {code}");
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    let retryable = RETRYABLE.contains(&code);
    let should_retry = if retryable { "true" } else { "false" };
    assert_eq!(
        header(&response, "x-should-retry"),
        Some(should_retry),
        "{code}"
    );
    let (retry_after, retry_after_ms) = if retryable {
        (Some("1"), Some("1000"))
    } else {
        (None, None)
    };
    assert_eq!(header(&response, "retry-after"), retry_after, "{code}");
    assert_eq!(
        header(&response, "retry-after-ms"),
        retry_after_ms,
        "{code}"
    );
    let id = request_id(&response, format);
    let text = response.text().await.unwrap();
    let body: Value = serde_json::from_str(&text).unwrap();
    let error_type = match format {
        Format::OpenAi => known.openai_type(),
        Format::Anthropic => known.anthropic_type(),
        other => not_served(other),
    };
    let message = body
        .pointer("/error/message")
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no message in {text}"))
        .to_owned();
    assert!(
        message.starts_with(known.description()),
        "{message:?} starts with the catalogue's {:?}",
        known.description()
    );
    assert_eq!(
        body,
        expected_body(format, code, error_type, &message, param, &id),
        "exact body of {code}"
    );
    // Key order as the SDKs' documentation shows it.
    let expected_start = match format {
        Format::OpenAi => "{\"error\":{\"message\":",
        Format::Anthropic => "{\"type\":\"error\",\"error\":{\"type\":",
        other => not_served(other),
    };
    assert!(text.starts_with(expected_start), "{text}");
    body
}

#[tokio::test]
async fn every_canonical_code_in_both_formats() {
    let gateway = Gateway::start().await;
    let table = seed_table();
    assert_eq!(table.len(), 57);
    for row in &table {
        for (path, format) in ENDPOINTS {
            let response = gateway
                .post_json(path, &request_body(&format!("error/{}", row.code), false))
                .await;
            // Status 0 is answered with 499, as the crate renders it.
            let status = if row.status == 0 { 499 } else { row.status };
            let body = assert_error(response, format, status, &row.code, None).await;
            // The catalogue's message exactly, with nothing added.
            assert_eq!(body["error"]["message"], row.description.as_str());
        }
    }
}

#[tokio::test]
async fn a_sample_of_exact_error_responses() {
    let gateway = Gateway::start().await;

    let response = gateway
        .post_json(
            "/v1/messages",
            &request_body("error/budget_exhausted", false),
        )
        .await;
    assert_eq!(response.status(), 429);
    assert_eq!(header(&response, "x-should-retry"), Some("false"));
    assert_eq!(header(&response, "retry-after"), None);
    let id = request_id(&response, Format::Anthropic);
    assert_eq!(
        response.text().await.unwrap(),
        format!(
            r#"{{"type":"error","error":{{"type":"billing_error","message":"Account or project budget reached","details":{{"error_code":"budget_exhausted"}}}},"request_id":"{id}"}}"#
        )
    );

    let response = gateway
        .post_json(
            "/v1/chat/completions",
            &request_body("error/upstream_timeout", false),
        )
        .await;
    assert_eq!(response.status(), 504);
    assert_eq!(header(&response, "x-should-retry"), Some("true"));
    assert_eq!(header(&response, "retry-after"), Some("1"));
    assert_eq!(
        response.text().await.unwrap(),
        r#"{"error":{"message":"Upstream exceeded the request deadline","type":"api_error","param":null,"code":"upstream_timeout"}}"#
    );

    let response = gateway
        .post_json(
            "/v1/messages",
            &request_body("error/client_disconnected", false),
        )
        .await;
    assert_eq!(response.status(), 499);
    assert_eq!(header(&response, "x-should-retry"), Some("false"));
}

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
    for (path, format) in ENDPOINTS {
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
            other => not_served(other),
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

#[tokio::test]
async fn a_missing_or_empty_key_is_invalid_api_key() {
    let gateway = Gateway::start().await;
    let body = request_body("echo", false).to_string();
    for (path, format) in ENDPOINTS {
        let cases: [&[(&str, &str)]; 5] = [
            &[],
            &[("authorization", "Bearer ")],
            &[("authorization", "Basic dXNlcjpwYXNz")],
            &[("x-api-key", "")],
            &[("authorization", "Bearer"), ("x-api-key", " ")],
        ];
        for headers in cases {
            let mut request = gateway.request(Method::POST, path).body(body.clone());
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            let response = request.send().await.unwrap();
            assert_error(response, format, 401, "invalid_api_key", None).await;
        }
    }
}

#[tokio::test]
async fn bad_bodies_get_canonical_codes() {
    let gateway = Gateway::start().await;
    for (path, format) in ENDPOINTS {
        let param = |name: &'static str| match format {
            Format::OpenAi => Some(name),
            // Anthropic's envelope has no param.
            Format::Anthropic => None,
            other => not_served(other),
        };
        let cases: Vec<(String, u16, &str, Option<&str>)> = vec![
            (
                "{\"model\": \"echo\",".to_owned(),
                400,
                "invalid_request",
                None,
            ),
            (String::new(), 400, "invalid_request", None),
            ("[1, 2]".to_owned(), 400, "invalid_request", None),
            (
                json!({"messages": []}).to_string(),
                400,
                "missing_required_parameter",
                param("model"),
            ),
            (
                json!({"model": null}).to_string(),
                400,
                "missing_required_parameter",
                param("model"),
            ),
            (
                json!({"model": 4}).to_string(),
                400,
                "invalid_parameter_value",
                param("model"),
            ),
            (
                json!({"model": "echo", "stream": "yes"}).to_string(),
                400,
                "invalid_parameter_value",
                param("stream"),
            ),
            (
                json!({"model": "gpt-4o"}).to_string(),
                404,
                "model_not_found",
                param("model"),
            ),
            (
                json!({"model": "error/no_such_code"}).to_string(),
                404,
                "model_not_found",
                param("model"),
            ),
            (
                json!({"model": "echo"}).to_string(),
                400,
                "missing_required_parameter",
                param("messages"),
            ),
            (
                json!({"model": "echo", "messages": [{"role": "system", "content": "x"}]})
                    .to_string(),
                400,
                "invalid_parameter_value",
                param("messages"),
            ),
        ];
        for (body, status, code, param) in cases {
            let response = gateway.post(path, body).await;
            assert_error(response, format, status, code, param).await;
        }
    }
}

#[tokio::test]
async fn messages_say_what_was_wrong() {
    let gateway = Gateway::start().await;
    let response = gateway.post("/v1/chat/completions", "{\"model\":").await;
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body["error"]["message"],
        "Malformed or invalid request: the body is not valid JSON (EOF while parsing a value at line 1 column 9)"
    );
    let response = gateway
        .post_json("/v1/messages", &json!({"model": "claude-x"}))
        .await;
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body["error"]["message"],
        "Requested model ID isn\u{2019}t in the catalog: `claude-x`; try `echo` or `error/<code>` with a code from GET /v1/error-codes"
    );
}

#[tokio::test]
async fn bodies_over_one_mebibyte_are_payload_too_large() {
    let gateway = Gateway::start().await;
    for (path, format) in ENDPOINTS {
        // Exactly the limit: accepted (JSON padded with spaces).
        let json = request_body("echo", false).to_string();
        let at_limit = format!("{json}{}", " ".repeat(BODY_LIMIT - json.len()));
        assert_eq!(at_limit.len(), BODY_LIMIT);
        let response = gateway.post(path, at_limit).await;
        assert_eq!(response.status(), 200, "{path}: 1 MiB is allowed");

        let over = format!("{json}{}", " ".repeat(BODY_LIMIT + 1 - json.len()));
        let response = gateway.post(path, over).await;
        let body = assert_error(response, format, 413, "payload_too_large", None).await;
        assert_eq!(
            body["error"]["message"],
            "Request body exceeds the size limit: the limit is 1048576 bytes"
        );
    }
}

#[tokio::test]
async fn wrong_methods_are_method_not_allowed_in_the_paths_format() {
    let gateway = Gateway::start().await;
    let cases = [
        (Method::GET, "/v1/chat/completions", Format::OpenAi, "POST"),
        (Method::PUT, "/v1/chat/completions", Format::OpenAi, "POST"),
        (Method::GET, "/v1/messages", Format::Anthropic, "POST"),
        (Method::DELETE, "/v1/messages", Format::Anthropic, "POST"),
        (Method::POST, "/v1/error-codes", Format::OpenAi, "GET, HEAD"),
    ];
    for (method, path, format, allow) in cases {
        let response = gateway
            .request(method.clone(), path)
            .header("authorization", "Bearer sk-test")
            .send()
            .await
            .unwrap();
        assert_eq!(header(&response, "allow"), Some(allow), "{method} {path}");
        let body = assert_error(response, format, 405, "method_not_allowed", None).await;
        assert_eq!(
            body["error"]["message"],
            format!(
                "HTTP method not supported on this endpoint: {method} {path} is not served; use {allow}"
            )
        );
    }
}

#[tokio::test]
async fn unknown_paths_are_resource_not_found_by_the_documented_rule() {
    let gateway = Gateway::start().await;
    let cases = [
        ("/", None, Format::OpenAi),
        ("/v1/completions", None, Format::OpenAi),
        ("/v1/chat/completions/extra", None, Format::OpenAi),
        ("/v1/messages/count_tokens", None, Format::Anthropic),
        ("/v1/messages/batches/x", None, Format::Anthropic),
        ("/v1/messagesx", None, Format::OpenAi),
        ("/v1/models", Some("2023-06-01"), Format::Anthropic),
    ];
    for (path, anthropic_version, format) in cases {
        let mut request = gateway
            .request(Method::POST, path)
            .header("authorization", "Bearer sk-test");
        if let Some(version) = anthropic_version {
            request = request.header("anthropic-version", version);
        }
        let response = request.send().await.unwrap();
        assert_error(response, format, 404, "resource_not_found", None).await;
    }
}

#[tokio::test]
async fn the_catalogue_lists_all_57_codes() {
    let gateway = Gateway::start().await;
    let response = gateway
        .request(Method::GET, "/v1/error-codes")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    request_id(&response, Format::OpenAi);
    let body: Value = response.json().await.unwrap();
    let object = body.as_object().unwrap();
    assert_eq!(object.keys().collect::<Vec<_>>(), ["data"]);
    let data = body["data"].as_array().unwrap();
    let table = seed_table();
    assert_eq!(data.len(), table.len());
    for (entry, row) in data.iter().zip(&table) {
        let keys: HashSet<&str> = entry
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            HashSet::from([
                "code",
                "status",
                "description",
                "retryable",
                "openai_type",
                "anthropic_type",
                "problem_type"
            ])
        );
        assert_eq!(entry["code"], row.code.as_str());
        assert_eq!(entry["status"], row.status);
        assert_eq!(entry["description"], row.description.as_str());
        assert_eq!(entry["retryable"], RETRYABLE.contains(&row.code.as_str()));
        let code = ErrorCode::from_code(&row.code).unwrap();
        assert_eq!(entry["openai_type"], code.openai_type());
        assert_eq!(entry["anthropic_type"], code.anthropic_type());
        assert_eq!(entry["problem_type"], code.info().problem_type());
        assert_eq!(
            entry["problem_type"],
            format!("tag:error-codes,2026:{}", row.code)
        );
    }
    let budget = data
        .iter()
        .find(|entry| entry["code"] == "budget_exhausted")
        .unwrap();
    assert_eq!(budget["openai_type"], "rate_limit_error");
    assert_eq!(budget["anthropic_type"], "billing_error");

    let head = gateway
        .request(Method::HEAD, "/v1/error-codes")
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), 200);
}

#[tokio::test]
async fn every_response_has_its_own_request_id() {
    let gateway = Gateway::start().await;
    let mut seen = HashSet::new();
    for round in 0..5 {
        for (path, format) in ENDPOINTS {
            for model in ["echo", "error/internal_error"] {
                let stream = round % 2 == 0;
                let response = gateway.post_json(path, &request_body(model, stream)).await;
                assert!(seen.insert(request_id(&response, format)), "ids repeat");
            }
        }
        let response = gateway
            .request(Method::GET, "/nowhere")
            .send()
            .await
            .unwrap();
        assert!(seen.insert(request_id(&response, Format::OpenAi)));
    }
    assert_eq!(seen.len(), 25);
}

#[test]
fn bad_command_lines_are_usage_errors() {
    use error_codes_tests::gateway::{parse_args, Command, UsageError, DEFAULT_LISTEN};

    let args = |list: &[&str]| parse_args(list.iter().map(|arg| (*arg).to_owned()));
    assert_eq!(
        args(&[]),
        Ok(Command::Run {
            listen: DEFAULT_LISTEN
        })
    );
    assert_eq!(
        args(&["--listen", "127.0.0.1:0"]),
        Ok(Command::Run {
            listen: "127.0.0.1:0".parse().unwrap()
        })
    );
    assert_eq!(args(&["-h"]), Ok(Command::Help));
    assert_eq!(
        args(&["--listen"]),
        Err(UsageError::MissingValue("--listen"))
    );
    assert!(matches!(
        args(&["--listen", "localhost:80"]),
        Err(UsageError::BadAddress { .. })
    ));
    assert_eq!(
        args(&["8080"]),
        Err(UsageError::UnknownArgument("8080".to_owned()))
    );
}
