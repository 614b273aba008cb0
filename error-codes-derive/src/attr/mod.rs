//! The grammar of `#[api_error(...)]`: which key is read how, into typed
//! values (the readers are in `value.rs`). Rules that relate keys, fields
//! and the catalogue to each other are in `valid.rs`.

mod value;

use crate::errors::Errors;
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitInt, LitStr, Path};
use value::{crate_path, field_ref, flag, lit_str, param, retryable, skip_value, status, Bad};

/// Keys accepted on a variant (or on a struct, with the type's keys).
const VARIANT_KEYS: [&str; 12] = [
    "code",
    "status",
    "message",
    "param",
    "retry_after",
    "retryable",
    "openai_type",
    "anthropic_type",
    "transparent",
    "no_from",
    "source",
    "private",
];

/// Keys accepted on the type.
const TYPE_KEYS: [&str; 1] = ["crate"];

/// What an `#[api_error]` stands on, which decides the keys it may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Enum,
    Variant,
    /// A struct is its own one variant: both kinds of key.
    Struct,
}

impl Place {
    fn keys(self) -> Vec<&'static str> {
        match self {
            Place::Enum => TYPE_KEYS.to_vec(),
            Place::Variant => VARIANT_KEYS.to_vec(),
            Place::Struct => TYPE_KEYS.iter().chain(&VARIANT_KEYS).copied().collect(),
        }
    }
}

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
pub enum ParamSource {
    Field(FieldRef),
    Fixed(LitStr),
}

/// A key's value with the key itself, so an error can point at either.
pub struct Keyed<T> {
    pub key: Path,
    pub value: T,
}

/// Everything `#[api_error(...)]` can say on a variant (or a struct), and
/// on the type.
#[derive(Default)]
pub struct Attrs {
    /// Every `#[api_error]` seen, as tokens to point at; empty when none.
    pub seen: Vec<TokenStream>,
    /// A key or value was rejected (and reported): checks about what is
    /// *missing* stay quiet, so as not to repeat that error.
    pub broken: bool,
    pub krate: Option<Keyed<Path>>,
    pub code: Option<Keyed<LitStr>>,
    pub status: Option<Keyed<(u16, LitInt)>>,
    pub message: Option<Keyed<LitStr>>,
    pub param: Option<Keyed<ParamSource>>,
    pub retry_after: Option<Keyed<FieldRef>>,
    pub retryable: Option<Keyed<bool>>,
    pub openai_type: Option<Keyed<LitStr>>,
    pub anthropic_type: Option<Keyed<LitStr>>,
    pub transparent: Option<Keyed<()>>,
    pub no_from: Option<Keyed<()>>,
    pub source: Option<Keyed<FieldRef>>,
    pub private: Option<Keyed<()>>,
}

impl Attrs {
    /// The keys given that are not `code`, `transparent` or `no_from`: what
    /// a transparent variant cannot have.
    pub fn own_keys(&self) -> Vec<&Path> {
        let keys = [
            self.code.as_ref().map(|k| &k.key),
            self.status.as_ref().map(|k| &k.key),
            self.message.as_ref().map(|k| &k.key),
            self.param.as_ref().map(|k| &k.key),
            self.retry_after.as_ref().map(|k| &k.key),
            self.retryable.as_ref().map(|k| &k.key),
            self.openai_type.as_ref().map(|k| &k.key),
            self.anthropic_type.as_ref().map(|k| &k.key),
            self.source.as_ref().map(|k| &k.key),
            self.private.as_ref().map(|k| &k.key),
        ];
        keys.into_iter().flatten().collect()
    }
}

/// Reads every `#[api_error]` in `attrs`; every error goes onto `errors`,
/// so one bad key does not hide the next.
pub fn parse(attrs: &[Attribute], place: Place, errors: &mut Errors) -> Attrs {
    let mut parsed = Attrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("api_error")) {
        parsed.seen.push(attr.to_token_stream());
        let example = match place {
            Place::Enum => "`#[api_error(crate = my_crate::api_error_codes)]`",
            Place::Variant | Place::Struct => "`#[api_error(code = \"rate_limit_exceeded\")]`",
        };
        let problem = match &attr.meta {
            syn::Meta::List(list) if list.tokens.is_empty() => {
                "empty `#[api_error()]`: give it keys"
            }
            syn::Meta::List(_) => "",
            syn::Meta::Path(_) | syn::Meta::NameValue(_) => {
                "expected `#[api_error(...)]` with keys inside the parentheses"
            }
        };
        if !problem.is_empty() {
            parsed.broken = true;
            errors.push(syn::Error::new_spanned(
                attr,
                format!("{problem}, like {example}"),
            ));
            continue;
        }
        let result = attr.parse_nested_meta(|meta| key(&meta, place, &mut parsed, errors));
        if let Err(error) = result {
            parsed.broken = true;
            errors.push(error);
        }
    }
    parsed
}

/// Reads one `key` or `key = value`. Returns `Err` only when the tokens
/// cannot be read any further; a bad key or value is reported and skipped.
fn key(
    meta: &ParseNestedMeta,
    place: Place,
    attrs: &mut Attrs,
    errors: &mut Errors,
) -> syn::Result<()> {
    let path = &meta.path;
    let name = path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_default();
    let misplaced = match place {
        Place::Variant if TYPE_KEYS.contains(&name.as_str()) => Some(format!(
            "`{name}` belongs on the type, not on a variant: move it to an `#[api_error(...)]` above the enum"
        )),
        Place::Enum if VARIANT_KEYS.contains(&name.as_str()) => Some(format!(
            "`{name}` belongs on each variant, not on the enum: move it to the `#[api_error(...)]` of the variants"
        )),
        _ if !place.keys().contains(&name.as_str()) => {
            let keys = place.keys();
            let suggestion = keys
                .iter()
                .filter_map(|known| {
                    Some((distance(name.as_bytes(), known.as_bytes(), known.len().div_ceil(3))?, known))
                })
                .min_by_key(|&(edits, _)| edits)
                .map(|(_, known)| format!(" (did you mean `{known}`?)"))
                .unwrap_or_default();
            let listed: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
            Some(format!(
                "unknown `api_error` key `{}`{suggestion}; expected {}",
                path.to_token_stream().to_string().replace(' ', ""),
                listed.join(", ")
            ))
        }
        _ => None,
    };
    if let Some(message) = misplaced {
        attrs.broken = true;
        errors.push(syn::Error::new_spanned(path, message));
        return skip_value(meta);
    }
    let key = path.clone();
    let outcome = match name.as_str() {
        "crate" => crate_path(meta).map(|v| set(errors, &mut attrs.krate, key, v)),
        "code" => lit_str(meta, "code").map(|v| set(errors, &mut attrs.code, key, v)),
        "status" => status(meta).map(|v| set(errors, &mut attrs.status, key, v)),
        "message" => lit_str(meta, "message").map(|v| set(errors, &mut attrs.message, key, v)),
        "param" => param(meta).map(|v| set(errors, &mut attrs.param, key, v)),
        "retry_after" => {
            field_ref(meta, "retry_after").map(|v| set(errors, &mut attrs.retry_after, key, v))
        }
        "source" => field_ref(meta, "source").map(|v| set(errors, &mut attrs.source, key, v)),
        "retryable" => retryable(meta).map(|v| set(errors, &mut attrs.retryable, key, v)),
        "openai_type" => {
            lit_str(meta, "openai_type").map(|v| set(errors, &mut attrs.openai_type, key, v))
        }
        "anthropic_type" => {
            lit_str(meta, "anthropic_type").map(|v| set(errors, &mut attrs.anthropic_type, key, v))
        }
        "transparent" => flag(meta).map(|()| set(errors, &mut attrs.transparent, key, ())),
        "no_from" => flag(meta).map(|()| set(errors, &mut attrs.no_from, key, ())),
        "private" => flag(meta).map(|()| set(errors, &mut attrs.private, key, ())),
        // Every other key was rejected above.
        _ => return skip_value(meta),
    };
    match outcome {
        Ok(()) => Ok(()),
        Err(Bad::Value(error)) => {
            attrs.broken = true;
            errors.push(error);
            Ok(())
        }
        Err(Bad::Tokens(error)) => Err(error),
    }
}

/// Fills `slot`, or reports a duplicate pointing at both keys.
fn set<T>(errors: &mut Errors, slot: &mut Option<Keyed<T>>, key: Path, value: T) {
    let Some(first) = slot else {
        *slot = Some(Keyed { key, value });
        return;
    };
    let name = key.get_ident().map(ToString::to_string).unwrap_or_default();
    let mut error = syn::Error::new_spanned(
        &key,
        format!("duplicate `{name}`: give it once, and remove this one or the first"),
    );
    error.combine(syn::Error::new_spanned(
        &first.key,
        format!("`{name}` first given here"),
    ));
    errors.push(error);
}

/// The edit distance (Levenshtein, over bytes) between `a` and `b`, if it
/// is at most `budget`. A common first byte is always matched; otherwise one
/// of three edits is spent, so the work is at most 3^budget prefix scans.
pub fn distance(a: &[u8], b: &[u8], budget: usize) -> Option<usize> {
    // It runs per code against every canonical one, unoptimized: plain loops.
    if a.len().abs_diff(b.len()) > budget {
        return None;
    }
    let mut common = 0;
    while common < a.len() && common < b.len() && a[common] == b[common] {
        common += 1;
    }
    let (a, b) = (&a[common..], &b[common..]);
    if a.is_empty() || b.is_empty() {
        let rest = a.len().max(b.len());
        return (rest <= budget).then_some(rest);
    }
    let budget = budget.checked_sub(1)?;
    [(&a[1..], &b[1..]), (&a[1..], b), (a, &b[1..])]
        .into_iter()
        .filter_map(|(a, b)| distance(a, b, budget))
        .min()
        .map(|edits| edits + 1)
}
