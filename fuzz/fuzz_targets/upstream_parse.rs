//! Fuzzes `UpstreamError::from_response` and `UpstreamError::from_sse_event`:
//! neither may panic, and every translation must render, in every format,
//! a body that parses back with the canonical code and the provider; its
//! messages stay within `MESSAGE_CAP`, its `Display` is one line, and the
//! rest of the input read as the client's request changes nothing but the
//! message.
//!
//! Input layout (what `fuzz/seed-upstream.py` writes from the corpus):
//! byte 0 picks the provider, byte 1 the kind (even: a response, odd: a
//! stream event), bytes 2–3 the status (big-endian, modulo 600), then
//! header lines `name: value\n` up to a NUL byte, then the body or event.
#![no_main]

use api_error_codes::upstream::{Provider, UpstreamError, MESSAGE_CAP};
use api_error_codes::{ApiError, Format, ReceivedError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [provider, kind, high, low, rest @ ..] = data else {
        return;
    };
    let provider = Provider::ALL[usize::from(*provider) % Provider::ALL.len()];
    let status = u16::from_be_bytes([*high, *low]) % 600;
    let (head, body) = match rest.iter().position(|byte| *byte == 0) {
        Some(end) => (&rest[..end], &rest[end + 1..]),
        None => (&[][..], rest),
    };
    let mut headers = http::HeaderMap::new();
    for line in head.split(|byte| *byte == b'\n') {
        let Some(colon) = line.iter().position(|byte| *byte == b':') else {
            continue;
        };
        let name = http::HeaderName::from_bytes(&line[..colon]);
        let value = http::HeaderValue::from_bytes(line[colon + 1..].trim_ascii());
        if let (Ok(name), Ok(value)) = (name, value) {
            headers.append(name, value);
        }
    }
    let error = if kind % 2 == 0 {
        let error = UpstreamError::from_response(provider, status, &headers, body);
        assert_eq!(error.upstream_status(), status);
        error
    } else {
        match UpstreamError::from_sse_event(provider, body) {
            Some(error) => error,
            None => return,
        }
    };
    let canonical = error.canonical();
    assert_eq!(error.status(), canonical.status());
    assert_eq!(error.provider(), Some(provider));
    assert!(error.upstream_message().len() <= MESSAGE_CAP);
    assert!(error.message().len() <= MESSAGE_CAP);
    assert!(!error.to_string().contains('\n'));
    let with_request = error.clone().with_request(body);
    assert_eq!(
        (with_request.canonical(), with_request.disposition()),
        (canonical, error.disposition())
    );
    for &format in Format::ALL {
        let response = error.to_http_response(format);
        let received = ReceivedError::parse(response.status().as_u16(), response.body())
            .expect("a rendered body parses back");
        assert_eq!(received.message(), error.message());
        if format == Format::OpenAi {
            assert_eq!(received.code(), Some(canonical.code()));
            assert_eq!(received.provider(), Some(provider.name()));
        }
    }
});
