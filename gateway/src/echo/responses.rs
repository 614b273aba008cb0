//! `POST /v1/responses`: the OpenAI Responses API, its `response` object
//! and its event stream.

use super::prompt::{pieces, prompt_words, word_count};
use super::wire::responses::{
    Event, InputDetails, OutputDetails, OutputMessage, OutputText, ResponseObject, TextDelta,
    TextDone, Usage, WithItem, WithPart, WithResponse,
};
use crate::context::Answer;
use crate::errors::GatewayError;
use crate::request::CompletionRequest;
use crate::respond::{event_stream, json_response, sse_event, unix_time};
use api_error_codes::layer::ErrorContext;
use api_error_codes::ResponsesStreamError;
use axum::response::Response;
use serde::Serialize;
use serde_json::Value;

/// The echo of `text`: a `response`, or its event stream.
pub(super) fn echo(
    context: &ErrorContext,
    request: &CompletionRequest,
    text: &str,
) -> Result<Response, GatewayError> {
    let ids = Ids::new(context);
    if request.stream {
        echo_stream(&ids, request, text)
    } else {
        json_response(&completed(&ids, request, text))
    }
}

/// The ids of one response and its one output message.
struct Ids {
    response: String,
    message: String,
    created_at: u64,
}

impl Ids {
    fn new(context: &ErrorContext) -> Self {
        Ids {
            response: format!("resp_{}", context.id_suffix()),
            message: format!("msg_{}", context.id_suffix()),
            created_at: unix_time(),
        }
    }
}

/// The response before any output: `status: "in_progress"`.
fn in_progress<'a>(ids: &'a Ids, request: &'a CompletionRequest) -> ResponseObject<'a> {
    ResponseObject {
        id: &ids.response,
        object: "response",
        created_at: ids.created_at,
        status: "in_progress",
        error: None,
        incomplete_details: None,
        instructions: None,
        model: &request.model,
        output: Vec::new(),
        parallel_tool_calls: true,
        tool_choice: "auto",
        tools: [],
        usage: None,
    }
}

fn message<'a>(
    ids: &'a Ids,
    status: &'static str,
    content: Vec<OutputText<'a>>,
) -> OutputMessage<'a> {
    OutputMessage {
        kind: "message",
        id: &ids.message,
        status,
        role: "assistant",
        content,
    }
}

fn output_text(text: &str) -> OutputText<'_> {
    OutputText {
        kind: "output_text",
        text,
        annotations: [],
    }
}

/// The finished response echoing `text`, with word counts as usage.
fn completed<'a>(
    ids: &'a Ids,
    request: &'a CompletionRequest,
    text: &'a str,
) -> ResponseObject<'a> {
    let input_tokens = prompt_words(&request.body);
    let output_tokens = word_count(text);
    ResponseObject {
        status: "completed",
        output: vec![message(ids, "completed", vec![output_text(text)])],
        usage: Some(Usage {
            input_tokens,
            input_tokens_details: InputDetails {
                cached_tokens: 0,
                cache_write_tokens: 0,
            },
            output_tokens,
            output_tokens_details: OutputDetails {
                reasoning_tokens: 0,
            },
            total_tokens: input_tokens + output_tokens,
        }),
        ..in_progress(ids, request)
    }
}

/// The events of one stream, numbered from 0 as they are added.
#[derive(Default)]
struct Events {
    events: Vec<Vec<u8>>,
}

impl Events {
    fn next_sequence_number(&self) -> u64 {
        self.events.len() as u64
    }

    /// Adds the event `kind`, named `kind` as its SSE `event:`.
    fn push<T: Serialize>(&mut self, kind: &'static str, fields: T) -> Result<(), GatewayError> {
        let data = Event {
            kind,
            sequence_number: self.next_sequence_number(),
            fields,
        };
        self.events.push(sse_event(Some(kind), &data)?);
        Ok(())
    }

    /// `response.created` and `response.in_progress`: how every stream
    /// starts.
    fn start(&mut self, response: &ResponseObject<'_>) -> Result<(), GatewayError> {
        self.push("response.created", WithResponse { response })?;
        self.push("response.in_progress", WithResponse { response })
    }
}

/// The echo as the Responses event stream: the start, the message item and
/// its text part, a delta per word, the closing `.done` events,
/// `response.completed`.
fn echo_stream(
    ids: &Ids,
    request: &CompletionRequest,
    text: &str,
) -> Result<Response, GatewayError> {
    let mut events = Events::default();
    events.start(&in_progress(ids, request))?;
    let (item_id, output_index, content_index) = (ids.message.as_str(), 0, 0);
    let item = message(ids, "in_progress", Vec::new());
    events.push(
        "response.output_item.added",
        WithItem {
            output_index,
            item: &item,
        },
    )?;
    let part = |text| WithPart {
        item_id,
        output_index,
        content_index,
        part: output_text(text),
    };
    events.push("response.content_part.added", part(""))?;
    for delta in pieces(text) {
        events.push(
            "response.output_text.delta",
            TextDelta {
                item_id,
                output_index,
                content_index,
                delta,
                logprobs: [],
            },
        )?;
    }
    events.push(
        "response.output_text.done",
        TextDone {
            item_id,
            output_index,
            content_index,
            text,
            logprobs: [],
        },
    )?;
    events.push("response.content_part.done", part(text))?;
    let item = message(ids, "completed", vec![output_text(text)]);
    events.push(
        "response.output_item.done",
        WithItem {
            output_index,
            item: &item,
        },
    )?;
    let response = completed(ids, request, text);
    events.push(
        "response.completed",
        WithResponse {
            response: &response,
        },
    )?;
    Ok(event_stream(events.events))
}

/// A stream that starts normally and then fails with `error`: the start,
/// then the crate's `error` and `response.failed` events.
pub(super) fn failing_stream(
    context: &ErrorContext,
    request: &CompletionRequest,
    error: &GatewayError,
) -> Result<Response, GatewayError> {
    let ids = Ids::new(context);
    let mut events = Events::default();
    let response = in_progress(&ids, request);
    events.start(&response)?;
    let Value::Object(response) = serde_json::to_value(&response)? else {
        return Err(GatewayError::Unserializable);
    };
    let failure = ResponsesStreamError::new(error, events.next_sequence_number());
    events.events.push(failure.to_sse_events(&response));
    Ok(event_stream(events.events))
}
