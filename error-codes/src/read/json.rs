//! The serde visitor every error-body reader shares: one streaming pass
//! into the typed slots an object declares, everything else skipped.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// Most elements of one array that are kept; the rest are skipped. Enough
/// for every array an envelope defines (Google's `details`, FastAPI's
/// `detail` and its `loc` path, Vertex's array of chunks), and a bound on
/// what a hostile body can make a reader store.
pub(crate) const ARRAY_ITEMS: usize = 16;

/// One JSON value in a place a reader defines: scalars are kept, objects
/// are read into `T`'s slots, arrays keep their first [`ARRAY_ITEMS`]
/// elements (an array inside an array is skipped whole, so nesting costs
/// no stack).
pub(crate) enum Json<T> {
    Null,
    Bool,
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

    /// The objects this value holds: itself, or an array's object elements.
    pub(crate) fn objects(&self) -> impl Iterator<Item = &T> {
        let (one, many) = match self {
            Json::Object(fields) => (Some(fields), &[][..]),
            Json::Array(items) => (None, &items[..]),
            _ => (None, &[][..]),
        };
        let elements = many.iter().filter_map(|item| match item {
            Json::Object(fields) => Some(fields),
            _ => None,
        });
        one.into_iter().chain(elements)
    }
}

/// The slots of one JSON object a reader keeps. Declare one with
/// [`json_fields!`](crate::read::json_fields), which writes this impl.
pub(crate) trait Fields: Default {
    /// The keys this object keeps, in slot order.
    const KEYS: &'static [&'static str];

    /// Reads the value of the key `KEYS[slot]` into its slot.
    fn read<'de, A: MapAccess<'de>>(&mut self, slot: usize, map: &mut A) -> Result<(), A::Error>;
}

/// A value whose object form has no slot of interest: every key skipped.
#[derive(Default)]
pub(crate) struct Skipped;

impl Fields for Skipped {
    const KEYS: &'static [&'static str] = &[];

    fn read<'de, A: MapAccess<'de>>(&mut self, _: usize, map: &mut A) -> Result<(), A::Error> {
        map.next_value::<IgnoredAny>().map(drop)
    }
}

/// Declares a struct of optional [`Json`] slots, one per key, and its
/// [`Fields`] impl: the one reader of every object of every error body.
///
/// ```text
/// json_fields! {
///     /// The `error` object.
///     pub(crate) struct ErrorFields {
///         "message" => message: Skipped,
///         "details" => details: DetailsFields,
///     }
/// }
/// ```
macro_rules! json_fields {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $($key:literal => $field:ident: $inner:ty),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Default)]
        $vis struct $name {
            $(
                #[doc = concat!("`", $key, "`, when present.")]
                $vis $field: Option<$crate::read::Json<$inner>>,
            )+
        }

        impl $crate::read::Fields for $name {
            const KEYS: &'static [&'static str] = &[$($key),+];

            fn read<'de, A: ::serde::de::MapAccess<'de>>(
                &mut self,
                slot: usize,
                map: &mut A,
            ) -> Result<(), A::Error> {
                let mut index = 0;
                $(
                    if slot == index {
                        self.$field = Some(map.next_value()?);
                        return Ok(());
                    }
                    index += 1;
                )+
                let _ = index;
                map.next_value::<::serde::de::IgnoredAny>().map(drop)
            }
        }
    };
}
pub(crate) use json_fields;

/// Reads an object key as its slot among `keys`, without allocating.
struct SlotOf(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for SlotOf {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for SlotOf {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|known| *known == key))
    }
}

impl<'de, T: Fields> Deserialize<'de> for Json<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor {
            in_array: false,
            marker: PhantomData,
        })
    }
}

/// Reads one [`Json`]; `in_array` when it is an element of an array, where
/// a further array is skipped instead of read.
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
                let element = JsonVisitor {
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
        while let Some(slot) = map.next_key_seed(SlotOf(T::KEYS))? {
            match slot {
                Some(slot) => fields.read(slot, &mut map)?,
                None => drop(map.next_value::<IgnoredAny>()?),
            }
        }
        Ok(Json::Object(fields))
    }
}
