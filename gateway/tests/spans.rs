//! Each request's span, and the error the gateway answers with recorded on
//! it by `telemetry::record`, as the example binary logs it when the span
//! closes.

use crate::support::logs::Logs;
use crate::support::proxy::*;
use crate::support::*;
use std::time::{Duration, Instant};

/// The close line of the span of the request `id`, once written.
async fn closed_span(log: &Logs, id: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let lines = log.matching(&[&format!("request{{request_id={id}"), "close"]);
        if let [line] = &lines[..] {
            return line.clone();
        }
        assert!(
            Instant::now() < deadline,
            "no close line for {id}: {:?}",
            log.lines()
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn an_error_of_the_gateway_is_recorded_on_the_request_span() {
    let log = Logs::capture_spans();
    let gateway = Gateway::start().await;
    let path = "/v1/chat/completions";
    let response = gateway
        .post_json(path, &body_for(path, "error/rate_limit_exceeded", false))
        .await;
    assert_eq!(response.status(), 429);
    let id = request_id(&response, api_error_codes::Format::OpenAi);
    let line = closed_span(&log, &id).await;
    for field in [
        "error.type=\"rate_limit_exceeded\"",
        "http.response.status_code=429",
        "api_error.origin=\"gateway\"",
    ] {
        assert!(line.contains(field), "{field} in {line}");
    }
    assert!(!line.contains("api_error.provider"), "{line}");

    let response = gateway
        .post_json(path, &body_for(path, "echo", false))
        .await;
    assert_eq!(response.status(), 200);
    let id = request_id(&response, api_error_codes::Format::OpenAi);
    let line = closed_span(&log, &id).await;
    assert!(
        !line.contains("error.type"),
        "a success records no error: {line}"
    );
}

#[tokio::test]
async fn an_upstream_failure_is_recorded_with_its_provider() {
    let Proxy { gateway, log, .. } = proxy_logging(Logs::capture_spans()).await;
    let path = "/v1/chat/completions";
    let response = gateway
        .post_json(path, &body_for(path, "mistral/bad-image", false))
        .await;
    assert_eq!(response.status(), 400);
    let id = request_id(&response, api_error_codes::Format::OpenAi);
    let line = closed_span(&log, &id).await;
    for field in [
        "http.response.status_code=400",
        "api_error.origin=\"upstream\"",
        "api_error.provider=\"mistral\"",
    ] {
        assert!(line.contains(field), "{field} in {line}");
    }
}
