//! Anthropic messages: the `message` body and the stream events.

use serde::Serialize;

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
