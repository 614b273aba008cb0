//! `UpstreamError::from_transport`: a provider that gave no HTTP answer
//! to read is answered like any upstream failure of the gateway's own.

use api_error_codes::upstream::{Provider, TransportFailure, UpstreamError};
use api_error_codes::{ApiError, ErrorCode, Format};

/// What the HTTP client says is for the logs: addresses, hosts, ids.
const DETAIL: &str = "error sending request for url (https://10.0.3.7/v1/chat/completions?key=sk-proj-abcdefghijklmnop): connection refused";

#[test]
fn each_failure_is_its_canonical_code_with_the_catalogues_message() {
    let expected = [
        (TransportFailure::Connect, ErrorCode::UpstreamError, 502),
        (TransportFailure::Broken, ErrorCode::UpstreamError, 502),
        (TransportFailure::Timeout, ErrorCode::UpstreamTimeout, 504),
    ];
    assert_eq!(TransportFailure::ALL.len(), expected.len());
    for (failure, code, status) in expected {
        assert!(TransportFailure::ALL.contains(&failure));
        let error = UpstreamError::from_transport(Provider::Mistral, failure, DETAIL);
        assert_eq!(failure.canonical(), code);
        assert_eq!(error.canonical(), code, "{failure:?}");
        assert_eq!(error.status(), status, "{failure:?}");
        assert!(error.is_retryable(), "{failure:?}");
        assert_eq!(error.transport(), Some(failure));
        assert_eq!(error.message(), code.description());
        assert_eq!(error.param(), None);
        assert_eq!(error.retry_after(), None);
        assert_eq!(error.provider(), Some(Provider::Mistral));
        assert_eq!(error.upstream_status(), 0);
        assert_eq!(error.upstream_code(), None);
        assert_eq!(error.upstream_message(), DETAIL);
    }
}

#[test]
fn the_detail_never_reaches_the_client() {
    for failure in TransportFailure::ALL {
        let error = UpstreamError::from_transport(Provider::OpenAi, failure, DETAIL);
        for &format in Format::ALL {
            let body = String::from_utf8(error.to_body(format)).unwrap();
            for secret in ["10.0.3.7", "sk-proj", "connection refused", "https://"] {
                assert!(
                    !body.contains(secret),
                    "{format:?} body {body} shows {secret}"
                );
            }
            let event = String::from_utf8(error.to_sse_event(format)).unwrap();
            assert!(!event.contains("10.0.3.7"), "{event}");
        }
        let openai = String::from_utf8(error.to_body(Format::OpenAi)).unwrap();
        assert!(openai.contains(r#""provider":"openai""#), "{openai}");
        assert!(openai.contains(error.canonical().code()), "{openai}");
    }
}

#[test]
fn a_translated_error_has_no_transport_failure() {
    let error = UpstreamError::from_response(Provider::OpenAi, 504, &http::HeaderMap::new(), b"");
    assert_eq!(error.canonical(), ErrorCode::UpstreamTimeout);
    assert_eq!(error.transport(), None);
    assert_eq!(error.upstream_status(), 504);
}

/// An empty detail is kept as it is: nothing is invented for the logs.
#[test]
fn an_empty_detail_is_kept_empty() {
    let error = UpstreamError::from_transport(Provider::Bedrock, TransportFailure::Broken, "");
    assert_eq!(error.upstream_message(), "");
    assert_eq!(error.message(), ErrorCode::UpstreamError.description());
}
