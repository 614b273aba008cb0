//! The upstream corpus (`tests/upstream-corpus/*.json`): real provider
//! error responses and stream events, each with its source and expected
//! translation, read for the tests that run them.

use api_error_codes::upstream::{Provider, UpstreamError};
use base64::Engine as _;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One case of the corpus, as its README describes the format.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// A unique name, such as `anthropic-overloaded-529`.
    pub name: String,
    /// The provider's wire name, that of its file.
    pub provider: String,
    /// A response or a stream event.
    pub kind: Kind,
    /// The HTTP status of a response.
    pub status: Option<u16>,
    /// The headers of a response.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// The body, as sent.
    pub body: Option<String>,
    /// A body that is not UTF-8, in base64.
    pub body_base64: Option<String>,
    /// A stream event, as it arrives.
    pub event: Option<String>,
    /// What the translation must give.
    pub expect: Expect,
    /// Where the body (or the message it was rebuilt from) was seen.
    pub source: String,
    /// Remarks; starts with `reconstructed:` for a rebuilt body.
    pub note: Option<String>,
    /// Which class of failure the case covers (new cases only).
    pub class: Option<String>,
}

/// What a case is.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An HTTP error response.
    Response,
    /// One server-sent event inside a 200 stream.
    Sse,
}

/// A case's expected translation.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The canonical code; `None` for an event that is not an error.
    pub canonical: Option<String>,
    /// The provider's own code, type or status name.
    pub upstream_code: Option<String>,
    /// The request parameter named.
    pub param: Option<String>,
    /// The delay asked for, in milliseconds.
    pub retry_after_ms: Option<u64>,
    /// Text that must not reach the client.
    #[serde(default)]
    pub redact: Vec<String>,
    /// Text the client sent that must reach it.
    #[serde(default)]
    pub keep: Vec<String>,
}

impl Case {
    /// The provider, parsed from its wire name.
    pub fn provider(&self) -> Provider {
        self.provider.parse().expect("a known provider")
    }

    /// The response's headers.
    pub fn header_map(&self) -> api_error_codes::http::HeaderMap {
        let mut headers = api_error_codes::http::HeaderMap::new();
        for (name, value) in &self.headers {
            let name = api_error_codes::http::HeaderName::from_bytes(name.as_bytes())
                .expect("a header name");
            headers.append(name, value.parse().expect("a header value"));
        }
        headers
    }

    /// The raw bytes: a response's body, or the event.
    pub fn bytes(&self) -> Vec<u8> {
        match (self.kind, &self.body, &self.body_base64, &self.event) {
            (Kind::Response, Some(body), None, _) => body.clone().into_bytes(),
            (Kind::Response, None, Some(encoded), _) => base64::engine::general_purpose::STANDARD
                .decode(encoded)
                .expect("valid base64"),
            (Kind::Sse, None, None, Some(event)) => event.clone().into_bytes(),
            _ => panic!(
                "{}: a response has one body, an event only its event",
                self.name
            ),
        }
    }

    /// What `UpstreamError` makes of the case with `bytes` in place of
    /// its own: `None` for an event that is not an error.
    pub fn run_with(&self, bytes: &[u8]) -> Option<UpstreamError> {
        match self.kind {
            Kind::Response => Some(UpstreamError::from_response(
                self.provider(),
                self.status.expect("a response has a status"),
                &self.header_map(),
                bytes,
            )),
            Kind::Sse => UpstreamError::from_sse_event(self.provider(), bytes),
        }
    }

    /// What `UpstreamError` makes of the case.
    pub fn run(&self) -> Option<UpstreamError> {
        self.run_with(&self.bytes())
    }
}

/// Every case of the training side (`upstream-corpus/<provider>.json`),
/// in provider order: the cases the translation table was written from.
pub fn corpus() -> Vec<Case> {
    read_side("upstream-corpus")
}

/// Every case of the held-out side (`upstream-corpus/held-out/`), in
/// provider order: cases the table was not written from, for measuring
/// how it generalizes.
pub fn held_out() -> Vec<Case> {
    read_side("upstream-corpus/held-out")
}

fn read_side(folder: &str) -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut cases = Vec::new();
    for provider in Provider::ALL {
        let file = dir.join(format!("{}.json", provider.name()));
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|error| panic!("{}: {error}", file.display()));
        let file_cases: Vec<Case> = serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("{}: {error}", file.display()));
        for case in &file_cases {
            assert_eq!(
                case.provider,
                provider.name(),
                "{}: the provider of its file",
                case.name
            );
        }
        cases.extend(file_cases);
    }
    cases
}

/// The gateway's secrets in the earlier corpus bodies, whose notes say
/// `secret:` (the cases added since list theirs as `expect.redact`).
pub const SECRETS: &[(&str, &[&str])] = &[
    (
        "bedrock-access-denied-explicit-deny-capital-message",
        &["0482xxxxxxxx", "mcp-tenantOperator", "arn:aws"],
    ),
    ("deepseek-authentication-fails-masked-key", &["****eek}"]),
    (
        "groq-rate-limit-tpm-org-try-again-fractional-seconds",
        &["org_01hrsvc1b8ey0anvbgha0xckf2"],
    ),
    ("openai-invalid-api-key-redacted-sk", &["sk-VKMIs", "wjh3"]),
    (
        "openai-rate-limit-tpm-org-try-again-seconds",
        &["org-uVqpjtJiKqvVJMVfvpaounIh"],
    ),
    (
        "openai-request-too-large-for-tpm",
        &["org-78asdf87asdf9aaa8976"],
    ),
    (
        "openrouter-400-not-a-valid-model-id-user-id",
        &["user_39yvGR6gBlXf8o3DGgqb1NeHs5u"],
    ),
    (
        "vertex-404-publisher-model-not-found",
        &["248190060486", "projects/"],
    ),
    (
        "vertex-403-permission-denied-iam",
        &["rhel-lightspeed", "projects/"],
    ),
];

/// Every case of both sides of the corpus.
pub fn every_case() -> Vec<Case> {
    let mut cases = corpus();
    cases.extend(held_out());
    cases
}
