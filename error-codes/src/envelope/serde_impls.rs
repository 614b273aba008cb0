//! Hand-written `Serialize` and `Deserialize` for the envelope structs.

use super::structs::{
    AnthropicDetails, AnthropicEnvelope, AnthropicError, OpenAiEnvelope, OpenAiError,
};
use std::fmt;

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
