//! What the gateway's tests share: the gateway started in-process on an
//! ephemeral port, requests as the SDKs send them, and exact checks of
//! error responses and event streams.

use api_error_codes::{ApiError, ErrorCode, Format};
use api_error_codes_gateway::Config;
use reqwest::{Method, Response};
use serde_json::{json, Value};

pub mod fake_upstream;
pub mod logs;
pub mod proxy;

/// The three completion endpoints and the format each speaks.
pub const ENDPOINTS: [(&str, Format); 3] = [
    ("/v1/chat/completions", Format::OpenAi),
    ("/v1/messages", Format::Anthropic),
    ("/v1/responses", Format::OpenAi),
];

pub struct Gateway {
    pub base: String,
    pub client: reqwest::Client,
}

impl Gateway {
    /// The gateway without upstreams.
    pub async fn start() -> Gateway {
        Gateway::start_with(&Config::default()).await
    }

    /// The gateway serving `config`.
    pub async fn start_with(config: &Config) -> Gateway {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let server = api_error_codes_gateway::Gateway::new(config).unwrap();
        tokio::spawn(async move {
            api_error_codes_gateway::serve(&server, listener, std::future::pending()).await
        });
        Gateway {
            base: format!("http://{address}"),
            client: reqwest::Client::new(),
        }
    }

    pub fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.client.request(method, format!("{}{path}", self.base))
    }

    /// A POST with a key, as an SDK sends it.
    pub async fn post(&self, path: &str, body: impl Into<reqwest::Body>) -> Response {
        self.request(Method::POST, path)
            .header("authorization", "Bearer sk-test")
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.post(path, body.to_string()).await
    }
}

/// A request for `model` in the shape of `path`'s API.
pub fn body_for(path: &str, model: &str, stream: bool) -> Value {
    if path == "/v1/responses" {
        return json!({
            "model": model,
            "stream": stream,
            "input": [
                {"role": "user", "content": "an earlier question"},
                {"role": "assistant", "content": "an earlier answer"},
                {"role": "user", "content": "Hello, gateway"},
            ],
        });
    }
    request_body(model, stream)
}

/// A chat completions / messages request for `model`.
pub fn request_body(model: &str, stream: bool) -> Value {
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

pub fn header<'a>(response: &'a Response, name: &str) -> Option<&'a str> {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().unwrap())
}

/// The request id in the header this format's SDK reads; the other header
/// must be absent.
pub fn request_id(response: &Response, format: Format) -> String {
    let (name, other) = match format {
        Format::OpenAi => ("x-request-id", "request-id"),
        Format::Anthropic => ("request-id", "x-request-id"),
        other => panic!("the gateway serves no {other:?} endpoint"),
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
pub fn sse_events(text: &str) -> Vec<(Option<String>, String)> {
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
pub fn expected_body(
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
        other => panic!("the gateway serves no {other:?} endpoint"),
    }
}

/// Checks a non-streamed error response completely and returns its body.
pub async fn assert_error(
    response: Response,
    format: Format,
    status: u16,
    code: &str,
    param: Option<&str>,
) -> Value {
    let known = ErrorCode::from_code(code).unwrap();
    assert_eq!(response.status().as_u16(), status, "status of {code}");
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    let retryable = error_codes_tests::catalogue_row(code).retryable;
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
        other => panic!("the gateway serves no {other:?} endpoint"),
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
        other => panic!("the gateway serves no {other:?} endpoint"),
    };
    assert!(text.starts_with(expected_start), "{text}");
    body
}
