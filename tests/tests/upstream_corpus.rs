//! Runs every case of the upstream corpus (`tests/upstream-corpus/*.json`:
//! real provider error responses and stream events, each with its source)
//! through `UpstreamError` and checks the canonical code, the provider's
//! code, the parameter and the retry delay the case expects, and the
//! message policy: what the client reads.

use api_error_codes::upstream::UpstreamError;
use api_error_codes::{ApiError, Format};
use error_codes_tests::upstream_corpus::{corpus, Case, Kind};

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
    for case in &cases {
        assert!(!case.source.is_empty(), "{}: a source", case.name);
        let expected = Outcome {
            canonical: case.expect.canonical.clone(),
            upstream_code: case.expect.upstream_code.clone(),
            param: case.expect.param.clone(),
            retry_after_ms: case.expect.retry_after_ms,
        };
        let got = outcome(case.run().as_ref());
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

/// The gateway's secrets in corpus bodies (the cases whose notes say so):
/// none may reach the client's body, headers or stream event.
const SECRETS: &[(&str, &[&str])] = &[
    (
        "bedrock-access-denied-explicit-deny-capital-message",
        &["0482xxxxxxxx", "mcp-tenantOperator", "arn:aws"],
    ),
    ("deepseek-authentication-fails-masked-key", &["****eek}"]),
    (
        "groq-rate-limit-tpm-org-try-again-fractional-seconds",
        &["org_01hrsvc1b8ey0anvbgha0xckf2"],
    ),
    ("openai-invalid-api-key-redacted-sk", &["sk-VKMIs", "wjh3"]),
    (
        "openai-rate-limit-tpm-org-try-again-seconds",
        &["org-uVqpjtJiKqvVJMVfvpaounIh"],
    ),
    (
        "openai-request-too-large-for-tpm",
        &["org-78asdf87asdf9aaa8976"],
    ),
    (
        "openrouter-400-not-a-valid-model-id-user-id",
        &["user_39yvGR6gBlXf8o3DGgqb1NeHs5u"],
    ),
    (
        "vertex-404-publisher-model-not-found",
        &["248190060486", "projects/"],
    ),
    (
        "vertex-403-permission-denied-iam",
        &["rhel-lightspeed", "projects/"],
    ),
];

/// Everything the client receives for an error: both formats' response
/// (status line aside: headers and body) and stream event.
fn client_view(error: &UpstreamError) -> String {
    let mut seen = String::new();
    for &format in Format::ALL {
        let response = error.to_http_response(format);
        for (name, value) in response.headers() {
            seen.push_str(&format!("{name}: {}\n", value.to_str().unwrap_or("?")));
        }
        seen.push_str(&String::from_utf8_lossy(response.body()));
        seen.push_str(&String::from_utf8_lossy(&error.to_sse_event(format)));
    }
    seen
}

#[test]
fn no_secret_reaches_the_client() {
    let cases = corpus();
    for (name, secrets) in SECRETS {
        let case = cases
            .iter()
            .find(|case| case.name == *name)
            .unwrap_or_else(|| panic!("{name}: not in the corpus"));
        let error = case.run().expect("an error");
        let seen = client_view(&error);
        for secret in *secrets {
            assert!(
                error.upstream_message().contains(secret)
                    || case.body.as_deref().unwrap_or("").contains(secret),
                "{name}: {secret:?} is not in the upstream body, so the check proves nothing"
            );
            assert!(
                !seen.contains(secret),
                "{name}: {secret:?} reaches the client:\n{seen}"
            );
        }
    }
}

/// The gateway's own failures: the client reads the catalogue's
/// description, never the provider's text.
fn gateway_failure(code: &str) -> bool {
    matches!(
        code,
        "upstream_error" | "rate_limit_exceeded" | "model_unavailable" | "upstream_timeout"
    )
}

/// The numbers of a message outside links and paths: token counts, limits,
/// sizes, what a client needs to fix its request.
fn numbers(message: &str) -> Vec<&str> {
    message
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|word| {
            !word.is_empty() && word.len() < 10 && word.bytes().all(|b| b.is_ascii_digit())
        })
        .collect()
}

/// Whether the case's body (or event) is JSON: a provider's explanation
/// the client may read. A plain-text or HTML page is never shown.
fn json_body(case: &Case) -> bool {
    match case.kind {
        Kind::Sse => true,
        Kind::Response => case
            .body
            .as_deref()
            .is_some_and(|body| serde_json::from_str::<serde_json::Value>(body).is_ok()),
    }
}

#[test]
fn the_message_policy_holds_for_every_case() {
    let mut checked = [0, 0];
    for case in corpus() {
        let Some(error) = case.run() else { continue };
        let description = error.canonical().description();
        let message = error.message();
        if gateway_failure(error.code()) {
            assert_eq!(
                message, description,
                "{}: the catalogue's description",
                case.name
            );
            assert_eq!(error.param(), None, "{}: no parameter", case.name);
            checked[0] += 1;
        } else if json_body(&case) && !error.upstream_message().trim().is_empty() {
            assert_ne!(
                message, description,
                "{}: the provider's explanation",
                case.name
            );
            for number in numbers(error.upstream_message()) {
                assert!(
                    message.contains(number),
                    "{}: {number} is lost from {message:?}",
                    case.name
                );
            }
            checked[1] += 1;
        }
    }
    assert!(
        checked[0] >= 40 && checked[1] >= 40,
        "both halves checked: {checked:?}"
    );
}

#[test]
fn what_to_fix_reaches_the_client_verbatim() {
    let cases = corpus();
    let verbatim = [
        "anthropic-prompt-too-long",
        "anthropic-max-tokens-over-model-limit",
        "openai-context-length-exceeded-messages",
    ];
    for name in verbatim {
        let case = cases.iter().find(|case| case.name == name).expect(name);
        let error = case.run().expect("an error");
        let body: serde_json::Value =
            serde_json::from_slice(&error.to_body(Format::OpenAi)).expect("JSON");
        assert_eq!(body["error"]["message"], error.upstream_message(), "{name}");
        assert_eq!(body["error"]["provider"], case.provider, "{name}");
        assert_eq!(
            body["error"]["param"].as_str(),
            case.expect.param.as_deref(),
            "{name}"
        );
    }
}

#[test]
fn the_corpus_covers_every_provider_streams_and_broken_bodies() {
    let cases = corpus();
    assert!(cases.len() >= 80, "{} cases", cases.len());
    for provider in api_error_codes::upstream::Provider::ALL {
        assert!(
            cases.iter().any(|case| case.provider == provider.name()),
            "{provider}: no case"
        );
    }
    let events = cases.iter().filter(|case| case.kind == Kind::Sse);
    assert!(events.clone().any(|case| case.expect.canonical.is_some()));
    assert!(events.clone().any(|case| case.expect.canonical.is_none()));
    let not_json = cases
        .iter()
        .filter(|case| case.kind == Kind::Response && !json_body(case))
        .count();
    assert!(not_json >= 5, "{not_json} responses whose body is not JSON");
    let mut names: Vec<&str> = cases.iter().map(|case| case.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "case names are unique");
}
