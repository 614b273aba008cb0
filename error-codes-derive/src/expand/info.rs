//! The `CodeInfo` of one variant with its own code, as `CodeInfo` builder
//! calls on literals: the catalogue's values for a canonical code are known
//! at expansion, so nothing is looked up or checked at compile time.

use crate::ast::Arm;
use crate::attr::{Keyed, Text};
use crate::template;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// `CodeInfo::new(code, status, description)`, then only the calls that
/// change something: `.with_message(..)`, `.retryable(true)`,
/// `.with_openai_type(..)`, `.with_anthropic_type(..)`. `CodeInfo` is in
/// scope where these are placed (a `use` of the runtime crate's).
pub fn code_info(arm: &Arm) -> TokenStream {
    let attrs = &arm.attrs;
    let Some(code) = attrs.code.as_ref().map(|keyed| &keyed.value) else {
        // Validation reports an arm without a code, so this is never
        // compiled; an entry keeps the other arms' places all the same.
        return quote!(CodeInfo::new("", 0, ""));
    };
    let plain = arm.template.as_deref().and_then(template::plain_text);
    // A plain message is the literal's own value: the user's token is
    // reused, unless braces were doubled in it (`{{`), which the value has
    // single.
    let message = match (&plain, &attrs.message) {
        (Some(text), Some(_)) if text.contains(['{', '}']) => Some(Literal::string(text)),
        (Some(_), Some(keyed)) => Some(keyed.value.token().clone()),
        _ => None,
    };
    let row = arm.canonical;
    let status = match (row, &attrs.status) {
        (Some(row), _) => row.status,
        (None, Some(keyed)) => keyed.value.0,
        // Reported by validation: a private code needs a status.
        (None, None) => 0,
    };
    let mut info = match row {
        Some(row) => {
            let description = Literal::string(row.description);
            let mut info = quote!(CodeInfo::new(#code, #status, #description));
            // A message that is the catalogue's description changes nothing.
            if let (Some(message), Some(text)) = (&message, &plain) {
                if text != row.description {
                    info.extend(quote!(.with_message(#message)));
                }
            }
            info
        }
        None => {
            // A private code's description is its plain message, else its
            // doc comment, else its template's text.
            let description = match (message, &arm.doc, &attrs.message) {
                (Some(message), _, _) => message,
                (None, Some(doc), _) => Literal::string(doc),
                (None, None, Some(template)) => template.value.token().clone(),
                (None, None, None) => Literal::string(""),
            };
            quote!(CodeInfo::new(#code, #status, #description))
        }
    };
    let retryable = attrs
        .retryable
        .as_ref()
        .map(|keyed| keyed.value)
        .or(row.map(|row| row.retryable))
        .unwrap_or(false);
    if retryable {
        info.extend(quote!(.retryable(true)));
    }
    let openai_type = envelope_type(&attrs.openai_type, row.and_then(|row| row.openai_type));
    if let Some(openai_type) = openai_type {
        info.extend(quote!(.with_openai_type(#openai_type)));
    }
    let anthropic_type = envelope_type(
        &attrs.anthropic_type,
        row.and_then(|row| row.anthropic_type),
    );
    if let Some(anthropic_type) = anthropic_type {
        info.extend(quote!(.with_anthropic_type(#anthropic_type)));
    }
    info
}

/// An envelope `type` other than the status's default: the variant's own
/// (its token as written), else the catalogue's.
fn envelope_type(stated: &Option<Keyed<Text>>, catalogue: Option<&str>) -> Option<Literal> {
    match stated {
        Some(keyed) => Some(keyed.value.token().clone()),
        None => catalogue.map(Literal::string),
    }
}
