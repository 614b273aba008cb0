//! What `#[api_error(catalogue)]` adds to the canonical enum (`ErrorCode`):
//! every variant in table order, `from_code`, and the module of one
//! `CodeInfo` constant per row that every other derive names.

use super::info;
use super::Cfgs;
use crate::ast::Input;
use crate::catalogue;
use proc_macro2::TokenStream;
use quote::quote;

/// `pub mod canonical`: one constant per row of the catalogue, named after
/// its code (`RATE_LIMIT_EXCEEDED`), placed beside the catalogue enum (the
/// runtime crate re-exports it for the generated code). Each variant
/// naming a canonical code, in every enum, is its constant with what the
/// variant changes.
pub fn canonical_constants(input: &Input) -> TokenStream {
    let krate = &input.root;
    // An unreadable table is reported by validation; no rows, no constants.
    let rows = catalogue::rows().unwrap_or_default();
    let constants = rows.iter().map(|row| {
        let name = info::constant_name(row);
        let value = info::row_info(row);
        quote!(pub const #name: CodeInfo = #value;)
    });
    quote! {
        /// The canonical codes' `CodeInfo`s, one constant per row of the
        /// catalogue: what `#[derive(ApiError)]` names for a canonical code.
        #[doc(hidden)]
        pub mod canonical {
            use #krate::CodeInfo;
            #(#constants)*
        }
    }
}

/// `impl Catalogue`: `ALL`, and `from_code` as one `match` on the code
/// string (it runs after a JSON parse, where its speed is not noticed).
pub fn catalogue_impl(input: &Input, allow_deprecated: Option<&TokenStream>) -> TokenStream {
    let krate = &input.root;
    let ident = input.ident;
    let mut all = TokenStream::new();
    let mut from_code = TokenStream::new();
    for arm in &input.arms {
        let (Some(variant), Some(code)) = (arm.variant, &arm.attrs.code) else {
            continue;
        };
        let cfgs = Cfgs(&arm.cfgs);
        let code = code.value.token();
        all.extend(quote!(#cfgs Self::#variant,));
        from_code.extend(quote!(#cfgs #code => #krate::__private::Option::Some(Self::#variant),));
    }
    quote! {
        #[automatically_derived]
        #allow_deprecated
        impl #krate::__private::Catalogue for #ident {
            const ALL: &'static [Self] = &[#all];
            fn from_code(code: &str) -> #krate::__private::Option<Self> {
                match code {
                    #from_code
                    _ => #krate::__private::Option::None,
                }
            }
        }
    }
}
