//! `POST /v1/messages`: the Anthropic messages API.

use super::prompt::{pieces, prompt_words, word_count};
use super::wire::messages::{
    Message, MessageUsage, OutputUsage, StopDelta, StreamEvent, TextBlock, TextDelta,
};
use crate::context::Answer;
use crate::errors::GatewayError;
use crate::request::CompletionRequest;
use crate::respond::{event_stream, json_response, sse_event};
use api_error_codes::layer::ErrorContext;
use axum::response::Response;

/// The echo of `text`: a `message`, or its event stream.
pub(super) fn echo(
    context: &ErrorContext,
    request: &CompletionRequest,
    text: &str,
) -> Result<Response, GatewayError> {
    if request.stream {
        stream(context, request, Some(text), None)
    } else {
        message(context, request, text)
    }
}

fn message(
    context: &ErrorContext,
    request: &CompletionRequest,
    text: &str,
) -> Result<Response, GatewayError> {
    let body = Message {
        id: &format!("msg_{}", context.id_suffix()),
        kind: "message",
        role: "assistant",
        model: &request.model,
        content: vec![TextBlock { kind: "text", text }],
        stop_reason: Some("end_turn"),
        stop_sequence: None,
        usage: MessageUsage {
            input_tokens: prompt_words(&request.body),
            output_tokens: word_count(text),
        },
    };
    json_response(&body)
}

/// An Anthropic messages stream: `message_start`, then either the content
/// block of the echo and the closing events, or the error event.
pub(super) fn stream(
    context: &ErrorContext,
    request: &CompletionRequest,
    text: Option<&str>,
    error_event: Option<Vec<u8>>,
) -> Result<Response, GatewayError> {
    let event = |event: &StreamEvent<'_>| sse_event(Some(event.name()), event);
    let id = format!("msg_{}", context.id_suffix());
    let mut events = vec![event(&StreamEvent::MessageStart {
        message: Message {
            id: &id,
            kind: "message",
            role: "assistant",
            model: &request.model,
            content: Vec::new(),
            stop_reason: None,
            stop_sequence: None,
            usage: MessageUsage {
                input_tokens: prompt_words(&request.body),
                output_tokens: 0,
            },
        },
    })?];
    if let Some(text) = text {
        events.push(event(&StreamEvent::ContentBlockStart {
            index: 0,
            content_block: TextBlock {
                kind: "text",
                text: "",
            },
        })?);
        for piece in pieces(text) {
            events.push(event(&StreamEvent::ContentBlockDelta {
                index: 0,
                delta: TextDelta {
                    kind: "text_delta",
                    text: piece,
                },
            })?);
        }
        events.push(event(&StreamEvent::ContentBlockStop { index: 0 })?);
        events.push(event(&StreamEvent::MessageDelta {
            delta: StopDelta {
                stop_reason: "end_turn",
                stop_sequence: None,
            },
            usage: OutputUsage {
                output_tokens: word_count(text),
            },
        })?);
        events.push(event(&StreamEvent::MessageStop)?);
    }
    events.extend(error_event);
    Ok(event_stream(events))
}
