//! Errors in a Responses API stream: one `error` event and one
//! `response.failed` event, whatever the message.

use api_error_codes::{ApiError, ErrorCode, ResponsesStreamError};
use serde_json::{Map, Value};

#[test]
fn hostile_messages_stay_inside_one_event() {
    #[derive(Debug, ApiError)]
    #[api_error(code = "upstream_error", message = "bad {0}")]
    struct Hostile(String);

    let error = Hostile("\n\ndata: {\"injected\":1}\r\n\"".to_owned());
    let events = ResponsesStreamError::new(&error, 1).to_sse_events(&Map::new());
    let text = String::from_utf8(events).unwrap();
    // Two events: each one `event:` line and one `data:` line.
    assert_eq!(text.matches("\n\n").count(), 2);
    for event in text.split_terminator("\n\n") {
        let lines: Vec<&str> = event.lines().collect();
        assert_eq!(lines.len(), 2, "{event:?}");
        let data: Value = serde_json::from_str(lines[1].strip_prefix("data: ").unwrap())
            .expect("the data is one JSON object");
        assert!(data.is_object());
    }
}

#[test]
fn sequence_numbers_follow_on_and_saturate() {
    let event =
        ResponsesStreamError::new(&ErrorCode::InternalError, u64::MAX).failed_event(&Map::new());
    let text = String::from_utf8(event).unwrap();
    assert!(text.contains(&format!("\"sequence_number\":{}", u64::MAX)));
}

#[test]
fn params_are_carried_in_both_shapes() {
    #[derive(Debug, ApiError)]
    #[api_error(code = "context_length_exceeded", param = "input")]
    struct TooLong;

    let event = ResponsesStreamError::new(&TooLong, 0).error_event();
    let text = String::from_utf8(event).unwrap();
    let data: Value = serde_json::from_str(
        text.strip_prefix("event: error\ndata: ")
            .unwrap()
            .trim_end(),
    )
    .unwrap();
    assert_eq!(data["param"], "input");
    assert_eq!(data["error"]["param"], "input");
    assert_eq!(data["error"]["type"], "invalid_request_error");
}
