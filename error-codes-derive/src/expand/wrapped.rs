//! The one check left to `const` evaluation: the codes of a type wrapped
//! with `transparent`, which the macro cannot see, against this type's
//! private codes and the types wrapped before it.

use crate::ast::Input;
use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::Type;

/// One check per wrapped type, spanned at it: a `const _` item for a plain
/// type, a `const` block in `info` (run per instantiation) for a generic
/// one. A canonical code cannot conflict (every derive gives it the
/// catalogue's status), so the first wrapped type of a type whose own codes
/// are all canonical needs no check, and gets none.
pub fn checks(input: &Input, private: &[Ident], wrapped: &[&Type]) -> TokenStream {
    let krate = &input.root;
    let generic = !input.generics.params.is_empty();
    let mut checks = TokenStream::new();
    for (index, ty) in wrapped.iter().enumerate() {
        if index == 0 && private.is_empty() {
            continue;
        }
        // The type's first token: a span joined over several tokens is not
        // available to proc macros on stable.
        let span = ty
            .to_token_stream()
            .into_iter()
            .next()
            .map_or_else(Span::call_site, |t| t.span());
        // A `panic!` is reported where its invocation starts: the crate
        // path in front of it is respanned at the type too.
        let panic_root = respan(krate.to_token_stream(), span);
        let earlier = wrapped[..index]
            .iter()
            .map(|ty| quote!(&<#ty as #krate::Describe>::CODES));
        let check = quote_spanned! {span=>
            if let #krate::__private::Option::Some(conflict) = #krate::__private::wrapped_conflict(
                &[#(#private),*],
                &[#(#earlier),*],
                &<#ty as #krate::Describe>::CODES,
            ) {
                #panic_root::__private::panic!("{}", conflict.as_str());
            }
        };
        checks.extend(if generic {
            quote_spanned!(span=> const { #check };)
        } else {
            quote_spanned!(span=> const _: () = { #check };)
        });
    }
    checks
}

/// `tokens` with every span set to `span`, groups included.
pub fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut inner = Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = TokenTree::Group(inner);
            }
            token.set_span(span);
            token
        })
        .collect()
}
