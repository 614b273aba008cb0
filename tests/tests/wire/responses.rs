//! HTTP responses: status, headers, retry delays and request ids.

use super::events_and_parsing::assert_one_event;
use super::*;

#[test]
fn every_response_has_status_body_and_headers() {
    for &code in ErrorCode::ALL {
        for format in ENVELOPES {
            let response = code.to_http_response(format);
            let expected_status = match code.status() {
                0 => 499,
                status => status,
            };
            assert_eq!(response.status().as_u16(), expected_status, "{code:?}");
            let headers = response.headers();
            assert_eq!(headers["content-type"], "application/json");
            assert_eq!(
                headers["x-should-retry"],
                if code.is_retryable() { "true" } else { "false" },
                "{code:?}"
            );
            assert!(
                headers.get("retry-after").is_none(),
                "{code:?} has no delay"
            );
            assert!(headers.get("retry-after-ms").is_none());
            assert!(headers.get("x-request-id").is_none());
            assert!(headers.get("request-id").is_none());
            assert_eq!(headers.len(), 2, "{headers:?}");
            assert_eq!(response.body(), &code.to_body(format));
        }
    }
}

/// Status 0 (`client_disconnected`) never panics: it renders as 499,
/// nginx's "client closed request", with the ordinary body.
#[test]
fn status_zero_renders_as_499_client_closed_request() {
    assert_eq!(CLIENT_CLOSED_REQUEST.as_u16(), 499);
    for format in ENVELOPES {
        let response = ErrorCode::ClientDisconnected.to_http_response(format);
        assert_eq!(response.status(), CLIENT_CLOSED_REQUEST);
        let received = ReceivedError::from_response(&response).unwrap();
        assert_eq!(received.status(), 499);
        assert_eq!(
            received.message(),
            "Client closed the connection before the response completed"
        );
        assert_eq!(received.error_type(), Some("invalid_request_error"));
    }
}

#[derive(Debug, ApiError)]
enum Delayed {
    #[api_error(code = "rate_limit_exceeded", retry_after = wait)]
    Limited { wait: Duration },
    #[api_error(code = "service_unavailable", retry_after = 0)]
    Busy(u64),
    #[api_error(code = "upstream_timeout", retry_after = 0)]
    Maybe(Option<Duration>),
}

#[test]
fn a_delay_sets_retry_after_in_whole_seconds_and_retry_after_ms() {
    let cases = [
        (
            Delayed::Limited {
                wait: Duration::from_millis(1),
            },
            Some(("1", "1")),
        ),
        (
            Delayed::Limited {
                wait: Duration::from_millis(999),
            },
            Some(("1", "999")),
        ),
        (
            Delayed::Limited {
                wait: Duration::from_millis(1000),
            },
            Some(("1", "1000")),
        ),
        (
            Delayed::Limited {
                wait: Duration::from_millis(1001),
            },
            Some(("2", "1001")),
        ),
        (
            Delayed::Limited {
                wait: Duration::ZERO,
            },
            Some(("0", "0")),
        ),
        (Delayed::Busy(30), Some(("30", "30000"))),
        (Delayed::Maybe(None), None),
        (
            Delayed::Maybe(Some(Duration::from_micros(1500))),
            Some(("1", "2")),
        ),
        // The longest delay saturates instead of overflowing to 0 (or, in
        // a debug build, panicking).
        (
            Delayed::Maybe(Some(Duration::MAX)),
            Some(("18446744073709551615", "18446744073709551615")),
        ),
        (
            Delayed::Busy(u64::MAX),
            Some(("18446744073709551615", "18446744073709551615")),
        ),
    ];
    for (error, expected) in cases {
        for format in ENVELOPES {
            let response = error.to_http_response(format);
            let headers = response.headers();
            assert_eq!(headers["x-should-retry"], "true");
            match expected {
                Some((seconds, millis)) => {
                    assert_eq!(headers["retry-after"], seconds, "{error:?}");
                    assert_eq!(headers["retry-after-ms"], millis, "{error:?}");
                }
                None => {
                    assert!(headers.get("retry-after").is_none());
                    assert!(headers.get("retry-after-ms").is_none());
                }
            }
        }
    }
}

#[test]
fn the_request_id_goes_where_each_sdk_reads_it() {
    for &code in ErrorCode::ALL {
        let openai = code
            .envelope(Format::OpenAi)
            .request_id("req_abc")
            .to_http_response();
        assert_eq!(openai.headers()["x-request-id"], "req_abc");
        assert!(openai.headers().get("request-id").is_none());
        // OpenAI's body has no request id.
        assert_eq!(openai.body(), &code.to_body(Format::OpenAi));

        let anthropic = code
            .envelope(Format::Anthropic)
            .request_id("req_abc")
            .to_http_response();
        assert_eq!(anthropic.headers()["request-id"], "req_abc");
        assert!(anthropic.headers().get("x-request-id").is_none());
        let json: Value = serde_json::from_slice(anthropic.body()).unwrap();
        assert_eq!(json["request_id"], "req_abc");
    }
}

/// An id with a space goes out percent-encoded (a header would lose a
/// leading or trailing one) and reads back as sent.
#[test]
fn request_ids_read_back_as_sent() {
    for id in ["req 7", " req 7 ", "100%", "req%207", "caf\u{e9}"] {
        for format in ENVELOPES {
            let response = ErrorCode::UpstreamTimeout
                .envelope(format)
                .request_id(id)
                .to_http_response();
            let received = ReceivedError::from_response(&response).unwrap();
            assert_eq!(received.request_id(), Some(id), "{format:?}");
        }
    }
    let response = ErrorCode::UpstreamTimeout
        .envelope(Format::OpenAi)
        .request_id("req 7")
        .to_http_response();
    assert_eq!(response.headers()["x-request-id"], "req%207");
}

#[test]
fn a_request_id_cannot_inject_headers_or_break_the_body() {
    let hostile = "req_1\r\nSet-Cookie: session=stolen\r\n\r\n{\"x\":1}\u{0}\u{7f}caf\u{e9}%";
    for format in ENVELOPES {
        let response = ErrorCode::InvalidRequest
            .envelope(format)
            .request_id(hostile)
            .to_http_response();
        let headers = response.headers();
        assert!(headers.get("set-cookie").is_none());
        let value = headers[format.request_id_header()].as_bytes();
        assert!(
            value.iter().all(|byte| (0x21..0x7f).contains(byte)),
            "{value:?} is visible ASCII only"
        );
        assert_eq!(
            headers[format.request_id_header()],
            "req_1%0D%0ASet-Cookie:%20session=stolen%0D%0A%0D%0A{\"x\":1}%00%7Fcaf%C3%A9%25"
        );
        // The header reads back as the id sent.
        let received = ReceivedError::from_response(&response).unwrap();
        assert_eq!(received.request_id(), Some(hostile));
        let received = ReceivedError::parse(400, response.body()).unwrap();
        match format {
            Format::OpenAi => assert_eq!(received.request_id(), None),
            Format::Anthropic => assert_eq!(received.request_id(), Some(hostile)),
            other => not_an_envelope(other),
        }
        // The SSE form stays one event too.
        let event = ErrorCode::InvalidRequest
            .envelope(format)
            .request_id(hostile)
            .to_sse_event();
        assert_one_event(&event, format);
    }
}
