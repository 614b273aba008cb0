//! The canonical catalogue (`catalogue.tsv`), compiled into the derive and
//! read at expansion: what each canonical code's status, description, retry
//! policy and envelope types are.

use std::sync::OnceLock;

/// The data file: one row per canonical code, in table order. Its first
/// three columns are the shared source of truth, row for row; the last
/// three say what the catalogue decides beyond it.
const TABLE: &str = include_str!("../catalogue.tsv");

/// The header `TABLE` must start with.
const HEADER: &str = "code\tstatus\tdescription\tretryable\topenai_type\tanthropic_type";

/// One canonical code.
#[derive(Debug, PartialEq, Eq)]
pub struct Row {
    /// Its place in the table, from 0: its place in `ErrorCode` too.
    pub index: usize,
    pub code: &'static str,
    pub status: u16,
    pub description: &'static str,
    pub retryable: bool,
    /// The OpenAI-format `type`, when it is not the status's default.
    pub openai_type: Option<&'static str>,
    /// The Anthropic-format `type`, when it is not the status's default.
    pub anthropic_type: Option<&'static str>,
}

/// Every row, parsed once per compiler session, or what is wrong with the
/// file (a broken build of the derive itself, reported at every use).
pub fn rows() -> Result<&'static [Row], &'static str> {
    static ROWS: OnceLock<Result<Vec<Row>, String>> = OnceLock::new();
    match ROWS.get_or_init(|| parse(TABLE)) {
        Ok(rows) => Ok(rows),
        Err(reason) => Err(reason),
    }
}

/// The row of canonical code `code`, if it is one.
pub fn find(code: &str) -> Option<&'static Row> {
    rows().ok()?.iter().find(|row| row.code == code)
}

/// Parses the table, or says which line is wrong and how.
pub(crate) fn parse(table: &'static str) -> Result<Vec<Row>, String> {
    let mut lines = table.lines();
    if lines.next() != Some(HEADER) {
        return Err(format!(
            "catalogue.tsv of api-error-codes-derive does not start with the header `{HEADER}`"
        ));
    }
    let mut rows: Vec<Row> = Vec::new();
    for (index, line) in lines.enumerate() {
        let number = index + 2;
        let bad =
            |what: &str| format!("catalogue.tsv of api-error-codes-derive, line {number}: {what}");
        let columns: Vec<&'static str> = line.split('\t').collect();
        let [code, status, description, retryable, openai_type, anthropic_type] = columns[..]
        else {
            return Err(bad(&format!(
                "expected 6 tab-separated columns, found {}",
                columns.len()
            )));
        };
        let status = match status.parse::<u16>() {
            Ok(status) if status == 0 || (100..=599).contains(&status) => status,
            _ => return Err(bad(&format!("`{status}` is not an HTTP status or 0"))),
        };
        let retryable = match retryable {
            "yes" => true,
            "no" => false,
            other => return Err(bad(&format!("retryable is `yes` or `no`, not `{other}`"))),
        };
        if code.is_empty() || description.is_empty() {
            return Err(bad("a code and a description are required"));
        }
        // Each code names a constant (`RATE_LIMIT_EXCEEDED`), so it must make
        // an identifier.
        let identifier = code.starts_with(|c: char| c.is_ascii_lowercase())
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !identifier {
            return Err(bad(&format!(
                "`{code}` is not a code: lowercase letters, digits and `_`, starting with a letter"
            )));
        }
        if rows.iter().any(|row| row.code == code) {
            return Err(bad(&format!("`{code}` is listed twice")));
        }
        let optional = |text: &'static str| (!text.is_empty()).then_some(text);
        rows.push(Row {
            index: rows.len(),
            code,
            status,
            description,
            retryable,
            openai_type: optional(openai_type),
            anthropic_type: optional(anthropic_type),
        });
    }
    Ok(rows)
}
