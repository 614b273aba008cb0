//! Helpers shared by the integration tests of the `api-error-codes` workspace.

pub mod upstream_corpus;

/// The codes the spec names retryable; every other canonical code is not.
///
/// ```
/// assert_eq!(error_codes_tests::RETRYABLE_CODES.len(), 7);
/// ```
pub const RETRYABLE_CODES: [&str; 7] = [
    "rate_limit_exceeded",
    "internal_error",
    "upstream_error",
    "model_unavailable",
    "no_provider_available",
    "service_unavailable",
    "upstream_timeout",
];

/// One row of the seed table: code, HTTP status, description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedRow {
    /// The code, such as `rate_limit_exceeded`.
    pub code: String,
    /// The HTTP status; 0 for "no response is sent".
    pub status: u16,
    /// The description, the code's default message.
    pub description: String,
}

/// The canonical table's code, status and description columns, parsed
/// from the one committed copy, the derive's `catalogue.tsv` (its first
/// three columns are the seed table row for row, which
/// `tests/canonical.rs` checks against `../shared/error-codes.tsv`).
///
/// ```
/// let rows = error_codes_tests::seed_table();
/// assert_eq!(rows.len(), 57);
/// assert_eq!(rows[0].code, "batch_only");
/// ```
pub fn seed_table() -> Vec<SeedRow> {
    const TABLE: &str = include_str!("../../error-codes-derive/catalogue.tsv");
    let mut lines = TABLE.lines();
    assert!(
        lines
            .next()
            .is_some_and(|header| header.starts_with("code\tstatus\tdescription\t")),
        "the catalogue starts with its header"
    );
    lines
        .filter(|line| !line.is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 6, "six columns in {line:?}");
            SeedRow {
                code: fields[0].to_owned(),
                status: fields[1].parse().expect("status is a number"),
                description: fields[2].to_owned(),
            }
        })
        .collect()
}
