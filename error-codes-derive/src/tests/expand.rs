//! The expansion as a plain function: no input makes it panic, and a bad
//! input gets every error at once.

use crate::catalogue::rows;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

fn derive(input: TokenStream) -> Result<TokenStream, Vec<String>> {
    let input: syn::DeriveInput = syn::parse2(input).map_err(|e| vec![e.to_string()])?;
    crate::expand::expand(&input)
        .map_err(|(error, _)| error.into_iter().map(|e| e.to_string()).collect())
}

/// Inputs at the edges of each reader: every one expands or is rejected
/// with messages, and none panics.
#[test]
fn odd_inputs_never_panic() {
    let messages = [
        "",
        "{",
        "}",
        "{}",
        "{{",
        "}}",
        "{0",
        "{0:",
        "{0:}",
        "{0:}>",
        "{0:}>5}",
        "{0:{^5}",
        "{:p}",
        "{é}",
        "{0:é>4}",
        "{r#type}",
        "{a.b}",
        "{0:1$}",
        "{0:.*}",
        "é{",
        "{\u{10FFFF}}",
    ];
    for message in messages {
        let result = derive(quote! {
            enum E {
                #[api_error(code = "odd_message", status = 400, message = #message)]
                V(u8, &'static u8),
            }
        });
        if let Err(errors) = result {
            assert!(
                errors.iter().all(|e| !e.is_empty()),
                "{message:?}: {errors:?}"
            );
        }
    }
    let attributes = [
        quote!(#[api_error]),
        quote!(#[api_error = "x"]),
        quote!(#[api_error(code)]),
        quote!(#[api_error(code = )]),
        quote!(#[api_error(code = "a", code = "b")]),
        quote!(#[api_error(status = 70000, code = "x_y")]),
        quote!(#[api_error(status = -1)]),
        quote!(#[api_error(a::b = 1)]),
        quote!(#[api_error(transparent = 1)]),
        quote!(#[api_error(param = 1 + 2)]),
        quote!(#[api_error(retryable = "yes")]),
        quote!(#[api_error(code = "x", (nested))]),
        quote!(#[api_error(crate = 5)]),
    ];
    for attribute in attributes {
        let result = derive(quote!(enum E { #attribute V(u8) }));
        assert!(
            result.is_err_and(|errors| errors.iter().all(|e| !e.is_empty())),
            "{attribute}"
        );
    }
    assert!(derive(quote!(union U { a: u8 })).is_err());
    assert!(derive(quote!(
        fn f() {}
    ))
    .is_err());
}

/// Errors of different variants and keys come together, each once.
#[test]
fn every_error_at_once() {
    let errors = derive(quote! {
        enum E {
            #[api_error(cod = "x")]
            A,
            #[api_error(code = "rate_limit_exceeded", status = 503)]
            B,
            #[api_error(code = "rate_limit_exceded", status = 429, message = "m")]
            C,
            #[api_error(code = "mine", status = 400, message = "{missing}")]
            D,
            E,
        }
    })
    .unwrap_err();
    let expected = [
        "did you mean `code`",
        "is canonical with status 429",
        "one edit from the canonical",
        "`{missing}` in message is not a field",
        "has no `#[api_error(...)]`",
    ];
    assert_eq!(errors.len(), expected.len(), "{errors:#?}");
    for (error, fragment) in errors.iter().zip(expected) {
        assert!(error.contains(fragment), "{fragment:?} not in {error:?}");
    }
}

/// The catalogue derive accepts the table's own enum and names the first
/// variant out of place.
#[test]
fn the_catalogue_enum_lists_the_rows_in_order() {
    let rows = rows().unwrap();
    let variants = |order: &[usize]| {
        let variants = order.iter().map(|&index| {
            let (code, description) = (rows[index].code, rows[index].description);
            let name = format_ident!("V{}", index);
            quote!(#[doc = #description] #[api_error(code = #code)] #name,)
        });
        quote!(enum ErrorCode { #(#variants)* })
    };
    let expand = |input: TokenStream| crate::canonical::expand(&syn::parse2(input).unwrap());
    let all: Vec<usize> = (0..rows.len()).collect();
    let output = expand(variants(&all)).unwrap().to_string();
    assert!(output.contains("pub const RATE_LIMIT_EXCEEDED"), "{output}");
    let mut swapped = all.clone();
    swapped.swap(3, 4);
    let error = expand(variants(&swapped)).unwrap_err().to_string();
    assert!(
        error.contains("variant 4 of the catalogue enum is row 4"),
        "{error}"
    );
    let error = expand(variants(&all[..56])).unwrap_err().to_string();
    assert!(error.contains("missing `vision_not_supported`"), "{error}");
}
