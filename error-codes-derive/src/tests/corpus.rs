//! A generated corpus of odd and malformed derive inputs, fed straight to
//! [`expand::expand`]: every input must give `Ok` or errors with non-empty
//! messages that become a non-empty `compile_error!`, and never a panic.
//!
//! The generator is a seeded PRNG, so a failure names its input and
//! reproduces on every run. Inputs come in three kinds:
//! - random: any mix of items (enums, empty enums, structs, unions, other
//!   items), generics, attributes with random keys, nested and malformed
//!   values, literals of every kind, bad templates and huge values;
//! - valid: inputs built to be correct, which must expand (so the test also
//!   fails if the derive starts rejecting good input);
//! - mutated: a valid input with tokens deleted, duplicated, swapped or
//!   replaced.

use crate::expand;
use proc_macro2::TokenStream;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// xorshift64*: small, deterministic, good enough to pick grammar pieces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const KEYS: &[&str] = &[
    "code",
    "status",
    "message",
    "param",
    "retryable",
    "openai_type",
    "anthropic_type",
    "transparent",
    "retry_after",
    "crate",
    "catalogue",
    "Code",
    "codes",
    "r#code",
    "r#type",
    "type",
    "self",
    "_",
    "doc",
    "api_error",
    "cfg",
    "default",
];

const TEMPLATES: &[&str] = &[
    "plain text",
    "{0}",
    "{1}",
    "{0:?}",
    "{0:>8}",
    "{name}",
    "{used} of {max}",
    "{used:x} {max:#?}",
    "{r#type}",
    "{",
    "}",
    "{{}}",
    "{{0}}",
    "{ }",
    "{}",
    "{0.0}",
    "{-1}",
    "{name",
    "name}",
    "{:}",
    "{0:}",
    "{0:{1}}",
    "{\u{e9}t\u{e9}}",
    "line\nbreak\r\u{2028}",
    "\"quoted\" \\ backslash",
    "",
    "{99999999999999999999}",
];

/// A literal of any kind, valid for the key or not.
fn literal(rng: &mut Rng) -> String {
    match rng.below(26) {
        0 => format!("\"{}\"", rng.pick(TEMPLATES).escape_default()),
        1 => format!("\"{}\"", code(rng)),
        2 => rng
            .pick(&["0", "100", "200", "404", "429", "499", "599", "503"])
            .to_owned(),
        3 => rng
            .pick(&[
                "99",
                "600",
                "65536",
                "1000000",
                "18446744073709551616",
                "00429",
            ])
            .to_owned(),
        4 => rng
            .pick(&[
                "429u16", "429i8", "429_u64", "0x1ad", "0o657", "0b1", "4_2_9",
            ])
            .to_owned(),
        5 => rng
            .pick(&["4.29", "1e3", "429f32", "-1", "- 429"])
            .to_owned(),
        6 => rng.pick(&["true", "false"]).to_owned(),
        7 => rng
            .pick(&["'x'", "'\\n'", "b'x'", "'\\u{1f600}'"])
            .to_owned(),
        8 => rng
            .pick(&["b\"bytes\"", "br\"raw\"", "c\"cstr\""])
            .to_owned(),
        9 => rng
            .pick(&["r\"raw {0}\"", "r#\"raw \"quoted\"\"#", "r##\"#\"##"])
            .to_owned(),
        10 => format!("\"{}\"", "x".repeat(rng.below(100_000))),
        11 => format!("\"{}\"", "{0}".repeat(rng.below(2_000))),
        12 => format!("{}", u64::MAX),
        13 => "\"\"".to_owned(),
        14 => rng
            .pick(&["field", "0", "1", "name", "used", "r#type", "self"])
            .to_owned(),
        15 => rng
            .pick(&["crate", "::error_codes", "my::path", "super::x", "<T>::x"])
            .to_owned(),
        16 => rng.pick(&["[1, 2]", "(1)", "{ 1 }", "()", "[]"]).to_owned(),
        17 => rng
            .pick(&["Some(1)", "vec![1]", "1 + 2", "!", "#", "$x"])
            .to_owned(),
        18 => "\"snake_case\"".to_owned(),
        19 => "\"UPPER_CASE\"".to_owned(),
        20 => "\"with space\"".to_owned(),
        21 => "\"trailing_\"".to_owned(),
        22 => "\"double__underscore\"".to_owned(),
        23 => "\"9starts_with_digit\"".to_owned(),
        24 => "\"caf\u{e9}\"".to_owned(),
        _ => "\"invalid_api_key\"".to_owned(),
    }
}

fn code(rng: &mut Rng) -> String {
    rng.pick(&[
        "rate_limit_exceeded",
        "invalid_api_key",
        "model_not_found",
        "client_disconnected",
        "my_private_code",
        "another_one",
        "x",
        "a1_b2",
    ])
    .to_owned()
}

/// One `key`, `key = value`, `key(...)` or malformed item of an attribute
/// list.
fn meta(rng: &mut Rng, depth: usize) -> String {
    let key = rng.pick(KEYS);
    match rng.below(10) {
        0 => key.to_owned(),
        1 if depth < 3 => format!("{key}({})", meta_list(rng, depth + 1)),
        2 => format!("{key} ="),
        3 => format!("= {}", literal(rng)),
        4 => format!("{key} = {} {}", literal(rng), literal(rng)),
        5 => format!("{key} : {}", literal(rng)),
        6 => format!("{key}::{key} = {}", literal(rng)),
        _ => format!("{key} = {}", literal(rng)),
    }
}

fn meta_list(rng: &mut Rng, depth: usize) -> String {
    let count = rng.below(5);
    let separator = if rng.chance(90) { ", " } else { "; " };
    let mut items: Vec<String> = (0..count).map(|_| meta(rng, depth)).collect();
    if rng.chance(10) {
        items.push(String::new());
    }
    items.join(separator)
}

fn attribute(rng: &mut Rng) -> String {
    match rng.below(14) {
        0 => "#[api_error]".to_owned(),
        1 => format!("#[api_error = {}]", literal(rng)),
        2 => "#[api_error()]".to_owned(),
        3 => format!("#[api_error[{}]]", meta_list(rng, 0)),
        4 => format!("#[api_error{{{}}}]", meta_list(rng, 0)),
        5 => format!("#[doc = {}]", literal(rng)),
        6 => "#[doc = \"A documented thing\"]".to_owned(),
        7 => rng
            .pick(&[
                "#[cfg(any())]",
                "#[cfg(all())]",
                "#[cfg(test)]",
                "#[deprecated]",
                "#[allow(unused)]",
                "#[cfg_attr(all(), api_error(code = \"x\"))]",
                "#[serde(rename = \"x\")]",
                "#[api_error::nested]",
            ])
            .to_owned(),
        _ => format!("#[api_error({})]", meta_list(rng, 0)),
    }
}

fn attributes(rng: &mut Rng, max: usize) -> String {
    (0..rng.below(max + 1))
        .map(|_| attribute(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

fn ty(rng: &mut Rng) -> &'static str {
    rng.pick(&[
        "u32",
        "String",
        "T",
        "&'a str",
        "Vec<T>",
        "::std::time::Duration",
        "Option<String>",
        "ErrorCode",
        "Box<dyn std::error::Error>",
        "[u8; 4]",
        "(u8, u16)",
        "fn() -> T",
        "impl Trait",
        "Self",
        "!",
    ])
}

fn fields(rng: &mut Rng) -> String {
    let field_attrs = |rng: &mut Rng| {
        if rng.chance(15) {
            attribute(rng)
        } else {
            String::new()
        }
    };
    match rng.below(4) {
        0 => String::new(),
        1 => {
            let list: Vec<String> = (0..rng.below(4))
                .map(|_| format!("{} {}", field_attrs(rng), ty(rng)))
                .collect();
            format!("({})", list.join(", "))
        }
        2 => {
            let names = ["used", "max", "name", "field", "r#type", "delay", "_x"];
            let list: Vec<String> = (0..rng.below(4))
                .map(|index| format!("{} {}: {}", field_attrs(rng), names[index], ty(rng)))
                .collect();
            format!("{{ {} }}", list.join(", "))
        }
        _ => rng.pick(&["()", "{}", "= 1", "= -1"]).to_owned(),
    }
}

fn generics(rng: &mut Rng) -> String {
    rng.pick(&[
        "",
        "",
        "<T>",
        "<'a>",
        "<'a, T: Clone + 'a>",
        "<T = u32>",
        "<const N: usize>",
        "<T, U>",
        "<>",
        "<T: ApiError>",
    ])
    .to_owned()
}

fn where_clause(rng: &mut Rng) -> &'static str {
    rng.pick(&["", "", "where T: Clone", "where", "where for<'b> T: 'b"])
}

fn random_input(rng: &mut Rng) -> String {
    let head = format!(
        "{} {}",
        attributes(rng, 3),
        rng.pick(&["", "pub", "pub(crate)"])
    );
    let name = rng.pick(&["E", "MyError", "r#Error", "Self_"]);
    let generics = generics(rng);
    let where_clause = where_clause(rng);
    match rng.below(8) {
        0 => format!("{head} enum {name}{generics} {where_clause} {{}}"),
        1 => format!("{head} struct {name}{generics} {} ;", fields(rng)),
        2 => format!(
            "{head} struct {name}{generics} {where_clause} {}",
            fields(rng)
        ),
        3 => format!("{head} union {name}{generics} {{ a: u32, b: f32 }}"),
        4 => rng
            .pick(&[
                "fn f() {}",
                "",
                "enum",
                "struct;",
                "impl X {}",
                "enum E { A } enum F { B }",
                "trait T {}",
                "type A = B;",
                "enum E { A = 1, B = 2 }",
            ])
            .to_owned(),
        _ => {
            let variants: Vec<String> = (0..rng.below(6))
                .map(|index| {
                    format!(
                        "{} V{index} {}",
                        attributes(rng, 3),
                        if rng.chance(70) {
                            fields(rng)
                        } else {
                            String::new()
                        }
                    )
                })
                .collect();
            format!(
                "{head} enum {name}{generics} {where_clause} {{ {} }}",
                variants.join(", ")
            )
        }
    }
}

/// An input the derive must accept: unit, tuple and struct variants with
/// codes, statuses and templates that name existing fields.
fn valid_input(rng: &mut Rng) -> String {
    let canonical = [
        "rate_limit_exceeded",
        "invalid_api_key",
        "model_not_found",
        "upstream_timeout",
    ];
    let statuses = ["400", "401", "404", "409", "429", "500", "503", "0"];
    let generic = rng.chance(30);
    let variants: Vec<String> = (0..1 + rng.below(8))
        .map(|index| {
            let doc = if rng.chance(30) {
                "/// A documented variant.\n"
            } else {
                ""
            };
            match rng.below(5) {
                0 => format!(
                    "{doc}#[api_error(code = \"{}\")] V{index}",
                    canonical[index % canonical.len()]
                ),
                1 => format!(
                    "{doc}#[api_error(code = \"private_{index}\", status = {}, message = \"no {{0}} here\", param = 0)] V{index}(String)",
                    statuses[rng.below(statuses.len())]
                ),
                2 => format!(
                    "{doc}#[api_error(code = \"private_{index}\", status = {}, message = \"{{used}} of {{max:?}}\", retryable)] V{index} {{ used: u32, max: u64 }}",
                    statuses[rng.below(statuses.len())]
                ),
                3 => format!(
                    "#[api_error(code = \"private_{index}\", status = 429, message = \"slow down\", retry_after = delay, openai_type = \"rate_limit_error\", anthropic_type = \"rate_limit_error\")] V{index} {{ delay: ::std::time::Duration }}"
                ),
                _ if generic => format!("#[api_error(transparent)] V{index}(T)"),
                _ => format!("#[api_error(transparent)] V{index}(::error_codes::ErrorCode)"),
            }
        })
        .collect();
    let generics = if generic { "<T>" } else { "" };
    format!("enum E{generics} {{ {} }}", variants.join(",\n"))
}

/// A valid input with a few tokens deleted, duplicated, swapped or
/// replaced by something random.
fn mutated_input(rng: &mut Rng) -> Option<TokenStream> {
    let tokens: TokenStream = valid_input(rng).parse().ok()?;
    let mut flat = Vec::new();
    flatten(tokens, &mut flat);
    for _ in 0..1 + rng.below(3) {
        if flat.is_empty() {
            break;
        }
        let at = rng.below(flat.len());
        match rng.below(4) {
            0 => {
                flat.remove(at);
            }
            1 => {
                let copy = flat[at].clone();
                flat.insert(at, copy);
            }
            2 => {
                let other = rng.below(flat.len());
                flat.swap(at, other);
            }
            _ => flat[at] = literal(rng),
        }
    }
    flat.join(" ").parse().ok()
}

/// Leaf tokens as text; groups become their delimiters, so a mutation can
/// also unbalance them (such inputs fail to lex and are skipped).
fn flatten(tokens: TokenStream, out: &mut Vec<String>) {
    for token in tokens {
        match token {
            proc_macro2::TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    proc_macro2::Delimiter::Parenthesis => ("(", ")"),
                    proc_macro2::Delimiter::Brace => ("{", "}"),
                    proc_macro2::Delimiter::Bracket => ("[", "]"),
                    proc_macro2::Delimiter::None => ("", ""),
                };
                out.push(open.to_owned());
                flatten(group.stream(), out);
                out.push(close.to_owned());
            }
            other => out.push(other.to_string()),
        }
    }
}

/// What went wrong with one input, if anything.
fn check(input: &TokenStream) -> Result<Outcome, String> {
    let result = catch_unwind(AssertUnwindSafe(|| expand::expand(input.clone())));
    match result {
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|text| (*text).to_owned()))
                .unwrap_or_default();
            Err(format!("panicked: {message}"))
        }
        Ok(Ok(output)) if output.is_empty() => Err("Ok with empty output".to_owned()),
        Ok(Ok(_)) => Ok(Outcome::Expanded),
        Ok(Err(error)) => {
            if error.to_compile_error().is_empty() {
                return Err("an error with an empty compile_error".to_owned());
            }
            for single in error {
                if single.to_string().trim().is_empty() {
                    return Err("an error with an empty message".to_owned());
                }
            }
            Ok(Outcome::Rejected)
        }
    }
}

#[derive(Debug, PartialEq)]
enum Outcome {
    Expanded,
    Rejected,
}

fn shorten(text: &str) -> String {
    if text.len() <= 2_000 {
        return text.to_owned();
    }
    let end = (0..=2_000)
        .rev()
        .find(|&index| text.is_char_boundary(index))
        .unwrap_or(0);
    format!("{}... ({} bytes)", &text[..end], text.len())
}

#[test]
fn random_inputs_never_panic() {
    let mut rng = Rng(0x5eed_0001);
    let (mut expanded, mut rejected, mut unlexable) = (0, 0, 0);
    let mut failures = Vec::new();
    {
        for _ in 0..3_000 {
            let source = random_input(&mut rng);
            let Ok(tokens) = source.parse::<TokenStream>() else {
                unlexable += 1;
                continue;
            };
            match check(&tokens) {
                Ok(Outcome::Expanded) => expanded += 1,
                Ok(Outcome::Rejected) => rejected += 1,
                Err(problem) => failures.push(format!("{problem}\ninput: {}", shorten(&source))),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // The corpus must exercise both outcomes, or it tests nothing.
    assert!(unlexable < 300, "{unlexable} inputs did not lex");
    assert!(rejected > 1_000, "only {rejected} rejected");
    assert!(expanded > 50, "only {expanded} expanded");
}

#[test]
fn valid_inputs_expand() {
    let mut rng = Rng(0x5eed_0002);
    {
        for _ in 0..1_000 {
            let source = valid_input(&mut rng);
            let tokens: TokenStream = source.parse().expect("valid inputs lex");
            match check(&tokens) {
                Ok(Outcome::Expanded) => {}
                Ok(Outcome::Rejected) => {
                    let error = expand::expand(tokens).err().map(|error| error.to_string());
                    panic!("rejected a valid input: {error:?}\ninput: {source}");
                }
                Err(problem) => panic!("{problem}\ninput: {source}"),
            }
        }
    }
}

#[test]
fn mutated_inputs_never_panic() {
    let mut rng = Rng(0x5eed_0003);
    let mut checked = 0;
    let mut failures = Vec::new();
    {
        for _ in 0..2_000 {
            let Some(tokens) = mutated_input(&mut rng) else {
                continue;
            };
            checked += 1;
            if let Err(problem) = check(&tokens) {
                failures.push(format!(
                    "{problem}\ninput: {}",
                    shorten(&tokens.to_string())
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(checked > 1_000, "only {checked} mutations lexed");
}

/// Large inputs: thousands of variants, a huge message, deep nesting. Run
/// on a thread with rustc's 8 MiB stack, where a derive runs: `syn` parses
/// nested expressions recursively, and the default 2 MiB of a test thread
/// is less than a compiler gives a macro.
#[test]
fn huge_inputs_never_panic() {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(huge_inputs)
        .expect("a thread starts")
        .join()
        .expect("no panic escapes `check`");
}

fn huge_inputs() {
    let many: Vec<String> = (0..2_000)
        .map(|index| {
            format!(
                "#[api_error(code = \"code_{index}\", status = 400, message = \"m {index}\")] V{index}"
            )
        })
        .collect();
    let deep = format!(
        "enum E {{ #[api_error(code = \"x\", message = {}1{})] A }}",
        "(".repeat(500),
        ")".repeat(500)
    );
    let inputs = [
        format!("enum E {{ {} }}", many.join(", ")),
        format!(
            "enum E {{ #[api_error(code = \"x\", status = 400, message = \"{}\")] A }}",
            "{0}".repeat(50_000)
        ),
        format!(
            "enum E {{ #[api_error(code = \"{}\", status = 400, message = \"m\")] A }}",
            "a".repeat(1_000_000)
        ),
        deep,
        format!(
            "enum E {{ {} }}",
            "#[api_error(retryable)] ".repeat(5_000) + "A"
        ),
    ];
    {
        for source in &inputs {
            let tokens: TokenStream = source.parse().expect("lexes");
            if let Err(problem) = check(&tokens) {
                panic!("{problem}\ninput: {}", shorten(source));
            }
        }
    }
    let first: TokenStream = inputs[0].parse().expect("lexes");
    assert_eq!(
        check(&first),
        Ok(Outcome::Expanded),
        "2,000 variants expand"
    );
}
