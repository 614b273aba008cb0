//! `GET /openapi.json`: valid OpenAPI by an independent validator, and
//! every status and code of `GatewayError` in the error responses of each
//! API, one example each, in the API's format.

use crate::support::*;
use api_error_codes::{CodeList, Format, ReceivedError};
use api_error_codes_gateway::GatewayError;
use error_codes_tests::openapi_check::openapi_check;
use reqwest::Method;
use serde_json::Value;
use std::collections::BTreeSet;

/// The document the gateway serves.
async fn document() -> Value {
    let gateway = Gateway::start().await;
    let response = gateway
        .request(Method::GET, "/openapi.json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    response.json().await.unwrap()
}

#[tokio::test]
async fn the_openapi_document_is_valid_and_every_example_matches_its_schema() {
    let document = document().await;
    assert_eq!(document["openapi"], "3.1.0");
    if let Some(verdict) = openapi_check(&document) {
        let report = verdict.unwrap_or_else(|complaint| panic!("invalid document: {complaint}"));
        let codes = CodeList::of::<GatewayError>().iter();
        let per_api = codes.filter(|info| info.status() != 0).count();
        let examples = ENDPOINTS.len() * per_api;
        assert!(
            report.ends_with(&format!("; {examples} examples match their schemas")),
            "{report}"
        );
    }
}

#[tokio::test]
async fn every_status_and_code_of_gateway_error_is_in_each_apis_responses() {
    let document = document().await;
    let codes = CodeList::of::<GatewayError>();
    assert_eq!(
        codes.iter().count(),
        57,
        "GatewayError answers with every canonical code"
    );
    for (path, format) in ENDPOINTS {
        let responses = &document["paths"][path]["post"]["responses"];
        let statuses: BTreeSet<&str> = responses
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected: BTreeSet<String> = (codes.iter())
            .filter(|info| info.status() != 0)
            .map(|info| info.status().to_string())
            .collect();
        expected.insert("200".to_owned());
        assert_eq!(
            statuses,
            expected.iter().map(String::as_str).collect(),
            "{path}"
        );
        for info in codes.iter() {
            if info.status() == 0 {
                // No client receives a response for status 0.
                let all = responses.to_string();
                assert!(!all.contains(info.code()), "{path}: {}", info.code());
                continue;
            }
            let status = info.status().to_string();
            let examples = &responses[&status]["content"][format.content_type()]["examples"];
            let example = &examples[info.code()]["value"];
            assert!(
                example.is_object(),
                "{path}: {} under {status}",
                info.code()
            );
            let body = serde_json::to_vec(example).unwrap();
            let received = ReceivedError::parse(info.status(), &body).unwrap();
            assert_eq!(received.format(), format, "{path}: {}", info.code());
            assert_eq!(
                received.message(),
                info.message(),
                "{path}: {}",
                info.code()
            );
            if format == Format::OpenAi {
                assert_eq!(received.code(), Some(info.code()));
            }
        }
    }
    let catalogue = &document["paths"]["/v1/error-codes"]["get"]["responses"]["200"];
    assert!(catalogue.is_object(), "{catalogue}");
}
