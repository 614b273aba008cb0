//! Message templates: the placeholders of a `std::fmt` string and the
//! trait each asks of its field. rustc validates the rest of each spec when
//! it compiles the `format_args!` the derive writes, so there is no format
//! grammar here, only enough to find the placeholders (as thiserror does).

use std::ops::Range;

/// A message string, read once.
pub struct Template {
    /// The string as written, escapes and all.
    pub text: String,
    pub placeholders: Vec<Placeholder>,
    /// The text with `{{` and `}}` unescaped, when there is no placeholder.
    pub plain: Option<String>,
}

/// One `{...}` of a template.
pub struct Placeholder {
    pub arg: Arg,
    /// Where the argument is in `Template::text`.
    pub range: Range<usize>,
    /// The `core::fmt` trait its spec formats with, from the spec's last
    /// character: `{0:?}` is `Debug`, `{0:>8x}` `LowerHex`, `{0:p}` `Pointer`.
    pub bound: &'static str,
}

/// A placeholder's field: `{name}`, or `{0}` (and `{}`, the next index).
#[derive(Clone, PartialEq, Eq)]
pub enum Arg {
    Named(String),
    Index(usize),
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Named(name) => f.write_str(name),
            Arg::Index(index) => write!(f, "{index}"),
        }
    }
}

const UNCLOSED: &str =
    "unclosed `{` in message: close it with `}`, or write `{{` for a literal brace";

/// Finds the placeholders, or says which brace is unmatched.
pub fn parse(text: &str) -> Result<Template, &'static str> {
    let mut placeholders = Vec::new();
    let mut plain = String::new();
    let mut implicit = 0;
    let mut at = 0;
    while let Some(found) = text[at..].find(['{', '}']) {
        plain.push_str(&text[at..at + found]);
        let brace = at + found;
        let open = text[brace..].starts_with('{');
        if text[brace + 1..].starts_with(if open { '{' } else { '}' }) {
            plain.push(if open { '{' } else { '}' });
            at = brace + 2;
            continue;
        }
        if !open {
            return Err("unmatched `}` in message: write `}}` for a literal brace");
        }
        let start = brace + 1;
        let arg_end = start + text[start..].find([':', '}', '{']).ok_or(UNCLOSED)?;
        let (mut spec, mut close) = ("", arg_end);
        if text[arg_end..].starts_with('{') {
            return Err(UNCLOSED);
        }
        if text[arg_end..].starts_with(':') {
            // The fill may itself be a brace: `{0:}>5}`.
            let mut chars = text[arg_end + 1..].chars();
            let fill = match (chars.next(), chars.next()) {
                (Some(fill), Some('<' | '^' | '>')) => fill.len_utf8() + 1,
                _ => 0,
            };
            let from = arg_end + 1 + fill;
            close = from + text[from..].find('}').ok_or(UNCLOSED)?;
            spec = &text[arg_end + 1..close];
        }
        let bound = match spec.chars().next_back() {
            Some('?') => "Debug",
            Some('x') => "LowerHex",
            Some('X') => "UpperHex",
            Some('o') => "Octal",
            Some('b') => "Binary",
            Some('e') => "LowerExp",
            Some('E') => "UpperExp",
            Some('p') => "Pointer",
            _ => "Display",
        };
        let name = &text[start..arg_end];
        let arg = if name.is_empty() {
            implicit += 1;
            Arg::Index(implicit - 1)
        } else if let Ok(index) = name.parse() {
            Arg::Index(index)
        } else {
            Arg::Named(name.strip_prefix("r#").unwrap_or(name).to_owned())
        };
        placeholders.push(Placeholder {
            arg,
            range: start..arg_end,
            bound,
        });
        at = close + 1;
    }
    plain.push_str(&text[at..]);
    Ok(Template {
        plain: placeholders.is_empty().then_some(plain),
        text: text.to_owned(),
        placeholders,
    })
}

impl Template {
    /// The text with each placeholder's argument replaced by `name(it)`.
    pub fn rewrite(&self, mut name: impl FnMut(&Placeholder) -> String) -> String {
        let mut out = String::new();
        let mut at = 0;
        for placeholder in &self.placeholders {
            out.push_str(&self.text[at..placeholder.range.start]);
            out.push_str(&name(placeholder));
            at = placeholder.range.end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}
