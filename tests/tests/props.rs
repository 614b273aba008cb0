//! Property tests: whatever the message, param and request id, the wire is
//! valid JSON carrying exactly those strings, one SSE event, and it parses
//! back to the same values.

use api_error_codes::{ApiError, ErrorCode, Format, ReceivedError};
use proptest::prelude::*;
use serde_json::Value;

use crate::nasty::{nasty_string, Dynamic};

/// The two envelopes whose serde structs and fields these properties
/// check (problem details: `problem_props.rs`).
const ENVELOPES: [Format; 2] = [Format::OpenAi, Format::Anthropic];

/// For the `_` arm `Format` (non-exhaustive) needs.
fn not_an_envelope(format: Format) -> ! {
    panic!("{format:?} is not one of the envelopes checked here")
}

fn one_event(event: &[u8], format: Format) -> &[u8] {
    let prefix: &[u8] = match format {
        Format::OpenAi => b"data: ",
        _ => b"event: error\ndata: ",
    };
    assert!(event.starts_with(prefix));
    assert!(event.ends_with(b"\n\n"));
    let data = &event[prefix.len()..event.len() - 2];
    assert!(!data.contains(&b'\n') && !data.contains(&b'\r'));
    data
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_message_param_and_request_id_survive_the_wire(
        message in nasty_string(),
        param in proptest::option::of(nasty_string()),
        request_id in nasty_string(),
        doc_url in proptest::option::of(nasty_string()),
    ) {
        let error = Dynamic::Canonical { message: message.clone(), param: param.clone() };
        for format in ENVELOPES {
            let mut envelope = error.envelope(format).request_id(&request_id).details_error_code(true);
            if let Some(url) = &doc_url {
                envelope = envelope.doc_url(url).suggestion(&message);
            }
            let body = envelope.to_body();

            // Valid JSON with exactly the strings given.
            let json: Value = serde_json::from_slice(&body).unwrap();
            prop_assert_eq!(json["error"]["message"].as_str(), Some(message.as_str()));

            // One SSE event whose data is the body.
            let event = envelope.to_sse_event();
            prop_assert_eq!(one_event(&event, format), &body[..]);

            // Parsed back: same code, message, param and request id.
            let sources = [
                ReceivedError::parse(400, &body).unwrap(),
                ReceivedError::parse_sse_event(200, &event).unwrap(),
                ReceivedError::from_response(&envelope.to_http_response()).unwrap(),
            ];
            for received in sources {
                prop_assert_eq!(received.format(), format);
                prop_assert_eq!(received.code(), Some("invalid_parameter_value"));
                prop_assert_eq!(received.canonical(), Some(ErrorCode::InvalidParameterValue));
                prop_assert_eq!(received.message(), message.as_str());
                match format {
                    Format::OpenAi => {
                        prop_assert_eq!(json["error"]["param"].as_str(), param.as_deref());
                        prop_assert_eq!(received.param(), param.as_deref());
                        prop_assert_eq!(received.doc_url(), doc_url.as_deref());
                        prop_assert_eq!(
                            received.suggestion(),
                            doc_url.as_ref().map(|_| message.as_str())
                        );
                    }
                    Format::Anthropic => {
                        prop_assert_eq!(json["request_id"].as_str(), Some(request_id.as_str()));
                        prop_assert_eq!(received.request_id(), Some(request_id.as_str()));
                        // Anthropic's envelope has no param or suggestion; this
                        // crate adds doc_url.
                        prop_assert_eq!(received.param(), None);
                        prop_assert_eq!(received.doc_url(), doc_url.as_deref());
                    }
                    other => not_an_envelope(other),
                }
            }
        }
    }

    #[test]
    fn the_request_id_header_is_always_a_valid_visible_ascii_value(request_id in nasty_string()) {
        for &format in Format::ALL {
            let response = ErrorCode::InternalError.envelope(format).request_id(&request_id).to_http_response();
            let value = response.headers()[format.request_id_header()].as_bytes();
            prop_assert!(value.iter().all(|byte| (0x21..0x7f).contains(byte)), "{:?}", value);
        }
        // Read back (the OpenAI body has none), the header is the id.
        let response = ErrorCode::InternalError.envelope(Format::OpenAi).request_id(&request_id).to_http_response();
        let received = ReceivedError::from_response(&response).unwrap();
        prop_assert_eq!(received.request_id(), Some(request_id.as_str()));
    }

    #[test]
    fn private_codes_round_trip_as_strings(detail in nasty_string()) {
        let error = Dynamic::Private(detail.clone());
        for format in ENVELOPES {
            let body = error.envelope(format).details_error_code(true).to_body();
            let received = ReceivedError::parse(403, &body).unwrap();
            prop_assert_eq!(received.code(), Some("tenant_suspended"));
            prop_assert_eq!(received.canonical(), None);
            prop_assert_eq!(received.message(), format!("suspended: {detail}"));
            prop_assert_eq!(received.error_type(), Some("permission_error"));
        }
    }

    #[test]
    fn every_canonical_code_round_trips_with_any_request_id(
        index in 0..ErrorCode::ALL.len(),
        request_id in nasty_string(),
    ) {
        let code = ErrorCode::ALL[index];
        let response = code.envelope(Format::Anthropic).request_id(&request_id).details_error_code(true).to_http_response();
        let received = ReceivedError::from_response(&response).unwrap();
        prop_assert_eq!(received.canonical(), Some(code));
        prop_assert_eq!(received.message(), code.description());
        prop_assert_eq!(received.request_id(), Some(request_id.as_str()));
    }
}
