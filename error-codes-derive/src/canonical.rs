//! The hidden derive the runtime crate puts on `ErrorCode` (and nothing
//! else can reach by accident): the module of one `CodeInfo` constant per
//! row of the catalogue, which every canonical variant names, and
//! `Catalogue::ALL`. It checks that the enum lists the rows in table order,
//! one unit variant each, with the row's description as its doc comment.

use crate::attr::{self, Place};
use crate::catalogue;
use crate::errors::Errors;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;
use syn::{Data, DeriveInput, Expr, ExprLit, Lit};

pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let rows = catalogue::rows().map_err(|reason| syn::Error::new_spanned(&input.ident, reason))?;
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "the catalogue is an enum",
        ));
    };
    let mut errors = Errors::default();
    let mut all = Vec::new();
    for (index, variant) in data.variants.iter().enumerate() {
        // The `ApiError` derive on the same enum reports malformed keys.
        let attrs = attr::parse(&variant.attrs, Place::Variant, &mut Errors::default());
        for key in attrs
            .own_keys()
            .into_iter()
            .filter(|key| !key.is_ident("code"))
        {
            errors.push(syn::Error::new_spanned(
                key,
                "the catalogue enum takes everything but `code` from catalogue.tsv",
            ));
        }
        let (code, row) = (attrs.code.map(|code| code.value.value()), rows.get(index));
        let doc: Vec<String> = (variant.attrs.iter())
            .filter_map(|attr| match &attr.meta {
                syn::Meta::NameValue(nv) if attr.path().is_ident("doc") => match &nv.value {
                    Expr::Lit(ExprLit {
                        lit: Lit::Str(text),
                        ..
                    }) => Some(text.value().trim().to_owned()),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        let expected = match row {
            Some(row) if code.as_deref() == Some(row.code) && doc.join(" ") == row.description => {
                if variant.fields.is_empty() {
                    all.push(&variant.ident);
                    continue;
                }
                "one unit variant".to_owned()
            }
            Some(row) => format!(
                "`#[api_error(code = \"{}\")]`, documented `/// {}`",
                row.code, row.description
            ),
            None => "no variant: catalogue.tsv has no more rows".to_owned(),
        };
        errors.push(syn::Error::new_spanned(
            &variant.ident,
            format!(
                "variant {} of the catalogue enum is row {} of catalogue.tsv: {expected}",
                index + 1,
                index + 1
            ),
        ));
    }
    if let Some(missing) = rows.get(data.variants.len()..).and_then(<[_]>::first) {
        errors.push(syn::Error::new_spanned(
            &input.ident,
            format!("the catalogue enum has one variant per row of catalogue.tsv; missing `{}` and after", missing.code),
        ));
    }
    errors.into_result()?;
    let constants = rows.iter().map(|row| {
        let name = Ident::new(&row.code.to_ascii_uppercase(), Span::call_site());
        let (code, description) = (row.code, row.description);
        let status = Literal::u16_unsuffixed(row.status);
        let mut info = quote!(crate::CodeInfo::new(#code, #status, #description));
        if row.retryable {
            info.extend(quote!(.retryable(true)));
        }
        if let Some(openai_type) = row.openai_type {
            info.extend(quote!(.with_openai_type(#openai_type)));
        }
        if let Some(anthropic_type) = row.anthropic_type {
            info.extend(quote!(.with_anthropic_type(#anthropic_type)));
        }
        quote!(pub const #name: crate::CodeInfo = #info;)
    });
    let ident = &input.ident;
    Ok(quote! {
        /// One `CodeInfo` per row of the catalogue: what a canonical variant
        /// of any derived type names.
        #[doc(hidden)]
        pub mod canonical {
            #(#constants)*
        }
        #[automatically_derived]
        impl crate::__private::Catalogue for #ident {
            const ALL: &'static [Self] = &[#(Self::#all),*];
        }
    })
}
