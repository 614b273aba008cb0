//! The where-clause of the generated impl: a bound for each generic field
//! type, from what the generated code does with the field (the trait a
//! message placeholder formats with, `Describe` for a wrapped error), as
//! thiserror's `generics.rs` does.

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, ToTokens};
use std::collections::BTreeSet;
use syn::{Generics, Type, WherePredicate};

/// The bounds collected so far, each once.
pub struct Bounds {
    type_params: BTreeSet<String>,
    seen: BTreeSet<String>,
    predicates: Vec<WherePredicate>,
}

impl Bounds {
    pub fn new(generics: &Generics) -> Self {
        Bounds {
            type_params: generics
                .type_params()
                .map(|param| param.ident.to_string())
                .collect(),
            seen: BTreeSet::new(),
            predicates: Vec::new(),
        }
    }

    /// `ty: bound`, when `ty` mentions a type parameter (a concrete type
    /// either has the trait or fails where it is used, at the user's token).
    pub fn add(&mut self, ty: &Type, bound: TokenStream) {
        if self.type_params.is_empty() || !mentions(ty.to_token_stream(), &self.type_params) {
            return;
        }
        let predicate = quote!(#ty: #bound);
        if self.seen.insert(predicate.to_string()) {
            if let Ok(predicate) = syn::parse2(predicate) {
                self.predicates.push(predicate);
            }
        }
    }

    /// `Self: bound`, whatever the type parameters.
    pub fn add_self(&mut self, bound: TokenStream) {
        if let Ok(predicate) = syn::parse2(quote!(Self: #bound)) {
            self.predicates.push(predicate);
        }
    }

    /// The type's generics with the collected bounds added to its where-clause.
    pub fn into_generics(self, generics: &Generics) -> Generics {
        let mut generics = generics.clone();
        if !self.predicates.is_empty() {
            generics
                .make_where_clause()
                .predicates
                .extend(self.predicates);
        }
        generics
    }
}

/// Whether `tokens` name one of `names`, at any depth.
fn mentions(tokens: TokenStream, names: &BTreeSet<String>) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => names.contains(&ident.to_string()),
        TokenTree::Group(group) => mentions(group.stream(), names),
        _ => false,
    })
}
