//! Code generation. Everything is fully qualified through the runtime
//! crate's path, so user scopes cannot shadow it.

use crate::ast::{Arm, Input};
use crate::attr::{Errors, ParamSource};
use crate::template::{self, Piece};
use crate::valid;
use proc_macro2::{Ident, Literal, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use std::collections::{BTreeMap, BTreeSet};
use syn::{Attribute, DeriveInput, Field, LitByteStr, LitStr, Member, Path, Type, WherePredicate};

/// The whole derive: parse, validate, generate. Every error in the input is
/// reported at once.
pub fn expand(input: TokenStream) -> syn::Result<TokenStream> {
    let input: DeriveInput = syn::parse2(input)?;
    let mut errors = Errors::default();
    let model = Input::from_syn(&input, &mut errors);
    if let Some(model) = &model {
        valid::validate(model, &mut errors);
    }
    errors.into_result()?;
    match model {
        Some(model) => Ok(generate(&model)),
        // `from_syn` only gives up after reporting an error.
        None => Err(syn::Error::new_spanned(
            &input.ident,
            "cannot derive `ApiError` here",
        )),
    }
}

/// A variant's `#[cfg]` attributes, copied onto everything generated for
/// it. Most variants have none, and interpolating none of these costs
/// nothing, where an empty `TokenStream` still costs calls into the
/// compiler at every use.
#[derive(Clone, Copy)]
struct Cfgs<'a>(&'a [&'a Attribute]);

impl Cfgs<'_> {
    fn is_empty(self) -> bool {
        self.0.is_empty()
    }
}

impl ToTokens for Cfgs<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        for attr in self.0 {
            attr.to_tokens(tokens);
        }
    }
}

/// Everything generated for one arm.
struct ArmCode<'a> {
    /// `#[cfg]`s to copy.
    cfgs: Cfgs<'a>,
    /// The pattern binding what `message`, `param` and `retry_after` read.
    pattern: TokenStream,
    /// The pattern binding nothing (but a wrapped error), for `info` and
    /// `message`, which renders a template through `write_message`.
    bare_pattern: TokenStream,
    info: TokenStream,
    message: Option<TokenStream>,
    /// The same message written to `__api_error_out`.
    write_message: Option<TokenStream>,
    param: Option<TokenStream>,
    retry_after: Option<TokenStream>,
}

fn generate(input: &Input) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let type_params: BTreeSet<String> = input
        .generics
        .type_params()
        .map(|param| param.ident.to_string())
        .collect();
    let mut bounds = Bounds::new(&type_params);
    let mut items = TokenStream::new();
    let mut own_infos = TokenStream::new();
    let mut wrapped_lists = TokenStream::new();
    // Whether a message is formatted: any own template, else any wrapped
    // type's answer.
    let mut formats_message = false;
    let mut wrapped_formats = TokenStream::new();
    let mut arms = Vec::new();
    let mut first_transparent: Option<&Path> = None;
    // Where each arm's `CodeInfo` sits in `INFOS` (`None` for a wrapped
    // error's arm): its index, counting the `#[cfg]`-gated arms before it
    // only where they are compiled in.
    let mut places = Vec::new();
    let mut ungated_before = 0usize;
    let mut gated_before = TokenStream::new();

    for arm in &input.arms {
        let cfgs = Cfgs(&arm.cfgs);
        if let Some(transparent) = &arm.attrs.transparent {
            places.push(None);
            first_transparent.get_or_insert(transparent);
            let Some(field) = arm.fields.iter().next() else {
                continue;
            };
            let ty = &field.ty;
            bounds.add(ty, quote!(#krate::ApiError));
            wrapped_lists.extend(quote! { #cfgs &<#ty as #krate::ApiError>::CODES, });
            wrapped_formats.extend(quote! { #cfgs <#ty as #krate::ApiError>::FORMATS_MESSAGE, });
            let inner = format_ident!("__api_error_inner");
            let pattern = pattern(arm, &[(member(field, 0), inner.clone())]);
            arms.push(ArmCode {
                cfgs,
                bare_pattern: pattern.clone(),
                info: quote!(<#ty as #krate::ApiError>::info(#inner)),
                pattern,
                message: Some(quote!(<#ty as #krate::ApiError>::message(#inner))),
                write_message: Some(
                    quote!(<#ty as #krate::ApiError>::write_message(#inner, __api_error_out)),
                ),
                param: Some(quote!(<#ty as #krate::ApiError>::param(#inner))),
                retry_after: Some(quote!(<#ty as #krate::ApiError>::retry_after(#inner))),
            });
            continue;
        }
        let index = if gated_before.is_empty() {
            quote!(#ungated_before)
        } else {
            quote!((#ungated_before + <[()]>::len(&[#gated_before])))
        };
        let info = quote!(INFOS[#index]);
        let (spec, checks) = spec_items(input, arm, cfgs, &info);
        items.extend(checks);
        own_infos.extend(quote! { #cfgs #spec, });
        if cfgs.is_empty() {
            ungated_before += 1;
        } else {
            gated_before.extend(quote!(#cfgs (),));
        }
        places.push(Some(info.clone()));
        let code = arm_code(input, arm, cfgs, &info, &mut bounds);
        formats_message |= code.write_message.is_some();
        arms.push(code);
    }
    let formats_message = if formats_message {
        quote!(
            const FORMATS_MESSAGE: bool = true;
        )
    } else if wrapped_formats.is_empty() {
        TokenStream::new()
    } else {
        quote!(const FORMATS_MESSAGE: bool = __api_error::any(&[#wrapped_formats]);)
    };

    let mut generics = input.generics.clone();
    if !bounds.predicates.is_empty() {
        generics
            .make_where_clause()
            .predicates
            .extend(bounds.predicates);
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

    // The arms that have something to say, then one wildcard arm with the
    // trait's default for the rest; `None` when no arm has anything to say
    // (the trait's default method then applies as a whole).
    let match_some =
        |body: &dyn for<'b> Fn(&'b ArmCode<'_>) -> Option<(&'b TokenStream, &'b TokenStream)>,
         default: TokenStream|
         -> Option<TokenStream> {
            let mut needs_default = false;
            let mut cases = TokenStream::new();
            for arm in &arms {
                match body(arm) {
                    Some((pattern, value)) => {
                        let cfgs = &arm.cfgs;
                        cases.extend(quote! { #cfgs #pattern => #value, });
                    }
                    None => needs_default = true,
                }
            }
            if cases.is_empty() {
                return None;
            }
            if needs_default {
                cases.extend(quote! { _ => #default, });
            }
            // On the place, not the reference, so an enum whose variants are all
            // configured away still matches exhaustively.
            Some(quote!(match *self { #cases }))
        };
    let info_arms = arms.iter().map(|arm| {
        let cfgs = &arm.cfgs;
        let pattern = &arm.bare_pattern;
        let info = &arm.info;
        quote! { #cfgs #pattern => #info, }
    });
    let info_body = quote!(match *self { #(#info_arms)* });
    let message = match_some(
        &|arm| arm.message.as_ref().map(|message| (&arm.bare_pattern, message)),
        quote!(__api_error::Borrowed(__api_error::CodeInfo::message(<Self as #krate::ApiError>::info(self)))),
    )
    .map(|body| {
        quote! {
            fn message(&self) -> ::std::borrow::Cow<'_, str> { #body }
        }
    });
    let write_message = match_some(
        &|arm| {
            arm.write_message
                .as_ref()
                .map(|value| (&arm.pattern, value))
        },
        quote!(::core::fmt::Write::write_str(
            __api_error_out,
            __api_error::CodeInfo::message(<Self as #krate::ApiError>::info(self)),
        )),
    )
    .map(|body| {
        quote! {
            fn write_message(
                &self,
                __api_error_out: &mut dyn ::core::fmt::Write,
            ) -> ::core::fmt::Result { #body }
        }
    });
    let param = match_some(
        &|arm| arm.param.as_ref().map(|value| (&arm.pattern, value)),
        quote!(::core::option::Option::None),
    )
    .map(|body| {
        quote! {
            fn param(&self) -> ::core::option::Option<::std::borrow::Cow<'_, str>> { #body }
        }
    });
    let retry_after = match_some(
        &|arm| arm.retry_after.as_ref().map(|value| (&arm.pattern, value)),
        quote!(::core::option::Option::None),
    )
    .map(|body| {
        quote! {
            fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> { #body }
        }
    });

    // One code, one status across wrapped types: checked on the final list.
    // A generic type's list is only known per instantiation, so there the
    // check runs when `info` is instantiated.
    let (consistency, consistency_in_info) = match first_transparent {
        None => (TokenStream::new(), TokenStream::new()),
        Some(transparent) => {
            let span = transparent
                .get_ident()
                .map_or_else(Span::call_site, Ident::span);
            let check = quote_spanned! {span=>
                match #krate::__private::check_consistent(&<Self as #krate::ApiError>::CODES) {
                    ::core::result::Result::Ok(()) => {}
                    ::core::result::Result::Err(message) => ::core::panic!("{}", message.as_str()),
                }
            };
            if input.generics.params.is_empty() {
                let check = quote_spanned! {span=>
                    const _: () = match #krate::__private::check_consistent(&<#ident as #krate::ApiError>::CODES) {
                        ::core::result::Result::Ok(()) => {}
                        ::core::result::Result::Err(message) => ::core::panic!("{}", message.as_str()),
                    };
                };
                (check, TokenStream::new())
            } else {
                (TokenStream::new(), quote!(const { #check };))
            }
        }
    };

    let catalogue = input
        .catalogue
        .as_ref()
        .map(|_| catalogue_impl(input, &places))
        .unwrap_or_default();

    quote! {
        #[allow(non_upper_case_globals, deprecated, clippy::all)]
        const _: () = {
            // Short paths keep the generated code, which every build of the
            // user's crate reads, small.
            use #krate::__private as __api_error;
            // Every own arm's `CodeInfo`, in one constant: one item for
            // rustc to check and evaluate instead of one per variant.
            const INFOS: &[__api_error::CodeInfo] = &[#own_infos];
            #items
            #[automatically_derived]
            #[allow(deprecated, unused_variables, unreachable_code, clippy::all)]
            impl #impl_generics #krate::ApiError for #ident #ty_generics #where_clause {
                const CODES: #krate::CodeList = __api_error::CodeList::new(
                    INFOS,
                    &[#wrapped_lists],
                );
                #formats_message
                #[inline]
                fn info(&self) -> &'static #krate::CodeInfo {
                    #consistency_in_info
                    #info_body
                }
                #message
                #write_message
                #param
                #retry_after
            }
            #consistency
            #catalogue
        };
    }
}

/// The `CodeInfo` of one arm (its spec, resolved against the catalogue),
/// and its checks on `info` (its place in `INFOS`), reported at the user's
/// tokens.
fn spec_items(
    input: &Input,
    arm: &Arm,
    cfgs: Cfgs<'_>,
    info: &TokenStream,
) -> (TokenStream, TokenStream) {
    let attrs = &arm.attrs;
    let Some(code) = attrs.code.as_ref().map(|keyed| &keyed.value) else {
        // Validation reports an arm without a code, so this is never
        // generated; a placeholder keeps `INFOS` aligned all the same.
        return (
            quote!(__api_error::Spec::new("").into_info(::core::option::Option::None)),
            TokenStream::new(),
        );
    };
    let plain = arm.template.as_deref().and_then(template::plain_text);
    // Without braces, a plain message is the literal's own value: reuse the
    // user's token instead of escaping the text into a new one.
    let message = match (&plain, &attrs.message) {
        // Bytes, not chars: `[u8]::contains` runs optimized inside the
        // unoptimized proc macro (a `char` pattern search does not).
        (Some(text), Some(_))
            if text.as_bytes().contains(&b'{') || text.as_bytes().contains(&b'}') =>
        {
            Some(Literal::string(text))
        }
        (Some(_), Some(keyed)) => Some(keyed.value.token().clone()),
        _ => None,
    };
    // A private code's description, when it has no plain message: the doc
    // comment, or else the template's text.
    let description = arm.doc.as_deref().or_else(|| {
        attrs
            .message
            .as_ref()
            .filter(|_| plain.is_none())
            .map(|keyed| keyed.value.value())
    });
    let has_status = attrs.status.is_some();
    let has_message = plain.is_some() || description.is_some();
    // Only what the attribute states, each an optional call in one chain:
    // every call is code rustc reads and evaluates in each build of the
    // user's crate.
    let status = attrs.status.as_ref().map(|keyed| keyed.value.0);
    let status = status.iter();
    let message = message.iter();
    let description = description.iter();
    let retryable = attrs.retryable.as_ref().map(|keyed| keyed.value);
    let retryable = retryable.iter();
    let openai_type = attrs.openai_type.as_ref().map(|keyed| &keyed.value);
    let openai_type = openai_type.iter();
    let anthropic_type = attrs.anthropic_type.as_ref().map(|keyed| &keyed.value);
    let anthropic_type = anthropic_type.iter();
    let spec = quote! {
        __api_error::Spec::new(#code)
            #(.status(#status))*
            #(.message(#message))*
            #(.description(#description))*
            #(.retryable(#retryable))*
            #(.openai_type(#openai_type))*
            #(.anthropic_type(#anthropic_type))*
    };
    if input.catalogue.is_some() {
        // The catalogue's own entries: nothing to look up or check.
        return (
            quote!(#spec.into_info(::core::option::Option::None)),
            TokenStream::new(),
        );
    }
    // The checks are `#[track_caller]` and spanned at the literal they are
    // about, so a failure reads as an error there: a canonical code's other
    // status at the `status`, an incomplete private code at the `code`. Each
    // is a constant of its own, so every failing variant is reported once;
    // each is emitted only where it can fail.
    let check_status = attrs
        .status
        .as_ref()
        .map(|keyed| quote_spanned!(keyed.value.1.span()=> __api_error::check_status(&#info)));
    let check_private = (!(has_status && has_message)).then(|| {
        quote_spanned!(code.span()=> __api_error::check_private(&#info, #has_status, #has_message))
    });
    let checks = check_status
        .into_iter()
        .chain(check_private)
        .map(|check| quote!(#cfgs const _: () = #check;));
    (quote!(#spec.resolve()), quote!(#(#checks)*))
}

/// The match arm pieces of a variant with its own code.
fn arm_code<'a>(
    input: &Input,
    arm: &'a Arm,
    cfgs: Cfgs<'a>,
    info: &TokenStream,
    bounds: &mut Bounds,
) -> ArmCode<'a> {
    let krate = &input.krate;
    // Bind only the fields something reads.
    let mut bindings: BTreeMap<usize, (Member, Ident)> = BTreeMap::new();
    let mut bind = |index: usize, field: &Field| -> Ident {
        bindings
            .entry(index)
            .or_insert_with(|| (member(field, index), format_ident!("__api_error_{}", index)))
            .1
            .clone()
    };

    // Where a field that cannot be formatted is reported: the message.
    let message_span = arm
        .attrs
        .message
        .as_ref()
        .map_or(arm.span, |m| m.value.span());
    let formatted = match &arm.template {
        Some(pieces) if template::plain_text(pieces).is_none() => {
            let mut format = String::new();
            let mut args = TokenStream::new();
            let mut named = BTreeSet::new();
            for piece in pieces {
                match piece {
                    Piece::Text(text) => {
                        format.push_str(&text.replace('{', "{{").replace('}', "}}"))
                    }
                    Piece::Field { field, spec } => {
                        let Some((index, found)) = arm.placeholder_field(field) else {
                            continue;
                        };
                        let binding = bind(index, found);
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
                        let bound = if spec.ends_with('?') {
                            quote!(::core::fmt::Debug)
                        } else {
                            quote!(::core::fmt::Display)
                        };
                        bounds.add(&found.ty, bound);
                    }
                }
            }
            // Room for the message up front, estimated the way `format!`
            // estimates it, so `message()` allocates once.
            let text_len: usize = pieces
                .iter()
                .map(|piece| match piece {
                    Piece::Text(text) => text.len(),
                    Piece::Field { .. } => 0,
                })
                .sum();
            let starts_with_field = matches!(pieces.first(), Some(Piece::Field { .. }));
            let capacity = if starts_with_field && text_len < 16 {
                0
            } else {
                text_len.saturating_mul(2)
            };
            let format = LitStr::new(&format, message_span);
            // `message` renders through `write_message`, so the template
            // is type-checked (and its errors reported) once.
            Some((
                quote!(__api_error::Owned(__api_error::formatted_message(self, #capacity))),
                quote!(::core::write!(__api_error_out, #format #args)),
            ))
        }
        // A plain message is the `CodeInfo`'s, which the default arm reads;
        // so is a private code's doc comment (its description). A canonical
        // code's doc comment is for developers and never reaches the wire.
        Some(_) | None => None,
    };

    let param = arm.attrs.param.as_ref().map(|param| match &param.value {
        ParamSource::Fixed(name) => {
            quote!(::core::option::Option::Some(::std::borrow::Cow::Borrowed(#name)))
        }
        ParamSource::Field(field) => match arm.field(field) {
            Some((index, found)) => {
                let binding = respan(&bind(index, found), field.span());
                bounds.add(&found.ty, quote!(#krate::__private::ParamValue));
                quote_spanned!(field.span()=> #krate::__private::ParamValue::param_value(#binding))
            }
            None => quote!(::core::option::Option::None),
        },
    });

    let retry_after = arm
        .attrs
        .retry_after
        .as_ref()
        .map(|keyed| match arm.field(&keyed.value) {
            Some((index, found)) => {
                let span = keyed.value.span();
                let binding = respan(&bind(index, found), span);
                bounds.add(&found.ty, quote!(#krate::__private::RetryAfterValue));
                quote_spanned!(span=> #krate::__private::RetryAfterValue::retry_after_value(#binding))
            }
            None => quote!(::core::option::Option::None),
        });

    let bound: Vec<(Member, Ident)> = bindings.into_values().collect();
    ArmCode {
        pattern: pattern(arm, &bound),
        bare_pattern: pattern(arm, &[]),
        cfgs,
        info: quote!(&#info),
        message: formatted.as_ref().map(|(message, _)| message.clone()),
        write_message: formatted.map(|(_, write)| write),
        param,
        retry_after,
    }
}

/// `Self::Variant { 0: ref __api_error_0, name: ref __api_error_1, .. }` (or
/// `Self { .. }` for a struct).
fn pattern(arm: &Arm, bindings: &[(Member, Ident)]) -> TokenStream {
    let path = match arm.variant {
        Some(variant) => quote!(Self::#variant),
        None => quote!(Self),
    };
    let fields = bindings
        .iter()
        .map(|(member, binding)| quote!(#member: ref #binding,));
    quote!(#path { #(#fields)* .. })
}

/// The same name, reported at `span`: a type error about a binding then
/// points at the user's tokens that asked for it, not at the derive.
fn respan(ident: &Ident, span: Span) -> Ident {
    let mut ident = ident.clone();
    ident.set_span(span);
    ident
}

fn member(field: &Field, index: usize) -> Member {
    match &field.ident {
        Some(ident) => Member::Named(ident.clone()),
        None => Member::Unnamed(syn::Index::from(index)),
    }
}

/// Where-clause predicates for field types that mention a type parameter.
struct Bounds<'a> {
    type_params: &'a BTreeSet<String>,
    seen: BTreeSet<String>,
    predicates: Vec<WherePredicate>,
}

impl<'a> Bounds<'a> {
    fn new(type_params: &'a BTreeSet<String>) -> Self {
        Bounds {
            type_params,
            seen: BTreeSet::new(),
            predicates: Vec::new(),
        }
    }

    fn add(&mut self, ty: &Type, bound: TokenStream) {
        if !mentions(ty.to_token_stream(), self.type_params) {
            return;
        }
        let predicate = quote!(#ty: #bound);
        if self.seen.insert(predicate.to_string()) {
            if let Ok(predicate) = syn::parse2(predicate) {
                self.predicates.push(predicate);
            }
        }
    }
}

fn mentions(tokens: TokenStream, names: &BTreeSet<String>) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => names.contains(&ident.to_string()),
        TokenTree::Group(group) => mentions(group.stream(), names),
        _ => false,
    })
}

/// `Catalogue` for the canonical enum: every variant in order, and a fast
/// `from_code`.
fn catalogue_impl(input: &Input, places: &[Option<TokenStream>]) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let mut all = TokenStream::new();
    let mut entries = Vec::new();
    for (arm, place) in input.arms.iter().zip(places) {
        let (Some(variant), Some(code), Some(info)) = (arm.variant, &arm.attrs.code, place) else {
            continue;
        };
        let cfgs = Cfgs(&arm.cfgs);
        all.extend(quote!(#cfgs Self::#variant,));
        entries.push(Entry {
            code: code.value.value().as_bytes().to_vec(),
            variant,
            info: info.clone(),
            cfgs,
        });
    }
    let mut by_len: BTreeMap<usize, Vec<&Entry>> = BTreeMap::new();
    for entry in &entries {
        by_len.entry(entry.code.len()).or_default().push(entry);
    }
    let tree = |leaf: &dyn Fn(&Entry) -> TokenStream| {
        let len_arms = by_len.iter().map(|(len, group)| {
            let body = decide(group, leaf);
            quote!(#len => #body,)
        });
        quote! {
            match bytes.len() {
                #(#len_arms)*
                _ => ::core::option::Option::None,
            }
        }
    };
    let from_code = perfect_hash(input, &entries).unwrap_or_else(|| {
        tree(&|entry| {
            let variant = entry.variant;
            let literal = LitByteStr::new(&entry.code, Span::call_site());
            quote! {
                if bytes == #literal {
                    return ::core::option::Option::Some(Self::#variant);
                }
            }
        })
    });
    // For the derive's compile-time lookups: a `match` on byte strings,
    // which rustc lowers to one decision tree over length and bytes, so
    // const evaluation tests each byte of the code once.
    let find_arms = entries.iter().map(|entry| {
        let info = &entry.info;
        let cfgs = &entry.cfgs;
        let literal = LitByteStr::new(&entry.code, Span::call_site());
        quote!(#cfgs #literal => ::core::option::Option::Some(&#info),)
    });
    let find_info = quote! {
        match bytes {
            #(#find_arms)*
            _ => ::core::option::Option::None,
        }
    };
    quote! {
        #[automatically_derived]
        impl #krate::__private::Catalogue for #ident {
            const ALL: &'static [Self] = &[#all];
            #[inline]
            fn from_code(code: &str) -> ::core::option::Option<Self> {
                let bytes = code.as_bytes();
                #from_code
            }
        }
        #[automatically_derived]
        impl #ident {
            /// The compile-time facts of the canonical code spelled `code`.
            #[doc(hidden)]
            pub const fn __api_error_find(code: &str) -> ::core::option::Option<&'static #krate::CodeInfo> {
                let bytes = code.as_bytes();
                #find_info
            }
        }
    }
}

/// The key a code hashes from: its length and three of its bytes, packed
/// in a `u32`. The generated `from_code` computes the same expression.
fn hash_key(code: &[u8]) -> Option<u32> {
    let first = *code.first()?;
    let last = *code.last()?;
    let middle = *code.get(code.len() / 2)?;
    // Truncating the length is fine: the key only picks a candidate, which
    // is then compared in full.
    Some(
        (code.len() as u32)
            ^ (u32::from(first) << 8)
            ^ (u32::from(last) << 16)
            ^ (u32::from(middle) << 24),
    )
}

/// A branch-free `from_code`: a multiplicative hash of [`hash_key`] picks
/// the one candidate slot, and one comparison confirms it. A decision tree
/// over the bytes (or a `match` on strings) costs a mispredicted branch per
/// level when codes arrive in no learnable order; this costs two loads.
///
/// `None` when no multiplier within the search budget separates the codes
/// (the caller then falls back to [`decide`]), when a variant carries
/// `#[cfg]` (a constant table cannot leave it out), when there are too many
/// codes for `u8` slots, or for a generic enum (the constant
/// tables are items, which cannot name the impl's parameters).
fn perfect_hash(input: &Input, entries: &[Entry]) -> Option<TokenStream> {
    const EMPTY: u8 = u8::MAX;
    const ATTEMPTS: u32 = 20_000;
    if entries.is_empty()
        || !input.generics.params.is_empty()
        || entries.len() >= usize::from(EMPTY)
        || entries.iter().any(|entry| !entry.cfgs.is_empty())
    {
        return None;
    }
    let keys = entries
        .iter()
        .map(|entry| hash_key(&entry.code))
        .collect::<Option<Vec<u32>>>()?;
    let min_bits = usize::BITS - (entries.len() - 1).leading_zeros();
    // A deterministic sequence of odd multipliers: the same input always
    // expands to the same code.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for bits in (min_bits + 1)..=(min_bits + 3).min(16) {
        let size = 1usize << bits;
        let shift = 32 - bits;
        for _ in 0..ATTEMPTS {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let multiplier = ((state >> 32) as u32) | 1;
            let mut slots = vec![EMPTY; size];
            let separated = keys.iter().enumerate().all(|(index, key)| {
                let slot = &mut slots[(key.wrapping_mul(multiplier) >> shift) as usize];
                let free = *slot == EMPTY;
                *slot = index as u8;
                free
            });
            if separated {
                return Some(hashed_lookup(input, entries, &slots, multiplier, shift));
            }
        }
    }
    None
}

/// The body of `from_code` for a found perfect hash: one table of
/// `(code, variant)` slots, so the hash leads straight to the candidate
/// (one dependent load), then a length check and a word-wise comparison.
fn hashed_lookup(
    input: &Input,
    entries: &[Entry],
    slots: &[u8],
    multiplier: u32,
    shift: u32,
) -> TokenStream {
    let krate = &input.krate;
    let ident = input.ident;
    let size = slots.len();
    let min_len = entries
        .iter()
        .map(|entry| entry.code.len())
        .min()
        .unwrap_or(0);
    let max_len = entries
        .iter()
        .map(|entry| entry.code.len())
        .max()
        .unwrap_or(0);
    let table = slots
        .iter()
        .map(|&slot| match entries.get(usize::from(slot)) {
            Some(entry) => {
                let variant = entry.variant;
                let code = LitByteStr::new(&entry.code, Span::call_site());
                quote!((#code, ::core::option::Option::Some(#ident::#variant)))
            }
            None => quote!((b"", ::core::option::Option::None)),
        });
    quote! {
        // A `static`, so indexing reads one slot instead of copying a `const` array.
        static SLOTS: [(&[u8], ::core::option::Option<#ident>); #size] = [#(#table,)*];
        let len = bytes.len();
        // Also keeps the byte reads below in bounds: every code is non-empty.
        if len < #min_len || len > #max_len {
            return ::core::option::Option::None;
        }
        let key = (len as u32)
            ^ ((bytes[0] as u32) << 8)
            ^ ((bytes[len - 1] as u32) << 16)
            ^ ((bytes[len / 2] as u32) << 24);
        let (candidate, variant) = SLOTS[(key.wrapping_mul(#multiplier) >> #shift) as usize];
        if #krate::__private::same_bytes(candidate, bytes) {
            variant
        } else {
            ::core::option::Option::None
        }
    }
}

struct Entry<'a> {
    code: Vec<u8>,
    variant: &'a Ident,
    /// The variant's `CodeInfo`: its place in `INFOS`.
    info: TokenStream,
    cfgs: Cfgs<'a>,
}

/// A decision tree over codes of one length: branch on the byte that splits
/// the group best, until one candidate is left, then confirm it with one
/// comparison.
fn decide(group: &[&Entry], leaf: &dyn Fn(&Entry) -> TokenStream) -> TokenStream {
    let len = group.first().map_or(0, |entry| entry.code.len());
    let best = (0..len)
        .map(|position| {
            let mut buckets: BTreeMap<u8, usize> = BTreeMap::new();
            for entry in group {
                *buckets.entry(entry.code[position]).or_default() += 1;
            }
            let largest = buckets.values().copied().max().unwrap_or(0);
            (position, largest, buckets.len())
        })
        .min_by_key(|&(position, largest, distinct)| (largest, usize::MAX - distinct, position));
    match best {
        Some((position, largest, _)) if group.len() > 1 && largest < group.len() => {
            let mut buckets: BTreeMap<u8, Vec<&Entry>> = BTreeMap::new();
            for entry in group {
                buckets.entry(entry.code[position]).or_default().push(entry);
            }
            let arms = buckets.iter().map(|(byte, sub)| {
                let body = decide(sub, leaf);
                let byte = proc_macro2::Literal::u8_suffixed(*byte);
                quote!(#byte => #body,)
            });
            quote!(match bytes[#position] { #(#arms)* _ => ::core::option::Option::None })
        }
        _ => {
            let checks = group.iter().map(|entry| {
                let cfgs = &entry.cfgs;
                let check = leaf(entry);
                quote!(#cfgs #check)
            });
            quote!({ #(#checks)* ::core::option::Option::None })
        }
    }
}
