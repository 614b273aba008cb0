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
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The accessors of a parsed error, comparable as one value.
#[derive(Debug, PartialEq)]
struct Fields {
    format: Format,
    code: Option<String>,
    message: String,
    error_type: Option<String>,
    param: Option<String>,
    request_id: Option<String>,
    doc_url: Option<String>,
    suggestion: Option<String>,
    provider: Option<String>,
    problem_type: Option<String>,
    title: Option<String>,
    instance: Option<String>,
    problem_status: Option<u16>,
    retryable: Option<bool>,
}

fn fields(received: &ReceivedError) -> Fields {
    Fields {
        format: received.format(),
        code: received.code().map(str::to_owned),
        message: received.message().to_owned(),
        error_type: received.error_type().map(str::to_owned),
        param: received.param().map(str::to_owned),
        request_id: received.request_id().map(str::to_owned),
        doc_url: received.doc_url().map(str::to_owned),
        suggestion: received.suggestion().map(str::to_owned),
        provider: received.provider().map(str::to_owned),
        problem_type: received.problem_type().map(str::to_owned),
        title: received.title().map(str::to_owned),
        instance: received.instance().map(str::to_owned),
        problem_status: received.problem_status(),
        retryable: received.retryable(),
    }
}

/// What the documented rules say about a body, or `None` when the oracle
/// cannot tell (see [`oracle`]).
type Verdict = Option<Result<Fields, ParseErrorKind>>;

/// The parsing rules of `ReceivedError::parse`, restated over
/// `serde_json::Value`.
///
/// `Value` is stricter than the parser in places the envelope does not
/// read: it has a recursion limit of 128 and range-checks every number, while
/// the parser skips unread values without recursing or converting. For
/// those bodies the oracle gives no verdict (the run still asserts no panic
/// and a sensible kind).
fn oracle(body: &[u8]) -> Verdict {
    let Ok(text) = std::str::from_utf8(body) else {
        return Some(Err(ParseErrorKind::InvalidUtf8));
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.bytes().all(|byte| b" \t\r\n".contains(&byte)) {
        return Some(Err(ParseErrorKind::Empty));
    }
    if serde_json::from_str::<Duplicates<0>>(text).is_ok_and(|found| found.0) {
        return Some(Err(ParseErrorKind::DuplicateKey));
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) if error.is_eof() => return Some(Err(ParseErrorKind::Truncated)),
        Err(error) => {
            let message = error.to_string();
            if message.contains("recursion limit") || message.contains("number out of range") {
                return None;
            }
            return Some(Err(ParseErrorKind::InvalidJson));
        }
    };
    Some(envelope_rules(&value))
}

fn envelope_rules(value: &Value) -> Result<Fields, ParseErrorKind> {
    use ParseErrorKind::*;
    let top = value.as_object().ok_or(NotAnObject)?;
    if is_problem(top) {
        return Ok(problem_rules(top));
    }
    let format = match top.get("type") {
        None | Some(Value::Null) => Format::OpenAi,
        Some(Value::String(text)) if text == "error" => Format::Anthropic,
        Some(Value::String(_)) => return Err(NotAnError),
        Some(_) => return Err(WrongType),
    };
    let error = match top.get("error") {
        None => return Err(MissingError),
        Some(Value::Object(error)) => error,
        Some(_) => return Err(WrongType),
    };
    let message = match error.get("message") {
        None => return Err(MissingField),
        Some(Value::String(message)) => message.clone(),
        Some(_) => return Err(WrongType),
    };
    let details_code = match error.get("details") {
        None | Some(Value::Null) => None,
        Some(Value::Object(details)) => code(details.get("error_code"))?,
        Some(_) => return Err(WrongType),
    };
    let error_code = code(error.get("code"))?;
    let code = match format {
        Format::Anthropic => details_code.or(error_code),
        _ => error_code.or(details_code),
    };
    Ok(Fields {
        format,
        code,
        message,
        error_type: string(error.get("type"))?,
        param: string(error.get("param"))?,
        request_id: string(top.get("request_id"))?,
        doc_url: string(error.get("doc_url"))?,
        suggestion: string(error.get("suggestion"))?,
        provider: string(error.get("provider"))?,
        problem_type: None,
        title: None,
        instance: None,
        problem_status: None,
        retryable: None,
    })
}

/// Problem details: neither envelope (`type` is not `"error"`, and there
/// is no `error` key unless `type` is some other value), with a string
/// `title` or `detail` or a number `status`.
fn is_problem(top: &Map<String, Value>) -> bool {
    let envelope = match top.get("type") {
        Some(Value::String(text)) => text == "error",
        None | Some(Value::Null) => top.contains_key("error"),
        Some(_) => false,
    };
    let has = |key: &str, is: fn(&Value) -> bool| top.get(key).is_some_and(is);
    !envelope
        && (has("title", Value::is_string)
            || has("detail", Value::is_string)
            || has("status", Value::is_number))
}

/// RFC 9457's reading: members of the wrong type count as absent.
fn problem_rules(top: &Map<String, Value>) -> Fields {
    let text = |key: &str| top.get(key).and_then(Value::as_str).map(str::to_owned);
    let title = text("title");
    let detail = text("detail");
    Fields {
        format: Format::Problem,
        code: match top.get("code") {
            Some(value @ (Value::String(_) | Value::Number(_))) => code(Some(value)).unwrap(),
            _ => None,
        },
        message: detail.or_else(|| title.clone()).unwrap_or_default(),
        error_type: None,
        param: text("param"),
        request_id: text("request_id"),
        doc_url: None,
        suggestion: text("suggestion"),
        provider: None,
        problem_type: Some(text("type").unwrap_or_else(|| "about:blank".to_owned())),
        title,
        instance: text("instance"),
        problem_status: top
            .get("status")
            .and_then(Value::as_f64)
            .filter(|status| status.fract() == 0.0 && (100.0..=599.0).contains(status))
            .map(|status| status as u16),
        retryable: top.get("retryable").and_then(Value::as_bool),
    }
}

fn string(value: Option<&Value>) -> Result<Option<String>, ParseErrorKind> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(ParseErrorKind::WrongType),
    }
}

fn code(value: Option<&Value>) -> Result<Option<String>, ParseErrorKind> {
    match value {
        Some(Value::Number(number)) => Ok(Some(match (number.as_u64(), number.as_i64()) {
            (Some(unsigned), _) => unsigned.to_string(),
            (None, Some(signed)) => signed.to_string(),
            (None, None) => number.as_f64().unwrap_or(f64::NAN).to_string(),
        })),
        other => string(other),
    }
}

/// The keys the parser reads in the objects it reads: the top level, an
/// `error` object in it, a `details` object in that.
const READ_KEYS: [&[&str]; 3] = [
    &[
        "type",
        "error",
        "request_id",
        "title",
        "detail",
        "status",
        "instance",
        "code",
        "param",
        "retryable",
        "suggestion",
        "provider",
    ],
    &[
        "message",
        "type",
        "param",
        "code",
        "doc_url",
        "suggestion",
        "provider",
        "details",
    ],
    &["error_code"],
];

/// Whether one of the objects the parser reads gives one of the keys it
/// reads twice (`serde_json::Value` keeps only the last, so it cannot
/// tell). `DEPTH` indexes [`READ_KEYS`].
struct Duplicates<const DEPTH: usize>(bool);

impl<'de, const DEPTH: usize> serde::Deserialize<'de> for Duplicates<DEPTH> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DuplicatesVisitor::<DEPTH>)
    }
}

struct DuplicatesVisitor<const DEPTH: usize>;

impl<'de, const DEPTH: usize> Visitor<'de> for DuplicatesVisitor<DEPTH> {
    type Value = Duplicates<DEPTH>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut seen = HashSet::new();
        let mut found = false;
        while let Some(key) = map.next_key::<String>()? {
            found |= READ_KEYS[DEPTH].contains(&key.as_str()) && !seen.insert(key.clone());
            found |= match (DEPTH, key.as_str()) {
                (0, "error") => map.next_value::<Duplicates<1>>()?.0,
                (1, "details") => map.next_value::<Duplicates<2>>()?.0,
                _ => map.next_value::<IgnoredAny>().map(|_| false)?,
            };
        }
        Ok(Duplicates(found))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Duplicates(false))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Duplicates(false))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Duplicates(false))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Duplicates(false))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Duplicates(false))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Duplicates(false))
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Duplicates(false))
    }
}

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
        assert_eq!(
            received.canonical(),
            received.code().and_then(ErrorCode::from_code)
        );
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
