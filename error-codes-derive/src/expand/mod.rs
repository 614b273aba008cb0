//! Code generation: the `Describe` impl (one `CodeInfo` constant per own
//! variant, `info.rs`; the arms of each method, `arms.rs`), the std impls
//! (`std_impls.rs`), the checks of wrapped types (`wrapped.rs`) and the
//! bounds of generic fields (`bounds.rs`). Every path goes through the
//! runtime crate's (`crate = ...`), so a user's scope cannot shadow it.

mod arms;
mod bounds;
mod info;
mod std_impls;
mod wrapped;

use crate::ast::{Arm, Input};
use crate::errors::Errors;
use crate::valid;
use bounds::Bounds;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{DeriveInput, Field, Fields, Ident, Member};

/// The whole derive: read, check, generate. On failure, every error in the
/// input, and the runtime crate's path for the stand-in impls
/// (`fallback.rs`).
pub fn expand(input: &DeriveInput) -> Result<TokenStream, (syn::Error, TokenStream)> {
    let mut errors = Errors::default();
    let model = Input::from_syn(input, &mut errors);
    if let Some(model) = &model {
        valid::validate(model, &mut errors);
    }
    let root = model
        .as_ref()
        .map_or_else(|| quote!(::api_error_codes), |m| m.root.clone());
    match (errors.into_result(), model) {
        (Ok(()), Some(model)) => Ok(generate(&model)),
        (Err(error), _) => Err((error, root)),
        // `from_syn` gives up only after reporting an error.
        (Ok(()), None) => Err((
            syn::Error::new_spanned(&input.ident, "cannot derive `ApiError` here"),
            root,
        )),
    }
}

fn generate(input: &Input) -> TokenStream {
    let krate = &input.root;
    let ident = input.ident;
    let mut bounds = Bounds::new(input.generics);
    let mut consts = TokenStream::new();
    let mut own = Vec::new();
    let mut taken = std::collections::HashSet::new();
    let mut wrapped = Vec::new();
    let mut info_cases = TokenStream::new();
    let mut private_codes = Vec::new();
    for arm in &input.arms {
        let pattern = pattern(arm, &[]);
        if let Some(field) = arm.wrapped() {
            bounds.add(&field.ty, quote!(#krate::Describe));
            let (pattern, inner) = bind_one(arm, field);
            let ty = &field.ty;
            info_cases.extend(quote!(#pattern => <#ty as #krate::Describe>::info(#inner),));
            wrapped.push(ty);
            continue;
        }
        let name = info::const_name(arm, &mut taken);
        let value = info::code_info(input, arm);
        consts.extend(quote!(const #name: #krate::CodeInfo = #value;));
        info_cases.extend(quote!(#pattern => &#name,));
        if arm.canonical.is_none() {
            private_codes.push(name.clone());
        }
        own.push(name);
    }
    let methods = arms::methods(input, &mut bounds);
    let checks = wrapped::checks(input, &private_codes, &wrapped);
    let (checks_item, checks_in_info) = match input.generics.params.is_empty() {
        true => (Some(&checks), None),
        false => (None, Some(&checks)),
    };
    let generics = bounds.into_generics(input.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let allow_deprecated = input.deprecated.then(|| quote!(#[allow(deprecated)]));
    let std_impls = std_impls::std_impls(input, &generics);
    let wrapped_lists = wrapped
        .iter()
        .map(|ty| quote!(&<#ty as #krate::Describe>::CODES));
    quote! {
        const _: () = {
            #consts
            #[automatically_derived]
            #allow_deprecated
            impl #impl_generics #krate::Describe for #ident #ty_generics #where_clause {
                const CODES: #krate::CodeList = #krate::CodeList::new(&[#(#own),*], &[#(#wrapped_lists),*]);
                fn info(this: &Self) -> &'static #krate::CodeInfo {
                    #checks_in_info
                    // On the place, not the reference: an enum without
                    // variants still matches exhaustively.
                    match *this { #info_cases }
                }
                #methods
            }
            #std_impls
            #checks_item
        };
    }
}

/// `Self::Variant { 0: ref __0, used: ref __used, .. }` binding `fields`;
/// with none bound, `Self::Variant` for a unit variant, else
/// `Self::Variant { .. }` (`Self { .. }` for a struct).
pub fn pattern(arm: &Arm, fields: &[(usize, &Field)]) -> TokenStream {
    let path = match arm.variant {
        Some(variant) => quote!(Self::#variant),
        None => quote!(Self),
    };
    if fields.is_empty() && arm.variant.is_some() && matches!(arm.fields, Fields::Unit) {
        return path;
    }
    let bound = fields.iter().map(|&(index, field)| {
        let member = member(index, field);
        let binding = binding(index, field);
        quote!(#member: ref #binding,)
    });
    quote!(#path { #(#bound)* .. })
}

/// The pattern binding one field, and its binding.
pub fn bind_one(arm: &Arm, field: &Field) -> (TokenStream, Ident) {
    (pattern(arm, &[(0, field)]), binding(0, field))
}

/// How a pattern names field `index`.
pub fn member(index: usize, field: &Field) -> Member {
    match &field.ident {
        Some(ident) => Member::Named(ident.clone()),
        None => Member::Unnamed(index.into()),
    }
}

/// The binding of a field: `__used` for `used` (`__type` for `r#type`),
/// `__0` for the first tuple field.
pub fn binding(index: usize, field: &Field) -> Ident {
    match &field.ident {
        Some(ident) => format_ident!("__{}", ident.to_string().trim_start_matches("r#")),
        None => format_ident!("__{}", index),
    }
}
