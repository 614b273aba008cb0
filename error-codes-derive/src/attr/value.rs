//! The readers of `api_error` values: strings, statuses, flags, field
//! references, paths.

use super::{FieldRef, ParamSource};
use syn::meta::ParseNestedMeta;
use syn::{Expr, ExprLit, ExprPath, ExprUnary, Lit, LitBool, LitStr, Path, UnOp};

/// Why a key's value was not accepted.
pub enum Bad {
    /// The value was read but is wrong: report it and go on with the next key.
    Value(syn::Error),
    /// The tokens could not be read: stop reading this attribute.
    Tokens(syn::Error),
}

impl From<syn::Error> for Bad {
    fn from(error: syn::Error) -> Self {
        Bad::Tokens(error)
    }
}

fn bad<T>(tokens: impl quote::ToTokens, message: impl std::fmt::Display) -> Result<T, Bad> {
    Err(Bad::Value(syn::Error::new_spanned(tokens, message)))
}

/// Skips the `= value` (or `(...)`) after a rejected key, up to the next
/// top-level comma.
pub fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    meta.input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((token, next)) = rest.token_tree() {
            if matches!(&token, proc_macro2::TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            rest = next;
        }
        Ok(((), rest))
    })
}

/// The expression after `key =`.
fn value(meta: &ParseNestedMeta) -> Result<Expr, Bad> {
    Ok(meta.value()?.parse()?)
}

/// A key that takes no value, like `transparent`.
pub fn flag(meta: &ParseNestedMeta) -> Result<(), Bad> {
    if meta.input.is_empty() || meta.input.peek(syn::Token![,]) {
        return Ok(());
    }
    let name = meta
        .path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_default();
    skip_value(meta)?;
    bad(
        &meta.path,
        format!("`{name}` takes no value: write `#[api_error({name})]`"),
    )
}

/// `crate = path` or, as serde accepts, `crate = "path"`.
pub fn crate_path(meta: &ParseNestedMeta) -> Result<Path, Bad> {
    const HINT: &str = "`crate` takes the path `api_error_codes` is reachable at, like \
                        `crate = my_crate::api_error_codes`";
    match value(meta)? {
        Expr::Path(ExprPath {
            path, qself: None, ..
        }) => Ok(path),
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => lit.parse().or_else(|_| bad(&lit, HINT)),
        other => bad(other, HINT),
    }
}

pub fn lit_str(meta: &ParseNestedMeta, key: &str) -> Result<LitStr, Bad> {
    match value(meta)? {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Ok(lit),
        other => bad(
            other,
            format!("`{key}` takes a string literal, like `{key} = \"...\"`"),
        ),
    }
}

pub fn status(meta: &ParseNestedMeta) -> Result<(u16, syn::LitInt), Bad> {
    const RANGE: &str = "use 100 to 599, or 0 for \"no HTTP response is sent\"";
    let lit = match value(meta)? {
        Expr::Lit(ExprLit {
            lit: Lit::Int(lit), ..
        }) => lit,
        expr @ Expr::Unary(ExprUnary {
            op: UnOp::Neg(_), ..
        }) => {
            return bad(expr, format!("`status` cannot be negative: {RANGE}"));
        }
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => {
            let value = lit.value();
            let hint = match value.trim().parse::<u16>() {
                Ok(number) => format!("write `status = {number}` without quotes"),
                Err(_) => format!("like `status = 429`; {RANGE}"),
            };
            return bad(
                lit,
                format!("`status` takes an integer, not a string: {hint}"),
            );
        }
        other => {
            return bad(
                other,
                "`status` takes an integer literal, like `status = 429`; constants and \
                 expressions are not read by the derive",
            );
        }
    };
    let digits = lit.base10_digits();
    if !lit.suffix().is_empty() {
        return bad(
            &lit,
            format!(
                "`status` takes a plain integer without a type suffix: write `status = {digits}`"
            ),
        );
    }
    match lit.base10_parse::<u16>() {
        Ok(status) if status == 0 || (100..=599).contains(&status) => Ok((status, lit)),
        _ => bad(
            &lit,
            format!("`status = {digits}` is not an HTTP status: {RANGE}"),
        ),
    }
}

pub fn retryable(meta: &ParseNestedMeta) -> Result<bool, Bad> {
    if !meta.input.peek(syn::Token![=]) {
        return flag(meta).map(|()| true);
    }
    match value(meta)? {
        Expr::Lit(ExprLit { lit: Lit::Bool(LitBool { value, .. }), .. }) => Ok(value),
        other => bad(
            other,
            "`retryable` takes `true` or `false`, or stands alone: `retryable`, `retryable = false`",
        ),
    }
}

/// `key = field_name` or `key = 0`.
pub fn field_ref(meta: &ParseNestedMeta, key: &str) -> Result<FieldRef, Bad> {
    let expr = value(meta)?;
    as_field(&expr).map_or_else(
        || {
            bad(
                &expr,
                format!(
                    "`{key}` names a field of the variant: `{key} = field_name` or `{key} = 0`"
                ),
            )
        },
        Ok,
    )
}

fn as_field(expr: &Expr) -> Option<FieldRef> {
    match expr {
        Expr::Path(ExprPath {
            path, qself: None, ..
        }) => path.get_ident().cloned().map(FieldRef::Named),
        Expr::Lit(ExprLit {
            lit: Lit::Int(lit), ..
        }) if lit.suffix().is_empty() => lit
            .base10_parse()
            .ok()
            .map(|index| FieldRef::Index(lit.clone(), index)),
        _ => None,
    }
}

/// `param = field`, `param = 0` or `param = "fixed"`.
pub fn param(meta: &ParseNestedMeta) -> Result<ParamSource, Bad> {
    let expr = value(meta)?;
    if let Expr::Lit(ExprLit {
        lit: Lit::Str(lit), ..
    }) = expr
    {
        return Ok(ParamSource::Fixed(lit));
    }
    as_field(&expr).map(ParamSource::Field).map_or_else(
        || {
            bad(
                &expr,
                "`param` names a field (`param = field_name`, `param = 0`) or gives a fixed name \
                 (`param = \"model\"`)",
            )
        },
        Ok,
    )
}
