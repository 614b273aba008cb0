//! Provider wording as the translation table reads it: normalized
//! (percent-decoded, Unicode quotes and apostrophes folded, lower case,
//! `doesn't` read as `does not`), cut into words on word boundaries (a
//! word is letters, digits, `_` and `-`, and `.`, `[`, `]` inside an
//! identifier, so `billing` is not found in `x-billing-project`, `tool` in
//! `parallel_tool_calls`, nor `reasoning` in `messages[3].reasoning`), and
//! with quoted names kept apart: `'timeout'`, `"stream"`, `` `gpt-4` ``
//! (quoted text without spaces) name what the client sent, not what went
//! wrong.
//!
//! A phrase is words separated by spaces; a word ending in `*` matches
//! any word it starts (`throttl*`), one starting with `*` any word it ends
//! (`*budget`), and `..` skips up to three words (`model .. not found`).
//! Phrases match unquoted words of one sentence; a gap may skip quoted
//! ones.

use std::borrow::Cow;

/// How many words `..` may skip.
const GAP: usize = 3;

/// The longest quoted span: an opening quote with no close within this
/// many characters is an apostrophe or a stray quote, not a name.
const QUOTE_LIMIT: usize = 80;

#[derive(Debug)]
struct Word {
    text: String,
    sentence: u32,
    quoted: bool,
}

/// A provider's text, normalized and cut into words.
#[derive(Debug, Default)]
pub(crate) struct Wording {
    words: Vec<Word>,
}

impl Wording {
    pub(crate) fn new(text: &str) -> Wording {
        let text = without_links(&normalize(text));
        let chars: Vec<char> = text.chars().collect();
        let mut wording = Wording::default();
        let (mut sentence, mut quote_end) = (0, None);
        let mut current = String::new();
        let mut index = 0;
        while index < chars.len() {
            let c = chars[index];
            let quoted = quote_end.is_some();
            if is_word_char(c) || joins_identifier(&chars, index) {
                current.push(c);
            } else {
                wording.push(&mut current, sentence, quoted);
                if quote_end == Some(index) {
                    quote_end = None;
                } else if quote_end.is_none() && matches!(c, '\'' | '"' | '`') {
                    quote_end = closing_quote(&chars, index);
                } else if ends_sentence(&chars, index) && !quoted {
                    sentence += 1;
                }
            }
            index += 1;
        }
        wording.push(&mut current, sentence, quote_end.is_some());
        wording
    }

    fn push(&mut self, word: &mut String, sentence: u32, quoted: bool) {
        let text = word.trim_matches(['-', '_', '.']);
        if !text.is_empty() {
            self.words.push(Word {
                text: text.to_owned(),
                sentence,
                quoted,
            });
        }
        word.clear();
    }

    /// Whether the provider says `phrase` (in its own, unquoted words).
    pub(crate) fn says(&self, phrase: &str) -> bool {
        let terms: Vec<&str> = phrase.split_whitespace().collect();
        (0..self.words.len()).any(|start| self.matches_at(start, &terms).is_some())
    }

    /// Whether one sentence makes one of `claims` (unquoted) and names,
    /// for each group of `subjects`, one of them (quoted or not):
    /// `'stream' does not support true`, `This model doesn't support tool
    /// use`, `json_object cannot be combined with tool calling`.
    pub(crate) fn says_of(&self, claims: &[&str], subjects: &[&[&str]]) -> bool {
        let in_sentence = |phrases: &[&str], quoted: bool, sentence: u32| {
            phrases.iter().any(|phrase| {
                let terms: Vec<&str> = phrase.split_whitespace().collect();
                (0..self.words.len()).any(|start| {
                    self.words[start].sentence == sentence
                        && self.matches_from(start, &terms, quoted).is_some()
                })
            })
        };
        let last = self.words.last().map_or(0, |word| word.sentence);
        (0..=last).any(|sentence| {
            in_sentence(claims, false, sentence)
                && subjects
                    .iter()
                    .all(|group| in_sentence(group, true, sentence))
        })
    }

    /// Where `terms` match from word `start` on, unquoted words only.
    fn matches_at(&self, start: usize, terms: &[&str]) -> Option<usize> {
        self.matches_from(start, terms, false)
    }

    /// Where `terms` match from word `start` on, within its sentence, if
    /// they do: the index after the last word matched. `quoted`: whether
    /// quoted words match terms too (for the names of features).
    fn matches_from(&self, start: usize, terms: &[&str], quoted: bool) -> Option<usize> {
        let sentence = self.words.get(start)?.sentence;
        self.matches_in(start, terms, quoted, sentence)
    }

    fn matches_in(
        &self,
        start: usize,
        terms: &[&str],
        quoted: bool,
        sentence: u32,
    ) -> Option<usize> {
        let Some((term, rest)) = terms.split_first() else {
            return Some(start);
        };
        let word = self
            .words
            .get(start)
            .filter(|word| word.sentence == sentence);
        if *term == ".." {
            let within = |index: usize| {
                self.words
                    .get(index)
                    .is_some_and(|w| w.sentence == sentence)
            };
            return (0..=GAP)
                .take_while(|skip| within(start + skip))
                .find_map(|skip| self.matches_in(start + skip, rest, quoted, sentence));
        }
        let word = word?;
        (term_matches(term, &word.text) && (quoted || !word.quoted))
            .then(|| self.matches_in(start + 1, rest, quoted, sentence))
            .flatten()
    }
}

fn term_matches(term: &str, word: &str) -> bool {
    match (term.strip_suffix('*'), term.strip_prefix('*')) {
        (Some(prefix), _) => word.starts_with(prefix),
        (_, Some(suffix)) => word.ends_with(suffix),
        _ => word == term,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// `.`, `[` and `]` between the characters of an identifier path
/// (`gpt-4.1`, `messages[3].reasoning`, `toolConfig.toolChoice.any`).
fn joins_identifier(chars: &[char], index: usize) -> bool {
    let path = |c: &char| is_word_char(*c) || matches!(c, '[' | ']');
    matches!(chars[index], '.' | '[' | ']')
        && index > 0
        && path(&chars[index - 1])
        && chars.get(index + 1).is_some_and(path)
}

/// Where the quote opened at `open` closes: the same quote character
/// ending a word, within [`QUOTE_LIMIT`] and with no space between. A
/// quote inside a word (`model's`) or around a sentence opens nothing.
fn closing_quote(chars: &[char], open: usize) -> Option<usize> {
    let quote = chars[open];
    let after_word = open > 0 && is_word_char(chars[open - 1]);
    let before_word = chars.get(open + 1).is_some_and(|c| !c.is_whitespace());
    if after_word || !before_word {
        return None;
    }
    let end = (open + QUOTE_LIMIT).min(chars.len());
    let close =
        (open + 1..end).find(|&index| chars[index] == quote || chars[index].is_whitespace())?;
    let ends_word = !chars
        .get(close + 1)
        .copied()
        .is_some_and(char::is_alphanumeric);
    (chars[close] == quote && ends_word).then_some(close)
}

/// A sentence ends at `.`, `!`, `?` or `;` followed by a space or the
/// end, and at a line break.
fn ends_sentence(chars: &[char], index: usize) -> bool {
    match chars[index] {
        '\n' => true,
        '.' | '!' | '?' | ';' => chars.get(index + 1).is_none_or(|c| c.is_whitespace()),
        _ => false,
    }
}

/// `text` with its links blanked: a URL (`https://…/settings/billing`)
/// says where to read more, not what went wrong.
fn without_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("http") {
        let tail = &rest[at..];
        if tail.starts_with("http://") || tail.starts_with("https://") {
            let url = &tail[..tail.find(char::is_whitespace).unwrap_or(tail.len())];
            let link = url.trim_end_matches(['.', ',', ';', ')']);
            out.push_str(&rest[..at]);
            out.push(' ');
            out.push_str(&url[link.len()..]);
            rest = &tail[url.len()..];
        } else {
            out.push_str(&rest[..at + 4]);
            rest = &rest[at + 4..];
        }
    }
    out.push_str(rest);
    out
}

/// The text as matched: percent-decoded when it is percent-encoded,
/// typographic quotes and apostrophes as ASCII, lower case, and
/// contractions expanded (`can't` → `can not`, `doesn't` → `does not`).
pub(crate) fn normalize(text: &str) -> String {
    let decoded = percent_decoded(text);
    let mut out = String::with_capacity(decoded.len());
    for c in decoded.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}'
            | '\u{bb}' => {
                out.push('"');
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    out.replace("can't", "can not")
        .replace("cannot", "can not")
        .replace("won't", "will not")
        .replace("n't", " not")
}

/// `text` percent-decoded when it holds an escape (`%20`, `%27`); `+` is a
/// space in a message with no spaces (form encoding).
fn percent_decoded(text: &str) -> Cow<'_, str> {
    let escaped = text.as_bytes().windows(3).any(|window| {
        window[0] == b'%' && window[1].is_ascii_hexdigit() && window[2].is_ascii_hexdigit()
    });
    if !escaped {
        return Cow::Borrowed(text);
    }
    let decoded = percent_encoding::percent_decode_str(text).decode_utf8_lossy();
    if text.contains(char::is_whitespace) {
        decoded
    } else {
        Cow::Owned(decoded.replace('+', " "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_matched_on_their_boundaries() {
        let wording = Wording::new("Unknown header x-billing-project; parallel_tool_calls set.");
        assert!(!wording.says("billing"));
        assert!(!wording.says("tool"));
        assert!(wording.says("unknown header"));
        let wording =
            Wording::new("`messages[3].reasoning`: thinking.budget_tokens is 0. Use gpt-4.1.");
        assert!(!wording.says("reasoning"));
        assert!(wording.says("*budget_tokens is 0"));
        assert!(wording.says("use gpt-4.1"));
        let wording = Wording::new("Rate limited. See https://x.ai/settings/billing. Then retry");
        assert!(!wording.says("billing"));
        assert!(!wording.says("see .. then"));
        assert!(Wording::new("Too many requests; throttled.").says("throttl*"));
    }

    #[test]
    fn quoted_names_are_not_the_providers_words() {
        let wording =
            Wording::new("Unsupported parameter: 'timeout' is not supported with this model.");
        assert!(!wording.says("timeout"));
        assert!(wording.says("is not supported"));
        assert!(wording.says_of(&["not supported"], &[&["timeout"]]));
        let wording = Wording::new("The model `gpt-4` does not exist or you don't have access");
        assert!(wording.says("model .. does not exist"));
        assert!(wording.says("do not have access"));
        // An apostrophe inside or after a word opens no quote.
        let wording = Wording::new("This request would exceed your organization’s rate limit");
        assert!(wording.says("rate limit"));
        assert!(Wording::new("the models' rate limit").says("rate limit"));
        // Quoted prose is the provider's words, not a name.
        assert!(
            Wording::new(r#"{"message":"x: Extra inputs are not permitted"}"#).says("extra inputs")
        );
    }

    #[test]
    fn claims_and_subjects_meet_in_one_sentence() {
        let wording = Wording::new("Tools are fine. This model does not support vision.");
        assert!(wording.says_of(&["not support*"], &[&["vision"]]));
        assert!(!wording.says_of(&["not support*"], &[&["tools"]]));
        let wording = Wording::new("json_object can't be combined with tool/function calling");
        assert!(wording.says_of(&["be combined"], &[&["json_object"], &["tool"]]));
        assert!(!wording.says_of(&["be combined"], &[&["json_object"], &["vision"]]));
        assert!(!Wording::new("model v2. not found").says("model .. not found"));
    }

    #[test]
    fn text_is_normalized_before_matching() {
        assert!(Wording::new("API%20key%20not%20valid.%20Please").says("api key not valid"));
        assert!(Wording::new("API+key+not+valid%2E").says("api key not valid"));
        assert!(Wording::new("This model can’t use tools").says("can not use tools"));
        assert!(Wording::new("It CANNOT be set to “high”").says("can not be set"));
        assert!(!Wording::new("cannot be set to “high”").says("high"));
    }
}
