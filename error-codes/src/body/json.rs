//! [`Json`]: one JSON value in a place an envelope defines, read by serde
//! in one streaming pass; the object form is read into typed slots.

use super::fields::{Fields, Key};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// Most elements of one array that are kept; the rest are skipped. Enough
/// for every array an envelope defines (Google's `details`, FastAPI's
/// `detail`, a `loc` path), and a bound on what a hostile body can make
/// the reader store.
pub(crate) const ARRAY_ITEMS: usize = 16;

/// One JSON value in a place the envelope defines: scalars are kept,
/// objects are read into `T`'s fields, arrays keep their first
/// [`ARRAY_ITEMS`] elements (an array inside an array is skipped).
#[derive(Debug)]
pub(crate) enum Json<T> {
    Null,
    Bool,
    /// A number, as its decimal text.
    Number(String),
    String(String),
    Array(Vec<Json<T>>),
    Object(T),
}

impl<T> Json<T> {
    /// The text of a string, or of a number.
    pub(crate) fn text(&self) -> Option<&str> {
        match self {
            Json::String(text) | Json::Number(text) => Some(text),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    /// The object's fields, if this is an object.
    pub(crate) fn object(&self) -> Option<&T> {
        match self {
            Json::Object(fields) => Some(fields),
            _ => None,
        }
    }

    /// The objects this value holds: itself, or an array's object elements.
    pub(crate) fn objects(&self) -> impl Iterator<Item = &T> {
        let (one, many) = match self {
            Json::Object(fields) => (Some(fields), &[][..]),
            Json::Array(items) => (None, &items[..]),
            _ => (None, &[][..]),
        };
        one.into_iter().chain(many.iter().filter_map(Json::object))
    }
}

impl<'de, T: Fields> de::Deserialize<'de> for Json<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor::<T> {
            in_array: false,
            marker: PhantomData,
        })
    }
}

/// Reads one [`Json`]; `in_array` when it is an element of an array, where
/// a further array is skipped instead of read, so nesting costs no stack.
struct JsonVisitor<T> {
    in_array: bool,
    marker: PhantomData<T>,
}

impl<'de, T: Fields> DeserializeSeed<'de> for JsonVisitor<T> {
    type Value = Json<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json<T>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

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
        let mut items = Vec::new();
        if !self.in_array {
            while items.len() < ARRAY_ITEMS {
                let element = JsonVisitor::<T> {
                    in_array: true,
                    marker: PhantomData,
                };
                match seq.next_element_seed(element)? {
                    Some(item) => items.push(item),
                    None => return Ok(Json::Array(items)),
                }
            }
        }
        // The rest (or a nested array whole) is skipped element by element
        // with serde_json's iterative skipper: no recursion, whatever the
        // nesting.
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<T>, A::Error> {
        let mut fields = T::default();
        while let Some(key) = map.next_key::<Key>()? {
            fields.read(key, &mut map)?;
        }
        Ok(Json::Object(fields))
    }
}
