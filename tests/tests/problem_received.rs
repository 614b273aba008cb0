//! Problem details read back with `ReceivedError`: this crate's own bodies,
//! responses and events, and problem bodies other servers write, read by
//! RFC 9457's rules.

use api_error_codes::{ApiError, ErrorCode, Format, ParseErrorKind, ReceivedError};
use http::header::CONTENT_TYPE;
use http::{HeaderValue, Response};

#[test]
fn every_canonical_body_response_and_event_reads_back() {
    for &code in ErrorCode::ALL {
        let envelope = code
            .envelope(Format::Problem)
            .request_id("req_rt")
            .instance("/v1/keys/k_1");
        let status = code.http_status().map_or(499, |status| status.as_u16());
        for received in [
            ReceivedError::parse(status, &envelope.to_body()).unwrap(),
            ReceivedError::from_response(&envelope.to_http_response()).unwrap(),
            ReceivedError::parse_sse_event(200, &envelope.to_sse_event()).unwrap(),
        ] {
            assert_eq!(received.format(), Format::Problem, "{code:?}");
            assert_eq!(received.canonical(), Some(code));
            assert_eq!(received.message(), code.message());
            assert_eq!(received.title(), Some(code.description()));
            let type_uri = format!("tag:error-codes,2026:{}", code.code());
            assert_eq!(received.problem_type(), Some(type_uri.as_str()));
            assert_eq!(received.problem_status(), Some(status));
            assert_eq!(received.instance(), Some("/v1/keys/k_1"));
            assert_eq!(received.request_id(), Some("req_rt"));
            assert_eq!(received.retryable(), Some(code.is_retryable()));
            assert_eq!(received.error_type(), None);
            assert_eq!(received.param(), None);
        }
    }
}

#[test]
fn the_envelopes_have_no_problem_members() {
    for format in [Format::OpenAi, Format::Anthropic] {
        let body = ErrorCode::UpstreamTimeout.to_body(format);
        let received = ReceivedError::parse(504, &body).unwrap();
        assert_eq!(received.format(), format);
        assert_eq!(received.problem_type(), None);
        assert_eq!(received.title(), None);
        assert_eq!(received.instance(), None);
        assert_eq!(received.problem_status(), None);
        assert_eq!(received.retryable(), None);
    }
}

/// RFC 9457's own first example (section 3, "out of credit"), with its
/// extension members `balance` and `accounts`, served as 403.
#[test]
fn the_rfc_example_with_unknown_extensions() {
    let body = br#"{
        "type": "https://example.com/probs/out-of-credit",
        "title": "You do not have enough credit.",
        "detail": "Your current balance is 30, but that costs 50.",
        "instance": "/account/12345/msgs/abc",
        "balance": 30,
        "accounts": ["/account/12345", "/account/67890"]
    }"#;
    let received = ReceivedError::parse(403, body).unwrap();
    assert_eq!(received.format(), Format::Problem);
    assert_eq!(
        received.problem_type(),
        Some("https://example.com/probs/out-of-credit")
    );
    assert_eq!(received.title(), Some("You do not have enough credit."));
    assert_eq!(
        received.message(),
        "Your current balance is 30, but that costs 50."
    );
    assert_eq!(received.instance(), Some("/account/12345/msgs/abc"));
    assert_eq!(received.status(), 403);
    assert_eq!(received.problem_status(), None);
    assert_eq!(received.code(), None);
    assert_eq!(
        received.to_string(),
        "403 error: Your current balance is 30, but that costs 50."
    );
}

/// RFC 9457 section 3's validation example: no `detail` (the message is
/// the title), an `errors` array of objects that nothing reads.
#[test]
fn the_rfc_validation_example() {
    let body = br##"{
        "type": "https://example.net/validation-error",
        "title": "Your request is not valid.",
        "errors": [
            {"detail": "must be a positive integer", "pointer": "#/age"},
            {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color"}
        ]
    }"##;
    let received = ReceivedError::parse(422, body).unwrap();
    assert_eq!(received.format(), Format::Problem);
    assert_eq!(received.message(), "Your request is not valid.");
    assert_eq!(received.title(), Some("Your request is not valid."));
    assert_eq!(received.status(), 422);
}

/// ASP.NET Core's default for `return BadRequest();` (documented at
/// ravindradevrani.com/tags/dotnet/page/3): no `detail`, a `traceId`
/// extension member.
#[test]
fn asp_net_core_bad_request() {
    let body = br#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"Bad Request","status":400,"traceId":"00-2d4948694b0f223f7f5dff215b42481b-0288bb95d7604783-00"}"#;
    let received = ReceivedError::parse(400, body).unwrap();
    assert_eq!(
        received.problem_type(),
        Some("https://tools.ietf.org/html/rfc9110#section-15.5.1")
    );
    assert_eq!(received.message(), "Bad Request");
    assert_eq!(received.problem_status(), Some(400));
    assert_eq!(received.request_id(), None);
}

/// Problem4J Spring's bodies (documented at
/// problem4j.github.io/docs/problem4j-spring/springs-internal-exceptions):
/// no `type` at all, so `about:blank`; extension members `property` and
/// `kind`.
#[test]
fn spring_problems_without_type() {
    let received =
        ReceivedError::parse(405, br#"{"status":405,"title":"Method Not Allowed"}"#).unwrap();
    assert_eq!(received.format(), Format::Problem);
    assert_eq!(received.problem_type(), Some("about:blank"));
    assert_eq!(received.message(), "Method Not Allowed");
    assert_eq!(received.problem_status(), Some(405));

    let body = br#"{"status":400,"title":"Bad Request","detail":"Type mismatch","property":"age","kind":"integer"}"#;
    let received = ReceivedError::parse(400, body).unwrap();
    assert_eq!(received.problem_type(), Some("about:blank"));
    assert_eq!(received.message(), "Type mismatch");
    assert_eq!(received.param(), None);
}

/// FastAPI's default error body (`{"detail": "..."}`, its documented
/// `HTTPException` answer) has a problem details member, and reads as
/// one: the message survives instead of a `MissingError`.
#[test]
fn a_bare_detail_is_problem_details() {
    let received = ReceivedError::parse(404, br#"{"detail":"Not Found"}"#).unwrap();
    assert_eq!(received.format(), Format::Problem);
    assert_eq!(received.problem_type(), Some("about:blank"));
    assert_eq!(received.message(), "Not Found");
    assert_eq!(received.title(), None);
    assert_eq!(received.to_string(), "404 error: Not Found");
}

/// A status member that disagrees with the response (a proxy turned a 400
/// into a 502, or the body lies) is kept apart, not trusted.
#[test]
fn a_disagreeing_status_is_kept_not_trusted() {
    let body = ErrorCode::InvalidRequest.to_body(Format::Problem);
    let received = ReceivedError::parse(502, &body).unwrap();
    assert_eq!(received.status(), 502);
    assert_eq!(received.problem_status(), Some(400));
    assert_eq!(received.canonical(), Some(ErrorCode::InvalidRequest));
}

/// An upstream's error names its provider in problem details too, in
/// bodies, responses and events, and it reads back; an error no provider
/// generated has no `provider` member.
#[test]
fn an_upstream_error_names_its_provider() {
    use api_error_codes::upstream::{Provider, TransportFailure, UpstreamError};

    let body = br#"{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}"#;
    let answered =
        UpstreamError::from_response(Provider::Gemini, 429, &http::HeaderMap::new(), body);
    let timed_out =
        UpstreamError::from_transport(Provider::Vertex, TransportFailure::Timeout, "30 s");
    for (error, name) in [(answered, "gemini"), (timed_out, "vertex")] {
        let body = String::from_utf8(error.to_body(Format::Problem)).unwrap();
        let member = format!(r#","provider":"{name}"}}"#);
        assert!(body.ends_with(&member), "{body}");
        let status = error.status();
        for received in [
            ReceivedError::parse(status, body.as_bytes()).unwrap(),
            ReceivedError::from_response(&error.to_http_response(Format::Problem)).unwrap(),
            ReceivedError::parse_sse_event(200, &error.to_sse_event(Format::Problem)).unwrap(),
        ] {
            assert_eq!(received.format(), Format::Problem);
            assert_eq!(received.provider(), Some(name));
            assert_eq!(received.canonical(), Some(error.canonical()));
        }
    }
    for &code in ErrorCode::ALL {
        let body = code.envelope(Format::Problem).to_body();
        let body = String::from_utf8(body).unwrap();
        assert!(!body.contains(r#""provider":"#), "{code:?}: {body}");
    }
}

/// RFC 9457: a member whose value has the wrong type is ignored, as if it
/// were absent; parsing goes on.
#[test]
fn members_of_the_wrong_type_are_ignored() {
    let body = br#"{"type":42,"title":["t"],"status":"404","detail":"still read","instance":{},
        "code":true,"param":7,"retryable":"yes","request_id":null,"suggestion":1,"provider":false}"#;
    let received = ReceivedError::parse(404, body).unwrap();
    assert_eq!(received.format(), Format::Problem);
    assert_eq!(received.problem_type(), Some("about:blank"));
    assert_eq!(received.title(), None);
    assert_eq!(received.problem_status(), None);
    assert_eq!(received.message(), "still read");
    assert_eq!(received.instance(), None);
    assert_eq!(received.code(), None);
    assert_eq!(received.param(), None);
    assert_eq!(received.retryable(), None);
    assert_eq!(received.request_id(), None);
    assert_eq!(received.suggestion(), None);
    assert_eq!(received.provider(), None);

    for status in ["99", "600", "404.5", "-404", "1e9"] {
        let body = format!(r#"{{"title":"t","status":{status}}}"#);
        let received = ReceivedError::parse(500, body.as_bytes()).unwrap();
        assert_eq!(received.problem_status(), None, "{status}");
    }
    let received =
        ReceivedError::parse(500, br#"{"title":"t","status":404.0,"code":1234}"#).unwrap();
    assert_eq!(received.problem_status(), Some(404));
    assert_eq!(received.code(), Some("1234"));
}

/// What is not problem details keeps its old verdict: an event, an object
/// with neither envelope nor a problem member, an envelope with a stray
/// problem member.
#[test]
fn what_is_not_problem_details() {
    let kind = |body: &[u8]| ReceivedError::parse(500, body).unwrap_err().kind();
    assert_eq!(
        kind(br#"{"type":"message_start","message":{}}"#),
        ParseErrorKind::NotAnError
    );
    assert_eq!(
        kind(br#"{"message":"Not Found"}"#),
        ParseErrorKind::MissingError
    );
    assert_eq!(
        kind(br#"{"detail":[{"loc":["body"],"msg":"field required"}]}"#),
        ParseErrorKind::MissingError
    );
    assert_eq!(
        kind(br#"{"title":null,"status":"500"}"#),
        ParseErrorKind::MissingError
    );
    assert_eq!(
        kind(br#"{"type":"error","title":"t"}"#),
        ParseErrorKind::MissingError
    );

    let envelope =
        br#"{"error":{"message":"m","code":"internal_error"},"title":"ignored","status":500}"#;
    let received = ReceivedError::parse(500, envelope).unwrap();
    assert_eq!(received.format(), Format::OpenAi);
    assert_eq!(received.title(), None);
}

/// With `content-type: application/problem+json`, any object is problem
/// details, even one without a problem member.
#[test]
fn the_content_type_decides_for_from_response() {
    let mut response = Response::new(br#"{"balance":30}"#.to_vec());
    *response.status_mut() = http::StatusCode::FORBIDDEN;
    let received = ReceivedError::from_response(&response);
    assert_eq!(received.unwrap_err().kind(), ParseErrorKind::MissingError);

    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json; charset=utf-8"),
    );
    response
        .headers_mut()
        .insert("x-request-id", HeaderValue::from_static("req_h"));
    let received = ReceivedError::from_response(&response).unwrap();
    assert_eq!(received.format(), Format::Problem);
    assert_eq!(received.problem_type(), Some("about:blank"));
    assert_eq!(received.message(), "");
    assert_eq!(received.status(), 403);
    assert_eq!(received.request_id(), Some("req_h"));

    *response.body_mut() = b"[]".to_vec();
    let error = ReceivedError::from_response(&response).unwrap_err();
    assert_eq!(error.kind(), ParseErrorKind::NotAnObject);
    *response.body_mut() = br#"{"title":"cut"#.to_vec();
    let error = ReceivedError::from_response(&response).unwrap_err();
    assert_eq!(error.kind(), ParseErrorKind::Truncated);
}

#[test]
fn a_problem_sse_event_from_another_server() {
    let event = b": keep-alive\n\nevent: error\ndata: {\"title\":\"Overloaded\",\ndata: \"status\":503}\n\n";
    let received = ReceivedError::parse_sse_event(200, event).unwrap();
    assert_eq!(received.format(), Format::Problem);
    assert_eq!(received.message(), "Overloaded");
    assert_eq!(received.problem_status(), Some(503));
    assert_eq!(received.status(), 200);
}

/// A `status` member counts when it is a whole number from 100 to 599.
#[test]
fn problem_statuses_are_whole_numbers_in_range() {
    let status = |member: &str| {
        let body = format!(r#"{{"title":"t","status":{member}}}"#);
        ReceivedError::parse(500, body.as_bytes())
            .unwrap()
            .problem_status()
    };
    for (member, expected) in [
        ("404", 404),
        ("404.0", 404),
        ("599", 599),
        ("100", 100),
        ("4.04e2", 404),
    ] {
        assert_eq!(status(member), Some(expected), "{member}");
    }
    for member in ["99", "600", "0", "-404", "404.5", "1e3", "70000", "\"404\""] {
        assert_eq!(status(member), None, "{member}");
    }
}
