//! Fuzzes `ReceivedError::parse` and `ReceivedError::parse_sse_event`:
//! neither may panic, and whatever parses must survive a round trip.
#![no_main]

use api_error_codes::{Format, ReceivedError};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    if let Ok(received) = ReceivedError::parse(200, data) {
        // Everything read, written again in the same format, reads the same.
        let again = match received.format() {
            Format::OpenAi => json!({
                "error": {
                    "message": received.message(),
                    "type": received.error_type(),
                    "param": received.param(),
                    "code": received.code(),
                    "doc_url": received.doc_url(),
                    "suggestion": received.suggestion(),
                    "provider": received.provider(),
                },
                "request_id": received.request_id(),
            }),
            Format::Anthropic => json!({
                "type": "error",
                "error": {
                    "type": received.error_type(),
                    "message": received.message(),
                    "param": received.param(),
                    "doc_url": received.doc_url(),
                    "suggestion": received.suggestion(),
                    "provider": received.provider(),
                    "details": { "error_code": received.code() },
                },
                "request_id": received.request_id(),
            }),
            Format::Problem => json!({
                "type": received.problem_type(),
                "title": received.title(),
                "status": received.problem_status(),
                "detail": received.message(),
                "instance": received.instance(),
                "code": received.code(),
                "param": received.param(),
                "retryable": received.retryable(),
                "request_id": received.request_id(),
                "suggestion": received.suggestion(),
                "provider": received.provider(),
            }),
            other => panic!("a format this target does not rebuild: {other:?}"),
        };
        let body = serde_json::to_vec(&again).expect("a Value serializes");
        assert_eq!(ReceivedError::parse(200, &body).as_ref(), Ok(&received));
    }
    let _ = ReceivedError::parse_sse_event(200, data);
});
