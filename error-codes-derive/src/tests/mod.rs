//! Unit tests of the expansion as a plain function: which errors, all of
//! them at once, it gives for bad input, and that no input makes it panic.
//! What the generated code does is tested by building it, in
//! `tests/tests/derive.rs` and `tests/tests/test_lints.rs`; spans, in the
//! trybuild suite (`tests/tests/ui`).

mod attribute_errors;
mod corpus;
mod field_errors;

use proc_macro2::TokenStream;
use quote::quote;

/// The derive on `input`: parsed, then expanded.
fn expand(input: TokenStream) -> syn::Result<TokenStream> {
    let input: syn::DeriveInput = syn::parse2(input)?;
    crate::expand::expand(&input).map_err(|(error, _)| error)
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
