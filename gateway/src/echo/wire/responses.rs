//! The OpenAI Responses API: the `response` object and its stream events,
//! with the fields the official SDKs' types require.

use serde::Serialize;

/// A `response` object.
#[derive(Clone, Serialize)]
pub struct ResponseObject<'a> {
    pub id: &'a str,
    pub object: &'static str,
    pub created_at: u64,
    /// `in_progress`, `completed` or `failed`.
    pub status: &'static str,
    pub error: Option<()>,
    pub incomplete_details: Option<()>,
    pub instructions: Option<()>,
    pub model: &'a str,
    pub output: Vec<OutputMessage<'a>>,
    pub parallel_tool_calls: bool,
    pub tool_choice: &'static str,
    pub tools: [(); 0],
    pub usage: Option<Usage>,
}

/// An output item of type `message`.
#[derive(Clone, Serialize)]
pub struct OutputMessage<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: &'a str,
    /// `in_progress` or `completed`.
    pub status: &'static str,
    pub role: &'static str,
    pub content: Vec<OutputText<'a>>,
}

/// A content part of type `output_text`.
#[derive(Clone, Serialize)]
pub struct OutputText<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub text: &'a str,
    pub annotations: [(); 0],
}

/// Token usage (word counts in the demo).
#[derive(Clone, Serialize)]
pub struct Usage {
    pub input_tokens: usize,
    pub input_tokens_details: InputDetails,
    pub output_tokens: usize,
    pub output_tokens_details: OutputDetails,
    pub total_tokens: usize,
}

#[derive(Clone, Serialize)]
pub struct InputDetails {
    pub cached_tokens: usize,
    pub cache_write_tokens: usize,
}

#[derive(Clone, Serialize)]
pub struct OutputDetails {
    pub reasoning_tokens: usize,
}

/// The data of one stream event: its `type`, its `sequence_number`, then
/// its own fields.
#[derive(Serialize)]
pub struct Event<T> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub sequence_number: u64,
    #[serde(flatten)]
    pub fields: T,
}

/// `response.created`, `response.in_progress`, `response.completed`.
#[derive(Serialize)]
pub struct WithResponse<'a> {
    pub response: &'a ResponseObject<'a>,
}

/// `response.output_item.added` / `.done`.
#[derive(Serialize)]
pub struct WithItem<'a> {
    pub output_index: u32,
    pub item: &'a OutputMessage<'a>,
}

/// `response.content_part.added` / `.done`.
#[derive(Serialize)]
pub struct WithPart<'a> {
    pub item_id: &'a str,
    pub output_index: u32,
    pub content_index: u32,
    pub part: OutputText<'a>,
}

/// `response.output_text.delta`.
#[derive(Serialize)]
pub struct TextDelta<'a> {
    pub item_id: &'a str,
    pub output_index: u32,
    pub content_index: u32,
    pub delta: &'a str,
    pub logprobs: [(); 0],
}

/// `response.output_text.done`.
#[derive(Serialize)]
pub struct TextDone<'a> {
    pub item_id: &'a str,
    pub output_index: u32,
    pub content_index: u32,
    pub text: &'a str,
    pub logprobs: [(); 0],
}
