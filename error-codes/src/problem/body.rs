//! The problem details body writer: an RFC 9457 object written directly,
//! in one pass to measure and one to copy, the bytes `serde_json` writes.

use super::uri;
use crate::json::{
    member_len, push_member, push_quoted, push_quoted_bytes, quoted_bytes_len, quoted_len,
};

/// The `type` member: given whole (a doc URL), or a base and a code.
#[derive(Clone, Copy, Debug)]
pub(crate) enum TypeUri<'a> {
    /// Written as given.
    Given(&'a str),
    /// The base of a [`ProblemTypes`](crate::ProblemTypes), then the code
    /// percent-encoded. Both are URI characters only, none of which JSON
    /// escapes, so both are copied as they are.
    Code { base: &'a str, code: &'a str },
}

/// The `instance` member.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Instance<'a> {
    /// Left out.
    None,
    /// Written as given (a path or URI the caller chose).
    Given(&'a str),
    /// `urn:request-id:` and the request id, percent-encoded.
    RequestId(&'a str),
}

/// The prefix of an `instance` made from a request id.
pub(crate) const REQUEST_ID_URN: &str = "urn:request-id:";

/// Every member of one problem details body.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ProblemParts<'a> {
    pub(crate) type_uri: TypeUri<'a>,
    pub(crate) title: &'a str,
    pub(crate) status: u16,
    /// UTF-8: the occurrence's message.
    pub(crate) detail: &'a [u8],
    pub(crate) instance: Instance<'a>,
    pub(crate) code: &'a str,
    pub(crate) param: Option<&'a str>,
    pub(crate) retryable: bool,
    pub(crate) request_id: Option<&'a str>,
    pub(crate) suggestion: Option<&'a str>,
    /// The upstream provider that generated the error.
    pub(crate) provider: Option<&'a str>,
}

const TYPE: &[u8] = b"{\"type\":";
const TITLE: &[u8] = b",\"title\":";
const STATUS: &[u8] = b",\"status\":";
const DETAIL: &[u8] = b",\"detail\":";
const INSTANCE: &[u8] = b",\"instance\":";
const CODE: &[u8] = b",\"code\":";
const PARAM: &[u8] = b",\"param\":";
const RETRYABLE_TRUE: &[u8] = b",\"retryable\":true";
const RETRYABLE_FALSE: &[u8] = b",\"retryable\":false";
const REQUEST_ID: &[u8] = b",\"request_id\":";
const SUGGESTION: &[u8] = b",\"suggestion\":";
const PROVIDER: &[u8] = b",\"provider\":";

impl ProblemParts<'_> {
    /// The exact length of the body [`write`](Self::write) appends.
    pub(crate) fn len(&self) -> usize {
        TYPE.len()
            + match self.type_uri {
                TypeUri::Given(uri) => quoted_len(uri),
                TypeUri::Code { base, code } => uri_len(base, code),
            }
            + TITLE.len()
            + quoted_len(self.title)
            + STATUS.len()
            + decimal_len(self.status)
            + DETAIL.len()
            + quoted_bytes_len(self.detail)
            + match self.instance {
                Instance::None => 0,
                Instance::Given(uri) => INSTANCE.len() + quoted_len(uri),
                Instance::RequestId(id) => INSTANCE.len() + uri_len(REQUEST_ID_URN, id),
            }
            + CODE.len()
            + quoted_len(self.code)
            + member_len(PARAM, self.param)
            + if self.retryable {
                RETRYABLE_TRUE.len()
            } else {
                RETRYABLE_FALSE.len()
            }
            + member_len(REQUEST_ID, self.request_id)
            + member_len(SUGGESTION, self.suggestion)
            + member_len(PROVIDER, self.provider)
            + 1
    }

    /// Appends the body: `type`, `title`, `status`, `detail`, `instance`
    /// (when set), then the extension members `code`, `param` (when set),
    /// `retryable`, `request_id`, `suggestion` and `provider` (when set).
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(TYPE);
        match self.type_uri {
            TypeUri::Given(uri) => push_quoted(out, uri),
            TypeUri::Code { base, code } => push_uri(out, base, code),
        }
        out.extend_from_slice(TITLE);
        push_quoted(out, self.title);
        out.extend_from_slice(STATUS);
        push_decimal(out, self.status);
        out.extend_from_slice(DETAIL);
        push_quoted_bytes(out, self.detail);
        match self.instance {
            Instance::None => {}
            Instance::Given(uri) => {
                out.extend_from_slice(INSTANCE);
                push_quoted(out, uri);
            }
            Instance::RequestId(id) => {
                out.extend_from_slice(INSTANCE);
                push_uri(out, REQUEST_ID_URN, id);
            }
        }
        out.extend_from_slice(CODE);
        push_quoted(out, self.code);
        push_member(out, PARAM, self.param);
        out.extend_from_slice(if self.retryable {
            RETRYABLE_TRUE
        } else {
            RETRYABLE_FALSE
        });
        push_member(out, REQUEST_ID, self.request_id);
        push_member(out, SUGGESTION, self.suggestion);
        push_member(out, PROVIDER, self.provider);
        out.push(b'}');
    }
}

/// The length of [`push_uri`]'s output.
#[inline]
fn uri_len(prefix: &str, text: &str) -> usize {
    2 + prefix.len() + uri::encoded_len(text)
}

/// Appends the JSON string of a URI: `prefix` (URI characters only, which
/// JSON never escapes) then `text` percent-encoded.
#[inline]
fn push_uri(out: &mut Vec<u8>, prefix: &str, text: &str) {
    out.push(b'"');
    out.extend_from_slice(prefix.as_bytes());
    uri::push_encoded(out, text);
    out.push(b'"');
}

/// The number of decimal digits of `number`.
#[inline]
fn decimal_len(number: u16) -> usize {
    match number {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1000..=9999 => 4,
        _ => 5,
    }
}

/// Appends `number` in decimal, as `serde_json` writes it.
#[inline]
fn push_decimal(out: &mut Vec<u8>, number: u16) {
    let mut digits = [0u8; 5];
    let len = decimal_len(number);
    let mut rest = number;
    for digit in digits[..len].iter_mut().rev() {
        *digit = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    out.extend_from_slice(&digits[..len]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    /// The same object as a struct, for `serde_json` to write.
    #[derive(Serialize)]
    struct Peer<'a> {
        #[serde(rename = "type")]
        problem_type: String,
        title: &'a str,
        status: u16,
        detail: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        instance: Option<String>,
        code: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        param: Option<&'a str>,
        retryable: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        request_id: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        suggestion: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        provider: Option<&'a str>,
    }

    fn written(parts: &ProblemParts<'_>) -> Vec<u8> {
        let mut out = Vec::with_capacity(parts.len());
        parts.write(&mut out);
        assert_eq!(out.len(), parts.len());
        out
    }

    fn peer(parts: &ProblemParts<'_>) -> Vec<u8> {
        let encode = |text: &str| {
            let mut out = Vec::new();
            uri::push_encoded(&mut out, text);
            String::from_utf8(out).unwrap()
        };
        serde_json::to_vec(&Peer {
            problem_type: match parts.type_uri {
                TypeUri::Given(uri) => uri.to_owned(),
                TypeUri::Code { base, code } => format!("{base}{}", encode(code)),
            },
            title: parts.title,
            status: parts.status,
            detail: std::str::from_utf8(parts.detail).unwrap(),
            instance: match parts.instance {
                Instance::None => None,
                Instance::Given(uri) => Some(uri.to_owned()),
                Instance::RequestId(id) => Some(format!("{REQUEST_ID_URN}{}", encode(id))),
            },
            code: parts.code,
            param: parts.param,
            retryable: parts.retryable,
            request_id: parts.request_id,
            suggestion: parts.suggestion,
            provider: parts.provider,
        })
        .unwrap()
    }

    #[test]
    fn decimal_matches_display() {
        for number in [
            0,
            1,
            9,
            10,
            99,
            100,
            404,
            499,
            999,
            1000,
            9999,
            10000,
            u16::MAX,
        ] {
            let mut out = Vec::new();
            push_decimal(&mut out, number);
            assert_eq!(out, number.to_string().as_bytes());
        }
    }

    #[test]
    fn every_option_matches_serde_json() {
        let texts = [
            "plain",
            "",
            "quote \" backslash \\ line\n",
            "caf\u{e9} \u{1f600}",
        ];
        for text in texts {
            for variant in 0..4 {
                let parts = ProblemParts {
                    type_uri: if variant % 2 == 0 {
                        TypeUri::Given(text)
                    } else {
                        TypeUri::Code {
                            base: "https://x.test/e?q=[a]&b=~!$'()*+,;@#",
                            code: text,
                        }
                    },
                    title: text,
                    status: [429, 0, 499, 65535][variant],
                    detail: text.as_bytes(),
                    instance: [
                        Instance::None,
                        Instance::Given(text),
                        Instance::RequestId(text),
                        Instance::None,
                    ][variant],
                    code: text,
                    param: (variant != 2).then_some(text),
                    retryable: variant % 2 == 1,
                    request_id: (variant >= 2).then_some(text),
                    suggestion: (variant == 3).then_some(text),
                    provider: (variant % 2 == 0).then_some(text),
                };
                assert_eq!(written(&parts), peer(&parts), "{parts:?}");
            }
        }
    }
}
