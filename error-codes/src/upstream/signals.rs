//! What an upstream error says, whatever the provider's shape: its codes,
//! message, parameter and retry delay, gathered from the read body and the
//! headers for the translation table to judge.

use super::retry;
use crate::read::slots::{DetailFields, ErrorFields, TopFields};
use crate::read::{self, Json};
use http::HeaderMap;
use std::time::{Duration, SystemTime};

/// Everything the classifier reads.
#[derive(Debug, Default)]
pub(crate) struct Signals {
    /// The HTTP status; for an error inside a 200 stream, the status the
    /// body names (Google's and OpenRouter's numeric `code`), if any.
    pub(crate) status: u16,
    /// Every code, type and status name the body and headers carry, most
    /// specific first (see [`Rank`]): the first is the one reported as the
    /// upstream code.
    pub(crate) codes: Vec<String>,
    /// The rank of each of `codes`, while they are gathered.
    ranks: Vec<Rank>,
    /// The provider's message (raw).
    pub(crate) message: String,
    /// Further provider text that is not the message but says what went
    /// wrong (OpenRouter's `metadata.raw`); matched, never shown.
    pub(crate) extra_text: String,
    /// The request parameter the body names.
    pub(crate) param: Option<String>,
    /// The delay asked for.
    pub(crate) retry_after: Option<Duration>,
    /// Whether the body was an error envelope of some provider's shape.
    pub(crate) envelope: bool,
}

impl Signals {
    /// Gathers the signals of an error response.
    pub(crate) fn of_response(
        status: u16,
        headers: &HeaderMap,
        top: Option<&Json<TopFields>>,
    ) -> Signals {
        let mut signals = Signals {
            status,
            ..Signals::default()
        };
        if let Some(kind) = headers
            .get("x-amzn-errortype")
            .and_then(|value| value.to_str().ok())
        {
            signals.push_code(Rank::Named, aws_type(kind));
        }
        if let Some(top) = top {
            signals.read_top(top);
        }
        signals.rank_codes();
        signals.retry_after = retry::from_headers(headers, SystemTime::now())
            .or(signals.retry_after)
            .or_else(|| retry::from_message(&signals.message));
        signals
    }

    /// Keeps `code` with its rank; a numeric code ranks last, and one
    /// that is an HTTP error status stands for the status of an error sent
    /// inside a 200 stream.
    fn push_code(&mut self, rank: Rank, code: &str) {
        let code = code.trim();
        if code.is_empty() || self.codes.iter().any(|known| known == code) {
            return;
        }
        let rank = if code.bytes().all(|byte| byte.is_ascii_digit()) {
            if let Ok(status @ 400..=599) = code.parse::<u16>() {
                if !(400..=599).contains(&self.status) {
                    self.status = status;
                }
            }
            Rank::Numeric
        } else {
            rank
        };
        self.codes.push(code.to_owned());
        self.ranks.push(rank);
    }

    /// Orders the codes by rank, keeping body order within a rank.
    fn rank_codes(&mut self) {
        let mut ranked: Vec<(Rank, String)> =
            self.ranks.drain(..).zip(self.codes.drain(..)).collect();
        ranked.sort_by_key(|(rank, _)| *rank);
        self.codes = ranked.into_iter().map(|(_, code)| code).collect();
    }

    /// Keeps the first message found. A message that is itself an error
    /// body serialised as a string (Vertex relaying Anthropic's error) is
    /// replaced by the message inside it; its codes are not read.
    fn set_message(&mut self, message: Option<&str>) {
        if let Some(message) = message.filter(|message| !message.trim().is_empty()) {
            if self.message.is_empty() {
                self.message = nested_message(message).unwrap_or_else(|| message.to_owned());
            }
        }
    }

    fn set_param(&mut self, param: Option<String>) {
        if let Some(param) = param.filter(|param| !param.is_empty()) {
            self.param.get_or_insert(param);
        }
    }

    /// The top level: one object, or (Vertex's streamed form) an array of
    /// them, read in order.
    fn read_top(&mut self, top: &Json<TopFields>) {
        for fields in top.objects() {
            self.read_top_fields(fields);
        }
    }

    fn read_top_fields(&mut self, top: &TopFields) {
        let envelope_type = top.envelope_type.as_ref().and_then(Json::as_str);
        match &top.error {
            Some(Json::Object(error)) => self.read_error(error),
            Some(Json::String(message)) => {
                self.envelope = true;
                self.set_message(Some(message));
            }
            _ => {}
        }
        if let Some(Json::Object(response)) = &top.response {
            if let Some(Json::Object(error)) = &response.error {
                self.read_error(error);
            }
        }
        // Flat shapes: Bedrock, Mistral, the Responses API's `error` event,
        // FastAPI.
        if let Some(code) = top.aws_type.as_ref().and_then(Json::text) {
            self.envelope = true;
            self.push_code(Rank::Named, aws_type(code));
        }
        if let Some(code) = top.code.as_ref().and_then(Json::text) {
            self.envelope = true;
            self.push_code(Rank::Code, code);
        }
        if let Some(kind) = envelope_type.filter(|kind| !is_event_type(kind)) {
            self.envelope = true;
            self.push_code(Rank::Type, kind);
        }
        match &top.message {
            Some(Json::String(message)) => {
                self.envelope = true;
                self.set_message(Some(message));
            }
            Some(Json::Object(message)) => {
                self.envelope = true;
                if let Some(detail) = &message.detail {
                    self.read_detail(detail);
                }
            }
            _ => {}
        }
        if let Some(message) = top.message_capital.as_ref().and_then(Json::as_str) {
            self.envelope = true;
            self.set_message(Some(message));
        }
        if let Some(detail) = &top.detail {
            self.envelope = true;
            self.read_detail(detail);
        }
        self.set_param(top.param.as_ref().and_then(Json::as_str).map(str::to_owned));
    }

    fn read_error(&mut self, error: &ErrorFields) {
        self.envelope = true;
        let text = |value: &Option<Json<_>>| value.as_ref().and_then(Json::text).map(str::to_owned);
        // Google's status name is its most specific code; then the
        // provider's code, Azure's inner code, the type, Anthropic's
        // `details.error_code`, Google's `ErrorInfo.reason`.
        if let Some(name) = error.status.as_ref().and_then(Json::as_str) {
            self.push_code(Rank::Named, name);
        }
        if let Some(code) = error.code.as_ref().and_then(Json::text) {
            self.push_code(Rank::Code, code);
        }
        let inner_errors = [&error.innererror, &error.inner_error];
        for inner in inner_errors.into_iter().flatten().flat_map(Json::objects) {
            if let Some(code) = inner.code.as_ref().and_then(Json::text) {
                self.push_code(Rank::Inner, code);
            }
        }
        if let Some(kind) = error.error_type.as_ref().and_then(Json::as_str) {
            self.push_code(Rank::Type, kind);
        }
        for details in error.details.iter().flat_map(Json::objects) {
            for code in [&details.error_code, &details.reason].into_iter().flatten() {
                if let Some(code) = code.text() {
                    self.push_code(Rank::Detail, code);
                }
            }
            if let Some(delay) = details.retry_delay.as_ref().and_then(Json::as_str) {
                self.retry_after = self.retry_after.or(retry::google_duration(delay));
            }
            for violation in details.field_violations.iter().flat_map(Json::objects) {
                self.set_param(text(&violation.field));
            }
        }
        match &error.message {
            Some(Json::String(message)) => self.set_message(Some(message)),
            Some(Json::Object(message)) => {
                if let Some(detail) = &message.detail {
                    self.read_detail(detail);
                }
            }
            _ => {}
        }
        self.set_param(text(&error.param));
        for metadata in error.metadata.iter().flat_map(Json::objects) {
            if let Some(raw) = metadata.raw.as_ref().and_then(Json::as_str) {
                self.extra_text.push_str(raw);
            }
        }
    }

    /// FastAPI's `detail`: a string, or `[{"loc","msg","type"}]`.
    fn read_detail(&mut self, detail: &Json<DetailFields>) {
        if let Some(message) = detail.as_str() {
            self.set_message(Some(message));
        }
        for item in detail.objects() {
            if let Some(kind) = item.detail_type.as_ref().and_then(Json::as_str) {
                self.push_code(Rank::Code, kind);
            }
            self.set_message(item.msg.as_ref().and_then(Json::as_str));
            if let Some(loc) = &item.loc {
                self.set_param(location(loc));
            }
        }
    }
}

/// The message of an error body serialised into a message string.
fn nested_message(message: &str) -> Option<String> {
    if !message.trim_start().starts_with(['{', '[']) {
        return None;
    }
    let top = read::json_body::<TopFields>(message.as_bytes()).ok()?;
    let mut nested = Signals::default();
    for fields in top.objects() {
        nested.read_top_fields(fields);
    }
    (!nested.message.is_empty()).then_some(nested.message)
}

/// How specific a code is, most specific first: the order in which codes
/// are reported, the first being the upstream code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    /// A name that is the provider's whole classification: AWS's error type
    /// (`x-amzn-errortype`, `__type`), Google's status name.
    Named,
    /// The provider's code (`error.code`, a flat `code`, a FastAPI
    /// `detail[].type`).
    Code,
    /// Azure's `innererror.code`.
    Inner,
    /// The error's type (`error.type`, a flat `type`).
    Type,
    /// Anthropic's `details.error_code`, Google's `ErrorInfo.reason`.
    Detail,
    /// A numeric code (`429`, `"1300"`): ranked last, since a text says more.
    Numeric,
}

/// An AWS error type as the `x-amzn-errortype` header or `__type` sends it:
/// `ThrottlingException:http://internal.amazon.com/...` or
/// `com.amazon.coral.service#ThrottlingException`: the part after `#`,
/// before `:`.
fn aws_type(kind: &str) -> &str {
    let kind = kind.split(':').next().unwrap_or(kind);
    kind.rsplit('#').next().unwrap_or(kind)
}

/// Top-level `type`s that name a stream event or the Anthropic envelope,
/// not an error's kind.
fn is_event_type(kind: &str) -> bool {
    kind == "error" || kind.starts_with("response.")
}

/// A FastAPI `loc` (`["body","messages",0,"content"]`) as a parameter path,
/// `messages.0.content`: the leading `body` (or `query`) dropped.
fn location<T>(loc: &Json<T>) -> Option<String> {
    let Json::Array(parts) = loc else {
        return None;
    };
    let mut parts = parts.iter().filter_map(Json::text).peekable();
    if parts
        .peek()
        .is_some_and(|first| matches!(*first, "body" | "query" | "path" | "header"))
    {
        parts.next();
    }
    let path = parts.collect::<Vec<_>>().join(".");
    (!path.is_empty()).then_some(path)
}
