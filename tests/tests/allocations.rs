//! Allocation counts of the rendering paths, measured with a counting
//! global allocator (`allocation-counter`, which installs one and counts
//! per thread, so the parallel test harness cannot disturb a measurement).
//!
//! - `to_body` and `to_sse_event`: exactly one allocation, of exactly the
//!   output's size, in both formats, for every canonical code (static
//!   message), for a message formatted from fields, and with every
//!   envelope option set.
//! - `to_http_response`: 3 (the body and the header map's two buffers), 4
//!   with a request id, 7 with a retry delay (two per numeric header
//!   value). Pinned at the measured counts so a regression shows up.

use allocation_counter::{measure, AllocationInfo};
use api_error_codes::{ApiError, ErrorCode, Format};
use std::time::Duration;

/// Runs `render` under the counter and returns what it allocated with its
/// output.
fn counted<T>(render: impl FnOnce() -> T) -> (AllocationInfo, T) {
    let mut output = None;
    let info = measure(|| output = Some(render()));
    (info, output.expect("the closure ran"))
}

/// Without this, a counter that is not installed would make every "one
/// allocation" assertion below fail, but a "zero" one pass vacuously.
#[test]
fn the_counter_is_installed() {
    let (info, boxed) = counted(|| Box::new(7u64));
    assert_eq!(*boxed, 7);
    assert_eq!(info.count_total, 1);
    assert_eq!(info.bytes_total, 8);
}

#[test]
fn a_body_is_one_allocation_of_its_exact_size() {
    for code in ErrorCode::ALL {
        for format in Format::ALL {
            let (info, body) = counted(|| code.to_body(format));
            assert_eq!(info.count_total, 1, "{code:?} {format:?}");
            assert_eq!(info.bytes_total, body.len() as u64, "{code:?} {format:?}");
            assert_eq!(body.capacity(), body.len(), "{code:?} {format:?}");
        }
    }
}

#[test]
fn envelope_options_keep_one_allocation() {
    for format in Format::ALL {
        let envelope = ErrorCode::ModelNotFound
            .envelope(format)
            .request_id("req_\"quoted\"\n")
            .doc_url("https://example.com/errors#model_not_found")
            .suggestion("List models with GET /v1/models")
            .details_error_code(true);
        let (info, body) = counted(|| envelope.to_body());
        assert_eq!(info.count_total, 1, "{format:?}");
        assert_eq!(info.bytes_total, body.len() as u64, "{format:?}");
        let (info, event) = counted(|| envelope.to_sse_event());
        assert_eq!(info.count_total, 1, "{format:?}");
        assert_eq!(info.bytes_total, event.len() as u64, "{format:?}");
    }
}

#[test]
fn an_sse_event_is_one_allocation_of_its_exact_size() {
    for code in ErrorCode::ALL {
        for format in Format::ALL {
            let (info, event) = counted(|| code.to_sse_event(format));
            assert_eq!(info.count_total, 1, "{code:?} {format:?}");
            assert_eq!(info.bytes_total, event.len() as u64, "{code:?} {format:?}");
        }
    }
}

/// A message with a `\n`, a quote and a control character still costs one
/// allocation: escaping writes into the exactly-sized buffer.
#[test]
fn escaping_does_not_allocate() {
    #[derive(Debug, ApiError)]
    #[api_error(
        code = "invalid_request",
        message = "line one\nline \"two\"\u{1}\\ done"
    )]
    struct Escaped;

    for format in Format::ALL {
        let (info, body) = counted(|| Escaped.to_body(format));
        assert_eq!(info.count_total, 1, "{format:?}");
        assert_eq!(info.bytes_total, body.len() as u64, "{format:?}");
        assert!(
            body.windows(2).any(|pair| pair == b"\\n"),
            "{format:?}: the newline is escaped"
        );
    }
}

/// A message formatted from fields is written into a buffer on the stack,
/// not a `String`: the body is still its one allocation, in both formats
/// and as an SSE event.
#[test]
fn a_formatted_message_costs_no_allocation_of_its_own() {
    #[derive(Debug, ApiError)]
    #[api_error(
        code = "context_length_exceeded",
        message = "prompt has {used} tokens; the model allows {max}",
        param = "messages"
    )]
    struct TooLong {
        used: u32,
        max: u32,
    }

    let error = TooLong {
        used: 131_072,
        max: 128_000,
    };
    for format in Format::ALL {
        let (info, body) = counted(|| error.to_body(format));
        assert_eq!(info.count_total, 1, "{format:?}");
        assert_eq!(info.bytes_total, body.len() as u64, "{format:?}");
        let (info, event) = counted(|| error.to_sse_event(format));
        assert_eq!(info.count_total, 1, "{format:?}");
        assert_eq!(info.bytes_total, event.len() as u64, "{format:?}");
    }
    // `message()` itself returns an owned `String`: one allocation.
    let (info, message) = counted(|| error.message());
    assert_eq!(message, "prompt has 131072 tokens; the model allows 128000");
    assert_eq!(info.count_total, 1);
}

/// A formatted message longer than the stack buffer (256 bytes) falls back
/// to `message()`: its `String` (grown while formatting) plus the body.
#[test]
fn a_formatted_message_longer_than_the_buffer_falls_back_to_a_string() {
    #[derive(Debug, ApiError)]
    #[api_error(code = "upstream_error", message = "{0}")]
    struct Upstream(String);

    let error = Upstream("x".repeat(300));
    let (fallback, message) = counted(|| error.message());
    assert_eq!(message.len(), 300);
    for format in Format::ALL {
        let (info, body) = counted(|| error.to_body(format));
        assert_eq!(info.count_total, fallback.count_total + 1, "{format:?}");
        assert!(body.windows(300).any(|window| window == message.as_bytes()));
    }
}

/// `to_http_response` allocates the body, then the header map's index and
/// entry buffers on its first insert (`http` sizes them for the few headers
/// set here, so they never grow). Statically known header values are
/// shared, not copied; the request id header is built from the text.
#[test]
fn http_response_allocations() {
    for code in ErrorCode::ALL {
        for format in Format::ALL {
            let (info, response) = counted(|| code.to_http_response(format));
            assert!(response.headers().contains_key("x-should-retry"));
            assert_eq!(info.count_total, 3, "{code:?} {format:?}");

            let (info, response) = counted(|| {
                code.envelope(format)
                    .request_id("req_123")
                    .to_http_response()
            });
            assert_eq!(response.headers().len(), 3);
            assert_eq!(info.count_total, 4, "{code:?} {format:?}");
        }
    }
}

/// A retry delay adds the `retry-after` and `retry-after-ms` values, each
/// formatted from a number by `http`'s `HeaderValue::from(u64)`, which is
/// where those allocations come from (two per value at `http` 1.x).
#[test]
fn http_response_with_retry_delay_allocations() {
    #[derive(Debug, ApiError)]
    #[api_error(code = "rate_limit_exceeded", retry_after = delay)]
    struct SlowDown {
        delay: Duration,
    }

    let (per_number, value) = counted(|| http::HeaderValue::from(1500u64));
    assert_eq!(value, "1500");
    assert_eq!(per_number.count_total, 2);

    let error = SlowDown {
        delay: Duration::from_millis(1500),
    };
    for format in Format::ALL {
        let (info, response) = counted(|| error.to_http_response(format));
        assert_eq!(response.headers()["retry-after"], "2");
        assert_eq!(response.headers()["retry-after-ms"], "1500");
        assert_eq!(
            info.count_total,
            3 + 2 * per_number.count_total,
            "{format:?}"
        );
    }
}
