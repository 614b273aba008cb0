//! [`ParseError`]: why a received body is not an error envelope, with the
//! JSON path and type at fault.

use std::fmt;
use std::str::Utf8Error;
use std::sync::Arc;

/// Why a received body is not an error envelope. Match on
/// [`kind`](Self::kind); [`Display`](fmt::Display) says precisely what
/// was wrong and where.
///
/// ```
/// use api_error_codes::{JsonType, ParseErrorKind, ReceivedError};
///
/// let error = ReceivedError::parse(400, br#"{"error":{"message":"m","param":["a"]}}"#).unwrap_err();
/// assert_eq!(error.kind(), ParseErrorKind::WrongType);
/// assert_eq!(error.path(), Some("error.param"));
/// assert_eq!(error.found(), Some(JsonType::Array));
/// assert_eq!(error.to_string(), "`error.param` is an array, expected a string or null");
/// ```
#[derive(Clone, Debug)]
pub struct ParseError {
    repr: Repr,
}

/// What kind of problem a [`ParseError`] is.
///
/// ```
/// use api_error_codes::{ParseErrorKind, ReceivedError};
///
/// let kind = |body: &[u8]| ReceivedError::parse(500, body).unwrap_err().kind();
/// assert_eq!(kind(b""), ParseErrorKind::Empty);
/// assert_eq!(kind(b"\xff"), ParseErrorKind::InvalidUtf8);
/// assert_eq!(kind(br#"{"error":{"mess"#), ParseErrorKind::Truncated);
/// assert_eq!(kind(b"{error}"), ParseErrorKind::InvalidJson);
/// assert_eq!(kind(br#"{"error":{"message":"a","message":"b"}}"#), ParseErrorKind::DuplicateKey);
/// assert_eq!(kind(b"[1, 2]"), ParseErrorKind::NotAnObject);
/// assert_eq!(kind(br#"{"type":"message_start"}"#), ParseErrorKind::NotAnError);
/// assert_eq!(kind(br#"{"message":"Not Found"}"#), ParseErrorKind::MissingError);
/// assert_eq!(kind(br#"{"error":{}}"#), ParseErrorKind::MissingField);
/// assert_eq!(kind(br#"{"error":"boom"}"#), ParseErrorKind::WrongType);
/// assert_eq!(ReceivedError::parse_sse_event(200, b": ping\n\n").unwrap_err().kind(), ParseErrorKind::NoData);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The body is empty or only whitespace (and a byte order mark).
    Empty,
    /// The body is not UTF-8 (JSON must be).
    InvalidUtf8,
    /// The JSON ends before it is complete.
    Truncated,
    /// The body is not JSON (or has trailing bytes after it, or nests
    /// deeper than 128 levels where the body is read).
    InvalidJson,
    /// A key the reader reads appears twice in one object (clients
    /// disagree on which one counts).
    DuplicateKey,
    /// The JSON is not an object.
    NotAnObject,
    /// The JSON (or SSE event) is not an error: its top-level `type` (or
    /// the event name) is something other than `"error"`.
    NotAnError,
    /// The object has no `error` key, and is not problem details (no
    /// `title` or `detail` string, no `status` number).
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
/// use api_error_codes::{JsonType, ReceivedError};
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

/// What a [`ParseError`] holds: its kind and the facts its message names.
#[derive(Clone, Debug)]
pub(crate) enum Repr {
    Empty,
    InvalidUtf8(Utf8Error),
    /// What serde_json reported: truncated, not JSON, or a duplicate key.
    Json(Arc<serde_json::Error>),
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
    /// The error `repr` describes.
    pub(crate) fn new(repr: Repr) -> Self {
        ParseError { repr }
    }

    /// The error `serde_json` found in a body.
    pub(crate) fn from_json(error: serde_json::Error) -> Self {
        ParseError::new(Repr::Json(Arc::new(error)))
    }

    /// What kind of problem this is.
    ///
    /// ```
    /// use api_error_codes::{ParseErrorKind, ReceivedError};
    ///
    /// let error = ReceivedError::parse(500, b"   ").unwrap_err();
    /// assert_eq!(error.kind(), ParseErrorKind::Empty);
    /// ```
    pub fn kind(&self) -> ParseErrorKind {
        match &self.repr {
            Repr::Empty => ParseErrorKind::Empty,
            Repr::InvalidUtf8(_) => ParseErrorKind::InvalidUtf8,
            // Every member the reader keeps takes any JSON value, so the
            // one data error its shapes raise is a key given twice.
            Repr::Json(error) => match error.classify() {
                serde_json::error::Category::Eof => ParseErrorKind::Truncated,
                serde_json::error::Category::Data => ParseErrorKind::DuplicateKey,
                _ => ParseErrorKind::InvalidJson,
            },
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
    /// use api_error_codes::ReceivedError;
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
    /// use api_error_codes::{JsonType, ReceivedError};
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
    /// use api_error_codes::ReceivedError;
    ///
    /// let error = ReceivedError::parse(500, b"\"error\"").unwrap_err();
    /// assert_eq!(error.to_string(), "the body is a string, expected a JSON object");
    /// let error = ReceivedError::parse(500, b"{\"error\":{\"message\":\"m\"}} x").unwrap_err();
    /// assert_eq!(error.to_string(), "the body is not valid JSON: trailing characters at line 1 column 27");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Empty => f.write_str("the body is empty"),
            Repr::InvalidUtf8(error) => write!(
                f,
                "the body is not UTF-8: invalid byte sequence at byte offset {}",
                error.valid_up_to()
            ),
            Repr::Json(error) => match self.kind() {
                ParseErrorKind::Truncated => {
                    write!(f, "the body ends before the JSON is complete: {error}")
                }
                ParseErrorKind::DuplicateKey => write!(f, "the body gives a key twice: {error}"),
                _ => write!(f, "the body is not valid JSON: {error}"),
            },
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

impl std::error::Error for ParseError {
    /// The UTF-8 or `serde_json` error behind an `InvalidUtf8`,
    /// `Truncated`, `InvalidJson` or `DuplicateKey` error.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.repr {
            Repr::InvalidUtf8(error) => Some(error),
            Repr::Json(error) => Some(&**error),
            _ => None,
        }
    }
}

impl PartialEq for ParseError {
    /// The same kind, saying the same thing.
    fn eq(&self, other: &Self) -> bool {
        self.kind() == other.kind() && self.to_string() == other.to_string()
    }
}

impl Eq for ParseError {}
