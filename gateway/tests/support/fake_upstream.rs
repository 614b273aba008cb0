//! An in-process fake upstream provider for the proxy tests. It serves the
//! three APIs and answers by the `model` it receives: a case name of the
//! upstream corpus ([`corpus`](super::corpus)) replays that real provider
//! body, or that real stream event; a few fixed names behave as a working,
//! a slow, a broken or an endless upstream. A stream fails after its
//! preamble (the first of [`normal_events`]), or, for `late/<model>`, after
//! the first content too. It records every request it receives.

use super::proxy::UPSTREAM_BODY_LIMIT;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use error_codes_tests::upstream_corpus::{corpus, Case, Kind};
use futures_util::StreamExt;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A request the fake received.
#[derive(Clone, Debug)]
pub struct Received {
    pub path: String,
    pub headers: HeaderMap,
    pub body: Value,
}

/// The running fake.
#[derive(Clone)]
pub struct FakeUpstream {
    pub url: String,
    pub received: Arc<Mutex<Vec<Received>>>,
    /// Set when the body of an `endless` stream is dropped: the gateway
    /// closed the upstream connection.
    pub endless_dropped: Arc<AtomicBool>,
    /// What a `gated` stream waits for after its first event.
    pub gate: Arc<tokio::sync::Notify>,
    cases: Arc<Vec<Case>>,
}

impl FakeUpstream {
    pub async fn start() -> FakeUpstream {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let fake = FakeUpstream {
            url: format!("http://{}", listener.local_addr().unwrap()),
            received: Arc::default(),
            endless_dropped: Arc::default(),
            gate: Arc::default(),
            cases: Arc::new(corpus()),
        };
        let router = Router::new()
            .route("/v1/chat/completions", post(answer))
            .route("/v1/messages", post(answer))
            .route("/v1/responses", post(answer))
            .with_state(fake.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        fake
    }

    pub fn last_received(&self) -> Received {
        self.received
            .lock()
            .unwrap()
            .last()
            .cloned()
            .expect("a request")
    }
}

/// The normal events of a stream of the API at `path`: the first its
/// preamble (a role-only chunk, `message_start`, `response.created`), the
/// second its first content, the last its terminal event.
pub fn normal_events(path: &str) -> Vec<String> {
    let data = |value: Value| format!("data: {value}\n\n");
    let named = |value: Value| {
        format!(
            "event: {}\ndata: {value}\n\n",
            value["type"].as_str().unwrap()
        )
    };
    match path {
        "/v1/messages" => vec![
            named(
                json!({"type": "message_start", "message": {"id": "msg_up", "type": "message", "role": "assistant", "model": "m", "content": [], "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 1, "output_tokens": 0}}}),
            ),
            named(
                json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
            ),
            named(
                json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "up"}}),
            ),
            named(json!({"type": "content_block_stop", "index": 0})),
            named(
                json!({"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": null}, "usage": {"output_tokens": 1}}),
            ),
            named(json!({"type": "message_stop"})),
        ],
        "/v1/responses" => {
            let response = |status: &str| json!({"id": "resp_up", "object": "response", "created_at": 1, "status": status, "model": "m", "output": [], "parallel_tool_calls": true, "tool_choice": "auto", "tools": []});
            vec![
                named(
                    json!({"type": "response.created", "sequence_number": 0, "response": response("in_progress")}),
                ),
                named(
                    json!({"type": "response.output_text.delta", "sequence_number": 1, "item_id": "msg_up", "output_index": 0, "content_index": 0, "delta": "up", "logprobs": []}),
                ),
                named(
                    json!({"type": "response.completed", "sequence_number": 2, "response": response("completed")}),
                ),
            ]
        }
        _ => vec![
            data(
                json!({"id": "chatcmpl-up", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": null}]}),
            ),
            data(
                json!({"id": "chatcmpl-up", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0, "delta": {"content": "up"}, "finish_reason": null}]}),
            ),
            data(
                json!({"id": "chatcmpl-up", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}),
            ),
            "data: [DONE]\n\n".to_owned(),
        ],
    }
}

/// The normal JSON body of the API at `path`.
pub fn normal_body(path: &str) -> Value {
    match path {
        "/v1/messages" => {
            json!({"id": "msg_up", "type": "message", "role": "assistant", "model": "m", "content": [{"type": "text", "text": "up"}], "stop_reason": "end_turn", "stop_sequence": null, "usage": {"input_tokens": 1, "output_tokens": 1}})
        }
        "/v1/responses" => {
            json!({"id": "resp_up", "object": "response", "created_at": 1, "status": "completed", "model": "m", "output": [], "parallel_tool_calls": true, "tool_choice": "auto", "tools": []})
        }
        _ => {
            json!({"id": "chatcmpl-up", "object": "chat.completion", "created": 1, "model": "m", "choices": [{"index": 0, "message": {"role": "assistant", "content": "up"}, "finish_reason": "stop"}]})
        }
    }
}

type Chunk = Result<Bytes, std::io::Error>;

fn event_stream(chunks: impl futures_util::Stream<Item = Chunk> + Send + 'static) -> Response {
    let mut response = Response::new(Body::from_stream(chunks));
    response
        .headers_mut()
        .insert("content-type", "text/event-stream".parse().unwrap());
    response
}

fn events(list: Vec<String>) -> Response {
    event_stream(futures_util::stream::iter(
        list.into_iter().map(|event| Ok(Bytes::from(event))),
    ))
}

/// Sets its flag when dropped.
struct DropFlag(Arc<AtomicBool>);

impl Drop for DropFlag {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

async fn answer(
    State(fake): State<FakeUpstream>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let path = uri.path().to_owned();
    fake.received.lock().unwrap().push(Received {
        path: path.clone(),
        headers,
        body: body.clone(),
    });
    let model = body["model"].as_str().unwrap_or_default().to_owned();
    let stream = body["stream"].as_bool().unwrap_or(false);
    let normal = normal_events(&path);
    // The events a failing stream sends first.
    let (sent, model) = match model.strip_prefix("late/") {
        Some(model) => (normal[..2].to_vec(), model.to_owned()),
        None => (normal[..1].to_vec(), model),
    };
    let fails_after = |last: Chunk| {
        let chunks = sent.iter().map(|event| Ok(Bytes::from(event.clone())));
        event_stream(
            futures_util::stream::iter(chunks.collect::<Vec<_>>()).chain(
                futures_util::stream::once(async move {
                    // Late enough that what came first is on the wire.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    last
                }),
            ),
        )
    };
    match model.as_str() {
        "ok" if stream => events(normal),
        "ok" => Response::new(Body::from(normal_body(&path).to_string())),
        "garbage" => Response::new(Body::from("{\"id\": \"chatcmpl-up\", \"cho")),
        // A JSON object of exactly the gateway's limit, or one byte over it
        // with or without an error status.
        "at-limit" | "huge" | "huge-429" => {
            let over = usize::from(model != "at-limit");
            let padding = " ".repeat(UPSTREAM_BODY_LIMIT + over - 2);
            let mut response = Response::new(Body::from(format!("{{{padding}}}")));
            if model == "huge-429" {
                *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
            }
            response
        }
        // An error quoting a URL of the request (as OpenAI's do).
        "bad-image" => {
            let message = "Invalid image URL: https://img.example.net/cat.png?v=2";
            let error = json!({"error": {"message": message, "type": "invalid_request_error", "param": "messages", "code": "invalid_value"}});
            let mut response = Response::new(Body::from(error.to_string()));
            *response.status_mut() = StatusCode::BAD_REQUEST;
            response
        }
        // An error whose message would forge a log line if written raw.
        "forged-log-line" => {
            let forged = "invalid\n2099-01-01T00:00:00Z  INFO forged: all is well";
            let error = json!({"type": "error", "error": {"type": "invalid_request_error", "message": forged}});
            let mut response = Response::new(Body::from(error.to_string()));
            *response.status_mut() = StatusCode::BAD_REQUEST;
            response
        }
        "slow" => {
            tokio::time::sleep(Duration::from_secs(5)).await;
            Response::new(Body::from(normal_body(&path).to_string()))
        }
        // Then silence.
        "silent" => {
            let chunks = sent.into_iter().map(|event| Ok(Bytes::from(event)));
            event_stream(futures_util::stream::iter(chunks).chain(futures_util::stream::pending()))
        }
        // Then the connection breaks.
        "reset" => fails_after(Err(std::io::Error::other("reset"))),
        // Then an event whose data is not JSON (a proxy's page).
        "malformed" => fails_after(Ok(Bytes::from("data: <html>502 Bad Gateway</html>\n\n"))),
        // Then the end, without the terminal event.
        "cut" => events(sent),
        // The preamble and the first content; the rest once the test opens
        // the gate.
        "gated" => {
            let gate = fake.gate.clone();
            let first = Bytes::from(normal[..2].concat());
            let rest = Bytes::from(normal[2..].concat());
            event_stream(
                futures_util::stream::iter([Ok(first)]).chain(futures_util::stream::once(
                    async move {
                        gate.notified().await;
                        Ok(rest)
                    },
                )),
            )
        }
        // The preamble, then a content event every 20 ms, forever, until
        // the gateway hangs up.
        "endless" => {
            let flag = DropFlag(fake.endless_dropped.clone());
            let (preamble, content) = (normal[0].clone(), normal[1].clone());
            let contents = futures_util::stream::unfold(flag, move |flag| {
                let event = content.clone();
                async move {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    Some((Ok(Bytes::from(event)), flag))
                }
            });
            event_stream(futures_util::stream::iter([Ok(Bytes::from(preamble))]).chain(contents))
        }
        name => match fake.cases.iter().find(|case| case.name == name) {
            Some(case) if case.kind == Kind::Sse => {
                // What comes first, the case's event, then the rest, which
                // the gateway must not pass on after an error.
                let event = String::from_utf8(case.bytes()).unwrap();
                let rest = normal[sent.len()..].iter().cloned();
                events(sent.into_iter().chain([event]).chain(rest).collect())
            }
            Some(case) => {
                let mut response = Response::new(Body::from(case.bytes()));
                *response.status_mut() = StatusCode::from_u16(case.status.unwrap()).unwrap();
                for (name, value) in &case.headers {
                    if name != "content-length" {
                        response.headers_mut().insert(
                            name.parse::<axum::http::HeaderName>().unwrap(),
                            value.parse().unwrap(),
                        );
                    }
                }
                response
            }
            None => {
                let mut response = Response::new(Body::from(format!("no case {name}")));
                *response.status_mut() = StatusCode::IM_A_TEAPOT;
                response
            }
        },
    }
}
