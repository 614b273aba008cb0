//! Tests that the translation table maps every documented error code,
//! type, status name, reason, exception and HTTP status of every provider
//! (`vocabulary.tsv`, each row with its source) as the vocabulary says.

use super::{Disposition, Provider, UpstreamError};
use crate::ApiError;

/// One row of `vocabulary.tsv`.
struct Entry<'a> {
    provider: Provider,
    field: &'a str,
    value: &'a str,
    canonical: &'a str,
    disposition: &'a str,
}

/// The error made of the vocabulary row `provider field value` (as a
/// table row's evidence names it).
pub(super) fn documented(row: &str) -> Option<UpstreamError> {
    let mut words = row.split(' ');
    let (provider, field, value) = (words.next()?, words.next()?, words.next()?);
    entries()
        .iter()
        .find(|entry| (entry.provider.name(), entry.field, entry.value) == (provider, field, value))
        .map(error_of)
}

fn entries() -> Vec<Entry<'static>> {
    include_str!("vocabulary.tsv")
        .lines()
        .skip(1)
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            let [provider, field, value, canonical, disposition, source, ..] = columns[..] else {
                panic!("a row of 7 columns: {line}");
            };
            assert!(source.starts_with("https://"), "{value}: a source");
            Entry {
                provider: provider.parse().expect("a provider"),
                field,
                value,
                canonical,
                disposition,
            }
        })
        .collect()
}

/// A body that says nothing but `entry`'s value, in the field it names,
/// and the status it comes with.
fn error_of(entry: &Entry<'_>) -> UpstreamError {
    let value = serde_json::Value::from(entry.value);
    let number = entry.value.parse::<u64>().map(serde_json::Value::from);
    let (status, body) = match entry.field {
        "code" => (400, serde_json::json!({"error": {"code": value}})),
        "type" => (400, serde_json::json!({"error": {"type": value}})),
        "status" => (400, serde_json::json!({"error": {"status": value}})),
        "reason" => (
            400,
            serde_json::json!({"error": {"details": [{"reason": value}]}}),
        ),
        "exception" => (400, serde_json::json!({"message": ""})),
        "numeric" => {
            let number = number.expect("a number");
            let status = entry
                .value
                .parse()
                .ok()
                .filter(|status| (400..600).contains(status));
            (
                status.unwrap_or(400),
                serde_json::json!({"error": {"code": number}}),
            )
        }
        "http" => (
            entry.value.parse().expect("a status"),
            serde_json::json!({"error": {}}),
        ),
        field => panic!("unknown field {field}"),
    };
    let mut headers = http::HeaderMap::new();
    if entry.field == "exception" {
        headers.insert(
            "x-amzn-errortype",
            entry.value.parse().expect("a header value"),
        );
    }
    let body = serde_json::to_vec(&body).expect("JSON");
    UpstreamError::from_response(entry.provider, status, &headers, &body)
}

fn disposition_name(disposition: Disposition) -> &'static str {
    match disposition {
        Disposition::RetrySame { .. } => "RetrySame",
        Disposition::TryAnotherProvider => "TryAnotherProvider",
        Disposition::TryLargerContext => "TryLargerContext",
        Disposition::ReturnToClient => "ReturnToClient",
    }
}

#[test]
fn every_documented_value_is_mapped_as_the_vocabulary_says() {
    let entries = entries();
    assert!(entries.len() >= 400, "{} rows", entries.len());
    let mut wrong = Vec::new();
    for entry in &entries {
        let error = error_of(entry);
        let got = (
            error.canonical().code(),
            disposition_name(error.disposition()),
        );
        if got != (entry.canonical, entry.disposition) {
            wrong.push(format!(
                "{} {} {}: {} {}, not {got:?}",
                entry.provider, entry.field, entry.value, entry.canonical, entry.disposition
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} rows:\n{}",
        wrong.len(),
        entries.len(),
        wrong.join("\n")
    );
}
