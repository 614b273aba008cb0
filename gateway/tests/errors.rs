//! The gateway's errors over real HTTP: every canonical code on
//! every completion endpoint, and every bad request, checked exactly.

use crate::support::*;
use api_error_codes::Format;
use api_error_codes_gateway::BODY_LIMIT;
use reqwest::Method;
use serde_json::{json, Value};

#[tokio::test]
async fn every_canonical_code_in_both_formats() {
    let gateway = Gateway::start().await;
    let table = error_codes_tests::catalogue();
    assert_eq!(table.len(), 57);
    for row in &table {
        for (path, format) in ENDPOINTS {
            let response = gateway
                .post_json(path, &body_for(path, &format!("error/{}", row.code), false))
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
            other => panic!("the gateway serves no {other:?} endpoint"),
        };
        // What the echo reads: `input` on the Responses API, else `messages`.
        let prompt = if path == "/v1/responses" {
            "input"
        } else {
            "messages"
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
                param(prompt),
            ),
            (
                json!({"model": "echo", prompt: [{"role": "system", "content": "x"}]}).to_string(),
                400,
                "invalid_parameter_value",
                param(prompt),
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
        let json = body_for(path, "echo", false).to_string();
        let at_limit = format!("{json}{}", " ".repeat(BODY_LIMIT - json.len()));
        assert_eq!(at_limit.len(), BODY_LIMIT);
        let response = gateway.post(path, at_limit).await;
        assert_eq!(response.status(), 200, "{path}: 1 MiB is allowed");

        let over = format!("{json}{}", " ".repeat(BODY_LIMIT + 1 - json.len()));
        let response = gateway.post(path, over).await;
        let body = assert_error(response, format, 413, "payload_too_large", None).await;
        assert_eq!(
            body["error"]["message"],
            "Request body exceeds the size limit"
        );
    }
}
