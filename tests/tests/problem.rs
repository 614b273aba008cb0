//! Problem details bodies (`Format::Problem`, RFC 9457): every canonical
//! code field by field, the bytes `serde_json` writes for the same object,
//! what the `http-api-problem` crate reads from them, responses and SSE
//! events.

use api_error_codes::{ApiError, ErrorCode, Format, ProblemTypes};
use error_codes_tests::{seed_table, ProblemPeer, RETRYABLE_CODES};
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
    let table = seed_table();
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

/// Every code, with each combination of options, is byte for byte what
/// `serde_json` writes for the same members.
#[test]
fn bodies_are_the_bytes_serde_json_writes() {
    let doc_url = "https://docs.example.com/errors#\"quoted\"";
    for code in ErrorCode::ALL {
        let type_uri = format!("tag:error-codes,2026:{}", code.code());
        for options in 0..8 {
            let request_id = (options & 1 != 0).then_some("req_\u{e9}\n1");
            let instance = (options & 2 != 0).then_some("/v1/keys/k 1");
            let documented = options & 4 != 0;
            let mut envelope = code.envelope(Format::Problem);
            if let Some(id) = request_id {
                envelope = envelope.request_id(id);
            }
            if let Some(instance) = instance {
                envelope = envelope.instance(instance);
            }
            if documented {
                envelope = envelope.doc_url(doc_url).suggestion("Look it up");
            }
            let from_id = request_id.map(|_| "urn:request-id:req_%C3%A9%0A1");
            let expected = serde_json::to_vec(&ProblemPeer {
                problem_type: if documented { doc_url } else { &type_uri },
                title: code.description(),
                status: wire_status(code.status()),
                detail: &code.message(),
                instance: instance.or(from_id),
                code: code.code(),
                param: None,
                retryable: code.is_retryable(),
                request_id,
                suggestion: documented.then_some("Look it up"),
            })
            .unwrap();
            assert_eq!(
                String::from_utf8(envelope.to_body()).unwrap(),
                String::from_utf8(expected).unwrap(),
                "{code:?} {options}"
            );
        }
    }
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
    let bytes = error.to_body(Format::Problem);
    let expected = serde_json::to_vec(&ProblemPeer {
        problem_type: "tag:error-codes,2026:field_immutable",
        title: ErrorCode::FieldImmutable.description(),
        status: 400,
        detail: "`region` cannot change once the workspace exists",
        instance: None,
        code: "field_immutable",
        param: Some("region"),
        retryable: false,
        request_id: None,
        suggestion: None,
    })
    .unwrap();
    assert_eq!(bytes, expected);

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
    assert_eq!(
        code.info().problem_type(),
        "tag:error-codes,2026:mfa_required"
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
