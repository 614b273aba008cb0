//! The `CodeInfo` constant of a variant with its own code. A canonical code
//! is the runtime crate's constant for it (`canonical::RATE_LIMIT_EXCEEDED`,
//! written from the catalogue by `ErrorCode`'s derive) with only what the
//! variant changes; a private code is `CodeInfo::new` on literals.

use crate::ast::{Arm, Input};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;
use std::collections::HashSet;

/// `INFO_TOO_LONG` for variant `TooLong` (`INFO` for a struct), made unique
/// among `taken`, which it joins.
pub fn const_name(arm: &Arm, taken: &mut HashSet<String>) -> Ident {
    let mut name = String::from("INFO");
    let variant = arm.variant.map(ToString::to_string).unwrap_or_default();
    let mut lower_before = false;
    for c in variant.trim_start_matches("r#").chars() {
        if name.len() == 4 || (c.is_uppercase() && lower_before) {
            name.push('_');
        }
        lower_before = c.is_lowercase() || c.is_ascii_digit();
        name.extend(c.to_uppercase());
    }
    let base = name.clone();
    for suffix in 2.. {
        if taken.insert(name.clone()) {
            break;
        }
        name = format!("{base}_{suffix}");
    }
    Ident::new(&name, Span::call_site())
}

/// The constant's value: `canonical::NAME` or `CodeInfo::new(code, status,
/// description)`, then only the calls that change something.
pub fn code_info(input: &Input, arm: &Arm) -> TokenStream {
    let krate = &input.root;
    let attrs = &arm.attrs;
    let code = arm.code.as_deref().unwrap_or_default();
    let plain = arm
        .message
        .as_ref()
        .and_then(|(_, template)| template.plain.as_deref());
    let retryable = attrs.retryable.as_ref().map(|keyed| keyed.value);
    let mut info = match arm.canonical {
        Some(row) => {
            let name = Ident::new(&row.code.to_ascii_uppercase(), Span::call_site());
            let mut info = quote!(#krate::__private::canonical::#name);
            if let Some(message) = plain.filter(|&message| message != row.description) {
                info.extend(quote!(.with_message(#message)));
            }
            if let Some(retryable) = retryable.filter(|&stated| stated != row.retryable) {
                info.extend(quote!(.retryable(#retryable)));
            }
            info
        }
        None => {
            // A private code's description, what listings and the problem
            // `title` show: its message when that is fixed text, else the
            // code as a sentence (`prompt_too_long`: "Prompt too long").
            let description = plain.map_or_else(|| sentence(code), str::to_owned);
            let status =
                Literal::u16_unsuffixed(attrs.status.as_ref().map_or(0, |keyed| keyed.value.0));
            let mut info = quote!(#krate::CodeInfo::new(#code, #status, #description));
            if retryable == Some(true) {
                info.extend(quote!(.retryable(true)));
            }
            info
        }
    };
    if let Some(keyed) = &attrs.openai_type {
        let value = &keyed.value;
        info.extend(quote!(.with_openai_type(#value)));
    }
    if let Some(keyed) = &attrs.anthropic_type {
        let value = &keyed.value;
        info.extend(quote!(.with_anthropic_type(#value)));
    }
    info
}

/// `prompt_too_long` as "Prompt too long".
fn sentence(code: &str) -> String {
    let words = code.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
