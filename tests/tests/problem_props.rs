//! Property tests of problem details: whatever the message, param, request
//! id, instance, doc URL and suggestion, the body is JSON with exactly those
//! members, the SSE event is one event carrying it, and body, response and
//! event all parse back to the same values.

use api_error_codes::{ApiError, ErrorCode, Format, ReceivedError};
use proptest::prelude::*;
use serde_json::{json, Value};

use crate::nasty::{nasty_string, Dynamic};

/// The percent-encoding the crate applies to a request id in `instance`.
fn encoded(text: &str) -> String {
    text.bytes()
        .map(|byte| {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                char::from(byte).to_string()
            } else {
                format!("%{byte:02X}")
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_strings_survive_body_response_and_event(
        message in nasty_string(),
        param in proptest::option::of(nasty_string()),
        request_id in proptest::option::of(nasty_string()),
        instance in proptest::option::of(nasty_string()),
        doc_url in proptest::option::of(nasty_string()),
    ) {
        let error = Dynamic::Canonical { message: message.clone(), param: param.clone() };
        let mut envelope = error.envelope(Format::Problem);
        if let Some(id) = &request_id {
            envelope = envelope.request_id(id);
        }
        if let Some(instance) = &instance {
            envelope = envelope.instance(instance);
        }
        if let Some(url) = &doc_url {
            envelope = envelope.doc_url(url).suggestion(&message);
        }
        let body = envelope.to_body();

        let problem_type = doc_url.clone().unwrap_or_else(|| "tag:error-codes,2026:invalid_parameter_value".to_owned());
        let expected_instance = instance
            .clone()
            .or_else(|| request_id.as_deref().map(|id| format!("urn:request-id:{}", encoded(id))));
        let mut expected = json!({
            "type": problem_type,
            "title": ErrorCode::InvalidParameterValue.description(),
            "status": 400,
            "detail": message,
            "code": "invalid_parameter_value",
            "retryable": false,
        });
        let members = [
            ("instance", expected_instance.clone()),
            ("param", param.clone()),
            ("request_id", request_id.clone()),
            ("suggestion", doc_url.as_ref().map(|_| message.clone())),
        ];
        for (name, value) in members {
            if let Some(value) = value {
                expected[name] = Value::from(value);
            }
        }
        prop_assert_eq!(serde_json::from_slice::<Value>(&body).unwrap(), expected);

        let event = envelope.to_sse_event();
        prop_assert!(event.starts_with(b"event: error\ndata: "));
        prop_assert!(event.ends_with(b"\n\n"));
        let data = &event[b"event: error\ndata: ".len()..event.len() - 2];
        prop_assert_eq!(data, &body[..]);
        prop_assert!(!data.contains(&b'\n') && !data.contains(&b'\r'));

        let response = envelope.to_http_response();
        prop_assert_eq!(response.headers()["content-type"].as_bytes(), b"application/problem+json");
        let sources = [
            ReceivedError::parse(400, &body).unwrap(),
            ReceivedError::parse_sse_event(200, &event).unwrap(),
            ReceivedError::from_response(&response).unwrap(),
        ];
        for received in sources {
            prop_assert_eq!(received.format(), Format::Problem);
            prop_assert_eq!(received.canonical(), Some(ErrorCode::InvalidParameterValue));
            prop_assert_eq!(received.message(), message.as_str());
            prop_assert_eq!(received.param(), param.as_deref());
            prop_assert_eq!(received.request_id(), request_id.as_deref());
            prop_assert_eq!(received.instance(), expected_instance.as_deref());
            prop_assert_eq!(received.problem_type(), Some(problem_type.as_str()));
            prop_assert_eq!(received.title(), Some(ErrorCode::InvalidParameterValue.description()));
            prop_assert_eq!(received.problem_status(), Some(400));
            prop_assert_eq!(received.retryable(), Some(false));
            prop_assert_eq!(received.suggestion(), doc_url.as_ref().map(|_| message.as_str()));
        }
    }

    #[test]
    fn private_codes_keep_their_title_and_code(detail in nasty_string()) {
        let error = Dynamic::Private(detail.clone());
        let received = ReceivedError::parse(403, &error.to_body(Format::Problem)).unwrap();
        prop_assert_eq!(received.code(), Some("tenant_suspended"));
        prop_assert_eq!(received.canonical(), None);
        prop_assert_eq!(received.title(), Some("Tenant suspended"));
        prop_assert_eq!(received.message(), format!("suspended: {detail}"));
        prop_assert_eq!(received.problem_type(), Some("tag:error-codes,2026:tenant_suspended"));
    }
}
