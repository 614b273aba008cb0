//! The `CodeInfo` of one variant with its own code. The catalogue's values
//! for a canonical code are known at expansion, so nothing is looked up or
//! checked at compile time: a canonical code is the runtime crate's
//! constant for it, `canonical::RATE_LIMIT_EXCEEDED`, with only what the
//! variant changes applied; a private code is `CodeInfo` builder calls on
//! literals. The constants themselves are written from the catalogue's rows
//! by the catalogue enum's derive (`canonical_constants`).

use crate::ast::Arm;
use crate::attr::{Keyed, Text};
use crate::catalogue::Row;
use crate::template;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

/// Whether `code_info` of this arm names the module `canonical`, which must
/// then be in scope: a canonical code.
pub fn names_canonical(arm: &Arm) -> bool {
    arm.canonical.is_some() && arm.attrs.code.is_some()
}

/// `RATE_LIMIT_EXCEEDED`: the name of a canonical code's constant.
pub fn constant_name(row: &Row) -> Ident {
    Ident::new(&row.code.to_ascii_uppercase(), Span::call_site())
}

/// One row as `CodeInfo` builder calls on literals: the constant's value.
pub fn row_info(row: &Row) -> TokenStream {
    let (code, status, description) = (row.code, row.status, row.description);
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
}

/// `canonical::NAME` or `CodeInfo::new(code, status, description)`, then
/// only the calls that change something: `.with_message(..)`,
/// `.retryable(..)`, `.with_openai_type(..)`, `.with_anthropic_type(..)`.
/// `CodeInfo` (and `canonical`, where `names_canonical`) are in scope where
/// these are placed (a `use` of the runtime crate's).
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
    // single. (Searched as bytes: `str::contains` with a `char` pattern is
    // generic code, compiled unoptimized into a proc macro, and costs as
    // much as the rest of this function.)
    let has_brace = |text: &str| text.as_bytes().contains(&b'{') || text.as_bytes().contains(&b'}');
    let message = match (&plain, &attrs.message) {
        (Some(text), Some(_)) if has_brace(text) => Some(Literal::string(text)),
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
    let name = constant_name(row);
    let mut info = quote!(canonical::#name);
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
