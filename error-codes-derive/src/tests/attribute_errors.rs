//! The errors of malformed `#[api_error]` attributes, one input each.

use super::assert_one_error;
use proc_macro2::TokenStream;
use quote::quote;

#[test]
fn attribute_errors() {
    let cases: Vec<(TokenStream, &[&str])> = vec![
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", staus = 400)]
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
                    #[api_error(code = "invalid_request", status = "404")]
                    A,
                }
            ),
            &["not a string: write `status = 404` without quotes"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = -1)]
                    A,
                }
            ),
            &["`status` cannot be negative"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = 404u16)]
                    A,
                }
            ),
            &["without a type suffix: write `status = 404`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = 4.04)]
                    A,
                }
            ),
            &["`status` takes a whole number"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = NOT_FOUND)]
                    A,
                }
            ),
            &["`status` takes an integer literal"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = 600)]
                    A,
                }
            ),
            &["`status = 600` is not an HTTP status", "100 to 599, or 0"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = 99)]
                    A,
                }
            ),
            &["`status = 99` is not an HTTP status"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = 100000)]
                    A,
                }
            ),
            &["`status = 100000` is not an HTTP status"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", retryable = "yes")]
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
                    #[api_error(code = "invalid_request", crate = x)]
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
                    #[api_error(code = "invalid_request", param = a.b)]
                    A,
                }
            ),
            &["`param` names a field"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", retry_after = "soon")]
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
