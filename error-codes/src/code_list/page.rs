//! The catalogue of a type as a page: a Markdown table
//! ([`CodeList::to_markdown`]) and the JSON listing a gateway serves
//! ([`CodeList::to_json`]).

use super::CodeList;
use crate::{CodeInfo, ProblemTypes};
use serde::Serialize;
use std::borrow::Cow;

/// A column [`CodeList::to_markdown_with`] adds after
/// `Error Code | HTTP Status | Description`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CatalogueColumn {
    /// `Retryable`: `yes` or `no`.
    Retryable,
    /// `OpenAI Type`: the OpenAI-format `error.type`.
    OpenAiType,
    /// `Anthropic Type`: the Anthropic-format `error.type`.
    AnthropicType,
    /// `Problem Type`: the code's problem type URI under these types.
    ProblemType(ProblemTypes),
}

impl CatalogueColumn {
    fn header(self) -> &'static str {
        match self {
            CatalogueColumn::Retryable => "Retryable",
            CatalogueColumn::OpenAiType => "OpenAI Type",
            CatalogueColumn::AnthropicType => "Anthropic Type",
            CatalogueColumn::ProblemType(_) => "Problem Type",
        }
    }

    fn cell(self, info: &CodeInfo) -> Cow<'static, str> {
        match self {
            CatalogueColumn::Retryable => {
                Cow::Borrowed(if info.is_retryable() { "yes" } else { "no" })
            }
            CatalogueColumn::OpenAiType => Cow::Borrowed(info.openai_type()),
            CatalogueColumn::AnthropicType => Cow::Borrowed(info.anthropic_type()),
            CatalogueColumn::ProblemType(types) => Cow::Owned(types.type_uri(info.code())),
        }
    }
}

/// What [`CodeList::to_json`] writes: `{"data":[...]}`.
#[derive(Serialize)]
struct Listing {
    data: Vec<Entry>,
}

/// One entry of a [`Listing`].
#[derive(Serialize)]
struct Entry {
    code: &'static str,
    status: u16,
    description: &'static str,
    retryable: bool,
    openai_type: &'static str,
    anthropic_type: &'static str,
    problem_type: String,
}

impl CodeList {
    /// The catalogue as a Markdown table, `Error Code | HTTP Status |
    /// Description`, one row per code in [`iter`](Self::iter) order (the
    /// declaration order): the error-codes page of an API, generated from
    /// the code it documents.
    ///
    /// Cells are the plain [`CodeInfo`] values (status 0 stays `0`); a `|`
    /// in a cell is written `\|` and a line break a space, so every code is
    /// one row.
    ///
    /// ```
    /// use api_error_codes::{CodeList, ErrorCode};
    ///
    /// let page = CodeList::of::<ErrorCode>().to_markdown();
    /// let mut lines = page.lines();
    /// assert_eq!(lines.next(), Some("| Error Code | HTTP Status | Description |"));
    /// assert_eq!(lines.next(), Some("|---|---|---|"));
    /// assert_eq!(lines.next(), Some("| batch_only | 400 | Model is batch-only and cannot serve real-time requests |"));
    /// assert_eq!(lines.count(), 56);
    /// ```
    pub fn to_markdown(&self) -> String {
        self.to_markdown_with(&[])
    }

    /// [`to_markdown`](Self::to_markdown) with more columns, in the order
    /// given.
    ///
    /// ```
    /// use api_error_codes::{CatalogueColumn, CodeList, ErrorCode, ProblemTypes};
    ///
    /// let columns = [CatalogueColumn::Retryable, CatalogueColumn::ProblemType(ProblemTypes::DEFAULT)];
    /// let page = CodeList::of::<ErrorCode>().to_markdown_with(&columns);
    /// assert!(page.starts_with("| Error Code | HTTP Status | Description | Retryable | Problem Type |\n|---|---|---|---|---|\n"));
    /// assert!(page.contains(
    ///     "| rate_limit_exceeded | 429 | Requests-per-minute cap hit | yes | tag:error-codes,2026:rate_limit_exceeded |\n"
    /// ));
    /// ```
    pub fn to_markdown_with(&self, columns: &[CatalogueColumn]) -> String {
        let mut page = String::from("| Error Code | HTTP Status | Description |");
        for column in columns {
            cell(&mut page, column.header());
        }
        page.push_str("\n|---|---|---|");
        page.push_str(&"---|".repeat(columns.len()));
        for info in self.iter() {
            page.push_str("\n|");
            cell(&mut page, info.code());
            cell(&mut page, &info.status().to_string());
            cell(&mut page, info.description());
            for column in columns {
                cell(&mut page, &column.cell(info));
            }
        }
        page.push('\n');
        page
    }

    /// The catalogue as JSON, what a gateway's `GET /v1/error-codes` can
    /// serve: `{"data":[{"code","status","description","retryable",
    /// "openai_type","anthropic_type","problem_type"}, ...]}`, in
    /// [`iter`](Self::iter) order, `problem_type` under `types` (pass
    /// [`ProblemTypes::installed()`] for the ones the bodies use).
    ///
    /// ```
    /// use api_error_codes::{CodeList, ErrorCode, ProblemTypes};
    ///
    /// let json = CodeList::of::<ErrorCode>().to_json(ProblemTypes::DEFAULT);
    /// assert_eq!(json["data"].as_array().map(Vec::len), Some(57));
    /// assert_eq!(
    ///     json["data"][0],
    ///     serde_json::json!({
    ///         "code": "batch_only",
    ///         "status": 400,
    ///         "description": "Model is batch-only and cannot serve real-time requests",
    ///         "retryable": false,
    ///         "openai_type": "invalid_request_error",
    ///         "anthropic_type": "invalid_request_error",
    ///         "problem_type": "tag:error-codes,2026:batch_only",
    ///     })
    /// );
    /// ```
    pub fn to_json(&self, types: ProblemTypes) -> serde_json::Value {
        let entry = |info: &CodeInfo| Entry {
            code: info.code(),
            status: info.status(),
            description: info.description(),
            retryable: info.is_retryable(),
            openai_type: info.openai_type(),
            anthropic_type: info.anthropic_type(),
            problem_type: types.type_uri(info.code()),
        };
        let data = self.iter().map(entry).collect();
        // Strings, numbers and booleans: serde_json fails only on maps with
        // non-string keys, which this has none of.
        serde_json::to_value(Listing { data }).unwrap_or_default()
    }
}

/// Writes ` text |`, with `|` escaped and line breaks as spaces.
fn cell(page: &mut String, text: &str) {
    page.push(' ');
    for c in text.chars() {
        match c {
            '|' => page.push_str("\\|"),
            '\r' | '\n' => page.push(' '),
            c => page.push(c),
        }
    }
    page.push_str(" |");
}
