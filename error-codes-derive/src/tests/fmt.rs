//! Finding placeholders and their bounds.

use crate::fmt::*;

fn found(text: &str) -> Vec<(String, &'static str)> {
    let template = parse(text).unwrap();
    template
        .placeholders
        .iter()
        .map(|p| (p.arg.to_string(), p.bound))
        .collect()
}

#[test]
fn the_bound_is_the_specs_last_character() {
    for (spec, bound) in [
        ("", "Display"),
        (":>8.2", "Display"),
        (":?", "Debug"),
        (":#x?", "Debug"),
        (":#010x", "LowerHex"),
        (":X", "UpperHex"),
        (":o", "Octal"),
        (":b", "Binary"),
        (":+.3e", "LowerExp"),
        (":E", "UpperExp"),
        (":p", "Pointer"),
        (":}>5", "Display"),
        (":{^5", "Display"),
        (":é<4x", "LowerHex"),
    ] {
        assert_eq!(
            found(&format!("a {{0{spec}}} b")),
            [("0".into(), bound)],
            "{spec}"
        );
    }
}

#[test]
fn arguments_are_names_indices_or_the_next_index() {
    let args: Vec<String> = found("{} {used} {r#type} {} {7:?}")
        .into_iter()
        .map(|(arg, _)| arg)
        .collect();
    assert_eq!(args, ["0", "used", "type", "1", "7"]);
}

#[test]
fn escapes_are_text_and_plain_text_is_unescaped() {
    let template = parse("use {{json}} }} here").unwrap();
    assert!(template.placeholders.is_empty());
    assert_eq!(template.plain.as_deref(), Some("use {json} } here"));
    assert_eq!(parse("{{{0}}}").unwrap().placeholders.len(), 1);
    assert!(parse("{0}").unwrap().plain.is_none());
    assert_eq!(found("{0:}"), [("0".into(), "Display")]);
}

#[test]
fn unmatched_braces_are_reported() {
    for text in ["open { never", "{0:>5", "{a{b}", "{0:}>"] {
        assert!(
            parse(text)
                .err()
                .is_some_and(|e| e.starts_with("unclosed `{`")),
            "{text}"
        );
    }
    assert!(parse("stray } brace")
        .err()
        .is_some_and(|e| e.contains("unmatched `}`")));
}

#[test]
fn rewrite_replaces_only_arguments() {
    let template = parse("{{x}} {used:>5} {0:}>3} {}").unwrap();
    let out = template.rewrite(|p| format!("__{}", p.arg));
    assert_eq!(out, "{{x}} {__used:>5} {__0:}>3} {__0}");
}

#[test]
fn edit_distance_within_a_budget() {
    use crate::attr::distance;
    let d = |a: &str, b: &str, budget| distance(a.as_bytes(), b.as_bytes(), budget);
    assert_eq!(d("rate_limit_exceeded", "rate_limit_exceeded", 2), Some(0));
    assert_eq!(d("rate_limit_exceded", "rate_limit_exceeded", 2), Some(1));
    assert_eq!(d("rate_limit_exeded", "rate_limit_exceeded", 2), Some(2));
    assert_eq!(d("rate_limit_exed", "rate_limit_exceeded", 2), None);
    assert_eq!(d("staus", "status", 2), Some(1));
    assert_eq!(d("kitten", "sitting", 3), Some(3));
    assert_eq!(d("", "abc", 3), Some(3));
    assert_eq!(d("abc", "", 2), None);
    assert_eq!(d("ab", "ba", 2), Some(2));
}
