//! Runs every case of the upstream corpus (`tests/upstream-corpus/*.json`:
//! real provider error responses and stream events, each with its source)
//! through `UpstreamError` and checks the canonical code, the provider's
//! code, the parameter and the retry delay the case expects, and the
//! message policy: what the client reads.

use api_error_codes::upstream::{Disposition, UpstreamError};
use api_error_codes::{ApiError, ErrorCode, Format};
use error_codes_tests::upstream_corpus::{corpus, every_case, held_out, Case, Kind, SECRETS};
use std::time::Duration;

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
        // The client reads no parameter for a failure of the gateway's own
        // (the message policy), even where the provider named one (an
        // organization that must be verified to use `stream`).
        let gateway = case
            .expect
            .canonical
            .as_deref()
            .is_some_and(gateway_failure);
        let expected = Outcome {
            canonical: case.expect.canonical.clone(),
            upstream_code: case.expect.upstream_code.clone(),
            param: case.expect.param.clone().filter(|_| !gateway),
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

/// Everything the client receives for an error: every format's response
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
    let mut checked = 0;
    for case in every_case() {
        let listed = SECRETS.iter().find(|(name, _)| *name == case.name);
        let secrets = case.expect.redact.iter().map(String::as_str);
        let secrets: Vec<&str> = secrets
            .chain(listed.into_iter().flat_map(|(_, s)| s.iter().copied()))
            .collect();
        if secrets.is_empty() {
            continue;
        }
        let error = case.run().expect("an error");
        let seen = client_view(&error);
        let sent = String::from_utf8_lossy(&case.bytes()).into_owned();
        for secret in secrets {
            assert!(
                sent.contains(secret) || case.headers.values().any(|value| value.contains(secret)),
                "{}: {secret:?} is not in what the upstream sent, so the check proves nothing",
                case.name
            );
            assert!(
                !seen.contains(secret),
                "{}: {secret:?} reaches the client:\n{seen}",
                case.name
            );
            checked += 1;
        }
    }
    assert!(checked >= 40, "{checked} secrets checked");
}

#[test]
fn what_the_client_needs_is_kept() {
    let (mut checked, mut lost) = (0, Vec::new());
    for case in every_case() {
        if case.expect.keep.is_empty() {
            continue;
        }
        let error = case.run().expect("an error");
        let message = error.message();
        let param = error.param().unwrap_or_default();
        for kept in &case.expect.keep {
            if !message.contains(kept.as_str()) && !param.contains(kept.as_str()) {
                lost.push(format!(
                    "{}: {kept:?} is not in {message:?} (param {param:?})",
                    case.name
                ));
            }
            checked += 1;
        }
    }
    assert!(
        lost.is_empty(),
        "{} of {checked} lost:\n{}",
        lost.len(),
        lost.join("\n")
    );
    assert!(checked >= 40, "{checked} kept spans checked");
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

/// How the table generalizes: the share of held-out cases
/// (`upstream-corpus/held-out/`, split from the training side by a hash of
/// each case's source; the table was written from the training side only)
/// whose canonical code it gets right, per provider. Prints counts only,
/// never a case (`--nocapture` shows them); fails below the floor.
#[test]
fn held_out_accuracy() {
    let mut per_provider = std::collections::BTreeMap::<String, (usize, usize)>::new();
    for case in held_out() {
        let got = case.run().map(|error| error.canonical().code().to_owned());
        if std::env::var_os("SHOW_HELD_OUT_FAILURES").is_some() && got != case.expect.canonical {
            println!(
                "{}: expected {:?}, got {got:?}",
                case.name, case.expect.canonical
            );
        }
        let counts = per_provider.entry(case.provider.clone()).or_default();
        counts.0 += usize::from(got == case.expect.canonical);
        counts.1 += 1;
    }
    let (right, all) = per_provider.values().fold((0, 0), |(right, all), counts| {
        (right + counts.0, all + counts.1)
    });
    for (provider, (right, all)) in &per_provider {
        println!("{provider}: {right}/{all}");
    }
    println!("all: {right}/{all}");
    assert!(all >= 70, "{all} held-out cases");
    assert!(
        right * 100 >= all * HELD_OUT_FLOOR,
        "{right}/{all} below {HELD_OUT_FLOOR}%"
    );
}

/// The held-out accuracy (in percent) below which the table has regressed.
const HELD_OUT_FLOOR: usize = 90;

/// Each disposition with real cases of its own, and every case of the
/// corpus consistent with its code: the gateway's own account (the
/// `own-account` cases, and any 401, 402, 403 answer that is not
/// moderation) is another provider's to try; the context window a larger
/// one's; a retryable code is retried; what the client can fix returns to
/// it.
#[test]
fn each_disposition_has_its_cases() {
    let cases = every_case();
    let of = |name: &str| {
        let case = cases.iter().find(|case| case.name == name).expect(name);
        case.run().expect("an error").disposition()
    };
    let retry = |millis: u64| Disposition::RetrySame {
        after: Some(Duration::from_millis(millis)),
    };
    let expected = [
        ("openai-rate-limit-tpm-org-try-again-seconds", retry(9_816)),
        (
            "anthropic-overloaded-529",
            Disposition::RetrySame { after: None },
        ),
        (
            "gemini-500-internal",
            Disposition::RetrySame { after: None },
        ),
        ("openai-insufficient-quota", Disposition::TryAnotherProvider),
        (
            "anthropic-400-organization-disabled",
            Disposition::TryAnotherProvider,
        ),
        (
            "openai-403-project-no-access-model-repr",
            Disposition::TryAnotherProvider,
        ),
        (
            "bedrock-converse-400-model-doesnt-support-on-demand",
            Disposition::TryAnotherProvider,
        ),
        ("anthropic-prompt-too-long", Disposition::TryLargerContext),
        (
            "openai-responses-stream-error-nested-context-window",
            Disposition::TryLargerContext,
        ),
        (
            "openrouter-403-moderation-flagged-harassment",
            Disposition::ReturnToClient,
        ),
        (
            "openai-unrecognized-request-argument",
            Disposition::ReturnToClient,
        ),
        (
            "bedrock-converse-tool-use-not-supported",
            Disposition::ReturnToClient,
        ),
    ];
    for (name, disposition) in expected {
        assert_eq!(of(name), disposition, "{name}");
    }
    for case in &cases {
        let Some(error) = case.run() else { continue };
        let disposition = error.disposition();
        let own = case.class.as_deref() == Some("own-account")
            || (matches!(case.status, Some(401..=403))
                && error.canonical() != ErrorCode::ContentFiltered);
        let consistent = match disposition {
            _ if own => disposition == Disposition::TryAnotherProvider,
            Disposition::TryLargerContext => error.canonical() == ErrorCode::ContextLengthExceeded,
            Disposition::RetrySame { after } => {
                error.is_retryable() && after == error.retry_after()
            }
            Disposition::TryAnotherProvider => {
                error.canonical() != ErrorCode::ContextLengthExceeded
            }
            _ => !error.is_retryable(),
        };
        assert!(
            consistent,
            "{}: {disposition:?} for {}",
            case.name,
            error.code()
        );
    }
}
