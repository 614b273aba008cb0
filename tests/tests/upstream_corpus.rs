//! Runs every case of the upstream corpus (`tests/upstream-corpus/*.json`:
//! real provider error responses and stream events, each with its source)
//! through `UpstreamError` and checks the canonical code, the provider's
//! code, the parameter and the retry delay the case expects, and the
//! message policy: what the client reads.

use base64::Engine as _;
use error_codes::upstream::{Provider, UpstreamError};
use error_codes::{ApiError, Format};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    provider: String,
    kind: Kind,
    status: Option<u16>,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    body: Option<String>,
    body_base64: Option<String>,
    event: Option<String>,
    expect: Expect,
    source: String,
    note: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Response,
    Sse,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    canonical: Option<String>,
    upstream_code: Option<String>,
    param: Option<String>,
    retry_after_ms: Option<u64>,
}

/// Every case of every corpus file, with the file it came from.
fn corpus() -> Vec<(String, Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("upstream-corpus");
    let mut cases = Vec::new();
    for provider in Provider::ALL {
        let file = dir.join(format!("{}.json", provider.name()));
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|error| panic!("{}: {error}", file.display()));
        let file_cases: Vec<Case> = serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("{}: {error}", file.display()));
        for case in file_cases {
            cases.push((provider.name().to_owned(), case));
        }
    }
    cases
}

/// What the case yields: `None` for an SSE event that is not an error.
fn run(case: &Case) -> Option<UpstreamError> {
    let provider: Provider = case.provider.parse().expect("a known provider");
    match case.kind {
        Kind::Response => {
            let mut headers = http::HeaderMap::new();
            for (name, value) in &case.headers {
                let name = http::HeaderName::from_bytes(name.as_bytes()).expect("a header name");
                headers.append(name, value.parse().expect("a header value"));
            }
            let body = match (&case.body, &case.body_base64) {
                (Some(body), None) => body.clone().into_bytes(),
                (None, Some(encoded)) => base64::engine::general_purpose::STANDARD
                    .decode(encoded)
                    .expect("valid base64"),
                _ => panic!("{}: exactly one of body and body_base64", case.name),
            };
            let status = case.status.expect("a response case has a status");
            Some(UpstreamError::from_response(
                provider, status, &headers, &body,
            ))
        }
        Kind::Sse => {
            let event = case.event.as_deref().expect("an sse case has an event");
            UpstreamError::from_sse_event(provider, event.as_bytes())
        }
    }
}

/// What a case got, in the corpus's terms, for one comparison.
#[derive(Debug, PartialEq)]
struct Outcome {
    canonical: Option<String>,
    upstream_code: Option<String>,
    param: Option<String>,
    retry_after_ms: Option<u64>,
}

fn outcome(error: Option<&UpstreamError>) -> Outcome {
    Outcome {
        canonical: error.map(|error| error.canonical().code().to_owned()),
        upstream_code: error.and_then(|error| error.upstream_code().map(str::to_owned)),
        param: error.and_then(|error| error.param().map(|param| param.into_owned())),
        // The delay as the client reads it: the rendered response's
        // `retry-after-ms` (rounded up to the millisecond).
        retry_after_ms: error.and_then(|error| {
            let response = error.to_http_response(Format::OpenAi);
            let millis = response.headers().get("retry-after-ms")?;
            Some(millis.to_str().ok()?.parse().expect("whole milliseconds"))
        }),
    }
}

#[test]
fn every_case_translates_as_expected() {
    let mut failures = Vec::new();
    let cases = corpus();
    for (file, case) in &cases {
        assert_eq!(&case.provider, file, "{}: provider of its file", case.name);
        assert!(!case.source.is_empty(), "{}: a source", case.name);
        let expected = Outcome {
            canonical: case.expect.canonical.clone(),
            upstream_code: case.expect.upstream_code.clone(),
            param: case.expect.param.clone(),
            retry_after_ms: case.expect.retry_after_ms,
        };
        let got = outcome(run(case).as_ref());
        if got != expected {
            failures.push(format!(
                "{}:\n    expected {expected:?}\n    got      {got:?}",
                case.name
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
