//! `message`, `param`, `retry_after` and `provider`: each a `match` over
//! the arms that say something (binding only the fields they read), the
//! rest falling to the trait's default; a method no arm overrides is left
//! out.

use super::bounds::Bounds;
use super::{bind_one, binding, pattern};
use crate::ast::{Arm, Input};
use crate::attr::ParamSource;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::{Field, LitStr};

pub fn methods(input: &Input, bounds: &mut Bounds) -> TokenStream {
    let krate = &input.root;
    let private = quote!(#krate::__private);
    let (mut message, mut param, mut retry_after, mut provider) = Default::default();
    for arm in &input.arms {
        if let Some(field) = arm.wrapped() {
            let (pattern, inner) = bind_one(arm, field);
            let ty = &field.ty;
            for (cases, method) in [
                (&mut message, quote!(message)),
                (&mut param, quote!(param)),
                (&mut retry_after, quote!(retry_after)),
                (&mut provider, quote!(provider)),
            ] {
                cases_push(
                    cases,
                    &pattern,
                    quote!(<#ty as #krate::Describe>::#method(#inner)),
                );
            }
            continue;
        }
        if let Some((pattern, value)) = formatted(input, arm, bounds) {
            cases_push(&mut message, &pattern, value);
        }
        match arm.attrs.param.as_ref().map(|keyed| &keyed.value) {
            Some(ParamSource::Fixed(name)) => cases_push(
                &mut param,
                &pattern(arm, &[]),
                quote!(#private::Option::Some(#private::Cow::Borrowed(#name))),
            ),
            Some(ParamSource::Field(field)) => {
                if let Some((index, found)) = arm.field(field) {
                    bounds.add(&found.ty, quote!(#private::ParamValue));
                    let value = respan(binding(index, found), field.span());
                    let call =
                        quote_spanned!(field.span()=> #private::ParamValue::param_value(#value));
                    cases_push(&mut param, &pattern(arm, &[(index, found)]), call);
                }
            }
            None => {}
        }
        let delay = arm
            .attrs
            .retry_after
            .as_ref()
            .and_then(|k| Some((k.value.span(), arm.field(&k.value)?)));
        if let Some((span, (index, found))) = delay {
            bounds.add(&found.ty, quote!(#private::RetryAfterValue));
            let value = respan(binding(index, found), span);
            let call = quote_spanned!(span=> #private::RetryAfterValue::retry_after_value(#value));
            cases_push(&mut retry_after, &pattern(arm, &[(index, found)]), call);
        }
    }
    let info = quote!(<Self as #krate::Describe>::info(this));
    let methods = [
        (
            message,
            quote!(message),
            quote!(#private::Cow<'_, str>),
            quote!(#private::Cow::Borrowed(#krate::CodeInfo::message(#info))),
        ),
        (
            param,
            quote!(param),
            quote!(#private::Option<#private::Cow<'_, str>>),
            quote!(#private::Option::None),
        ),
        (
            retry_after,
            quote!(retry_after),
            quote!(#private::Option<#private::Duration>),
            quote!(#private::Option::None),
        ),
        (
            provider,
            quote!(provider),
            quote!(#private::Option<#krate::upstream::Provider>),
            quote!(#private::Option::None),
        ),
    ];
    let arms_count = input.arms.len();
    methods
        .into_iter()
        .filter(|(cases, ..)| !cases.0.is_empty())
        .map(|((cases, count), name, output, default)| {
            let default = (count < arms_count).then(|| quote!(_ => #default,));
            quote! {
                fn #name(this: &Self) -> #output {
                    match *this { #cases #default }
                }
            }
        })
        .collect()
}

/// One method's cases and how many arms they cover.
type Cases = (TokenStream, usize);

fn cases_push(cases: &mut Cases, pattern: &TokenStream, value: TokenStream) {
    cases.0.extend(quote!(#pattern => #value,));
    cases.1 += 1;
}

/// A templated message: `format_args!` on the template with each
/// placeholder's argument made positional, over the fields it names.
/// rustc checks the specs, at the user's string.
fn formatted(input: &Input, arm: &Arm, bounds: &mut Bounds) -> Option<(TokenStream, TokenStream)> {
    let (lit, template) = arm.message.as_ref()?;
    if template.plain.is_some() {
        // Fixed text: the `CodeInfo`'s message, which the default arm reads.
        return None;
    }
    let krate = &input.root;
    let mut fields: Vec<(usize, &Field)> = Vec::new();
    let mut args: Vec<(usize, bool)> = Vec::new();
    let mut values = TokenStream::new();
    let text = template.rewrite(|placeholder| {
        let Some((index, field)) = arm.field_of(&placeholder.arg) else {
            return placeholder.arg.to_string();
        };
        let format_trait = Ident::new(placeholder.bound, Span::call_site());
        bounds.add(&field.ty, quote!(#krate::__private::fmt::#format_trait));
        if !fields.iter().any(|&(bound, _)| bound == index) {
            fields.push((index, field));
        }
        // `{0:p}` prints the pointer the field holds, not the address of
        // the binding: `Var` formats through one reference less.
        let pointer = placeholder.bound == "Pointer";
        let position = args
            .iter()
            .position(|&arg| arg == (index, pointer))
            .unwrap_or_else(|| {
                let value = respan(binding(index, field), lit.span());
                values.extend(if pointer {
                    quote!(, #krate::__private::Var(#value))
                } else {
                    quote!(, #value)
                });
                args.push((index, pointer));
                args.len() - 1
            });
        position.to_string()
    });
    let format = LitStr::new(&text, lit.span());
    let value =
        quote!(#krate::__private::message(#krate::__private::format_args!(#format #values)));
    Some((pattern(arm, &fields), value))
}

/// The same name, reported at `span`: a type error about a binding points
/// at the user's tokens that asked for it.
fn respan(mut ident: Ident, span: Span) -> Ident {
    ident.set_span(span);
    ident
}
