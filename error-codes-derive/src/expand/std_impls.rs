//! What makes a derived type a std error, unless thiserror writes it
//! (`#[error]` on the type or a variant): `Display` (the message clients
//! read), `Error` (`source()`: the wrapped error of a `transparent` arm, or
//! the arm's source field) and `From` for each wrapped type (`no_from`
//! leaves it out).

use super::bounds::Bounds;
use super::wrapped::respan;
use super::{binding, member, pattern};
use crate::ast::Input;
use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;
use syn::{GenericArgument, Generics, PathArguments, Type};

/// `generics` are the type's, with the bounds the `Describe` impl needs.
pub fn std_impls(input: &Input, generics: &Generics) -> TokenStream {
    if input.beside_thiserror {
        return TokenStream::new();
    }
    let krate = &input.root;
    let private = quote!(#krate::__private);
    let ident = input.ident;
    let allow_deprecated = input.deprecated.then(|| quote!(#[allow(deprecated)]));
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let mut out = quote! {
        #[automatically_derived]
        #allow_deprecated
        impl #impl_generics #private::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, f: &mut #private::fmt::Formatter<'_>) -> #private::fmt::Result {
                f.write_str(&<Self as #krate::Describe>::message(self))
            }
        }
    };

    let mut bounds = Bounds::new(generics);
    let mut sources = TokenStream::new();
    let mut covered = 0;
    for arm in &input.arms {
        let (index, field, wrapped) = match (arm.wrapped(), arm.source_field()) {
            (Some(field), _) => (0, field, true),
            (None, Some((index, field))) => (index, field, false),
            (None, None) => continue,
        };
        let pattern = pattern(arm, &[(index, field)]);
        let binding = binding(index, field);
        let option = option_inner(&field.ty).filter(|_| !wrapped);
        let ty = option.unwrap_or(&field.ty);
        // The error in a `Box` is the source (a `Box<dyn Error>` is no `Error`
        // itself, and a chain downcasts to what is in the box).
        let boxed = argument_of(ty, "Box");
        bounds.add(boxed.unwrap_or(ty), quote!(#private::Error + 'static));
        let deref = boxed.map(|_| quote!(&**));
        // Spanned at the field's type, where a type that is no `Error` is reported.
        let as_dyn = |value| {
            respan(
                quote!(#private::AsDynError::as_dyn_error(#deref #value)),
                ty.span(),
            )
        };
        sources.extend(match option {
            Some(_) => {
                let value = as_dyn(quote!(source));
                quote!(#pattern => #binding.as_ref().map(|source| #value),)
            }
            None => {
                let value = as_dyn(quote!(#binding));
                quote!(#pattern => #private::Option::Some(#value),)
            }
        });
        covered += 1;
        if wrapped && arm.attrs.no_from.is_none() {
            let ty = &field.ty;
            let member = member(0, field);
            let variant = arm.variant.map(|variant| quote!(::#variant));
            let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
            out.extend(quote! {
                #[automatically_derived]
                #allow_deprecated
                impl #impl_generics #private::From<#ty> for #ident #ty_generics #where_clause {
                    fn from(source: #ty) -> Self {
                        Self #variant { #member: source }
                    }
                }
            });
        }
    }
    if !input.generics.params.is_empty() {
        bounds.add_self(quote!(#private::fmt::Debug));
    }
    let source = (covered > 0).then(|| {
        let default = (covered < input.arms.len()).then(|| quote!(_ => #private::Option::None,));
        quote! {
            fn source(&self) -> #private::Option<&(dyn #private::Error + 'static)> {
                match *self { #sources #default }
            }
        }
    });
    let generics = bounds.into_generics(generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    out.extend(quote! {
        #[automatically_derived]
        #allow_deprecated
        impl #impl_generics #private::Error for #ident #ty_generics #where_clause {
            #source
        }
    });
    out
}

/// `T` of an `Option<T>` source field, which is a source when it is `Some`.
fn option_inner(ty: &Type) -> Option<&Type> {
    argument_of(ty, "Option")
}

/// `T` of `Name<T>`, read by the last segment of the path.
fn argument_of<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let Type::Path(path) = ty else { return None };
    let last = path
        .path
        .segments
        .last()
        .filter(|segment| segment.ident == name)?;
    match &last.arguments {
        PathArguments::AngleBracketed(args) if args.args.len() == 1 => match &args.args[0] {
            GenericArgument::Type(inner) => Some(inner),
            _ => None,
        },
        _ => None,
    }
}
