//! A client that goes away, mid-stream or before the answer: the upstream
//! request is cancelled, and the gateway logs `client_disconnected`.

use crate::support::logs::Logs;
use crate::support::proxy::*;
use crate::support::*;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Waits until `done` holds, checking every 10 ms; fails with what
/// `failure` says after 5 s.
async fn within_5s(failure: impl Fn() -> String, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !done() {
        assert!(Instant::now() < deadline, "{}", failure());
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Waits until the gateway has logged `client_disconnected`.
async fn client_disconnected_is_logged(log: &Logs) {
    within_5s(
        || format!("no client_disconnected in {:?}", log.lines()),
        || {
            log.lines()
                .iter()
                .any(|line| line.contains("client_disconnected"))
        },
    )
    .await;
}

#[tokio::test]
async fn a_client_that_disconnects_cancels_the_upstream_request() {
    let Proxy {
        gateway, fake, log, ..
    } = proxy().await;
    let path = "/v1/chat/completions";
    let mut response = gateway
        .post_json(path, &body_for(path, "openrouter/endless", true))
        .await;
    assert_eq!(response.status(), 200);
    let first = response.chunk().await.unwrap().unwrap();
    assert!(first.starts_with(b"data: "), "the stream flows");
    assert!(!fake.endless_dropped.load(Ordering::SeqCst));
    drop(response);
    within_5s(
        || "the upstream stream was never cancelled".to_owned(),
        || fake.endless_dropped.load(Ordering::SeqCst),
    )
    .await;
    client_disconnected_is_logged(&log).await;
}

#[tokio::test]
async fn a_client_that_gives_up_waiting_cancels_the_upstream_request() {
    let Proxy {
        gateway, fake, log, ..
    } = proxy().await;
    let path = "/v1/chat/completions";
    let gone = gateway
        .request(reqwest::Method::POST, path)
        .header("authorization", "Bearer sk-test")
        .timeout(Duration::from_millis(200))
        .body(body_for(path, "mistral/slow", false).to_string())
        .send()
        .await;
    assert!(gone.unwrap_err().is_timeout());
    assert_eq!(fake.last_received().body["model"], "slow");
    client_disconnected_is_logged(&log).await;
    // Nothing else was logged: the upstream's late answer found no one.
    assert_eq!(log.lines().len(), 1, "{:?}", log.lines());
}
