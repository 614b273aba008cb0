//! Checks that relate keys, fields and variants to each other. Each message
//! says what to write instead.
//!
//! The checks against the canonical catalogue are in `canonical.rs`. Only
//! what the macro cannot see, the codes of types wrapped with
//! `transparent`, is left to `const` evaluation (`expand/wrapped.rs`).

mod canonical;

use crate::ast::{Arm, Input};
use crate::attr::{FieldRef, ParamSource, Text};
use crate::errors::Errors;
use crate::template::Piece;
use std::collections::HashMap;

/// Every check, every error pushed onto `errors`.
pub fn validate(input: &Input, errors: &mut Errors) {
    for arm in &input.arms {
        validate_arm(arm, errors);
        if input.catalogue.is_none() {
            canonical::check_arm(arm, errors);
        }
    }
    if input.catalogue.is_some() {
        canonical::check_catalogue_enum(input, errors);
    }
    one_code_one_status(input, errors);
}

fn validate_arm(arm: &Arm, errors: &mut Errors) {
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
    if let Some(transparent) = &attrs.transparent {
        if arm.fields.len() != 1 {
            errors.push(syn::Error::new_spanned(
                transparent,
                format!(
                    "`transparent` needs exactly one field, the error to delegate to; {}",
                    arm.field_names()
                ),
            ));
        }
        let mut conflicts = Vec::new();
        macro_rules! conflict {
            ($($key:ident),*) => {$(
                if let Some(keyed) = &attrs.$key {
                    conflicts.push(&keyed.key);
                }
            )*};
        }
        conflict!(
            code,
            status,
            message,
            param,
            retry_after,
            retryable,
            openai_type,
            anthropic_type
        );
        for key in conflicts {
            let name = key.get_ident().map(ToString::to_string).unwrap_or_default();
            errors.push(syn::Error::new_spanned(
                key,
                format!(
                    "`{name}` cannot be combined with `transparent`: a transparent variant takes \
                     everything from the error it wraps"
                ),
            ));
        }
        return;
    }
    match &attrs.code {
        // A rejected attribute was reported already; "no code" would repeat it.
        None if attrs.broken => {}
        None => errors.push(arm.attr_error(format!(
            "{} needs a `code = \"...\"` in its `#[api_error(...)]` (or `transparent` to \
                 wrap another `ApiError`)",
            arm.describe()
        ))),
        Some(code) => check_snake_case(&code.value, "code", errors),
    }
    for (key, lit) in [
        (
            "openai_type",
            attrs.openai_type.as_ref().map(|keyed| &keyed.value),
        ),
        (
            "anthropic_type",
            attrs.anthropic_type.as_ref().map(|keyed| &keyed.value),
        ),
    ] {
        if let Some(lit) = lit {
            check_snake_case(lit, key, errors);
        }
    }
    if let (Some(message), Some(pieces)) = (&attrs.message, &arm.template) {
        for piece in pieces {
            if let Piece::Field { field, .. } = piece {
                if arm.placeholder_field(field).is_none() {
                    let shown = match field {
                        crate::template::Placeholder::Named(name) => name.clone(),
                        crate::template::Placeholder::Index(index) => index.to_string(),
                    };
                    errors.push(syn::Error::new_spanned(
                        &message.value,
                        format!(
                            "`{{{shown}}}` in message is not a field of {}; {}",
                            arm.describe(),
                            arm.field_names()
                        ),
                    ));
                }
            }
        }
    }
    if let Some(param) = &attrs.param {
        if let ParamSource::Field(field) = &param.value {
            check_field(arm, field, "param", errors);
        }
    }
    if let Some(retry_after) = &attrs.retry_after {
        check_field(arm, &retry_after.value, "retry_after", errors);
    }
}

fn check_field(arm: &Arm, field: &FieldRef, key: &str, errors: &mut Errors) {
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

/// Lower snake_case: `rate_limit_exceeded`, `v2_error`.
pub fn is_snake_case(text: &str) -> bool {
    !text.is_empty()
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && !text.ends_with('_')
        && !text.contains("__")
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn check_snake_case(lit: &Text, key: &str, errors: &mut Errors) {
    let text = lit.value();
    if !is_snake_case(text) {
        errors.push(syn::Error::new_spanned(
            lit,
            format!(
                "`{key} = {text:?}` is not lower snake_case: use lowercase ASCII letters, digits \
                 and single underscores, starting with a letter, like \"rate_limit_exceeded\""
            ),
        ));
    }
}

/// The same code with two explicit statuses in one type. (A canonical code
/// given another status than the catalogue's is reported by
/// `canonical::check_arm`.)
fn one_code_one_status(input: &Input, errors: &mut Errors) {
    let mut first_status: HashMap<&str, &syn::LitInt> = HashMap::new();
    for arm in &input.arms {
        let (Some(code), Some(status)) = (&arm.attrs.code, &arm.attrs.status) else {
            continue;
        };
        let (status, lit) = &status.value;
        let code = code.value.value();
        match first_status.get(code) {
            Some(first) if first.base10_parse::<u16>().ok() != Some(*status) => {
                let mut error = syn::Error::new_spanned(
                    lit,
                    format!(
                        "code `{code}` already has status {} in this type: one code, one status",
                        first.base10_digits()
                    ),
                );
                error.combine(syn::Error::new_spanned(
                    first,
                    format!("`{code}` first declared here"),
                ));
                errors.push(error);
            }
            Some(_) => {}
            None => {
                first_status.insert(code, lit);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_snake_case;

    #[test]
    fn snake_case() {
        for good in ["a", "rate_limit_exceeded", "v2_error", "x9"] {
            assert!(is_snake_case(good), "{good}");
        }
        for bad in [
            "",
            "Rate",
            "rate-limit",
            "_lead",
            "trail_",
            "dou__ble",
            "9lives",
            "caf\u{e9}",
            "has space",
        ] {
            assert!(!is_snake_case(bad), "{bad}");
        }
    }
}
