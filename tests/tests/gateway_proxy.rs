//! The example gateway as a proxy (`--upstream NAME=URL`) over real HTTP,
//! against an in-process fake upstream that replays the real provider
//! bodies and stream events of the upstream corpus: what is forwarded,
//! what passes through, and every failure answered in the client's format.

mod gateway_support;

use error_codes::upstream::Provider;
use error_codes::{ApiError, ErrorCode, Format};
use error_codes_tests::gateway::{Config, Log, UpstreamConfig};
use gateway_support::fake_upstream::{corpus, normal_body, normal_events, FakeUpstream};
use gateway_support::*;
use serde_json::{json, Value};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// The providers a request can be forwarded to as it is.
const FORWARDED: [&str; 7] = [
    "openai",
    "mistral",
    "groq",
    "deepseek",
    "openrouter",
    "openai_compatible",
    "anthropic",
];

struct Proxy {
    gateway: Gateway,
    fake: FakeUpstream,
    log: Log,
}

/// The gateway with every forwarded provider (and Gemini) configured on
/// the fake, each with its own key, and a 1 s upstream timeout.
async fn proxy() -> Proxy {
    let fake = FakeUpstream::start().await;
    let upstreams = FORWARDED
        .iter()
        .chain(&["gemini"])
        .map(|name| UpstreamConfig {
            provider: name.parse::<Provider>().unwrap(),
            url: fake.url.clone(),
            key: Some(format!("upstream-key-{name}")),
        })
        .collect();
    let config = Config {
        upstreams,
        upstream_timeout: Duration::from_secs(1),
        ..Config::default()
    };
    let log = Log::memory();
    let gateway = Gateway::start_with(&config, log.clone()).await;
    Proxy { gateway, fake, log }
}

/// The endpoints a provider's requests go to, with their formats.
fn endpoints_of(provider: &str) -> &'static [(&'static str, Format)] {
    if provider == "anthropic" {
        &[("/v1/messages", Format::Anthropic)]
    } else {
        &[
            ("/v1/chat/completions", Format::OpenAi),
            ("/v1/responses", Format::OpenAi),
        ]
    }
}

/// The stable code of an error body in `format`.
fn code_of(body: &Value, format: Format) -> &str {
    let pointer = match format {
        Format::OpenAi => "/error/code",
        Format::Anthropic => "/error/details/error_code",
    };
    body.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// The key-like pieces of an upstream body (`sk-...`, `org-...`), which
/// must never reach the client.
fn secrets(body: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(body)
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .filter(|piece| {
            ["sk-", "org-", "proj_"]
                .iter()
                .any(|prefix| piece.starts_with(prefix))
        })
        .filter(|piece| piece.len() > 6)
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn requests_are_forwarded_with_the_gateways_key_and_the_model_rewritten() {
    let Proxy { gateway, fake, .. } = proxy().await;
    for name in FORWARDED {
        for (path, _) in endpoints_of(name) {
            let mut body = body_for(path, &format!("{name}/ok"), false);
            body["temperature"] = json!(0.5);
            let response = gateway
                .request(reqwest::Method::POST, path)
                .header("authorization", "Bearer client-secret")
                .header("x-api-key", "client-secret")
                .header("anthropic-version", "2023-06-01")
                .body(body.to_string())
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{name} {path}");
            let answer: Value = response.json().await.unwrap();
            assert_eq!(answer, normal_body(path), "{name} {path}: passed through");

            let received = fake.last_received();
            assert_eq!(received.path, *path);
            let mut expected = body.clone();
            expected["model"] = json!("ok");
            assert_eq!(received.body, expected, "only the model changes");
            let key = format!("upstream-key-{name}");
            let (auth, value) = if name == "anthropic" {
                ("x-api-key", key.clone())
            } else {
                ("authorization", format!("Bearer {key}"))
            };
            assert_eq!(received.headers[auth], value.as_str(), "{name}");
            for (header, value) in &received.headers {
                let value = value.to_str().unwrap();
                assert!(
                    !value.contains("client-secret"),
                    "{name}: {header} leaks the client's key"
                );
            }
            if name == "anthropic" {
                assert_eq!(received.headers["anthropic-version"], "2023-06-01");
                assert!(!received.headers.contains_key("authorization"));
            }
        }
    }
}

#[tokio::test]
async fn streams_pass_through_as_they_come() {
    let Proxy { gateway, .. } = proxy().await;
    for (path, _) in endpoints_of("openai")
        .iter()
        .chain(endpoints_of("anthropic"))
    {
        let name = if *path == "/v1/messages" {
            "anthropic"
        } else {
            "groq"
        };
        let response = gateway
            .post_json(path, &body_for(path, &format!("{name}/ok"), true))
            .await;
        assert_eq!(response.status(), 200);
        assert_eq!(header(&response, "content-type"), Some("text/event-stream"));
        assert_eq!(
            response.text().await.unwrap(),
            normal_events(path).concat(),
            "{path}"
        );
    }
}

#[tokio::test]
async fn an_event_reaches_the_client_before_the_upstream_sends_the_next() {
    let Proxy { gateway, fake, .. } = proxy().await;
    let path = "/v1/responses";
    let mut response = gateway
        .post_json(path, &body_for(path, "openai/gated", true))
        .await;
    // The upstream holds the rest back until the client has the first
    // event: a gateway that buffered the stream would never deliver it.
    let first = tokio::time::timeout(Duration::from_secs(5), response.chunk())
        .await
        .expect("the first event arrives while the upstream waits")
        .unwrap()
        .unwrap();
    let normal = normal_events(path);
    assert_eq!(first, normal[0].as_bytes());
    fake.gate.notify_one();
    let mut rest = Vec::new();
    while let Some(chunk) = response.chunk().await.unwrap() {
        rest.extend_from_slice(&chunk);
    }
    assert_eq!(rest, normal[1..].concat().as_bytes());
}

#[tokio::test]
async fn every_corpus_error_response_is_answered_in_the_clients_format() {
    let Proxy { gateway, .. } = proxy().await;
    let mut checked = 0;
    for case in corpus() {
        if case.kind != "response" || !FORWARDED.contains(&case.provider.as_str()) {
            continue;
        }
        let canonical = ErrorCode::from_code(case.canonical.as_deref().unwrap()).unwrap();
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
            if let Some(ms) = case.retry_after_ms {
                assert_eq!(
                    retry_after_ms,
                    Some(ms.to_string()),
                    "{what}: the delay is forwarded"
                );
            }
            if *format == Format::Anthropic {
                assert_eq!(body["request_id"], id.as_str());
            }
            for secret in secrets(&case.body) {
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
        if case.kind != "sse" || !FORWARDED.contains(&case.provider.as_str()) {
            continue;
        }
        for (path, format) in endpoints_of(&case.provider) {
            let model = format!("{}/{}", case.provider, case.name);
            let response = gateway.post_json(path, &body_for(path, &model, true)).await;
            let what = format!("{} on {path}", case.name);
            assert_eq!(response.status(), 200, "{what}");
            let text = response.text().await.unwrap();
            let normal = normal_events(path);
            let Some(canonical) = case.canonical.as_deref() else {
                // Not an error (a keep-alive comment, a normal event): the
                // stream passes through whole.
                let mut expected = vec![normal[0].clone(), case.event.clone()];
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
                    assert_eq!(data.len(), 1, "{what}: nothing after the error");
                }
                (_, Format::Anthropic) => {
                    assert_eq!(events[1].0.as_deref(), Some("error"));
                    assert_eq!(code_of(&data[0], Format::Anthropic), canonical, "{what}");
                    assert_eq!(data.len(), 1, "{what}");
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked} corpus stream errors checked");
}

#[tokio::test]
async fn a_dead_port_a_slow_upstream_and_a_bad_body_are_upstream_errors() {
    let Proxy { gateway, .. } = proxy().await;
    // A port nothing listens on.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let config = Config {
        upstreams: vec![
            UpstreamConfig {
                provider: Provider::OpenAi,
                url: dead.clone(),
                key: None,
            },
            UpstreamConfig {
                provider: Provider::Anthropic,
                url: dead,
                key: None,
            },
        ],
        ..Config::default()
    };
    let dead_gateway = Gateway::start_with(&config, Log::memory()).await;
    for (path, format) in [
        ("/v1/chat/completions", Format::OpenAi),
        ("/v1/messages", Format::Anthropic),
    ] {
        let model = if format == Format::OpenAi {
            "openai/gpt"
        } else {
            "anthropic/claude"
        };
        let response = dead_gateway
            .post_json(path, &body_for(path, model, false))
            .await;
        assert_error(response, format, 502, "upstream_error", None).await;
    }

    let started = Instant::now();
    let response = gateway
        .post_json(
            "/v1/chat/completions",
            &body_for("/v1/chat/completions", "openai/slow", false),
        )
        .await;
    assert_error(response, Format::OpenAi, 504, "upstream_timeout", None).await;
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(1) && waited < Duration::from_secs(4),
        "{waited:?}"
    );

    let response = gateway
        .post_json(
            "/v1/responses",
            &body_for("/v1/responses", "openai/garbage", false),
        )
        .await;
    assert_error(response, Format::OpenAi, 502, "upstream_error", None).await;
}

#[tokio::test]
async fn streams_that_stall_break_or_stop_short_end_with_an_error_event() {
    let Proxy { gateway, log, .. } = proxy().await;
    for (model, code) in [
        ("silent", "upstream_timeout"),
        ("reset", "upstream_error"),
        ("cut", "upstream_error"),
    ] {
        for (path, format) in [
            ("/v1/chat/completions", Format::OpenAi),
            ("/v1/messages", Format::Anthropic),
        ] {
            let provider = if format == Format::OpenAi {
                "deepseek"
            } else {
                "anthropic"
            };
            let body = body_for(path, &format!("{provider}/{model}"), true);
            let response = gateway.post_json(path, &body).await;
            assert_eq!(response.status(), 200);
            let events = sse_events(&response.text().await.unwrap());
            assert_eq!(
                events.len(),
                2,
                "{model} {path}: the first event, then the error"
            );
            let error: Value = serde_json::from_str(&events[1].1).unwrap();
            assert_eq!(code_of(&error, format), code, "{model} {path}");
        }
    }
    let lines = log.lines();
    assert!(
        lines
            .iter()
            .any(|line| line.contains("upstream deepseek timed out: upstream_timeout")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|line| line.contains("upstream anthropic connection broke: upstream_error")),
        "{lines:?}"
    );
}

#[tokio::test]
async fn a_client_that_disconnects_cancels_the_upstream_request() {
    let Proxy { gateway, fake, log } = proxy().await;
    let path = "/v1/chat/completions";
    let mut response = gateway
        .post_json(path, &body_for(path, "openrouter/endless", true))
        .await;
    assert_eq!(response.status(), 200);
    let first = response.chunk().await.unwrap().unwrap();
    assert!(first.starts_with(b"data: "), "the stream flows");
    assert!(!fake.endless_dropped.load(Ordering::SeqCst));
    drop(response);
    let deadline = Instant::now() + Duration::from_secs(5);
    while !fake.endless_dropped.load(Ordering::SeqCst) {
        assert!(
            Instant::now() < deadline,
            "the upstream stream was never cancelled"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    while !log
        .lines()
        .iter()
        .any(|line| line.contains("client_disconnected"))
    {
        assert!(
            Instant::now() < deadline,
            "no client_disconnected in {:?}",
            log.lines()
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn formats_the_upstream_does_not_speak_and_unknown_upstreams() {
    let Proxy { gateway, .. } = proxy().await;
    let cases = [
        (
            "/v1/messages",
            "openai/gpt-4o",
            Format::Anthropic,
            400,
            "no_compatible_endpoint",
        ),
        (
            "/v1/chat/completions",
            "anthropic/claude",
            Format::OpenAi,
            400,
            "no_compatible_endpoint",
        ),
        (
            "/v1/responses",
            "anthropic/claude",
            Format::OpenAi,
            400,
            "no_compatible_endpoint",
        ),
        (
            "/v1/chat/completions",
            "gemini/gemini-pro",
            Format::OpenAi,
            400,
            "no_compatible_endpoint",
        ),
        (
            "/v1/chat/completions",
            "bedrock/titan",
            Format::OpenAi,
            404,
            "model_not_found",
        ),
        (
            "/v1/messages",
            "nobody/x",
            Format::Anthropic,
            404,
            "model_not_found",
        ),
    ];
    for (path, model, format, status, code) in cases {
        let response = gateway.post_json(path, &body_for(path, model, false)).await;
        let param = (code == "model_not_found" && format == Format::OpenAi).then_some("model");
        let body = assert_error(response, format, status, code, param).await;
        let message = body["error"]["message"].as_str().unwrap();
        let name = model.split('/').next().unwrap();
        assert!(message.contains(&format!("`{name}`")), "{message}");
    }
}
