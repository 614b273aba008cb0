//! A bounded fuzz run of `UpstreamError::from_response` and
//! `UpstreamError::from_sse_event` that works on stable, in the normal
//! test suite (the cargo-fuzz target `fuzz/fuzz_targets/upstream_parse.rs`
//! runs the same functions unbounded on nightly).
//!
//! The inputs are the corpus's real bodies and events, truncated at every
//! length and mutated (bytes flipped, inserted, deleted; spans spliced from
//! another case; nesting added), plus arbitrary bytes. Beyond "no panic",
//! every outcome must hold the crate's promises: the canonical code's
//! status and retry policy, the provider named in the body that parses
//! back, the catalogue's description for the gateway's own failures,
//! messages within `MESSAGE_CAP`, a `Display` of one line.

use api_error_codes::upstream::{UpstreamError, MESSAGE_CAP};
use api_error_codes::{ApiError, Format, ReceivedError};
use error_codes_tests::upstream_corpus::{every_case, Case, Kind};
use proptest::prelude::*;
use std::sync::OnceLock;

fn cases() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(every_case)
}

/// The promises every translation keeps, whatever the input.
fn check(case: &Case, error: &UpstreamError) {
    let canonical = error.canonical();
    assert_eq!(error.code(), canonical.code());
    assert_eq!(error.status(), canonical.status());
    assert_eq!(error.is_retryable(), canonical.is_retryable());
    assert_eq!(
        error.provider().map(|p| p.name()),
        Some(case.provider.as_str())
    );
    if case.kind == Kind::Response {
        assert_eq!(Some(error.upstream_status()), case.status);
    }
    if matches!(
        canonical.code(),
        "upstream_error" | "rate_limit_exceeded" | "model_unavailable" | "upstream_timeout"
    ) {
        assert_eq!(error.message(), canonical.description());
    }
    assert!(error.upstream_message().len() <= MESSAGE_CAP);
    assert!(error.message().len() <= MESSAGE_CAP);
    assert!(!error.to_string().contains(['\n', '\r']), "{error}");
    if let Some(delay) = error.retry_after() {
        assert!(delay.as_secs() <= 24 * 60 * 60, "{delay:?}");
    }
    for &format in Format::ALL {
        let response = error.to_http_response(format);
        assert_eq!(response.status().as_u16(), canonical.status());
        let received = ReceivedError::parse(response.status().as_u16(), response.body())
            .expect("the rendered body parses back");
        if format == Format::Problem {
            let problem_type =
                api_error_codes::ProblemTypes::installed().type_uri(canonical.code());
            assert_eq!(received.problem_type(), Some(problem_type.as_str()));
        } else {
            assert_eq!(
                received.error_type(),
                Some(canonical.info().error_type(format))
            );
        }
        assert_eq!(received.message(), error.message());
        if format == Format::OpenAi {
            assert_eq!(received.code(), Some(canonical.code()));
            assert_eq!(received.provider(), Some(case.provider.as_str()));
        }
    }
}

fn run(case: &Case, bytes: &[u8]) {
    if let Some(error) = case.run_with(bytes) {
        check(case, &error);
    } else {
        assert_eq!(case.kind, Kind::Sse, "a response always gives an error");
    }
}

#[test]
fn every_truncation_of_every_case_is_translated() {
    for case in cases() {
        let bytes = case.bytes();
        for end in 0..=bytes.len() {
            run(case, &bytes[..end]);
        }
    }
}

/// One edit of a body.
#[derive(Clone, Debug)]
enum Edit {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    /// A span of another case spliced in.
    Splice(usize, usize, usize, usize),
    /// The body wrapped in `n` arrays or objects.
    Nest(usize, bool),
}

fn edit() -> impl Strategy<Value = Edit> {
    let tokens = prop::sample::select(vec![
        &b"{"[..],
        b"}",
        b"[",
        b"]",
        b"\"",
        b"\\",
        b",",
        b":",
        b"null",
        b"\"error\"",
        b"\"message\"",
        b"\"code\"",
        b"\"status\"",
        b"\"details\"",
        b"429",
        b"\xff",
        b"\n\n",
        b"data: ",
        b"event: error\n",
        b"\xe2\x80",
    ])
    .prop_map(<[u8]>::to_vec);
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::Flip(at, byte)),
        (
            any::<usize>(),
            prop_oneof![tokens, prop::collection::vec(any::<u8>(), 1..8)]
        )
            .prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<usize>(), 1..64usize).prop_map(|(at, len)| Edit::Delete(at, len)),
        (any::<usize>(), any::<usize>(), any::<usize>(), 1..256usize)
            .prop_map(|(at, other, from, len)| Edit::Splice(at, other, from, len)),
        (0..2000usize, any::<bool>()).prop_map(|(depth, array)| Edit::Nest(depth, array)),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let at = |index: usize, len: usize| if len == 0 { 0 } else { index % (len + 1) };
    match edit {
        Edit::Flip(index, byte) => {
            if !bytes.is_empty() {
                let index = index % bytes.len();
                bytes[index] ^= byte | 1;
            }
        }
        Edit::Insert(index, inserted) => {
            let index = at(*index, bytes.len());
            bytes.splice(index..index, inserted.iter().copied());
        }
        Edit::Delete(index, len) => {
            let start = at(*index, bytes.len());
            let end = (start + len).min(bytes.len());
            bytes.drain(start..end);
        }
        Edit::Splice(index, other, from, len) => {
            let donor = cases()[other % cases().len()].bytes();
            let from = at(*from, donor.len());
            let span = &donor[from..(from + len).min(donor.len())];
            let index = at(*index, bytes.len());
            bytes.splice(index..index, span.iter().copied());
        }
        Edit::Nest(depth, array) => {
            let (open, close) = if *array {
                (&b"["[..], &b"]"[..])
            } else {
                (&b"{\"error\":"[..], &b"}"[..])
            };
            let mut nested = open.repeat(*depth);
            nested.append(bytes);
            nested.extend(close.repeat(*depth));
            *bytes = nested;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_cases_are_translated(index in any::<usize>(), edits in prop::collection::vec(edit(), 1..6)) {
        let case = &cases()[index % cases().len()];
        let mut bytes = case.bytes();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        run(case, &bytes);
    }

    #[test]
    fn arbitrary_bytes_are_translated(index in any::<usize>(), bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        run(&cases()[index % cases().len()], &bytes);
    }
}

/// The stream relay's contract: an error event cut short anywhere after
/// its event line is an error (`upstream_error` when nothing more can be
/// read), never a normal event; so is a normal event whose data is cut
/// short, but for the one cut the scan before any parse cannot see: right
/// after an inner closing bracket, with the quotes paired. Those must stay
/// a small share of all cuts.
#[test]
fn cut_stream_events_are_errors() {
    let (mut checked, mut unseen) = (0, 0);
    for case in every_case().iter().filter(|case| case.kind == Kind::Sse) {
        let event = case.bytes();
        let Some(data) = event.windows(5).position(|window| window == b"data:") else {
            continue;
        };
        let named = case.expect.canonical.is_some() && event.starts_with(b"event:");
        let body = &event[data + 5..];
        for end in 1..body.trim_ascii_end().len() {
            let cut = [&event[..data + 5], &body[..end], b"\n\n"].concat();
            let data = String::from_utf8_lossy(&body[..end]);
            let data = data.trim();
            let json = serde_json::from_str::<serde_json::Value>(data).is_ok();
            if (named || !json) && !data.is_empty() && data != "[DONE]" {
                checked += 1;
                if case.run_with(&cut).is_some() {
                    continue;
                }
                let closed = matches!(data.as_bytes()[data.len() - 1], b'}' | b']');
                let quotes = data.matches('"').count() - data.matches("\\\"").count();
                assert!(
                    !named && closed && quotes % 2 == 0,
                    "{}: {:?}",
                    case.name,
                    String::from_utf8_lossy(&cut)
                );
                unseen += 1;
            }
        }
    }
    assert!(checked >= 1000, "{checked} cut events");
    println!("{unseen} of {checked} cuts pass as normal events");
    assert!(
        unseen * 50 <= checked,
        "{unseen} of {checked} cuts pass as normal events"
    );
}
