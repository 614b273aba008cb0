//! The example gateway: a real HTTP server that speaks the OpenAI chat
//! completions API and the Anthropic messages API, and answers every error
//! with the `error-codes` envelopes. `cargo run --example gateway` runs it;
//! the integration tests start it in-process.
//!
//! # Routes
//!
//! | route | format | what it does |
//! |---|---|---|
//! | `POST /v1/chat/completions` | OpenAI | a chat completion, chosen by `model` |
//! | `POST /v1/messages` | Anthropic | a message, chosen by `model` |
//! | `GET /v1/error-codes` | OpenAI (errors only) | the catalogue, all 57 codes, no key needed |
//!
//! The JSON body's `model` picks the outcome:
//!
//! - `"echo"`: a normal response in that API's format whose text is the last
//!   user message; with `"stream": true`, that API's normal event stream
//!   (OpenAI `chat.completion.chunk` events ending with `data: [DONE]`;
//!   Anthropic `message_start`, `content_block_start`,
//!   `content_block_delta`..., `content_block_stop`, `message_delta`,
//!   `message_stop`). Token counts in `usage` are word counts.
//! - `"error/<code>"` for any canonical code: that code's error with the
//!   catalogue message and all headers; with `"stream": true`, a 200 event
//!   stream with one normal event (an OpenAI chunk, an Anthropic
//!   `message_start`) and then the error as an SSE error event.
//! - anything else: `model_not_found` with `param` = `"model"`.
//!
//! # Errors
//!
//! Every error is a canonical envelope, never a bare framework error, in
//! the format of the endpoint:
//!
//! | request | code |
//! |---|---|
//! | no `Authorization: Bearer <key>` or `x-api-key: <key>`, or an empty key | `invalid_api_key` |
//! | a body over 1 MiB ([`BODY_LIMIT`]) | `payload_too_large` |
//! | a body that is not a JSON object | `invalid_request` |
//! | no `model` (or `null`) | `missing_required_parameter`, `param` = `"model"` |
//! | `model` or `stream` of the wrong JSON type | `invalid_parameter_value` with that `param` |
//! | `echo` without a user message in `messages` | `missing_required_parameter` / `invalid_parameter_value`, `param` = `"messages"` |
//! | a wrong method on a known path | `method_not_allowed` (with `allow`) |
//! | an unknown path | `resource_not_found` |
//!
//! Checks run in that order: the key, then the body. The body is parsed as
//! JSON whatever its `content-type`, as `curl -d` sends a form type.
//!
//! **The format of an unknown path**: Anthropic for `/v1/messages` and any
//! path under `/v1/messages/`, and for any request that carries an
//! `anthropic-version` header (the official Anthropic SDKs always send it);
//! OpenAI otherwise.
//!
//! # Headers
//!
//! - Every response, success or error, streamed or not, carries a fresh
//!   request id (`req_` and 24 hex digits): `x-request-id` on OpenAI-format
//!   responses, `request-id` on Anthropic-format ones, and `request_id` in
//!   the Anthropic error body.
//! - Errors carry `x-should-retry` from the code, and the retryable codes
//!   `retry-after: 1` / `retry-after-ms: 1000` ([`DEMO_RETRY_DELAY`]), so
//!   retrying SDKs finish quickly.
//! - Anthropic-format errors carry `error.details.error_code`, where the
//!   official Anthropic SDK reads the stable code (`APIStatusError.error_code`).
//!
//! # `client_disconnected`
//!
//! Status 0 means no response is sent: a real gateway meets this code when
//! its client has gone, and nobody reads what it writes. The demo's
//! `"error/client_disconnected"` still has a client to answer, so it sends
//! what the crate renders for status 0: **499** (nginx's "client closed
//! request"), `x-should-retry: false`, and the envelope. The official
//! Anthropic SDK raises its `ClientClosedRequestError` for it, the OpenAI SDK
//! its generic `APIStatusError`.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! println!("listening on {}", listener.local_addr()?);
//! error_codes_tests::gateway::serve(listener, std::future::pending()).await
//! # }
//! ```

use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Request};
use axum::http::header::{
    HeaderName, HeaderValue, ALLOW, AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE,
};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use error_codes::axum::OwnedEnvelope;
use error_codes::{ApiError, CodeInfo, CodeList, ErrorCode, Format};
use serde::Serialize;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::hash_map::RandomState;
use std::convert::Infallible;
use std::fmt;
use std::future::Future;
use std::hash::{BuildHasher, Hasher};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::net::TcpListener;

/// Where the gateway listens without `--listen`.
///
/// ```
/// assert_eq!(error_codes_tests::gateway::DEFAULT_LISTEN.to_string(), "127.0.0.1:8080");
/// ```
pub const DEFAULT_LISTEN: SocketAddr = SocketAddr::V4(std::net::SocketAddrV4::new(
    std::net::Ipv4Addr::LOCALHOST,
    8080,
));

/// The largest accepted request body: 1 MiB. One byte more is
/// `payload_too_large`.
///
/// ```
/// assert_eq!(error_codes_tests::gateway::BODY_LIMIT, 1_048_576);
/// ```
pub const BODY_LIMIT: usize = 1 << 20;

/// The retry delay retryable errors carry (`retry-after: 1`,
/// `retry-after-ms: 1000`): short, so retrying clients finish quickly.
///
/// ```
/// assert_eq!(error_codes_tests::gateway::DEMO_RETRY_DELAY.as_secs(), 1);
/// ```
pub const DEMO_RETRY_DELAY: Duration = Duration::from_secs(1);

/// The model that answers normally, echoing the last user message.
///
/// ```
/// assert_eq!(error_codes_tests::gateway::ECHO_MODEL, "echo");
/// ```
pub const ECHO_MODEL: &str = "echo";

/// The prefix of the models that answer with a canonical error:
/// `error/rate_limit_exceeded`.
///
/// ```
/// assert_eq!(error_codes_tests::gateway::ERROR_MODEL_PREFIX, "error/");
/// ```
pub const ERROR_MODEL_PREFIX: &str = "error/";

/// The command line, as `--help` prints it and usage errors repeat it.
///
/// ```
/// assert!(error_codes_tests::gateway::USAGE.contains("--listen ADDR"));
/// ```
pub const USAGE: &str = "\
usage: cargo run --example gateway [-- --listen ADDR]

  --listen ADDR   address to listen on, such as 127.0.0.1:8080 or [::1]:9000
                  (default 127.0.0.1:8080; port 0 picks a free port)
  -h, --help      print this help";

/// What the command line asks for.
///
/// ```
/// use error_codes_tests::gateway::{parse_args, Command};
///
/// let command = parse_args(["--listen", "127.0.0.1:9000"].map(String::from)).unwrap();
/// assert_eq!(command, Command::Run { listen: "127.0.0.1:9000".parse().unwrap() });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Serve on this address.
    Run {
        /// The address to listen on.
        listen: SocketAddr,
    },
    /// Print [`USAGE`] and exit.
    Help,
}

/// A command line the gateway cannot run with.
///
/// ```
/// use error_codes_tests::gateway::{parse_args, UsageError};
///
/// let error = parse_args(["--listen".to_owned()]).unwrap_err();
/// assert_eq!(error, UsageError::MissingValue("--listen"));
/// assert_eq!(error.to_string(), "`--listen` needs a value, such as `--listen 127.0.0.1:8080`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UsageError {
    /// An argument the gateway does not know.
    UnknownArgument(String),
    /// An option given without its value.
    MissingValue(&'static str),
    /// `--listen` with something that is not `IP:PORT`.
    BadAddress {
        /// What was given.
        input: String,
        /// Why it is not an address.
        reason: String,
    },
    /// `--listen` given twice.
    Repeated(&'static str),
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UsageError::UnknownArgument(argument) => {
                write!(f, "unknown argument `{argument}`")
            }
            UsageError::MissingValue(option) => {
                write!(f, "`{option}` needs a value, such as `{option} 127.0.0.1:8080`")
            }
            UsageError::BadAddress { input, reason } => write!(
                f,
                "`--listen {input}` is not an IP:PORT address ({reason}); try `--listen 127.0.0.1:8080`"
            ),
            UsageError::Repeated(option) => write!(f, "`{option}` is given more than once"),
        }
    }
}

impl std::error::Error for UsageError {}

/// Reads the command line (without the program name): `--listen ADDR`,
/// `--listen=ADDR`, `-h`/`--help`.
///
/// ```
/// use error_codes_tests::gateway::{parse_args, Command, UsageError, DEFAULT_LISTEN};
///
/// assert_eq!(parse_args(Vec::<String>::new()), Ok(Command::Run { listen: DEFAULT_LISTEN }));
/// assert_eq!(parse_args(["--help".to_owned()]), Ok(Command::Help));
/// assert!(matches!(
///     parse_args(["--listen=localhost".to_owned()]),
///     Err(UsageError::BadAddress { .. })
/// ));
/// assert_eq!(
///     parse_args(["--port".to_owned()]),
///     Err(UsageError::UnknownArgument("--port".to_owned()))
/// );
/// ```
pub fn parse_args<I>(args: I) -> Result<Command, UsageError>
where
    I: IntoIterator<Item = String>,
{
    let mut listen = None;
    let mut args = args.into_iter();
    while let Some(argument) = args.next() {
        let value = match argument.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => args.next().ok_or(UsageError::MissingValue("--listen"))?,
            other => match other.strip_prefix("--listen=") {
                Some(value) => value.to_owned(),
                None => return Err(UsageError::UnknownArgument(argument)),
            },
        };
        if listen.is_some() {
            return Err(UsageError::Repeated("--listen"));
        }
        let address = value
            .parse::<SocketAddr>()
            .map_err(|error| UsageError::BadAddress {
                reason: error.to_string(),
                input: value,
            })?;
        listen = Some(address);
    }
    Ok(Command::Run {
        listen: listen.unwrap_or(DEFAULT_LISTEN),
    })
}

/// Serves the gateway on `listener` until `shutdown` completes.
///
/// ```no_run
/// # async fn run() -> std::io::Result<()> {
/// let listener = tokio::net::TcpListener::bind(error_codes_tests::gateway::DEFAULT_LISTEN).await?;
/// error_codes_tests::gateway::serve(listener, async {
///     let _ = tokio::signal::ctrl_c().await;
/// })
/// .await
/// # }
/// ```
pub async fn serve<F>(listener: TcpListener, shutdown: F) -> std::io::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    axum::serve(listener, router())
        .with_graceful_shutdown(shutdown)
        .await
}

/// The gateway's routes, fallbacks and middleware, ready to serve.
///
/// ```
/// let router: axum::Router = error_codes_tests::gateway::router();
/// # let _ = router;
/// ```
pub fn router() -> Router {
    Router::new()
        .route("/v1/chat/completions", post(chat_completions))
        .route("/v1/messages", post(messages))
        .route("/v1/error-codes", get(error_codes_catalogue))
        // After the routes: it applies to the routes added so far.
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(tag_request))
}

/// The format an endpoint answers in; see the module docs for unknown paths.
///
/// ```
/// use axum::http::HeaderMap;
/// use error_codes::Format;
/// use error_codes_tests::gateway::format_for;
///
/// let no_headers = HeaderMap::new();
/// assert_eq!(format_for("/v1/messages", &no_headers), Format::Anthropic);
/// assert_eq!(format_for("/v1/messages/batches", &no_headers), Format::Anthropic);
/// assert_eq!(format_for("/v1/chat/completions", &no_headers), Format::OpenAi);
/// assert_eq!(format_for("/nowhere", &no_headers), Format::OpenAi);
///
/// let mut anthropic = HeaderMap::new();
/// anthropic.insert("anthropic-version", "2023-06-01".parse().unwrap());
/// assert_eq!(format_for("/nowhere", &anthropic), Format::Anthropic);
/// ```
pub fn format_for(path: &str, headers: &HeaderMap) -> Format {
    const ANTHROPIC_PREFIX: &str = "/v1/messages";
    let anthropic_path = path
        .strip_prefix(ANTHROPIC_PREFIX)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    let openai_path = path
        .strip_prefix("/v1/chat/completions")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if anthropic_path || (!openai_path && headers.contains_key("anthropic-version")) {
        Format::Anthropic
    } else {
        Format::OpenAi
    }
}

/// A fresh request id: `req_`, 16 hex digits random per process, 8 hex
/// digits of a counter. Unique within a process, unpredictable across
/// processes, without a random-number dependency.
///
/// ```
/// let first = error_codes_tests::gateway::new_request_id();
/// let second = error_codes_tests::gateway::new_request_id();
/// assert!(first.starts_with("req_") && first.len() == 28);
/// assert_ne!(first, second);
/// ```
pub fn new_request_id() -> String {
    static PROCESS_SEED: OnceLock<u64> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    // `RandomState` is seeded from the OS's randomness.
    let seed = *PROCESS_SEED.get_or_init(|| RandomState::new().build_hasher().finish());
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("req_{seed:016x}{:08x}", count & 0xffff_ffff)
}

/// Who is asking, as the middleware tags each request: the request id and
/// the endpoint's format.
#[derive(Clone, Debug)]
struct RequestContext {
    id: Arc<str>,
    format: Format,
}

impl RequestContext {
    fn for_request(uri: &Uri, headers: &HeaderMap) -> Self {
        RequestContext {
            id: new_request_id().into(),
            format: format_for(uri.path(), headers),
        }
    }

    /// `error` in this request's format, with its request id.
    fn reject(&self, error: GatewayError) -> OwnedEnvelope<GatewayError> {
        OwnedEnvelope::new(error, self.format)
            .request_id(&*self.id)
            // Where the official Anthropic SDK reads the stable code.
            .details_error_code(true)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequestContext {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
        // The middleware always inserts one; a fresh one keeps a handler
        // mounted without it working rather than failing.
        Ok(match parts.extensions.get::<RequestContext>() {
            Some(context) => context.clone(),
            None => RequestContext::for_request(&parts.uri, &parts.headers),
        })
    }
}

/// Tags each request with an id and format, and makes sure every response
/// carries the id in the header its format's SDK reads.
async fn tag_request(mut request: Request, next: Next) -> Response {
    let context = RequestContext::for_request(request.uri(), request.headers());
    let header = HeaderName::from_static(context.format.request_id_header());
    let id = context.id.clone();
    request.extensions_mut().insert(context);
    let mut response = next.run(request).await;
    if !response.headers().contains_key(&header) {
        if let Ok(value) = HeaderValue::from_str(&id) {
            response.headers_mut().insert(header, value);
        }
    }
    response
}

/// An error the gateway answers with: a canonical code, the request
/// parameter at fault, and what exactly was wrong when the catalogue's
/// message alone would leave the client guessing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GatewayError {
    code: ErrorCode,
    param: Option<&'static str>,
    detail: Option<String>,
}

impl GatewayError {
    /// The code with its catalogue message.
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode};
    /// use error_codes_tests::gateway::GatewayError;
    ///
    /// let error = GatewayError::new(ErrorCode::UpstreamTimeout);
    /// assert_eq!(error.message(), "Upstream exceeded the request deadline");
    /// assert_eq!(error.retry_after().map(|delay| delay.as_secs()), Some(1));
    /// ```
    pub fn new(code: ErrorCode) -> Self {
        GatewayError {
            code,
            param: None,
            detail: None,
        }
    }

    /// Names the request parameter at fault (OpenAI's `param`).
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode};
    /// use error_codes_tests::gateway::GatewayError;
    ///
    /// let error = GatewayError::new(ErrorCode::MissingRequiredParameter).with_param("model");
    /// assert_eq!(error.param().as_deref(), Some("model"));
    /// ```
    pub fn with_param(mut self, param: &'static str) -> Self {
        self.param = Some(param);
        self
    }

    /// Adds what exactly was wrong after the catalogue's message.
    ///
    /// ```
    /// use error_codes::{ApiError, ErrorCode};
    /// use error_codes_tests::gateway::GatewayError;
    ///
    /// let error = GatewayError::new(ErrorCode::InvalidRequest).with_detail("the body is empty");
    /// assert_eq!(error.message(), "Malformed or invalid request: the body is empty");
    /// ```
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

impl ApiError for GatewayError {
    const CODES: CodeList = ErrorCode::CODES;

    fn info(&self) -> &'static CodeInfo {
        self.code.info()
    }

    fn message(&self) -> Cow<'_, str> {
        match &self.detail {
            Some(detail) => Cow::Owned(format!("{}: {detail}", self.code.description())),
            None => Cow::Borrowed(self.code.description()),
        }
    }

    fn param(&self) -> Option<Cow<'_, str>> {
        self.param.map(Cow::Borrowed)
    }

    fn retry_after(&self) -> Option<Duration> {
        self.code.is_retryable().then_some(DEMO_RETRY_DELAY)
    }
}

/// The API a completion endpoint speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Api {
    OpenAi,
    Anthropic,
}

async fn chat_completions(
    context: RequestContext,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    complete(Api::OpenAi, &context, &headers, body)
        .unwrap_or_else(|error| context.reject(error).into_response())
}

async fn messages(
    context: RequestContext,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    complete(Api::Anthropic, &context, &headers, body)
        .unwrap_or_else(|error| context.reject(error).into_response())
}

async fn error_codes_catalogue(context: RequestContext) -> Response {
    let data = ErrorCode::ALL
        .iter()
        .map(|code| {
            let info = code.info();
            wire::CatalogueEntry {
                code: info.code(),
                status: info.status(),
                description: info.description(),
                retryable: info.is_retryable(),
                openai_type: info.openai_type(),
                anthropic_type: info.anthropic_type(),
                problem_type: info.problem_type(),
            }
        })
        .collect();
    json_response(&context, &wire::Catalogue { data })
        .unwrap_or_else(|error| context.reject(error).into_response())
}

async fn method_not_allowed(context: RequestContext, method: Method, uri: Uri) -> Response {
    let allowed = match uri.path() {
        "/v1/error-codes" => "GET, HEAD",
        _ => "POST",
    };
    let error = GatewayError::new(ErrorCode::MethodNotAllowed).with_detail(format!(
        "{method} {} is not served; use {allowed}",
        uri.path()
    ));
    let mut response = context.reject(error).into_response();
    response
        .headers_mut()
        .insert(ALLOW, HeaderValue::from_static(allowed));
    response
}

async fn not_found(context: RequestContext, method: Method, uri: Uri) -> Response {
    let error = GatewayError::new(ErrorCode::ResourceNotFound).with_detail(format!(
        "no route for {method} {}; the gateway serves POST /v1/chat/completions, \
         POST /v1/messages and GET /v1/error-codes",
        clip(uri.path())
    ));
    context.reject(error).into_response()
}

/// What a completion request asks for.
struct Completion<'a> {
    model: &'a str,
    body: &'a Map<String, Value>,
}

fn complete(
    api: Api,
    context: &RequestContext,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, GatewayError> {
    if api_key(headers).is_none() {
        return Err(GatewayError::new(ErrorCode::InvalidApiKey));
    }
    let bytes = body.map_err(body_error)?;
    let json: Value = serde_json::from_slice(&bytes).map_err(|error| {
        GatewayError::new(ErrorCode::InvalidRequest)
            .with_detail(format!("the body is not valid JSON ({error})"))
    })?;
    let Value::Object(body) = &json else {
        return Err(
            GatewayError::new(ErrorCode::InvalidRequest).with_detail(format!(
                "the body must be a JSON object, not {}",
                json_kind(&json)
            )),
        );
    };
    let model = match body.get("model") {
        None | Some(Value::Null) => {
            return Err(GatewayError::new(ErrorCode::MissingRequiredParameter).with_param("model"))
        }
        Some(Value::String(model)) => model.as_str(),
        Some(other) => {
            return Err(GatewayError::new(ErrorCode::InvalidParameterValue)
                .with_param("model")
                .with_detail(format!(
                    "`model` must be a string, not {}",
                    json_kind(other)
                )))
        }
    };
    let stream = match body.get("stream") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(stream)) => *stream,
        Some(other) => {
            return Err(GatewayError::new(ErrorCode::InvalidParameterValue)
                .with_param("stream")
                .with_detail(format!(
                    "`stream` must be a boolean, not {}",
                    json_kind(other)
                )))
        }
    };
    let request = Completion { model, body };
    if model == ECHO_MODEL {
        let text = last_user_text(body)?;
        return match (api, stream) {
            (Api::OpenAi, false) => openai_completion(context, &request, &text),
            (Api::OpenAi, true) => openai_stream(context, &request, Some(&text), None),
            (Api::Anthropic, false) => anthropic_message(context, &request, &text),
            (Api::Anthropic, true) => anthropic_stream(context, &request, Some(&text), None),
        };
    }
    let Some(code) = model
        .strip_prefix(ERROR_MODEL_PREFIX)
        .and_then(ErrorCode::from_code)
    else {
        return Err(GatewayError::new(ErrorCode::ModelNotFound)
            .with_param("model")
            .with_detail(format!(
                "`{}`; try `{ECHO_MODEL}` or `{ERROR_MODEL_PREFIX}<code>` with a code from GET /v1/error-codes",
                clip(model)
            )));
    };
    let error = GatewayError::new(code);
    if !stream {
        return Err(error);
    }
    let event = context.reject(error).envelope().to_sse_event();
    match api {
        Api::OpenAi => openai_stream(context, &request, None, Some(event)),
        Api::Anthropic => anthropic_stream(context, &request, None, Some(event)),
    }
}

/// The key from `Authorization: Bearer <key>` or `x-api-key: <key>`; any
/// non-empty key is accepted.
fn api_key(headers: &HeaderMap) -> Option<&str> {
    let bearer = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| {
            let (scheme, key) = value.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then_some(key.trim())
        });
    let x_api_key = headers
        .get("x-api-key")
        .and_then(|value| value.to_str().ok())
        .map(str::trim);
    bearer
        .into_iter()
        .chain(x_api_key)
        .find(|key| !key.is_empty())
}

fn body_error(rejection: BytesRejection) -> GatewayError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        GatewayError::new(ErrorCode::PayloadTooLarge)
            .with_detail(format!("the limit is {BODY_LIMIT} bytes"))
    } else {
        GatewayError::new(ErrorCode::InvalidRequest).with_detail(format!(
            "the body could not be read ({})",
            rejection.body_text()
        ))
    }
}

/// The text of the last `user` message: a string, or the `text` of its
/// text parts (both APIs allow either).
fn last_user_text(body: &Map<String, Value>) -> Result<String, GatewayError> {
    let invalid = |detail: &str| {
        GatewayError::new(ErrorCode::InvalidParameterValue)
            .with_param("messages")
            .with_detail(detail.to_owned())
    };
    let messages = match body.get("messages") {
        None | Some(Value::Null) => {
            return Err(
                GatewayError::new(ErrorCode::MissingRequiredParameter).with_param("messages")
            )
        }
        Some(Value::Array(messages)) => messages,
        Some(_) => return Err(invalid("`messages` must be an array of messages")),
    };
    let last_user = messages
        .iter()
        .rev()
        .find(|message| message.get("role").and_then(Value::as_str) == Some("user"))
        .ok_or_else(|| invalid("`messages` has no `user` message to echo"))?;
    match last_user.get("content") {
        Some(Value::String(text)) => Ok(text.clone()),
        Some(Value::Array(parts)) => Ok(parts
            .iter()
            .filter(|part| part.get("type").and_then(Value::as_str) == Some("text"))
            .filter_map(|part| part.get("text").and_then(Value::as_str))
            .collect()),
        _ => Err(invalid(
            "the last `user` message needs `content`: a string or an array of text parts",
        )),
    }
}

/// Word counts stand in for token counts.
fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn prompt_words(body: &Map<String, Value>) -> usize {
    fn words(value: &Value) -> usize {
        match value {
            Value::String(text) => word_count(text),
            Value::Array(items) => items.iter().map(words).sum(),
            Value::Object(object) => ["content", "text"]
                .iter()
                .filter_map(|key| object.get(*key))
                .map(words)
                .sum(),
            _ => 0,
        }
    }
    body.get("messages").map_or(0, words) + body.get("system").map_or(0, words)
}

/// The echo split into stream pieces, one per word with its trailing space.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(' ')
}

fn unix_time() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// The id suffix shared by the request id and the response's own id.
fn id_suffix(context: &RequestContext) -> &str {
    context.id.strip_prefix("req_").unwrap_or(&context.id)
}

fn openai_completion(
    context: &RequestContext,
    request: &Completion<'_>,
    text: &str,
) -> Result<Response, GatewayError> {
    let prompt_tokens = prompt_words(request.body);
    let completion_tokens = word_count(text);
    let body = wire::ChatCompletion {
        id: &format!("chatcmpl-{}", id_suffix(context)),
        object: "chat.completion",
        created: unix_time(),
        model: request.model,
        choices: [wire::ChatChoice {
            index: 0,
            message: wire::ChatMessage {
                role: "assistant",
                content: text,
                refusal: None,
            },
            logprobs: None,
            finish_reason: "stop",
        }],
        usage: wire::ChatUsage {
            prompt_tokens,
            completion_tokens,
            total_tokens: prompt_tokens + completion_tokens,
        },
    };
    json_response(context, &body)
}

/// An OpenAI chat.completion.chunk stream: the role chunk, then either the
/// echo word by word, a `stop` chunk and `data: [DONE]`, or the error event.
fn openai_stream(
    context: &RequestContext,
    request: &Completion<'_>,
    text: Option<&str>,
    error_event: Option<Vec<u8>>,
) -> Result<Response, GatewayError> {
    let id = format!("chatcmpl-{}", id_suffix(context));
    let created = unix_time();
    let chunk = |delta: wire::Delta<'_>, finish_reason: Option<&'static str>| {
        let chunk = wire::ChatChunk {
            id: &id,
            object: "chat.completion.chunk",
            created,
            model: request.model,
            choices: [wire::ChunkChoice {
                index: 0,
                delta,
                logprobs: None,
                finish_reason,
            }],
        };
        sse_event(None, &chunk)
    };
    let role = wire::Delta {
        role: Some("assistant"),
        content: Some(""),
    };
    let mut events = vec![chunk(role, None)?];
    if let Some(text) = text {
        for piece in pieces(text) {
            let content = wire::Delta {
                role: None,
                content: Some(piece),
            };
            events.push(chunk(content, None)?);
        }
        events.push(chunk(wire::Delta::default(), Some("stop"))?);
        events.push(b"data: [DONE]\n\n".to_vec());
    }
    events.extend(error_event);
    Ok(event_stream(events))
}

fn anthropic_message(
    context: &RequestContext,
    request: &Completion<'_>,
    text: &str,
) -> Result<Response, GatewayError> {
    let body = wire::Message {
        id: &format!("msg_{}", id_suffix(context)),
        kind: "message",
        role: "assistant",
        model: request.model,
        content: vec![wire::TextBlock { kind: "text", text }],
        stop_reason: Some("end_turn"),
        stop_sequence: None,
        usage: wire::MessageUsage {
            input_tokens: prompt_words(request.body),
            output_tokens: word_count(text),
        },
    };
    json_response(context, &body)
}

/// An Anthropic messages stream: `message_start`, then either the content
/// block of the echo and the closing events, or the error event.
fn anthropic_stream(
    context: &RequestContext,
    request: &Completion<'_>,
    text: Option<&str>,
    error_event: Option<Vec<u8>>,
) -> Result<Response, GatewayError> {
    use wire::StreamEvent;

    let event = |event: &StreamEvent<'_>| sse_event(Some(event.name()), event);
    let id = format!("msg_{}", id_suffix(context));
    let mut events = vec![event(&StreamEvent::MessageStart {
        message: wire::Message {
            id: &id,
            kind: "message",
            role: "assistant",
            model: request.model,
            content: Vec::new(),
            stop_reason: None,
            stop_sequence: None,
            usage: wire::MessageUsage {
                input_tokens: prompt_words(request.body),
                output_tokens: 0,
            },
        },
    })?];
    if let Some(text) = text {
        events.push(event(&StreamEvent::ContentBlockStart {
            index: 0,
            content_block: wire::TextBlock {
                kind: "text",
                text: "",
            },
        })?);
        for piece in pieces(text) {
            events.push(event(&StreamEvent::ContentBlockDelta {
                index: 0,
                delta: wire::TextDelta {
                    kind: "text_delta",
                    text: piece,
                },
            })?);
        }
        events.push(event(&StreamEvent::ContentBlockStop { index: 0 })?);
        events.push(event(&StreamEvent::MessageDelta {
            delta: wire::StopDelta {
                stop_reason: "end_turn",
                stop_sequence: None,
            },
            usage: wire::OutputUsage {
                output_tokens: word_count(text),
            },
        })?);
        events.push(event(&StreamEvent::MessageStop)?);
    }
    events.extend(error_event);
    Ok(event_stream(events))
}

/// One server-sent event: `event: NAME` when named, then `data: JSON`.
fn sse_event<T: Serialize>(name: Option<&str>, data: &T) -> Result<Vec<u8>, GatewayError> {
    let mut event = Vec::new();
    if let Some(name) = name {
        event.extend_from_slice(format!("event: {name}\n").as_bytes());
    }
    event.extend_from_slice(b"data: ");
    serde_json::to_writer(&mut event, data).map_err(serialization_failed)?;
    event.extend_from_slice(b"\n\n");
    Ok(event)
}

/// A 200 `text/event-stream` response sending each event as its own chunk.
fn event_stream(events: Vec<Vec<u8>>) -> Response {
    let stream = futures_util::stream::iter(events.into_iter().map(Ok::<_, Infallible>));
    let mut response = Response::new(Body::from_stream(stream));
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// A 200 JSON response with the request id header.
fn json_response<T: Serialize>(
    context: &RequestContext,
    body: &T,
) -> Result<Response, GatewayError> {
    let body = serde_json::to_vec(body).map_err(serialization_failed)?;
    let mut response = Response::new(Body::from(body));
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Ok(id) = HeaderValue::from_str(&context.id) {
        headers.insert(
            HeaderName::from_static(context.format.request_id_header()),
            id,
        );
    }
    Ok(response)
}

/// The gateway's own bodies always serialize; if one ever did not, the
/// client gets an honest `internal_error` rather than a broken body.
fn serialization_failed(_: serde_json::Error) -> GatewayError {
    GatewayError::new(ErrorCode::InternalError)
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Client input quoted in a message, cut to a readable length.
fn clip(text: &str) -> Cow<'_, str> {
    const MAX_CHARS: usize = 100;
    match text.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => Cow::Owned(format!("{}...", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

/// The success bodies and events of both APIs, as their SDKs parse them;
/// field order as the APIs send them.
mod wire {
    use serde::Serialize;

    #[derive(Serialize)]
    pub struct Catalogue {
        pub data: Vec<CatalogueEntry>,
    }

    #[derive(Serialize)]
    pub struct CatalogueEntry {
        pub code: &'static str,
        pub status: u16,
        pub description: &'static str,
        pub retryable: bool,
        pub openai_type: &'static str,
        pub anthropic_type: &'static str,
        pub problem_type: String,
    }

    #[derive(Serialize)]
    pub struct ChatCompletion<'a> {
        pub id: &'a str,
        pub object: &'static str,
        pub created: u64,
        pub model: &'a str,
        pub choices: [ChatChoice<'a>; 1],
        pub usage: ChatUsage,
    }

    #[derive(Serialize)]
    pub struct ChatChoice<'a> {
        pub index: u32,
        pub message: ChatMessage<'a>,
        pub logprobs: Option<()>,
        pub finish_reason: &'static str,
    }

    #[derive(Serialize)]
    pub struct ChatMessage<'a> {
        pub role: &'static str,
        pub content: &'a str,
        pub refusal: Option<()>,
    }

    #[derive(Serialize)]
    pub struct ChatUsage {
        pub prompt_tokens: usize,
        pub completion_tokens: usize,
        pub total_tokens: usize,
    }

    #[derive(Serialize)]
    pub struct ChatChunk<'a> {
        pub id: &'a str,
        pub object: &'static str,
        pub created: u64,
        pub model: &'a str,
        pub choices: [ChunkChoice<'a>; 1],
    }

    #[derive(Serialize)]
    pub struct ChunkChoice<'a> {
        pub index: u32,
        pub delta: Delta<'a>,
        pub logprobs: Option<()>,
        pub finish_reason: Option<&'static str>,
    }

    #[derive(Default, Serialize)]
    pub struct Delta<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub role: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub content: Option<&'a str>,
    }

    #[derive(Serialize)]
    pub struct Message<'a> {
        pub id: &'a str,
        #[serde(rename = "type")]
        pub kind: &'static str,
        pub role: &'static str,
        pub model: &'a str,
        pub content: Vec<TextBlock<'a>>,
        pub stop_reason: Option<&'static str>,
        pub stop_sequence: Option<()>,
        pub usage: MessageUsage,
    }

    #[derive(Serialize)]
    pub struct TextBlock<'a> {
        #[serde(rename = "type")]
        pub kind: &'static str,
        pub text: &'a str,
    }

    #[derive(Serialize)]
    pub struct MessageUsage {
        pub input_tokens: usize,
        pub output_tokens: usize,
    }

    #[derive(Serialize)]
    pub struct TextDelta<'a> {
        #[serde(rename = "type")]
        pub kind: &'static str,
        pub text: &'a str,
    }

    #[derive(Serialize)]
    pub struct StopDelta {
        pub stop_reason: &'static str,
        pub stop_sequence: Option<()>,
    }

    #[derive(Serialize)]
    pub struct OutputUsage {
        pub output_tokens: usize,
    }

    /// An Anthropic stream event; `type` comes first, as the API sends it.
    #[derive(Serialize)]
    #[serde(tag = "type", rename_all = "snake_case")]
    pub enum StreamEvent<'a> {
        MessageStart {
            message: Message<'a>,
        },
        ContentBlockStart {
            index: u32,
            content_block: TextBlock<'a>,
        },
        ContentBlockDelta {
            index: u32,
            delta: TextDelta<'a>,
        },
        ContentBlockStop {
            index: u32,
        },
        MessageDelta {
            delta: StopDelta,
            usage: OutputUsage,
        },
        MessageStop,
    }

    impl StreamEvent<'_> {
        /// The SSE `event:` name, the same as the `type`.
        pub fn name(&self) -> &'static str {
            match self {
                StreamEvent::MessageStart { .. } => "message_start",
                StreamEvent::ContentBlockStart { .. } => "content_block_start",
                StreamEvent::ContentBlockDelta { .. } => "content_block_delta",
                StreamEvent::ContentBlockStop { .. } => "content_block_stop",
                StreamEvent::MessageDelta { .. } => "message_delta",
                StreamEvent::MessageStop => "message_stop",
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn usage_errors_name_the_bad_input() {
        let args = |list: &[&str]| parse_args(list.iter().map(|arg| (*arg).to_owned()));
        assert_eq!(
            args(&["--listen", "0.0.0.0:1", "--listen", "0.0.0.0:2"]),
            Err(UsageError::Repeated("--listen"))
        );
        let Err(UsageError::BadAddress { input, reason }) = args(&["--listen", "127.0.0.1"]) else {
            panic!("a port-less address is rejected")
        };
        assert_eq!(input, "127.0.0.1");
        assert_eq!(reason, "invalid socket address syntax");
        assert_eq!(
            args(&["--listen=[::1]:9000"]),
            Ok(Command::Run {
                listen: "[::1]:9000".parse().unwrap()
            })
        );
        assert_eq!(
            args(&["serve"]).unwrap_err().to_string(),
            "unknown argument `serve`"
        );
    }

    #[test]
    fn api_keys_come_from_either_header() {
        let headers = |pairs: &[(&'static str, &'static str)]| {
            let mut map = HeaderMap::new();
            for (name, value) in pairs {
                map.append(*name, HeaderValue::from_static(value));
            }
            map
        };
        assert_eq!(
            api_key(&headers(&[("authorization", "Bearer sk-1")])),
            Some("sk-1")
        );
        assert_eq!(
            api_key(&headers(&[("authorization", "bearer  sk-2 ")])),
            Some("sk-2")
        );
        assert_eq!(api_key(&headers(&[("x-api-key", "sk-3")])), Some("sk-3"));
        assert_eq!(
            api_key(&headers(&[
                ("authorization", "Bearer "),
                ("x-api-key", "sk-4")
            ])),
            Some("sk-4")
        );
        assert_eq!(
            api_key(&headers(&[("authorization", "Basic dXNlcg==")])),
            None
        );
        assert_eq!(api_key(&headers(&[("authorization", "Bearer")])), None);
        assert_eq!(api_key(&headers(&[("x-api-key", "  ")])), None);
        assert_eq!(api_key(&headers(&[])), None);
    }

    #[test]
    fn echo_reads_the_last_user_message_in_either_shape() {
        let body = |value: Value| match value {
            Value::Object(map) => map,
            _ => unreachable!("tests pass objects"),
        };
        let text = last_user_text(&body(json!({"messages": [
            {"role": "user", "content": "first"},
            {"role": "assistant", "content": "reply"},
            {"role": "user", "content": [{"type": "text", "text": "a "}, {"type": "image"}, {"type": "text", "text": "b"}]},
        ]})));
        assert_eq!(text, Ok("a b".to_owned()));
        let missing = last_user_text(&body(json!({}))).unwrap_err();
        assert_eq!(missing.code, ErrorCode::MissingRequiredParameter);
        let no_user = last_user_text(&body(
            json!({"messages": [{"role": "system", "content": "x"}]}),
        ))
        .unwrap_err();
        assert_eq!(no_user.code, ErrorCode::InvalidParameterValue);
        assert_eq!(no_user.param, Some("messages"));
    }

    #[test]
    fn long_client_input_is_clipped() {
        assert_eq!(clip("short"), "short");
        let long = "é".repeat(150);
        let clipped = clip(&long);
        assert_eq!(clipped.chars().count(), 103);
        assert!(clipped.ends_with("..."));
    }

    #[test]
    fn the_stream_pieces_rebuild_the_text() {
        let text = "one two  three";
        assert_eq!(pieces(text).collect::<String>(), text);
        assert_eq!(pieces(text).count(), 4);
        assert_eq!(pieces("").count(), 0);
    }
}
