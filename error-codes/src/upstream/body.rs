//! Reading a provider's error body: every structured field of every
//! provider's shape, into [`Signals`], before any wording is judged.
//!
//! Bodies are read as a `serde_json::Value`: at most
//! [`BODY_LIMIT`] bytes, nested at most as deep
//! as `serde_json`'s recursion limit (128) allows, and a field of an
//! unexpected type is passed over rather than failing the read.

use super::signals::{aws_type, Rank, Signals, BODY_LIMIT};
use super::Provider;
use crate::stream::SseSplitter;
use serde_json::{Map, Value};

/// The body as JSON, if it is some within the limits: UTF-8 (a byte order
/// mark skipped), at most [`BODY_LIMIT`] bytes; a body framed as a
/// server-sent event (`data: {...}`, as some proxies answer) is its data.
pub(crate) fn parse(body: &[u8]) -> Option<Value> {
    if body.len() > BODY_LIMIT {
        return None;
    }
    let body = body.strip_prefix("\u{feff}".as_bytes()).unwrap_or(body);
    if body.trim_ascii_start().starts_with(b"data:") {
        let event = SseSplitter::first_with_data(body)?;
        return serde_json::from_str(&event.data()?).ok();
    }
    serde_json::from_slice(body).ok()
}

/// Reads one body (or stream event's data): an object, or (Vertex's
/// streamed form) an array of them, read in order.
pub(crate) fn read(signals: &mut Signals, value: &Value) {
    match value {
        Value::Object(top) => read_top(signals, top),
        Value::Array(items) => {
            for item in items {
                if let Value::Object(top) = item {
                    read_top(signals, top);
                }
            }
        }
        _ => {}
    }
}

fn read_top(signals: &mut Signals, top: &Map<String, Value>) {
    match top.get("error") {
        Some(Value::Object(error)) => read_error(signals, error),
        Some(Value::String(message)) => {
            signals.envelope = true;
            read_message(signals, message);
        }
        _ => {}
    }
    // The Responses API's `response.failed`.
    if let Some(Value::Object(error)) = top.get("response").and_then(|r| r.get("error")) {
        read_error(signals, error);
    }
    // Flat shapes: Bedrock, Mistral, the Responses API's `error` event,
    // FastAPI.
    if let Some(kind) = top.get("__type").and_then(Value::as_str) {
        signals.envelope = true;
        signals.push_code(Rank::Named, aws_type(kind));
    }
    if let Some(code) = top.get("code").and_then(text) {
        signals.envelope = true;
        signals.push_code(Rank::Code, &code);
    }
    if let Some(kind) = top.get("type").and_then(Value::as_str) {
        // `error` and `response.*` name the envelope or the stream event.
        if kind != "error" && !kind.starts_with("response.") {
            signals.envelope = true;
            signals.push_code(Rank::Type, kind);
        }
    }
    if top.get("object").and_then(Value::as_str) == Some("error") {
        signals.envelope = true;
    }
    for key in ["message", "Message"] {
        match top.get(key) {
            Some(Value::String(message)) => {
                signals.envelope = true;
                read_message(signals, message);
            }
            Some(Value::Object(message)) => {
                signals.envelope = true;
                if let Some(detail) = message.get("detail") {
                    read_detail(signals, detail);
                }
            }
            _ => {}
        }
    }
    match (top.get("detail"), top.get("errors")) {
        (Some(detail), _) | (None, Some(detail)) => {
            signals.envelope = true;
            read_detail(signals, detail);
        }
        _ => {}
    }
    signals.set_param(top.get("param").and_then(Value::as_str));
    if let Some(Value::Object(metadata)) = top.get("metadata") {
        read_relay_metadata(signals, metadata);
    }
    // Gemini's refusal of a prompt, inside a 200 stream.
    let block = top
        .get("promptFeedback")
        .and_then(|feedback| feedback.get("blockReason"));
    if let Some(reason) = block.and_then(Value::as_str) {
        signals.envelope = true;
        signals.moderation = true;
        signals.set_message(&format!("The prompt was blocked: {reason}"));
    }
}

/// The `error` object: OpenAI's, Azure's, Anthropic's, Google's,
/// OpenRouter's.
fn read_error(signals: &mut Signals, error: &Map<String, Value>) {
    signals.envelope = true;
    if let Some(name) = error.get("status").and_then(Value::as_str) {
        signals.push_code(Rank::Named, name);
    }
    if let Some(code) = error.get("code").and_then(text) {
        signals.push_code(Rank::Code, &code);
    }
    for key in ["innererror", "inner_error"] {
        if let Some(Value::Object(inner)) = error.get(key) {
            read_inner(signals, inner, 0);
        }
    }
    if let Some(kind) = error.get("type").and_then(Value::as_str) {
        signals.push_code(Rank::Type, kind);
    }
    match error.get("details") {
        Some(Value::Array(details)) => {
            for detail in details.iter().filter_map(Value::as_object) {
                read_error_detail(signals, detail);
            }
        }
        Some(Value::Object(detail)) => read_error_detail(signals, detail),
        // Text, or an error body serialised as text.
        Some(Value::String(details)) => match nested_body(details) {
            Some(nested) => read_nested(signals, &nested),
            None => signals.add_extra(details),
        },
        _ => {}
    }
    match error.get("message") {
        Some(Value::String(message)) => read_message(signals, message),
        Some(Value::Object(message)) => {
            if let Some(detail) = message.get("detail") {
                read_detail(signals, detail);
            }
        }
        _ => {}
    }
    signals.set_param(error.get("param").and_then(Value::as_str));
    if let Some(Value::Object(metadata)) = error.get("metadata") {
        read_relay_metadata(signals, metadata);
    }
}

/// Azure's `innererror` (and its own nested `innererror`): a code, and
/// content filter results.
fn read_inner(signals: &mut Signals, inner: &Map<String, Value>, depth: usize) {
    if let Some(code) = inner.get("code").and_then(text) {
        signals.push_code(Rank::Inner, &code);
    }
    for key in ["content_filter_result", "content_filter_results"] {
        if inner.get(key).is_some_and(filtered) {
            signals.moderation = true;
        }
    }
    if let (Some(Value::Object(nested)), true) = (inner.get("innererror"), depth < 4) {
        read_inner(signals, nested, depth + 1);
    }
}

/// Whether content filter results hold a category marked `filtered`.
fn filtered(results: &Value) -> bool {
    results.as_object().is_some_and(|categories| {
        categories
            .values()
            .any(|category| category.get("filtered") == Some(&Value::Bool(true)))
    })
}

/// One of `error.details`: Google's `ErrorInfo` (reason), `RetryInfo`
/// (delay), `BadRequest` (field violations), `QuotaFailure` and
/// `PreconditionFailure` (violations), `LocalizedMessage`; Anthropic's
/// object (`error_code`); Azure's `{code, message, target}`; a pydantic
/// validation error (`{type, loc, msg}`).
fn read_error_detail(signals: &mut Signals, detail: &Map<String, Value>) {
    for key in ["reason", "error_code", "code", "type"] {
        if let Some(code) = detail.get(key).and_then(text) {
            signals.push_code(Rank::Detail, &code);
        }
    }
    if let Some(delay) = detail.get("retryDelay").and_then(Value::as_str) {
        signals.retry_after = signals.retry_after.or(super::retry::google_duration(delay));
    }
    if let Some(Value::Array(violations)) = detail.get("fieldViolations") {
        let field = violations
            .iter()
            .find_map(|violation| violation.get("field")?.as_str());
        if signals.field.is_none() {
            signals.field = field.map(str::to_owned);
        }
    }
    for key in ["fieldViolations", "violations"] {
        if let Some(Value::Array(violations)) = detail.get(key) {
            for violation in violations {
                if let Some(description) = violation.get("description").and_then(Value::as_str) {
                    signals.add_extra(description);
                }
            }
        }
    }
    for key in ["message", "msg"] {
        if let Some(message) = detail.get(key).and_then(Value::as_str) {
            signals.add_extra(message);
        }
    }
    let field = match (detail.get("target"), detail.get("loc")) {
        (Some(Value::String(target)), _) => Some(target.clone()),
        (_, Some(Value::Array(loc))) => location(loc),
        _ => None,
    };
    if signals.field.is_none() {
        signals.field = field;
    }
}

/// OpenRouter's `error.metadata`: a moderation verdict (`reasons`,
/// `flagged_input`), or the error of the provider it relayed to
/// (`provider_name`), whose own body is `raw`.
fn read_relay_metadata(signals: &mut Signals, metadata: &Map<String, Value>) {
    let reasons =
        matches!(metadata.get("reasons"), Some(Value::Array(reasons)) if !reasons.is_empty());
    if reasons
        || metadata
            .get("flagged_input")
            .is_some_and(|input| !input.is_null())
    {
        signals.moderation = true;
    }
    if let Some(name) = metadata.get("provider_name").and_then(Value::as_str) {
        signals.relayed = Some(relayed_provider(name));
    }
    let Some(raw) = metadata.get("raw").and_then(Value::as_str) else {
        return;
    };
    let outer = std::mem::take(&mut signals.message);
    match nested_body(raw) {
        Some(nested) => read_nested(signals, &nested),
        // Plain text is the provider's message; an HTML page is not.
        None if !raw.trim_start().starts_with('<') => signals.set_message(raw),
        None => signals.add_extra(raw),
    }
    if signals.message.is_empty() {
        signals.message = outer;
    } else {
        signals.add_extra(&outer);
    }
}

/// The provider OpenRouter names, by the names it gives them.
fn relayed_provider(name: &str) -> Provider {
    let name = name.to_ascii_lowercase();
    let known = [
        ("azure", Provider::Azure),
        ("openai", Provider::OpenAi),
        ("anthropic", Provider::Anthropic),
        ("vertex", Provider::Vertex),
        ("google", Provider::Gemini),
        ("bedrock", Provider::Bedrock),
        ("mistral", Provider::Mistral),
        ("groq", Provider::Groq),
        ("deepseek", Provider::DeepSeek),
    ];
    known
        .into_iter()
        .find(|(word, _)| name.contains(word))
        .map_or(Provider::OpenAiCompatible, |(_, provider)| provider)
}

/// A message: its text, unless it is itself an error body serialised as a
/// string (Vertex relaying Anthropic's error), which is read as such.
fn read_message(signals: &mut Signals, message: &str) {
    match nested_body(message) {
        Some(nested) if signals.message.is_empty() => read_nested(signals, &nested),
        _ => signals.set_message(message),
    }
}

/// Text that is itself an error body, parsed.
fn nested_body(text: &str) -> Option<Value> {
    if !text.trim_start().starts_with(['{', '[']) {
        return None;
    }
    parse(text.as_bytes()).filter(|value| value.is_object() || value.is_array())
}

/// An error relayed inside another: its message counts as the outer
/// error's; its codes rank after the outer ones; its parameter is not
/// taken (a relayed body's fields are not the request's).
fn read_nested(signals: &mut Signals, nested: &Value) {
    let mut inner = Signals::default();
    read(&mut inner, nested);
    for (_, code) in inner.codes {
        signals.push_code(Rank::Nested, &code);
    }
    signals.set_message(&inner.message);
    signals.add_extra(&inner.extra);
    signals.moderation |= inner.moderation;
    signals.retry_after = signals.retry_after.or(inner.retry_after);
}

/// FastAPI's `detail`: a string, or `[{"loc","msg","type"}]`.
fn read_detail(signals: &mut Signals, detail: &Value) {
    match detail {
        Value::String(message) => signals.set_message(message),
        Value::Array(items) => {
            for item in items.iter().filter_map(Value::as_object) {
                if let Some(kind) = item.get("type").and_then(Value::as_str) {
                    signals.push_code(Rank::Code, kind);
                }
                if let Some(message) = item.get("msg").and_then(Value::as_str) {
                    signals.set_message(message);
                }
                if let Some(Value::Array(loc)) = item.get("loc") {
                    signals.set_param(location(loc).as_deref());
                }
            }
        }
        _ => {}
    }
}

/// A FastAPI `loc` (`["body","messages",0,"content"]`) as a parameter path,
/// `messages.0.content`: the leading `body` (or `query`) dropped.
fn location(loc: &[Value]) -> Option<String> {
    let mut parts = loc.iter().filter_map(text).peekable();
    if parts
        .peek()
        .is_some_and(|first| matches!(first.as_str(), "body" | "query" | "path" | "header"))
    {
        parts.next();
    }
    let path = parts.collect::<Vec<_>>().join(".");
    (!path.is_empty()).then_some(path)
}

/// A string, or a number's text (`429`): how codes are sent.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}
