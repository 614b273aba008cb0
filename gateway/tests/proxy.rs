//! The gateway as a proxy (`--upstream NAME=URL`) against an in-process
//! fake upstream: what is forwarded, what passes through and how fast,
//! the upstream's failures, and the requests an upstream cannot take.

use crate::support::fake_upstream::{normal_body, normal_events};
use crate::support::proxy::*;
use crate::support::*;
use api_error_codes::upstream::Provider;
use api_error_codes::Format;
use api_error_codes_gateway::{Config, UpstreamConfig};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

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
    // The upstream holds the rest back until the client has the preamble
    // and the first content: a gateway that buffered the stream would
    // never deliver them.
    let normal = normal_events(path);
    let first = normal[..2].concat();
    let mut received = Vec::new();
    while received.len() < first.len() {
        let chunk = tokio::time::timeout(Duration::from_secs(5), response.chunk()).await;
        let chunk = chunk.expect("the first events arrive while the upstream waits");
        received.extend_from_slice(&chunk.unwrap().unwrap());
    }
    assert_eq!(received, first.as_bytes());
    fake.gate.notify_one();
    let mut rest = Vec::new();
    while let Some(chunk) = response.chunk().await.unwrap() {
        rest.extend_from_slice(&chunk);
    }
    assert_eq!(rest, normal[2..].concat().as_bytes());
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
    let dead_gateway = Gateway::start_with(&config).await;
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
        let provider = model.split('/').next().unwrap();
        assert_upstream_error(response, format, 502, "upstream_error", provider).await;
    }

    let started = Instant::now();
    let response = gateway
        .post_json(
            "/v1/chat/completions",
            &body_for("/v1/chat/completions", "openai/slow", false),
        )
        .await;
    assert_upstream_error(response, Format::OpenAi, 504, "upstream_timeout", "openai").await;
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
    assert_upstream_error(response, Format::OpenAi, 502, "upstream_error", "openai").await;
}

#[tokio::test]
async fn upstream_bodies_are_read_up_to_the_limit_only() {
    let Proxy { gateway, log, .. } = proxy().await;
    let path = "/v1/chat/completions";
    let response = gateway
        .post_json(path, &body_for(path, "groq/at-limit", false))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.bytes().await.unwrap().len(), UPSTREAM_BODY_LIMIT);

    let response = gateway
        .post_json(path, &body_for(path, "groq/huge", false))
        .await;
    assert_upstream_error(response, Format::OpenAi, 502, "upstream_error", "groq").await;
    let over = format!("upstream_message=\"the body is over {UPSTREAM_BODY_LIMIT} bytes\"");
    assert_eq!(
        log.matching(&["provider=groq", &over]).len(),
        1,
        "{:?}",
        log.lines()
    );

    // An error status says what happened, however long its body.
    let response = gateway
        .post_json(path, &body_for(path, "groq/huge-429", false))
        .await;
    assert_eq!(response.status(), 429);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "rate_limit_exceeded");
}

#[tokio::test]
async fn what_an_upstream_says_reaches_the_log_escaped() {
    let Proxy { gateway, log, .. } = proxy().await;
    let path = "/v1/messages";
    let response = gateway
        .post_json(path, &body_for(path, "anthropic/forged-log-line", false))
        .await;
    assert_eq!(response.status(), 400);
    let lines = log.matching(&["upstream failed", "provider=anthropic"]);
    assert_eq!(lines.len(), 1, "{:?}", log.lines());
    assert!(
        lines[0].contains(r#"upstream_message="invalid\n2099-01-01T00:00:00Z  INFO forged"#),
        "{}",
        lines[0]
    );
    assert!(
        log.lines().iter().all(|line| !line.starts_with("2099")),
        "a provider wrote a log line: {:?}",
        log.lines()
    );
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
