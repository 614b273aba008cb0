//! The body writer: an envelope's JSON written directly, in one allocation
//! of exactly its size, byte for byte what `serde_json` writes for the
//! envelope structs.

use super::Envelope;
use crate::json::{
    nullable_len, push_nullable, push_quoted, push_quoted_bytes, quoted_bytes_len, quoted_len,
};
use crate::{ApiError, Format};
use std::fmt;

impl<E: ApiError + ?Sized> Envelope<'_, E> {
    /// The body between `prefix` and `suffix`, in one allocation.
    pub(crate) fn render(&self, prefix: &[u8], suffix: &[u8]) -> Vec<u8> {
        let mut storage = [0; MESSAGE_STORAGE];
        let mut buffer = MessageBuffer::new(&mut storage);
        let owned;
        // A constant: each error type compiles to one of the two paths.
        let message = if E::FORMATS_MESSAGE && self.error.write_message(&mut buffer).is_ok() {
            buffer.into_bytes()
        } else {
            // Fixed text, borrowed; or longer than the storage (or a
            // field's `Display` failed, which `message` reports as always).
            owned = self.error.message();
            owned.as_bytes()
        };
        let param = self.error.param();
        let parts = Parts {
            message,
            param: param.as_deref(),
            code: self.error.code(),
            provider: self.provider_name(),
            error_type: match self.format {
                Format::OpenAi => self.error.openai_type(),
                Format::Anthropic => self.error.anthropic_type(),
            },
        };
        let len = prefix.len() + self.body_len(&parts) + suffix.len();
        let mut out = Vec::with_capacity(len);
        out.extend_from_slice(prefix);
        self.write_body(&parts, &mut out);
        out.extend_from_slice(suffix);
        debug_assert_eq!(out.len(), len);
        out
    }

    fn body_len(&self, parts: &Parts<'_>) -> usize {
        match self.format {
            Format::OpenAi => {
                OPENAI_FIXED
                    + quoted_bytes_len(parts.message)
                    + quoted_len(parts.error_type)
                    + nullable_len(parts.param)
                    + quoted_len(parts.code)
                    + parts
                        .provider
                        .map_or(0, |name| PROVIDER.len() + quoted_len(name))
                    + self
                        .doc_url
                        .map_or(0, |url| DOC_URL.len() + quoted_len(url))
                    + self
                        .suggestion
                        .map_or(0, |text| SUGGESTION.len() + quoted_len(text))
            }
            Format::Anthropic => {
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
        }
    }

    fn write_body(&self, parts: &Parts<'_>, out: &mut Vec<u8>) {
        match self.format {
            Format::OpenAi => {
                out.extend_from_slice(b"{\"error\":{\"message\":");
                push_quoted_bytes(out, parts.message);
                out.extend_from_slice(b",\"type\":");
                push_quoted(out, parts.error_type);
                out.extend_from_slice(b",\"param\":");
                push_nullable(out, parts.param);
                out.extend_from_slice(b",\"code\":");
                push_quoted(out, parts.code);
                if let Some(name) = parts.provider {
                    out.extend_from_slice(PROVIDER);
                    push_quoted(out, name);
                }
                if let Some(url) = self.doc_url {
                    out.extend_from_slice(DOC_URL);
                    push_quoted(out, url);
                }
                if let Some(text) = self.suggestion {
                    out.extend_from_slice(SUGGESTION);
                    push_quoted(out, text);
                }
                out.extend_from_slice(b"}}");
            }
            Format::Anthropic => {
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
        }
    }
}

/// The dynamic parts of a body.
struct Parts<'a> {
    /// UTF-8: written by `ApiError::write_message` in whole `str`s.
    message: &'a [u8],
    param: Option<&'a str>,
    code: &'a str,
    provider: Option<&'a str>,
    error_type: &'a str,
}

/// A message written by `ApiError::write_message` into storage on the
/// caller's stack, so a message formatted from fields costs the body no
/// allocation of its own. A message longer than the storage makes
/// `write_str` fail, and the body falls back to `message()`.
struct MessageBuffer<'a> {
    storage: &'a mut [u8; MESSAGE_STORAGE],
    len: usize,
}

/// Room for a formatted message on the stack; messages are short.
const MESSAGE_STORAGE: usize = 256;

impl<'a> MessageBuffer<'a> {
    #[inline]
    fn new(storage: &'a mut [u8; MESSAGE_STORAGE]) -> Self {
        MessageBuffer { storage, len: 0 }
    }

    /// UTF-8: only whole `str`s are ever written.
    #[inline]
    fn into_bytes(self) -> &'a [u8] {
        &self.storage[..self.len]
    }
}

impl fmt::Write for MessageBuffer<'_> {
    #[inline]
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        let free = self.storage.get_mut(self.len..end).ok_or(fmt::Error)?;
        free.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
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
