//! Helpers shared by the workspace's test suites: this crate's integration
//! tests and the example gateway's.

pub mod openapi_check;
pub mod upstream_corpus;

/// The codes the spec names retryable; every other canonical code is not.
pub const RETRYABLE_CODES: [&str; 7] = [
    "rate_limit_exceeded",
    "internal_error",
    "upstream_error",
    "model_unavailable",
    "no_provider_available",
    "service_unavailable",
    "upstream_timeout",
];

/// One row of the canonical table as the derive's `catalogue.tsv` has it
/// (its first three columns are `../shared/error-codes.tsv` row for row,
/// which `tests/canonical.rs` checks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueRow {
    /// The code, such as `rate_limit_exceeded`.
    pub code: String,
    /// The HTTP status; 0 for "no response is sent".
    pub status: u16,
    /// The description, the code's default message.
    pub description: String,
    /// Whether a client may retry.
    pub retryable: bool,
    /// The OpenAI `error.type`, when not the status's default.
    pub openai_type: Option<String>,
    /// The Anthropic `error.type`, when not the status's default.
    pub anthropic_type: Option<String>,
}

/// Every row of the catalogue, in its order.
pub fn catalogue() -> Vec<CatalogueRow> {
    const TABLE: &str = include_str!("../../error-codes-derive/catalogue.tsv");
    let mut lines = TABLE.lines();
    assert_eq!(
        lines.next(),
        Some("code\tstatus\tdescription\tretryable\topenai_type\tanthropic_type")
    );
    lines
        .filter(|line| !line.is_empty())
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            assert_eq!(columns.len(), 6, "six columns in {line:?}");
            let optional = |text: &str| (!text.is_empty()).then(|| text.to_owned());
            CatalogueRow {
                code: columns[0].to_owned(),
                status: columns[1].parse().expect("status is a number"),
                description: columns[2].to_owned(),
                retryable: match columns[3] {
                    "yes" => true,
                    "no" => false,
                    other => panic!("retryable {other:?} in {line:?}"),
                },
                openai_type: optional(columns[4]),
                anthropic_type: optional(columns[5]),
            }
        })
        .collect()
}

/// The catalogue's row of `code`.
pub fn catalogue_row(code: &str) -> CatalogueRow {
    let row = catalogue().into_iter().find(|row| row.code == code);
    row.unwrap_or_else(|| panic!("no code {code} in the catalogue"))
}
