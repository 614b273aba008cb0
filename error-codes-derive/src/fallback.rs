//! The impl emitted next to a compile error, so the user sees the real error
//! and not a cascade of "`ApiError` is not implemented".

use crate::attr::{self, Errors, Place};
use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput};

/// A stub impl of `ApiError` for `input`, or nothing when the input is not
/// even a type definition.
pub fn stub_impl(input: TokenStream) -> TokenStream {
    let Ok(input) = syn::parse2::<DeriveInput>(input) else {
        return TokenStream::new();
    };
    let place = match input.data {
        Data::Enum(_) => Place::Enum,
        _ => Place::Struct,
    };
    // Errors were already reported by the real expansion.
    let mut ignored = Errors::default();
    let (container, _) = attr::parse(&input.attrs, place, &mut ignored);
    let krate = container
        .krate
        .map(|keyed| keyed.value)
        .unwrap_or_else(|| syn::parse_quote!(::error_codes));
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        #[allow(deprecated, unused_variables, clippy::all)]
        impl #impl_generics #krate::ApiError for #ident #ty_generics #where_clause {
            const CODES: #krate::CodeList = #krate::CodeList::EMPTY;
            fn info(&self) -> &'static #krate::CodeInfo {
                #krate::__private::unreachable_info()
            }
        }
    }
}
