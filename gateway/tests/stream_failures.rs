//! Streams that fail, through the proxy: before any content (an HTTP
//! error the SDKs retry) and after it (the API's own error events).

use crate::support::fake_upstream::normal_events;
use crate::support::proxy::*;
use crate::support::*;
use api_error_codes::Format;
use futures_util::future::join_all;
use serde_json::Value;
use std::future::Future;

/// The ways a stream fails, and the code each is.
const STREAM_FAILURES: [(&str, u16, &str); 4] = [
    ("silent", 504, "upstream_timeout"),
    ("reset", 502, "upstream_error"),
    ("cut", 502, "upstream_error"),
    ("malformed", 502, "upstream_error"),
];

/// One stream failure on one endpoint.
#[derive(Clone, Copy)]
struct Failure {
    model: &'static str,
    status: u16,
    code: &'static str,
    path: &'static str,
    format: Format,
    provider: &'static str,
}

/// Asks for every stream failure on every endpoint at once, so that the
/// silent streams' timeouts overlap (`late/` in the model: after content),
/// and checks each answer.
async fn ask_every_failure<F, Checked>(gateway: &Gateway, late: bool, check: F)
where
    F: Fn(reqwest::Response, Failure) -> Checked,
    Checked: Future<Output = ()>,
{
    let failures = STREAM_FAILURES
        .into_iter()
        .flat_map(|(model, status, code)| {
            ENDPOINTS.into_iter().map(move |(path, format)| Failure {
                model,
                status,
                code,
                path,
                format,
                provider: stream_provider(format),
            })
        });
    join_all(failures.map(|failure| {
        let check = &check;
        async move {
            let Failure {
                model,
                path,
                provider,
                ..
            } = failure;
            let model = if late {
                format!("{provider}/late/{model}")
            } else {
                format!("{provider}/{model}")
            };
            let response = gateway.post_json(path, &body_for(path, &model, true)).await;
            check(response, failure).await;
        }
    }))
    .await;
}

/// The provider the stream tests forward `format` to.
fn stream_provider(format: Format) -> &'static str {
    match format {
        Format::Anthropic => "anthropic",
        _ => "deepseek",
    }
}

#[tokio::test]
async fn streams_that_fail_before_any_content_are_http_errors() {
    let Proxy { gateway, log, .. } = proxy().await;
    ask_every_failure(&gateway, false, |response, it| async move {
        assert_upstream_error(response, it.format, it.status, it.code, it.provider).await;
    })
    .await;
    let timed_out = [
        "upstream failed",
        "provider=deepseek",
        "code=upstream_timeout",
    ];
    assert_eq!(log.matching(&timed_out).len(), 2, "{:?}", log.lines());
    let cut = [
        "provider=anthropic",
        "code=upstream_error",
        "before its terminal event",
    ];
    assert_eq!(log.matching(&cut).len(), 1, "{:?}", log.lines());
}

#[tokio::test]
async fn streams_that_fail_after_content_end_with_the_apis_error_events() {
    let Proxy { gateway, .. } = proxy().await;
    ask_every_failure(&gateway, true, |response, failure| async move {
        let Failure {
            model,
            code,
            path,
            format,
            provider,
            ..
        } = failure;
        let what = format!("late/{model} on {path}");
        assert_eq!(response.status(), 200, "{what}");
        let id = request_id(&response, format);
        let text = response.text().await.unwrap();
        let normal = normal_events(path);
        assert!(text.starts_with(&normal[..2].concat()), "{what}: {text}");
        let events = sse_events(&text[normal[..2].concat().len()..]);
        let data: Vec<Value> = (events.iter())
            .map(|(_, data)| serde_json::from_str(data).unwrap())
            .collect();
        match (path, format) {
            ("/v1/responses", _) => {
                let names: Vec<_> = events.iter().map(|(name, _)| name.as_deref()).collect();
                assert_eq!(names, [Some("error"), Some("response.failed")], "{what}");
                assert_eq!(data[0]["code"], code, "{what}");
                assert_eq!(data[0]["sequence_number"], 2, "{what}: numbering continues");
                assert_eq!(data[1]["response"]["id"], "resp_up", "{what}");
            }
            (_, Format::Anthropic) => {
                assert_eq!(events.len(), 1, "{what}");
                assert_eq!(events[0].0.as_deref(), Some("error"), "{what}");
                assert_eq!(code_of(&data[0], format), code, "{what}");
                assert_eq!(data[0]["request_id"], id.as_str(), "{what}");
            }
            _ => {
                assert_eq!(events.len(), 1, "{what}");
                assert_eq!(code_of(&data[0], format), code, "{what}");
                assert_eq!(data[0]["error"]["provider"], provider, "{what}");
            }
        }
    })
    .await;
}
