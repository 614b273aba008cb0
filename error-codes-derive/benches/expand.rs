//! Expansion time of `#[derive(ApiError)]` for enums of 100, 1,000, 2,000
//! and 4,000 variants (`cargo bench -p api-error-codes-derive --bench expand`);
//! the last size shows where the per-variant cost settles.
//!
//! A proc-macro crate cannot export plain functions, so the derive's own
//! modules are compiled into this benchmark with `#[path]`: what runs is
//! exactly the parse and `expand::expand` over a `proc_macro2::TokenStream`. Outside a
//! compiler, `proc_macro2` uses its own token implementation; inside rustc
//! the same code goes through the compiler's token bridge, which adds a
//! per-token cost on top (see `scripts/compile-time.sh` for whole builds).

// The derive's modules are included whole: what the benchmark does not
// call is dead here, and their `cfg(test)` modules (compiled for benches
// too) import items that only `#[test]` functions, absent here, use.
#![allow(dead_code, unused_imports)]

#[path = "../src/ast.rs"]
mod ast;
#[path = "../src/attr/mod.rs"]
mod attr;
#[path = "../src/catalogue.rs"]
mod catalogue;
#[path = "../src/errors.rs"]
mod errors;
#[path = "../src/expand/mod.rs"]
mod expand;
#[path = "../src/template.rs"]
mod template;
#[path = "../src/valid/mod.rs"]
mod valid;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use proc_macro2::TokenStream;
use std::hint::black_box;
use std::time::Duration;

/// An enum of `variants` variants in the mix a real user enum has: unit
/// variants with canonical codes, private codes with templated messages
/// over tuple and named fields, a retry delay, and a transparent wrapper.
fn generated_enum(variants: usize) -> TokenStream {
    let mut source = String::from("#[derive(ApiError)]\npub enum Generated {\n");
    for index in 0..variants {
        let variant = match index % 5 {
            0 => format!("    /// Private code {index}.\n    #[api_error(code = \"private_code_{index}\", status = 400)]\n    V{index},\n"),
            1 => format!(
                "    #[api_error(code = \"private_code_{index}\", status = 404, message = \"no model named {{0}}\", param = 0)]\n    V{index}(String),\n"
            ),
            2 => format!(
                "    #[api_error(code = \"private_code_{index}\", status = 400, message = \"prompt has {{used}} tokens; the model allows {{max}}\")]\n    V{index} {{ used: u32, max: u32 }},\n"
            ),
            3 => format!(
                "    #[api_error(code = \"private_code_{index}\", status = 429, message = \"slow down\", retryable, retry_after = 0)]\n    V{index}(::std::time::Duration),\n"
            ),
            _ => format!(
                "    #[api_error(code = \"private_code_{index}\", status = 503, openai_type = \"api_error\", anthropic_type = \"overloaded_error\", message = \"busy\")]\n    V{index},\n"
            ),
        };
        source.push_str(&variant);
    }
    source.push_str(
        "    #[api_error(transparent)]\n    Canonical(::api_error_codes::ErrorCode),\n}\n",
    );
    source.parse().expect("the generated enum lexes")
}

/// What the derive does with its input: parse, then expand.
fn expand_tokens(input: TokenStream) -> syn::Result<TokenStream> {
    let input: syn::DeriveInput = syn::parse2(input)?;
    expand::expand(&input).map_err(|(error, _)| error)
}

fn expansion(c: &mut Criterion) {
    let mut group = c.benchmark_group("expand");
    for variants in [100, 1_000, 2_000, 4_000] {
        let input = generated_enum(variants);
        // The derive must accept it, or the timing measures an error path.
        let output = expand_tokens(input.clone()).expect("the generated enum expands");
        assert!(!output.is_empty());
        group.throughput(Throughput::Elements(variants as u64));
        group.bench_with_input(BenchmarkId::from_parameter(variants), &input, |b, input| {
            b.iter(|| expand_tokens(black_box(input.clone())))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .sample_size(20);
    targets = expansion
}
criterion_main!(benches);
