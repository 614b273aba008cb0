//! The impls emitted next to a compile error, so the user sees the real
//! error and not a cascade of "`ApiError` is not implemented" (or
//! `Display`, `Error`), as thiserror's `fallback.rs` does.

use crate::ast::beside_thiserror;
use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

/// Stand-in impls for `input`, through the runtime crate's path `root`.
/// They never run: the crate does not build.
pub fn stub_impls(input: &DeriveInput, root: &TokenStream) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // `Debug` bounded (higher-ranked, as trivial bounds are unstable), so a
    // type without it gets no second error here.
    let mut generics = input.generics.clone();
    generics
        .make_where_clause()
        .predicates
        .push(syn::parse_quote! {
            for<'__bound> #ident #ty_generics: #root::__private::fmt::Debug
        });
    let error_where = &generics.where_clause;
    let std_impls = (!beside_thiserror(input)).then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics #root::__private::fmt::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, _: &mut #root::__private::fmt::Formatter<'_>) -> #root::__private::fmt::Result {
                    ::core::unreachable!()
                }
            }
            #[automatically_derived]
            impl #impl_generics #root::__private::Error for #ident #ty_generics #error_where {}
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #root::Describe for #ident #ty_generics #where_clause {
            const CODES: #root::CodeList = #root::CodeList::EMPTY;
            fn info(_: &Self) -> &'static #root::CodeInfo {
                ::core::unreachable!()
            }
        }
        #std_impls
    }
}
