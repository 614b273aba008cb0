//! The summary of a variant's `///` doc comment.

use syn::{Attribute, Expr, ExprLit, Lit};

/// The first paragraph of the `///` doc comment, its lines joined with
/// spaces (later paragraphs are notes for developers), or `None`.
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
