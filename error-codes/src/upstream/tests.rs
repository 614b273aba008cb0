//! Tests of [`UpstreamError`] as a type (its size, `Display`, `Error`), of
//! the message cap, the client's request, and a gateway's own rules.

use super::*;
use crate::{ApiError, ErrorCode};
use http::HeaderMap;
use std::time::Duration;

/// What a gateway's call returns. CI's clippy (`-D warnings`, all targets)
/// checks this function against `result_large_err`, whose default
/// threshold is 128 bytes: an `UpstreamError` is one pointer.
fn call(provider: Provider, status: u16, body: &[u8]) -> Result<Vec<u8>, UpstreamError> {
    match status {
        200 => Ok(body.to_vec()),
        _ => Err(UpstreamError::from_response(
            provider,
            status,
            &HeaderMap::new(),
            body,
        )),
    }
}

#[test]
fn a_result_of_it_stays_small() {
    assert_eq!(
        std::mem::size_of::<UpstreamError>(),
        std::mem::size_of::<usize>()
    );
    assert_eq!(call(Provider::Groq, 200, b"ok"), Ok(b"ok".to_vec()));
    let error = call(Provider::Groq, 503, b"").unwrap_err();
    assert_eq!(error.canonical(), ErrorCode::ModelUnavailable);
    // It is an `Error` a `?` boxes.
    let boxed: Box<dyn std::error::Error + Send + Sync> = error.into();
    assert!(boxed.source().is_none());
}

#[test]
fn display_is_one_line_that_provider_text_cannot_forge() {
    let body = br#"{"error":{"message":"bad value\n2026-01-01 INFO forged line","type":"invalid_request_error","code":"invalid_value"}}"#;
    let error = UpstreamError::from_response(Provider::OpenAi, 400, &HeaderMap::new(), body);
    let line = error.to_string();
    assert!(!line.contains('\n'), "{line}");
    assert_eq!(
        line,
        r"openai answered 400 (invalid_value): invalid_parameter_value: bad value\n2026-01-01 INFO forged line"
    );
    let timeout =
        UpstreamError::from_transport(Provider::Vertex, TransportFailure::Timeout, "30 s\nx");
    assert_eq!(
        timeout.to_string(),
        "vertex gave no answer (Timeout): upstream_timeout: Upstream exceeded the request deadline"
    );
}

#[test]
fn no_message_is_longer_than_the_cap() {
    let long = "é".repeat(MESSAGE_CAP);
    let body = serde_json::json!({"error": {"message": format!("max_tokens: {long}"), "type": "invalid_request_error"}});
    let error = UpstreamError::from_response(
        Provider::OpenAi,
        400,
        &HeaderMap::new(),
        body.to_string().as_bytes(),
    );
    for text in [error.upstream_message(), &error.message()] {
        assert!(
            text.len() <= MESSAGE_CAP && text.ends_with('…'),
            "{}",
            text.len()
        );
    }
    // A body past the read limit is not parsed, and kept only up to the cap.
    let huge = vec![b'x'; 20 * 1024 * 1024];
    let error = UpstreamError::from_response(Provider::Azure, 500, &HeaderMap::new(), &huge);
    assert_eq!(error.canonical(), ErrorCode::UpstreamError);
    assert!(error.upstream_message().len() <= MESSAGE_CAP);
    let error =
        UpstreamError::from_transport(Provider::Azure, TransportFailure::Broken, long.repeat(3));
    assert!(error.upstream_message().len() <= MESSAGE_CAP);
}

#[test]
fn the_clients_request_lets_its_own_text_through() {
    let body = br#"{"error":{"message":"Invalid 'url': https://files.acme.io/a.png?sig=x and key sk-proj-AbC123dEf456","type":"invalid_request_error","code":"invalid_value"}}"#;
    let error = UpstreamError::from_response(Provider::OpenAi, 400, &HeaderMap::new(), body);
    assert_eq!(
        error.message(),
        "Invalid 'url': [redacted] and key [redacted]"
    );
    let request = br#"{"input":[{"type":"input_image","image_url":"https://files.acme.io/a.png?sig=x"}],"key":"sk-proj-AbC123dEf456"}"#;
    let error = error.with_request(request);
    assert_eq!(
        error.message(),
        "Invalid 'url': https://files.acme.io/a.png?sig=x and key [redacted]"
    );
    // The gateway's own failures read the catalogue's words, request or not.
    let busy = UpstreamError::from_response(Provider::OpenAi, 503, &HeaderMap::new(), b"")
        .with_request(request);
    assert_eq!(busy.message(), ErrorCode::ModelUnavailable.description());
}

#[test]
fn a_gateways_rules_come_before_the_table() {
    let body = br#"{"error":{"message":"GPU queue is full, retry later","type":"server_error","code":"queue_full"}}"#;
    let headers = HeaderMap::new();
    let standard = UpstreamError::from_response(Provider::OpenAiCompatible, 500, &headers, body);
    assert_eq!(standard.canonical(), ErrorCode::UpstreamError);

    // A row of its own, for one provider.
    let classifier = Classifier::new().with_rule(
        Rule::code("queue_full", ErrorCode::ModelUnavailable)
            .with_provider(Provider::OpenAiCompatible),
    );
    let error = classifier.response(Provider::OpenAiCompatible, 500, &headers, body);
    assert_eq!(error.canonical(), ErrorCode::ModelUnavailable);
    assert_eq!(error.disposition(), Disposition::RetrySame { after: None });
    assert_eq!(
        classifier
            .response(Provider::Groq, 500, &headers, body)
            .canonical(),
        ErrorCode::UpstreamError
    );

    // Overriding a row of the table: this gateway routes Azure
    // deployments nowhere else, and reads "queue is full" in any body.
    let deployment = br#"{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist."}}"#;
    let classifier = classifier
        .with_rule(
            Rule::code("DeploymentNotFound", ErrorCode::ModelNotFound)
                .with_provider(Provider::Azure)
                .with_disposition(Disposition::ReturnToClient),
        )
        .with_rule(
            Rule::phrase("Queue is FULL", ErrorCode::RateLimitExceeded)
                .with_disposition(Disposition::RetrySame { after: None }),
        )
        .with_rule(Rule::status(418, ErrorCode::InvalidRequest));
    assert_eq!(classifier.rules().len(), 4);
    let error = classifier.response(Provider::Azure, 404, &headers, deployment);
    assert_eq!(
        (error.canonical(), error.disposition()),
        (ErrorCode::ModelNotFound, Disposition::ReturnToClient)
    );
    let mut delayed = HeaderMap::new();
    delayed.insert("retry-after", "3".parse().unwrap());
    let error = classifier.response(Provider::Mistral, 500, &delayed, body);
    assert_eq!(error.canonical(), ErrorCode::RateLimitExceeded);
    assert_eq!(
        error.disposition(),
        Disposition::RetrySame {
            after: Some(Duration::from_secs(3))
        }
    );
    assert_eq!(
        classifier
            .response(Provider::Groq, 418, &headers, b"")
            .canonical(),
        ErrorCode::InvalidRequest
    );

    // Streams too.
    let event = b"data: {\"error\":{\"message\":\"x\",\"code\":\"queue_full\"}}\n\n";
    let error = classifier
        .sse_event(Provider::OpenAiCompatible, event)
        .expect("an error event");
    assert_eq!(error.canonical(), ErrorCode::ModelUnavailable);
}
