//! Code generation: the `ApiError` impl, assembled from each variant's
//! arms (`arm.rs`, `wrapped.rs`), its `CodeInfo` (`info.rs`) and the bounds
//! its fields need (`bounds.rs`). Every path goes through the runtime
//! crate's (`crate = ...`), so user scopes cannot shadow it.

mod arm;
mod bounds;
mod catalogue;
mod info;
mod wrapped;

use crate::ast::Input;
use crate::errors::Errors;
use crate::valid;
use arm::{ArmCode, InfoOf};
use bounds::Bounds;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, ToTokens};
use std::collections::BTreeSet;
use syn::{Attribute, DeriveInput, Path};

/// The whole derive: read, check, generate. Every error in the input is
/// reported at once; with them comes the crate path the input names, for
/// the stand-in impl (`fallback.rs`).
pub fn expand(input: &DeriveInput) -> Result<TokenStream, (syn::Error, Path)> {
    let mut errors = Errors::default();
    let model = Input::from_syn(input, &mut errors);
    if let Some(model) = &model {
        valid::validate(model, &mut errors);
    }
    let krate = model.as_ref().map(|model| model.krate.clone());
    let failed = |error| {
        let krate = krate
            .clone()
            .unwrap_or_else(|| syn::parse_quote!(::api_error_codes));
        (error, krate)
    };
    errors.into_result().map_err(failed)?;
    match model {
        Some(model) => Ok(generate(&model)),
        // `from_syn` only gives up after reporting an error.
        None => Err(failed(syn::Error::new_spanned(
            &input.ident,
            "cannot derive `ApiError` here",
        ))),
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

fn generate(input: &Input) -> TokenStream {
    let krate = &input.root;
    let ident = input.ident;
    let mut bounds = Bounds::new(input.generics);
    let mut infos = TokenStream::new();
    let mut private_infos = TokenStream::new();
    let mut wrapped_types = Vec::new();
    let mut arms: Vec<ArmCode> = Vec::new();
    // `INFOS` lists every own arm's `CodeInfo` in declaration order. Up to
    // the first `#[cfg]`-gated arm, an arm's entry is a literal and its
    // place a literal index; from there on, where places depend on the
    // configuration, each is a named constant of its own (`INFO_<VARIANT>`),
    // gated like its variant.
    let mut ungated = 0usize;
    let mut named_from_here = false;
    let mut gated_items = TokenStream::new();
    let mut gated_names = BTreeSet::new();
    let use_canonical = quote!(use #krate::__private::canonical;);
    // Which names the `INFOS` entries use, to bring only those in scope.
    let (mut infos_name_canonical, mut infos_name_code_info) = (false, false);
    for arm in &input.arms {
        let cfgs = Cfgs(&arm.cfgs);
        if arm.is_transparent() {
            if let Some((code, ty)) = wrapped::wrapped_arm(input, arm, cfgs, &mut bounds) {
                wrapped_types.push((cfgs, ty));
                arms.push(code);
            }
            continue;
        }
        let code_info = info::code_info(arm);
        let names_canonical = info::names_canonical(arm);
        named_from_here |= !cfgs.is_empty();
        // Where `info` finds the entry, and the entry as a value.
        let (info, entry) = if !named_from_here {
            infos_name_canonical |= names_canonical;
            infos_name_code_info |= !names_canonical;
            infos.extend(quote! { #code_info, });
            let index = ungated;
            ungated += 1;
            (InfoOf::Index(index), quote!(INFOS[#index]))
        } else {
            let name = gated_info_name(arm.variant, &mut gated_names);
            let scope = if names_canonical {
                &use_canonical
            } else {
                &quote!(use #krate::CodeInfo;)
            };
            gated_items.extend(quote! {
                #cfgs const #name: #krate::CodeInfo = { #scope #code_info };
            });
            infos.extend(quote! { #cfgs #name, });
            (InfoOf::Value(quote!(&#name)), quote!(#name))
        };
        if arm.canonical.is_none() {
            private_infos.extend(quote! { #cfgs #entry, });
        }
        arms.push(arm::own_arm(input, arm, cfgs, info, &mut bounds));
    }

    let wrapped_lists = wrapped_types
        .iter()
        .map(|(cfgs, ty)| quote!(#cfgs &<#ty as #krate::Describe>::CODES,));
    let wrapped_lists = quote!(#(#wrapped_lists)*);

    // The codes of wrapped types: checked once for a plain type, per
    // instantiation (when `info` is) for a generic one.
    let generic = !input.generics.params.is_empty();
    let checks = wrapped::checks(input, &private_infos, &wrapped_types, generic);
    let (checks_item, checks_in_info) = if generic {
        (TokenStream::new(), quote!(#(#checks)*))
    } else {
        (quote!(#(#checks)*), TokenStream::new())
    };

    // Names in scope for the entries: `CodeInfo` for private codes,
    // `canonical` for canonical ones.
    let infos_value = if infos.is_empty() {
        quote!(&[])
    } else {
        let use_code_info = infos_name_code_info.then(|| quote!(use #krate::CodeInfo;));
        let use_canonical = infos_name_canonical.then_some(&use_canonical);
        quote!({
            #use_code_info
            #use_canonical
            &[#infos]
        })
    };
    let generics = bounds.into_generics(input.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let methods = methods(input, &arms);
    let allow_deprecated = input.deprecated.then(|| quote!(#[allow(deprecated)]));
    let catalogue = input
        .catalogue
        .as_ref()
        .map(|_| catalogue::catalogue_impl(input, allow_deprecated.as_ref()));
    let canonical_constants = input
        .catalogue
        .as_ref()
        .map(|_| catalogue::canonical_constants(input));
    let info_body = info_body(&arms);
    quote! {
        #canonical_constants
        const _: () = {
            // Every own arm's `CodeInfo`, in one constant.
            #gated_items
            const INFOS: &[#krate::CodeInfo] = #infos_value;
            #[automatically_derived]
            #allow_deprecated
            impl #impl_generics #krate::Describe for #ident #ty_generics #where_clause {
                const CODES: #krate::CodeList = #krate::CodeList::new(INFOS, &[#wrapped_lists]);
                fn info(this: &Self) -> &'static #krate::CodeInfo {
                    #checks_in_info
                    #info_body
                }
                #methods
            }
            #checks_item
            #catalogue
        };
    }
}

/// `info`'s body: `&INFOS[match *self { Self::A => 0, .. }]`, where an arm
/// whose `CodeInfo` is elsewhere returns it; a plain `match` when no arm's
/// is in `INFOS` (the index would never be reached).
fn info_body(arms: &[ArmCode]) -> TokenStream {
    let indexed = arms.iter().any(|arm| matches!(arm.info, InfoOf::Index(_)));
    let mut cases = TokenStream::new();
    for arm in arms {
        let cfgs = &arm.cfgs;
        let pattern = &arm.bare_pattern;
        cases.extend(match (&arm.info, indexed) {
            (InfoOf::Index(index), _) => quote!(#cfgs #pattern => #index,),
            (InfoOf::Value(value), true) => quote!(#cfgs #pattern => return #value,),
            (InfoOf::Value(value), false) => quote!(#cfgs #pattern => #value,),
        });
    }
    // On the place, not the reference, so an enum whose variants are all
    // configured away still matches exhaustively.
    if indexed {
        quote!(&INFOS[match *this { #cases }])
    } else {
        quote!(match *this { #cases })
    }
}

/// `INFO_GATED_IN` for variant `GatedIn`: the name of an arm's `CodeInfo`
/// constant, made unique in `taken`.
fn gated_info_name(variant: Option<&Ident>, taken: &mut BTreeSet<String>) -> Ident {
    let mut name = String::from("INFO");
    let text = variant.map(ToString::to_string).unwrap_or_default();
    let mut previous_lower = false;
    for c in text.trim_start_matches("r#").chars() {
        if (c.is_uppercase() && previous_lower) || name.len() == 4 {
            name.push('_');
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        name.extend(c.to_uppercase());
    }
    let base = name.clone();
    let mut suffix = 1;
    while !taken.insert(name.clone()) {
        suffix += 1;
        name = format!("{base}_{suffix}");
    }
    Ident::new(&name, Span::call_site())
}

/// `message`, `write_message`, `param`, `retry_after` and `provider`: each a `match`
/// over the arms that say something, the rest falling to the trait's
/// default; the method is left out when no arm says anything.
fn methods(input: &Input, arms: &[ArmCode]) -> TokenStream {
    let krate = &input.root;
    type Case<'b> = Option<(&'b TokenStream, &'b TokenStream)>;
    let match_some = |body: &dyn for<'b> Fn(&'b ArmCode<'_>) -> Case<'b>,
                      default: TokenStream|
     -> Option<TokenStream> {
        let mut needs_default = false;
        let mut cases = TokenStream::new();
        for arm in arms {
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
        // On the place, not the reference, so an enum whose variants are
        // all configured away still matches exhaustively.
        Some(quote!(match *this { #cases }))
    };
    let default_message = quote!(#krate::CodeInfo::message(<Self as #krate::Describe>::info(this)));
    let message = match_some(
        &|arm| {
            arm.message
                .as_ref()
                .map(|(pattern, value)| (pattern, value))
        },
        quote!(#krate::__private::Cow::Borrowed(#default_message)),
    )
    .map(|body| {
        quote! {
            fn message(this: &Self) -> #krate::__private::Cow<'_, str> { #body }
        }
    });
    let param = match_some(
        &|arm| arm.param.as_ref().map(|(pattern, value)| (pattern, value)),
        quote!(#krate::__private::Option::None),
    )
    .map(|body| {
        quote! {
            fn param(this: &Self) -> #krate::__private::Option<#krate::__private::Cow<'_, str>> { #body }
        }
    });
    let retry_after = match_some(
        &|arm| arm.retry_after.as_ref().map(|(pattern, value)| (pattern, value)),
        quote!(#krate::__private::Option::None),
    )
    .map(|body| {
        quote! {
            fn retry_after(this: &Self) -> #krate::__private::Option<#krate::__private::Duration> { #body }
        }
    });
    let provider = match_some(
        &|arm| {
            arm.provider
                .as_ref()
                .map(|(pattern, value)| (pattern, value))
        },
        quote!(#krate::__private::Option::None),
    )
    .map(|body| {
        quote! {
            fn provider(this: &Self) -> #krate::__private::Option<#krate::upstream::Provider> { #body }
        }
    });
    quote!(#message #param #retry_after #provider)
}
