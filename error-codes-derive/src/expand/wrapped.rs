//! Variants that wrap another `ApiError` (`transparent`): their match arms,
//! and the one check left to `const` evaluation, which the macro cannot do
//! because it does not see the wrapped type's codes.

use super::arm::{member, pattern, ArmCode, InfoOf};
use super::bounds::Bounds;
use super::Cfgs;
use crate::ast::{Arm, Input};
use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::Type;

/// The arms of a transparent variant: everything from the wrapped error.
/// `None` for a variant without its one field (reported by validation).
pub fn wrapped_arm<'a>(
    input: &Input,
    arm: &'a Arm,
    cfgs: Cfgs<'a>,
    bounds: &mut Bounds,
) -> Option<(ArmCode<'a>, &'a Type)> {
    let krate = &input.root;
    let field = arm.fields.iter().next()?;
    let ty = &field.ty;
    bounds.add(ty, quote!(#krate::Describe));
    let inner = format_ident!("__api_error_inner");
    let pattern = pattern(arm, &[(member(field, 0), inner.clone())]);
    let delegate = |method: TokenStream| quote!(<#ty as #krate::Describe>::#method);
    let code = ArmCode {
        cfgs,
        bare_pattern: pattern.clone(),
        info: InfoOf::Value(delegate(quote!(info(#inner)))),
        message: Some((pattern.clone(), delegate(quote!(message(#inner))))),
        param: Some((pattern.clone(), delegate(quote!(param(#inner))))),
        retry_after: Some((pattern.clone(), delegate(quote!(retry_after(#inner))))),
        provider: Some((pattern, delegate(quote!(provider(#inner))))),
    };
    Some((code, ty))
}

/// One check per transparent variant, spanned at its wrapped type: no code
/// of that type has another status than this type's private codes
/// (`private_infos`) or the types wrapped before it give the code.
///
/// A canonical code cannot conflict: every derive gives it the catalogue's
/// status. So a type whose own codes are all canonical and which wraps one
/// type needs no check at all, and gets none.
pub fn checks(
    input: &Input,
    private_infos: &TokenStream,
    wrapped: &[(Cfgs<'_>, &Type)],
    generic: bool,
) -> Vec<TokenStream> {
    let krate = &input.root;
    let mut checks = Vec::new();
    let mut earlier = TokenStream::new();
    for (index, (cfgs, ty)) in wrapped.iter().enumerate() {
        if index > 0 || !private_infos.is_empty() {
            // The type's first token: a span joined over several tokens is
            // not available to proc macros on stable.
            let span = ty
                .to_token_stream()
                .into_iter()
                .next()
                .map_or_else(|| ty.span(), |token| token.span());
            // The `panic!` is reported where its invocation starts: the
            // crate path in front of it is respanned at the type too.
            let panic_root = respan(krate.to_token_stream(), span);
            let check = quote_spanned! {span=>
                if let #krate::__private::Option::Some(conflict) = #krate::__private::wrapped_conflict(
                    &[#private_infos],
                    &[#earlier],
                    &<#ty as #krate::Describe>::CODES,
                ) {
                    #panic_root::__private::panic!("{}", conflict.as_str());
                }
            };
            // Each check is a `const` of its own, spanned at its type as a
            // whole, so a failure is reported there: once for a plain type,
            // per instantiation (when `info` is) for a generic one.
            checks.push(if generic {
                quote_spanned!(span=> #cfgs const { #check };)
            } else {
                quote_spanned!(span=> #cfgs const _: () = { #check };)
            });
        }
        earlier.extend(quote!(#cfgs &<#ty as #krate::Describe>::CODES,));
    }
    checks
}

/// `tokens` with every span set to `span`, groups included.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
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
