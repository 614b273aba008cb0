//! Bodies as real servers send them: every field of both formats read.

use super::{error, parse};
use api_error_codes::{ErrorCode, Format, ParseErrorKind, ReceivedError};

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
    assert_eq!(received.canonical(), Some(ErrorCode::InsufficientQuota));
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
    assert_eq!(received.canonical(), None);
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
    assert_eq!(received.canonical(), None);
    assert_eq!(received.to_string(), "400 quantum_flux_exceeded: m");

    // Case matters, as in `ErrorCode::from_code`.
    let received = parse(br#"{"error":{"message":"m","code":"Rate_Limit_Exceeded"}}"#).unwrap();
    assert_eq!(received.canonical(), None);
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

/// Clients disagree on which of a key given twice counts (JavaScript's
/// `JSON.parse` takes the last), so a key the parser reads given twice is
/// an error that says which; a key it does not read may repeat.
#[test]
fn a_key_read_twice_is_an_error() {
    for (body, key) in [
        (&br#"{"error":{"message":"first","message":"last"}}"#[..], "message"),
        (br#"{"error":{"message":"m"},"error":{"message":"n"}}"#, "error"),
        (br#"{"type":"message","type":"error","error":{"message":"m"}}"#, "type"),
        (br#"{"type":"error","error":{"message":"m","details":{"error_code":"a","error_code":"b"}}}"#, "error_code"),
        (br#"{"title":"t","title":"u"}"#, "title"),
    ] {
        let error = error(body);
        assert_eq!(error.kind(), ParseErrorKind::DuplicateKey);
        assert!(
            error.to_string().starts_with(&format!("the body gives a key twice: duplicate field `{key}` at line 1 column ")),
            "{error}"
        );
        assert!(std::error::Error::source(&error).is_some());
    }
    let received =
        parse(br#"{"id":1,"id":2,"error":{"message":"m","extra":1,"extra":2}}"#).unwrap();
    assert_eq!(received.message(), "m");
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
    assert_eq!(received.canonical(), Some(ErrorCode::RateLimitExceeded));
}

#[test]
fn a_byte_order_mark_and_surrounding_whitespace_are_accepted() {
    let received = parse(b"\xef\xbb\xbf \r\n\t{\"error\":{\"message\":\"m\"}}\n\n").unwrap();
    assert_eq!(received.message(), "m");
}
