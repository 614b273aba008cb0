//! Problem details bodies (`Format::Problem`, RFC 9457): every canonical
//! code field by field, exact bytes with every option, what the
//! `http-api-problem` crate reads from them, responses and SSE events.

use api_error_codes::{ApiError, ErrorCode, Format, ProblemTypes, ProblemTypesError};
use error_codes_tests::{catalogue, RETRYABLE_CODES};
use http_api_problem::HttpApiProblem;
use serde_json::Value;
use std::collections::BTreeSet;
use std::time::Duration;

/// The errors of a gateway's management API: a private code with a
/// formatted message (its title is the code as a sentence: a doc comment is
/// documentation, never on the wire), a canonical code with its own message
/// and a `param`, and the catalogue passed through.
#[derive(Debug, ApiError)]
enum Management {
    /// A key with this name already exists.
    #[api_error(
        code = "key_name_taken",
        status = 409,
        param = "name",
        message = "a key named {0} already exists"
    )]
    KeyNameTaken(String),
    #[api_error(code = "field_immutable", param = field,
                message = "`{field}` cannot change once the workspace exists")]
    Immutable { field: String },
    #[api_error(code = "rate_limit_exceeded", retry_after = 0)]
    SlowDown(Duration),
    #[api_error(transparent)]
    Canonical(ErrorCode),
}

fn json(body: &[u8]) -> Value {
    serde_json::from_slice(body).expect("a problem body is JSON")
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

fn wire_status(status: u16) -> u16 {
    if status == 0 {
        499
    } else {
        status
    }
}

#[test]
fn every_canonical_code_field_by_field() {
    let table = catalogue();
    assert_eq!(table.len(), 57);
    for row in &table {
        let code = ErrorCode::from_code(&row.code).unwrap();
        let body = json(&code.to_body(Format::Problem));
        assert_eq!(
            keys(&body),
            BTreeSet::from(["type", "title", "status", "detail", "code", "retryable"]),
            "{}",
            row.code
        );
        assert_eq!(body["type"], format!("tag:error-codes,2026:{}", row.code));
        assert_eq!(body["title"], row.description.as_str());
        assert_eq!(body["status"], wire_status(row.status));
        assert_eq!(body["detail"], code.message().as_ref());
        assert_eq!(body["code"], row.code.as_str());
        assert_eq!(
            body["retryable"],
            RETRYABLE_CODES.contains(&row.code.as_str()),
            "{}",
            row.code
        );
    }
}

#[test]
fn status_zero_is_499_in_body_and_response() {
    let response = ErrorCode::ClientDisconnected.to_http_response(Format::Problem);
    assert_eq!(response.status(), 499);
    assert_eq!(json(response.body())["status"], 499);
}

/// The exact bytes, member order included, with each option.
#[test]
fn bodies_with_every_option_are_these_bytes() {
    let code = ErrorCode::RateLimitExceeded;
    let head = r#"{"type":"tag:error-codes,2026:rate_limit_exceeded","title":"Requests-per-minute cap hit","status":429,"detail":"Requests-per-minute cap hit""#;
    let cases = [
        (
            code.envelope(Format::Problem),
            r#","code":"rate_limit_exceeded","retryable":true}"#,
        ),
        (
            code.envelope(Format::Problem).request_id("req_\u{e9}\n1"),
            r#","instance":"urn:request-id:req_%C3%A9%0A1","code":"rate_limit_exceeded","retryable":true,"request_id":"req_é\n1"}"#,
        ),
        (
            code.envelope(Format::Problem)
                .request_id("r")
                .instance("/v1/keys/k 1")
                .suggestion("Look \"it\" up")
                .provider("groq"),
            r#","instance":"/v1/keys/k 1","code":"rate_limit_exceeded","retryable":true,"request_id":"r","suggestion":"Look \"it\" up","provider":"groq"}"#,
        ),
    ];
    for (envelope, tail) in cases {
        let body = String::from_utf8(envelope.to_body()).unwrap();
        assert_eq!(body, format!("{head}{tail}"));
    }
    let documented = code
        .envelope(Format::Problem)
        .doc_url("https://docs.example.com/errors#\"quoted\"")
        .to_body();
    assert!(
        documented.starts_with(br#"{"type":"https://docs.example.com/errors#\"quoted\"","title":"#)
    );
}

#[test]
fn private_codes_formatted_messages_and_params() {
    let error = Management::KeyNameTaken("prod \"main\"".into());
    let body = json(&error.to_body(Format::Problem));
    assert_eq!(body["type"], "tag:error-codes,2026:key_name_taken");
    assert_eq!(body["title"], "Key name taken");
    assert_eq!(body["status"], 409);
    assert_eq!(body["detail"], r#"a key named prod "main" already exists"#);
    assert_eq!(body["code"], "key_name_taken");
    assert_eq!(body["param"], "name");
    assert_eq!(body["retryable"], false);

    let error = Management::Immutable {
        field: "region".into(),
    };
    assert_eq!(
        String::from_utf8(error.to_body(Format::Problem)).unwrap(),
        r#"{"type":"tag:error-codes,2026:field_immutable","title":"Field cannot be modified after resource creation","status":400,"detail":"`region` cannot change once the workspace exists","code":"field_immutable","param":"region","retryable":false}"#
    );

    let wrapped = Management::Canonical(ErrorCode::IdempotencyConflict);
    assert_eq!(
        wrapped.to_body(Format::Problem),
        ErrorCode::IdempotencyConflict.to_body(Format::Problem)
    );
}

/// `http-api-problem`, a third-party RFC 7807/9457 implementation, reads
/// every body to the same status, title, detail, type and `code`.
#[test]
fn http_api_problem_reads_every_body() {
    for code in ErrorCode::ALL {
        let body = code.envelope(Format::Problem).request_id("req_1").to_body();
        let problem: HttpApiProblem = serde_json::from_slice(&body).unwrap();
        assert_eq!(
            problem.status.map(|status| status.as_u16()),
            Some(wire_status(code.status())),
            "{code:?}"
        );
        assert_eq!(problem.title.as_deref(), Some(code.description()));
        assert_eq!(problem.detail.as_deref(), Some(code.message().as_ref()));
        assert_eq!(
            problem.type_url,
            Some(format!("tag:error-codes,2026:{}", code.code()))
        );
        assert_eq!(problem.instance.as_deref(), Some("urn:request-id:req_1"));
        assert_eq!(problem.json_value("code"), Some(&Value::from(code.code())));
        assert_eq!(
            problem.json_value("retryable"),
            Some(&Value::from(code.is_retryable()))
        );
        assert_eq!(
            problem.json_value("request_id"),
            Some(&Value::from("req_1"))
        );
    }
    let error = Management::Immutable {
        field: "region".into(),
    };
    let problem: HttpApiProblem = serde_json::from_slice(&error.to_body(Format::Problem)).unwrap();
    assert_eq!(problem.json_value("param"), Some(&Value::from("region")));
    assert_eq!(
        problem.detail.as_deref(),
        Some("`region` cannot change once the workspace exists")
    );
}

#[test]
fn responses_carry_problem_json_and_the_usual_headers() {
    for code in ErrorCode::ALL {
        let envelope = code.envelope(Format::Problem).request_id("req_9");
        let response = envelope.to_http_response();
        assert_eq!(response.status().as_u16(), wire_status(code.status()));
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        let retry = if code.is_retryable() { "true" } else { "false" };
        assert_eq!(response.headers()["x-should-retry"], retry);
        assert_eq!(response.headers()["x-request-id"], "req_9");
        assert!(response.headers().get("request-id").is_none());
        assert_eq!(response.body(), &envelope.to_body());
    }
    let response = Management::SlowDown(Duration::from_millis(1500))
        .envelope(Format::Problem)
        .to_http_response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "2");
    assert_eq!(response.headers()["retry-after-ms"], "1500");
    assert_eq!(json(response.body())["retryable"], true);
}

#[test]
fn sse_events_carry_the_problem_object() {
    for code in ErrorCode::ALL {
        let envelope = code.envelope(Format::Problem).instance("/v1/stream/s_1");
        let mut expected = b"event: error\ndata: ".to_vec();
        expected.extend_from_slice(&envelope.to_body());
        expected.extend_from_slice(b"\n\n");
        assert_eq!(envelope.to_sse_event(), expected, "{code:?}");
    }
}

#[test]
fn the_type_comes_from_doc_url_then_the_envelope_then_the_installed_types() {
    let types = ProblemTypes::new("https://docs.example.com/errors/").unwrap();
    let code = ErrorCode::MfaRequired;
    let type_of = |body: Vec<u8>| json(&body)["type"].as_str().unwrap().to_owned();
    assert_eq!(
        type_of(code.to_body(Format::Problem)),
        "tag:error-codes,2026:mfa_required"
    );
    assert_eq!(
        type_of(
            code.envelope(Format::Problem)
                .problem_types(types)
                .to_body()
        ),
        "https://docs.example.com/errors/mfa_required"
    );
    assert_eq!(
        type_of(
            code.envelope(Format::Problem)
                .problem_types(types)
                .doc_url("https://x.test/mfa")
                .to_body()
        ),
        "https://x.test/mfa"
    );
}

#[test]
fn problem_options_leave_the_other_formats_alone() {
    let types = ProblemTypes::new("https://docs.example.com/errors/").unwrap();
    for format in [Format::OpenAi, Format::Anthropic] {
        let code = ErrorCode::DuplicateResource;
        assert_eq!(
            code.envelope(format)
                .instance("/v1/keys/k_1")
                .problem_types(types)
                .to_body(),
            code.to_body(format),
            "{format:?}"
        );
    }
}

#[test]
fn bases_that_are_not_absolute_uris() {
    for (base, error) in [
        ("", ProblemTypesError::NoScheme),
        (":x", ProblemTypesError::NoScheme),
        ("1http://x/", ProblemTypesError::NoScheme),
        ("https//x/", ProblemTypesError::NoScheme),
        ("https", ProblemTypesError::NoScheme),
        ("https://x/%4", ProblemTypesError::BadPercent { index: 10 }),
        ("https://x/%", ProblemTypesError::BadPercent { index: 10 }),
        (
            "https://x/\u{e9}",
            ProblemTypesError::InvalidByte {
                index: 10,
                byte: 0xc3,
            },
        ),
        (
            "https://x/\"",
            ProblemTypesError::InvalidByte {
                index: 10,
                byte: b'"',
            },
        ),
        (
            "https://x/\n",
            ProblemTypesError::InvalidByte {
                index: 10,
                byte: b'\n',
            },
        ),
    ] {
        assert_eq!(ProblemTypes::new(base), Err(error), "{base:?}");
    }
}

#[test]
fn absolute_uris_are_bases() {
    for base in [
        "https://docs.example.com/errors/",
        "https://x.test/errors#",
        "urn:example:errors:",
        "tag:example.com,2026:",
        "h+t-t.p:",
        "https://x.test/%2Fencoded/?code=",
        ProblemTypes::DEFAULT.base(),
    ] {
        assert_eq!(ProblemTypes::new(base).map(|types| types.base()), Ok(base));
    }
}

#[test]
fn type_uris_encode_what_a_uri_cannot_hold() {
    let types = ProblemTypes::new("https://x.test/e/").unwrap();
    assert_eq!(
        types.type_uri("budget_exhausted"),
        "https://x.test/e/budget_exhausted"
    );
    assert_eq!(
        types.type_uri("a b/c?d#e%"),
        "https://x.test/e/a%20b%2Fc%3Fd%23e%25"
    );
    assert_eq!(
        types.type_uri("x-y.z~_\u{e9}\n"),
        "https://x.test/e/x-y.z~_%C3%A9%0A"
    );
}
