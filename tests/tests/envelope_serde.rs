//! The envelope structs' `Serialize` and `Deserialize` are written by hand
//! (so users need not build `serde_derive`); these tests hold them to what
//! `#[derive(Serialize, Deserialize)]` with the documented attributes does:
//! the same bytes out, and for any input the same value or the same error
//! message, in map form, sequence form, and with index or byte keys.

use proptest::prelude::*;
use serde::de::value::MapDeserializer;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::fmt::Debug;

/// The same structs, derived: the reference the hand-written impls must
/// match. Same names, so derived error messages name the same structs.
mod derived {
    use serde::{Deserialize, Serialize};

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct OpenAiEnvelope {
        pub error: OpenAiError,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct OpenAiError {
        pub message: String,
        #[serde(rename = "type")]
        pub error_type: String,
        #[serde(default)]
        pub param: Option<String>,
        #[serde(default)]
        pub code: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub provider: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub doc_url: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub suggestion: Option<String>,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AnthropicEnvelope {
        #[serde(rename = "type")]
        pub envelope_type: String,
        pub error: AnthropicError,
        #[serde(default)]
        pub request_id: Option<String>,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AnthropicError {
        #[serde(rename = "type")]
        pub error_type: String,
        pub message: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub details: Option<AnthropicDetails>,
    }

    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AnthropicDetails {
        #[serde(default)]
        pub error_code: Option<String>,
    }
}

/// Whether `input` deserializes the same into ours and the derived mirror:
/// the same value (compared through `Debug`, which prints the same field
/// names) or the same error message, and the value re-serializes to the
/// same bytes.
fn same_from_json<Ours, Derived>(input: &str)
where
    Ours: DeserializeOwned + Serialize + Debug,
    Derived: DeserializeOwned + Serialize + Debug,
{
    let ours = serde_json::from_str::<Ours>(input);
    let derived = serde_json::from_str::<Derived>(input);
    match (&ours, &derived) {
        (Ok(ours), Ok(derived)) => {
            assert_eq!(format!("{ours:?}"), format!("{derived:?}"), "{input}");
            assert_eq!(
                serde_json::to_string(ours).unwrap(),
                serde_json::to_string(derived).unwrap(),
                "{input}"
            );
        }
        (Err(ours), Err(derived)) => {
            assert_eq!(ours.to_string(), derived.to_string(), "{input}");
        }
        _ => panic!("{input}: ours {ours:?}, derived {derived:?}"),
    }
}

/// `same_from_json` for all five structs.
fn all_same_from_json(input: &str) {
    same_from_json::<error_codes::OpenAiEnvelope, derived::OpenAiEnvelope>(input);
    same_from_json::<error_codes::OpenAiError, derived::OpenAiError>(input);
    same_from_json::<error_codes::AnthropicEnvelope, derived::AnthropicEnvelope>(input);
    same_from_json::<error_codes::AnthropicError, derived::AnthropicError>(input);
    same_from_json::<error_codes::AnthropicDetails, derived::AnthropicDetails>(input);
}

#[test]
fn inputs_that_are_not_envelopes_fail_with_the_derived_messages() {
    let inputs = [
        // Every required field missing, one at a time and all at once.
        r#"{}"#,
        r#"{"type":"t"}"#,
        r#"{"message":"m"}"#,
        r#"{"error":{"message":"m"}}"#,
        r#"{"type":"error","error":{"type":"t"}}"#,
        // Duplicates, of required and of optional fields.
        r#"{"message":"a","message":"b","type":"t"}"#,
        r#"{"message":"m","type":"t","param":null,"param":"p"}"#,
        r#"{"message":"m","type":"t","doc_url":"u","doc_url":"u"}"#,
        r#"{"error_code":"a","error_code":"b"}"#,
        r#"{"type":"error","type":"error","error":{"type":"t","message":"m"}}"#,
        // Wrong types, at every level.
        r#"{"message":1,"type":"t"}"#,
        r#"{"message":"m","type":["t"]}"#,
        r#"{"message":"m","type":"t","param":7}"#,
        r#"{"message":"m","type":"t","code":{"a":1}}"#,
        r#"{"message":"m","type":"t","suggestion":true}"#,
        r#"{"error":"boom"}"#,
        r#"{"error":null}"#,
        r#"{"type":"t","message":"m","details":"x"}"#,
        r#"{"type":"t","message":"m","details":{"error_code":5}}"#,
        r#"{"error_code":[]}"#,
        // Not objects at all.
        "null",
        "true",
        "42",
        "-1.5",
        r#""error""#,
        // Sequence form: too short, wrong element types, too long.
        "[]",
        r#"["m"]"#,
        r#"["m",1]"#,
        r#"[{"message":"m","type":"t"}]"#,
        r#"[[ "m","t"]]"#,
        r#"["m","t",null,null,null,null,"extra"]"#,
        r#"["error",{"type":"t","message":"m"},null,"extra"]"#,
        // Broken JSON.
        r#"{"message":"m","type":"t""#,
        r#"{"message":"m","type":"t",}"#,
        "",
    ];
    for input in inputs {
        all_same_from_json(input);
    }
}

#[test]
fn envelopes_deserialize_and_serialize_as_derived() {
    let inputs = [
        // Minimal and full forms of each object.
        r#"{"message":"m","type":"t"}"#,
        r#"{"message":"m","type":"t","param":null,"code":null}"#,
        r#"{"message":"m","type":"t","param":"p","code":"c","doc_url":"u","suggestion":"s"}"#,
        r#"{"error":{"message":"m","type":"t","param":"p","code":"c"}}"#,
        r#"{"type":"error","error":{"type":"t","message":"m"},"request_id":"req_1"}"#,
        r#"{"type":"error","error":{"type":"t","message":"m","details":{"error_code":"c"}}}"#,
        r#"{"type":"t","message":"m","details":null}"#,
        r#"{"type":"t","message":"m","details":{}}"#,
        r#"{"error_code":null}"#,
        r#"{}"#,
        // Unknown keys are skipped, whatever they hold, and keys in any order.
        r#"{"type":"t","extra":[1,{"a":[null]}],"message":"m","Type":"x","":0}"#,
        r#"{"code":"c","suggestion":"s","type":"t","message":"m","param":"p"}"#,
        // Escapes in keys and values.
        r#"{"mess\u0061ge":"\u2028\"","type":"\ud83d\ude00"}"#,
        // Sequence form, short where the rest have defaults.
        r#"["m","t"]"#,
        r#"["m","t","p","c","u","s"]"#,
        r#"["error",{"type":"t","message":"m"}]"#,
        r#"[["m","t"]]"#,
        r#"[null]"#,
    ];
    for input in inputs {
        all_same_from_json(input);
    }
}

/// Keys given as field indexes and as bytes, as formats other than JSON
/// give them, resolve like the derived impls' keys.
#[test]
fn index_and_byte_keys_resolve_like_derived_keys() {
    let values = [
        Value::from("m"),
        Value::from("t"),
        Value::from("p"),
        Value::Null,
        Value::from("u"),
        Value::from("s"),
    ];
    let by_index: Vec<(u64, Value)> = (0u64..).zip(values.iter().cloned()).collect();
    let mut with_unknown_index = by_index.clone();
    with_unknown_index.push((6, Value::from("ignored")));
    with_unknown_index.push((u64::MAX, Value::from("ignored")));
    for entries in [by_index.clone(), with_unknown_index, by_index[..1].to_vec()] {
        let ours = error_codes::OpenAiError::deserialize(
            MapDeserializer::<_, serde_json::Error>::new(entries.clone().into_iter()),
        );
        let derived = derived::OpenAiError::deserialize(
            MapDeserializer::<_, serde_json::Error>::new(entries.into_iter()),
        );
        assert_eq!(format!("{ours:?}"), format!("{derived:?}"));
    }

    let names: [&[u8]; 7] = [
        b"message",
        b"type",
        b"param",
        b"code",
        b"doc_url",
        b"suggestion",
        b"typo",
    ];
    let by_bytes: Vec<(&[u8], Value)> = names
        .iter()
        .copied()
        .zip(values.iter().cloned().chain([Value::from(1)]))
        .collect();
    let ours = error_codes::OpenAiError::deserialize(MapDeserializer::<_, serde_json::Error>::new(
        by_bytes.clone().into_iter(),
    ));
    let derived = derived::OpenAiError::deserialize(MapDeserializer::<_, serde_json::Error>::new(
        by_bytes.into_iter(),
    ));
    assert_eq!(format!("{ours:?}"), format!("{derived:?}"));
    assert!(ours.is_ok(), "{ours:?}");
}

/// A JSON value shaped like an envelope object: keys from the envelopes'
/// own fields and a few others, values of every JSON type, nested.
fn envelope_like() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("message"),
        Just("type"),
        Just("param"),
        Just("code"),
        Just("doc_url"),
        Just("suggestion"),
        Just("error"),
        Just("request_id"),
        Just("details"),
        Just("error_code"),
        Just("other"),
    ];
    let leaf = prop_oneof![
        4 => "[a-z_]{0,8}".prop_map(Value::from),
        2 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::from),
        1 => any::<i64>().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 32, 6, move |inner| {
        prop_oneof![
            4 => proptest::collection::vec((key.clone(), inner.clone()), 0..7).prop_map(|entries| {
                // Built as text so that duplicate keys survive.
                let body = entries
                    .iter()
                    .map(|(key, value)| format!("\"{key}\":{value}"))
                    .collect::<Vec<_>>()
                    .join(",");
                Value::String(format!("{{{body}}}"))
            }),
            1 => proptest::collection::vec(inner, 0..7).prop_map(Value::Array),
        ]
    })
}

/// Renders a generated value as JSON text; object strings made by
/// `envelope_like` are spliced in raw, so they stay objects (with their
/// duplicate keys).
fn render(value: &Value) -> String {
    match value {
        Value::String(text) if text.starts_with('{') => text.clone(),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(render).collect::<Vec<_>>().join(",")
        ),
        other => other.to_string(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn any_envelope_like_input_deserializes_as_derived(value in envelope_like()) {
        all_same_from_json(&render(&value));
    }

    #[test]
    fn any_envelope_serializes_as_derived(
        message in any::<String>(),
        error_type in "[a-z_]{0,12}",
        param in proptest::option::of(any::<String>()),
        code in proptest::option::of("[a-z_]{0,12}"),
        provider in proptest::option::of("[a-z_]{0,12}"),
        doc_url in proptest::option::of(any::<String>()),
        suggestion in proptest::option::of(any::<String>()),
        request_id in proptest::option::of(any::<String>()),
        error_code in proptest::option::of(proptest::option::of("[a-z_]{0,12}")),
    ) {
        let ours = error_codes::OpenAiEnvelope {
            error: error_codes::OpenAiError {
                message: message.clone(),
                error_type: error_type.clone(),
                param: param.clone(),
                code: code.clone(),
                provider: provider.clone(),
                doc_url: doc_url.clone(),
                suggestion: suggestion.clone(),
            },
        };
        let derived = derived::OpenAiEnvelope {
            error: derived::OpenAiError { message: message.clone(), error_type: error_type.clone(), param, code, provider, doc_url, suggestion },
        };
        prop_assert_eq!(serde_json::to_string(&ours).unwrap(), serde_json::to_string(&derived).unwrap());

        let ours = error_codes::AnthropicEnvelope {
            envelope_type: "error".to_owned(),
            error: error_codes::AnthropicError {
                error_type: error_type.clone(),
                message: message.clone(),
                details: error_code.clone().map(|error_code| error_codes::AnthropicDetails { error_code }),
            },
            request_id: request_id.clone(),
        };
        let derived = derived::AnthropicEnvelope {
            envelope_type: "error".to_owned(),
            error: derived::AnthropicError {
                error_type,
                message,
                details: error_code.map(|error_code| derived::AnthropicDetails { error_code }),
            },
            request_id,
        };
        prop_assert_eq!(serde_json::to_string(&ours).unwrap(), serde_json::to_string(&derived).unwrap());
        prop_assert_eq!(serde_json::to_value(&ours).unwrap(), serde_json::to_value(&derived).unwrap());
    }
}

#[test]
fn the_json_macro_and_the_structs_agree() {
    let value = json!({"type": "error", "error": {"type": "api_error", "message": "m"}, "request_id": null});
    let ours: error_codes::AnthropicEnvelope = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(serde_json::to_value(&ours).unwrap(), value);
}
