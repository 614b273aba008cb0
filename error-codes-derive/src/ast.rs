//! The typed model of a `#[derive(ApiError)]` input.

use crate::attr::{self, AllowedKeys, ContainerAttrs, FieldRef, VariantAttrs};
use crate::catalogue::{self, Row};
use crate::errors::Errors;
use crate::template::{self, Piece};
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, Data, DeriveInput, Field, Fields, Generics, Ident, Path};

/// The whole input: an enum with one arm per variant, or a struct with one arm.
pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub krate: Path,
    /// `krate` as tokens, built once: the generated code names it often.
    pub root: proc_macro2::TokenStream,
    /// `#[api_error(catalogue)]`: this enum *is* the canonical catalogue.
    pub catalogue: Option<Path>,
    pub arms: Vec<Arm<'a>>,
    /// The type or one of its variants is `#[deprecated]`: the code that
    /// names them allows it.
    pub deprecated: bool,
}

/// One way the type can be built: an enum variant, or the struct itself.
pub struct Arm<'a> {
    /// The variant's name; `None` for a struct.
    pub variant: Option<&'a Ident>,
    /// Where to point when the arm as a whole is wrong.
    pub span: Span,
    /// `#[cfg(...)]` attributes, copied onto everything generated for the arm.
    pub cfgs: Vec<&'a Attribute>,
    pub fields: &'a Fields,
    pub attrs: VariantAttrs,
    pub doc: Option<String>,
    /// The parsed `message`, when it parsed.
    pub template: Option<Vec<Piece>>,
    /// The catalogue's row, when the code is canonical.
    pub canonical: Option<&'static Row>,
}

impl<'a> Input<'a> {
    /// Builds the model, collecting every attribute error.
    pub fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> Option<Self> {
        let (container, arms) = match &input.data {
            Data::Enum(data) => {
                let (container, stray) = attr::parse(&input.attrs, AllowedKeys::TypeOnly, errors);
                debug_assert!(stray.code.is_none());
                let arms = data
                    .variants
                    .iter()
                    .map(|variant| {
                        let (_, attrs) =
                            attr::parse(&variant.attrs, AllowedKeys::VariantOnly, errors);
                        Arm::new(
                            Some(&variant.ident),
                            variant.ident.span(),
                            &variant.attrs,
                            &variant.fields,
                            attrs,
                            errors,
                        )
                    })
                    .collect();
                (container, arms)
            }
            Data::Struct(data) => {
                let (container, attrs) = attr::parse(&input.attrs, AllowedKeys::Both, errors);
                let arm = Arm::new(None, input.ident.span(), &[], &data.fields, attrs, errors);
                (container, vec![arm])
            }
            Data::Union(data) => {
                errors.push(syn::Error::new_spanned(
                    data.union_token,
                    "`ApiError` cannot be derived for a union: use an enum with one variant per error",
                ));
                return None;
            }
        };
        let ContainerAttrs { krate, catalogue } = container;
        let is_deprecated =
            |attrs: &[Attribute]| attrs.iter().any(|a| a.path().is_ident("deprecated"));
        let deprecated = is_deprecated(&input.attrs)
            || match &input.data {
                Data::Enum(data) => data.variants.iter().any(|v| is_deprecated(&v.attrs)),
                Data::Struct(_) | Data::Union(_) => false,
            };
        let krate: Path = krate
            .map(|keyed| keyed.value)
            .unwrap_or_else(|| syn::parse_quote!(::api_error_codes));
        Some(Input {
            root: quote::ToTokens::to_token_stream(&krate),
            deprecated,
            ident: &input.ident,
            generics: &input.generics,
            krate,
            catalogue,
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
        parsed: VariantAttrs,
        errors: &mut Errors,
    ) -> Self {
        for field in fields {
            for attr in &field.attrs {
                if attr.path().is_ident("api_error") {
                    let owner = if variant.is_some() {
                        "variant"
                    } else {
                        "struct"
                    };
                    // Echo the key the user wrote, when it is one that names a field.
                    let key = match &attr.meta {
                        syn::Meta::List(list) => list.tokens.clone().into_iter().next(),
                        syn::Meta::Path(_) | syn::Meta::NameValue(_) => None,
                    }
                    .map(|token| token.to_string())
                    .filter(|key| key == "retry_after")
                    .unwrap_or_else(|| "param".to_owned());
                    let example = match &field.ident {
                        Some(name) => format!("`#[api_error({key} = {name})]`"),
                        None => format!("`#[api_error({key} = 0)]`"),
                    };
                    errors.push(syn::Error::new_spanned(
                        attr,
                        format!(
                            "`#[api_error]` goes on the {owner}, not on a field: name the field \
                             there, like {example}"
                        ),
                    ));
                }
            }
        }
        let template = parsed.message.as_ref().and_then(|message| {
            template::parse(message.value.value())
                .map_err(|reason| errors.push(syn::Error::new_spanned(&message.value, reason)))
                .ok()
        });
        let canonical = parsed
            .code
            .as_ref()
            .and_then(|code| catalogue::find(code.value.value()));
        Arm {
            canonical,
            variant,
            span,
            cfgs: attrs.iter().filter(|a| a.path().is_ident("cfg")).collect(),
            fields,
            doc: attr::doc_text(attrs),
            attrs: parsed,
            template,
        }
    }

    /// The field a reference names, with its position.
    pub fn field(&self, field: &FieldRef) -> Option<(usize, &'a Field)> {
        match (field, self.fields) {
            (FieldRef::Named(name), Fields::Named(named)) => named
                .named
                .iter()
                .enumerate()
                .find(|(_, f)| f.ident.as_ref().is_some_and(|ident| ident == name)),
            (FieldRef::Index(_, index), Fields::Unnamed(unnamed)) => {
                unnamed.unnamed.iter().nth(*index).map(|f| (*index, f))
            }
            _ => None,
        }
    }

    /// The field a template placeholder names.
    pub fn placeholder_field(
        &self,
        placeholder: &template::Placeholder,
    ) -> Option<(usize, &'a Field)> {
        match (placeholder, self.fields) {
            (template::Placeholder::Named(name), Fields::Named(named)) => {
                named.named.iter().enumerate().find(|(_, f)| {
                    f.ident.as_ref().is_some_and(|ident| {
                        let text = ident.to_string();
                        text.strip_prefix("r#").unwrap_or(&text) == name
                    })
                })
            }
            (template::Placeholder::Index(index), Fields::Unnamed(unnamed)) => {
                unnamed.unnamed.iter().nth(*index).map(|f| (*index, f))
            }
            _ => None,
        }
    }

    /// A name for the arm in messages: ``variant `X` `` or `this struct`.
    pub fn describe(&self) -> String {
        match self.variant {
            Some(ident) => format!("variant `{ident}`"),
            None => "this struct".to_owned(),
        }
    }

    pub fn is_transparent(&self) -> bool {
        self.attrs.transparent.is_some()
    }

    /// An error pointing at the whole first `#[api_error]` attribute, or at
    /// the arm's name when there is none.
    pub fn attr_error(&self, message: String) -> syn::Error {
        match self.attrs.seen.first() {
            Some(tokens) => syn::Error::new_spanned(tokens, message),
            None => syn::Error::new(self.span, message),
        }
    }

    /// Names of the fields, for "fields are: ..." hints.
    pub fn field_names(&self) -> String {
        let names: Vec<String> = self
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| match &f.ident {
                Some(ident) => format!("`{ident}`"),
                None => format!("`{i}`"),
            })
            .collect();
        if names.is_empty() {
            "it has no fields".to_owned()
        } else {
            format!("its fields are {}", names.join(", "))
        }
    }

    /// The field spans for a `transparent` error.
    pub fn fields_span(&self) -> Span {
        if self.fields.is_empty() {
            self.span
        } else {
            self.fields.span()
        }
    }
}
