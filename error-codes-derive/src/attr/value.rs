//! The readers of `api_error` values: string literals, statuses, flags,
//! field references, paths.

use super::{FieldRef, ParamSource, Text};
use proc_macro2::Literal;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Expr, ExprLit, ExprPath, ExprUnary, Lit, LitBool, LitInt, Path, UnOp};

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

/// Skips the `= value` (or `(...)`) after a rejected key, up to the next
/// top-level comma.
pub fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    meta.input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((token, next)) = rest.token_tree() {
            if let proc_macro2::TokenTree::Punct(punct) = &token {
                if punct.as_char() == ',' {
                    return Ok(((), rest));
                }
            }
            rest = next;
        }
        Ok(((), rest))
    })
}

/// The expression after `key =`.
pub fn value_expr(meta: &ParseNestedMeta) -> Result<Expr, Bad> {
    Ok(expr(meta.value()?)?)
}

/// A value expression. The usual value is one literal: it is read without
/// syn's expression parser, which costs every build of the user's crate
/// (proc macros run unoptimized in the `dev` profile).
pub fn expr(input: ParseStream) -> syn::Result<Expr> {
    if lone_literal(input).is_some() {
        return Ok(Expr::Lit(ExprLit {
            attrs: Vec::new(),
            lit: input.parse()?,
        }));
    }
    input.parse()
}

/// The literal that is the whole value (up to `,` or the end), if it is one.
pub fn lone_literal(input: ParseStream) -> Option<Literal> {
    let (literal, rest) = input.cursor().literal()?;
    let ends = rest.eof()
        || rest
            .punct()
            .is_some_and(|(punct, _)| punct.as_char() == ',');
    ends.then_some(literal)
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
    let error = syn::Error::new_spanned(
        &meta.path,
        format!("`{name}` takes no value: write `#[api_error({name})]`"),
    );
    skip_value(meta)?;
    Err(Bad::Value(error))
}

/// `crate = path` or, as serde accepts, `crate = "path"`.
pub fn crate_path(expr: Expr) -> Result<Path, Bad> {
    const HINT: &str = "`crate` takes the path `api_error_codes` is reachable at, like \
                        `crate = my_crate::api_error_codes`";
    match expr {
        Expr::Path(ExprPath {
            path, qself: None, ..
        }) => Ok(path),
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => lit
            .parse::<Path>()
            .map_err(|_| Bad::Value(syn::Error::new_spanned(&lit, HINT))),
        other => Err(Bad::Value(syn::Error::new_spanned(other, HINT))),
    }
}

pub fn lit_str(meta: &ParseNestedMeta, key: &str) -> Result<Text, Bad> {
    let input = meta.value()?;
    // The usual case, `"text"` followed by `,` or the end, is taken as it is.
    if let Some(text) = lone_literal(input).and_then(Text::plain) {
        input.step(|cursor| {
            let rest = cursor.literal().map_or(*cursor, |(_, rest)| rest);
            Ok(((), rest))
        })?;
        return Ok(text);
    }
    match expr(input)? {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Ok(Text::from(lit)),
        other => Err(Bad::Value(syn::Error::new_spanned(
            other,
            format!("`{key}` takes a string literal, like `{key} = \"...\"`"),
        ))),
    }
}

pub fn status(meta: &ParseNestedMeta) -> Result<(u16, LitInt), Bad> {
    const RANGE: &str = "use 100 to 599, or 0 for \"no HTTP response is sent\"";
    let expr = value_expr(meta)?;
    let lit = match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(lit), ..
        }) => lit,
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_), ..
        }) => {
            return Err(Bad::Value(syn::Error::new_spanned(
                expr,
                format!("`status` cannot be negative: {RANGE}"),
            )))
        }
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => {
            let value = lit.value();
            let hint = if value.trim().parse::<u16>().is_ok() {
                format!("write `status = {}` without quotes", value.trim())
            } else {
                format!("like `status = 429`; {RANGE}")
            };
            return Err(Bad::Value(syn::Error::new_spanned(
                lit,
                format!("`status` takes an integer, not a string: {hint}"),
            )));
        }
        Expr::Lit(ExprLit {
            lit: Lit::Float(lit),
            ..
        }) => {
            return Err(Bad::Value(syn::Error::new_spanned(
                lit,
                "`status` takes a whole number, like `status = 429`",
            )))
        }
        other => {
            return Err(Bad::Value(syn::Error::new_spanned(
                other,
                "`status` takes an integer literal, like `status = 429`; constants and \
                 expressions are not read by the derive",
            )))
        }
    };
    if !lit.suffix().is_empty() {
        return Err(Bad::Value(syn::Error::new_spanned(
            &lit,
            format!(
                "`status` takes a plain integer without a type suffix: write `status = {}`",
                lit.base10_digits()
            ),
        )));
    }
    match lit.base10_parse::<u16>() {
        Ok(status) if status == 0 || (100..=599).contains(&status) => Ok((status, lit)),
        _ => Err(Bad::Value(syn::Error::new_spanned(
            &lit,
            format!(
                "`status = {}` is not an HTTP status: {RANGE}",
                lit.base10_digits()
            ),
        ))),
    }
}

pub fn retryable(meta: &ParseNestedMeta) -> Result<bool, Bad> {
    if !meta.input.peek(syn::Token![=]) {
        return flag(meta).map(|()| true);
    }
    match value_expr(meta)? {
        Expr::Lit(ExprLit {
            lit: Lit::Bool(LitBool { value, .. }),
            ..
        }) => Ok(value),
        other => Err(Bad::Value(syn::Error::new_spanned(
            other,
            "`retryable` takes `true` or `false`, or stands alone: `retryable`, \
             `retryable = false`",
        ))),
    }
}

pub fn field_ref_value(meta: &ParseNestedMeta, key: &str) -> Result<FieldRef, Bad> {
    let expr = value_expr(meta)?;
    field_ref(&expr).ok_or_else(|| {
        Bad::Value(syn::Error::new_spanned(
            expr,
            format!("`{key}` names a field of the variant: `{key} = field_name` or `{key} = 0`"),
        ))
    })
}

pub fn field_ref(expr: &Expr) -> Option<FieldRef> {
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

pub fn param(meta: &ParseNestedMeta) -> Result<ParamSource, Bad> {
    let expr = value_expr(meta)?;
    if let Expr::Lit(ExprLit {
        lit: Lit::Str(lit), ..
    }) = &expr
    {
        return Ok(ParamSource::Fixed(lit.clone()));
    }
    field_ref(&expr).map(ParamSource::Field).ok_or_else(|| {
        Bad::Value(syn::Error::new_spanned(
            expr,
            "`param` names a field (`param = field_name`, `param = 0`) or gives a fixed name \
             (`param = \"model\"`)",
        ))
    })
}
