//! SSE events, and reading a whole `http::Response`.

use api_error_codes::{ApiError, ErrorCode, Format, ParseErrorKind, ReceivedError};

#[test]
fn sse_events_follow_the_specification() {
    let body = r#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#;
    for event in [
        format!("event: error\ndata: {body}\n\n"),
        format!("event: error\r\ndata: {body}\r\n\r\n"),
        format!("event: error\rdata: {body}\r\r"),
        format!("event:error\ndata:{body}"),
        format!(": keep-alive\n\nid: 7\nretry: 1000\nevent: error\ndata: {body}\n\nevent: ping\ndata: {{}}\n\n"),
        // A data field split over lines is joined with LF (JSON whitespace).
        "event: error\ndata: {\"type\":\"error\",\ndata: \"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n".to_owned(),
    ] {
        let received = ReceivedError::parse_sse_event(200, event.as_bytes())
            .unwrap_or_else(|error| panic!("{event:?}: {error}"));
        assert_eq!(received.format(), Format::Anthropic);
        assert_eq!(received.message(), "Overloaded");
        assert_eq!(received.status(), 200);
    }
    let openai = ReceivedError::parse_sse_event(
        200,
        br#"data: {"error":{"message":"m","type":"api_error","param":null,"code":"upstream_error"}}

"#,
    )
    .unwrap();
    assert_eq!(openai.canonical(), Some(ErrorCode::UpstreamError));
}

#[test]
fn sse_errors() {
    let cases: [(&[u8], ParseErrorKind, &str); 6] = [
        (
            b"",
            ParseErrorKind::NoData,
            "the SSE event has no `data` field",
        ),
        (
            b": comment only\n\n",
            ParseErrorKind::NoData,
            "the SSE event has no `data` field",
        ),
        (
            b"event: error\n\ndata: {}\n\n",
            ParseErrorKind::MissingError,
            "the body has no `error` key",
        ),
        (
            b"event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
            ParseErrorKind::NotAnError,
            "the SSE event is named \"message_stop\", not \"error\"",
        ),
        (
            b"data: [DONE]\n\n",
            ParseErrorKind::InvalidJson,
            "the body is not valid JSON: expected value at line 1 column 2",
        ),
        (
            b"data: \xff\n\n",
            ParseErrorKind::InvalidUtf8,
            "the body is not UTF-8: invalid byte sequence at byte offset 6",
        ),
    ];
    for (event, kind, text) in cases {
        let error = ReceivedError::parse_sse_event(200, event).unwrap_err();
        assert_eq!(error.kind(), kind, "{}", String::from_utf8_lossy(event));
        assert_eq!(error.to_string(), text);
    }
    // An event whose data is empty carries no envelope: it is skipped like
    // a keep-alive, and a stream of nothing else has no data.
    let error = ReceivedError::parse_sse_event(200, b"data: \n\n").unwrap_err();
    assert_eq!(error.kind(), ParseErrorKind::NoData);
}

#[test]
fn an_sse_event_with_empty_data_is_skipped_for_the_next() {
    for &format in Format::ALL {
        let error_event = ErrorCode::UpstreamError
            .envelope(format)
            .details_error_code(true)
            .to_sse_event();
        for empty in [
            &b"data:\n\n"[..],
            b"data: \n\n",
            b"event: error\ndata:\r\n\r\n",
            b"data:\rdata:\r\r",
        ] {
            let stream = [empty, &error_event[..]].concat();
            let received = ReceivedError::parse_sse_event(200, &stream)
                .unwrap_or_else(|error| panic!("{}: {error}", String::from_utf8_lossy(&stream)));
            assert_eq!(received.format(), format);
            assert_eq!(received.canonical(), Some(ErrorCode::UpstreamError));
        }
    }
}

#[test]
fn from_response_reads_the_request_id_header_when_the_body_has_none() {
    let response = http::Response::builder()
        .status(503)
        .header("x-request-id", "req_header")
        .body(br#"{"error":{"message":"m"}}"#.to_vec())
        .unwrap();
    let received = ReceivedError::from_response(&response).unwrap();
    assert_eq!(
        (received.status(), received.request_id()),
        (503, Some("req_header"))
    );

    // The body's id wins; the header of the other format is not read.
    let response = http::Response::builder()
        .status(500)
        .header("request-id", "req_header")
        .header("x-request-id", "req_other")
        .body(br#"{"type":"error","error":{"message":"m"},"request_id":"req_body"}"#.to_vec())
        .unwrap();
    assert_eq!(
        ReceivedError::from_response(&response)
            .unwrap()
            .request_id(),
        Some("req_body")
    );
    let response = http::Response::builder()
        .status(500)
        .header("x-request-id", "req_other")
        .body(br#"{"type":"error","error":{"message":"m"}}"#.to_vec())
        .unwrap();
    assert_eq!(
        ReceivedError::from_response(&response)
            .unwrap()
            .request_id(),
        None
    );
}
