//! A bounded fuzz run of `ReceivedError::parse` that works on stable, in
//! the normal test suite (the cargo-fuzz target in `fuzz/` runs the same
//! function unbounded on nightly).
//!
//! Every input is checked against an oracle: the same rules written
//! independently over `serde_json::Value`. So the run asserts more than "no
//! panic": the parser accepts exactly the envelopes the documented rules
//! accept, with the same fields, and names the same kind of problem.

use error_codes::{ApiError, ErrorCode, Format, ParseErrorKind, ReceivedError};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

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
    if body.iter().all(|byte| b" \t\r\n".contains(byte)) {
        return Some(Err(ParseErrorKind::Empty));
    }
    let Ok(text) = std::str::from_utf8(body) else {
        return Some(Err(ParseErrorKind::InvalidUtf8));
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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
        Format::OpenAi => error_code.or(details_code),
        Format::Anthropic => details_code.or(error_code),
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
    })
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
            received.known(),
            received.code().and_then(ErrorCode::from_code)
        );
    }
    match (oracle(body), &outcome) {
        (Some(Ok(expected)), Ok(received)) => assert_eq!(fields(received), expected),
        (Some(Err(expected)), Err(error)) => assert_eq!(error.kind(), expected, "{error}"),
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

// ---- Generators -------------------------------------------------------------

fn any_scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,16}".prop_map(Value::String),
        prop::sample::select(ErrorCode::ALL).prop_map(|code| Value::String(code.code().to_owned())),
    ]
}

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    any_scalar().prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((".{0,6}", inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// A field's value: mostly right, often wrong, sometimes absent.
fn slot(right: impl Strategy<Value = Value> + 'static) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        4 => right.prop_map(Some),
        1 => Just(Some(Value::Null)),
        1 => any_json().prop_map(Some),
        1 => Just(None),
    ]
}

fn text() -> impl Strategy<Value = Value> {
    ".{0,24}".prop_map(Value::String)
}

fn insert(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        map.insert(key.to_owned(), value);
    }
}

/// Envelope-shaped objects in which every field the parser reads may be
/// right, null, absent or of any other type, among random extra keys.
fn envelope_like() -> impl Strategy<Value = Value> {
    let error = (
        slot(text()),
        slot(text()),
        slot(text()),
        slot(prop_oneof![text(), any::<i64>().prop_map(Value::from)]),
        slot(text()),
        slot(text()),
        slot(text()),
        slot(slot(text()).prop_map(|code| {
            let mut details = Map::new();
            insert(&mut details, "error_code", code);
            Value::Object(details)
        })),
        prop::collection::vec(("[a-z_]{1,8}", any_json()), 0..3),
    )
        .prop_map(
            |(message, error_type, param, code, doc_url, suggestion, provider, details, extra)| {
                let mut error: Map<String, Value> = extra.into_iter().collect();
                insert(&mut error, "message", message);
                insert(&mut error, "type", error_type);
                insert(&mut error, "param", param);
                insert(&mut error, "code", code);
                insert(&mut error, "doc_url", doc_url);
                insert(&mut error, "suggestion", suggestion);
                insert(&mut error, "provider", provider);
                insert(&mut error, "details", details);
                Value::Object(error)
            },
        );
    (
        slot(error),
        prop_oneof![
            2 => Just(None),
            2 => Just(Some(json!("error"))),
            1 => any_scalar().prop_map(Some),
        ],
        slot(text()),
        prop::collection::vec(("[a-z_]{1,8}", any_json()), 0..3),
    )
        .prop_map(|(error, envelope_type, request_id, extra)| {
            let mut top: Map<String, Value> = extra.into_iter().collect();
            insert(&mut top, "error", error);
            insert(&mut top, "type", envelope_type);
            insert(&mut top, "request_id", request_id);
            Value::Object(top)
        })
}

/// A real body this crate writes, with any options.
fn valid_body() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::sample::select(ErrorCode::ALL),
        prop::sample::select(Format::ALL.to_vec()),
        any::<bool>(),
        proptest::option::of(".{0,12}"),
    )
        .prop_map(|(code, format, details, request_id)| {
            let mut envelope = code.envelope(format).details_error_code(details);
            if let Some(request_id) = &request_id {
                envelope = envelope.request_id(request_id);
            }
            envelope.to_body()
        })
}

#[derive(Clone, Debug)]
enum Mutation {
    Truncate(prop::sample::Index),
    FlipBit(prop::sample::Index, u8),
    SetByte(prop::sample::Index, u8),
    Insert(prop::sample::Index, Vec<u8>),
    Remove(prop::sample::Index, prop::sample::Index),
    Duplicate(prop::sample::Index, prop::sample::Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let special = prop::sample::select(b"{}[]\":,\\ \n0-ue\xff\xc3\x00".to_vec());
    prop_oneof![
        any::<prop::sample::Index>().prop_map(Mutation::Truncate),
        (any::<prop::sample::Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit(at, bit)),
        (
            any::<prop::sample::Index>(),
            prop_oneof![special.clone(), any::<u8>()]
        )
            .prop_map(|(at, byte)| Mutation::SetByte(at, byte)),
        (
            any::<prop::sample::Index>(),
            prop::collection::vec(special, 1..6)
        )
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        (any::<prop::sample::Index>(), any::<prop::sample::Index>())
            .prop_map(|(at, len)| Mutation::Remove(at, len)),
        (any::<prop::sample::Index>(), any::<prop::sample::Index>())
            .prop_map(|(at, len)| Mutation::Duplicate(at, len)),
    ]
}

fn apply(body: &mut Vec<u8>, mutation: &Mutation) {
    if body.is_empty() {
        return;
    }
    match mutation {
        Mutation::Truncate(at) => body.truncate(at.index(body.len())),
        Mutation::FlipBit(at, bit) => {
            let at = at.index(body.len());
            body[at] ^= 1 << bit;
        }
        Mutation::SetByte(at, byte) => {
            let at = at.index(body.len());
            body[at] = *byte;
        }
        Mutation::Insert(at, bytes) => {
            let at = at.index(body.len() + 1);
            body.splice(at..at, bytes.iter().copied());
        }
        Mutation::Remove(at, len) => {
            let at = at.index(body.len());
            let end = at + len.index(body.len() - at + 1);
            body.drain(at..end);
        }
        Mutation::Duplicate(at, len) => {
            let at = at.index(body.len());
            let end = at + len.index(body.len() - at + 1);
            let copy = body[at..end].to_vec();
            body.splice(end..end, copy);
        }
    }
}

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
    fn duplicated_keys_count_with_their_last_value(first in envelope_like(), second in envelope_like()) {
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
    fn five_megabyte_bodies(code in prop::sample::select(ErrorCode::ALL), cut in any::<prop::sample::Index>(), filler in prop::sample::select(vec!["x", "\\n", "\u{e9}", "\\ud83d\\ude00", "\u{1f600}"])) {
        let size = 5 << 20;
        let big_text = filler.repeat(size / filler.len());
        // A real envelope with a 5 MB message.
        let message_body = format!(
            r#"{{"error":{{"message":"{big_text}","type":"api_error","param":null,"code":"{}"}}}}"#,
            code.code()
        );
        let received = check(message_body.as_bytes()).unwrap();
        prop_assert_eq!(received.known(), Some(code));
        prop_assert!(received.message().len() >= size / 4);
        // 5 MB of junk next to a small envelope.
        let padded = format!(
            r#"{{"junk":["{big_text}",{{"a":[1,2,3]}}],"type":"error","error":{{"type":"api_error","message":"m","details":{{"error_code":"{}"}}}}}}"#,
            code.code()
        );
        let received = check(padded.as_bytes()).unwrap();
        prop_assert_eq!(received.code(), Some(code.code()));
        // Cut anywhere: an error, never a panic.
        let cut = cut.index(padded.len());
        prop_assert!(check(&padded.as_bytes()[..cut]).is_err());
        // 5 MB of a single number or of whitespace.
        let number = format!(r#"{{"error":{{"message":"m","code":{}}}}}"#, "9".repeat(size));
        let _ = check(number.as_bytes());
        let blank = " ".repeat(size);
        prop_assert_eq!(check(blank.as_bytes()).unwrap_err(), ParseErrorKind::Empty);
    }
}

#[test]
fn the_oracle_and_the_parser_agree_on_every_canonical_body() {
    for &code in ErrorCode::ALL {
        for format in Format::ALL {
            let body = code.envelope(format).details_error_code(true).to_body();
            let received = check(&body).unwrap();
            assert_eq!(received.known(), Some(code));
            assert_eq!(received.message(), code.message());
        }
    }
}
