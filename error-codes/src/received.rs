//! Error bodies received from a server, parsed back into a typed value.
//!
//! The parser reads the body with `serde_json` in one streaming pass into
//! small typed slots: the fields an envelope defines are kept, everything
//! else is skipped by `serde_json`'s non-recursive skipper. So a body nested
//! 100,000 levels deep cannot overflow the stack, megabytes of unknown
//! fields cost no memory, and every field that is present with the wrong
//! type is reported by its JSON path and the type found.

use crate::{ErrorCode, Format};
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// An error body received from an OpenAI- or Anthropic-format server,
/// parsed into a typed value.
///
/// [`parse`](Self::parse) recognises either envelope:
///
/// - OpenAI: `{"error":{"message","type","param","code"}}` (plus the
///   optional `doc_url` and `suggestion`);
/// - Anthropic: `{"type":"error","error":{"type","message","details"?:{"error_code"}},"request_id"}`.
///
/// A code this crate does not know (a newer server, a private code) is kept
/// as a string: [`code`](Self::code) returns it and [`known`](Self::known)
/// returns `None`. A numeric code (`"code": 123`) is kept as its decimal
/// string.
///
/// ```
/// use error_codes::{ApiError, ErrorCode, Format, ReceivedError};
///
/// // What a gateway sent...
/// let body = ErrorCode::BudgetExhausted.to_body(Format::OpenAi);
/// // ...is what a client gets back.
/// let received = ReceivedError::parse(429, &body).unwrap();
/// assert_eq!(received.format(), Format::OpenAi);
/// assert_eq!(received.known(), Some(ErrorCode::BudgetExhausted));
/// assert_eq!(received.message(), "Account or project budget reached");
/// assert_eq!(received.error_type(), Some("rate_limit_error"));
///
/// // A code from a newer server survives as a string.
/// let newer = br#"{"type":"error","error":{"type":"api_error","message":"slow down",
///     "details":{"error_code":"galaxy_brain_overheated"}},"request_id":"req_9"}"#;
/// let received = ReceivedError::parse(500, newer).unwrap();
/// assert_eq!(received.format(), Format::Anthropic);
/// assert_eq!(received.code(), Some("galaxy_brain_overheated"));
/// assert_eq!(received.known(), None);
/// assert_eq!(received.request_id(), Some("req_9"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedError {
    format: Format,
    status: u16,
    code: Option<String>,
    message: String,
    error_type: Option<String>,
    param: Option<String>,
    request_id: Option<String>,
    doc_url: Option<String>,
    suggestion: Option<String>,
}

impl ReceivedError {
    /// Parses an error body received with HTTP status `status`.
    ///
    /// The format is Anthropic when the top-level `type` is `"error"`, and
    /// OpenAI when there is no top-level `type` (or it is `null`). Both
    /// formats need an `error` object with a string `message`; every other
    /// field is optional, may be `null`, and must have its documented type
    /// when present. Unknown keys are ignored. A key given twice counts with
    /// its last value, as in JavaScript's `JSON.parse`. A UTF-8 byte order
    /// mark before the JSON is skipped.
    ///
    /// Never panics, whatever the bytes; see [`ParseError`] for what can be
    /// wrong. Values the envelope does not read are skipped by `serde_json`'s
    /// iterative skipper, so nesting costs neither stack nor memory: a body
    /// nested 100,000 levels deep in an unknown key parses, and one nested
    /// where a field belongs is that field's
    /// [`WrongType`](ParseErrorKind::WrongType). Megabytes of unknown keys
    /// are skipped without being stored.
    ///
    /// ```
    /// use error_codes::{ParseErrorKind, ReceivedError};
    ///
    /// let received = ReceivedError::parse(
    ///     400,
    ///     br#"{"error":{"message":"bad model","type":"invalid_request_error","param":"model","code":null}}"#,
    /// ).unwrap();
    /// assert_eq!(received.param(), Some("model"));
    /// assert_eq!(received.code(), None);
    ///
    /// let error = ReceivedError::parse(502, b"<html>Bad Gateway</html>").unwrap_err();
    /// assert_eq!(error.kind(), ParseErrorKind::InvalidJson);
    ///
    /// let error = ReceivedError::parse(400, br#"{"error":{"message":42}}"#).unwrap_err();
    /// assert_eq!(error.kind(), ParseErrorKind::WrongType);
    /// assert_eq!(error.to_string(), "`error.message` is a number, expected a string");
    /// ```
    pub fn parse(status: u16, body: &[u8]) -> Result<ReceivedError, ParseError> {
        if body.iter().all(|byte| is_json_whitespace(*byte)) {
            return Err(ParseError::new(Repr::Empty));
        }
        let text = match std::str::from_utf8(body) {
            Ok(text) => text,
            Err(error) => {
                return Err(ParseError::new(Repr::InvalidUtf8 {
                    valid_up_to: error.valid_up_to(),
                }))
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let top: Json<TopFields> = serde_json::from_str(text).map_err(ParseError::from_json)?;
        ReceivedError::from_top(status, top)
    }

    /// Parses one server-sent event carrying an error, as sent in the
    /// middle of a stream: `data: {envelope}` (OpenAI) or
    /// `event: error` + `data: {envelope}` (Anthropic).
    ///
    /// The event is read as the SSE specification says: lines end with LF,
    /// CRLF or CR; lines starting with `:` are comments; `data` lines are
    /// joined with LF; one space after the colon is dropped; `id` and
    /// `retry` are ignored. The first event with data is read; events
    /// before it without data (comments, keep-alives) are skipped, events
    /// after it ignored. An `event` name other than `error` is
    /// an error of kind [`ParseErrorKind::NotAnError`]. `status` is the
    /// stream's HTTP status (usually 200); the code's own status comes from
    /// [`known`](Self::known).
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode, Format, ParseErrorKind, ReceivedError};
    ///
    /// for format in Format::ALL {
    ///     let event = ErrorCode::UpstreamTimeout.envelope(format).details_error_code(true).to_sse_event();
    ///     let received = ReceivedError::parse_sse_event(200, &event).unwrap();
    ///     assert_eq!(received.format(), format);
    ///     assert_eq!(received.known(), Some(ErrorCode::UpstreamTimeout));
    /// }
    ///
    /// let error = ReceivedError::parse_sse_event(200, b"event: ping\ndata: {}\n\n").unwrap_err();
    /// assert_eq!(error.kind(), ParseErrorKind::NotAnError);
    /// ```
    pub fn parse_sse_event(status: u16, event: &[u8]) -> Result<ReceivedError, ParseError> {
        let text = match std::str::from_utf8(event) {
            Ok(text) => text,
            Err(error) => {
                return Err(ParseError::new(Repr::InvalidUtf8 {
                    valid_up_to: error.valid_up_to(),
                }))
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut name: Option<&str> = None;
        let mut data: Option<String> = None;
        for line in sse_lines(text) {
            if line.is_empty() {
                // A blank line dispatches the event; one without data is
                // no event at all (a keep-alive), and the next one starts.
                if data.is_some() {
                    break;
                }
                name = None;
                continue;
            }
            if line.starts_with(':') {
                continue;
            }
            let (field, value) = match line.split_once(':') {
                Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
                None => (line, ""),
            };
            match field {
                "event" => name = Some(value),
                "data" => match &mut data {
                    Some(data) => {
                        data.push('\n');
                        data.push_str(value);
                    }
                    None => data = Some(value.to_owned()),
                },
                _ => {}
            }
        }
        if let Some(name) = name {
            if name != "error" {
                return Err(ParseError::new(Repr::NotAnError {
                    field: "event",
                    found: excerpt(name),
                }));
            }
        }
        match data {
            Some(data) => ReceivedError::parse(status, data.as_bytes()),
            None => Err(ParseError::new(Repr::NoData)),
        }
    }

    /// Parses a whole `http::Response`: its status, its body, and, when the
    /// body carries no request id, the `x-request-id` (OpenAI format) or
    /// `request-id` (Anthropic format) header, read as is (a server using
    /// this crate percent-encodes bytes a header cannot carry).
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode, Format, ReceivedError};
    ///
    /// let response = ErrorCode::RateLimitExceeded
    ///     .envelope(Format::OpenAi)
    ///     .request_id("req_77")
    ///     .to_http_response();
    /// let received = ReceivedError::from_response(&response).unwrap();
    /// assert_eq!(received.status(), 429);
    /// assert_eq!(received.request_id(), Some("req_77"));
    /// assert_eq!(received.known(), Some(ErrorCode::RateLimitExceeded));
    /// ```
    pub fn from_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<ReceivedError, ParseError> {
        let mut received =
            ReceivedError::parse(response.status().as_u16(), response.body().as_ref())?;
        if received.request_id.is_none() {
            let headers = response.headers();
            received.request_id = headers
                .get(received.format.request_id_header())
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned);
        }
        Ok(received)
    }

    /// Which envelope the body was in.
    ///
    /// ```
    /// use error_codes::{Format, ReceivedError};
    ///
    /// let received = ReceivedError::parse(500, br#"{"error":{"message":"m"}}"#).unwrap();
    /// assert_eq!(received.format(), Format::OpenAi);
    /// ```
    pub fn format(&self) -> Format {
        self.format
    }

    /// The HTTP status given to [`parse`](Self::parse).
    ///
    /// ```
    /// use error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(503, br#"{"error":{"message":"m"}}"#).unwrap();
    /// assert_eq!(received.status(), 503);
    /// ```
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The stable code, if the body has one: OpenAI's `error.code`, or
    /// Anthropic's `error.details.error_code`. Each format falls back to the
    /// other's place (an Anthropic-format body with `error.code`, say). A
    /// numeric code is given as its decimal string.
    ///
    /// ```
    /// use error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(400, br#"{"error":{"message":"m","code":1234}}"#).unwrap();
    /// assert_eq!(received.code(), Some("1234"));
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The canonical code, if [`code`](Self::code) is one this crate knows
    /// (exact, case-sensitive).
    ///
    /// ```
    /// use error_codes::{ErrorCode, ReceivedError};
    ///
    /// let known = ReceivedError::parse(404, br#"{"error":{"message":"m","code":"model_not_found"}}"#).unwrap();
    /// assert_eq!(known.known(), Some(ErrorCode::ModelNotFound));
    /// let private = ReceivedError::parse(403, br#"{"error":{"message":"m","code":"tenant_suspended"}}"#).unwrap();
    /// assert_eq!(private.known(), None);
    /// ```
    pub fn known(&self) -> Option<ErrorCode> {
        self.code.as_deref().and_then(ErrorCode::from_code)
    }

    /// The human message (`error.message`), always present.
    ///
    /// ```
    /// use error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(500, br#"{"error":{"message":"line 1\nline 2"}}"#).unwrap();
    /// assert_eq!(received.message(), "line 1\nline 2");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The `error.type`, such as `rate_limit_error`. `None` when the body
    /// has none or it is `null`: both envelopes define it, but
    /// OpenAI-compatible servers in the wild sometimes leave it out, and a
    /// client should still get the message and code.
    ///
    /// ```
    /// use error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(
    ///     529,
    ///     br#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#,
    /// ).unwrap();
    /// assert_eq!(received.error_type(), Some("overloaded_error"));
    /// ```
    pub fn error_type(&self) -> Option<&str> {
        self.error_type.as_deref()
    }

    /// The request parameter at fault (OpenAI's `error.param`).
    ///
    /// ```
    /// use error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(400, br#"{"error":{"message":"m","param":"messages"}}"#).unwrap();
    /// assert_eq!(received.param(), Some("messages"));
    /// ```
    pub fn param(&self) -> Option<&str> {
        self.param.as_deref()
    }

    /// The request id: the top-level `request_id` of the body (Anthropic
    /// format), or with [`from_response`](Self::from_response) the
    /// request-id header.
    ///
    /// ```
    /// use error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(
    ///     500,
    ///     br#"{"type":"error","error":{"type":"api_error","message":"m"},"request_id":"req_1"}"#,
    /// ).unwrap();
    /// assert_eq!(received.request_id(), Some("req_1"));
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// A link to the code's documentation (`error.doc_url`), if sent.
    ///
    /// ```
    /// use error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(400, br#"{"error":{"message":"m","doc_url":"https://x.test/e"}}"#).unwrap();
    /// assert_eq!(received.doc_url(), Some("https://x.test/e"));
    /// ```
    pub fn doc_url(&self) -> Option<&str> {
        self.doc_url.as_deref()
    }

    /// What the client can do about it (`error.suggestion`), if sent.
    ///
    /// ```
    /// use error_codes::ReceivedError;
    ///
    /// let received = ReceivedError::parse(400, br#"{"error":{"message":"m","suggestion":"Retry later"}}"#).unwrap();
    /// assert_eq!(received.suggestion(), Some("Retry later"));
    /// ```
    pub fn suggestion(&self) -> Option<&str> {
        self.suggestion.as_deref()
    }

    fn from_top(status: u16, top: Json<TopFields>) -> Result<ReceivedError, ParseError> {
        let top = match top {
            Json::Object(fields) => fields,
            other => {
                return Err(ParseError::new(Repr::NotAnObject {
                    found: other.json_type(),
                }))
            }
        };
        let format = match top.envelope_type {
            None | Some(Json::Null) => Format::OpenAi,
            Some(Json::String(text)) if text == "error" => Format::Anthropic,
            Some(Json::String(text)) => {
                return Err(ParseError::new(Repr::NotAnError {
                    field: "type",
                    found: excerpt(&text),
                }))
            }
            Some(other) => return Err(wrong_type("type", "a string", &other)),
        };
        let error = match top.error {
            Some(Json::Object(error)) => error,
            Some(other) => return Err(wrong_type("error", "an object", &other)),
            None => return Err(ParseError::new(Repr::MissingError)),
        };
        let message = match error.message {
            Some(Json::String(message)) => message,
            Some(other) => return Err(wrong_type("error.message", "a string", &other)),
            None => return Err(ParseError::new(Repr::MissingField("error.message"))),
        };
        let details_code = match error.details {
            None | Some(Json::Null) => None,
            Some(Json::Object(details)) => {
                code_field("error.details.error_code", details.error_code)?
            }
            Some(other) => return Err(wrong_type("error.details", "an object", &other)),
        };
        let error_code = code_field("error.code", error.code)?;
        let code = match format {
            Format::OpenAi => error_code.or(details_code),
            Format::Anthropic => details_code.or(error_code),
        };
        Ok(ReceivedError {
            format,
            status,
            code,
            message,
            error_type: string_field("error.type", error.error_type)?,
            param: string_field("error.param", error.param)?,
            request_id: string_field("request_id", top.request_id)?,
            doc_url: string_field("error.doc_url", error.doc_url)?,
            suggestion: string_field("error.suggestion", error.suggestion)?,
        })
    }
}

impl fmt::Display for ReceivedError {
    /// `429 rate_limit_exceeded: Requests-per-minute cap hit`: the status,
    /// the code (else the type), and the message.
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode, Format, ReceivedError};
    ///
    /// let body = ErrorCode::RateLimitExceeded.to_body(Format::Anthropic);
    /// let received = ReceivedError::parse(429, &body).unwrap();
    /// assert_eq!(received.to_string(), "429 rate_limit_error: Requests-per-minute cap hit");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self
            .code
            .as_deref()
            .or(self.error_type.as_deref())
            .unwrap_or("error");
        write!(f, "{} {}: {}", self.status, label, self.message)
    }
}

impl std::error::Error for ReceivedError {}

/// Why a received body is not an error envelope. Match on
/// [`kind`](Self::kind); [`Display`](fmt::Display) says precisely what
/// was wrong and where.
///
/// ```
/// use error_codes::{JsonType, ParseErrorKind, ReceivedError};
///
/// let error = ReceivedError::parse(400, br#"{"error":{"message":"m","param":["a"]}}"#).unwrap_err();
/// assert_eq!(error.kind(), ParseErrorKind::WrongType);
/// assert_eq!(error.path(), Some("error.param"));
/// assert_eq!(error.found(), Some(JsonType::Array));
/// assert_eq!(error.to_string(), "`error.param` is an array, expected a string or null");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    repr: Repr,
}

/// What kind of problem a [`ParseError`] is.
///
/// ```
/// use error_codes::{ParseErrorKind, ReceivedError};
///
/// let kind = |body: &[u8]| ReceivedError::parse(500, body).unwrap_err().kind();
/// assert_eq!(kind(b""), ParseErrorKind::Empty);
/// assert_eq!(kind(b"\xff"), ParseErrorKind::InvalidUtf8);
/// assert_eq!(kind(br#"{"error":{"mess"#), ParseErrorKind::Truncated);
/// assert_eq!(kind(b"{error}"), ParseErrorKind::InvalidJson);
/// assert_eq!(kind(b"[1, 2]"), ParseErrorKind::NotAnObject);
/// assert_eq!(kind(br#"{"type":"message_start"}"#), ParseErrorKind::NotAnError);
/// assert_eq!(kind(br#"{"detail":"Not Found"}"#), ParseErrorKind::MissingError);
/// assert_eq!(kind(br#"{"error":{}}"#), ParseErrorKind::MissingField);
/// assert_eq!(kind(br#"{"error":"boom"}"#), ParseErrorKind::WrongType);
/// assert_eq!(ReceivedError::parse_sse_event(200, b": ping\n\n").unwrap_err().kind(), ParseErrorKind::NoData);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The body is empty or only whitespace.
    Empty,
    /// The body is not UTF-8 (JSON must be).
    InvalidUtf8,
    /// The JSON ends before it is complete.
    Truncated,
    /// The body is not JSON (or has trailing bytes after it, or a number
    /// out of range).
    InvalidJson,
    /// The JSON is not an object.
    NotAnObject,
    /// The JSON (or SSE event) is not an error: its top-level `type` (or
    /// the event name) is something other than `"error"`.
    NotAnError,
    /// The object has no `error` key.
    MissingError,
    /// A required field (`error.message`) is missing.
    MissingField,
    /// A field has the wrong JSON type.
    WrongType,
    /// The server-sent event has no `data` field.
    NoData,
}

/// The JSON type of a value, as reported by [`ParseError::found`].
///
/// ```
/// use error_codes::{JsonType, ReceivedError};
///
/// let error = ReceivedError::parse(500, b"true").unwrap_err();
/// assert_eq!(error.found(), Some(JsonType::Bool));
/// assert_eq!(JsonType::Bool.to_string(), "a boolean");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonType {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl fmt::Display for JsonType {
    /// The type with its article: `a string`, `an array`, `null`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JsonType::Null => "null",
            JsonType::Bool => "a boolean",
            JsonType::Number => "a number",
            JsonType::String => "a string",
            JsonType::Array => "an array",
            JsonType::Object => "an object",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Repr {
    Empty,
    InvalidUtf8 {
        valid_up_to: usize,
    },
    Truncated {
        detail: String,
    },
    InvalidJson {
        detail: String,
    },
    NotAnObject {
        found: JsonType,
    },
    NotAnError {
        field: &'static str,
        found: String,
    },
    MissingError,
    MissingField(&'static str),
    WrongType {
        path: &'static str,
        expected: &'static str,
        found: JsonType,
    },
    NoData,
}

impl ParseError {
    fn new(repr: Repr) -> Self {
        ParseError { repr }
    }

    fn from_json(error: serde_json::Error) -> Self {
        let detail = error.to_string();
        ParseError::new(match error.classify() {
            serde_json::error::Category::Eof => Repr::Truncated { detail },
            _ => Repr::InvalidJson { detail },
        })
    }

    /// What kind of problem this is.
    ///
    /// ```
    /// use error_codes::{ParseErrorKind, ReceivedError};
    ///
    /// let error = ReceivedError::parse(500, b"   ").unwrap_err();
    /// assert_eq!(error.kind(), ParseErrorKind::Empty);
    /// ```
    pub fn kind(&self) -> ParseErrorKind {
        match self.repr {
            Repr::Empty => ParseErrorKind::Empty,
            Repr::InvalidUtf8 { .. } => ParseErrorKind::InvalidUtf8,
            Repr::Truncated { .. } => ParseErrorKind::Truncated,
            Repr::InvalidJson { .. } => ParseErrorKind::InvalidJson,
            Repr::NotAnObject { .. } => ParseErrorKind::NotAnObject,
            Repr::NotAnError { .. } => ParseErrorKind::NotAnError,
            Repr::MissingError => ParseErrorKind::MissingError,
            Repr::MissingField(_) => ParseErrorKind::MissingField,
            Repr::WrongType { .. } => ParseErrorKind::WrongType,
            Repr::NoData => ParseErrorKind::NoData,
        }
    }

    /// The JSON path of the field at fault (`error.message`, `type`, ...),
    /// or `event` for an SSE event name, when the problem is one field.
    ///
    /// ```
    /// use error_codes::ReceivedError;
    ///
    /// let error = ReceivedError::parse(500, br#"{"error":{"message":"m","details":[]}}"#).unwrap_err();
    /// assert_eq!(error.path(), Some("error.details"));
    /// ```
    pub fn path(&self) -> Option<&'static str> {
        match self.repr {
            Repr::NotAnError { field, .. } => Some(field),
            Repr::MissingField(path) | Repr::WrongType { path, .. } => Some(path),
            Repr::MissingError => Some("error"),
            _ => None,
        }
    }

    /// The JSON type found where another was expected, for
    /// [`NotAnObject`](ParseErrorKind::NotAnObject) and
    /// [`WrongType`](ParseErrorKind::WrongType).
    ///
    /// ```
    /// use error_codes::{JsonType, ReceivedError};
    ///
    /// let error = ReceivedError::parse(500, br#"{"error":null}"#).unwrap_err();
    /// assert_eq!(error.found(), Some(JsonType::Null));
    /// ```
    pub fn found(&self) -> Option<JsonType> {
        match self.repr {
            Repr::NotAnObject { found } | Repr::WrongType { found, .. } => Some(found),
            _ => None,
        }
    }
}

impl fmt::Display for ParseError {
    /// One sentence saying what was wrong and where.
    ///
    /// ```
    /// use error_codes::ReceivedError;
    ///
    /// let error = ReceivedError::parse(500, b"\"error\"").unwrap_err();
    /// assert_eq!(error.to_string(), "the body is a string, expected a JSON object");
    /// let error = ReceivedError::parse(500, b"{\"error\":{\"message\":\"m\"}} x").unwrap_err();
    /// assert_eq!(error.to_string(), "the body is not valid JSON: trailing characters at line 1 column 27");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Empty => f.write_str("the body is empty"),
            Repr::InvalidUtf8 { valid_up_to } => write!(
                f,
                "the body is not UTF-8: invalid byte sequence at byte offset {valid_up_to}"
            ),
            Repr::Truncated { detail } => {
                write!(f, "the body ends before the JSON is complete: {detail}")
            }
            Repr::InvalidJson { detail } => write!(f, "the body is not valid JSON: {detail}"),
            Repr::NotAnObject { found } => {
                write!(f, "the body is {found}, expected a JSON object")
            }
            Repr::NotAnError {
                field: "event",
                found,
            } => {
                write!(f, "the SSE event is named {found:?}, not \"error\"")
            }
            Repr::NotAnError { field, found } => {
                write!(
                    f,
                    "`{field}` is {found:?}, not \"error\": not an error body"
                )
            }
            Repr::MissingError => f.write_str("the body has no `error` key"),
            Repr::MissingField(path) => write!(f, "`{path}` is missing"),
            Repr::WrongType {
                path,
                expected,
                found,
            } => write!(f, "`{path}` is {found}, expected {expected}"),
            Repr::NoData => f.write_str("the SSE event has no `data` field"),
        }
    }
}

impl std::error::Error for ParseError {}

fn is_json_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// At most 64 characters of a server-chosen string, for error messages
/// that must stay short whatever the body holds.
fn excerpt(text: &str) -> String {
    const LIMIT: usize = 64;
    match text.char_indices().nth(LIMIT) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_owned(),
    }
}

/// The lines of an SSE stream: split on CRLF, LF or CR.
fn sse_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.find(['\r', '\n']) {
            Some(end) => {
                let after = if current[end..].starts_with("\r\n") {
                    end + 2
                } else {
                    end + 1
                };
                rest = Some(&current[after..]);
                Some(&current[..end])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

fn wrong_type<T>(path: &'static str, expected: &'static str, found: &Json<T>) -> ParseError {
    ParseError::new(Repr::WrongType {
        path,
        expected,
        found: found.json_type(),
    })
}

/// An optional string field: absent or `null` is `None`.
fn string_field(
    path: &'static str,
    value: Option<Json<Skipped>>,
) -> Result<Option<String>, ParseError> {
    match value {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(text)) => Ok(Some(text)),
        Some(other) => Err(wrong_type(path, "a string or null", &other)),
    }
}

/// An optional code: a string, or a number kept as its decimal text.
fn code_field(
    path: &'static str,
    value: Option<Json<Skipped>>,
) -> Result<Option<String>, ParseError> {
    match value {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(text)) | Some(Json::Number(text)) => Ok(Some(text)),
        Some(other) => Err(wrong_type(path, "a string, a number or null", &other)),
    }
}

/// One JSON value in a place the envelope defines: scalars are kept,
/// arrays are skipped, objects are read into `T`'s fields.
enum Json<T> {
    Null,
    Bool,
    Number(String),
    String(String),
    Array,
    Object(T),
}

impl<T> Json<T> {
    fn json_type(&self) -> JsonType {
        match self {
            Json::Null => JsonType::Null,
            Json::Bool => JsonType::Bool,
            Json::Number(_) => JsonType::Number,
            Json::String(_) => JsonType::String,
            Json::Array => JsonType::Array,
            Json::Object(_) => JsonType::Object,
        }
    }
}

/// The fields of one object of the envelope.
trait Fields: Default {
    /// Reads the value of `key` into its slot, or skips it.
    fn read<'de, A: MapAccess<'de>>(&mut self, key: Key, map: &mut A) -> Result<(), A::Error>;
}

/// A value whose object form has no fields of interest.
#[derive(Default)]
struct Skipped;

impl Fields for Skipped {
    fn read<'de, A: MapAccess<'de>>(&mut self, _: Key, map: &mut A) -> Result<(), A::Error> {
        map.next_value::<IgnoredAny>().map(drop)
    }
}

#[derive(Default)]
struct TopFields {
    envelope_type: Option<Json<Skipped>>,
    error: Option<Json<ErrorFields>>,
    request_id: Option<Json<Skipped>>,
}

impl Fields for TopFields {
    fn read<'de, A: MapAccess<'de>>(&mut self, key: Key, map: &mut A) -> Result<(), A::Error> {
        match key {
            Key::Type => self.envelope_type = Some(map.next_value()?),
            Key::Error => self.error = Some(map.next_value()?),
            Key::RequestId => self.request_id = Some(map.next_value()?),
            _ => drop(map.next_value::<IgnoredAny>()?),
        }
        Ok(())
    }
}

#[derive(Default)]
struct ErrorFields {
    message: Option<Json<Skipped>>,
    error_type: Option<Json<Skipped>>,
    param: Option<Json<Skipped>>,
    code: Option<Json<Skipped>>,
    doc_url: Option<Json<Skipped>>,
    suggestion: Option<Json<Skipped>>,
    details: Option<Json<DetailsFields>>,
}

impl Fields for ErrorFields {
    fn read<'de, A: MapAccess<'de>>(&mut self, key: Key, map: &mut A) -> Result<(), A::Error> {
        match key {
            Key::Message => self.message = Some(map.next_value()?),
            Key::Type => self.error_type = Some(map.next_value()?),
            Key::Param => self.param = Some(map.next_value()?),
            Key::Code => self.code = Some(map.next_value()?),
            Key::DocUrl => self.doc_url = Some(map.next_value()?),
            Key::Suggestion => self.suggestion = Some(map.next_value()?),
            Key::Details => self.details = Some(map.next_value()?),
            _ => drop(map.next_value::<IgnoredAny>()?),
        }
        Ok(())
    }
}

#[derive(Default)]
struct DetailsFields {
    error_code: Option<Json<Skipped>>,
}

impl Fields for DetailsFields {
    fn read<'de, A: MapAccess<'de>>(&mut self, key: Key, map: &mut A) -> Result<(), A::Error> {
        match key {
            Key::ErrorCode => self.error_code = Some(map.next_value()?),
            _ => drop(map.next_value::<IgnoredAny>()?),
        }
        Ok(())
    }
}

/// Every key the envelopes define, at any level; each object reads its own.
enum Key {
    Type,
    Error,
    RequestId,
    Message,
    Param,
    Code,
    DocUrl,
    Suggestion,
    Details,
    ErrorCode,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl Visitor<'_> for KeyVisitor {
            type Value = Key;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
                Ok(match key {
                    "type" => Key::Type,
                    "error" => Key::Error,
                    "request_id" => Key::RequestId,
                    "message" => Key::Message,
                    "param" => Key::Param,
                    "code" => Key::Code,
                    "doc_url" => Key::DocUrl,
                    "suggestion" => Key::Suggestion,
                    "details" => Key::Details,
                    "error_code" => Key::ErrorCode,
                    _ => Key::Other,
                })
            }
        }

        deserializer.deserialize_identifier(KeyVisitor)
    }
}

impl<'de, T: Fields> Deserialize<'de> for Json<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct JsonVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: Fields> Visitor<'de> for JsonVisitor<T> {
            type Value = Json<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_unit<E: de::Error>(self) -> Result<Json<T>, E> {
                Ok(Json::Null)
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Json<T>, E> {
                Ok(Json::Bool)
            }

            fn visit_u64<E: de::Error>(self, number: u64) -> Result<Json<T>, E> {
                Ok(Json::Number(number.to_string()))
            }

            fn visit_i64<E: de::Error>(self, number: i64) -> Result<Json<T>, E> {
                Ok(Json::Number(number.to_string()))
            }

            fn visit_f64<E: de::Error>(self, number: f64) -> Result<Json<T>, E> {
                Ok(Json::Number(number.to_string()))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Json<T>, E> {
                Ok(Json::String(text.to_owned()))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Json<T>, E> {
                Ok(Json::String(text))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<T>, A::Error> {
                // Skipped element by element with serde_json's iterative
                // skipper: no recursion, whatever the nesting.
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Json::Array)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<T>, A::Error> {
                let mut fields = T::default();
                while let Some(key) = map.next_key::<Key>()? {
                    fields.read(key, &mut map)?;
                }
                Ok(Json::Object(fields))
            }
        }

        deserializer.deserialize_any(JsonVisitor(std::marker::PhantomData))
    }
}
