//! Body shapes and bytes: the documented `type` table, each format's exact
//! shape, and the opt-in fields.

use super::*;

#[test]
fn default_types_follow_the_documented_table() {
    for (status, openai, anthropic) in STATUS_TYPES {
        assert_eq!(Format::OpenAi.default_type(status), openai, "{status}");
        assert_eq!(
            Format::Anthropic.default_type(status),
            anthropic,
            "{status}"
        );
        assert_eq!(Format::Problem.default_type(status), "about:blank");
    }
}

/// Without an id, the Anthropic body still has `request_id`, as `null`:
/// the official SDKs' `ErrorResponse` declares the key (TypeScript
/// `request_id: string | null` in anthropic-sdk-typescript
/// `src/resources/shared.ts`; Go `RequestID string
/// json:"request_id,required"` in anthropic-sdk-go `shared/shared.go`;
/// Python `request_id: Optional[str] = None` in anthropic-sdk-python
/// `src/anthropic/types/shared/error_response.py`), and Anthropic's API
/// always sends it.
#[test]
fn the_anthropic_request_id_is_null_without_an_id() {
    let body = text(ErrorCode::InternalError.to_body(Format::Anthropic));
    assert!(body.ends_with(r#"},"request_id":null}"#), "{body}");
    let body = ErrorCode::InternalError
        .envelope(Format::Anthropic)
        .request_id("req_011CSHoEeqs5C35K2UUqR7Fy")
        .to_body();
    assert!(text(body).ends_with(r#"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}"#));
}

#[test]
fn every_body_has_the_exact_shape_of_its_format() {
    for &code in ErrorCode::ALL {
        for format in ENVELOPES {
            let body = text(code.to_body(format));
            assert_eq!(body, expected_body(code, format), "{code:?} {format:?}");

            let json: Value = serde_json::from_str(&body).unwrap();
            match format {
                Format::OpenAi => {
                    let error = json["error"].as_object().unwrap();
                    assert_eq!(json.as_object().unwrap().len(), 1);
                    assert_eq!(error.len(), 4, "message, type, param, code");
                    assert_eq!(error["code"], code.code());
                    assert_eq!(error["param"], Value::Null);
                    assert_eq!(error["message"], code.description());
                    assert_eq!(error["type"], code.openai_type());
                }
                Format::Anthropic => {
                    assert_eq!(json.as_object().unwrap().len(), 3);
                    assert_eq!(json["type"], "error");
                    assert_eq!(json["request_id"], Value::Null);
                    let error = json["error"].as_object().unwrap();
                    assert_eq!(error.len(), 2, "type and message, no code");
                    assert!(!error.contains_key("code"));
                    assert_eq!(error["message"], code.description());
                    assert_eq!(error["type"], code.anthropic_type());
                }
                other => not_an_envelope(other),
            }
        }
    }
}

#[test]
fn anthropic_details_error_code_is_opt_in() {
    for &code in ErrorCode::ALL {
        let body = text(
            code.envelope(Format::Anthropic)
                .details_error_code(true)
                .request_id("req_1")
                .to_body(),
        );
        assert_eq!(
            body,
            format!(
                r#"{{"type":"error","error":{{"type":{},"message":{},"details":{{"error_code":{}}}}},"request_id":"req_1"}}"#,
                quoted(expected_type(code, Format::Anthropic)),
                quoted(code.description()),
                quoted(code.code()),
            )
        );
        // No effect on OpenAI, which always has `code`.
        assert_eq!(
            code.envelope(Format::OpenAi)
                .details_error_code(true)
                .to_body(),
            code.to_body(Format::OpenAi)
        );
    }
}

#[test]
fn doc_url_and_suggestion_are_off_unless_set_and_openai_only() {
    for &code in ErrorCode::ALL {
        let url = format!("https://errors.example/{}", code.code());
        let body = text(
            code.envelope(Format::OpenAi)
                .doc_url(&url)
                .suggestion("Try \"again\"\nlater")
                .to_body(),
        );
        let without_close = expected_body(code, Format::OpenAi);
        let prefix = &without_close[..without_close.len() - 2];
        assert_eq!(
            body,
            format!(
                r#"{prefix},"doc_url":{},"suggestion":{}}}}}"#,
                quoted(&url),
                quoted("Try \"again\"\nlater")
            )
        );
        let anthropic = code
            .envelope(Format::Anthropic)
            .doc_url(&url)
            .suggestion("x")
            .to_body();
        assert_eq!(anthropic, code.to_body(Format::Anthropic));
    }
}
