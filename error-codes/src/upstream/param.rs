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

/// The first quoted parameter path in the message: `'temperature'`,
/// `"foo"`, `` `max_tokens` ``.
pub(crate) fn quoted(message: &str) -> Option<String> {
    ['\'', '"', '`'].into_iter().find_map(|quote| {
        message
            .split(quote)
            .skip(1)
            .step_by(2)
            .find(|inner| is_path(inner))
            .map(str::to_owned)
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
            quoted("Invalid value for 'temperature': expected a number").as_deref(),
            Some("temperature")
        );
        assert_eq!(
            quoted("Unknown name \"foo_bar\": Cannot find field.").as_deref(),
            Some("foo_bar")
        );
        assert_eq!(quoted("The model `gpt-4-x` does not exist"), None);
        assert_eq!(quoted("no quotes here"), None);
    }
}
