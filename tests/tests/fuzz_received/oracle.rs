//! The oracle of `fuzz_received.rs`: the parsing rules of
//! `ReceivedError::parse`, written again independently over
//! `serde_json::Value`.

use api_error_codes::{Format, ParseErrorKind, ReceivedError};
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The accessors of a parsed error, comparable as one value.
#[derive(Debug, PartialEq)]
pub(crate) struct Fields {
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

pub(crate) fn fields(received: &ReceivedError) -> Fields {
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
pub(crate) type Verdict = Option<Result<Fields, ParseErrorKind>>;

/// The parsing rules of `ReceivedError::parse`, restated over
/// `serde_json::Value`.
///
/// `Value` is stricter than the parser in places the envelope does not
/// read: it has a recursion limit of 128 and range-checks every number, while
/// the parser skips unread values without recursing or converting. For
/// those bodies the oracle gives no verdict (the run still asserts no panic
/// and a sensible kind).
pub(crate) fn oracle(body: &[u8]) -> Verdict {
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
