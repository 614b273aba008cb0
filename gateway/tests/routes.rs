//! Routing: wrong methods, unknown paths, the catalogue endpoint, request
//! ids.

use crate::support::*;
use api_error_codes::{ApiError, ErrorCode, Format};
use reqwest::Method;
use serde_json::Value;
use std::collections::HashSet;

#[tokio::test]
async fn wrong_methods_are_method_not_allowed_in_the_paths_format() {
    let gateway = Gateway::start().await;
    let cases = [
        (Method::GET, "/v1/chat/completions", Format::OpenAi, "POST"),
        (Method::PUT, "/v1/chat/completions", Format::OpenAi, "POST"),
        (Method::GET, "/v1/messages", Format::Anthropic, "POST"),
        (Method::DELETE, "/v1/messages", Format::Anthropic, "POST"),
        (Method::GET, "/v1/responses", Format::OpenAi, "POST"),
        (Method::POST, "/v1/error-codes", Format::OpenAi, "GET,HEAD"),
    ];
    for (method, path, format, allow) in cases {
        let response = gateway
            .request(method.clone(), path)
            .header("authorization", "Bearer sk-test")
            .send()
            .await
            .unwrap();
        assert_eq!(header(&response, "allow"), Some(allow), "{method} {path}");
        let body = assert_error(response, format, 405, "method_not_allowed", None).await;
        let message = body["error"]["message"].as_str().unwrap();
        let expected = format!("HTTP method not supported on this endpoint: {method} {path}");
        assert!(message.starts_with(&expected), "{message}");
    }
}

#[tokio::test]
async fn unknown_paths_are_resource_not_found_by_the_documented_rule() {
    let gateway = Gateway::start().await;
    let cases = [
        ("/", None, Format::OpenAi),
        ("/v1/completions", None, Format::OpenAi),
        ("/v1/chat/completions/extra", None, Format::OpenAi),
        ("/v1/messages/count_tokens", None, Format::Anthropic),
        ("/v1/messages/batches/x", None, Format::Anthropic),
        ("/v1/messagesx", None, Format::OpenAi),
        ("/v1/models", Some("2023-06-01"), Format::Anthropic),
        ("/v1/responses/resp_1", None, Format::OpenAi),
        ("/v1/responses/resp_1", Some("2023-06-01"), Format::OpenAi),
    ];
    for (path, anthropic_version, format) in cases {
        let mut request = gateway
            .request(Method::POST, path)
            .header("authorization", "Bearer sk-test");
        if let Some(version) = anthropic_version {
            request = request.header("anthropic-version", version);
        }
        let response = request.send().await.unwrap();
        assert_error(response, format, 404, "resource_not_found", None).await;
    }
}

#[tokio::test]
async fn the_catalogue_lists_all_57_codes() {
    let gateway = Gateway::start().await;
    let response = gateway
        .request(Method::GET, "/v1/error-codes")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    request_id(&response, Format::OpenAi);
    let body: Value = response.json().await.unwrap();
    let object = body.as_object().unwrap();
    assert_eq!(object.keys().collect::<Vec<_>>(), ["data"]);
    let data = body["data"].as_array().unwrap();
    let table = error_codes_tests::catalogue();
    assert_eq!(data.len(), table.len());
    for (entry, row) in data.iter().zip(&table) {
        let keys: HashSet<&str> = entry
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            HashSet::from([
                "code",
                "status",
                "description",
                "retryable",
                "openai_type",
                "anthropic_type",
                "problem_type"
            ])
        );
        assert_eq!(entry["code"], row.code.as_str());
        assert_eq!(entry["status"], row.status);
        assert_eq!(entry["description"], row.description.as_str());
        assert_eq!(entry["retryable"], row.retryable);
        let code = ErrorCode::from_code(&row.code).unwrap();
        assert_eq!(entry["openai_type"], code.openai_type());
        assert_eq!(entry["anthropic_type"], code.anthropic_type());
        assert_eq!(
            entry["problem_type"],
            format!("tag:error-codes,2026:{}", row.code)
        );
    }
    let budget = data
        .iter()
        .find(|entry| entry["code"] == "budget_exhausted")
        .unwrap();
    assert_eq!(budget["openai_type"], "rate_limit_error");
    assert_eq!(budget["anthropic_type"], "billing_error");

    let head = gateway
        .request(Method::HEAD, "/v1/error-codes")
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), 200);
}

#[tokio::test]
async fn every_response_has_its_own_request_id() {
    let gateway = Gateway::start().await;
    let mut seen = HashSet::new();
    for round in 0..5 {
        for (path, format) in ENDPOINTS {
            for model in ["echo", "error/internal_error"] {
                let stream = round % 2 == 0;
                let response = gateway
                    .post_json(path, &body_for(path, model, stream))
                    .await;
                assert!(seen.insert(request_id(&response, format)), "ids repeat");
            }
        }
        let response = gateway
            .request(Method::GET, "/nowhere")
            .send()
            .await
            .unwrap();
        assert!(seen.insert(request_id(&response, Format::OpenAi)));
    }
    assert_eq!(seen.len(), 35);
}
