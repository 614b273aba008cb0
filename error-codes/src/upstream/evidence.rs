//! Tests that every row of the translation table is evidenced by a real
//! body or a documented value: the corpus case (or the `vocabulary.tsv`
//! row) the row names exists and is decided by that row.

use super::classifier::Verdict;
use super::table::TABLE;
use super::{Provider, UpstreamError};
use serde_json::Value;
use std::path::Path;

/// Every corpus case, as (name, what `UpstreamError` makes of it); a
/// held-out case's name starts with `held-out: ` (a row it evidences was
/// written after the held-out side was first measured).
fn corpus() -> Vec<(String, Option<UpstreamError>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/upstream-corpus");
    let mut cases = Vec::new();
    for (side, prefix) in [("", ""), ("held-out/", "held-out: ")] {
        cases.extend(side_cases(&dir.join(side), prefix));
    }
    cases
}

fn side_cases(dir: &Path, prefix: &str) -> Vec<(String, Option<UpstreamError>)> {
    let mut cases = Vec::new();
    for provider in Provider::ALL {
        let file = dir.join(format!("{}.json", provider.name()));
        let text = std::fs::read_to_string(&file).expect("a corpus file per provider");
        let Value::Array(file_cases) = serde_json::from_str(&text).expect("a JSON array") else {
            panic!("{}: not an array", file.display());
        };
        for case in file_cases {
            let name = format!("{prefix}{}", case["name"].as_str().expect("a name"));
            let error = match case["kind"].as_str() {
                Some("sse") => {
                    let event = case["event"].as_str().expect("an event");
                    UpstreamError::from_sse_event(provider, event.as_bytes())
                }
                _ => {
                    let mut headers = http::HeaderMap::new();
                    for (key, value) in case["headers"].as_object().into_iter().flatten() {
                        let name = http::HeaderName::from_bytes(key.as_bytes()).expect("a name");
                        let value = value.as_str().expect("text").parse().expect("a value");
                        headers.append(name, value);
                    }
                    // A non-UTF-8 body (`body_base64`) is covered by the
                    // integration test; here it reads as empty.
                    let body = case["body"].as_str().unwrap_or("");
                    let status = case["status"].as_u64().expect("a status") as u16;
                    Some(UpstreamError::from_response(
                        provider,
                        status,
                        &headers,
                        body.as_bytes(),
                    ))
                }
            };
            cases.push((name, error));
        }
    }
    cases
}

#[test]
fn every_row_decides_the_case_it_names() {
    let cases = corpus();
    let mut wrong = Vec::new();
    for (index, row) in TABLE.iter().enumerate() {
        let error = match row.case.strip_prefix("vocabulary: ") {
            Some(documented) => super::vocabulary::documented(documented),
            None => cases
                .iter()
                .find(|(name, _)| name == row.case)
                .map(|(_, error)| error.clone().expect("an error, not a normal event")),
        };
        let Some(error) = error else {
            wrong.push(format!(
                "row {index} names {:?}, which is nowhere",
                row.case
            ));
            continue;
        };
        let Some(Verdict::Row(decided)) = error.decided_by() else {
            panic!("{}: decided by the table", row.case);
        };
        if (decided, error.canonical()) != (index, row.canonical) {
            let when = |index: usize| {
                let when = format!("{:?}", TABLE[index].when);
                when.chars().take(60).collect::<String>()
            };
            wrong.push(format!(
                "row {index} ({}): its case {:?} is decided by row {decided} ({})",
                when(index),
                row.case,
                when(decided),
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
