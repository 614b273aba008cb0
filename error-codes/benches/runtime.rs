//! The runtime benchmarks of issue #5, each side by side with its peer in
//! one run (`cargo bench -p api-error-codes --bench runtime`):
//!
//! - `ErrorCode::from_code` against `strum`'s `EnumString` (`FromStr`) on an
//!   equivalent 57-variant enum, for every code and for unknown strings;
//! - `to_body` in the three formats (OpenAI, Anthropic, problem details)
//!   against `serde_json::to_vec` of equivalent `#[derive(Serialize)]`
//!   structs that produce the same bytes;
//! - what `to_http_response` and `to_sse_event` cost.
//!
//! Every pair is checked for equal results before anything is measured, so
//! a faster number can never come from doing less work.

use api_error_codes::{ApiError, ErrorCode, Format};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::str::FromStr;
use std::time::Duration;

/// The peer: the same 57 variants, parsed by `strum`'s `EnumString`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
enum StrumCode {
    BatchOnly,
    BudgetExhausted,
    ByokKeysRequired,
    ClientDisconnected,
    ContentFiltered,
    ContextLengthExceeded,
    CostConstraintExceeded,
    DuplicateResource,
    ExpiredApiKey,
    FeatureDisabled,
    FieldImmutable,
    HostedToolNotSupported,
    IdempotencyConflict,
    InsufficientPermissions,
    InsufficientQuota,
    InternalError,
    InvalidApiKey,
    InvalidParameterValue,
    InvalidRecoveryCode,
    InvalidRequest,
    JsonModeNotSupported,
    LatencyConstraintExceeded,
    MethodNotAllowed,
    MfaRequired,
    MfaVerificationFailed,
    MissingRequiredParameter,
    ModelNotFound,
    ModelUnavailable,
    NoCompatibleEndpoint,
    NoProviderAvailable,
    NoResponsesEndpoint,
    NonStreamingNotSupported,
    OperationNotAllowed,
    PayloadTooLarge,
    PlatformKeysUnavailable,
    ProviderBlocked,
    ProviderNotInAllowlist,
    RateLimitExceeded,
    ReasoningNotSupported,
    RequiredParamsNotSupported,
    ResourceNotFound,
    ResponseApiOnly,
    ServiceUnavailable,
    StatePreconditionFailed,
    StreamingNotSupported,
    StructuredOutputNotSupported,
    ThinkingDisableNotSupported,
    ThroughputConstraintNotMet,
    TierOptInRequired,
    ToolChoiceRequiredNotSupported,
    ToolsNotSupported,
    ToolsWithStructuredOutputNotSupported,
    UnknownField,
    UnsupportedModalities,
    UpstreamError,
    UpstreamTimeout,
    VisionNotSupported,
}

#[path = "runtime/serde_peer.rs"]
mod serde_peer;

use serde_peer::{serde_anthropic, serde_openai, serde_problem};

/// A user error whose message is formatted at run time, with a `param`:
/// the path a canonical code with its static message does not take.
#[derive(Debug, ApiError)]
enum UserError {
    #[api_error(
        code = "context_length_exceeded",
        message = "prompt has {used} tokens; the model allows {max}",
        param = "messages"
    )]
    TooLong { used: u32, max: u32 },
}

/// Strings that are no code: near misses (last byte changed, one byte
/// short, one byte long), wrong case, empty, whitespace, and long.
fn unknown_inputs() -> Vec<String> {
    let mut inputs = Vec::new();
    for code in ErrorCode::ALL {
        let code = code.code();
        let mut last_changed = code.to_owned();
        last_changed.pop();
        last_changed.push('x');
        inputs.push(last_changed);
        inputs.push(code[..code.len() - 1].to_owned());
        inputs.push(format!("{code}s"));
        inputs.push(code.to_ascii_uppercase());
    }
    inputs.push(String::new());
    inputs.push(" rate_limit_exceeded".to_owned());
    inputs.push("Rate_Limit_Exceeded".to_owned());
    inputs.push("rate_limit_exceeded".repeat(200));
    inputs
}

/// Fails loudly if ours and the peer ever disagree: every code maps to the
/// same variant, every unknown string is rejected by both.
fn assert_parsers_agree(unknown: &[String]) {
    for code in ErrorCode::ALL {
        let ours = ErrorCode::from_code(code.code()).expect("every code parses");
        let theirs = StrumCode::from_str(code.code()).expect("strum parses every code");
        assert_eq!(
            format!("{ours:?}"),
            format!("{theirs:?}"),
            "{}",
            code.code()
        );
    }
    for input in unknown {
        assert_eq!(ErrorCode::from_code(input), None, "{input:?}");
        assert!(StrumCode::from_str(input).is_err(), "{input:?}");
    }
}

/// `count` draws from `pool` in a fixed pseudo-random order (xorshift), the
/// same on every run.
fn pseudo_random_draws<'a>(pool: &[&'a str], count: usize) -> Vec<&'a str> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    (0..count)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            pool[(state % pool.len() as u64) as usize]
        })
        .collect()
}

fn from_code(c: &mut Criterion) {
    let known: Vec<&str> = ErrorCode::ALL.iter().map(ApiError::code).collect();
    let unknown = unknown_inputs();
    assert_parsers_agree(&unknown);
    let unknown: Vec<&str> = unknown.iter().map(String::as_str).collect();

    // The same codes drawn in a fixed pseudo-random order, so the branch
    // predictor cannot learn the 57-step cycle of the table order; and the
    // codes together with the unknown strings, drawn the same way.
    let shuffled = pseudo_random_draws(&known, 4096);
    let everything: Vec<&str> = known.iter().chain(&unknown).copied().collect();
    let mixed = pseudo_random_draws(&everything, 4096);

    for (name, inputs) in [
        ("known_57", &known),
        ("known_random_order", &shuffled),
        ("unknown", &unknown),
        ("known_and_unknown_random_order", &mixed),
    ] {
        let mut group = c.benchmark_group(format!("from_code/{name}"));
        group.throughput(Throughput::Elements(inputs.len() as u64));
        group.bench_function("api_error_codes", |b| {
            b.iter(|| {
                for input in inputs {
                    black_box(ErrorCode::from_code(black_box(input)));
                }
            })
        });
        group.bench_function("strum", |b| {
            b.iter(|| {
                for input in inputs {
                    black_box(StrumCode::from_str(black_box(input)).ok());
                }
            })
        });
        group.finish();
    }
}

fn bodies(c: &mut Criterion) {
    let too_long = UserError::TooLong {
        used: 131_072,
        max: 128_000,
    };
    // Same bytes first, for every code and both formats.
    for code in ErrorCode::ALL {
        assert_eq!(code.to_body(Format::OpenAi), serde_openai(code));
        assert_eq!(code.to_body(Format::Anthropic), serde_anthropic(code));
        assert_eq!(code.to_body(Format::Problem), serde_problem(code));
    }
    assert_eq!(too_long.to_body(Format::Problem), serde_problem(&too_long));
    assert_eq!(too_long.to_body(Format::OpenAi), serde_openai(&too_long));
    assert_eq!(
        too_long.to_body(Format::Anthropic),
        serde_anthropic(&too_long)
    );

    type Peer = fn(&ErrorCode) -> Vec<u8>;
    let formats: [(&str, Format, Peer); 3] = [
        ("openai", Format::OpenAi, serde_openai::<ErrorCode>),
        ("anthropic", Format::Anthropic, serde_anthropic::<ErrorCode>),
        ("problem", Format::Problem, serde_problem::<ErrorCode>),
    ];
    for (name, format, peer) in formats {
        let mut group = c.benchmark_group(format!("to_body_{name}/all_57_codes"));
        group.throughput(Throughput::Elements(ErrorCode::ALL.len() as u64));
        group.bench_function("api_error_codes", |b| {
            b.iter(|| {
                for code in ErrorCode::ALL {
                    black_box(black_box(code).to_body(format));
                }
            })
        });
        group.bench_function("serde_json", |b| {
            b.iter(|| {
                for code in ErrorCode::ALL {
                    black_box(peer(black_box(code)));
                }
            })
        });
        group.finish();
    }

    type UserPeer = fn(&UserError) -> Vec<u8>;
    let formats: [(&str, Format, UserPeer); 3] = [
        ("openai", Format::OpenAi, serde_openai::<UserError>),
        ("anthropic", Format::Anthropic, serde_anthropic::<UserError>),
        ("problem", Format::Problem, serde_problem::<UserError>),
    ];
    for (name, format, peer) in formats {
        let mut group = c.benchmark_group(format!("to_body_{name}/formatted_message"));
        group.throughput(Throughput::Elements(1));
        group.bench_function("api_error_codes", |b| {
            b.iter(|| black_box(black_box(&too_long).to_body(format)))
        });
        group.bench_function("serde_json", |b| {
            b.iter(|| black_box(peer(black_box(&too_long))))
        });
        group.finish();
    }
}

fn responses_and_events(c: &mut Criterion) {
    let mut group = c.benchmark_group("wire/all_57_codes");
    group.throughput(Throughput::Elements(ErrorCode::ALL.len() as u64));
    for format in Format::ALL {
        let name = format!("{format:?}");
        group.bench_function(BenchmarkId::new("to_sse_event", &name), |b| {
            b.iter(|| {
                for code in ErrorCode::ALL {
                    black_box(black_box(code).to_sse_event(format));
                }
            })
        });
        group.bench_function(BenchmarkId::new("to_http_response", &name), |b| {
            b.iter(|| {
                for code in ErrorCode::ALL {
                    black_box(black_box(code).to_http_response(format));
                }
            })
        });
        group.bench_function(
            BenchmarkId::new("to_http_response+request_id", &name),
            |b| {
                b.iter(|| {
                    for code in ErrorCode::ALL {
                        black_box(
                            black_box(code)
                                .envelope(format)
                                .request_id(black_box("req_01HZX5Q2V7"))
                                .to_http_response(),
                        );
                    }
                })
            },
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Short windows: the whole run stays within a few minutes on a shared
    // two-core machine, and pairs run back to back under the same load.
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50);
    targets = from_code, bodies, responses_and_events
}
criterion_main!(benches);
