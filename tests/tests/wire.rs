//! Every canonical code, in both LLM API envelopes, on the wire: body
//! shape and bytes, HTTP response, SSE framing, and parsing it back
//! (problem details have `problem.rs` and `problem_received.rs`).

use error_codes::{
    AnthropicEnvelope, ApiError, ErrorCode, Format, OpenAiEnvelope, ReceivedError,
    CLIENT_CLOSED_REQUEST,
};
use serde_json::Value;
use std::time::Duration;

/// The two envelopes this file checks.
const ENVELOPES: [Format; 2] = [Format::OpenAi, Format::Anthropic];

/// For the `_` arm `Format` (non-exhaustive) needs: this file renders
/// only [`ENVELOPES`].
fn not_an_envelope(format: Format) -> ! {
    panic!("{format:?} is not one of the envelopes wire.rs checks")
}

/// A JSON string literal, as serde_json writes it.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// The mapping table of `error_codes::Format`'s docs, written out again
/// independently of the implementation.
fn documented_type(format: Format, status: u16) -> &'static str {
    match (format, status) {
        (_, 401) => "authentication_error",
        (Format::Anthropic, 402) => "billing_error",
        (_, 403) => "permission_error",
        (_, 404) => "not_found_error",
        (Format::Anthropic, 409) => "conflict_error",
        (Format::Anthropic, 413) => "request_too_large",
        (_, 429) => "rate_limit_error",
        (_, 0) | (_, 400..=499) => "invalid_request_error",
        (Format::Anthropic, 503 | 529) => "overloaded_error",
        (Format::Anthropic, 504) => "timeout_error",
        _ => "api_error",
    }
}

/// The type a canonical code has on the wire: the table, except for the
/// two documented billing overrides.
fn expected_type(code: ErrorCode, format: Format) -> &'static str {
    match (code, format) {
        (ErrorCode::BudgetExhausted | ErrorCode::InsufficientQuota, Format::Anthropic) => {
            "billing_error"
        }
        _ => documented_type(format, code.status()),
    }
}

/// The exact body, key by key, in order.
fn expected_body(code: ErrorCode, format: Format) -> String {
    match format {
        Format::OpenAi => format!(
            r#"{{"error":{{"message":{},"type":{},"param":null,"code":{}}}}}"#,
            quoted(code.description()),
            quoted(expected_type(code, format)),
            quoted(code.code()),
        ),
        Format::Anthropic => format!(
            r#"{{"type":"error","error":{{"type":{},"message":{}}},"request_id":null}}"#,
            quoted(expected_type(code, format)),
            quoted(code.description()),
        ),
        other => not_an_envelope(other),
    }
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("the output is UTF-8")
}

#[test]
fn default_types_follow_the_documented_table_for_every_status() {
    for format in ENVELOPES {
        for status in 0..=999 {
            assert_eq!(
                format.default_type(status),
                documented_type(format, status),
                "{format:?} {status}"
            );
        }
    }
}

#[test]
fn every_body_has_the_exact_shape_of_its_format() {
    for &code in ErrorCode::ALL {
        for format in ENVELOPES {
            let body = text(code.to_body(format));
            assert_eq!(body, expected_body(code, format), "{code:?} {format:?}");

            let json: Value = serde_json::from_str(&body).unwrap();
            match format {
                Format::OpenAi => {
                    let error = json["error"].as_object().unwrap();
                    assert_eq!(json.as_object().unwrap().len(), 1);
                    assert_eq!(error.len(), 4, "message, type, param, code");
                    assert_eq!(error["code"], code.code());
                    assert_eq!(error["param"], Value::Null);
                    assert_eq!(error["message"], code.description());
                    assert_eq!(error["type"], code.openai_type());
                }
                Format::Anthropic => {
                    assert_eq!(json.as_object().unwrap().len(), 3);
                    assert_eq!(json["type"], "error");
                    assert_eq!(json["request_id"], Value::Null);
                    let error = json["error"].as_object().unwrap();
                    assert_eq!(error.len(), 2, "type and message, no code");
                    assert!(!error.contains_key("code"));
                    assert_eq!(error["message"], code.description());
                    assert_eq!(error["type"], code.anthropic_type());
                }
                other => not_an_envelope(other),
            }
        }
    }
}

#[test]
fn anthropic_details_error_code_is_opt_in() {
    for &code in ErrorCode::ALL {
        let body = text(
            code.envelope(Format::Anthropic)
                .details_error_code(true)
                .request_id("req_1")
                .to_body(),
        );
        assert_eq!(
            body,
            format!(
                r#"{{"type":"error","error":{{"type":{},"message":{},"details":{{"error_code":{}}}}},"request_id":"req_1"}}"#,
                quoted(expected_type(code, Format::Anthropic)),
                quoted(code.description()),
                quoted(code.code()),
            )
        );
        // No effect on OpenAI, which always has `code`.
        assert_eq!(
            code.envelope(Format::OpenAi)
                .details_error_code(true)
                .to_body(),
            code.to_body(Format::OpenAi)
        );
    }
}

#[test]
fn doc_url_and_suggestion_are_off_unless_set_and_openai_only() {
    for &code in ErrorCode::ALL {
        let url = format!("https://errors.example/{}", code.code());
        let body = text(
            code.envelope(Format::OpenAi)
                .doc_url(&url)
                .suggestion("Try \"again\"\nlater")
                .to_body(),
        );
        let without_close = expected_body(code, Format::OpenAi);
        let prefix = &without_close[..without_close.len() - 2];
        assert_eq!(
            body,
            format!(
                r#"{prefix},"doc_url":{},"suggestion":{}}}}}"#,
                quoted(&url),
                quoted("Try \"again\"\nlater")
            )
        );
        let anthropic = code
            .envelope(Format::Anthropic)
            .doc_url(&url)
            .suggestion("x")
            .to_body();
        assert_eq!(anthropic, code.to_body(Format::Anthropic));
    }
}

#[test]
fn bodies_equal_serde_json_of_the_envelope_structs() {
    for &code in ErrorCode::ALL {
        let plain = code.envelope(Format::OpenAi);
        let full = code
            .envelope(Format::OpenAi)
            .doc_url("https://x.test/\u{e9}")
            .suggestion("line\r\nbreak");
        for envelope in [plain, full] {
            let structs = OpenAiEnvelope::from(envelope);
            assert_eq!(serde_json::to_vec(&structs).unwrap(), envelope.to_body());
            let back: OpenAiEnvelope = serde_json::from_slice(&envelope.to_body()).unwrap();
            assert_eq!(back, structs);
        }

        let plain = code.envelope(Format::Anthropic);
        let full = code
            .envelope(Format::Anthropic)
            .request_id("req_\u{2028}\"x\"")
            .details_error_code(true);
        for envelope in [plain, full] {
            let structs = AnthropicEnvelope::from(envelope);
            assert_eq!(serde_json::to_vec(&structs).unwrap(), envelope.to_body());
            let back: AnthropicEnvelope = serde_json::from_slice(&envelope.to_body()).unwrap();
            assert_eq!(back, structs);
        }
    }
}

#[test]
fn every_response_has_status_body_and_headers() {
    for &code in ErrorCode::ALL {
        for format in ENVELOPES {
            let response = code.to_http_response(format);
            let expected_status = match code.status() {
                0 => 499,
                status => status,
            };
            assert_eq!(response.status().as_u16(), expected_status, "{code:?}");
            let headers = response.headers();
            assert_eq!(headers["content-type"], "application/json");
            assert_eq!(
                headers["x-should-retry"],
                if code.is_retryable() { "true" } else { "false" },
                "{code:?}"
            );
            assert!(
                headers.get("retry-after").is_none(),
                "{code:?} has no delay"
            );
            assert!(headers.get("retry-after-ms").is_none());
            assert!(headers.get("x-request-id").is_none());
            assert!(headers.get("request-id").is_none());
            assert_eq!(headers.len(), 2, "{headers:?}");
            assert_eq!(response.body(), &code.to_body(format));
        }
    }
}

/// Status 0 (`client_disconnected`) never panics: it renders as 499,
/// nginx's "client closed request", with the ordinary body.
#[test]
fn status_zero_renders_as_499_client_closed_request() {
    assert_eq!(CLIENT_CLOSED_REQUEST.as_u16(), 499);
    for format in ENVELOPES {
        let response = ErrorCode::ClientDisconnected.to_http_response(format);
        assert_eq!(response.status(), CLIENT_CLOSED_REQUEST);
        let received = ReceivedError::from_response(&response).unwrap();
        assert_eq!(received.status(), 499);
        assert_eq!(
            received.message(),
            "Client closed the connection before the response completed"
        );
        assert_eq!(received.error_type(), Some("invalid_request_error"));
    }
}

#[derive(Debug, ApiError)]
enum Delayed {
    #[api_error(code = "rate_limit_exceeded", retry_after = wait)]
    Limited { wait: Duration },
    #[api_error(code = "service_unavailable", retry_after = 0)]
    Busy(u64),
    #[api_error(code = "upstream_timeout", retry_after = 0)]
    Maybe(Option<Duration>),
}

#[test]
fn a_delay_sets_retry_after_in_whole_seconds_and_retry_after_ms() {
    let cases = [
        (
            Delayed::Limited {
                wait: Duration::from_millis(1),
            },
            Some(("1", "1")),
        ),
        (
            Delayed::Limited {
                wait: Duration::from_millis(999),
            },
            Some(("1", "999")),
        ),
        (
            Delayed::Limited {
                wait: Duration::from_millis(1000),
            },
            Some(("1", "1000")),
        ),
        (
            Delayed::Limited {
                wait: Duration::from_millis(1001),
            },
            Some(("2", "1001")),
        ),
        (
            Delayed::Limited {
                wait: Duration::ZERO,
            },
            Some(("0", "0")),
        ),
        (Delayed::Busy(30), Some(("30", "30000"))),
        (Delayed::Maybe(None), None),
        (
            Delayed::Maybe(Some(Duration::from_micros(1500))),
            Some(("1", "2")),
        ),
    ];
    for (error, expected) in cases {
        for format in ENVELOPES {
            let response = error.to_http_response(format);
            let headers = response.headers();
            assert_eq!(headers["x-should-retry"], "true");
            match expected {
                Some((seconds, millis)) => {
                    assert_eq!(headers["retry-after"], seconds, "{error:?}");
                    assert_eq!(headers["retry-after-ms"], millis, "{error:?}");
                }
                None => {
                    assert!(headers.get("retry-after").is_none());
                    assert!(headers.get("retry-after-ms").is_none());
                }
            }
        }
    }
}

#[test]
fn the_request_id_goes_where_each_sdk_reads_it() {
    for &code in ErrorCode::ALL {
        let openai = code
            .envelope(Format::OpenAi)
            .request_id("req_abc")
            .to_http_response();
        assert_eq!(openai.headers()["x-request-id"], "req_abc");
        assert!(openai.headers().get("request-id").is_none());
        // OpenAI's body has no request id.
        assert_eq!(openai.body(), &code.to_body(Format::OpenAi));

        let anthropic = code
            .envelope(Format::Anthropic)
            .request_id("req_abc")
            .to_http_response();
        assert_eq!(anthropic.headers()["request-id"], "req_abc");
        assert!(anthropic.headers().get("x-request-id").is_none());
        let json: Value = serde_json::from_slice(anthropic.body()).unwrap();
        assert_eq!(json["request_id"], "req_abc");
    }
}

#[test]
fn a_request_id_cannot_inject_headers_or_break_the_body() {
    let hostile = "req_1\r\nSet-Cookie: session=stolen\r\n\r\n{\"x\":1}\u{0}\u{7f}caf\u{e9}%";
    for format in ENVELOPES {
        let response = ErrorCode::InvalidRequest
            .envelope(format)
            .request_id(hostile)
            .to_http_response();
        let headers = response.headers();
        assert!(headers.get("set-cookie").is_none());
        let value = headers[format.request_id_header()].as_bytes();
        assert!(
            value.iter().all(|byte| (0x21..0x7f).contains(byte)),
            "{value:?} is visible ASCII only"
        );
        assert_eq!(
            headers[format.request_id_header()],
            "req_1%0D%0ASet-Cookie:%20session=stolen%0D%0A%0D%0A{\"x\":1}%00%7Fcaf%C3%A9%25"
        );
        let received = ReceivedError::parse(400, response.body()).unwrap();
        match format {
            Format::OpenAi => assert_eq!(received.request_id(), None),
            Format::Anthropic => assert_eq!(received.request_id(), Some(hostile)),
            other => not_an_envelope(other),
        }
        // The SSE form stays one event too.
        let event = ErrorCode::InvalidRequest
            .envelope(format)
            .request_id(hostile)
            .to_sse_event();
        assert_one_event(&event, format);
    }
}

/// Exactly one event: the right prefix, one `data:` line, `\n\n` at the
/// end and nowhere else, and no raw CR or LF inside the JSON.
fn assert_one_event(event: &[u8], format: Format) -> Vec<u8> {
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
                assert_eq!(received.known(), Some(code));
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
                Format::OpenAi => assert_eq!(plain.known(), Some(code)),
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
/// secret. Only the declared message may reach the client.
#[derive(Debug, ApiError)]
enum StorageError {
    #[api_error(code = "internal_error")]
    Io(std::io::Error),
    #[api_error(code = "upstream_error", message = "upstream {provider} failed")]
    Upstream {
        provider: &'static str,
        source: std::io::Error,
    },
    #[api_error(code = "storage_failed", status = 500)]
    /// Storage is unavailable
    Private(std::io::Error),
}

/// As `thiserror` would write it: the inner error's text, secret included.
impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Io(error) | StorageError::Private(error) => write!(f, "storage: {error}"),
            StorageError::Upstream { provider, source } => write!(f, "{provider}: {source}"),
        }
    }
}

impl std::error::Error for StorageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StorageError::Io(error) | StorageError::Private(error) => Some(error),
            StorageError::Upstream { source, .. } => Some(source),
        }
    }
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
