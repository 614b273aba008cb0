//! The match arms of one variant: its pattern, and what `message`,
//! `param`, `retry_after` and `provider` return for it.

use super::bounds::Bounds;
use super::Cfgs;
use crate::ast::{Arm, Input};
use crate::attr::ParamSource;
use crate::template::{self, Piece};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use std::collections::{BTreeMap, BTreeSet};
use syn::{Field, LitStr, Member};

/// Everything generated for one arm.
pub struct ArmCode<'a> {
    /// `#[cfg]`s to copy.
    pub cfgs: Cfgs<'a>,
    /// The pattern binding nothing (but a wrapped error), for `info`.
    pub bare_pattern: TokenStream,
    pub info: InfoOf,
    /// The message formatted from fields, with the pattern binding them;
    /// likewise `param` and `retry_after`.
    pub message: Option<(TokenStream, TokenStream)>,
    pub param: Option<(TokenStream, TokenStream)>,
    pub retry_after: Option<(TokenStream, TokenStream)>,
    /// The upstream provider that generated the error: only a wrapped
    /// error (`transparent`) has one to give.
    pub provider: Option<(TokenStream, TokenStream)>,
}

/// Where `info` finds an arm's `CodeInfo`.
pub enum InfoOf {
    /// At this index of `INFOS`.
    Index(usize),
    /// This expression's value, a `&'static CodeInfo`: a `#[cfg]`-gated
    /// arm's own constant, or a wrapped error's `info`.
    Value(TokenStream),
}

/// The fields one method's arm reads, bound by reference.
#[derive(Default)]
struct Bindings(BTreeMap<usize, (Member, Ident)>);

impl Bindings {
    /// `__api_error_<index>`, bound to field `index`.
    fn bind(&mut self, index: usize, field: &Field) -> Ident {
        self.0
            .entry(index)
            .or_insert_with(|| (member(field, index), format_ident!("__api_error_{}", index)))
            .1
            .clone()
    }

    fn pattern(self, arm: &Arm) -> TokenStream {
        let bound: Vec<(Member, Ident)> = self.0.into_values().collect();
        pattern(arm, &bound)
    }
}

/// The arms of a variant with its own code, whose `CodeInfo` is `info`.
pub fn own_arm<'a>(
    input: &Input,
    arm: &'a Arm,
    cfgs: Cfgs<'a>,
    info: InfoOf,
    bounds: &mut Bounds,
) -> ArmCode<'a> {
    let krate = &input.root;

    // Where a field that cannot be formatted is reported: the message.
    let message_span = arm
        .attrs
        .message
        .as_ref()
        .map_or(arm.span, |m| m.value.span());
    let mut formatted = None;
    if let Some(pieces) = arm
        .template
        .as_ref()
        .filter(|pieces| template::plain_text(pieces).is_none())
    {
        let mut bindings = Bindings::default();
        let mut format = String::new();
        let mut args = TokenStream::new();
        let mut named = BTreeSet::new();
        for piece in pieces {
            match piece {
                Piece::Text(text) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
                Piece::Field {
                    field,
                    spec,
                    format: format_trait,
                } => {
                    let Some((index, found)) = arm.placeholder_field(field) else {
                        continue;
                    };
                    let binding = bindings.bind(index, found);
                    format.push('{');
                    format.push_str(&binding.to_string());
                    if !spec.is_empty() {
                        format.push(':');
                        format.push_str(spec);
                    }
                    format.push('}');
                    if named.insert(index) {
                        let value = respan(&binding, message_span);
                        args.extend(quote!(, #binding = #value));
                    }
                    let format_trait = Ident::new(format_trait.name(), Span::call_site());
                    bounds.add(&found.ty, quote!(#krate::__private::fmt::#format_trait));
                }
            }
        }
        let format = LitStr::new(&format, message_span);
        formatted = Some((
            bindings.pattern(arm),
            quote!(#krate::__private::message(#krate::__private::format_args!(#format #args))),
        ));
    }
    // A plain message, or a private code's doc comment, is the `CodeInfo`'s
    // message, which the default arm reads. A canonical code's doc comment
    // is for developers and never reaches the wire.

    let param = arm.attrs.param.as_ref().map(|param| {
        let mut bindings = Bindings::default();
        let value = match &param.value {
            ParamSource::Fixed(name) => {
                quote!(#krate::__private::Option::Some(#krate::__private::Cow::Borrowed(#name)))
            }
            ParamSource::Field(field) => match arm.field(field) {
                Some((index, found)) => {
                    let binding = respan(&bindings.bind(index, found), field.span());
                    bounds.add(&found.ty, quote!(#krate::__private::ParamValue));
                    quote_spanned!(field.span()=> #krate::__private::ParamValue::param_value(#binding))
                }
                None => quote!(#krate::__private::Option::None),
            },
        };
        (bindings.pattern(arm), value)
    });

    let retry_after = arm
        .attrs
        .retry_after
        .as_ref()
        .map(|keyed| {
            let mut bindings = Bindings::default();
            let value = match arm.field(&keyed.value) {
                Some((index, found)) => {
                    let span = keyed.value.span();
                    let binding = respan(&bindings.bind(index, found), span);
                    bounds.add(&found.ty, quote!(#krate::__private::RetryAfterValue));
                    quote_spanned!(span=> #krate::__private::RetryAfterValue::retry_after_value(#binding))
                }
                None => quote!(#krate::__private::Option::None),
            };
            (bindings.pattern(arm), value)
        });

    ArmCode {
        bare_pattern: pattern(arm, &[]),
        cfgs,
        info,
        message: formatted,
        param,
        retry_after,
        provider: None,
    }
}

/// `Self::Variant { 0: ref __api_error_0, name: ref __api_error_1, .. }`, or
/// with nothing to bind `Self::Variant` for a unit variant (fewer tokens
/// for the compiler to read), `Self::Variant { .. }` otherwise, `Self { .. }`
/// for a struct.
pub fn pattern(arm: &Arm, bindings: &[(Member, Ident)]) -> TokenStream {
    let Some(variant) = arm.variant else {
        let fields = bindings
            .iter()
            .map(|(member, binding)| quote!(#member: ref #binding,));
        return quote!(Self { #(#fields)* .. });
    };
    if bindings.is_empty() {
        return match arm.fields {
            syn::Fields::Unit => quote!(Self::#variant),
            syn::Fields::Named(_) | syn::Fields::Unnamed(_) => quote!(Self::#variant { .. }),
        };
    }
    let fields = bindings
        .iter()
        .map(|(member, binding)| quote!(#member: ref #binding,));
    quote!(Self::#variant { #(#fields)* .. })
}

/// The same name, reported at `span`: a type error about a binding then
/// points at the user's tokens that asked for it, not at the derive.
fn respan(ident: &Ident, span: Span) -> Ident {
    let mut ident = ident.clone();
    ident.set_span(span);
    ident
}

/// How a pattern names field `index`.
pub fn member(field: &Field, index: usize) -> Member {
    match &field.ident {
        Some(ident) => Member::Named(ident.clone()),
        None => Member::Unnamed(syn::Index::from(index)),
    }
}
