//! `ReceivedError`: what it accepts from real servers, and the precise error
//! for every hostile body.

use error_codes::{
    ApiError, ErrorCode, Format, JsonType, ParseError, ParseErrorKind, ReceivedError,
};

fn parse(body: &[u8]) -> Result<ReceivedError, ParseError> {
    ReceivedError::parse(400, body)
}

fn error(body: &[u8]) -> ParseError {
    match parse(body) {
        Ok(received) => panic!("{:?} parsed as {received:?}", String::from_utf8_lossy(body)),
        Err(error) => error,
    }
}

// ---- Real bodies ----------------------------------------------------------

#[test]
fn openai_bodies_as_openai_sends_them() {
    let received = ReceivedError::parse(
        429,
        br#"{
    "error": {
        "message": "You exceeded your current quota, please check your plan and billing details.",
        "type": "insufficient_quota",
        "param": null,
        "code": "insufficient_quota"
    }
}
"#,
    )
    .unwrap();
    assert_eq!(received.format(), Format::OpenAi);
    assert_eq!(received.status(), 429);
    assert_eq!(received.code(), Some("insufficient_quota"));
    assert_eq!(received.known(), Some(ErrorCode::InsufficientQuota));
    assert_eq!(received.error_type(), Some("insufficient_quota"));
    assert_eq!(received.param(), None);
    assert_eq!(received.request_id(), None);
    assert!(received
        .message()
        .starts_with("You exceeded your current quota"));
}

#[test]
fn anthropic_bodies_as_anthropic_sends_them() {
    let received = ReceivedError::parse(
        529,
        br#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}"#,
    )
    .unwrap();
    assert_eq!(received.format(), Format::Anthropic);
    assert_eq!(received.error_type(), Some("overloaded_error"));
    assert_eq!(received.message(), "Overloaded");
    assert_eq!(received.code(), None);
    assert_eq!(received.known(), None);
    assert_eq!(received.request_id(), Some("req_011CSHoEeqs5C35K2UUqR7Fy"));
    assert_eq!(
        received.to_string(),
        "529 overloaded_error: Overloaded",
        "Display falls back to the type"
    );
}

#[test]
fn unknown_codes_are_kept_as_strings() {
    let received =
        parse(br#"{"error":{"message":"m","type":"x","code":"quantum_flux_exceeded"}}"#).unwrap();
    assert_eq!(received.code(), Some("quantum_flux_exceeded"));
    assert_eq!(received.known(), None);
    assert_eq!(received.to_string(), "400 quantum_flux_exceeded: m");

    // Case matters, as in `ErrorCode::from_code`.
    let received = parse(br#"{"error":{"message":"m","code":"Rate_Limit_Exceeded"}}"#).unwrap();
    assert_eq!(received.known(), None);
}

#[test]
fn numeric_codes_are_kept_as_decimal_strings() {
    for (json, code) in [
        ("123", "123"),
        ("-7", "-7"),
        ("0", "0"),
        ("18446744073709551615", "18446744073709551615"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("1.5", "1.5"),
    ] {
        let body = format!(r#"{{"error":{{"message":"m","code":{json}}}}}"#);
        assert_eq!(parse(body.as_bytes()).unwrap().code(), Some(code), "{json}");
        let body = format!(
            r#"{{"type":"error","error":{{"type":"t","message":"m","details":{{"error_code":{json}}}}}}}"#
        );
        assert_eq!(parse(body.as_bytes()).unwrap().code(), Some(code), "{json}");
    }
}

#[test]
fn huge_numbers_do_not_panic() {
    // Beyond u64: kept as the nearest f64's decimal text.
    let received =
        parse(br#"{"error":{"message":"m","code":123456789012345678901234567890}}"#).unwrap();
    let code = received.code().unwrap();
    assert!(code.starts_with("12345678901234568"), "{code}");
    // Beyond f64: serde_json refuses the number.
    let error = error(br#"{"error":{"message":"m","code":1e400}}"#);
    assert_eq!(error.kind(), ParseErrorKind::InvalidJson);
    assert!(error.to_string().contains("number out of range"), "{error}");
    // In a skipped field, any number is fine.
    let body = format!(
        r#"{{"error":{{"message":"m","extra":1{}}}}}"#,
        "0".repeat(100_000)
    );
    assert_eq!(parse(body.as_bytes()).unwrap().message(), "m");
}

#[test]
fn every_field_of_both_formats_is_read() {
    let openai = parse(
        br#"{"error":{"message":"m","type":"t","param":"p","code":"c","doc_url":"https://d","suggestion":"s"}}"#,
    )
    .unwrap();
    assert_eq!(
        (
            openai.message(),
            openai.error_type(),
            openai.param(),
            openai.code(),
            openai.doc_url(),
            openai.suggestion()
        ),
        (
            "m",
            Some("t"),
            Some("p"),
            Some("c"),
            Some("https://d"),
            Some("s")
        )
    );

    let anthropic = parse(
        br#"{"type":"error","error":{"type":"t","message":"m","details":{"error_code":"c","other":[1]}},"request_id":"r"}"#,
    )
    .unwrap();
    assert_eq!(
        (
            anthropic.format(),
            anthropic.error_type(),
            anthropic.message(),
            anthropic.code(),
            anthropic.request_id()
        ),
        (Format::Anthropic, Some("t"), "m", Some("c"), Some("r"))
    );
}

#[test]
fn each_format_prefers_its_own_code_and_falls_back_to_the_other() {
    let both = |envelope_type: &str| {
        format!(
            r#"{{{envelope_type}"error":{{"message":"m","code":"openai_place","details":{{"error_code":"anthropic_place"}}}}}}"#
        )
    };
    assert_eq!(
        parse(both("").as_bytes()).unwrap().code(),
        Some("openai_place")
    );
    assert_eq!(
        parse(both(r#""type":"error","#).as_bytes()).unwrap().code(),
        Some("anthropic_place")
    );
    let anthropic_with_code =
        parse(br#"{"type":"error","error":{"type":"t","message":"m","code":"c"}}"#).unwrap();
    assert_eq!(anthropic_with_code.code(), Some("c"));
    let openai_with_details =
        parse(br#"{"error":{"message":"m","details":{"error_code":"c"}}}"#).unwrap();
    assert_eq!(openai_with_details.code(), Some("c"));
}

#[test]
fn optional_fields_may_be_null_or_absent() {
    let minimal = parse(br#"{"error":{"message":"m"}}"#).unwrap();
    let nulls = parse(
        br#"{"type":null,"request_id":null,"error":{"message":"m","type":null,"param":null,"code":null,"doc_url":null,"suggestion":null,"details":null}}"#,
    )
    .unwrap();
    assert_eq!(minimal, nulls);
    assert_eq!(minimal.error_type(), None);
    assert_eq!(minimal.code(), None);
    assert_eq!(minimal.to_string(), "400 error: m");
    let empty_details = parse(br#"{"type":"error","error":{"message":"m","details":{}}}"#).unwrap();
    assert_eq!(empty_details.code(), None);
}

#[test]
fn unknown_keys_are_ignored_at_every_level() {
    let received = parse(
        br#"{"id":1,"error":{"message":"m","extra":{"message":"not this"},"list":[{"code":"no"}]},"message":"nor this","nested":{"error":{"message":"nope"}}}"#,
    )
    .unwrap();
    assert_eq!(received.message(), "m");
    assert_eq!(received.code(), None);
}

#[test]
fn duplicate_keys_count_with_their_last_value() {
    let received = parse(
        br#"{"error":{"message":"first","code":"a","message":"last","code":"b"},"error":{"message":"second error","code":"c"}}"#,
    )
    .unwrap();
    assert_eq!(received.message(), "second error");
    assert_eq!(received.code(), Some("c"));
    let anthropic = parse(br#"{"type":"message","type":"error","error":{"message":"m"}}"#).unwrap();
    assert_eq!(anthropic.format(), Format::Anthropic);
}

#[test]
fn escapes_in_keys_and_values_are_decoded() {
    let received = parse(
        br#"{"\u0065rror":{"mess\u0061ge":"tab\there \"quoted\" \u2028 \ud83d\ude00 caf\u00e9","code":"rate_limit_\u0065xceeded"}}"#,
    )
    .unwrap();
    assert_eq!(
        received.message(),
        "tab\there \"quoted\" \u{2028} \u{1f600} caf\u{e9}"
    );
    assert_eq!(received.known(), Some(ErrorCode::RateLimitExceeded));
}

#[test]
fn a_byte_order_mark_and_surrounding_whitespace_are_accepted() {
    let received = parse(b"\xef\xbb\xbf \r\n\t{\"error\":{\"message\":\"m\"}}\n\n").unwrap();
    assert_eq!(received.message(), "m");
}

// ---- Hostile bodies: each error says what was wrong ------------------------

#[test]
fn empty_and_blank_bodies() {
    for body in [&b""[..], b" ", b"\r\n\t  \n"] {
        let error = error(body);
        assert_eq!(error.kind(), ParseErrorKind::Empty);
        assert_eq!(error.to_string(), "the body is empty");
        assert_eq!((error.path(), error.found()), (None, None));
    }
}

#[test]
fn invalid_utf8_names_the_offset() {
    let error = error(b"{\"error\":{\"message\":\"caf\xe9\"}}");
    assert_eq!(error.kind(), ParseErrorKind::InvalidUtf8);
    assert_eq!(
        error.to_string(),
        "the body is not UTF-8: invalid byte sequence at byte offset 24"
    );
    // A lone surrogate escape is valid UTF-8 text but not a valid string.
    let error = self::error(br#"{"error":{"message":"\ud800"}}"#);
    assert_eq!(error.kind(), ParseErrorKind::InvalidJson);
}

#[test]
fn truncated_bodies_at_every_byte() {
    let body = br#"{"type":"error","error":{"type":"api_error","message":"m","details":{"error_code":"internal_error"}},"request_id":"r"}"#;
    for end in 1..body.len() {
        let cut = &body[..end];
        let error = error(cut);
        assert!(
            matches!(
                error.kind(),
                ParseErrorKind::Truncated | ParseErrorKind::InvalidJson
            ),
            "{:?}: {error}",
            String::from_utf8_lossy(cut)
        );
        if error.kind() == ParseErrorKind::Truncated {
            assert!(
                error
                    .to_string()
                    .starts_with("the body ends before the JSON is complete: EOF while parsing"),
                "{error}"
            );
        }
    }
    let error = error(br#"{"error":{"message":"m""#);
    assert_eq!(error.kind(), ParseErrorKind::Truncated);
    assert_eq!(
        error.to_string(),
        "the body ends before the JSON is complete: EOF while parsing an object at line 1 column 23"
    );
}

#[test]
fn non_json_bodies() {
    for (body, kind) in [
        (
            &b"<html><body>502 Bad Gateway</body></html>"[..],
            ParseErrorKind::InvalidJson,
        ),
        (b"upstream connect error", ParseErrorKind::InvalidJson),
        (b"{'error': {'message': 'm'}}", ParseErrorKind::InvalidJson),
        (
            br#"{"error":{"message":"m"}}{"error":{}}"#,
            ParseErrorKind::InvalidJson,
        ),
        (
            br#"{"error":{"message":"m",}}"#,
            ParseErrorKind::InvalidJson,
        ),
        (b"NaN", ParseErrorKind::InvalidJson),
    ] {
        let error = error(body);
        assert_eq!(error.kind(), kind, "{}", String::from_utf8_lossy(body));
        assert!(
            error
                .to_string()
                .starts_with("the body is not valid JSON: "),
            "{error}"
        );
        assert!(error.to_string().contains(" at line 1 column "), "{error}");
    }
}

#[test]
fn json_that_is_not_an_object() {
    for (body, found, text) in [
        (
            &b"null"[..],
            JsonType::Null,
            "the body is null, expected a JSON object",
        ),
        (
            b"false",
            JsonType::Bool,
            "the body is a boolean, expected a JSON object",
        ),
        (
            b"-12.5e3",
            JsonType::Number,
            "the body is a number, expected a JSON object",
        ),
        (
            b"\"Internal Server Error\"",
            JsonType::String,
            "the body is a string, expected a JSON object",
        ),
        (
            br#"[{"error":{"message":"m"}}]"#,
            JsonType::Array,
            "the body is an array, expected a JSON object",
        ),
    ] {
        let error = error(body);
        assert_eq!(error.kind(), ParseErrorKind::NotAnObject);
        assert_eq!(error.found(), Some(found));
        assert_eq!(error.to_string(), text);
    }
}

#[test]
fn objects_that_are_not_error_envelopes() {
    let error = error(br#"{"detail":"Not Found"}"#);
    assert_eq!(error.kind(), ParseErrorKind::MissingError);
    assert_eq!(error.path(), Some("error"));
    assert_eq!(error.to_string(), "the body has no `error` key");

    let error = self::error(br#"{"type":"message_start","message":{"id":"msg_1"}}"#);
    assert_eq!(error.kind(), ParseErrorKind::NotAnError);
    assert_eq!(error.path(), Some("type"));
    assert_eq!(
        error.to_string(),
        "`type` is \"message_start\", not \"error\": not an error body"
    );

    // A server-chosen string in an error message is cut short.
    let long = format!(
        r#"{{"type":"{}","error":{{"message":"m"}}}}"#,
        "x".repeat(10_000)
    );
    let error = self::error(long.as_bytes());
    assert_eq!(error.kind(), ParseErrorKind::NotAnError);
    assert!(error.to_string().len() < 120, "{error}");

    let error = self::error(br#"{"type":7,"error":{"message":"m"}}"#);
    assert_eq!(error.kind(), ParseErrorKind::WrongType);
    assert_eq!(error.to_string(), "`type` is a number, expected a string");
}

#[test]
fn missing_message() {
    for body in [
        &br#"{"error":{}}"#[..],
        br#"{"type":"error","error":{"type":"api_error"}}"#,
    ] {
        let error = error(body);
        assert_eq!(error.kind(), ParseErrorKind::MissingField);
        assert_eq!(error.path(), Some("error.message"));
        assert_eq!(error.to_string(), "`error.message` is missing");
    }
}

#[test]
fn wrong_types_name_the_path_and_the_type_found() {
    let cases: [(&[u8], &str, JsonType, &str); 14] = [
        (
            br#"{"error":"boom"}"#,
            "error",
            JsonType::String,
            "`error` is a string, expected an object",
        ),
        (
            br#"{"error":null}"#,
            "error",
            JsonType::Null,
            "`error` is null, expected an object",
        ),
        (
            br#"{"error":[]}"#,
            "error",
            JsonType::Array,
            "`error` is an array, expected an object",
        ),
        (
            br#"{"error":{"message":null}}"#,
            "error.message",
            JsonType::Null,
            "`error.message` is null, expected a string",
        ),
        (
            br#"{"error":{"message":42}}"#,
            "error.message",
            JsonType::Number,
            "`error.message` is a number, expected a string",
        ),
        (
            br#"{"error":{"message":{"text":"m"}}}"#,
            "error.message",
            JsonType::Object,
            "`error.message` is an object, expected a string",
        ),
        (
            br#"{"error":{"message":["m"]}}"#,
            "error.message",
            JsonType::Array,
            "`error.message` is an array, expected a string",
        ),
        (
            br#"{"error":{"message":"m","type":false}}"#,
            "error.type",
            JsonType::Bool,
            "`error.type` is a boolean, expected a string or null",
        ),
        (
            br#"{"error":{"message":"m","param":1}}"#,
            "error.param",
            JsonType::Number,
            "`error.param` is a number, expected a string or null",
        ),
        (
            br#"{"error":{"message":"m","code":true}}"#,
            "error.code",
            JsonType::Bool,
            "`error.code` is a boolean, expected a string, a number or null",
        ),
        (
            br#"{"error":{"message":"m","doc_url":{}}}"#,
            "error.doc_url",
            JsonType::Object,
            "`error.doc_url` is an object, expected a string or null",
        ),
        (
            br#"{"error":{"message":"m","suggestion":[]}}"#,
            "error.suggestion",
            JsonType::Array,
            "`error.suggestion` is an array, expected a string or null",
        ),
        (
            br#"{"type":"error","error":{"message":"m","details":"x"}}"#,
            "error.details",
            JsonType::String,
            "`error.details` is a string, expected an object",
        ),
        (
            br#"{"type":"error","error":{"message":"m","details":{"error_code":[]}}}"#,
            "error.details.error_code",
            JsonType::Array,
            "`error.details.error_code` is an array, expected a string, a number or null",
        ),
    ];
    for (body, path, found, text) in cases {
        let error = error(body);
        assert_eq!(error.kind(), ParseErrorKind::WrongType, "{text}");
        assert_eq!(error.path(), Some(path));
        assert_eq!(error.found(), Some(found));
        assert_eq!(error.to_string(), text);
    }
    let error = error(br#"{"type":"error","error":{"message":"m"},"request_id":5}"#);
    assert_eq!(
        error.to_string(),
        "`request_id` is a number, expected a string or null"
    );
}

#[test]
fn deep_nesting_never_overflows_the_stack() {
    let depth = 100_000;
    let deep = |open: &str, middle: &str, close: &str| {
        format!("{}{middle}{}", open.repeat(depth), close.repeat(depth))
    };

    // Where the envelope has no field, any depth is skipped without recursion.
    let body = format!(
        r#"{{"error":{{"message":"m","extra":{}}},"more":{}}}"#,
        deep("[", "", "]"),
        deep(r#"{"a":"#, "null", "}")
    );
    assert_eq!(parse(body.as_bytes()).unwrap().message(), "m");

    // As the body or in a field's place, it is the wrong type.
    assert_eq!(
        error(deep("[", "", "]").as_bytes()).found(),
        Some(JsonType::Array)
    );
    let body = format!(r#"{{"error":{}}}"#, deep("[", "", "]"));
    assert_eq!(error(body.as_bytes()).path(), Some("error"));
    let body = format!(
        r#"{{"error":{{"message":{}}}}}"#,
        deep(r#"{"m":"#, "1", "}")
    );
    let message_deep = error(body.as_bytes());
    assert_eq!(message_deep.path(), Some("error.message"));
    assert_eq!(message_deep.found(), Some(JsonType::Object));

    // Unclosed: truncated.
    let body = format!(r#"{{"error":{{"message":"m","x":{}"#, "[".repeat(depth));
    assert_eq!(error(body.as_bytes()).kind(), ParseErrorKind::Truncated);
}

#[test]
fn megabyte_bodies() {
    let big = "\u{1f600}\"\\\n".repeat(1 << 20); // 7 MiB of text, escaped larger
    let body = serde_json::to_vec(
        &serde_json::json!({"error": {"message": big, "code": "internal_error"}}),
    )
    .unwrap();
    assert!(body.len() > 5 << 20);
    let received = parse(&body).unwrap();
    assert_eq!(received.message(), big);
    assert_eq!(received.known(), Some(ErrorCode::InternalError));

    // Megabytes of padding and junk around a small envelope.
    let padded = format!(
        r#"{{"padding":"{}","junk":[{}0],"error":{{"message":"m"}}}}"#,
        "x".repeat(5 << 20),
        "1,".repeat(1 << 20)
    );
    assert_eq!(parse(padded.as_bytes()).unwrap().message(), "m");
    let spaces = format!(
        "{}{{\"error\":{{\"message\":\"m\"}}}}{}",
        " ".repeat(5 << 20),
        "\n".repeat(5 << 20)
    );
    assert_eq!(parse(spaces.as_bytes()).unwrap().message(), "m");
}

#[test]
fn parse_errors_are_std_errors_and_comparable() {
    let error: Box<dyn std::error::Error + Send + Sync> = Box::new(self::error(b"[]"));
    assert_eq!(
        error.to_string(),
        "the body is an array, expected a JSON object"
    );
    assert!(error.source().is_none());
    assert_eq!(self::error(b"[]"), self::error(b"[1]"));
    assert_ne!(self::error(b"[]"), self::error(b"{}"));
}

// ---- SSE events -----------------------------------------------------------

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
    assert_eq!(openai.known(), Some(ErrorCode::UpstreamError));
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
    for format in Format::ALL {
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
            assert_eq!(received.known(), Some(ErrorCode::UpstreamError));
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
