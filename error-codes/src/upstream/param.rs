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
/// `messages.1.content.0.image.source.base64: invalid base64 data`.
pub(crate) fn leading(message: &str) -> Option<String> {
    let (head, _) = message.split_once(": ")?;
    let named = is_path(head) && (head.contains(['.', '_', '[']) || KNOWN.contains(&head));
    named.then(|| head.to_owned())
}

/// A parameter the message names elsewhere: the first path in brackets
/// (`[textGenerationConfig]`), else in quotes (`'temperature'`, `"foo"`,
/// `` `max_tokens` ``),
/// else `the toolConfig.toolChoice.any field`, else a path the message
/// ends with (`argument supplied: top_k`).
pub(crate) fn named(message: &str) -> Option<String> {
    quoted(message)
        .or_else(|| before_field(message))
        .or_else(|| trailing(message))
        .map(str::to_owned)
}

fn quoted(message: &str) -> Option<&str> {
    let pairs = [('[', ']'), ('\'', '\''), ('"', '"'), ('`', '`')];
    pairs.into_iter().find_map(|(open, close)| {
        let mut rest = message;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + open.len_utf8()..];
            let end = after.find(close)?;
            let inner = &after[..end];
            if is_path(inner) {
                return Some(inner);
            }
            rest = &after[end + close.len_utf8()..];
        }
        None
    })
}

/// `... the toolConfig.toolChoice.any field ...`: a dotted or snake_case
/// path right before the word `field`.
fn before_field(message: &str) -> Option<&str> {
    message.match_indices(" field").find_map(|(index, _)| {
        let word = message[..index].rsplit(' ').next()?;
        (is_path(word) && word.contains(['.', '_'])).then_some(word)
    })
}

/// `Unrecognized request argument supplied: top_k`: the path after the
/// last `: `, when it ends the message.
fn trailing(message: &str) -> Option<&str> {
    let (_, tail) = message.rsplit_once(": ")?;
    let tail = tail.trim_end_matches(['.', ' ']);
    is_path(tail).then_some(tail)
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
        let named = |m| named(m);
        assert_eq!(
            named("Invalid value for 'temperature': expected a number").as_deref(),
            Some("temperature")
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
        assert_eq!(named("no parameter: here at all"), None);
    }
}
