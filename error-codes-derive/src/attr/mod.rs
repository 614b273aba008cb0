//! The grammar of `#[api_error(...)]`: which key is read how, into typed
//! values.
//!
//! The value readers are in `value.rs`, the key lists in `keys.rs`. Rules
//! that relate several keys, the variant's fields or the catalogue to each
//! other are in `valid/`.

mod doc;
mod keys;
mod value;

pub use doc::doc_text;
pub use keys::{edit_distance, AllowedKeys};

use crate::errors::Errors;
use keys::{closest, keys_for, CONTAINER_KEYS, VARIANT_KEYS};
use proc_macro2::{Literal, Span, TokenStream};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitInt, LitStr, Path};
use value::{
    crate_path, field_ref_value, flag, lit_str, param, retryable, skip_value, status, value_expr,
    Bad,
};

/// A reference to one field of a variant: `name` or a tuple index.
#[derive(Clone)]
pub enum FieldRef {
    Named(syn::Ident),
    Index(LitInt, usize),
}

impl FieldRef {
    pub fn span(&self) -> Span {
        match self {
            FieldRef::Named(ident) => ident.span(),
            FieldRef::Index(lit, _) => lit.span(),
        }
    }
}

/// A string literal's value, read once, and its token. Plain literals (no
/// escapes, not raw) are read without syn's literal parser: the derive runs
/// unoptimized in users' `dev` builds, where that parser dominates.
#[derive(Clone)]
pub struct Text {
    value: String,
    token: Literal,
}

impl Text {
    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn span(&self) -> Span {
        self.token.span()
    }

    /// The literal as written, to reuse in generated code.
    pub fn token(&self) -> &Literal {
        &self.token
    }
}

impl Text {
    /// A `"..."` literal without escapes, whose value is its inner text.
    fn plain(literal: Literal) -> Option<Self> {
        let repr = literal.to_string();
        let inner = repr.strip_prefix('"')?.strip_suffix('"')?;
        let plain = !inner.contains('\\') && !inner.contains('"');
        plain.then(|| Text {
            value: inner.to_owned(),
            token: literal,
        })
    }
}

impl From<LitStr> for Text {
    fn from(lit: LitStr) -> Self {
        Text {
            value: lit.value(),
            token: lit.token(),
        }
    }
}

impl ToTokens for Text {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.token.to_tokens(tokens);
    }
}

/// Where `param` comes from: a field, or one fixed string.
#[derive(Clone)]
pub enum ParamSource {
    Field(FieldRef),
    Fixed(LitStr),
}

/// The value of a key together with the key's own span, so a duplicate can
/// point at both places.
pub struct Keyed<T> {
    pub key: Path,
    pub value: T,
}

/// Everything `#[api_error(...)]` can say on a variant (or on a struct).
#[derive(Default)]
pub struct VariantAttrs {
    /// Every `#[api_error]` attribute seen, as tokens to point at (the whole
    /// attribute, not only its `#`); empty when there is none.
    pub seen: Vec<proc_macro2::TokenStream>,
    /// An attribute or one of its values was rejected (and reported): checks
    /// about what is *missing* stay quiet so they do not repeat that error.
    pub broken: bool,
    pub code: Option<Keyed<Text>>,
    pub status: Option<Keyed<(u16, LitInt)>>,
    pub message: Option<Keyed<Text>>,
    pub param: Option<Keyed<ParamSource>>,
    pub retry_after: Option<Keyed<FieldRef>>,
    pub retryable: Option<Keyed<bool>>,
    pub openai_type: Option<Keyed<Text>>,
    pub anthropic_type: Option<Keyed<Text>>,
    pub transparent: Option<Path>,
}

/// What `#[api_error(...)]` can say on the type itself.
#[derive(Default)]
pub struct ContainerAttrs {
    pub krate: Option<Keyed<Path>>,
    pub catalogue: Option<Path>,
}

/// Parses every `#[api_error]` attribute in `attrs`. Errors are pushed onto
/// `errors` so that one bad key does not hide the next one.
pub fn parse(
    attrs: &[Attribute],
    allowed: AllowedKeys,
    errors: &mut Errors,
) -> (ContainerAttrs, VariantAttrs) {
    let mut container = ContainerAttrs::default();
    let mut variant = VariantAttrs::default();
    for attr in attrs {
        if !attr.path().is_ident("api_error") {
            continue;
        }
        variant.seen.push(attr.to_token_stream());
        let example = match allowed {
            AllowedKeys::TypeOnly => "`#[api_error(crate = my_crate::api_error_codes)]`",
            AllowedKeys::VariantOnly | AllowedKeys::Both => {
                "`#[api_error(code = \"rate_limit_exceeded\")]`"
            }
        };
        let list = match &attr.meta {
            syn::Meta::List(list) => list,
            syn::Meta::Path(_) | syn::Meta::NameValue(_) => {
                variant.broken = true;
                errors.push(syn::Error::new_spanned(
                    attr,
                    format!("expected `#[api_error(...)]` with keys inside the parentheses, like {example}"),
                ));
                continue;
            }
        };
        if list.tokens.is_empty() {
            variant.broken = true;
            errors.push(syn::Error::new_spanned(
                attr,
                format!("empty `#[api_error()]`: give it keys, like {example}"),
            ));
            continue;
        }
        let mut parser = Parser {
            allowed,
            container: &mut container,
            variant: &mut variant,
            errors,
        };
        let result = attr.parse_nested_meta(|meta| parser.key(&meta));
        if let Err(err) = result {
            variant.broken = true;
            errors.push(err);
        }
    }
    (container, variant)
}

/// State while reading one attribute's keys.
struct Parser<'p> {
    allowed: AllowedKeys,
    container: &'p mut ContainerAttrs,
    variant: &'p mut VariantAttrs,
    errors: &'p mut Errors,
}

impl Parser<'_> {
    /// Reads one `key` or `key = value`. Returns `Err` only when the tokens
    /// cannot be read any further; a bad key or value is reported and
    /// skipped so the next key is still checked.
    fn key(&mut self, meta: &ParseNestedMeta) -> syn::Result<()> {
        let path = &meta.path;
        let Some(key) = path.get_ident().map(ToString::to_string) else {
            self.reject(syn::Error::new_spanned(
                path,
                format!(
                    "unknown `api_error` key; expected {}",
                    keys_for(self.allowed)
                ),
            ));
            return skip_value(meta);
        };
        let container_key = CONTAINER_KEYS.contains(&key.as_str()) || key == "catalogue";
        let variant_key = VARIANT_KEYS.contains(&key.as_str());
        let misplaced = if container_key && self.allowed == AllowedKeys::VariantOnly {
            Some(format!(
                "`{key}` belongs on the type, not on a variant: move it to an \
                 `#[api_error(...)]` above the enum"
            ))
        } else if variant_key && self.allowed == AllowedKeys::TypeOnly {
            Some(format!(
                "`{key}` belongs on each variant, not on the enum: move it to the \
                 `#[api_error(...)]` of the variants"
            ))
        } else {
            None
        };
        if let Some(message) = misplaced {
            self.reject(syn::Error::new_spanned(path, message));
            return skip_value(meta);
        }
        let variant = &mut *self.variant;
        let errors = &mut *self.errors;
        let outcome = match key.as_str() {
            "crate" => value_expr(meta)
                .and_then(crate_path)
                .map(|value| set(errors, &mut self.container.krate, path, value)),
            "catalogue" => {
                flag(meta).map(|()| set_flag(errors, &mut self.container.catalogue, path))
            }
            "code" => {
                lit_str(meta, "code").map(|value| set(errors, &mut variant.code, path, value))
            }
            "status" => status(meta).map(|value| set(errors, &mut variant.status, path, value)),
            "message" => {
                lit_str(meta, "message").map(|value| set(errors, &mut variant.message, path, value))
            }
            "openai_type" => lit_str(meta, "openai_type")
                .map(|value| set(errors, &mut variant.openai_type, path, value)),
            "anthropic_type" => lit_str(meta, "anthropic_type")
                .map(|value| set(errors, &mut variant.anthropic_type, path, value)),
            "param" => param(meta).map(|value| set(errors, &mut variant.param, path, value)),
            "retry_after" => field_ref_value(meta, "retry_after")
                .map(|value| set(errors, &mut variant.retry_after, path, value)),
            "retryable" => {
                retryable(meta).map(|value| set(errors, &mut variant.retryable, path, value))
            }
            "transparent" => flag(meta).map(|()| set_flag(errors, &mut variant.transparent, path)),
            _ => {
                let suggestion = closest(&key, self.allowed)
                    .map(|known| format!(" (did you mean `{known}`?)"))
                    .unwrap_or_default();
                self.reject(syn::Error::new_spanned(
                    path,
                    format!(
                        "unknown `api_error` key `{key}`{suggestion}; expected {}",
                        keys_for(self.allowed)
                    ),
                ));
                return skip_value(meta);
            }
        };
        match outcome {
            Ok(()) => Ok(()),
            Err(Bad::Value(error)) => {
                self.reject(error);
                Ok(())
            }
            Err(Bad::Tokens(error)) => Err(error),
        }
    }

    fn reject(&mut self, error: syn::Error) {
        self.variant.broken = true;
        self.errors.push(error);
    }
}

fn set<T>(errors: &mut Errors, slot: &mut Option<Keyed<T>>, key: &Path, value: T) {
    if let Some(first) = slot {
        errors.push(duplicate(key, &first.key));
    } else {
        *slot = Some(Keyed {
            key: key.clone(),
            value,
        });
    }
}

fn set_flag(errors: &mut Errors, slot: &mut Option<Path>, key: &Path) {
    if let Some(first) = slot {
        errors.push(duplicate(key, first));
    } else {
        *slot = Some(key.clone());
    }
}

fn duplicate(again: &Path, first: &Path) -> syn::Error {
    let name = again
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_default();
    let mut error = syn::Error::new_spanned(
        again,
        format!("duplicate `{name}`: give it once, and remove this one or the first"),
    );
    error.combine(syn::Error::new_spanned(
        first,
        format!("`{name}` first given here"),
    ));
    error
}
