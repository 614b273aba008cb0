//! The checks against the canonical catalogue, which the derive reads at
//! expansion (`catalogue.rs`): ordinary errors at the user's tokens.

use crate::ast::{Arm, Input};
use crate::attr::edit_distance;
use crate::catalogue;
use crate::errors::Errors;

/// A canonical code keeps the catalogue's status; a private code states its
/// own status and its message (or doc comment).
pub fn check_arm(arm: &Arm, errors: &mut Errors) {
    let attrs = &arm.attrs;
    let Some(code) = &attrs.code else {
        return;
    };
    if arm.is_transparent() {
        return;
    }
    let text = code.value.value();
    if let Some(row) = arm.canonical {
        if let Some(status) = &attrs.status {
            let (given, lit) = &status.value;
            if *given != row.status {
                errors.push(syn::Error::new_spanned(
                    lit,
                    format!(
                        "code `{text}` is canonical with status {}, not {given}: one code, one \
                         status. Remove `status` to use the catalogue's, or pick a private code",
                        row.status
                    ),
                ));
            }
        }
        return;
    }
    // A rejected value (a bad `status`, say) or a malformed code was
    // reported already: saying what is missing would repeat that error.
    if attrs.broken || !super::is_snake_case(text) {
        return;
    }
    let has_status = attrs.status.is_some();
    let has_message = attrs.message.is_some() || arm.doc.is_some();
    let needs = match (has_status, has_message) {
        (true, true) => return,
        (false, true) => "its own `status = ...`",
        (true, false) => "a `message = \"...\"` or a doc comment: the text clients see",
        (false, false) => "its own `status = ...` and a `message = \"...\"` or doc comment",
    };
    let hint = nearest_canonical(text)
        .map(|near| format!(" (or did you mean the canonical `{near}`?)"))
        .unwrap_or_default();
    errors.push(syn::Error::new_spanned(
        &code.value,
        format!("code `{text}` is not in the canonical catalogue, so it needs {needs}{hint}"),
    ));
}

/// The canonical code a private one is a likely misspelling of.
fn nearest_canonical(code: &str) -> Option<&'static str> {
    catalogue::rows()
        .ok()?
        .iter()
        .map(|row| (edit_distance(code, row.code), row.code))
        .filter(|&(distance, known)| distance > 0 && distance <= known.len().div_ceil(8))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, known)| known)
}

/// The `catalogue` enum (`ErrorCode`) lists the data file's rows, one unit
/// variant per row in table order, each with the row's description as its
/// doc comment and no key but its `code`: the file states the rest.
pub fn check_catalogue_enum(input: &Input, errors: &mut Errors) {
    let rows = match catalogue::rows() {
        Ok(rows) => rows,
        Err(reason) => {
            errors.push(syn::Error::new_spanned(input.ident, reason));
            return;
        }
    };
    for (index, arm) in input.arms.iter().enumerate() {
        if arm.attrs.seen.is_empty() || arm.is_transparent() {
            continue;
        }
        if !arm.fields.is_empty() {
            errors.push(syn::Error::new(
                arm.fields_span(),
                "a `catalogue` enum has only unit variants: one per code",
            ));
        }
        let attrs = &arm.attrs;
        let stated = [
            attrs.status.as_ref().map(|keyed| &keyed.key),
            attrs.message.as_ref().map(|keyed| &keyed.key),
            attrs.param.as_ref().map(|keyed| &keyed.key),
            attrs.retry_after.as_ref().map(|keyed| &keyed.key),
            attrs.retryable.as_ref().map(|keyed| &keyed.key),
            attrs.openai_type.as_ref().map(|keyed| &keyed.key),
            attrs.anthropic_type.as_ref().map(|keyed| &keyed.key),
        ];
        for key in stated.into_iter().flatten() {
            let name = key.get_ident().map(ToString::to_string).unwrap_or_default();
            errors.push(syn::Error::new_spanned(
                key,
                format!("a `catalogue` enum takes `{name}` from catalogue.tsv: remove it here"),
            ));
        }
        let Some(code) = &attrs.code else {
            continue;
        };
        let Some(row) = rows.get(index) else {
            errors.push(syn::Error::new_spanned(
                &code.value,
                format!(
                    "catalogue.tsv has {} rows, and this is variant {}: one variant per row",
                    rows.len(),
                    index + 1
                ),
            ));
            continue;
        };
        if code.value.value() != row.code {
            errors.push(syn::Error::new_spanned(
                &code.value,
                format!(
                    "variant {} of a `catalogue` enum is row {} of catalogue.tsv, `{}`: one \
                     variant per row, in table order",
                    index + 1,
                    index + 1,
                    row.code
                ),
            ));
        } else if arm.doc.as_deref() != Some(row.description) {
            errors.push(syn::Error::new(
                arm.span,
                format!(
                    "the doc comment of a `catalogue` variant is its row's description: write \
                     `/// {}`",
                    row.description
                ),
            ));
        }
    }
    if let Some(missing) = rows.get(input.arms.len()..).filter(|rest| !rest.is_empty()) {
        let codes: Vec<String> = missing
            .iter()
            .map(|row| format!("`{}`", row.code))
            .collect();
        errors.push(syn::Error::new_spanned(
            input.ident,
            format!(
                "a `catalogue` enum has one variant per row of catalogue.tsv; missing: {}",
                codes.join(", ")
            ),
        ));
    }
}
