//! Whole derive inputs: random, valid, and valid ones mutated.

use super::grammar::*;
use proc_macro2::TokenStream;

pub fn random_input(rng: &mut Rng) -> String {
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
pub fn valid_input(rng: &mut Rng) -> String {
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
                _ => format!("#[api_error(transparent)] V{index}(::api_error_codes::ErrorCode)"),
            }
        })
        .collect();
    let generics = if generic { "<T>" } else { "" };
    format!("enum E{generics} {{ {} }}", variants.join(",\n"))
}

/// A valid input with a few tokens deleted, duplicated, swapped or
/// replaced by something random.
pub fn mutated_input(rng: &mut Rng) -> Option<TokenStream> {
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
