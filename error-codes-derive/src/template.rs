//! Message templates: `"prompt has {used} tokens; the model allows {max}"`.

/// A placeholder's field: `{name}` or `{0}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placeholder {
    Named(String),
    Index(usize),
}

/// One piece of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// A field with the format spec after `:` (empty for none).
    Field {
        field: Placeholder,
        spec: String,
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
    // A width or precision taken from another argument (`{0:w$}`, `{0:.*}`)
    // has no argument to come from: the message formats fields only.
    if spec.contains('$') || spec.contains('*') {
        return Err(format!(
            "`{{{inner}}}` in message takes its width or precision from another argument, \
             which messages do not have: write the number, like `{{{name}:>8}}`"
        ));
    }
    if let Ok(index) = name.parse::<usize>() {
        return Ok(Piece::Field {
            field: Placeholder::Index(index),
            spec,
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
    })
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
        }
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
                    spec: ">5".into()
                },
                Piece::Text(" (".into()),
                Piece::Field {
                    field: Placeholder::Index(0),
                    spec: String::new()
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
