//! Message templates: `"prompt has {used} tokens; the model allows {max}"`.

/// A placeholder's field: `{name}` or `{0}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placeholder {
    Named(String),
    Index(usize),
}

/// The formatting trait a placeholder's spec asks of its field: `{0}` is
/// `Display`, `{0:?}` `Debug`, `{0:x}` `LowerHex`, and so on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatTrait {
    Display,
    Debug,
    LowerHex,
    UpperHex,
    Octal,
    Binary,
    LowerExp,
    UpperExp,
    Pointer,
}

impl FormatTrait {
    /// The trait's name in `core::fmt`.
    pub fn name(self) -> &'static str {
        match self {
            FormatTrait::Display => "Display",
            FormatTrait::Debug => "Debug",
            FormatTrait::LowerHex => "LowerHex",
            FormatTrait::UpperHex => "UpperHex",
            FormatTrait::Octal => "Octal",
            FormatTrait::Binary => "Binary",
            FormatTrait::LowerExp => "LowerExp",
            FormatTrait::UpperExp => "UpperExp",
            FormatTrait::Pointer => "Pointer",
        }
    }
}

/// One piece of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// A field with the format spec after `:` (empty for none) and the
    /// trait that spec formats with.
    Field {
        field: Placeholder,
        spec: String,
        format: FormatTrait,
    },
}

/// Parses a template, or says what is wrong with it.
pub fn parse(template: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '}' => {
                return Err("unmatched `}` in message: write `}}` for a literal brace".to_owned())
            }
            '{' => {
                let mut inner = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some('{') | None => {
                            return Err("unclosed `{` in message: close it with `}`, or write `{{` for a literal brace".to_owned())
                        }
                        Some(c) => inner.push(c),
                    }
                }
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(placeholder(&inner)?);
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

fn placeholder(inner: &str) -> Result<Piece, String> {
    let (name, spec) = match inner.split_once(':') {
        Some((name, spec)) => (name.trim(), spec.to_owned()),
        None => (inner.trim(), String::new()),
    };
    if name.is_empty() {
        return Err(format!(
            "`{{{inner}}}` in message names no field: write `{{field_name}}` or `{{0}}`"
        ));
    }
    let format = format_trait(&spec).map_err(|problem| match problem {
        SpecProblem::Counted => format!(
            "`{{{inner}}}` in message takes its width or precision from another argument, \
             which messages do not have: write the number, like `{{{name}:>8}}`"
        ),
        SpecProblem::UnknownTrait(kind) => format!(
            "`{{{inner}}}` in message asks for the format `{kind}`, which is none of \
             `?`, `x`, `X`, `o`, `b`, `e`, `E`, `p` (or nothing, for `Display`)"
        ),
    })?;
    if let Ok(index) = name.parse::<usize>() {
        return Ok(Piece::Field {
            field: Placeholder::Index(index),
            spec,
            format,
        });
    }
    let name = name.strip_prefix("r#").unwrap_or(name);
    let valid = name
        .chars()
        .next()
        .is_some_and(|c| c == '_' || c.is_alphabetic())
        && name.chars().all(|c| c == '_' || c.is_alphanumeric());
    if !valid {
        return Err(format!(
            "`{{{inner}}}` in message is not a field: write `{{field_name}}` or `{{0}}`"
        ));
    }
    Ok(Piece::Field {
        field: Placeholder::Named(name.to_owned()),
        spec,
        format,
    })
}

/// Why a format spec cannot be used in a message.
enum SpecProblem {
    /// A width or precision from another argument: `{0:w$}`, `{0:.*}`.
    Counted,
    /// A trait letter `core::fmt` does not have.
    UnknownTrait(String),
}

/// The trait a spec formats with, read by the grammar of `std::fmt`:
/// `[[fill]align][sign]['#']['0'][width]['.' precision][type]`. A fill can
/// be any character, `*` and `$` included (`{0:*^10}`).
fn format_trait(spec: &str) -> Result<FormatTrait, SpecProblem> {
    let is_align = |c: char| matches!(c, '<' | '^' | '>');
    let mut rest = spec;
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(fill), Some(align)) if is_align(align) => {
            rest = &rest[fill.len_utf8() + 1..];
        }
        (Some(align), _) if is_align(align) => rest = &rest[1..],
        _ => {}
    }
    rest = rest.strip_prefix(['+', '-']).unwrap_or(rest);
    rest = rest.strip_prefix('#').unwrap_or(rest);
    rest = rest.strip_prefix('0').unwrap_or(rest);
    rest = count(rest)?;
    if let Some(precision) = rest.strip_prefix('.') {
        if precision.starts_with('*') {
            return Err(SpecProblem::Counted);
        }
        rest = count(precision)?;
    }
    Ok(match rest {
        "" => FormatTrait::Display,
        "?" | "x?" | "X?" => FormatTrait::Debug,
        "x" => FormatTrait::LowerHex,
        "X" => FormatTrait::UpperHex,
        "o" => FormatTrait::Octal,
        "b" => FormatTrait::Binary,
        "e" => FormatTrait::LowerExp,
        "E" => FormatTrait::UpperExp,
        "p" => FormatTrait::Pointer,
        other => return Err(SpecProblem::UnknownTrait(other.to_owned())),
    })
}

/// Skips a width or precision written as a number; one that names an
/// argument (`w$`, `1$`) is refused.
fn count(spec: &str) -> Result<&str, SpecProblem> {
    let end = spec
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(spec.len());
    let (word, rest) = spec.split_at(end);
    if rest.starts_with('$') {
        return Err(SpecProblem::Counted);
    }
    // Digits are the count; letters are the type (`x`, `e`, ...).
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    Ok(&spec[digits..])
}

/// The literal text of a template that has no placeholders.
pub fn plain_text(pieces: &[Piece]) -> Option<String> {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Field { .. } => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str) -> Piece {
        Piece::Field {
            field: Placeholder::Named(name.into()),
            spec: String::new(),
            format: FormatTrait::Display,
        }
    }

    fn format_of(template: &str) -> FormatTrait {
        match parse(template).unwrap().as_slice() {
            [Piece::Field { format, .. }] => *format,
            other => panic!("one field expected: {other:?}"),
        }
    }

    #[test]
    fn each_spec_names_the_trait_it_formats_with() {
        let cases = [
            ("{0}", FormatTrait::Display),
            ("{0:>8.2}", FormatTrait::Display),
            ("{0:*^10}", FormatTrait::Display),
            ("{0:$>5}", FormatTrait::Display),
            ("{0:<}", FormatTrait::Display),
            ("{0:?}", FormatTrait::Debug),
            ("{0:#?}", FormatTrait::Debug),
            ("{0:x?}", FormatTrait::Debug),
            ("{0:x}", FormatTrait::LowerHex),
            ("{0:#010x}", FormatTrait::LowerHex),
            ("{0:X}", FormatTrait::UpperHex),
            ("{0:o}", FormatTrait::Octal),
            ("{0:b}", FormatTrait::Binary),
            ("{0:e}", FormatTrait::LowerExp),
            ("{0:+.3E}", FormatTrait::UpperExp),
            ("{0:p}", FormatTrait::Pointer),
            ("{0:é>4}", FormatTrait::Display),
        ];
        for (template, expected) in cases {
            assert_eq!(format_of(template), expected, "{template}");
        }
        assert!(parse("{0:y}")
            .unwrap_err()
            .contains("asks for the format `y`"));
        assert!(parse("{0:1$}").unwrap_err().contains("width or precision"));
        assert!(parse("{0:.p$}").unwrap_err().contains("width or precision"));
    }

    #[test]
    fn splits_text_and_fields() {
        let pieces = parse("prompt has {used} tokens; max {max:>5} ({0})").unwrap();
        assert_eq!(
            pieces,
            vec![
                Piece::Text("prompt has ".into()),
                field("used"),
                Piece::Text(" tokens; max ".into()),
                Piece::Field {
                    field: Placeholder::Named("max".into()),
                    spec: ">5".into(),
                    format: FormatTrait::Display,
                },
                Piece::Text(" (".into()),
                Piece::Field {
                    field: Placeholder::Index(0),
                    spec: String::new(),
                    format: FormatTrait::Display,
                },
                Piece::Text(")".into()),
            ]
        );
    }

    #[test]
    fn doubled_braces_are_literal() {
        let pieces = parse("use {{json}} }} here").unwrap();
        assert_eq!(plain_text(&pieces).as_deref(), Some("use {json} } here"));
    }

    #[test]
    fn reports_bad_braces() {
        assert!(parse("open { never closed")
            .unwrap_err()
            .contains("unclosed"));
        assert!(parse("stray } brace").unwrap_err().contains("unmatched"));
        assert!(parse("empty {} here")
            .unwrap_err()
            .contains("names no field"));
        assert!(parse("{a-b}").unwrap_err().contains("is not a field"));
        assert!(parse("{a{b}").unwrap_err().contains("unclosed"));
        assert!(parse("{0:w$}").unwrap_err().contains("width or precision"));
        assert!(parse("{0:.*}").unwrap_err().contains("width or precision"));
        assert!(parse("{0:>8.2}").is_ok());
    }

    #[test]
    fn raw_identifiers_name_their_field() {
        assert_eq!(parse("{r#type}").unwrap(), vec![field("type")]);
    }
}
