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

mod grammar;
mod inputs;

use grammar::Rng;
use inputs::{mutated_input, random_input, valid_input};
use proc_macro2::TokenStream;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What went wrong with one input, if anything.
fn check(input: &TokenStream) -> Result<Outcome, String> {
    let result = catch_unwind(AssertUnwindSafe(|| super::expand(input.clone())));
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
                    let error = super::expand(tokens).err().map(|error| error.to_string());
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
