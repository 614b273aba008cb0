//! The success bodies and events of every API, as their SDKs parse them;
//! field order as the APIs send them.

pub(crate) mod chat;
pub(crate) mod messages;
pub(crate) mod responses;

use serde::Serialize;

/// `GET /v1/error-codes`: `{"data": [...]}`.
#[derive(Serialize)]
pub struct Catalogue {
    pub data: Vec<CatalogueEntry>,
}

/// One code of the catalogue.
#[derive(Serialize)]
pub struct CatalogueEntry {
    pub code: &'static str,
    pub status: u16,
    pub description: &'static str,
    pub retryable: bool,
    pub openai_type: &'static str,
    pub anthropic_type: &'static str,
    pub problem_type: String,
}
