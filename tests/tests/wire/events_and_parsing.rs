//! SSE framing, and every output parsed back: code, message, param, and
//! no wrapped error's text on the wire.

use super::*;

/// Exactly one event: the right prefix, one `data:` line, `\n\n` at the
/// end and nowhere else, and no raw CR or LF inside the JSON.
pub(crate) fn assert_one_event(event: &[u8], format: Format) -> Vec<u8> {
    let prefix: &[u8] = match format {
        Format::OpenAi => b"data: ",
        Format::Anthropic => b"event: error\ndata: ",
        other => not_an_envelope(other),
    };
    assert!(
        event.starts_with(prefix),
        "{:?}",
        String::from_utf8_lossy(event)
    );
    assert!(event.ends_with(b"\n\n"));
    let json = &event[prefix.len()..event.len() - 2];
    assert!(
        !json.contains(&b'\n') && !json.contains(&b'\r'),
        "raw CR/LF inside the data line"
    );
    let line_breaks = event.iter().filter(|&&byte| byte == b'\n').count();
    assert_eq!(
        line_breaks,
        prefix.iter().filter(|&&b| b == b'\n').count() + 2
    );
    json.to_vec()
}

#[test]
fn every_sse_event_is_exactly_one_event_with_the_body() {
    for &code in ErrorCode::ALL {
        for format in ENVELOPES {
            let event = code.to_sse_event(format);
            let json = assert_one_event(&event, format);
            assert_eq!(json, code.to_body(format), "{code:?} {format:?}");

            let received = ReceivedError::parse_sse_event(200, &event).unwrap();
            assert_eq!(received.format(), format);
            assert_eq!(received.message(), code.description());
            assert_eq!(received.status(), 200);
        }
    }
}

#[test]
fn parsing_every_output_gives_back_the_code_and_message() {
    for &code in ErrorCode::ALL {
        for format in ENVELOPES {
            // Anthropic carries the code only with `details.error_code`.
            let envelope = code
                .envelope(format)
                .details_error_code(true)
                .request_id("req_rt");
            // OpenAI's body has no request id; only the response header has it.
            let body_request_id = match format {
                Format::OpenAi => None,
                Format::Anthropic => Some("req_rt"),
                other => not_an_envelope(other),
            };
            let outputs = [
                (
                    ReceivedError::parse(code.status(), &envelope.to_body()).unwrap(),
                    body_request_id,
                ),
                (
                    ReceivedError::from_response(&envelope.to_http_response()).unwrap(),
                    Some("req_rt"),
                ),
                (
                    ReceivedError::parse_sse_event(200, &envelope.to_sse_event()).unwrap(),
                    body_request_id,
                ),
            ];
            for (received, request_id) in outputs {
                assert_eq!(received.format(), format);
                assert_eq!(received.code(), Some(code.code()), "{code:?} {format:?}");
                assert_eq!(received.canonical(), Some(code));
                assert_eq!(received.message(), code.description());
                assert_eq!(received.error_type(), Some(expected_type(code, format)));
                assert_eq!(received.param(), None);
                assert_eq!(received.request_id(), request_id);
            }

            // Without the opt-in the Anthropic body still gives the message
            // and type, but honestly no code.
            let plain = ReceivedError::parse(code.status(), &code.to_body(format)).unwrap();
            assert_eq!(plain.message(), code.description());
            assert_eq!(plain.error_type(), Some(expected_type(code, format)));
            match format {
                Format::OpenAi => assert_eq!(plain.canonical(), Some(code)),
                Format::Anthropic => assert_eq!(plain.code(), None),
                other => not_an_envelope(other),
            }
        }
    }
}

#[derive(Debug, ApiError)]
enum WithParam {
    #[api_error(code = "invalid_parameter_value", message = "bad value for {field}", param = field)]
    BadValue { field: String },
}

#[test]
fn param_is_carried_and_parsed_back() {
    let error = WithParam::BadValue {
        field: "temperature".into(),
    };
    let body = text(error.to_body(Format::OpenAi));
    assert_eq!(
        body,
        r#"{"error":{"message":"bad value for temperature","type":"invalid_request_error","param":"temperature","code":"invalid_parameter_value"}}"#
    );
    let received = ReceivedError::parse(400, body.as_bytes()).unwrap();
    assert_eq!(received.param(), Some("temperature"));
    assert_eq!(received.message(), "bad value for temperature");
}

/// A user error that wraps a database-like failure whose `Display` holds a
/// secret, with thiserror's log text beside the derive. Only the declared
/// message may reach the client.
#[derive(Debug, thiserror::Error, ApiError)]
enum StorageError {
    #[error("storage: {0}")]
    #[api_error(code = "internal_error")]
    Io(#[source] std::io::Error),
    #[error("{provider}: {source}")]
    #[api_error(code = "upstream_error", message = "upstream {provider} failed")]
    Upstream {
        provider: &'static str,
        source: std::io::Error,
    },
    #[error("storage: {0}")]
    #[api_error(
        code = "storage_failed",
        status = 500,
        message = "Storage is unavailable"
    )]
    Private(#[source] std::io::Error),
}

const SECRET: &str = "postgres://admin:hunter2@db.internal:5432";

fn leaky() -> std::io::Error {
    std::io::Error::other(format!("connection to {SECRET} refused"))
}

#[test]
fn a_wrapped_errors_display_never_reaches_the_wire() {
    let errors = [
        StorageError::Io(leaky()),
        StorageError::Upstream {
            provider: "acme",
            source: leaky(),
        },
        StorageError::Private(leaky()),
    ];
    // The secret is really there, in `Display` and the source chain.
    for error in &errors {
        assert!(error.to_string().contains("hunter2"));
        let source = std::error::Error::source(error).unwrap();
        assert!(source.to_string().contains("hunter2"));
    }
    for error in &errors {
        assert!(!error.message().contains("hunter2"));
        for format in ENVELOPES {
            let envelope = error
                .envelope(format)
                .details_error_code(true)
                .request_id("req_s");
            let mut wire = envelope.to_body();
            wire.extend(envelope.to_sse_event());
            let response = envelope.to_http_response();
            for (name, value) in response.headers() {
                wire.extend(name.as_str().as_bytes());
                wire.extend(value.as_bytes());
            }
            wire.extend(response.body());
            let wire = String::from_utf8_lossy(&wire);
            for fragment in ["hunter2", "postgres://", "db.internal", "refused"] {
                assert!(!wire.contains(fragment), "{fragment} leaked in {wire}");
            }
        }
    }
    assert_eq!(errors[0].message(), "Unexpected server error");
    assert_eq!(errors[1].message(), "upstream acme failed");
    assert_eq!(errors[2].message(), "Storage is unavailable");
}
