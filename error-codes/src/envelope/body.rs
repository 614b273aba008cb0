//! The body writer: an envelope's JSON written directly, in one allocation
//! of exactly its size, byte for byte what `serde_json` writes for the
//! envelope structs.

use super::Envelope;
use crate::json::{
    member_len, nullable_len, push_member, push_nullable, push_quoted, push_quoted_bytes,
    quoted_bytes_len, quoted_len,
};
use crate::problem::{Instance, ProblemParts, TypeUri};
use crate::{Format, ProblemTypes, CLIENT_CLOSED_REQUEST};

impl Envelope<'_> {
    /// The body between `prefix` and `suffix`, in one allocation.
    pub(crate) fn render(&self, prefix: &[u8], suffix: &[u8]) -> Vec<u8> {
        let message = self.error.message();
        let message = message.as_bytes();
        let param = self.error.param();
        let parts = |error_type| Parts {
            message,
            param: param.as_deref(),
            code: self.error.code(),
            provider: self.provider_name(),
            error_type,
        };
        let body = match self.format {
            Format::OpenAi => Body::OpenAi(parts(self.error.openai_type())),
            Format::Anthropic => Body::Anthropic(parts(self.error.anthropic_type())),
            // A problem's `type` names its code, not its status.
            Format::Problem => Body::Problem(self.problem_parts(&parts(""))),
        };
        let len = prefix.len() + self.body_len(&body) + suffix.len();
        let mut out = Vec::with_capacity(len);
        out.extend_from_slice(prefix);
        self.write_body(&body, &mut out);
        out.extend_from_slice(suffix);
        debug_assert_eq!(out.len(), len);
        out
    }

    fn body_len(&self, body: &Body<'_>) -> usize {
        match body {
            Body::OpenAi(parts) => {
                OPENAI_FIXED
                    + quoted_bytes_len(parts.message)
                    + quoted_len(parts.error_type)
                    + nullable_len(parts.param)
                    + quoted_len(parts.code)
                    + member_len(PROVIDER, parts.provider)
                    + member_len(DOC_URL, self.doc_url)
                    + member_len(SUGGESTION, self.suggestion)
            }
            Body::Anthropic(parts) => {
                ANTHROPIC_FIXED
                    + quoted_len(parts.error_type)
                    + quoted_bytes_len(parts.message)
                    + if self.details_error_code {
                        DETAILS_OPEN.len() + quoted_len(parts.code) + 1
                    } else {
                        0
                    }
                    + nullable_len(self.request_id)
            }
            Body::Problem(problem) => problem.len(),
        }
    }

    fn write_body(&self, body: &Body<'_>, out: &mut Vec<u8>) {
        match body {
            Body::OpenAi(parts) => {
                out.extend_from_slice(b"{\"error\":{\"message\":");
                push_quoted_bytes(out, parts.message);
                out.extend_from_slice(b",\"type\":");
                push_quoted(out, parts.error_type);
                out.extend_from_slice(b",\"param\":");
                push_nullable(out, parts.param);
                out.extend_from_slice(b",\"code\":");
                push_quoted(out, parts.code);
                push_member(out, PROVIDER, parts.provider);
                push_member(out, DOC_URL, self.doc_url);
                push_member(out, SUGGESTION, self.suggestion);
                out.extend_from_slice(b"}}");
            }
            Body::Anthropic(parts) => {
                out.extend_from_slice(b"{\"type\":\"error\",\"error\":{\"type\":");
                push_quoted(out, parts.error_type);
                out.extend_from_slice(b",\"message\":");
                push_quoted_bytes(out, parts.message);
                if self.details_error_code {
                    out.extend_from_slice(DETAILS_OPEN);
                    push_quoted(out, parts.code);
                    out.push(b'}');
                }
                out.extend_from_slice(b"},\"request_id\":");
                push_nullable(out, self.request_id);
                out.push(b'}');
            }
            Body::Problem(problem) => problem.write(out),
        }
    }

    /// The members of the problem details body (see [`Format::Problem`]).
    fn problem_parts<'p>(&'p self, parts: &Parts<'p>) -> ProblemParts<'p> {
        let status = match self.error.http_status() {
            Some(status) => status.as_u16(),
            None => CLIENT_CLOSED_REQUEST.as_u16(),
        };
        ProblemParts {
            type_uri: match self.doc_url {
                Some(url) => TypeUri::Given(url),
                None => TypeUri::Code {
                    base: self
                        .problem_types
                        .unwrap_or_else(ProblemTypes::installed)
                        .base(),
                    code: parts.code,
                },
            },
            title: self.error.info().description(),
            status,
            detail: parts.message,
            instance: match (self.instance, self.request_id) {
                (Some(instance), _) => Instance::Given(instance),
                (None, Some(id)) => Instance::RequestId(id),
                (None, None) => Instance::None,
            },
            code: parts.code,
            param: parts.param,
            retryable: self.error.is_retryable(),
            request_id: self.request_id,
            suggestion: self.suggestion,
            provider: parts.provider,
        }
    }
}

/// A body to write, with its dynamic parts.
enum Body<'a> {
    OpenAi(Parts<'a>),
    Anthropic(Parts<'a>),
    Problem(ProblemParts<'a>),
}

/// The dynamic parts of an OpenAI or Anthropic body.
struct Parts<'a> {
    /// UTF-8: written by `ApiError::write_message` in whole `str`s.
    message: &'a [u8],
    param: Option<&'a str>,
    code: &'a str,
    provider: Option<&'a str>,
    error_type: &'a str,
}

const PROVIDER: &[u8] = b",\"provider\":";
const DOC_URL: &[u8] = b",\"doc_url\":";
const SUGGESTION: &[u8] = b",\"suggestion\":";
const DETAILS_OPEN: &[u8] = b",\"details\":{\"error_code\":";
const OPENAI_FIXED: usize = "{\"error\":{\"message\":".len()
    + ",\"type\":".len()
    + ",\"param\":".len()
    + ",\"code\":".len()
    + "}}".len();
const ANTHROPIC_FIXED: usize = "{\"type\":\"error\",\"error\":{\"type\":".len()
    + ",\"message\":".len()
    + "},\"request_id\":".len()
    + "}".len();
