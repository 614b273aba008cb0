//! What the echo model reads from a request: the last user text, in the
//! chat/messages shape (`messages`) or the Responses shape (`input`), and
//! the word counts that stand in for token counts.

use crate::errors::GatewayError;
use serde_json::{Map, Value};

/// The text of the last `user` message in `messages`: a string, or the
/// `text` of its `text` parts (chat completions and messages allow either).
pub(crate) fn last_user_message(body: &Map<String, Value>) -> Result<String, GatewayError> {
    let invalid = |problem| GatewayError::BadParameter {
        param: "messages",
        problem,
    };
    let messages = match body.get("messages") {
        None | Some(Value::Null) => {
            return Err(GatewayError::MissingParameter { param: "messages" })
        }
        Some(Value::Array(messages)) => messages,
        Some(_) => return Err(invalid("`messages` must be an array of messages")),
    };
    let last_user = last_user_item(messages)
        .ok_or_else(|| invalid("`messages` has no `user` message to echo"))?;
    content_text(last_user, &["text"]).ok_or_else(|| {
        invalid("the last `user` message needs `content`: a string or an array of text parts")
    })
}

/// The text of the Responses API's `input`: the string itself, or the last
/// `user` message of an input list (content a string or `input_text`
/// parts).
pub(crate) fn last_user_input(body: &Map<String, Value>) -> Result<String, GatewayError> {
    let invalid = |problem| GatewayError::BadParameter {
        param: "input",
        problem,
    };
    match body.get("input") {
        None | Some(Value::Null) => Err(GatewayError::MissingParameter { param: "input" }),
        Some(Value::String(text)) => Ok(text.clone()),
        Some(Value::Array(items)) => {
            let last_user = last_user_item(items)
                .ok_or_else(|| invalid("`input` has no `user` message to echo"))?;
            content_text(last_user, &["input_text", "text"]).ok_or_else(|| {
                invalid(
                    "the last `user` message needs `content`: a string or an array of input_text parts",
                )
            })
        }
        Some(_) => Err(invalid(
            "`input` must be a string or an array of input items",
        )),
    }
}

fn last_user_item(items: &[Value]) -> Option<&Value> {
    items
        .iter()
        .rev()
        .find(|item| item.get("role").and_then(Value::as_str) == Some("user"))
}

/// A message's `content` as text: a string, or its parts of the given
/// types joined.
fn content_text(message: &Value, part_types: &[&str]) -> Option<String> {
    match message.get("content")? {
        Value::String(text) => Some(text.clone()),
        Value::Array(parts) => Some(
            parts
                .iter()
                .filter(|part| {
                    part.get("type")
                        .and_then(Value::as_str)
                        .is_some_and(|kind| part_types.contains(&kind))
                })
                .filter_map(|part| part.get("text").and_then(Value::as_str))
                .collect(),
        ),
        _ => None,
    }
}

/// Word counts stand in for token counts.
pub(crate) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The words of the prompt: `messages` and `system` (chat, messages), or
/// `input` and `instructions` (Responses).
pub(crate) fn prompt_words(body: &Map<String, Value>) -> usize {
    fn words(value: &Value) -> usize {
        match value {
            Value::String(text) => word_count(text),
            Value::Array(items) => items.iter().map(words).sum(),
            Value::Object(object) => ["content", "text"]
                .iter()
                .filter_map(|key| object.get(*key))
                .map(words)
                .sum(),
            _ => 0,
        }
    }
    ["messages", "system", "input", "instructions"]
        .iter()
        .filter_map(|key| body.get(*key))
        .map(words)
        .sum()
}

/// The echo split into stream pieces, one per word with its trailing space.
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(' ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }

    #[test]
    fn echo_reads_the_last_user_message_in_either_shape() {
        let text = last_user_message(&body(json!({"messages": [
            {"role": "user", "content": "first"},
            {"role": "assistant", "content": "reply"},
            {"role": "user", "content": [{"type": "text", "text": "a "}, {"type": "image"}, {"type": "text", "text": "b"}]},
        ]})));
        assert_eq!(text, Ok("a b".to_owned()));
        assert_eq!(
            last_user_message(&body(json!({}))),
            Err(GatewayError::MissingParameter { param: "messages" })
        );
        let no_user = last_user_message(&body(
            json!({"messages": [{"role": "system", "content": "x"}]}),
        ));
        assert!(matches!(
            no_user,
            Err(GatewayError::BadParameter {
                param: "messages",
                ..
            })
        ));
    }

    #[test]
    fn responses_input_is_a_string_or_an_item_list() {
        assert_eq!(
            last_user_input(&body(json!({"input": "hi there"}))),
            Ok("hi there".to_owned())
        );
        let items = json!({"input": [
            {"role": "user", "content": "old"},
            {"type": "message", "role": "user", "content": [
                {"type": "input_text", "text": "new "}, {"type": "input_image"}, {"type": "input_text", "text": "one"}
            ]},
            {"role": "assistant", "content": "x"},
        ]});
        assert_eq!(last_user_input(&body(items)), Ok("new one".to_owned()));
        assert_eq!(
            last_user_input(&body(json!({"input": null}))),
            Err(GatewayError::MissingParameter { param: "input" })
        );
        assert!(matches!(
            last_user_input(&body(json!({"input": 3}))),
            Err(GatewayError::BadParameter { param: "input", .. })
        ));
        assert!(matches!(
            last_user_input(&body(json!({"input": [{"role": "user"}]}))),
            Err(GatewayError::BadParameter { param: "input", .. })
        ));
    }

    #[test]
    fn prompts_count_words_of_every_api() {
        assert_eq!(
            prompt_words(&body(
                json!({"system": "be brief", "messages": [{"role": "user", "content": "a b c"}]})
            )),
            5
        );
        assert_eq!(
            prompt_words(&body(json!({"instructions": "x", "input": "a b"}))),
            3
        );
    }

    #[test]
    fn the_stream_pieces_rebuild_the_text() {
        let text = "one two  three";
        assert_eq!(pieces(text).collect::<String>(), text);
        assert_eq!(pieces(text).count(), 4);
        assert_eq!(pieces("").count(), 0);
    }
}
