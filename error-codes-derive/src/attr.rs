//! Parsing of `#[api_error(...)]` attributes into typed values.
//!
//! Only the grammar lives here; rules that relate several keys or the
//! variant's fields to each other are in `valid.rs`.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{
    Attribute, Expr, ExprLit, ExprPath, ExprUnary, Lit, LitBool, LitInt, LitStr, Path, UnOp,
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
    /// Spans of every `#[api_error]` attribute seen; empty when there is none.
    pub seen: Vec<Span>,
    pub code: Option<Keyed<LitStr>>,
    pub status: Option<Keyed<(u16, LitInt)>>,
    pub message: Option<Keyed<LitStr>>,
    pub param: Option<Keyed<ParamSource>>,
    pub retry_after: Option<Keyed<FieldRef>>,
    pub retryable: Option<Keyed<bool>>,
    pub openai_type: Option<Keyed<LitStr>>,
    pub anthropic_type: Option<Keyed<LitStr>>,
    pub transparent: Option<Path>,
}

/// What `#[api_error(...)]` can say on the type itself.
#[derive(Default)]
pub struct ContainerAttrs {
    pub krate: Option<Keyed<Path>>,
    pub catalogue: Option<Path>,
}

/// Keys accepted on a variant, for the "unknown key" message.
const VARIANT_KEYS: &str = "`code`, `status`, `message`, `param`, `retry_after`, `retryable`, \
                            `openai_type`, `anthropic_type` or `transparent`";

/// Keys accepted on the type, for the "unknown key" message.
const CONTAINER_KEYS: &str = "`crate`";

/// Which keys an attribute may hold, and where it stands.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// On an enum: only container keys.
    Enum,
    /// On a variant: only variant keys.
    Variant,
    /// On a struct: both.
    Struct,
}

/// Parses every `#[api_error]` attribute in `attrs`. Errors are pushed onto
/// `errors` so that one bad key does not hide the next one.
pub fn parse(
    attrs: &[Attribute],
    place: Place,
    errors: &mut Errors,
) -> (ContainerAttrs, VariantAttrs) {
    let mut container = ContainerAttrs::default();
    let mut variant = VariantAttrs::default();
    for attr in attrs {
        if !attr.path().is_ident("api_error") {
            continue;
        }
        variant.seen.push(attr.span());
        let syn::Meta::List(list) = &attr.meta else {
            errors.push(syn::Error::new_spanned(
                attr,
                "expected `#[api_error(...)]` with keys inside the parentheses, \
                 like `#[api_error(code = \"rate_limit_exceeded\")]`",
            ));
            continue;
        };
        if list.tokens.is_empty() {
            errors.push(syn::Error::new_spanned(
                attr,
                "empty `#[api_error()]`: name at least a `code = \"...\"`",
            ));
            continue;
        }
        let result = attr.parse_nested_meta(|meta| {
            parse_key(&meta, place, &mut container, &mut variant, errors)
        });
        if let Err(err) = result {
            errors.push(err);
        }
    }
    (container, variant)
}

fn parse_key(
    meta: &ParseNestedMeta,
    place: Place,
    container: &mut ContainerAttrs,
    variant: &mut VariantAttrs,
    errors: &mut Errors,
) -> syn::Result<()> {
    let path = &meta.path;
    let key = match path.get_ident() {
        Some(ident) => ident.to_string(),
        None => {
            return Err(syn::Error::new_spanned(
                path,
                format!("unknown `api_error` key; expected {}", keys_for(place)),
            ))
        }
    };
    let container_key = matches!(key.as_str(), "crate" | "catalogue");
    let variant_key = matches!(
        key.as_str(),
        "code"
            | "status"
            | "message"
            | "param"
            | "retry_after"
            | "retryable"
            | "openai_type"
            | "anthropic_type"
            | "transparent"
    );
    if container_key && place == Place::Variant {
        return Err(syn::Error::new_spanned(
            path,
            format!("`{key}` belongs on the type, not on a variant: move it to the `#[api_error(...)]` above the enum"),
        ));
    }
    if variant_key && place == Place::Enum {
        return Err(syn::Error::new_spanned(
            path,
            format!("`{key}` belongs on each variant, not on the enum"),
        ));
    }
    match key.as_str() {
        "crate" => set(
            errors,
            &mut container.krate,
            path,
            meta.value()?.parse::<Path>()?,
        ),
        "catalogue" => set_flag(errors, &mut container.catalogue, path),
        "code" => set(errors, &mut variant.code, path, parse_str(meta, "code")?),
        "status" => set(errors, &mut variant.status, path, parse_status(meta)?),
        "message" => set(
            errors,
            &mut variant.message,
            path,
            parse_str(meta, "message")?,
        ),
        "openai_type" => set(
            errors,
            &mut variant.openai_type,
            path,
            parse_str(meta, "openai_type")?,
        ),
        "anthropic_type" => set(
            errors,
            &mut variant.anthropic_type,
            path,
            parse_str(meta, "anthropic_type")?,
        ),
        "param" => {
            let value = parse_param(meta)?;
            set(errors, &mut variant.param, path, value);
        }
        "retry_after" => {
            let value = parse_field_ref(meta, "retry_after")?;
            set(errors, &mut variant.retry_after, path, value);
        }
        "retryable" => {
            let value = if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<LitBool>()?.value
            } else {
                true
            };
            set(errors, &mut variant.retryable, path, value);
        }
        "transparent" => set_flag(errors, &mut variant.transparent, path),
        _ => {
            return Err(syn::Error::new_spanned(
                path,
                format!(
                    "unknown `api_error` key `{key}`; expected {}",
                    keys_for(place)
                ),
            ))
        }
    }
    Ok(())
}

fn keys_for(place: Place) -> String {
    match place {
        Place::Enum => CONTAINER_KEYS.to_owned(),
        Place::Variant => VARIANT_KEYS.to_owned(),
        Place::Struct => format!("{CONTAINER_KEYS}, {VARIANT_KEYS}"),
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
    let mut error = syn::Error::new_spanned(again, format!("duplicate `{name}`: give it once"));
    error.combine(syn::Error::new_spanned(
        first,
        format!("`{name}` first given here"),
    ));
    error
}

fn parse_str(meta: &ParseNestedMeta, key: &str) -> syn::Result<LitStr> {
    let expr: Expr = meta.value()?.parse()?;
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Ok(lit),
        other => Err(syn::Error::new_spanned(
            other,
            format!("`{key}` takes a string literal, like `{key} = \"...\"`"),
        )),
    }
}

fn parse_status(meta: &ParseNestedMeta) -> syn::Result<(u16, LitInt)> {
    let expr: Expr = meta.value()?.parse()?;
    let lit =
        match &expr {
            Expr::Lit(ExprLit {
                lit: Lit::Int(lit), ..
            }) => lit.clone(),
            Expr::Unary(ExprUnary {
                op: UnOp::Neg(_), ..
            }) => return Err(syn::Error::new_spanned(
                expr,
                "`status` must be an HTTP status from 100 to 599, or 0 for \"no response is sent\"",
            )),
            Expr::Lit(ExprLit {
                lit: Lit::Str(lit), ..
            }) => {
                return Err(syn::Error::new_spanned(
                    lit,
                    format!(
                        "`status` takes an integer, not a string: write `status = {}`",
                        lit.value()
                    ),
                ))
            }
            _ => {
                return Err(syn::Error::new_spanned(
                    expr,
                    "`status` takes an integer literal, like `status = 429`",
                ))
            }
        };
    if !lit.suffix().is_empty() {
        return Err(syn::Error::new_spanned(
            &lit,
            "`status` takes a plain integer without a type suffix, like `status = 429`",
        ));
    }
    match lit.base10_parse::<u16>() {
        Ok(status) if status == 0 || (100..=599).contains(&status) => Ok((status, lit)),
        _ => Err(syn::Error::new_spanned(
            &lit,
            format!(
                "`status = {}` is not an HTTP status: use 100 to 599, or 0 for \"no response is sent\"",
                lit.base10_digits()
            ),
        )),
    }
}

fn parse_field_ref(meta: &ParseNestedMeta, key: &str) -> syn::Result<FieldRef> {
    let expr: Expr = meta.value()?.parse()?;
    field_ref(&expr).ok_or_else(|| {
        syn::Error::new_spanned(
            expr,
            format!("`{key}` names a field of the variant: `{key} = field_name` or `{key} = 0`"),
        )
    })
}

fn field_ref(expr: &Expr) -> Option<FieldRef> {
    match expr {
        Expr::Path(ExprPath {
            path, qself: None, ..
        }) => path.get_ident().cloned().map(FieldRef::Named),
        Expr::Lit(ExprLit {
            lit: Lit::Int(lit), ..
        }) if lit.suffix().is_empty() => lit
            .base10_parse::<usize>()
            .ok()
            .map(|index| FieldRef::Index(lit.clone(), index)),
        _ => None,
    }
}

fn parse_param(meta: &ParseNestedMeta) -> syn::Result<ParamSource> {
    let expr: Expr = meta.value()?.parse()?;
    if let Expr::Lit(ExprLit {
        lit: Lit::Str(lit), ..
    }) = &expr
    {
        return Ok(ParamSource::Fixed(lit.clone()));
    }
    field_ref(&expr).map(ParamSource::Field).ok_or_else(|| {
        syn::Error::new_spanned(
            expr,
            "`param` names a field (`param = field_name`, `param = 0`) or gives a fixed name (`param = \"model\"`)",
        )
    })
}

/// The text of the `///` doc comment, paragraphs joined, or `None`.
pub fn doc_text(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let Expr::Lit(ExprLit {
                lit: Lit::Str(lit), ..
            }) = &nv.value
            {
                lines.push(lit.value());
            }
        }
    }
    // The first paragraph is the summary; later ones are notes for developers.
    let summary: Vec<&str> = lines
        .iter()
        .flat_map(|chunk| chunk.lines())
        .map(str::trim)
        .skip_while(|line| line.is_empty())
        .take_while(|line| !line.is_empty())
        .collect();
    (!summary.is_empty()).then(|| summary.join(" "))
}

/// Errors collected over the whole input, reported together.
#[derive(Default)]
pub struct Errors(Option<syn::Error>);

impl Errors {
    pub fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub fn into_result(self) -> syn::Result<()> {
        match self.0 {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}
