//! The proxy tests' setup: the gateway with every forwardable provider
//! configured on one fake upstream, and how their answers are read.

use super::fake_upstream::FakeUpstream;
use super::logs::Logs;
use super::{header, request_id, Gateway};
use api_error_codes::upstream::Provider;
use api_error_codes::Format;
use api_error_codes_gateway::{Config, UpstreamConfig};
use serde_json::Value;
use std::time::Duration;

/// The proxy's upstream body limit.
pub const UPSTREAM_BODY_LIMIT: usize = 64 << 10;

/// The providers a request can be forwarded to as it is.
pub const FORWARDED: [&str; 7] = [
    "openai",
    "mistral",
    "groq",
    "deepseek",
    "openrouter",
    "openai_compatible",
    "anthropic",
];

pub struct Proxy {
    pub gateway: Gateway,
    pub fake: FakeUpstream,
    /// The gateway's log, captured while this lives.
    pub log: Logs,
}

/// The gateway with every forwarded provider (and Gemini) configured on
/// the fake, each with its own key, a 1 s upstream timeout and a 64 KiB
/// upstream body limit; its log captured.
pub async fn proxy() -> Proxy {
    proxy_logging(Logs::capture()).await
}

/// [`proxy`], its log captured by `log`.
pub async fn proxy_logging(log: Logs) -> Proxy {
    let fake = FakeUpstream::start().await;
    let upstreams = FORWARDED
        .iter()
        .chain(&["gemini"])
        .map(|name| UpstreamConfig {
            provider: name.parse::<Provider>().unwrap(),
            url: fake.url.clone(),
            key: Some(format!("upstream-key-{name}")),
        })
        .collect();
    let config = Config {
        upstreams,
        upstream_timeout: Duration::from_secs(1),
        upstream_body_limit: UPSTREAM_BODY_LIMIT,
        ..Config::default()
    };
    let gateway = Gateway::start_with(&config).await;
    Proxy { gateway, fake, log }
}

/// The endpoints a provider's requests go to, with their formats.
pub fn endpoints_of(provider: &str) -> &'static [(&'static str, Format)] {
    if provider == "anthropic" {
        &[("/v1/messages", Format::Anthropic)]
    } else {
        &[
            ("/v1/chat/completions", Format::OpenAi),
            ("/v1/responses", Format::OpenAi),
        ]
    }
}

/// The stable code of an error body in `format`.
pub fn code_of(body: &Value, format: Format) -> &str {
    let pointer = match format {
        Format::OpenAi => "/error/code",
        Format::Anthropic => "/error/details/error_code",
        other => panic!("the gateway serves no {other:?} endpoint"),
    };
    body.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// The key-like pieces of an upstream body (`sk-...`, `org-...`), which
/// must never reach the client.
pub fn secrets(body: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(body)
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .filter(|piece| {
            ["sk-", "org-", "proj_"]
                .iter()
                .any(|prefix| piece.starts_with(prefix))
        })
        .filter(|piece| piece.len() > 6)
        .map(str::to_owned)
        .collect()
}

/// An upstream failure of the gateway itself: the catalogue's message, the
/// retry headers, and the provider named (OpenAI format).
pub async fn assert_upstream_error(
    response: reqwest::Response,
    format: Format,
    status: u16,
    code: &str,
    provider: &str,
) {
    assert_eq!(response.status().as_u16(), status, "{code}");
    assert_eq!(header(&response, "x-should-retry"), Some("true"), "{code}");
    assert_eq!(header(&response, "retry-after-ms"), Some("1000"), "{code}");
    request_id(&response, format);
    let body: Value = response.json().await.unwrap();
    assert_eq!(code_of(&body, format), code);
    let expected = api_error_codes::ErrorCode::from_code(code).unwrap();
    assert_eq!(body["error"]["message"], expected.description());
    if format == Format::OpenAi {
        assert_eq!(body["error"]["provider"], provider);
    }
}
