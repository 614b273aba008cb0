//! The checks: keys against each other, the variant's fields, the
//! catalogue (read at expansion) and the other variants. Each message says
//! what to write instead. Only what the macro cannot see, the codes of
//! types wrapped with `transparent`, is left to `const` evaluation
//! (`expand/wrapped.rs`).

use crate::ast::{Arm, Input};
use crate::attr::{distance, FieldRef, Keyed, ParamSource};
use crate::catalogue;
use crate::errors::Errors;
use quote::ToTokens;
use std::collections::HashMap;
use syn::{LitStr, Path};

/// Every check, every error pushed onto `errors`.
pub fn validate(input: &Input, errors: &mut Errors) {
    for arm in &input.arms {
        check_arm(input, arm, errors);
    }
    one_code_one_status(input, errors);
    one_from_per_type(input, errors);
}

fn key_name(key: &Path) -> String {
    key.get_ident().map(ToString::to_string).unwrap_or_default()
}

fn check_arm(input: &Input, arm: &Arm, errors: &mut Errors) {
    let attrs = &arm.attrs;
    if attrs.seen.is_empty() {
        errors.push(syn::Error::new(
            arm.span,
            format!(
                "{} has no `#[api_error(...)]`: give it `#[api_error(code = \"...\")]`, \
                 or `#[api_error(transparent)]` to wrap another `ApiError`",
                arm.describe()
            ),
        ));
        return;
    }
    let thiserror_keys = [
        attrs.source.as_ref().map(|k| &k.key),
        attrs.no_from.as_ref().map(|k| &k.key),
    ];
    for key in thiserror_keys
        .into_iter()
        .flatten()
        .filter(|_| input.beside_thiserror)
    {
        errors.push(syn::Error::new_spanned(
            key,
            format!(
                "`{}` has no effect beside thiserror's `#[error]`: thiserror writes `Error` and \
                 `From`; mark the field with its `#[source]` or `#[from]` instead",
                key_name(key)
            ),
        ));
    }
    if let (Some(no_from), None) = (&attrs.no_from, &attrs.transparent) {
        errors.push(syn::Error::new_spanned(
            &no_from.key,
            "`no_from` goes with `transparent`: only a transparent variant gets a `From` impl",
        ));
    }
    if let Some(transparent) = &attrs.transparent {
        if arm.fields.len() != 1 {
            errors.push(syn::Error::new_spanned(
                &transparent.key,
                format!(
                    "`transparent` needs exactly one field, the error to delegate to; {}",
                    arm.field_names()
                ),
            ));
        }
        for key in attrs.own_keys() {
            errors.push(syn::Error::new_spanned(
                key,
                format!(
                    "`{}` cannot be combined with `transparent`: a transparent variant takes \
                     everything from the error it wraps",
                    key_name(key)
                ),
            ));
        }
        return;
    }
    let Some(code) = &attrs.code else {
        // A rejected attribute was reported already; "no code" would repeat it.
        if !attrs.broken {
            errors.push(arm.error(format!(
                "{} needs a `code = \"...\"` in its `#[api_error(...)]` (or `transparent` to \
                 wrap another `ApiError`)",
                arm.describe()
            )));
        }
        return;
    };
    let snake_cased = [
        Some(("code", &code.value)),
        typed("openai_type", &attrs.openai_type),
        typed("anthropic_type", &attrs.anthropic_type),
    ];
    for (key, lit) in snake_cased.into_iter().flatten() {
        let value = if key == "code" {
            arm.code.clone().unwrap_or_default()
        } else {
            lit.value()
        };
        if !is_snake_case(&value) {
            errors.push(syn::Error::new_spanned(
                lit,
                format!(
                    "`{key} = {value:?}` is not lower snake_case: use lowercase ASCII letters, \
                     digits and single underscores, starting with a letter, like \"rate_limit_exceeded\""
                ),
            ));
        }
    }
    if let Some((lit, template)) = &arm.message {
        for placeholder in &template.placeholders {
            let field = arm.field_of(&placeholder.arg).map(|(_, field)| field);
            // thiserror's sources: a field named `source`, `#[source]`, `#[from]`.
            let is_source = field.is_some_and(|field| {
                field.ident.as_ref().is_some_and(|ident| ident == "source")
                    || field
                        .attrs
                        .iter()
                        .any(|a| a.path().is_ident("source") || a.path().is_ident("from"))
            });
            if is_source && attrs.message.is_none() {
                errors.push(syn::Error::new_spanned(
                    lit,
                    format!(
                        "this `#[error]` text would be the message clients read, and it formats \
                         `{{{}}}`, the error's source, whose text is for logs: give {} a \
                         `message = \"...\"`",
                        placeholder.arg,
                        arm.describe()
                    ),
                ));
            }
            if field.is_none() {
                errors.push(syn::Error::new_spanned(
                    lit,
                    format!(
                        "`{{{}}}` in message is not a field of {}; {}",
                        placeholder.arg,
                        arm.describe(),
                        arm.field_names()
                    ),
                ));
            }
        }
    }
    let fields = [
        attrs.param.as_ref().and_then(|k| match &k.value {
            ParamSource::Field(field) => Some(("param", field)),
            ParamSource::Fixed(_) => None,
        }),
        attrs
            .retry_after
            .as_ref()
            .map(|k| ("retry_after", &k.value)),
        attrs.source.as_ref().map(|k| ("source", &k.value)),
    ];
    for (key, field) in fields.into_iter().flatten() {
        if arm.field(field).is_none() {
            let shown = match field {
                FieldRef::Named(ident) => ident.to_string(),
                FieldRef::Index(_, index) => index.to_string(),
            };
            errors.push(syn::Error::new(
                field.span(),
                format!(
                    "`{key} = {shown}` names no field of {}; {}",
                    arm.describe(),
                    arm.field_names()
                ),
            ));
        }
    }
    check_code(arm, &code.value, errors);
}

fn typed<'a>(
    key: &'static str,
    value: &'a Option<Keyed<LitStr>>,
) -> Option<(&'static str, &'a LitStr)> {
    value.as_ref().map(|keyed| (key, &keyed.value))
}

/// A canonical code keeps the catalogue's status; a private code is not a
/// near miss of a canonical one (unless it says `private`), and states its
/// own status and message.
fn check_code(arm: &Arm, code: &LitStr, errors: &mut Errors) {
    let attrs = &arm.attrs;
    let text = arm.code.clone().unwrap_or_default();
    if let Some(row) = arm.canonical {
        if let Some(Keyed {
            value: (given, lit),
            ..
        }) = attrs.status.as_ref().filter(|s| s.value.0 != row.status)
        {
            errors.push(syn::Error::new_spanned(
                lit,
                format!(
                    "code `{text}` is canonical with status {}, not {given}: one code, one \
                     status. Remove `status` to use the catalogue's, or pick a private code",
                    row.status
                ),
            ));
        }
        if let Some(private) = &attrs.private {
            errors.push(syn::Error::new_spanned(
                &private.key,
                format!(
                    "code `{text}` is canonical: remove `private`, which marks a code of your own"
                ),
            ));
        }
        return;
    }
    // A rejected value or a malformed code was reported already.
    if attrs.broken || !is_snake_case(&text) {
        return;
    }
    let near = catalogue::rows().ok().and_then(|rows| {
        (rows.iter())
            .filter_map(|row| Some((distance(text.as_bytes(), row.code.as_bytes(), 2)?, row.code)))
            .min()
    });
    if let (Some((distance, near)), None) = (near, &attrs.private) {
        let edits = if distance == 1 {
            "one edit"
        } else {
            "two edits"
        };
        errors.push(syn::Error::new_spanned(
            code,
            format!(
                "code `{text}` is not in the catalogue, but {edits} from the canonical `{near}`: \
                 write `{near}`, or add `private` if `{text}` is a code of your own"
            ),
        ));
        return;
    }
    let needs = match (attrs.status.is_some(), arm.message.is_some()) {
        (true, true) => return,
        (false, true) => "its own `status = ...`",
        (true, false) => "a `message = \"...\"`: the text clients read",
        (false, false) => "its own `status = ...` and a `message = \"...\"`: the text clients read",
    };
    let why = match arm.error_attr {
        Some(_) if arm.message.is_none() => {
            " (the `#[error(...)]` text is more than a string literal, so it cannot be the message)"
        }
        _ => "",
    };
    errors.push(syn::Error::new_spanned(
        code,
        format!("code `{text}` is not in the catalogue, so it needs {needs}{why}"),
    ));
}

/// Lower snake_case: `rate_limit_exceeded`, `v2_error`.
pub fn is_snake_case(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase())
        && !text.ends_with('_')
        && !text.contains("__")
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The same code with two explicit statuses in one type.
fn one_code_one_status(input: &Input, errors: &mut Errors) {
    let mut first: HashMap<&str, &syn::LitInt> = HashMap::new();
    for arm in &input.arms {
        let (Some(code), Some(status)) = (arm.code.as_deref(), &arm.attrs.status) else {
            continue;
        };
        let (status, lit) = &status.value;
        match first.get(code) {
            Some(earlier) if earlier.base10_parse::<u16>().ok() != Some(*status) => {
                let mut error = syn::Error::new_spanned(
                    lit,
                    format!(
                        "code `{code}` already has status {} in this type: one code, one status",
                        earlier.base10_digits()
                    ),
                );
                error.combine(syn::Error::new_spanned(
                    earlier,
                    format!("`{code}` first declared here"),
                ));
                errors.push(error);
            }
            Some(_) => {}
            None => {
                first.insert(code, lit);
            }
        }
    }
}

/// Two transparent variants wrapping one type would give it two `From`
/// impls.
fn one_from_per_type(input: &Input, errors: &mut Errors) {
    if input.beside_thiserror {
        return;
    }
    let mut first: HashMap<String, &Arm> = HashMap::new();
    for arm in input.arms.iter().filter(|arm| arm.attrs.no_from.is_none()) {
        let Some(field) = arm.wrapped() else {
            continue;
        };
        let ty = field.ty.to_token_stream().to_string();
        match first.get(&ty) {
            Some(earlier) => errors.push(syn::Error::new_spanned(
                &field.ty,
                format!(
                    "{} wraps this type already, and each would implement `From` for it: add \
                     `no_from` to one of the two, like `#[api_error(transparent, no_from)]`",
                    earlier.describe()
                ),
            )),
            None => {
                first.insert(ty, arm);
            }
        }
    }
}
