//! The inputs of the bounded fuzz run: any JSON, envelope- and
//! problem-details-shaped objects with every read field right, null,
//! absent or wrong, real bodies, and byte mutations of them.

use api_error_codes::{ApiError, ErrorCode, Format};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

pub(crate) fn any_scalar() -> impl Strategy<Value = Value> {
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
pub(crate) fn any_json() -> impl Strategy<Value = Value> {
    any_scalar().prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((".{0,6}", inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// A field's value: mostly right, often wrong, sometimes absent.
pub(crate) fn slot(
    right: impl Strategy<Value = Value> + 'static,
) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        4 => right.prop_map(Some),
        1 => Just(Some(Value::Null)),
        1 => any_json().prop_map(Some),
        1 => Just(None),
    ]
}

pub(crate) fn text() -> impl Strategy<Value = Value> {
    ".{0,24}".prop_map(Value::String)
}

pub(crate) fn insert(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        map.insert(key.to_owned(), value);
    }
}

/// Envelope-shaped objects in which every field the parser reads may be
/// right, null, absent or of any other type, among random extra keys.
pub(crate) fn envelope_like() -> impl Strategy<Value = Value> {
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

/// Problem-details-shaped objects: every member the parser reads may be
/// right, null, absent or of any other type, among random extra keys
/// (sometimes an `error`, sometimes a `type` of `"error"`).
pub(crate) fn problem_like() -> impl Strategy<Value = Value> {
    let status = prop_oneof![
        (100u16..600).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0u32..700).prop_map(|n| Value::from(f64::from(n) / 2.0)),
    ];
    (
        (
            slot(prop_oneof![4 => text(), 1 => Just(json!("error"))]),
            slot(text()),
            slot(status),
            slot(text()),
            slot(text()),
        ),
        (
            slot(prop_oneof![text(), any::<i64>().prop_map(Value::from)]),
            slot(text()),
            slot(any::<bool>().prop_map(Value::Bool)),
            slot(text()),
            slot(text()),
        ),
        slot(any_json()),
        prop::collection::vec(("[a-z_]{1,8}", any_json()), 0..3),
    )
        .prop_map(
            |(
                (problem_type, title, status, detail, instance),
                (code, param, retryable, request_id, suggestion),
                error,
                extra,
            )| {
                let mut top: Map<String, Value> = extra.into_iter().collect();
                for (key, value) in [
                    ("type", problem_type),
                    ("title", title),
                    ("status", status),
                    ("detail", detail),
                    ("instance", instance),
                    ("code", code),
                    ("param", param),
                    ("retryable", retryable),
                    ("request_id", request_id),
                    ("suggestion", suggestion),
                    ("error", error),
                ] {
                    insert(&mut top, key, value);
                }
                Value::Object(top)
            },
        )
}

/// A real body this crate writes, with any options.
pub(crate) fn valid_body() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::sample::select(ErrorCode::ALL),
        prop::sample::select(Format::ALL.to_vec()),
        any::<bool>(),
        proptest::option::of(".{0,12}"),
    )
        .prop_map(|(code, format, details, request_id)| {
            let mut envelope = code.envelope(format).details_error_code(details);
            if details {
                envelope = envelope.instance("/v1/keys/k_1").suggestion("Retry");
            }
            if let Some(request_id) = &request_id {
                envelope = envelope.request_id(request_id);
            }
            envelope.to_body()
        })
}

#[derive(Clone, Debug)]
pub(crate) enum Mutation {
    Truncate(prop::sample::Index),
    FlipBit(prop::sample::Index, u8),
    SetByte(prop::sample::Index, u8),
    Insert(prop::sample::Index, Vec<u8>),
    Remove(prop::sample::Index, prop::sample::Index),
    Duplicate(prop::sample::Index, prop::sample::Index),
}

pub(crate) fn mutation() -> impl Strategy<Value = Mutation> {
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

pub(crate) fn apply(body: &mut Vec<u8>, mutation: &Mutation) {
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
