//! A bounded fuzz run of `ReceivedError::parse` that works on stable, in
//! the normal test suite (the cargo-fuzz target in `fuzz/` runs the same
//! function unbounded on nightly).
//!
//! Every input is checked against an oracle: the same rules written
//! independently over `serde_json::Value`. So the run asserts more than "no
//! panic": the parser accepts exactly the envelopes (and problem details)
//! the documented rules accept, with the same fields, and names the same
//! kind of problem.

use api_error_codes::{ApiError, ErrorCode, Format, ParseErrorKind, ReceivedError};
use proptest::prelude::*;
use serde_json::Value;

#[path = "fuzz_received/oracle.rs"]
mod oracle;

use oracle::{fields, oracle};

/// Parses `body` and checks the outcome against the oracle. Returns the
/// outcome for further checks.
fn check(body: &[u8]) -> Result<ReceivedError, ParseErrorKind> {
    let outcome = ReceivedError::parse(418, body);
    if let Err(error) = &outcome {
        // Every error explains itself in a bounded sentence.
        let text = error.to_string();
        assert!(!text.is_empty() && text.len() < 400, "{text}");
    }
    if let Ok(received) = &outcome {
        assert_eq!(received.status(), 418);
    }
    match (oracle(body), &outcome) {
        (Some(Ok(expected)), Ok(received)) => assert_eq!(fields(received), expected),
        (Some(Err(expected)), Err(error)) => match (expected, error.kind()) {
            // A duplicate key before the JSON breaks (which `Value` cannot
            // see) is what the parser reports first.
            (
                ParseErrorKind::InvalidJson | ParseErrorKind::Truncated,
                ParseErrorKind::DuplicateKey,
            ) => {}
            _ => assert_eq!(error.kind(), expected, "{error}"),
        },
        (None, Ok(_)) => {}
        // The body is UTF-8 JSON text the oracle could not read: any
        // verdict about its JSON or its shape is possible, not these two.
        (None, Err(error)) => assert!(
            !matches!(
                error.kind(),
                ParseErrorKind::Empty | ParseErrorKind::InvalidUtf8
            ),
            "{error}"
        ),
        (Some(expected), actual) => panic!(
            "oracle says {expected:?}, parser says {actual:?} for {:?}",
            String::from_utf8_lossy(&body[..body.len().min(500)])
        ),
    }
    outcome.map_err(|error| error.kind())
}

#[path = "fuzz_received/generators.rs"]
mod generators;

use generators::{any_json, apply, envelope_like, mutation, problem_like, valid_body};

// ---- The runs -----------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(body in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&body).ok();
        let _ = ReceivedError::parse_sse_event(200, &body);
    }

    #[test]
    fn arbitrary_json(value in any_json()) {
        check(&serde_json::to_vec(&value).unwrap()).ok();
    }

    #[test]
    fn envelope_shaped_objects(value in envelope_like(), pretty in any::<bool>()) {
        let body = if pretty {
            serde_json::to_vec_pretty(&value).unwrap()
        } else {
            serde_json::to_vec(&value).unwrap()
        };
        check(&body).ok();
    }

    #[test]
    fn problem_shaped_objects(value in problem_like()) {
        check(&serde_json::to_vec(&value).unwrap()).ok();
    }

    #[test]
    fn mutated_real_bodies(body in valid_body(), mutations in prop::collection::vec(mutation(), 1..4)) {
        let original = check(&body).expect("a body this crate writes parses");
        let mut mutated = body.clone();
        for mutation in &mutations {
            apply(&mut mutated, mutation);
        }
        let outcome = check(&mutated);
        if mutated == body {
            prop_assert_eq!(fields(&outcome.unwrap()), fields(&original));
        }
        // The same bytes as an SSE event (CR/LF in them may split lines).
        let mut event = b"event: error\ndata: ".to_vec();
        event.extend(&mutated);
        event.extend(b"\n\n");
        let _ = ReceivedError::parse_sse_event(200, &event);
    }

    #[test]
    fn duplicated_keys(first in envelope_like(), second in envelope_like()) {
        // Two envelopes merged key by key into one object: JSON with every
        // key of `first` repeated by `second`.
        let (Value::Object(first), Value::Object(second)) = (first, second) else { unreachable!() };
        let mut body = serde_json::to_vec(&first).unwrap();
        let tail = serde_json::to_vec(&second).unwrap();
        if !first.is_empty() && !second.is_empty() {
            body.pop();
            body.push(b',');
            body.extend(&tail[1..]);
        }
        check(&body).ok();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn nesting_10_000_deep_anywhere(body in valid_body(), at in any::<prop::sample::Index>(), close in any::<bool>()) {
        let depth = 10_000;
        let mut deep = "[".repeat(depth);
        if close {
            deep.push_str(&"]".repeat(depth));
        }
        // As an extra key: valid when closed, truncated when not.
        let text = std::str::from_utf8(&body).unwrap();
        let end = if close { "}" } else { "" };
        let with_key = format!("{},\"deep\":{deep}{end}", &text[..text.len() - 1]);
        let outcome = check(with_key.as_bytes());
        if close {
            prop_assert!(outcome.is_ok());
        } else {
            prop_assert_eq!(outcome.unwrap_err(), ParseErrorKind::Truncated);
        }
        let in_message = format!(r#"{{"error":{{"message":{deep}}}}}"#);
        prop_assert!(check(in_message.as_bytes()).is_err());
        let mut spliced = body.clone();
        let at = at.index(spliced.len() + 1);
        spliced.splice(at..at, deep.bytes());
        // Inside a string it is just text; elsewhere the oracle decides.
        let _ = check(&spliced);
        let mut event = b"data: ".to_vec();
        event.extend(&spliced);
        let _ = ReceivedError::parse_sse_event(200, &event);
    }

    #[test]
    fn megabyte_bodies(code in prop::sample::select(ErrorCode::ALL), cut in any::<prop::sample::Index>(), filler in prop::sample::select(vec!["x", "\\n", "\u{e9}", "\\ud83d\\ude00", "\u{1f600}"])) {
        // A megabyte (`received/hostile_bodies.rs` parses seven once).
        let size = 1 << 20;
        let big_text = filler.repeat(size / filler.len());
        // A real envelope with a 1 MB message.
        let message_body = format!(
            r#"{{"error":{{"message":"{big_text}","type":"api_error","param":null,"code":"{}"}}}}"#,
            code.code()
        );
        let received = check(message_body.as_bytes()).unwrap();
        prop_assert_eq!(received.canonical(), Some(code));
        prop_assert!(received.message().len() >= size / 4);
        // 1 MB of junk next to a small envelope.
        let padded = format!(
            r#"{{"junk":["{big_text}",{{"a":[1,2,3]}}],"type":"error","error":{{"type":"api_error","message":"m","details":{{"error_code":"{}"}}}}}}"#,
            code.code()
        );
        let received = check(padded.as_bytes()).unwrap();
        prop_assert_eq!(received.code(), Some(code.code()));
        // Cut anywhere: an error, never a panic.
        let cut = cut.index(padded.len());
        prop_assert!(check(&padded.as_bytes()[..cut]).is_err());
        // 1 MB of a single number or of whitespace.
        let number = format!(r#"{{"error":{{"message":"m","code":{}}}}}"#, "9".repeat(size));
        let _ = check(number.as_bytes());
        let blank = " ".repeat(size);
        prop_assert_eq!(check(blank.as_bytes()).unwrap_err(), ParseErrorKind::Empty);
    }
}

#[test]
fn the_oracle_and_the_parser_agree_on_every_canonical_body() {
    for &code in ErrorCode::ALL {
        for &format in Format::ALL {
            let body = code.envelope(format).details_error_code(true).to_body();
            let received = check(&body).unwrap();
            assert_eq!(received.canonical(), Some(code));
            assert_eq!(received.message(), code.message());
        }
    }
}
