//! The `CodeInfo` of one variant with its own code. The catalogue's values
//! for a canonical code are known at expansion, so nothing is looked up or
//! checked at compile time: a canonical code is its entry in the runtime
//! crate's copy of the catalogue, `CANONICAL[row]`, with only what the
//! variant changes applied; a private code (and the catalogue enum itself,
//! which `CANONICAL` is read from) is `CodeInfo` builder calls on literals.

use crate::ast::Arm;
use crate::attr::{Keyed, Text};
use crate::template;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// Whether `code_info` of this arm names `CANONICAL`, which must then be in
/// scope: a canonical code in any enum but the catalogue enum.
pub fn names_canonical(arm: &Arm, catalogue_enum: bool) -> bool {
    !catalogue_enum && arm.canonical.is_some() && arm.attrs.code.is_some()
}

/// `CANONICAL[row]` or `CodeInfo::new(code, status, description)`, then only
/// the calls that change something: `.with_message(..)`, `.retryable(..)`,
/// `.with_openai_type(..)`, `.with_anthropic_type(..)`. `CodeInfo` (and
/// `CANONICAL`, where `names_canonical`) are in scope where these are
/// placed (a `use` of the runtime crate's).
pub fn code_info(arm: &Arm, catalogue_enum: bool) -> TokenStream {
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
    let stated_retryable = attrs.retryable.as_ref().map(|keyed| keyed.value);
    let stated_openai = stated_type(&attrs.openai_type);
    let stated_anthropic = stated_type(&attrs.anthropic_type);
    let Some(row) = arm.canonical else {
        // A private code's description is its plain message, else its doc
        // comment, else its template's text.
        let description = match (message, &arm.doc, &attrs.message) {
            (Some(message), _, _) => message,
            (None, Some(doc), _) => Literal::string(doc),
            (None, None, Some(template)) => template.value.token().clone(),
            (None, None, None) => Literal::string(""),
        };
        // Reported by validation: a private code needs a status.
        let status = attrs.status.as_ref().map_or(0, |keyed| keyed.value.0);
        let mut info = quote!(CodeInfo::new(#code, #status, #description));
        if stated_retryable == Some(true) {
            info.extend(quote!(.retryable(true)));
        }
        with_types(&mut info, stated_openai, stated_anthropic);
        return info;
    };
    let mut info = if names_canonical(arm, catalogue_enum) {
        let index = row.index;
        quote!(CANONICAL[#index])
    } else {
        // The catalogue enum: its entries are what `CANONICAL` is read from.
        let (status, description) = (row.status, Literal::string(row.description));
        let mut info = quote!(CodeInfo::new(#code, #status, #description));
        if row.retryable {
            info.extend(quote!(.retryable(true)));
        }
        with_types(
            &mut info,
            row.openai_type.map(Literal::string),
            row.anthropic_type.map(Literal::string),
        );
        info
    };
    // What the variant changes; a message that is the catalogue's
    // description changes nothing.
    if let (Some(message), Some(text)) = (&message, &plain) {
        if text != row.description {
            info.extend(quote!(.with_message(#message)));
        }
    }
    if let Some(retryable) = stated_retryable.filter(|&stated| stated != row.retryable) {
        info.extend(quote!(.retryable(#retryable)));
    }
    with_types(&mut info, stated_openai, stated_anthropic);
    info
}

/// `.with_openai_type(..)` and `.with_anthropic_type(..)`, for the types
/// given.
fn with_types(info: &mut TokenStream, openai: Option<Literal>, anthropic: Option<Literal>) {
    if let Some(openai_type) = openai {
        info.extend(quote!(.with_openai_type(#openai_type)));
    }
    if let Some(anthropic_type) = anthropic {
        info.extend(quote!(.with_anthropic_type(#anthropic_type)));
    }
}

/// An envelope `type` the variant states: its token as written.
fn stated_type(stated: &Option<Keyed<Text>>) -> Option<Literal> {
    stated.as_ref().map(|keyed| keyed.value.token().clone())
}
