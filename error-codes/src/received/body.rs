//! An error body's shape, read with serde: the OpenAI and Anthropic
//! envelopes and RFC 9457 problem details share one top level. Each member
//! is kept with its JSON type, so a member of the wrong type is reported
//! by its path (envelopes) or ignored (problem details, as the RFC says).

use super::parse_error::{JsonType, ParseError, Repr};
use super::{ProblemMembers, ReceivedError};
use crate::Format;
use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// One member's value: a scalar whole, an object read into `T`, an array
/// only as its type. What is not read (unknown keys, array elements, an
/// object where a scalar belongs) is skipped by serde_json's iterative
/// skipper: nesting costs no stack, and nothing of it is stored.
#[derive(Default)]
pub(crate) enum Json<T = IgnoredAny> {
    /// The key is not there.
    #[default]
    Absent,
    Null,
    Bool(bool),
    /// A number, as its decimal text.
    Number(String),
    String(String),
    Array,
    Object(T),
}

/// The top level of a body.
#[derive(Default, Deserialize)]
#[serde(default)]
pub(crate) struct Top {
    #[serde(rename = "type")]
    kind: Json,
    error: Json<ErrorObject>,
    request_id: Json,
    // Problem details' members, and this crate's extension members.
    title: Json,
    detail: Json,
    status: Json,
    instance: Json,
    code: Json,
    param: Json,
    retryable: Json,
    suggestion: Json,
    provider: Json,
}

/// The `error` object of either envelope.
#[derive(Default, Deserialize)]
#[serde(default)]
struct ErrorObject {
    message: Json,
    #[serde(rename = "type")]
    kind: Json,
    param: Json,
    code: Json,
    doc_url: Json,
    suggestion: Json,
    provider: Json,
    details: Json<Details>,
}

/// Anthropic's `error.details`.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Details {
    error_code: Json,
}

/// The top-level object of `body`. Checks, in order: UTF-8, not empty (a
/// byte order mark and whitespace count as empty), JSON, an object.
pub(super) fn top(body: &[u8]) -> Result<Top, ParseError> {
    let text = utf8_text(body)?;
    if is_blank(text) {
        return Err(ParseError::new(Repr::Empty));
    }
    match serde_json::from_str(text).map_err(ParseError::from_json)? {
        Json::Object(top) => Ok(top),
        other => Err(ParseError::new(Repr::NotAnObject {
            found: other.json_type(),
        })),
    }
}

/// `bytes` as text, without a leading UTF-8 byte order mark.
pub(crate) fn utf8_text(bytes: &[u8]) -> Result<&str, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(error) => Err(ParseError::new(Repr::InvalidUtf8(error))),
    }
}

/// At most 64 characters of a server-chosen string, for error messages
/// that must stay short whatever the body holds.
pub(super) fn excerpt(text: &str) -> String {
    match text.char_indices().nth(64) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_owned(),
    }
}

/// Whether `text` is empty or only JSON whitespace.
pub(super) fn is_blank(text: &str) -> bool {
    text.trim_start_matches([' ', '\t', '\n', '\r']).is_empty()
}

impl Top {
    /// Whether this object is problem details rather than an envelope: no
    /// envelope's marks (a `type` of `"error"`, or no `type` and an `error`
    /// key), and a string `title` or `detail` or a number `status` (every
    /// member is optional in RFC 9457; requiring one of these keeps an
    /// event such as `{"type":"message_start"}` from reading as a problem).
    pub(crate) fn is_problem(&self) -> bool {
        let envelope = match &self.kind {
            Json::String(kind) => kind == "error",
            Json::Absent | Json::Null => !matches!(self.error, Json::Absent),
            _ => false,
        };
        !envelope
            && (matches!(self.title, Json::String(_))
                || matches!(self.detail, Json::String(_))
                || matches!(self.status, Json::Number(_)))
    }

    /// The OpenAI or Anthropic envelope this object is, received with
    /// HTTP status `status`: every member of its documented type.
    pub(crate) fn into_envelope(self, status: u16) -> Result<ReceivedError, ParseError> {
        let format = match self.kind {
            Json::Absent | Json::Null => Format::OpenAi,
            Json::String(kind) if kind == "error" => Format::Anthropic,
            Json::String(kind) => {
                let found = excerpt(&kind);
                return Err(ParseError::new(Repr::NotAnError {
                    field: "type",
                    found,
                }));
            }
            other => return Err(other.wrong_type("type", "a string")),
        };
        let error = match self.error {
            Json::Object(error) => error,
            Json::Absent => return Err(ParseError::new(Repr::MissingError)),
            other => return Err(other.wrong_type("error", "an object")),
        };
        let message = match error.message {
            Json::String(message) => message,
            Json::Absent => return Err(ParseError::new(Repr::MissingField("error.message"))),
            other => return Err(other.wrong_type("error.message", "a string")),
        };
        let details_code = match error.details {
            Json::Absent | Json::Null => None,
            Json::Object(details) => details.error_code.code("error.details.error_code")?,
            other => return Err(other.wrong_type("error.details", "an object")),
        };
        let error_code = error.code.code("error.code")?;
        let code = match format {
            Format::Anthropic => details_code.or(error_code),
            _ => error_code.or(details_code),
        };
        Ok(ReceivedError {
            format,
            status,
            code,
            message,
            error_type: error.kind.string("error.type")?,
            param: error.param.string("error.param")?,
            request_id: self.request_id.string("request_id")?,
            doc_url: error.doc_url.string("error.doc_url")?,
            suggestion: error.suggestion.string("error.suggestion")?,
            provider: error.provider.string("error.provider")?,
            problem: None,
        })
    }

    /// The problem this object describes, received with HTTP status
    /// `status`. Never fails: RFC 9457 says a member whose value has the
    /// wrong type is ignored, as if absent.
    pub(crate) fn into_problem(self, status: u16) -> ReceivedError {
        let title = self.title.lenient();
        let detail = self.detail.lenient();
        let members = ProblemMembers {
            problem_type: self
                .kind
                .lenient()
                .unwrap_or_else(|| "about:blank".to_owned()),
            title: title.clone(),
            instance: self.instance.lenient(),
            status: match self.status {
                Json::Number(number) => status_number(&number),
                _ => None,
            },
            retryable: match self.retryable {
                Json::Bool(retryable) => Some(retryable),
                _ => None,
            },
        };
        ReceivedError {
            format: Format::Problem,
            status,
            code: self.code.code("code").ok().flatten(),
            message: detail.or(title).unwrap_or_default(),
            error_type: None,
            param: self.param.lenient(),
            request_id: self.request_id.lenient(),
            doc_url: None,
            suggestion: self.suggestion.lenient(),
            provider: self.provider.lenient(),
            problem: Some(Box::new(members)),
        }
    }
}

impl<T> Json<T> {
    /// The JSON type of a present value.
    pub(crate) fn json_type(&self) -> JsonType {
        match self {
            Json::Absent | Json::Null => JsonType::Null,
            Json::Bool(_) => JsonType::Bool,
            Json::Number(_) => JsonType::Number,
            Json::String(_) => JsonType::String,
            Json::Array => JsonType::Array,
            Json::Object(_) => JsonType::Object,
        }
    }

    fn wrong_type(&self, path: &'static str, expected: &'static str) -> ParseError {
        let found = self.json_type();
        ParseError::new(Repr::WrongType {
            path,
            expected,
            found,
        })
    }

    /// An optional string: absent or `null` is `None`, another type an
    /// error.
    fn string(self, path: &'static str) -> Result<Option<String>, ParseError> {
        match self {
            Json::Absent | Json::Null => Ok(None),
            Json::String(text) => Ok(Some(text)),
            other => Err(other.wrong_type(path, "a string or null")),
        }
    }

    /// An optional code: a string, or a number kept as its decimal text.
    fn code(self, path: &'static str) -> Result<Option<String>, ParseError> {
        match self {
            Json::Absent | Json::Null => Ok(None),
            Json::String(text) | Json::Number(text) => Ok(Some(text)),
            other => Err(other.wrong_type(path, "a string, a number or null")),
        }
    }

    /// A problem details member: the string, or `None` whatever else it is.
    fn lenient(self) -> Option<String> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }
}

/// A `status` member's number as an HTTP status: a whole number from 100
/// to 599 (`404` or `404.0`), else `None`.
fn status_number(text: &str) -> Option<u16> {
    let whole = text.strip_suffix(".0").unwrap_or(text);
    (whole.parse::<u16>().ok()).filter(|status| (100..=599).contains(status))
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Json<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor(PhantomData))
    }
}

struct JsonVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for JsonVisitor<T> {
    type Value = Json<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json<T>, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json<T>, E> {
        Ok(Json::Bool(value))
    }

    fn visit_u64<E>(self, number: u64) -> Result<Json<T>, E> {
        Ok(Json::Number(number.to_string()))
    }

    fn visit_i64<E>(self, number: i64) -> Result<Json<T>, E> {
        Ok(Json::Number(number.to_string()))
    }

    fn visit_f64<E>(self, number: f64) -> Result<Json<T>, E> {
        Ok(Json::Number(number.to_string()))
    }

    fn visit_str<E>(self, text: &str) -> Result<Json<T>, E> {
        Ok(Json::String(text.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<T>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Json::Array)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Json<T>, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Json::Object)
    }
}
