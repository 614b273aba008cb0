//! What `#[api_error(catalogue)]` adds to the canonical enum (`ErrorCode`):
//! every variant in table order, and `from_code`.

use super::Cfgs;
use crate::ast::Input;
use proc_macro2::TokenStream;
use quote::quote;

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
