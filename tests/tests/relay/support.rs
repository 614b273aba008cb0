//! A fake upstream that plays scripted event streams over real HTTP, and
//! a tiny gateway whose one route relays it with `Relay` behind
//! `ErrorLayer`, as a gateway builder would write them.

use api_error_codes::layer::{ErrorContext, ErrorLayer};
use api_error_codes::stream::{ClientApi, Outcome, Relay};
use api_error_codes::upstream::Provider;
use api_error_codes::Format;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The idle timeout of the gateway's relays.
pub const IDLE: Duration = Duration::from_millis(300);

/// One step of a scripted upstream stream.
#[derive(Clone, Debug)]
pub enum Step {
    /// Sends these bytes as one chunk.
    Send(String),
    /// Sends nothing more, and keeps the connection open.
    Hang,
    /// Breaks the connection (the body fails; hyper aborts it).
    Break,
}

pub use Step::{Break, Hang};

/// `Step::Send`.
pub fn send(bytes: impl Into<String>) -> Step {
    Step::Send(bytes.into())
}

/// A script's steps and the flag set when its stream is dropped (the
/// gateway closed the connection).
#[derive(Clone)]
struct Script {
    steps: Vec<Step>,
    dropped: Arc<AtomicBool>,
}

#[derive(Clone, Default)]
pub struct Upstream {
    scripts: Arc<Mutex<HashMap<String, Script>>>,
}

/// Sets its flag when dropped.
struct DropFlag(Arc<AtomicBool>);

impl Drop for DropFlag {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

impl Upstream {
    /// Plays `steps` for the next request to `/<name>`; the flag tells
    /// when the stream is dropped.
    pub fn script(&self, steps: Vec<Step>) -> (String, Arc<AtomicBool>) {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("s{}", NEXT.fetch_add(1, Ordering::Relaxed));
        let dropped = Arc::new(AtomicBool::new(false));
        let script = Script {
            steps,
            dropped: dropped.clone(),
        };
        self.scripts.lock().unwrap().insert(name.clone(), script);
        (name, dropped)
    }
}

async fn play(State(upstream): State<Upstream>, Path(name): Path<String>) -> Response {
    let script = upstream
        .scripts
        .lock()
        .unwrap()
        .remove(&name)
        .expect("a script");
    let guard = DropFlag(script.dropped);
    let steps = script.steps.into_iter();
    let chunks = futures_util::stream::unfold((steps, guard), |(mut steps, guard)| async move {
        match steps.next()? {
            Step::Send(bytes) => Some((Ok(Bytes::from(bytes)), (steps, guard))),
            Step::Hang => std::future::pending().await,
            Step::Break => {
                // Lets the chunks before it reach the gateway first.
                tokio::time::sleep(Duration::from_millis(100)).await;
                Some((Err(std::io::Error::other("upstream broke")), (steps, guard)))
            }
        }
    });
    let mut response = Response::new(Body::from_stream(chunks));
    response
        .headers_mut()
        .insert("content-type", "text/event-stream".parse().unwrap());
    response
}

/// The fake upstream and the gateway, both serving on 127.0.0.1.
pub struct Setup {
    pub upstream: Upstream,
    pub gateway: String,
    pub client: reqwest::Client,
    /// What each relay reported, by script name.
    pub outcomes: Arc<Mutex<HashMap<String, Outcome>>>,
}

#[derive(Clone)]
struct GatewayState {
    upstream_url: String,
    client: reqwest::Client,
    outcomes: Arc<Mutex<HashMap<String, Outcome>>>,
}

impl Setup {
    pub async fn start() -> Setup {
        let upstream = Upstream::default();
        let upstream_url = serve(
            Router::new()
                .route("/{name}", post(play))
                .with_state(upstream.clone()),
        )
        .await;
        let outcomes = Arc::default();
        let state = GatewayState {
            upstream_url,
            client: reqwest::Client::new(),
            outcomes: Arc::clone(&outcomes),
        };
        let gateway = serve(
            Router::new()
                .route("/{api}/{mode}/{name}", post(relay))
                .with_state(state)
                .layer(
                    ErrorLayer::new(Format::OpenAi)
                        .format_under("/messages", Format::Anthropic)
                        .details_error_code(true),
                ),
        )
        .await;
        Setup {
            upstream,
            gateway,
            client: reqwest::Client::new(),
            outcomes,
        }
    }

    /// Plays `steps` through the gateway's relay for `api` (`chat`,
    /// `messages`, `responses`), holding the preamble or not; the script's
    /// name and drop flag come back with the response.
    pub async fn relay(
        &self,
        api: &str,
        hold: bool,
        steps: Vec<Step>,
    ) -> (reqwest::Response, String, Arc<AtomicBool>) {
        let (name, dropped) = self.upstream.script(steps);
        let mode = if hold { "hold" } else { "pass" };
        let url = format!("{}/{api}/{mode}/{name}", self.gateway);
        let response = self.client.post(url).send().await.unwrap();
        (response, name, dropped)
    }

    /// The outcome the relay of script `name` reported, once it has.
    pub async fn outcome(&self, name: &str) -> Outcome {
        wait_until(|| self.outcomes.lock().unwrap().get(name).cloned()).await
    }
}

async fn serve(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await });
    url
}

/// The gateway's route: the request forwarded, the answer relayed.
async fn relay(
    State(state): State<GatewayState>,
    context: ErrorContext,
    Path((api, mode, name)): Path<(String, String, String)>,
) -> Response {
    let (api, provider) = match api.as_str() {
        "chat" => (ClientApi::ChatCompletions, Provider::OpenAi),
        "messages" => (ClientApi::Messages, Provider::Anthropic),
        _ => (ClientApi::Responses, Provider::OpenAi),
    };
    let upstream = state
        .client
        .post(format!("{}/{name}", state.upstream_url))
        .send()
        .await
        .unwrap();
    let outcomes = state.outcomes.clone();
    let relay = Relay::new(api, provider)
        .request_id(context.request_id())
        .details_error_code(true)
        .idle_timeout(IDLE)
        .hold_preamble(mode == "hold")
        .on_finish(move |outcome| {
            outcomes.lock().unwrap().insert(name, outcome);
        });
    match relay.start(upstream.bytes_stream()).await {
        Ok(events) => events.into_response(),
        Err(error) => context.envelope(&error).into_response(),
    }
}

/// What `check` gives once it gives something, checked every 10 ms for
/// up to 5 s (the events tested take milliseconds).
pub async fn wait_until<T>(mut check: impl FnMut() -> Option<T>) -> T {
    for _ in 0..500 {
        if let Some(found) = check() {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("not within 5 s");
}
