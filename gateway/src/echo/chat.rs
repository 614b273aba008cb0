//! `POST /v1/chat/completions`: the OpenAI chat completions API.

use super::prompt::{pieces, prompt_words, word_count};
use super::wire::chat::{
    ChatChoice, ChatChunk, ChatCompletion, ChatMessage, ChatUsage, ChunkChoice, Delta,
};
use crate::context::Answer;
use crate::errors::GatewayError;
use crate::request::CompletionRequest;
use crate::respond::{event_stream, json_response, sse_event, unix_time};
use api_error_codes::layer::ErrorContext;
use axum::response::Response;

/// The echo of `text`: a `chat.completion`, or its chunk stream.
pub(super) fn echo(
    context: &ErrorContext,
    request: &CompletionRequest,
    text: &str,
) -> Result<Response, GatewayError> {
    if request.stream {
        stream(context, request, Some(text), None)
    } else {
        completion(context, request, text)
    }
}

fn completion(
    context: &ErrorContext,
    request: &CompletionRequest,
    text: &str,
) -> Result<Response, GatewayError> {
    let prompt_tokens = prompt_words(&request.body);
    let completion_tokens = word_count(text);
    let body = ChatCompletion {
        id: &format!("chatcmpl-{}", context.id_suffix()),
        object: "chat.completion",
        created: unix_time(),
        model: &request.model,
        choices: [ChatChoice {
            index: 0,
            message: ChatMessage {
                role: "assistant",
                content: text,
                refusal: None,
            },
            logprobs: None,
            finish_reason: "stop",
        }],
        usage: ChatUsage {
            prompt_tokens,
            completion_tokens,
            total_tokens: prompt_tokens + completion_tokens,
        },
    };
    json_response(&body)
}

/// An OpenAI chat.completion.chunk stream: the role chunk, then either the
/// echo word by word, a `stop` chunk and `data: [DONE]`, or the error event.
pub(super) fn stream(
    context: &ErrorContext,
    request: &CompletionRequest,
    text: Option<&str>,
    error_event: Option<Vec<u8>>,
) -> Result<Response, GatewayError> {
    let id = format!("chatcmpl-{}", context.id_suffix());
    let created = unix_time();
    let chunk = |delta: Delta<'_>, finish_reason: Option<&'static str>| {
        let chunk = ChatChunk {
            id: &id,
            object: "chat.completion.chunk",
            created,
            model: &request.model,
            choices: [ChunkChoice {
                index: 0,
                delta,
                logprobs: None,
                finish_reason,
            }],
        };
        sse_event(None, &chunk)
    };
    let role = Delta {
        role: Some("assistant"),
        content: Some(""),
    };
    let mut events = vec![chunk(role, None)?];
    if let Some(text) = text {
        for piece in pieces(text) {
            let content = Delta {
                role: None,
                content: Some(piece),
            };
            events.push(chunk(content, None)?);
        }
        events.push(chunk(Delta::default(), Some("stop"))?);
        events.push(b"data: [DONE]\n\n".to_vec());
    }
    events.extend(error_event);
    Ok(event_stream(events))
}
