//! The `utoipa` feature: an OpenAPI document for three routes in the three
//! formats, validated by an independent validator (`scripts/openapi-check.py`:
//! openapi-spec-validator, and each example against its schema), and every
//! status and code of each route's error type found in it, its example
//! read back by `ReceivedError`.

use api_error_codes::openapi::{AnthropicErrors, ErrorSchemas, OpenAiErrors, ProblemErrors};
use api_error_codes::{ApiError, CodeList, ErrorCode, Format, ReceivedError};
use error_codes_tests::openapi_check::openapi_check;
use serde_json::Value;
use std::collections::BTreeSet;
use utoipa::OpenApi;

/// A chat route's errors: private codes, a canonical code with its own
/// message, and the catalogue.
#[derive(Debug, ApiError)]
#[allow(dead_code)] // Only the codes are read.
enum ChatError {
    #[api_error(
        code = "model_not_found",
        message = "no model named {0}",
        param = "model"
    )]
    NoModel(String),
    #[api_error(
        code = "prompt_too_long",
        status = 400,
        message = "The prompt is too long"
    )]
    PromptTooLong,
    #[api_error(code = "teapot", status = 418, message = "I am a teapot")]
    Teapot,
    #[api_error(transparent)]
    Canonical(ErrorCode),
}

/// A management route's errors, answered as problem details.
#[derive(Debug, ApiError)]
#[allow(dead_code)] // Only the codes are read.
enum KeyError {
    #[api_error(code = "duplicate_resource")]
    Duplicate,
    #[api_error(code = "key_locked", status = 423, message = "The key is locked")]
    Locked,
    #[api_error(code = "client_disconnected")]
    Gone,
}

/// A chat completion.
#[utoipa::path(post, path = "/v1/chat/completions",
    responses((status = 200, description = "The completion"), OpenAiErrors<ChatError>))]
#[allow(dead_code)]
fn chat_completions() {}

/// A message.
#[utoipa::path(post, path = "/v1/messages",
    responses((status = 200, description = "The message"), AnthropicErrors<ChatError>))]
#[allow(dead_code)]
fn messages() {}

/// Stores a key.
#[utoipa::path(put, path = "/admin/keys/{id}", params(("id" = String, Path, description = "The key's id")),
    responses((status = 204, description = "Stored"), ProblemErrors<KeyError>))]
#[allow(dead_code)]
fn put_key() {}

#[derive(OpenApi)]
#[openapi(paths(chat_completions, messages, put_key), modifiers(&ErrorSchemas))]
struct Api;

/// The same routes, without the envelope schemas their responses refer to.
#[derive(OpenApi)]
#[openapi(paths(chat_completions, messages, put_key))]
struct WithoutSchemas;

/// Each route: path, method, success status, format, the codes of its errors.
fn routes() -> [(&'static str, &'static str, &'static str, Format, CodeList); 3] {
    [
        (
            "/v1/chat/completions",
            "post",
            "200",
            Format::OpenAi,
            CodeList::of::<ChatError>(),
        ),
        (
            "/v1/messages",
            "post",
            "200",
            Format::Anthropic,
            CodeList::of::<ChatError>(),
        ),
        (
            "/admin/keys/{id}",
            "put",
            "204",
            Format::Problem,
            CodeList::of::<KeyError>(),
        ),
    ]
}

#[test]
fn the_document_is_valid_openapi_and_every_example_matches_its_schema() {
    let document = serde_json::to_value(Api::openapi()).unwrap();
    if let Some(verdict) = openapi_check(&document) {
        let report = verdict.unwrap_or_else(|complaint| panic!("invalid document: {complaint}"));
        let examples: usize = (routes().iter())
            .map(|(_, _, _, _, codes)| codes.iter().filter(|info| info.status() != 0).count())
            .sum();
        assert!(
            report.ends_with(&format!("; {examples} examples match their schemas")),
            "{report}"
        );
    }
}

#[test]
fn the_validator_rejects_responses_whose_schemas_are_missing_and_examples_that_do_not_match() {
    let without_schemas = serde_json::to_value(WithoutSchemas::openapi()).unwrap();
    if let Some(verdict) = openapi_check(&without_schemas) {
        let complaint = verdict.expect_err("refs to missing schemas are invalid");
        assert!(complaint.contains("OpenAiEnvelope"), "{complaint}");
    }
    let mut wrong_example = serde_json::to_value(Api::openapi()).unwrap();
    let examples = &mut wrong_example["paths"]["/v1/messages"]["post"]["responses"]["418"]
        ["content"]["application/json"]["examples"];
    examples["teapot"]["value"]["error"]["message"] = Value::from(418);
    if let Some(verdict) = openapi_check(&wrong_example) {
        let complaint = verdict.expect_err("a message must be a string");
        assert!(complaint.contains("example 'teapot'"), "{complaint}");
    }
}

#[test]
fn every_status_and_code_of_a_routes_error_type_is_in_its_responses() {
    let document = serde_json::to_value(Api::openapi()).unwrap();
    for (path, method, success, format, codes) in routes() {
        let responses = &document["paths"][path][method]["responses"];
        let statuses: BTreeSet<String> = responses.as_object().unwrap().keys().cloned().collect();
        let mut expected: BTreeSet<String> = (codes.iter())
            .filter(|info| info.status() != 0)
            .map(|info| info.status().to_string())
            .collect();
        expected.insert(success.to_owned());
        assert_eq!(statuses, expected, "{method} {path}");

        for info in codes.iter() {
            let status = info.status().to_string();
            let content = &responses[&status]["content"][format.content_type()];
            let named = |code| {
                content["examples"]
                    .as_object()
                    .is_some_and(|e| e.contains_key(code))
            };
            if info.status() == 0 {
                let all = serde_json::to_string(responses).unwrap();
                assert!(
                    !all.contains(info.code()),
                    "{}: no response for status 0",
                    info.code()
                );
                continue;
            }
            assert!(
                named(info.code()),
                "{method} {path}: {} under {status}",
                info.code()
            );
            let description = responses[&status]["description"].as_str().unwrap();
            assert!(description.contains(info.code()), "{description}");
            let example = &content["examples"][info.code()];
            assert_eq!(example["summary"], info.description());
            let body = serde_json::to_vec(&example["value"]).unwrap();
            let received = ReceivedError::parse(info.status(), &body).expect("an error body");
            assert_eq!(received.format(), format, "{}", info.code());
            // The Anthropic envelope carries the code only with
            // `details_error_code`, which the default rendering leaves off.
            let code = (format != Format::Anthropic).then_some(info.code());
            assert_eq!(received.code(), code, "{}", info.code());
            assert_eq!(received.message(), info.message());
        }
    }
    for name in ["OpenAiEnvelope", "AnthropicEnvelope", "ProblemDetails"] {
        assert!(
            document["components"]["schemas"][name].is_object(),
            "{name}"
        );
    }
}
