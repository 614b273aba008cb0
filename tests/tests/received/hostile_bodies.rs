//! Hostile bodies: each error says what was wrong.

use super::{error, parse};
use api_error_codes::{ErrorCode, JsonType, ParseErrorKind};

#[test]
fn empty_and_blank_bodies() {
    // A byte order mark is no content either.
    for body in [
        &b""[..],
        b" ",
        b"\r\n\t  \n",
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf \n",
    ] {
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
    // (`{"detail":"Not Found"}` has a problem details member: it reads as
    // `Format::Problem`, see problem_received.rs.)
    let error = error(br#"{"message":"Not Found"}"#);
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
    assert_eq!(received.canonical(), Some(ErrorCode::InternalError));

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
