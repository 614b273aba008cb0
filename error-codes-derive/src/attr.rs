//! Parsing of `#[api_error(...)]` attributes into typed values.
//!
//! Only the grammar lives here; rules that relate several keys or the
//! variant's fields to each other are in `valid.rs`.

use proc_macro2::{Literal, Span, TokenStream};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{
    Attribute, Expr, ExprLit, ExprPath, ExprUnary, Lit, LitBool, LitInt, LitStr, Path, UnOp,
};

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

/// A string literal's value, read once, and its token. Plain literals (no
/// escapes, not raw) are read without syn's literal parser: the derive runs
/// unoptimized in users' `dev` builds, where that parser dominates.
#[derive(Clone)]
pub struct Text {
    value: String,
    token: Literal,
}

impl Text {
    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn span(&self) -> Span {
        self.token.span()
    }

    /// The literal as written, to reuse in generated code.
    pub fn token(&self) -> &Literal {
        &self.token
    }
}

impl Text {
    /// A `"..."` literal without escapes, whose value is its inner text.
    fn plain(literal: Literal) -> Option<Self> {
        let repr = literal.to_string();
        let inner = repr.strip_prefix('"')?.strip_suffix('"')?;
        let plain = !inner.contains('\\') && !inner.contains('"');
        plain.then(|| Text {
            value: inner.to_owned(),
            token: literal,
        })
    }
}

impl From<LitStr> for Text {
    fn from(lit: LitStr) -> Self {
        Text {
            value: lit.value(),
            token: lit.token(),
        }
    }
}

impl ToTokens for Text {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.token.to_tokens(tokens);
    }
}

/// Where `param` comes from: a field, or one fixed string.
#[derive(Clone)]
pub enum ParamSource {
    Field(FieldRef),
    Fixed(LitStr),
}

/// The value of a key together with the key's own span, so a duplicate can
/// point at both places.
pub struct Keyed<T> {
    pub key: Path,
    pub value: T,
}

/// Everything `#[api_error(...)]` can say on a variant (or on a struct).
#[derive(Default)]
pub struct VariantAttrs {
    /// Every `#[api_error]` attribute seen, as tokens to point at (the whole
    /// attribute, not only its `#`); empty when there is none.
    pub seen: Vec<proc_macro2::TokenStream>,
    /// An attribute or one of its values was rejected (and reported): checks
    /// about what is *missing* stay quiet so they do not repeat that error.
    pub broken: bool,
    pub code: Option<Keyed<Text>>,
    pub status: Option<Keyed<(u16, LitInt)>>,
    pub message: Option<Keyed<Text>>,
    pub param: Option<Keyed<ParamSource>>,
    pub retry_after: Option<Keyed<FieldRef>>,
    pub retryable: Option<Keyed<bool>>,
    pub openai_type: Option<Keyed<Text>>,
    pub anthropic_type: Option<Keyed<Text>>,
    pub transparent: Option<Path>,
}

/// What `#[api_error(...)]` can say on the type itself.
#[derive(Default)]
pub struct ContainerAttrs {
    pub krate: Option<Keyed<Path>>,
    pub catalogue: Option<Path>,
}

/// Keys accepted on a variant.
const VARIANT_KEYS: [&str; 9] = [
    "code",
    "status",
    "message",
    "param",
    "retry_after",
    "retryable",
    "openai_type",
    "anthropic_type",
    "transparent",
];

/// Keys accepted on the type. `catalogue` is internal (it marks the
/// canonical enum) and is not advertised.
const CONTAINER_KEYS: [&str; 1] = ["crate"];

/// Which keys an attribute may hold, and where it stands.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// On an enum: only container keys.
    Enum,
    /// On a variant: only variant keys.
    Variant,
    /// On a struct: both.
    Struct,
}

/// Parses every `#[api_error]` attribute in `attrs`. Errors are pushed onto
/// `errors` so that one bad key does not hide the next one.
pub fn parse(
    attrs: &[Attribute],
    place: Place,
    errors: &mut Errors,
) -> (ContainerAttrs, VariantAttrs) {
    let mut container = ContainerAttrs::default();
    let mut variant = VariantAttrs::default();
    for attr in attrs {
        if !attr.path().is_ident("api_error") {
            continue;
        }
        variant.seen.push(attr.to_token_stream());
        let example = match place {
            Place::Enum => "`#[api_error(crate = my_crate::error_codes)]`",
            Place::Variant | Place::Struct => "`#[api_error(code = \"rate_limit_exceeded\")]`",
        };
        let list = match &attr.meta {
            syn::Meta::List(list) => list,
            syn::Meta::Path(_) | syn::Meta::NameValue(_) => {
                variant.broken = true;
                errors.push(syn::Error::new_spanned(
                    attr,
                    format!("expected `#[api_error(...)]` with keys inside the parentheses, like {example}"),
                ));
                continue;
            }
        };
        if list.tokens.is_empty() {
            variant.broken = true;
            errors.push(syn::Error::new_spanned(
                attr,
                format!("empty `#[api_error()]`: give it keys, like {example}"),
            ));
            continue;
        }
        let mut parser = Parser {
            place,
            container: &mut container,
            variant: &mut variant,
            errors,
        };
        let result = attr.parse_nested_meta(|meta| parser.key(&meta));
        if let Err(err) = result {
            variant.broken = true;
            errors.push(err);
        }
    }
    (container, variant)
}

/// State while reading one attribute's keys.
struct Parser<'p> {
    place: Place,
    container: &'p mut ContainerAttrs,
    variant: &'p mut VariantAttrs,
    errors: &'p mut Errors,
}

impl Parser<'_> {
    /// Reads one `key` or `key = value`. Returns `Err` only when the tokens
    /// cannot be read any further; a bad key or value is reported and
    /// skipped so the next key is still checked.
    fn key(&mut self, meta: &ParseNestedMeta) -> syn::Result<()> {
        let path = &meta.path;
        let Some(key) = path.get_ident().map(ToString::to_string) else {
            self.reject(syn::Error::new_spanned(
                path,
                format!("unknown `api_error` key; expected {}", keys_for(self.place)),
            ));
            return skip_value(meta);
        };
        let container_key = CONTAINER_KEYS.contains(&key.as_str()) || key == "catalogue";
        let variant_key = VARIANT_KEYS.contains(&key.as_str());
        if container_key && self.place == Place::Variant {
            self.reject(syn::Error::new_spanned(
                path,
                format!(
                    "`{key}` belongs on the type, not on a variant: move it to an \
                     `#[api_error(...)]` above the enum"
                ),
            ));
            return skip_value(meta);
        }
        if variant_key && self.place == Place::Enum {
            self.reject(syn::Error::new_spanned(
                path,
                format!(
                    "`{key}` belongs on each variant, not on the enum: move it to the \
                     `#[api_error(...)]` of the variants"
                ),
            ));
            return skip_value(meta);
        }
        let variant = &mut *self.variant;
        let errors = &mut *self.errors;
        let outcome = match key.as_str() {
            "crate" => value_expr(meta)
                .and_then(crate_path)
                .map(|value| set(errors, &mut self.container.krate, path, value)),
            "catalogue" => {
                flag(meta).map(|()| set_flag(errors, &mut self.container.catalogue, path))
            }
            "code" => {
                lit_str(meta, "code").map(|value| set(errors, &mut variant.code, path, value))
            }
            "status" => status(meta).map(|value| set(errors, &mut variant.status, path, value)),
            "message" => {
                lit_str(meta, "message").map(|value| set(errors, &mut variant.message, path, value))
            }
            "openai_type" => lit_str(meta, "openai_type")
                .map(|value| set(errors, &mut variant.openai_type, path, value)),
            "anthropic_type" => lit_str(meta, "anthropic_type")
                .map(|value| set(errors, &mut variant.anthropic_type, path, value)),
            "param" => param(meta).map(|value| set(errors, &mut variant.param, path, value)),
            "retry_after" => field_ref_value(meta, "retry_after")
                .map(|value| set(errors, &mut variant.retry_after, path, value)),
            "retryable" => {
                retryable(meta).map(|value| set(errors, &mut variant.retryable, path, value))
            }
            "transparent" => flag(meta).map(|()| set_flag(errors, &mut variant.transparent, path)),
            _ => {
                let suggestion = closest(&key, self.place)
                    .map(|known| format!(" (did you mean `{known}`?)"))
                    .unwrap_or_default();
                self.reject(syn::Error::new_spanned(
                    path,
                    format!(
                        "unknown `api_error` key `{key}`{suggestion}; expected {}",
                        keys_for(self.place)
                    ),
                ));
                return skip_value(meta);
            }
        };
        match outcome {
            Ok(()) => Ok(()),
            Err(Bad::Value(error)) => {
                self.reject(error);
                Ok(())
            }
            Err(Bad::Tokens(error)) => Err(error),
        }
    }

    fn reject(&mut self, error: syn::Error) {
        self.variant.broken = true;
        self.errors.push(error);
    }
}

/// Why a key's value was not accepted.
enum Bad {
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
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
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

fn keys_for(place: Place) -> String {
    let keys: Vec<String> = match place {
        Place::Enum => CONTAINER_KEYS.iter().collect::<Vec<_>>(),
        Place::Variant => VARIANT_KEYS.iter().collect(),
        Place::Struct => CONTAINER_KEYS.iter().chain(VARIANT_KEYS.iter()).collect(),
    }
    .into_iter()
    .map(|key| format!("`{key}`"))
    .collect();
    match keys.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("one of {} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The accepted key nearest to a misspelt one, if any is near.
fn closest(key: &str, place: Place) -> Option<&'static str> {
    let candidates: Vec<&'static str> = match place {
        Place::Enum => CONTAINER_KEYS.to_vec(),
        Place::Variant => VARIANT_KEYS.to_vec(),
        Place::Struct => CONTAINER_KEYS
            .iter()
            .chain(VARIANT_KEYS.iter())
            .copied()
            .collect(),
    };
    candidates
        .into_iter()
        .map(|known| (edit_distance(key, known), known))
        .filter(|&(distance, known)| distance <= known.len().div_ceil(3))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, known)| known)
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            let insert = current[j] + 1;
            let delete = previous[j + 1] + 1;
            current.push(substitute.min(insert).min(delete));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

fn set<T>(errors: &mut Errors, slot: &mut Option<Keyed<T>>, key: &Path, value: T) {
    if let Some(first) = slot {
        errors.push(duplicate(key, &first.key));
    } else {
        *slot = Some(Keyed {
            key: key.clone(),
            value,
        });
    }
}

fn set_flag(errors: &mut Errors, slot: &mut Option<Path>, key: &Path) {
    if let Some(first) = slot {
        errors.push(duplicate(key, first));
    } else {
        *slot = Some(key.clone());
    }
}

fn duplicate(again: &Path, first: &Path) -> syn::Error {
    let name = again
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_default();
    let mut error = syn::Error::new_spanned(
        again,
        format!("duplicate `{name}`: give it once, and remove this one or the first"),
    );
    error.combine(syn::Error::new_spanned(
        first,
        format!("`{name}` first given here"),
    ));
    error
}

/// The expression after `key =`.
fn value_expr(meta: &ParseNestedMeta) -> Result<Expr, Bad> {
    Ok(expr(meta.value()?)?)
}

/// A value expression. The usual value is one literal: it is read without
/// syn's expression parser, which costs every build of the user's crate
/// (proc macros run unoptimized in the `dev` profile).
fn expr(input: ParseStream) -> syn::Result<Expr> {
    if lone_literal(input).is_some() {
        return Ok(Expr::Lit(ExprLit {
            attrs: Vec::new(),
            lit: input.parse()?,
        }));
    }
    input.parse()
}

/// The literal that is the whole value (up to `,` or the end), if it is one.
fn lone_literal(input: ParseStream) -> Option<Literal> {
    let (literal, rest) = input.cursor().literal()?;
    let ends = rest.eof()
        || rest
            .punct()
            .is_some_and(|(punct, _)| punct.as_char() == ',');
    ends.then_some(literal)
}

/// A key that takes no value, like `transparent`.
fn flag(meta: &ParseNestedMeta) -> Result<(), Bad> {
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
fn crate_path(expr: Expr) -> Result<Path, Bad> {
    const HINT: &str = "`crate` takes the path `error_codes` is reachable at, like \
                        `crate = my_crate::error_codes`";
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

fn lit_str(meta: &ParseNestedMeta, key: &str) -> Result<Text, Bad> {
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

fn status(meta: &ParseNestedMeta) -> Result<(u16, LitInt), Bad> {
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

fn retryable(meta: &ParseNestedMeta) -> Result<bool, Bad> {
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

fn field_ref_value(meta: &ParseNestedMeta, key: &str) -> Result<FieldRef, Bad> {
    let expr = value_expr(meta)?;
    field_ref(&expr).ok_or_else(|| {
        Bad::Value(syn::Error::new_spanned(
            expr,
            format!("`{key}` names a field of the variant: `{key} = field_name` or `{key} = 0`"),
        ))
    })
}

fn field_ref(expr: &Expr) -> Option<FieldRef> {
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

fn param(meta: &ParseNestedMeta) -> Result<ParamSource, Bad> {
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

/// The text of the `///` doc comment, paragraphs joined, or `None`.
pub fn doc_text(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let Expr::Lit(ExprLit {
                lit: Lit::Str(lit), ..
            }) = &nv.value
            {
                lines.push(lit.value());
            }
        }
    }
    // The first paragraph is the summary; later ones are notes for developers.
    let summary: Vec<&str> = lines
        .iter()
        // `split`, not `lines`: an empty `///` line is `""`, which has no
        // `lines()` at all, and it is what ends the first paragraph.
        .flat_map(|chunk| chunk.split('\n'))
        .map(str::trim)
        .skip_while(|line| line.is_empty())
        .take_while(|line| !line.is_empty())
        .collect();
    (!summary.is_empty()).then(|| summary.join(" "))
}

/// Errors collected over the whole input, reported together.
#[derive(Default)]
pub struct Errors(Option<syn::Error>);

impl Errors {
    pub fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub fn into_result(self) -> syn::Result<()> {
        match self.0 {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}
