//! The impl emitted next to a compile error, so the user sees the real error
//! and not a cascade of "`ApiError` is not implemented".

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DeriveInput, Path};

/// A stand-in impl of `ApiError` for the already parsed `input`, through
/// the crate path it names. Never runs: the crate does not build.
pub fn stub_impl(input: &DeriveInput, krate: &Path) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::Describe for #ident #ty_generics #where_clause {
            const CODES: #krate::CodeList = #krate::CodeList::EMPTY;
            fn info(_: &Self) -> &'static #krate::CodeInfo {
                #krate::__private::unreachable_info()
            }
        }
    }
}
