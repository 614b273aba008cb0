//! Error envelopes: the JSON bodies OpenAI- and Anthropic-format clients
//! parse, written directly, plus serde types for code that wants structs.

use crate::json::{
    nullable_len, push_nullable, push_quoted, push_quoted_bytes, quoted_bytes_len, quoted_len,
};
use crate::{ApiError, Format};
use std::fmt;

/// One error, ready to render in one format, with the optional parts of the
/// envelope. Get one from [`ApiError::envelope`].
///
/// ```
/// use error_codes::{ApiError, ErrorCode, Format};
///
/// let body = ErrorCode::ModelNotFound
///     .envelope(Format::OpenAi)
///     .doc_url("https://example.com/errors#model_not_found")
///     .suggestion("List models with GET /v1/models")
///     .to_body();
/// let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
/// assert_eq!(json["error"]["doc_url"], "https://example.com/errors#model_not_found");
/// assert_eq!(json["error"]["suggestion"], "List models with GET /v1/models");
/// ```
#[derive(Debug)]
#[must_use = "an envelope does nothing until rendered with `to_body`, `to_http_response` or `to_sse_event`"]
pub struct Envelope<'a, E: ?Sized> {
    pub(crate) error: &'a E,
    pub(crate) format: Format,
    pub(crate) request_id: Option<&'a str>,
    doc_url: Option<&'a str>,
    suggestion: Option<&'a str>,
    details_error_code: bool,
}

impl<E: ?Sized> Clone for Envelope<'_, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: ?Sized> Copy for Envelope<'_, E> {}

impl<'a, E: ApiError + ?Sized> Envelope<'a, E> {
    /// The envelope of `error` in `format`, with no options set.
    ///
    /// ```
    /// use error_codes::{Envelope, ErrorCode, Format};
    ///
    /// let body = Envelope::new(&ErrorCode::UpstreamTimeout, Format::OpenAi).to_body();
    /// assert!(body.starts_with(br#"{"error":{"message":"Upstream exceeded the request deadline""#));
    /// ```
    pub fn new(error: &'a E, format: Format) -> Self {
        Envelope {
            error,
            format,
            request_id: None,
            doc_url: None,
            suggestion: None,
            details_error_code: false,
        }
    }

    /// The request id: `request_id` in the Anthropic body, and the
    /// `x-request-id` (OpenAI) or `request-id` (Anthropic) header of
    /// [`to_http_response`](Self::to_http_response).
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let response = ErrorCode::UpstreamTimeout.envelope(Format::OpenAi).request_id("req_1").to_http_response();
    /// assert_eq!(response.headers()["x-request-id"], "req_1");
    /// ```
    pub fn request_id(mut self, request_id: &'a str) -> Self {
        self.request_id = Some(request_id);
        self
    }

    /// A link to the code's documentation: `error.doc_url` (OpenAI format
    /// only; Anthropic's envelope has no such field).
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::UpstreamTimeout.envelope(Format::OpenAi).doc_url("https://x.test/e").to_body();
    /// assert!(body.ends_with(br#","doc_url":"https://x.test/e"}}"#));
    /// ```
    pub fn doc_url(mut self, doc_url: &'a str) -> Self {
        self.doc_url = Some(doc_url);
        self
    }

    /// What the client can do about it: `error.suggestion` (OpenAI format
    /// only).
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::UpstreamTimeout.envelope(Format::OpenAi).suggestion("Retry").to_body();
    /// assert!(body.ends_with(br#","suggestion":"Retry"}}"#));
    /// ```
    pub fn suggestion(mut self, suggestion: &'a str) -> Self {
        self.suggestion = Some(suggestion);
        self
    }

    /// Adds `error.details.error_code` with the code to the Anthropic
    /// envelope, where the current official Anthropic SDK reads an error's
    /// stable code. No effect on the OpenAI envelope, which always has
    /// `code`.
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::UpstreamTimeout.envelope(Format::Anthropic).details_error_code(true).to_body();
    /// assert_eq!(
    ///     String::from_utf8(body).unwrap(),
    ///     r#"{"type":"error","error":{"type":"timeout_error","message":"Upstream exceeded the request deadline","details":{"error_code":"upstream_timeout"}},"request_id":null}"#
    /// );
    /// ```
    pub fn details_error_code(mut self, enabled: bool) -> Self {
        self.details_error_code = enabled;
        self
    }

    /// The format this envelope renders in.
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode, Format};
    /// assert_eq!(ErrorCode::UpstreamTimeout.envelope(Format::Anthropic).format(), Format::Anthropic);
    /// ```
    pub fn format(&self) -> Format {
        self.format
    }

    /// The error being rendered.
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode, Format};
    /// assert_eq!(ErrorCode::UpstreamTimeout.envelope(Format::OpenAi).error().code(), "upstream_timeout");
    /// ```
    pub fn error(&self) -> &'a E {
        self.error
    }

    /// The JSON body, in one allocation of exactly its size.
    ///
    /// OpenAI format: `{"error":{"message","type","param","code"}}`, all four
    /// always present (`param` is `null` when absent), then `doc_url` and
    /// `suggestion` when set. Anthropic format:
    /// `{"type":"error","error":{"type","message"},"request_id"}` with
    /// `request_id` `null` when unset. The bytes are exactly what
    /// `serde_json` writes for [`OpenAiEnvelope`] / [`AnthropicEnvelope`].
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode, Format};
    ///
    /// let body = ErrorCode::InvalidApiKey.envelope(Format::OpenAi).to_body();
    /// assert_eq!(
    ///     String::from_utf8(body).unwrap(),
    ///     r#"{"error":{"message":"API key is missing, malformed, revoked, or unrecognized","type":"authentication_error","param":null,"code":"invalid_api_key"}}"#
    /// );
    /// ```
    pub fn to_body(&self) -> Vec<u8> {
        self.render(b"", b"")
    }

    /// The body between `prefix` and `suffix`, in one allocation.
    pub(crate) fn render(&self, prefix: &[u8], suffix: &[u8]) -> Vec<u8> {
        let mut storage = [0; MESSAGE_STORAGE];
        let mut buffer = MessageBuffer::new(&mut storage);
        let owned;
        // A constant: each error type compiles to one of the two paths.
        let message = if E::FORMATS_MESSAGE && self.error.write_message(&mut buffer).is_ok() {
            buffer.into_bytes()
        } else {
            // Fixed text, borrowed; or longer than the storage (or a
            // field's `Display` failed, which `message` reports as always).
            owned = self.error.message();
            owned.as_bytes()
        };
        let param = self.error.param();
        let parts = Parts {
            message,
            param: param.as_deref(),
            code: self.error.code(),
            error_type: match self.format {
                Format::OpenAi => self.error.openai_type(),
                Format::Anthropic => self.error.anthropic_type(),
            },
        };
        let len = prefix.len() + self.body_len(&parts) + suffix.len();
        let mut out = Vec::with_capacity(len);
        out.extend_from_slice(prefix);
        self.write_body(&parts, &mut out);
        out.extend_from_slice(suffix);
        debug_assert_eq!(out.len(), len);
        out
    }

    fn body_len(&self, parts: &Parts<'_>) -> usize {
        match self.format {
            Format::OpenAi => {
                OPENAI_FIXED
                    + quoted_bytes_len(parts.message)
                    + quoted_len(parts.error_type)
                    + nullable_len(parts.param)
                    + quoted_len(parts.code)
                    + self
                        .doc_url
                        .map_or(0, |url| DOC_URL.len() + quoted_len(url))
                    + self
                        .suggestion
                        .map_or(0, |text| SUGGESTION.len() + quoted_len(text))
            }
            Format::Anthropic => {
                ANTHROPIC_FIXED
                    + quoted_len(parts.error_type)
                    + quoted_bytes_len(parts.message)
                    + if self.details_error_code {
                        DETAILS_OPEN.len() + quoted_len(parts.code) + 1
                    } else {
                        0
                    }
                    + nullable_len(self.request_id)
            }
        }
    }

    fn write_body(&self, parts: &Parts<'_>, out: &mut Vec<u8>) {
        match self.format {
            Format::OpenAi => {
                out.extend_from_slice(b"{\"error\":{\"message\":");
                push_quoted_bytes(out, parts.message);
                out.extend_from_slice(b",\"type\":");
                push_quoted(out, parts.error_type);
                out.extend_from_slice(b",\"param\":");
                push_nullable(out, parts.param);
                out.extend_from_slice(b",\"code\":");
                push_quoted(out, parts.code);
                if let Some(url) = self.doc_url {
                    out.extend_from_slice(DOC_URL);
                    push_quoted(out, url);
                }
                if let Some(text) = self.suggestion {
                    out.extend_from_slice(SUGGESTION);
                    push_quoted(out, text);
                }
                out.extend_from_slice(b"}}");
            }
            Format::Anthropic => {
                out.extend_from_slice(b"{\"type\":\"error\",\"error\":{\"type\":");
                push_quoted(out, parts.error_type);
                out.extend_from_slice(b",\"message\":");
                push_quoted_bytes(out, parts.message);
                if self.details_error_code {
                    out.extend_from_slice(DETAILS_OPEN);
                    push_quoted(out, parts.code);
                    out.push(b'}');
                }
                out.extend_from_slice(b"},\"request_id\":");
                push_nullable(out, self.request_id);
                out.push(b'}');
            }
        }
    }
}

/// The dynamic parts of a body.
struct Parts<'a> {
    /// UTF-8: written by `ApiError::write_message` in whole `str`s.
    message: &'a [u8],
    param: Option<&'a str>,
    code: &'a str,
    error_type: &'a str,
}

/// A message written by `ApiError::write_message` into storage on the
/// caller's stack, so a message formatted from fields costs the body no
/// allocation of its own. A message longer than the storage makes
/// `write_str` fail, and the body falls back to `message()`.
struct MessageBuffer<'a> {
    storage: &'a mut [u8; MESSAGE_STORAGE],
    len: usize,
}

/// Room for a formatted message on the stack; messages are short.
const MESSAGE_STORAGE: usize = 256;

impl<'a> MessageBuffer<'a> {
    #[inline]
    fn new(storage: &'a mut [u8; MESSAGE_STORAGE]) -> Self {
        MessageBuffer { storage, len: 0 }
    }

    /// UTF-8: only whole `str`s are ever written.
    #[inline]
    fn into_bytes(self) -> &'a [u8] {
        &self.storage[..self.len]
    }
}

impl fmt::Write for MessageBuffer<'_> {
    #[inline]
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        let free = self.storage.get_mut(self.len..end).ok_or(fmt::Error)?;
        free.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

const DOC_URL: &[u8] = b",\"doc_url\":";
const SUGGESTION: &[u8] = b",\"suggestion\":";
const DETAILS_OPEN: &[u8] = b",\"details\":{\"error_code\":";
const OPENAI_FIXED: usize = "{\"error\":{\"message\":".len()
    + ",\"type\":".len()
    + ",\"param\":".len()
    + ",\"code\":".len()
    + "}}".len();
const ANTHROPIC_FIXED: usize = "{\"type\":\"error\",\"error\":{\"type\":".len()
    + ",\"message\":".len()
    + "},\"request_id\":".len()
    + "}".len();

/// The OpenAI-format envelope as a struct:
/// `{"error":{"message","type","param","code"}}`.
///
/// Serializes to the same bytes as [`ApiError::to_body`] with
/// [`Format::OpenAi`].
///
/// ```
/// use error_codes::{ApiError, ErrorCode, Format, OpenAiEnvelope};
///
/// let parsed: OpenAiEnvelope = serde_json::from_slice(&ErrorCode::UpstreamTimeout.to_body(Format::OpenAi)).unwrap();
/// assert_eq!(parsed.error.code.as_deref(), Some("upstream_timeout"));
/// assert_eq!(serde_json::to_vec(&parsed).unwrap(), ErrorCode::UpstreamTimeout.to_body(Format::OpenAi));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenAiEnvelope {
    /// The error.
    pub error: OpenAiError,
}

/// The `error` object of an [`OpenAiEnvelope`].
///
/// ```
/// use error_codes::OpenAiError;
///
/// let error: OpenAiError = serde_json::from_str(
///     r#"{"message":"m","type":"api_error","param":null,"code":"internal_error"}"#,
/// ).unwrap();
/// assert_eq!(error.error_type, "api_error");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenAiError {
    /// The human message.
    pub message: String,
    /// The error type, such as `rate_limit_error`.
    pub error_type: String,
    /// The request parameter at fault; serialized as `null` when absent.
    pub param: Option<String>,
    /// The stable code; serialized as `null` when absent.
    pub code: Option<String>,
    /// A link to the code's documentation; left out when absent.
    pub doc_url: Option<String>,
    /// What the client can do; left out when absent.
    pub suggestion: Option<String>,
}

/// The Anthropic-format envelope as a struct:
/// `{"type":"error","error":{"type","message"},"request_id"}`.
///
/// ```
/// use error_codes::{AnthropicEnvelope, ApiError, ErrorCode, Format};
///
/// let body = ErrorCode::ServiceUnavailable.to_body(Format::Anthropic);
/// let parsed: AnthropicEnvelope = serde_json::from_slice(&body).unwrap();
/// assert_eq!(parsed.error.error_type, "overloaded_error");
/// assert_eq!(serde_json::to_vec(&parsed).unwrap(), body);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnthropicEnvelope {
    /// Always `"error"`.
    pub envelope_type: String,
    /// The error.
    pub error: AnthropicError,
    /// The request id; serialized as `null` when absent.
    pub request_id: Option<String>,
}

/// The `error` object of an [`AnthropicEnvelope`].
///
/// ```
/// use error_codes::AnthropicError;
///
/// let error: AnthropicError = serde_json::from_str(r#"{"type":"api_error","message":"m"}"#).unwrap();
/// assert!(error.details.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnthropicError {
    /// The error type, such as `overloaded_error`.
    pub error_type: String,
    /// The human message.
    pub message: String,
    /// `details.error_code`, when the server opted in; left out otherwise.
    pub details: Option<AnthropicDetails>,
}

/// The `error.details` object of an [`AnthropicError`].
///
/// ```
/// use error_codes::AnthropicDetails;
///
/// let details: AnthropicDetails = serde_json::from_str(r#"{"error_code":"timeout"}"#).unwrap();
/// assert_eq!(details.error_code.as_deref(), Some("timeout"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnthropicDetails {
    /// The stable code.
    pub error_code: Option<String>,
}

impl<E: ApiError + ?Sized> From<Envelope<'_, E>> for OpenAiEnvelope {
    fn from(envelope: Envelope<'_, E>) -> Self {
        let error = envelope.error;
        OpenAiEnvelope {
            error: OpenAiError {
                message: error.message().into_owned(),
                error_type: error.openai_type().to_owned(),
                param: error.param().map(|param| param.into_owned()),
                code: Some(error.code().to_owned()),
                doc_url: envelope.doc_url.map(str::to_owned),
                suggestion: envelope.suggestion.map(str::to_owned),
            },
        }
    }
}

impl<E: ApiError + ?Sized> From<Envelope<'_, E>> for AnthropicEnvelope {
    fn from(envelope: Envelope<'_, E>) -> Self {
        let error = envelope.error;
        AnthropicEnvelope {
            envelope_type: "error".to_owned(),
            error: AnthropicError {
                error_type: error.anthropic_type().to_owned(),
                message: error.message().into_owned(),
                details: envelope.details_error_code.then(|| AnthropicDetails {
                    error_code: Some(error.code().to_owned()),
                }),
            },
            request_id: envelope.request_id.map(str::to_owned),
        }
    }
}

/// `Serialize` and `Deserialize` for an envelope struct, written as
/// `serde_derive` writes them (same field order, `null` and skip rules,
/// errors and sequence form), so the runtime crate does not make every user
/// build `serde_derive`. Each field is one of:
///
/// - `required`: must be present;
/// - `nullable`: an `Option`, `None` when absent, always serialized (`null`);
/// - `omittable`: an `Option`, `None` when absent, left out when `None`.
macro_rules! serde_struct {
    ($ty:ident { $($field:ident: $name:literal $kind:ident),+ $(,)? }) => {
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeStruct as _;
                let len = 0 $(+ serde_struct!(@len self.$field, $kind))+;
                let mut object = serializer.serialize_struct(stringify!($ty), len)?;
                $(serde_struct!(@serialize object, self.$field, $name, $kind);)+
                object.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                use ::serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};

                const FIELDS: &[&str] = &[$($name),+];
                const EXPECTING: &str = concat!("struct ", stringify!($ty));

                #[allow(non_camel_case_types)]
                enum Field {
                    $($field,)+
                    Other,
                }

                impl Field {
                    fn named(name: &[u8]) -> Field {
                        $(if name == $name.as_bytes() {
                            return Field::$field;
                        })+
                        Field::Other
                    }
                }

                struct FieldVisitor;

                impl Visitor<'_> for FieldVisitor {
                    type Value = Field;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("field identifier")
                    }

                    fn visit_u64<E: de::Error>(self, index: u64) -> Result<Field, E> {
                        let name = usize::try_from(index).ok().and_then(|index| FIELDS.get(index));
                        Ok(name.map_or(Field::Other, |name| Field::named(name.as_bytes())))
                    }

                    fn visit_str<E: de::Error>(self, name: &str) -> Result<Field, E> {
                        Ok(Field::named(name.as_bytes()))
                    }

                    fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<Field, E> {
                        Ok(Field::named(name))
                    }
                }

                impl<'de> ::serde::Deserialize<'de> for Field {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                        deserializer.deserialize_identifier(FieldVisitor)
                    }
                }

                /// What a too-short sequence lacked, worded as `serde_derive` words it.
                #[allow(dead_code)] // by a struct with no required field
                struct Elements;

                impl de::Expected for Elements {
                    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        let plural = if FIELDS.len() == 1 { "" } else { "s" };
                        write!(f, "{EXPECTING} with {} element{plural}", FIELDS.len())
                    }
                }

                struct ObjectVisitor;

                impl<'de> Visitor<'de> for ObjectVisitor {
                    type Value = $ty;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(EXPECTING)
                    }

                    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<$ty, A::Error> {
                        let mut index = 0;
                        $(
                            let $field = seq.next_element()?;
                            let $field = serde_struct!(@element $field, index, $kind);
                            index += 1;
                        )+
                        let _ = index;
                        Ok($ty { $($field),+ })
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$ty, A::Error> {
                        $(let mut $field = None;)+
                        while let Some(key) = map.next_key::<Field>()? {
                            match key {
                                $(Field::$field => {
                                    if $field.is_some() {
                                        return Err(de::Error::duplicate_field($name));
                                    }
                                    $field = Some(map.next_value()?);
                                })+
                                Field::Other => drop(map.next_value::<IgnoredAny>()?),
                            }
                        }
                        $(let $field = serde_struct!(@entry $field, $name, $kind);)+
                        Ok($ty { $($field),+ })
                    }
                }

                deserializer.deserialize_struct(stringify!($ty), FIELDS, ObjectVisitor)
            }
        }
    };

    (@len $value:expr, omittable) => { usize::from($value.is_some()) };
    (@len $value:expr, $kind:ident) => { 1 };

    (@serialize $object:ident, $value:expr, $name:literal, omittable) => {
        match &$value {
            Some(_) => $object.serialize_field($name, &$value)?,
            None => $object.skip_field($name)?,
        }
    };
    (@serialize $object:ident, $value:expr, $name:literal, $kind:ident) => {
        $object.serialize_field($name, &$value)?
    };

    (@element $element:ident, $index:ident, required) => {
        match $element {
            Some(value) => value,
            None => return Err(de::Error::invalid_length($index, &Elements)),
        }
    };
    (@element $element:ident, $index:ident, $kind:ident) => {
        $element.unwrap_or_default()
    };

    (@entry $entry:ident, $name:literal, required) => {
        match $entry {
            Some(value) => value,
            None => return Err(de::Error::missing_field($name)),
        }
    };
    (@entry $entry:ident, $name:literal, $kind:ident) => {
        $entry.unwrap_or_default()
    };
}

serde_struct!(OpenAiEnvelope {
    error: "error" required,
});

serde_struct!(OpenAiError {
    message: "message" required,
    error_type: "type" required,
    param: "param" nullable,
    code: "code" nullable,
    doc_url: "doc_url" omittable,
    suggestion: "suggestion" omittable,
});

serde_struct!(AnthropicEnvelope {
    envelope_type: "type" required,
    error: "error" required,
    request_id: "request_id" nullable,
});

serde_struct!(AnthropicError {
    error_type: "type" required,
    message: "message" required,
    details: "details" omittable,
});

serde_struct!(AnthropicDetails {
    error_code: "error_code" nullable,
});
