//! The expansion as a plain function: what it generates for good input, and
//! which errors, all of them at once, it gives for bad input.
//!
//! Spans are checked where they matter to users, in the trybuild suite
//! (`tests/tests/ui`); here the token streams have no source locations.

use crate::expand::expand;
use proc_macro2::{TokenStream, TokenTree};
use quote::quote;

/// The expansion of `input`, which must succeed. (That it compiles is
/// proven by the integration tests, which build it; `syn` without `full`
/// cannot parse items here.)
fn expand_ok(input: TokenStream) -> String {
    match expand(input) {
        Ok(output) => output.to_string(),
        Err(error) => panic!("expected Ok, got: {error}"),
    }
}

/// Every message of a failed expansion, in order.
fn expand_err(input: TokenStream) -> Vec<String> {
    match expand(input) {
        Ok(output) => panic!("expected errors, got:\n{output}"),
        Err(error) => error.into_iter().map(|e| e.to_string()).collect(),
    }
}

/// Asserts one error whose message contains every fragment.
fn assert_one_error(input: TokenStream, fragments: &[&str]) {
    let errors = expand_err(input);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    for fragment in fragments {
        assert!(
            errors[0].contains(fragment),
            "{fragment:?} not in {:?}",
            errors[0]
        );
    }
}

/// Names that generated code must always reach through an absolute path,
/// so that a user's `Option`, `Cow` or `core` module cannot capture them.
const STD_NAMES: [&str; 9] = [
    "Option", "Some", "None", "Result", "Ok", "Err", "Cow", "Duration", "fmt",
];

/// Checks that every use of a standard name is `::core::...`/`::std::...`
/// or `::error_codes::...` qualified: it must follow `::`, and the path it
/// starts must begin with `::` or with `__api_error`, the block-local alias
/// of the runtime's `__private` module (itself imported by absolute path).
fn assert_absolute_paths(tokens: TokenStream) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (index, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Group(group) => assert_absolute_paths(group.stream()),
            TokenTree::Ident(ident) if STD_NAMES.contains(&ident.to_string().as_str()) => {
                let before: Vec<String> = tokens[index.saturating_sub(2)..index]
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                assert_eq!(
                    before,
                    [":", ":"],
                    "`{ident}` is not reached through a path"
                );
                // Walk back to the start of the path: it must begin with `::`.
                let mut start = index;
                while start >= 3
                    && tokens[start - 1].to_string() == ":"
                    && tokens[start - 2].to_string() == ":"
                    && matches!(&tokens[start - 3], TokenTree::Ident(word)
                        if !matches!(word.to_string().as_str(), "dyn" | "mut" | "as" | "impl"))
                {
                    start -= 3;
                }
                let first = &tokens[start];
                let root = first.to_string();
                let absolute = root == ":"
                    || root == "__api_error"
                    || (start >= 2
                        && tokens[start - 1].to_string() == ":"
                        && tokens[start - 2].to_string() == ":");
                assert!(
                    absolute,
                    "path to `{ident}` starts at `{root}`, not at `::`"
                );
            }
            _ => {}
        }
    }
}

#[test]
fn every_variant_shape_expands() {
    let output = expand_ok(quote! {
        enum E {
            #[api_error(code = "invalid_api_key")]
            Unit,
            #[api_error(code = "model_not_found", message = "no model {0}", param = "model")]
            Tuple(String),
            #[api_error(code = "too_long", status = 400, message = "{used} > {max}", param = name,
                        retry_after = wait, retryable, openai_type = "x_y", anthropic_type = "z")]
            Struct { used: u32, max: u32, name: String, wait: u64 },
            #[api_error(transparent)]
            Wrapped(ErrorCode),
        }
    });
    assert!(output.contains("# [automatically_derived]"), "{output}");
    assert!(output.contains("impl :: error_codes :: ApiError for E"));
    assert!(output.contains("allow (deprecated"));
    // Only the fields a message, param or delay reads are bound.
    assert!(output.contains("Self :: Unit { .. }"), "{output}");
    // The wrapped type's codes join the list.
    assert!(output.contains("& < ErrorCode as :: error_codes :: ApiError > :: CODES"));
    // Every path into the runtime's private module goes through one
    // absolute import.
    assert!(
        output.contains("use :: error_codes :: __private as __api_error ;"),
        "{output}"
    );
    // Every own code's spec, in variant order, in one constant that the
    // list, `info` and the checks all read.
    assert!(
        output.contains(
            "const INFOS : & [__api_error :: CodeInfo] = & [__api_error :: Spec :: new (\"invalid_api_key\") . resolve () ,"
        ),
        "{output}"
    );
    assert!(
        output.contains(
            "__api_error :: Spec :: new (\"too_long\") . status (400u16) . description (\"{used} > {max}\")"
        ),
        "{output}"
    );
    assert!(
        output.contains(
            ". retryable (true) . openai_type (\"x_y\") . anthropic_type (\"z\") . resolve () ,] ;"
        ),
        "{output}"
    );
    assert!(output.contains("CodeList :: new (INFOS ,"), "{output}");
    assert!(
        output.contains("Self :: Struct { .. } => & INFOS [2usize] ,"),
        "{output}"
    );
    // Checked in a constant of its own, so a failure is reported once: a
    // stated status against the catalogue; a private code's completeness
    // only when the attribute lacks a status or a message.
    assert!(
        output.contains("const _ : () = __api_error :: check_status (& INFOS [2usize]) ;"),
        "{output}"
    );
    assert!(
        !output.contains("check_private (& INFOS [2usize]"),
        "{output}"
    );
    assert!(
        output.contains(
            "const _ : () = __api_error :: check_private (& INFOS [0usize] , false , false) ;"
        ),
        "{output}"
    );
    // A plain message needs no `message` arm: the constant carries it.
    assert!(
        !output.contains("Self :: Unit { .. } => __api_error :: Borrowed"),
        "{output}"
    );
    assert!(output.contains(":: error_codes :: __private :: check_consistent"));
}

#[test]
fn generated_code_uses_absolute_paths() {
    let output = expand(quote! {
        enum E<'a, T> {
            #[api_error(code = "a_b", status = 400, message = "{0} {1:?}", param = 1, retry_after = 2)]
            A(T, &'a str, Option<u32>),
            #[api_error(code = "rate_limit_exceeded")]
            B,
            #[api_error(transparent)]
            C(Box<T>),
        }
    });
    match output {
        Ok(output) => assert_absolute_paths(output),
        Err(error) => panic!("{error}"),
    }
}

#[test]
fn the_absolute_path_check_rejects_relative_paths() {
    for relative in [
        quote!(match x {
            Option::None => 1,
        }),
        quote!(
            fn f() -> core::option::Option<u8> {
                None
            }
        ),
        quote!(let x: Cow<'_, str>;),
    ] {
        let text = relative.to_string();
        let caught = std::panic::catch_unwind(|| assert_absolute_paths(relative));
        assert!(caught.is_err(), "accepted {text}");
    }
    assert_absolute_paths(quote!(let x: ::core::option::Option<::std::borrow::Cow<'_, str>>;));
}

#[test]
fn a_struct_expands() {
    let output = expand_ok(quote! {
        #[api_error(code = "upstream_timeout", retry_after = 0)]
        struct Timeout(std::time::Duration);
    });
    assert!(output.contains("impl :: error_codes :: ApiError for Timeout"));
    assert!(
        output.contains("Self { 0 : ref __api_error_0 , .. }"),
        "{output}"
    );
}

#[test]
fn an_empty_enum_expands_to_empty_matches() {
    let output = expand_ok(quote! { enum Never {} });
    assert!(output.contains("match * self { }"), "{output}");
    assert!(
        output.contains("const INFOS : & [__api_error :: CodeInfo] = & [] ;"),
        "{output}"
    );
    assert!(
        output.contains("CodeList :: new (INFOS , & [] ,)"),
        "{output}"
    );
}

#[test]
fn bounds_are_added_only_for_fields_that_are_used() {
    let output = expand_ok(quote! {
        enum E<T, U, V, W> {
            #[api_error(code = "a_a", status = 400, message = "bad {0}")]
            A(T),
            #[api_error(code = "b_b", status = 400, message = "fixed")]
            B(U),
            #[api_error(code = "c_c", status = 400, message = "{0:?}")]
            C(Vec<V>),
            #[api_error(transparent)]
            D(W),
        }
    });
    assert!(output.contains("T : :: core :: fmt :: Display"), "{output}");
    assert!(
        output.contains("Vec < V > : :: core :: fmt :: Debug"),
        "{output}"
    );
    assert!(
        output.contains("W : :: error_codes :: ApiError"),
        "{output}"
    );
    assert!(!output.contains("U :"), "U is never formatted: {output}");
}

#[test]
fn the_crate_path_can_be_overridden() {
    let output = expand_ok(quote! {
        #[api_error(crate = reexport::ec)]
        enum E {
            #[api_error(code = "invalid_api_key")]
            A,
        }
    });
    assert!(output.contains("impl reexport :: ec :: ApiError for E"));
    assert!(!output.contains("error_codes"), "{output}");

    let from_string = expand_ok(quote! {
        #[api_error(crate = "reexport::ec", code = "invalid_api_key")]
        struct S;
    });
    assert!(from_string.contains("impl reexport :: ec :: ApiError for S"));
}

#[test]
fn cfg_is_copied_onto_everything_of_its_variant() {
    let output = expand_ok(quote! {
        enum E {
            #[cfg(feature = "extra")]
            #[api_error(code = "extra_code", status = 400, message = "x {0}")]
            Extra(String),
        }
    });
    // Its check, its `INFOS` entry, and the `info`, `message` and
    // `write_message` arms.
    let copies = output.matches("# [cfg (feature = \"extra\")]").count();
    assert_eq!(copies, 5, "{output}");
}

#[test]
fn an_arm_after_gated_arms_counts_only_those_compiled_in() {
    let output = expand_ok(quote! {
        enum E {
            #[api_error(code = "invalid_api_key")]
            First,
            #[cfg(feature = "extra")]
            #[api_error(code = "model_not_found")]
            Gated,
            #[cfg(all())]
            #[cfg(not(feature = "other"))]
            #[api_error(code = "rate_limit_exceeded")]
            Twice,
            #[api_error(code = "internal_error")]
            Last,
        }
    });
    assert!(
        output.contains("Self :: First { .. } => & INFOS [0usize] ,"),
        "{output}"
    );
    assert!(
        output.contains("Self :: Gated { .. } => & INFOS [1usize] ,"),
        "{output}"
    );
    assert!(
        output.contains(
            "Self :: Twice { .. } => & INFOS [(1usize + < [()] > :: len (& [# [cfg (feature = \"extra\")] () ,]))] ,"
        ),
        "{output}"
    );
    assert!(
        output.contains(
            "Self :: Last { .. } => & INFOS [(1usize + < [()] > :: len (& [# [cfg (feature = \"extra\")] () , # [cfg (all ())] # [cfg (not (feature = \"other\"))] () ,]))] ,"
        ),
        "{output}"
    );
}

#[test]
fn doc_comment_of_a_private_code_is_its_description() {
    let output = expand_ok(quote! {
        enum E {
            /// Quota is gone,
            /// for today.
            ///
            /// Notes for developers.
            #[api_error(code = "quota_gone", status = 429)]
            A,
        }
    });
    assert!(
        output.contains(". description (\"Quota is gone, for today.\")"),
        "{output}"
    );
    assert!(!output.contains("Notes for developers"), "{output}");
}

#[test]
fn every_error_is_reported_at_once() {
    let errors = expand_err(quote! {
        enum E {
            #[api_error(code = "Bad", status = 700, colour = "red")]
            A,
            #[api_error(code = "ok_code", status = 400, message = "{nope}")]
            B { yes: u32 },
            C,
            #[api_error(transparent)]
            D(u8, u8),
        }
    });
    // Every attribute's errors first, then the checks that relate keys and
    // fields; each group in declaration order.
    assert_eq!(errors.len(), 6, "{errors:#?}");
    assert!(errors[0].contains("`status = 700` is not an HTTP status"));
    assert!(errors[1].contains("unknown `api_error` key `colour`"));
    assert!(errors[2].contains("`code = \"Bad\"` is not lower snake_case"));
    assert!(errors[3].contains("`{nope}` in message is not a field of variant `B`"));
    assert!(errors[4].contains("variant `C` has no `#[api_error(...)]`"));
    assert!(errors[5].contains("`transparent` needs exactly one field"));
}

#[test]
fn a_duplicate_points_at_both_keys() {
    let errors = expand_err(quote! {
        enum E {
            #[api_error(code = "a_a", code = "b_b", status = 400, message = "x")]
            A,
        }
    });
    assert_eq!(
        errors,
        [
            "duplicate `code`: give it once, and remove this one or the first",
            "`code` first given here",
        ]
    );
}

#[test]
fn same_code_two_statuses_names_the_code_and_both_places() {
    let errors = expand_err(quote! {
        enum E {
            #[api_error(code = "quota_gone", status = 429, message = "a")]
            A,
            #[api_error(code = "quota_gone", status = 429, message = "same status is fine")]
            B,
            #[api_error(code = "quota_gone", status = 402, message = "b")]
            C,
        }
    });
    assert_eq!(
        errors,
        [
            "code `quota_gone` already has status 429 in this type: one code, one status",
            "`quota_gone` first declared here",
        ]
    );
}

#[test]
fn attribute_errors() {
    let cases: Vec<(TokenStream, &[&str])> = vec![
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", staus = 400)]
                    A,
                }
            ),
            &["unknown `api_error` key `staus`", "did you mean `status`?"],
        ),
        (
            quote!(
                #[api_error(crat = x)]
                enum E {}
            ),
            &["unknown `api_error` key `crat`", "did you mean `crate`?"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(a::b = 1)]
                    A,
                }
            ),
            &["unknown `api_error` key; expected one of `code`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error()]
                    A,
                }
            ),
            &["empty `#[api_error()]`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error]
                    A,
                }
            ),
            &["expected `#[api_error(...)]` with keys inside the parentheses"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(status = 400, message = "x")]
                    A,
                }
            ),
            &["variant `A` needs a `code = \"...\"`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = rate)]
                    A,
                }
            ),
            &["`code` takes a string literal"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = "404")]
                    A,
                }
            ),
            &["not a string: write `status = 404` without quotes"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = -1)]
                    A,
                }
            ),
            &["`status` cannot be negative"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = 404u16)]
                    A,
                }
            ),
            &["without a type suffix: write `status = 404`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = 4.04)]
                    A,
                }
            ),
            &["`status` takes a whole number"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = NOT_FOUND)]
                    A,
                }
            ),
            &["`status` takes an integer literal"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = 600)]
                    A,
                }
            ),
            &["`status = 600` is not an HTTP status", "100 to 599, or 0"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = 99)]
                    A,
                }
            ),
            &["`status = 99` is not an HTTP status"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = 100000)]
                    A,
                }
            ),
            &["`status = 100000` is not an HTTP status"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", retryable = "yes")]
                    A,
                }
            ),
            &["`retryable` takes `true` or `false`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(transparent = true)]
                    A(X),
                }
            ),
            &["`transparent` takes no value"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", crate = x)]
                    A,
                }
            ),
            &["`crate` belongs on the type, not on a variant"],
        ),
        (
            quote!(
                #[api_error(status = 400)]
                enum E {}
            ),
            &["`status` belongs on each variant, not on the enum"],
        ),
        (
            quote!(
                #[api_error(crate = 1)]
                enum E {}
            ),
            &["`crate` takes the path"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", param = a.b)]
                    A,
                }
            ),
            &["`param` names a field"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", retry_after = "soon")]
                    A,
                }
            ),
            &["`retry_after` names a field of the variant"],
        ),
    ];
    for (input, fragments) in cases {
        assert_one_error(input, fragments);
    }
}

#[test]
fn field_and_template_errors() {
    let cases: Vec<(TokenStream, &[&str])> = vec![
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = 400, message = "{x}")]
                    A { y: u8 },
                }
            ),
            &["`{x}` in message is not a field of variant `A`; its fields are `y`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = 400, message = "{0}")]
                    A { y: u8 },
                }
            ),
            &["`{0}` in message is not a field"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = 400, message = "{1}")]
                    A(u8),
                }
            ),
            &["`{1}` in message is not a field", "its fields are `0`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = 400, message = "{0")]
                    A(u8),
                }
            ),
            &["unclosed `{`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = 400, message = "0}")]
                    A(u8),
                }
            ),
            &["unmatched `}`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = 400, message = "{}")]
                    A(u8),
                }
            ),
            &["names no field"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", status = 400, message = "{0:w$}")]
                    A(u8),
                }
            ),
            &["width or precision from another argument"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", param = b)]
                    A { a: String },
                }
            ),
            &["`param = b` names no field of variant `A`; its fields are `a`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", retry_after = 0)]
                    A,
                }
            ),
            &["`retry_after = 0` names no field of variant `A`; it has no fields"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(transparent)]
                    A,
                }
            ),
            &["`transparent` needs exactly one field", "it has no fields"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(transparent)]
                    A { x: X, y: Y },
                }
            ),
            &["`transparent` needs exactly one field", "`x`, `y`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(transparent, retryable)]
                    A(X),
                }
            ),
            &["`retryable` cannot be combined with `transparent`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "rate-limit")]
                    A,
                }
            ),
            &["`code = \"rate-limit\"` is not lower snake_case"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a", anthropic_type = "Billing")]
                    A,
                }
            ),
            &["`anthropic_type = \"Billing\"` is not lower snake_case"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "a_a")]
                    A {
                        #[api_error(param)]
                        name: String,
                    },
                }
            ),
            &[
                "`#[api_error]` goes on the variant, not on a field",
                "`#[api_error(param = name)]`",
            ],
        ),
        (
            quote!(union U { a: u8 }),
            &["cannot be derived for a union"],
        ),
        (
            quote!(
                struct S;
            ),
            &["this struct has no `#[api_error(...)]`"],
        ),
    ];
    for (input, fragments) in cases {
        assert_one_error(input, fragments);
    }
}

/// Odd but well-formed inputs never panic: each gives `Ok` or errors.
#[test]
fn odd_inputs_do_not_panic() {
    let inputs = [
        quote!(
            enum E {
                #[api_error(code = "a_a", code)]
                A,
            }
        ),
        quote!(
            enum E {
                #[api_error(code = )]
                A,
            }
        ),
        quote!(
            enum E {
                #[api_error(= "a")]
                A,
            }
        ),
        quote!(
            enum E {
                #[api_error(code = "a_a",,)]
                A,
            }
        ),
        quote!(
            enum E {
                #[api_error(code("a_a"))]
                A,
            }
        ),
        quote!(
            enum E {
                #[api_error(status(400))]
                A,
            }
        ),
        quote!(
            enum E {
                #[api_error(nested(deeper(code = "x")))]
                A,
            }
        ),
        quote!(
            enum E {
                #[api_error(code = "a_a", message = "{0:}")]
                A(u8),
            }
        ),
        quote!(
            enum E {
                #[api_error(code = "a_a", message = "{r#type}")]
                A { r#type: u8 },
            }
        ),
        quote!(
            enum E {
                #[api_error(code = "a_a", message = "{ 0 }")]
                A(u8),
            }
        ),
        quote!(
            enum E {
                #[api_error(code = "a_a", param = 18446744073709551616)]
                A,
            }
        ),
        quote!(
            enum E {
                #[api_error(code = "a_a", status = 0x190)]
                A,
            }
        ),
        quote!(
            enum E {
                #[api_error(code = "\u{e9}t\u{e9}", status = 400, message = "\u{1f600} {0}")]
                A(u8),
            }
        ),
        quote!(
            #[api_error(catalogue)]
            enum E {
                #[api_error(code = "a_a")]
                A(u8),
            }
        ),
        quote!(
            enum E<T: ?Sized>
            where
                T: Copy,
            {
                #[api_error(transparent)]
                A(Box<T>),
            }
        ),
        quote!(
            enum E {
                #[api_error(code = "a_a")]
                A = 1,
            }
        ),
        quote!(
            struct S<const N: usize>([u8; N]);
        ),
    ];
    for input in inputs {
        let text = input.to_string();
        let outcome = std::panic::catch_unwind(|| expand(input).map(|_| ()));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(error)) => assert!(!error.to_string().is_empty(), "{text}"),
            Err(_) => panic!("expansion panicked on {text}"),
        }
    }
}

/// On error, the stub keeps the type an `ApiError` so uses of it add no
/// "trait not implemented" errors, and keeps the user's `crate` path.
#[test]
fn the_fallback_stub_implements_the_trait() {
    let stub = crate::fallback::stub_impl(quote! {
        #[api_error(crate = reexport::ec)]
        enum E<T> { #[api_error(code = "BAD")] A(T) }
    })
    .to_string();
    assert!(
        stub.contains("impl < T > reexport :: ec :: ApiError for E < T >"),
        "{stub}"
    );
    assert!(stub.contains("# [automatically_derived]"), "{stub}");
    assert!(stub.contains("unreachable_info"), "{stub}");
}
