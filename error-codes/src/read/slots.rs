//! The slots of every error envelope the crate reads, declared once for
//! both readers: the OpenAI and Anthropic envelopes
//! ([`ReceivedError`](crate::ReceivedError)) and every provider's shape
//! ([`UpstreamError`](crate::upstream::UpstreamError)): OpenAI / Azure /
//! OpenRouter, Anthropic, Google `google.rpc.Status`, Bedrock, Mistral and
//! FastAPI, the Responses API's stream events; and RFC 9457 problem
//! details (`title`, `status`, `detail`, `instance`, extension members).

use super::{json_fields, Skipped};

json_fields! {
    /// The top level of a body (or of an SSE event's data): an envelope,
    /// a provider's shape, or problem details.
    pub(crate) struct TopFields {
        "type" => envelope_type: Skipped,
        "error" => error: ErrorFields,
        "request_id" => request_id: Skipped,
        "message" => message: MessageFields,
        "Message" => message_capital: Skipped,
        "detail" => detail: DetailFields,
        "code" => code: Skipped,
        "param" => param: Skipped,
        "__type" => aws_type: Skipped,
        "response" => response: ResponseFields,
        "title" => title: Skipped,
        "status" => status: Skipped,
        "instance" => instance: Skipped,
        "retryable" => retryable: Skipped,
        "suggestion" => suggestion: Skipped,
        "provider" => provider: Skipped,
    }
}

json_fields! {
    /// The `error` object: OpenAI's, Azure's, Anthropic's, Google's,
    /// OpenRouter's.
    pub(crate) struct ErrorFields {
        "message" => message: MessageFields,
        "type" => error_type: Skipped,
        "param" => param: Skipped,
        "code" => code: Skipped,
        "status" => status: Skipped,
        "doc_url" => doc_url: Skipped,
        "suggestion" => suggestion: Skipped,
        "provider" => provider: Skipped,
        "details" => details: DetailsFields,
        "innererror" => innererror: InnerFields,
        "inner_error" => inner_error: InnerFields,
        "metadata" => metadata: MetadataFields,
    }
}

json_fields! {
    /// A `message` that is an object: Mistral's `{"detail":[...]}`.
    pub(crate) struct MessageFields {
        "detail" => detail: DetailFields,
    }
}

json_fields! {
    /// `error.details`: Anthropic's object, or one element of Google's
    /// array (`ErrorInfo`, `RetryInfo`, `BadRequest`).
    pub(crate) struct DetailsFields {
        "error_code" => error_code: Skipped,
        "reason" => reason: Skipped,
        "retryDelay" => retry_delay: Skipped,
        "fieldViolations" => field_violations: ViolationFields,
    }
}

json_fields! {
    /// One of Google's `BadRequest.fieldViolations`.
    pub(crate) struct ViolationFields {
        "field" => field: Skipped,
    }
}

json_fields! {
    /// FastAPI's `detail` (a string, or an array of these).
    pub(crate) struct DetailFields {
        "loc" => loc: Skipped,
        "msg" => msg: Skipped,
        "type" => detail_type: Skipped,
    }
}

json_fields! {
    /// Azure's `innererror` / `inner_error`.
    pub(crate) struct InnerFields {
        "code" => code: Skipped,
    }
}

json_fields! {
    /// OpenRouter's `error.metadata`.
    pub(crate) struct MetadataFields {
        "raw" => raw: Skipped,
    }
}

json_fields! {
    /// The `response` of a Responses API `response.failed` event.
    pub(crate) struct ResponseFields {
        "error" => error: ErrorFields,
    }
}
