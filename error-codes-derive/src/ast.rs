//! The typed model of a `#[derive(ApiError)]` input.

use crate::attr::{self, Attrs, FieldRef, Place};
use crate::catalogue::{self, Row};
use crate::errors::Errors;
use crate::fmt::{self, Arg, Template};
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::{
    Attribute, Data, DeriveInput, Expr, ExprLit, Field, Fields, Generics, Ident, Lit, LitStr,
};

/// The whole input: an enum with one arm per variant, or a struct with one.
pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    /// The runtime crate's path as tokens: `::api_error_codes`, or `crate = ...`.
    pub root: TokenStream,
    pub arms: Vec<Arm<'a>>,
    /// The type or one of its variants is `#[deprecated]`: the code that
    /// names them allows it.
    pub deprecated: bool,
    /// thiserror's `#[error(...)]` is on the type or a variant: thiserror
    /// writes `Display`, `Error` and `From`, and this derive none of them.
    pub beside_thiserror: bool,
}

/// One way the type can be built: an enum variant, or the struct itself.
pub struct Arm<'a> {
    /// The variant's name; `None` for a struct.
    pub variant: Option<&'a Ident>,
    /// Where to point when the arm as a whole is wrong.
    pub span: Span,
    pub fields: &'a Fields,
    pub attrs: Attrs,
    /// thiserror's `#[error(...)]` on the arm (on a struct, the type's).
    pub error_attr: Option<&'a Attribute>,
    /// The message clients read, when it is not the catalogue's: `message`,
    /// else (a private code) the `#[error("...")]` text.
    pub message: Option<(LitStr, Template)>,
    /// The code, read once.
    pub code: Option<String>,
    /// The catalogue's row, when the code is canonical.
    pub canonical: Option<&'static Row>,
}

/// Whether any of `attrs` is thiserror's `#[error(...)]`.
pub fn error_attr(attrs: &[Attribute]) -> Option<&Attribute> {
    attrs.iter().find(|attr| attr.path().is_ident("error"))
}

/// Whether the input has thiserror's `#[error(...)]` anywhere it reads one.
pub fn beside_thiserror(input: &DeriveInput) -> bool {
    error_attr(&input.attrs).is_some()
        || matches!(&input.data, Data::Enum(data) if data.variants.iter().any(|v| error_attr(&v.attrs).is_some()))
}

impl<'a> Input<'a> {
    /// Builds the model, collecting every attribute error.
    pub fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> Option<Self> {
        let is_deprecated =
            |attrs: &[Attribute]| attrs.iter().any(|a| a.path().is_ident("deprecated"));
        let mut deprecated = is_deprecated(&input.attrs);
        let (krate, arms) = match &input.data {
            Data::Enum(data) => {
                let container = attr::parse(&input.attrs, Place::Enum, errors);
                let arms = data.variants.iter().map(|variant| {
                    deprecated |= is_deprecated(&variant.attrs);
                    let attrs = attr::parse(&variant.attrs, Place::Variant, errors);
                    Arm::new(
                        Some(&variant.ident),
                        variant.ident.span(),
                        &variant.attrs,
                        &variant.fields,
                        attrs,
                        errors,
                    )
                });
                (container.krate, arms.collect())
            }
            Data::Struct(data) => {
                let mut attrs = attr::parse(&input.attrs, Place::Struct, errors);
                let krate = attrs.krate.take();
                (
                    krate,
                    vec![Arm::new(
                        None,
                        input.ident.span(),
                        &input.attrs,
                        &data.fields,
                        attrs,
                        errors,
                    )],
                )
            }
            Data::Union(data) => {
                errors.push(syn::Error::new_spanned(
                    data.union_token,
                    "`ApiError` cannot be derived for a union: use an enum with one variant per error",
                ));
                return None;
            }
        };
        Some(Input {
            root: krate.map_or_else(
                || quote::quote!(::api_error_codes),
                |k| k.value.to_token_stream(),
            ),
            deprecated,
            beside_thiserror: beside_thiserror(input),
            ident: &input.ident,
            generics: &input.generics,
            arms,
        })
    }
}

impl<'a> Arm<'a> {
    fn new(
        variant: Option<&'a Ident>,
        span: Span,
        attrs: &'a [Attribute],
        fields: &'a Fields,
        mut parsed: Attrs,
        errors: &mut Errors,
    ) -> Self {
        for attr in fields.iter().flat_map(|field| &field.attrs) {
            if attr.path().is_ident("api_error") {
                let owner = if variant.is_some() {
                    "variant"
                } else {
                    "struct"
                };
                errors.push(syn::Error::new_spanned(
                    attr,
                    format!(
                        "`#[api_error]` goes on the {owner}, not on a field: name the field there, \
                         like `#[api_error(param = field_name)]`"
                    ),
                ));
            }
        }
        let code = parsed.code.as_ref().map(|code| code.value.value());
        let canonical = code.as_deref().and_then(catalogue::find);
        let error_attr = error_attr(attrs);
        // The wire message of a private code without `message` is the
        // `#[error]` text, when that is a lone string literal.
        let from_error = || match &error_attr?.meta {
            syn::Meta::List(list) => match list.parse_args::<Expr>().ok()? {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(lit), ..
                }) => Some(lit),
                _ => None,
            },
            _ => None,
        };
        let text = match &parsed.message {
            Some(message) => Some(message.value.clone()),
            None if canonical.is_none() && parsed.transparent.is_none() => from_error(),
            None => None,
        };
        let message = text.and_then(|lit| match fmt::parse(&lit.value()) {
            Ok(template) => Some((lit, template)),
            Err(reason) => {
                errors.push(syn::Error::new_spanned(&lit, reason));
                parsed.broken = true;
                None
            }
        });
        Arm {
            variant,
            span,
            fields,
            attrs: parsed,
            error_attr,
            message,
            code,
            canonical,
        }
    }

    /// The field a reference names, with its position.
    pub fn field(&self, field: &FieldRef) -> Option<(usize, &'a Field)> {
        let arg = match field {
            FieldRef::Named(name) => Arg::Named(name.to_string()),
            FieldRef::Index(_, index) => Arg::Index(*index),
        };
        self.field_of(&arg)
    }

    /// The field a placeholder (or a reference) names, with its position.
    pub fn field_of(&self, arg: &Arg) -> Option<(usize, &'a Field)> {
        let unraw = |ident: &Ident| ident.to_string().trim_start_matches("r#").to_owned();
        self.fields
            .iter()
            .enumerate()
            .find(|(index, field)| match (arg, &field.ident) {
                (Arg::Named(name), Some(ident)) => unraw(ident) == name.trim_start_matches("r#"),
                (Arg::Index(wanted), None) => index == wanted,
                _ => false,
            })
    }

    /// The field that is the error's `source()`: `source = field`, else a
    /// field named `source`, as thiserror reads it.
    pub fn source_field(&self) -> Option<(usize, &'a Field)> {
        match &self.attrs.source {
            Some(keyed) => self.field(&keyed.value),
            None => self.field_of(&Arg::Named("source".to_owned())),
        }
    }

    /// A name for the arm in messages: ``variant `X` `` or `this struct`.
    pub fn describe(&self) -> String {
        match self.variant {
            Some(ident) => format!("variant `{ident}`"),
            None => "this struct".to_owned(),
        }
    }

    /// The wrapped field of a `transparent` arm with exactly one field.
    pub fn wrapped(&self) -> Option<&'a Field> {
        let mut fields = self.fields.iter();
        match (&self.attrs.transparent, fields.next(), fields.next()) {
            (Some(_), Some(field), None) => Some(field),
            _ => None,
        }
    }

    /// An error at the whole first `#[api_error]`, or at the arm's name.
    pub fn error(&self, message: String) -> syn::Error {
        match self.attrs.seen.first() {
            Some(tokens) => syn::Error::new_spanned(tokens, message),
            None => syn::Error::new(self.span, message),
        }
    }

    /// "its fields are `a`, `b`", for hints.
    pub fn field_names(&self) -> String {
        let names: Vec<String> = (self.fields.iter().enumerate())
            .map(|(i, f)| {
                f.ident
                    .as_ref()
                    .map_or_else(|| format!("`{i}`"), |ident| format!("`{ident}`"))
            })
            .collect();
        if names.is_empty() {
            "it has no fields".to_owned()
        } else {
            format!("its fields are {}", names.join(", "))
        }
    }
}
