//! The errors of keys and templates that name fields, one input each.

use super::assert_one_error;
use proc_macro2::TokenStream;
use quote::quote;

#[test]
fn field_and_template_errors() {
    let cases: Vec<(TokenStream, &[&str])> = vec![
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = 400, message = "{x}")]
                    A { y: u8 },
                }
            ),
            &["`{x}` in message is not a field of variant `A`; its fields are `y`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = 400, message = "{0}")]
                    A { y: u8 },
                }
            ),
            &["`{0}` in message is not a field"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = 400, message = "{1}")]
                    A(u8),
                }
            ),
            &["`{1}` in message is not a field", "its fields are `0`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = 400, message = "{0")]
                    A(u8),
                }
            ),
            &["unclosed `{`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = 400, message = "0}")]
                    A(u8),
                }
            ),
            &["unmatched `}`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = 400, message = "{}")]
                    A(u8),
                }
            ),
            &["names no field"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", status = 400, message = "{0:w$}")]
                    A(u8),
                }
            ),
            &["width or precision from another argument"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", param = b)]
                    A { a: String },
                }
            ),
            &["`param = b` names no field of variant `A`; its fields are `a`"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request", retry_after = 0)]
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
                    #[api_error(code = "invalid_request", anthropic_type = "Billing")]
                    A,
                }
            ),
            &["`anthropic_type = \"Billing\"` is not lower snake_case"],
        ),
        (
            quote!(
                enum E {
                    #[api_error(code = "invalid_request")]
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
