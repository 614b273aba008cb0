//! The error collector: every error in the input, reported together (the
//! shape of serde_derive's `Ctxt`).

/// Errors collected over the whole input. Parsing and checks push onto it
/// and go on, so one bad key does not hide the next; the expansion ends
/// with [`into_result`](Self::into_result).
#[derive(Default)]
pub struct Errors(Option<syn::Error>);

impl Errors {
    /// Adds one error (which may itself carry several).
    pub fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    /// `Err` with every error pushed, in order, or `Ok` when there is none.
    pub fn into_result(self) -> syn::Result<()> {
        match self.0 {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}
