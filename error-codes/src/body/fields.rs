//! The typed slots of every error envelope the crate reads (OpenAI,
//! Anthropic, Google `google.rpc.Status`, Bedrock, Mistral, FastAPI,
//! OpenRouter, the Responses API), and the one generic reader that fills
//! them.

use super::json::Json;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::fmt;

/// The fields of one object of an envelope.
pub(crate) trait Fields: Default {
    /// Reads the value of `key` into its slot, or skips it.
    fn read<'de, A: MapAccess<'de>>(&mut self, key: Key, map: &mut A) -> Result<(), A::Error>;
}

/// Declares the key names the envelopes define, at any level; each object
/// reads its own and skips the rest.
macro_rules! keys {
    ($($variant:ident = $($name:literal)|+,)+) => {
        /// A key of an envelope object.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum Key {
            $($variant,)+
            /// Any key no envelope reads.
            Other,
        }

        impl Key {
            fn named(name: &str) -> Key {
                match name {
                    $($($name)|+ => Key::$variant,)+
                    _ => Key::Other,
                }
            }
        }
    };
}

keys! {
    Type = "type",
    Error = "error",
    RequestId = "request_id",
    Message = "message",
    MessageCapital = "Message",
    Detail = "detail",
    Object = "object",
    Code = "code",
    Param = "param",
    AwsType = "__type",
    Response = "response",
    Status = "status",
    DocUrl = "doc_url",
    Suggestion = "suggestion",
    Provider = "provider",
    Details = "details",
    InnerError = "innererror" | "inner_error",
    Metadata = "metadata",
    ErrorCode = "error_code",
    AtType = "@type",
    Reason = "reason",
    RetryDelay = "retryDelay",
    FieldViolations = "fieldViolations",
    Field = "field",
    Description = "description",
    Loc = "loc",
    Msg = "msg",
    ContentFilter = "content_filter_result" | "content_filter_results",
    Raw = "raw",
    ProviderName = "provider_name",
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
                Ok(Key::named(key))
            }
        }

        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Declares one object's slots and reads them: the value of each listed
/// key is kept (a key given twice counts with its last value, as in
/// JavaScript's `JSON.parse`); every other key is skipped unread.
macro_rules! fields {
    ($(#[$doc:meta])* $name:ident { $($field:ident: $ty:ty = $key:ident,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Default)]
        pub(crate) struct $name {
            $(pub(crate) $field: Option<Json<$ty>>,)*
        }

        impl Fields for $name {
            fn read<'de, A: MapAccess<'de>>(&mut self, key: Key, map: &mut A) -> Result<(), A::Error> {
                match key {
                    $(Key::$key => self.$field = Some(map.next_value()?),)*
                    #[allow(unreachable_patterns)]
                    _ => drop(map.next_value::<IgnoredAny>()?),
                }
                Ok(())
            }
        }
    };
}

fields! {
    /// A value whose object form has no fields of interest.
    Skipped {}
}

fields! {
    /// The top level of a body (or of an SSE event's data).
    TopFields {
        envelope_type: Skipped = Type,
        error: ErrorFields = Error,
        request_id: Skipped = RequestId,
        message: MessageFields = Message,
        message_capital: Skipped = MessageCapital,
        detail: DetailFields = Detail,
        object: Skipped = Object,
        code: Skipped = Code,
        param: Skipped = Param,
        aws_type: Skipped = AwsType,
        response: ResponseFields = Response,
    }
}

fields! {
    /// The `error` object: OpenAI's, Anthropic's, Google's, OpenRouter's.
    ErrorFields {
        message: MessageFields = Message,
        error_type: Skipped = Type,
        param: Skipped = Param,
        code: Skipped = Code,
        status: Skipped = Status,
        doc_url: Skipped = DocUrl,
        suggestion: Skipped = Suggestion,
        provider: Skipped = Provider,
        details: DetailsFields = Details,
        inner_error: InnerFields = InnerError,
        metadata: MetadataFields = Metadata,
    }
}

fields! {
    /// A `message` that is an object: Mistral's `{"detail":[...]}`.
    MessageFields {
        detail: DetailFields = Detail,
    }
}

fields! {
    /// `error.details`: Anthropic's object, or one element of Google's
    /// array (`ErrorInfo`, `RetryInfo`, `BadRequest`).
    DetailsFields {
        error_code: Skipped = ErrorCode,
        at_type: Skipped = AtType,
        reason: Skipped = Reason,
        retry_delay: Skipped = RetryDelay,
        field_violations: ViolationFields = FieldViolations,
    }
}

fields! {
    /// One of Google's `BadRequest.fieldViolations`.
    ViolationFields {
        field: Skipped = Field,
        description: Skipped = Description,
    }
}

fields! {
    /// One element of FastAPI's `detail` array: `{"loc","msg","type"}`.
    DetailFields {
        loc: Skipped = Loc,
        msg: Skipped = Msg,
        detail_type: Skipped = Type,
    }
}

fields! {
    /// Azure's `innererror` / `inner_error`.
    InnerFields {
        code: Skipped = Code,
        content_filter: Skipped = ContentFilter,
    }
}

fields! {
    /// OpenRouter's `error.metadata`.
    MetadataFields {
        raw: Skipped = Raw,
        provider_name: Skipped = ProviderName,
    }
}

fields! {
    /// The Responses API's `response` object of a `response.failed` event.
    ResponseFields {
        error: ErrorFields = Error,
        status: Skipped = Status,
    }
}
