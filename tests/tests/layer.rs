//! `ErrorLayer` over real HTTP: an axum app with the layer, body limit and
//! request timeout a gateway uses, and every failure of the framework's
//! own, each answered in the format of the route that failed.

use api_error_codes::layer::{ErrorContext, ErrorLayer};
use api_error_codes::{ApiError, ErrorCode, Format};
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use reqwest::Method;
use serde::Deserialize;
use serde_json::Value;
use std::time::Duration;
use tower_http::timeout::TimeoutLayer;

#[derive(Deserialize)]
struct ChatRequest {
    model: String,
}

async fn chat(Json(request): Json<ChatRequest>) -> String {
    request.model
}

async fn messages(Json(request): Json<Value>) -> Json<Value> {
    Json(request)
}

async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_secs(5)).await;
    "late"
}

async fn panics() -> &'static str {
    panic!("secret panic text: db password hunter2")
}

async fn own_error(context: ErrorContext) -> Response {
    context.envelope(&ErrorCode::ModelNotFound).into_response()
}

async fn start() -> String {
    let app = Router::new()
        .route("/v1/chat/completions", post(chat))
        .route("/v1/messages", post(messages))
        .route("/v1/slow", post(slow))
        .route("/v1/panic", post(panics))
        .route("/v1/models/{id}", get(own_error))
        .route("/admin/keys", get(|| async { "keys" }))
        .layer(DefaultBodyLimit::max(1024))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_millis(100),
        ))
        .layer(
            ErrorLayer::new(Format::OpenAi)
                .format_under("/v1/messages", Format::Anthropic)
                .format_under("/admin", Format::Problem)
                .details_error_code(true),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

/// A response's status, headers and JSON body.
struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Value,
}

async fn send(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.json().await.unwrap_or(Value::Null);
    Answer {
        status,
        headers,
        body,
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::new()
}

/// Checks an OpenAI-format error: status, code, `x-should-retry`, the
/// request id header; its message.
fn openai(answer: &Answer, status: u16, code: &str) -> String {
    assert_eq!(answer.status, status, "{:?}", answer.body);
    assert_eq!(answer.headers["content-type"], "application/json");
    assert_eq!(answer.body["error"]["code"], code, "{:?}", answer.body);
    let retry = ErrorCode::from_code(code).unwrap().is_retryable();
    assert_eq!(answer.headers["x-should-retry"], retry.to_string());
    assert!(answer.headers["x-request-id"]
        .to_str()
        .unwrap()
        .starts_with("req_"));
    answer.body["error"]["message"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn malformed_json_and_bodies_of_the_wrong_shape_say_what_was_wrong() {
    let url = start().await;
    let post = |path: &str, body: &'static str| {
        client()
            .post(format!("{url}{path}"))
            .header("content-type", "application/json")
            .body(body)
    };
    let answer = send(post("/v1/chat/completions", "{\"model\": ")).await;
    let message = openai(&answer, 400, "invalid_request");
    assert!(
        message
            .starts_with("Malformed or invalid request: Failed to parse the request body as JSON"),
        "{message}"
    );
    assert!(message.contains("line 1 column"), "{message}");

    let answer = send(post("/v1/chat/completions", "{\"messages\": []}")).await;
    let message = openai(&answer, 400, "invalid_request");
    assert!(message.contains("missing field `model`"), "{message}");

    // The Anthropic route answers in Anthropic's format, with the id.
    let answer = send(post("/v1/messages", "[1,")).await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.body["type"], "error");
    assert_eq!(answer.body["error"]["type"], "invalid_request_error");
    assert_eq!(
        answer.body["error"]["details"]["error_code"],
        "invalid_request"
    );
    assert_eq!(
        answer.body["request_id"],
        answer.headers["request-id"].to_str().unwrap()
    );
}

#[tokio::test]
async fn a_missing_or_wrong_content_type_is_an_invalid_request() {
    let url = start().await;
    for content_type in [None, Some("text/plain")] {
        let mut request = client()
            .post(format!("{url}/v1/chat/completions"))
            .body("{\"model\":\"m\"}");
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let message = openai(&send(request).await, 400, "invalid_request");
        assert!(
            message.contains("Content-Type: application/json"),
            "{message}"
        );
    }
}

#[tokio::test]
async fn an_unknown_path_is_resource_not_found_in_the_format_the_client_speaks() {
    let url = start().await;
    let answer = send(client().get(format!("{url}/v1/nowhere"))).await;
    let message = openai(&answer, 404, "resource_not_found");
    assert_eq!(
        message,
        "Requested resource not found: no route for GET /v1/nowhere"
    );

    // Under a prefix, the prefix's format; under none, the Anthropic SDK's
    // `anthropic-version` header picks Anthropic's.
    let answer = send(client().post(format!("{url}/v1/messages/batches"))).await;
    assert_eq!(answer.body["error"]["type"], "not_found_error");
    let answer = send(
        client()
            .get(format!("{url}/v1/nowhere"))
            .header("anthropic-version", "2023-06-01"),
    )
    .await;
    assert_eq!(answer.body["error"]["type"], "not_found_error");
    assert!(answer.headers.contains_key("request-id"));

    let answer = send(client().get(format!("{url}/admin/nothing"))).await;
    assert_eq!(answer.status, 404);
    assert_eq!(answer.headers["content-type"], "application/problem+json");
    assert_eq!(answer.body["code"], "resource_not_found");
    assert_eq!(answer.body["status"], 404);
}

#[tokio::test]
async fn a_wrong_method_is_method_not_allowed_with_allow() {
    let url = start().await;
    let answer = send(client().get(format!("{url}/v1/chat/completions"))).await;
    let message = openai(&answer, 405, "method_not_allowed");
    assert_eq!(answer.headers["allow"], "POST");
    assert_eq!(
        message,
        "HTTP method not supported on this endpoint: GET /v1/chat/completions"
    );
}

#[tokio::test]
async fn a_body_over_the_limit_is_payload_too_large() {
    let url = start().await;
    let body = format!("{{\"model\":\"{}\"}}", "x".repeat(2000));
    let request = client()
        .post(format!("{url}/v1/chat/completions"))
        .header("content-type", "application/json")
        .body(body);
    openai(&send(request).await, 413, "payload_too_large");
}

#[tokio::test]
async fn a_request_timeout_is_upstream_timeout() {
    let url = start().await;
    let answer = send(client().post(format!("{url}/v1/slow"))).await;
    openai(&answer, 504, "upstream_timeout");
}

#[tokio::test]
async fn a_panic_is_internal_error_without_its_text() {
    let url = start().await;
    let answer = send(client().post(format!("{url}/v1/panic"))).await;
    let message = openai(&answer, 500, "internal_error");
    assert_eq!(message, ErrorCode::InternalError.description());
    let text = answer.body.to_string();
    assert!(
        !text.contains("hunter2") && !text.contains("panic"),
        "{text}"
    );
}

#[tokio::test]
async fn handler_answers_pass_unchanged_with_the_request_id() {
    let url = start().await;
    // A handler's own JSON error is left as it is.
    let answer = send(client().get(format!("{url}/v1/models/gpt-9"))).await;
    assert_eq!(
        openai(&answer, 404, "model_not_found"),
        ErrorCode::ModelNotFound.description()
    );

    // A success gets the id; an id the request brings is kept.
    let response = client()
        .request(Method::POST, format!("{url}/v1/messages"))
        .header("content-type", "application/json")
        .header("x-request-id", "edge-42")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["request-id"], "edge-42");
    let answer = send(client().get(format!("{url}/admin/keys"))).await;
    assert_eq!(answer.status, 200);
    assert!(answer.headers["x-request-id"]
        .to_str()
        .unwrap()
        .starts_with("req_"));
}
