//! Body shapes and bytes: the documented `type` table, each format's exact
//! shape, opt-in fields, and equality with the serde structs.

use super::*;

#[test]
fn default_types_follow_the_documented_table_for_every_status() {
    for format in ENVELOPES {
        for status in 0..=999 {
            assert_eq!(
                format.default_type(status),
                documented_type(format, status),
                "{format:?} {status}"
            );
        }
    }
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

#[test]
fn bodies_equal_serde_json_of_the_envelope_structs() {
    for &code in ErrorCode::ALL {
        let plain = code.envelope(Format::OpenAi);
        let full = code
            .envelope(Format::OpenAi)
            .doc_url("https://x.test/\u{e9}")
            .suggestion("line\r\nbreak");
        for envelope in [plain, full] {
            let structs = OpenAiEnvelope::from(envelope);
            assert_eq!(serde_json::to_vec(&structs).unwrap(), envelope.to_body());
            let back: OpenAiEnvelope = serde_json::from_slice(&envelope.to_body()).unwrap();
            assert_eq!(back, structs);
        }

        let plain = code.envelope(Format::Anthropic);
        let full = code
            .envelope(Format::Anthropic)
            .request_id("req_\u{2028}\"x\"")
            .details_error_code(true);
        for envelope in [plain, full] {
            let structs = AnthropicEnvelope::from(envelope);
            assert_eq!(serde_json::to_vec(&structs).unwrap(), envelope.to_body());
            let back: AnthropicEnvelope = serde_json::from_slice(&envelope.to_body()).unwrap();
            assert_eq!(back, structs);
        }
    }
}
