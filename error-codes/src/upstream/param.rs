//! The request parameter a provider's message names, when its body has no
//! `param` field: `max_tokens: 100000 > 64000 ...`, `Invalid value for
//! 'temperature'`, `Unknown name "foo"`.

/// Top-level request parameters a message may name bare, as in
/// `model: field required`; any dotted or snake_case path is taken too.
const KNOWN: [&str; 16] = [
    "model",
    "messages",
    "system",
    "tools",
    "stream",
    "temperature",
    "input",
    "prompt",
    "stop",
    "metadata",
    "thinking",
    "contents",
    "n",
    "seed",
    "modalities",
    "audio",
];

/// A parameter the message starts with, Anthropic's way:
/// `messages.1.content.0.image.source.base64: invalid base64 data`. A
/// class name (`litellm.BadRequestError: ...`) is none.
pub(crate) fn leading(message: &str) -> Option<String> {
    let (head, _) = message.split_once(": ")?;
    let class = head
        .split('.')
        .any(|part| part.starts_with(|c: char| c.is_ascii_uppercase()));
    let named =
        is_path(head) && !class && (head.contains(['.', '_', '[']) || KNOWN.contains(&head));
    named.then(|| head.to_owned())
}

/// The last name of a member path the message starts with, quoted or
/// not (`` `messages[3].reasoning`: ... `` → `reasoning`), lower case: a
/// member of the request the message is about.
pub(crate) fn member(message: &str) -> Option<String> {
    let (head, _) = message.split_once(':')?;
    let path = head.trim().trim_matches(['`', '\'', '"']);
    let last = path.rsplit(['.', ']']).next()?;
    (is_path(path) && path.contains(['.', '[']) && !last.is_empty())
        .then(|| last.to_ascii_lowercase())
}

/// A parameter the message names by one of a few fixed phrases, the
/// first found:
///
/// - `argument supplied: top_k`, `arguments supplied: a, b` (OpenAI's
///   unrecognized arguments);
/// - `Unsupported parameter: 'x'`, `Unknown parameter: 'x'` (OpenAI's);
/// - `Unknown name "foo"` (Google's unknown field);
/// - `extraneous key [stream]` (Bedrock's unknown key);
/// - ``missing field `messages` `` (serde's missing field);
/// - `the toolConfig.toolChoice.any field` (Bedrock's unsupported field).
///
/// A name quoted anywhere else is not taken: `'response_format' of type
/// 'json_schema'` quotes a value as readily as a parameter.
pub(crate) fn named(message: &str) -> Option<String> {
    const PHRASES: [(&str, &str); 8] = [
        ("argument supplied: ", ""),
        ("arguments supplied: ", ""),
        ("Unsupported parameter: '", "'"),
        ("Unknown parameter: '", "'"),
        ("Unknown name \"", "\""),
        ("extraneous key [", "]"),
        ("missing field `", "`"),
        ("the ", " field"),
    ];
    PHRASES.iter().find_map(|(before, after)| {
        message.match_indices(before).find_map(|(index, _)| {
            let rest = &message[index + before.len()..];
            let name = match *after {
                "" => rest.split([' ', ',', ';']).next()?.trim_end_matches('.'),
                after => &rest[..rest.find(after)?],
            };
            let dotted = *before != "the " || name.contains(['.', '_']);
            (is_path(name) && dotted).then(|| name.to_owned())
        })
    })
}

/// `name`, `a.b`, `a[0].b`, `messages.0.content`: what a request field's
/// path looks like.
fn is_path(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && text.len() <= 128
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']'))
        && !text.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_named_parameters() {
        let lead = |m| leading(m);
        assert_eq!(
            lead("max_tokens: 100000 > 64000, which is the maximum").as_deref(),
            Some("max_tokens")
        );
        assert_eq!(
            lead("messages.1.content.0.image.source.base64: invalid base64 data").as_deref(),
            Some("messages.1.content.0.image.source.base64")
        );
        assert_eq!(lead("model: Field required").as_deref(), Some("model"));
        assert_eq!(lead("Error: something broke"), None);
        assert_eq!(lead("Overloaded"), None);
        assert_eq!(
            lead("litellm.BadRequestError: litellm.ContentPolicyViolationError: x"),
            None
        );
        assert_eq!(
            member("`messages[3].reasoning`: reasoning is not supported").as_deref(),
            Some("reasoning")
        );
        assert_eq!(member("max_tokens: too large"), None);
        let named = |m| named(m);
        assert_eq!(
            named("Invalid parameter: 'response_format' of type 'json_schema' is not supported"),
            None
        );
        assert_eq!(
            named("Unknown name \"foo_bar\": Cannot find field.").as_deref(),
            Some("foo_bar")
        );
        assert_eq!(
            named("extraneous key [stream] is not permitted").as_deref(),
            Some("stream")
        );
        assert_eq!(
            named("This model doesn't support the toolConfig.toolChoice.any field. Remove it.")
                .as_deref(),
            Some("toolConfig.toolChoice.any")
        );
        assert_eq!(
            named("Unrecognized request argument supplied: top_k").as_deref(),
            Some("top_k")
        );
        assert_eq!(named("The model `gpt-4-x` does not exist"), None);
        assert_eq!(
            named("Unrecognized request arguments supplied: frequencyPenalty, presencePenalty")
                .as_deref(),
            Some("frequencyPenalty")
        );
        assert_eq!(
            named("Unknown parameter: 'web_search_options'.").as_deref(),
            Some("web_search_options")
        );
        assert_eq!(
            named("missing field `messages` at line 4").as_deref(),
            Some("messages")
        );
        assert_eq!(named("no parameter: here at all"), None);
        assert_eq!(named("the request field is bad"), None);
    }
}
