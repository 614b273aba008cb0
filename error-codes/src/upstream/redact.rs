//! The message policy's filter: removes what a provider's message may say
//! about the gateway (keys, account / organization / project / user ids,
//! hosts, paths) before the message reaches a client.

/// What a removed secret is replaced with.
pub(crate) const REDACTED: &str = "[redacted]";

/// `message` with every secret-looking piece replaced by [`REDACTED`].
///
/// A piece is a run of characters between spaces, quotes, brackets and
/// `=`, `,`, `;`; trailing `.`, `:`, `!`, `?` are not part of it. A piece
/// is a secret when it is (or, split at `:`, has a part that is):
///
/// - an API key: `sk-`, `sk_`, `gsk_`, `xai-`, `AIza`, `key-`, `rk-`,
///   `pk-`, `sess-` prefixes, or a masked key (`****`);
/// - an id: `org-`, `org_`, `proj_`, `proj-`, `user-`, `user_`, `acct_`,
///   `acct-`, `req_`, `req-` prefixes, a UUID, 10 or more digits (AWS
///   accounts, Google project numbers), 24 or more hex digits, or 16 or more
///   letters, digits, `_` and `-` mixing upper case, lower case and digits;
/// - a location: a URL (`://`), an ARN (`arn:`), a path (Google's
///   `projects/...`, a file path; not a two-part `models/x`), an e-mail address, an IPv4 address, or a
///   host name (dotted, ending in a common top-level or internal domain).
///
/// Tool call ids (`toolu_`, `call_`), which the client itself sent, are
/// kept.
pub(crate) fn client_safe(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut piece_start = None;
    for (index, c) in message.char_indices() {
        if is_delimiter(c) {
            if let Some(start) = piece_start.take() {
                push_piece(&mut out, &message[start..index]);
            }
            out.push(c);
        } else if piece_start.is_none() {
            piece_start = Some(index);
        }
    }
    if let Some(start) = piece_start {
        push_piece(&mut out, &message[start..]);
    }
    out
}

fn is_delimiter(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '\'' | '`' | '(' | ')' | '[' | ']' | '{' | '}' | '<' | '>' | '=' | ',' | ';'
        )
}

/// Writes one piece, redacted if it is a secret; its trailing punctuation
/// is kept either way.
fn push_piece(out: &mut String, piece: &str) {
    let core = piece.trim_end_matches(['.', ':', '!', '?']);
    let tail = &piece[core.len()..];
    if core.is_empty() {
        out.push_str(piece);
        return;
    }
    if is_secret(core) || core.split(':').any(is_secret) {
        out.push_str(REDACTED);
    } else {
        out.push_str(core);
    }
    out.push_str(tail);
}

fn is_secret(piece: &str) -> bool {
    const PREFIXES: [&str; 19] = [
        "sk-", "sk_", "gsk_", "xai-", "aiza", "key-", "rk-", "pk-", "sess-", "org-", "org_",
        "proj_", "proj-", "user-", "user_", "acct_", "acct-", "req_", "req-",
    ];
    /// Ids the client itself sent in its request (tool call ids): kept,
    /// so the client can find the part of its request at fault.
    const CLIENT_IDS: [&str; 2] = ["toolu_", "call_"];
    let lower = piece.to_ascii_lowercase();
    let piece = piece.trim_start_matches(['.', ':']);
    !piece.is_empty()
        && !CLIENT_IDS.iter().any(|prefix| lower.starts_with(prefix))
        && (PREFIXES.iter().any(|prefix| lower.starts_with(prefix))
            || piece.contains("***")
            || piece.contains("://")
            || lower.starts_with("arn:")
            || is_path(&lower)
            || is_email(piece)
            || is_uuid(piece)
            || is_number_id(piece)
            || is_opaque_id(piece)
            || is_address(&lower))
}

/// A file path, or a cloud resource path (`projects/p/locations/l`); a
/// two-part name such as `models/gemini-2.0-flash` is kept.
fn is_path(lower: &str) -> bool {
    const RESOURCES: [&str; 8] = [
        "projects/",
        "locations/",
        "accounts/",
        "organizations/",
        "users/",
        "tenants/",
        "subscriptions/",
        "resourcegroups/",
    ];
    lower.starts_with(['/', '~'])
        || lower.contains('\\')
        || lower.matches('/').count() >= 2
        || RESOURCES.iter().any(|resource| lower.contains(resource))
}

fn is_email(piece: &str) -> bool {
    piece
        .split_once('@')
        .is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.'))
}

fn is_uuid(piece: &str) -> bool {
    let groups: Vec<&str> = piece.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn is_number_id(piece: &str) -> bool {
    let digits = piece.bytes().filter(u8::is_ascii_digit).count();
    let hex = piece.bytes().all(|b| b.is_ascii_hexdigit());
    (piece.bytes().all(|b| b.is_ascii_digit()) && digits >= 10)
        || (hex && piece.len() >= 24 && digits > 0)
}

fn is_opaque_id(piece: &str) -> bool {
    piece.len() >= 16
        && piece
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && piece.bytes().any(|b| b.is_ascii_uppercase())
        && piece.bytes().any(|b| b.is_ascii_lowercase())
        && piece.bytes().any(|b| b.is_ascii_digit())
}

/// An IPv4 address (with an optional port) or a host name.
fn is_address(lower: &str) -> bool {
    const DOMAINS: [&str; 17] = [
        "com",
        "net",
        "org",
        "io",
        "ai",
        "dev",
        "app",
        "cloud",
        "co",
        "us",
        "eu",
        "internal",
        "local",
        "localhost",
        "svc",
        "lan",
        "corp",
    ];
    let host = lower.split(':').next().unwrap_or(lower);
    let labels: Vec<&str> = host.split('.').collect();
    let numeric = |label: &&str| !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit());
    if labels.len() == 4 && labels.iter().all(numeric) {
        return true;
    }
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !numeric(label)
        })
        && labels.last().is_some_and(|last| DOMAINS.contains(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_secrets() {
        let cases = [
            (
                "Incorrect API key provided: sk-proj-abc***********wxyz. You can find your API key at https://platform.openai.com/account/api-keys.",
                "Incorrect API key provided: [redacted]. You can find your API key at [redacted].",
            ),
            (
                "Rate limit reached for gpt-4o in organization org-AbC123xyz on tokens per min (TPM): Limit 30000, Used 29000, Requested 2000.",
                "Rate limit reached for gpt-4o in organization [redacted] on tokens per min (TPM): Limit 30000, Used 29000, Requested 2000.",
            ),
            (
                "Permission denied on resource project 123456789012 (projects/my-proj/locations/us-central1).",
                "Permission denied on resource project [redacted] ([redacted]).",
            ),
            (
                "User: arn:aws:iam::123456789012:user/gw is not authorized",
                "User: [redacted] is not authorized",
            ),
            (
                "connect to llm-proxy.prod.internal:8443 failed for ops@example.com",
                "connect to [redacted] failed for [redacted]",
            ),
            (
                "request req_011CSHoEeqs5C35K2UUqR7Fy from 10.0.3.7 (key=AIzaSyD-abc)",
                "request [redacted] from [redacted] (key=[redacted])",
            ),
            (
                "org 5f0c6b0e-1c9a-4d43-9c2b-8b1d3c1b2a11 has no access",
                "org [redacted] has no access",
            ),
        ];
        for (message, safe) in cases {
            assert_eq!(client_safe(message), safe, "{message}");
        }
    }

    #[test]
    fn keeps_what_the_client_can_fix() {
        let kept = [
            "prompt is too long: 201234 tokens > 200000 maximum",
            "This model's maximum context length is 128000 tokens. However, your messages resulted in 130512 tokens. Please reduce the length of the messages.",
            "max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens for claude-sonnet-4-20250514",
            "messages.1.content.0.image.source.base64: invalid base64 data",
            "Invalid value for 'temperature': expected a number <= 2, got 3.5.",
            "messages.3: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_01AbCdEfGhIjKlMnOpQrStUv.",
            "The model `gpt-3.5-turbo-0301` has been deprecated; use gpt-4o-mini.",
            "models/gemini-1.0-pro is not found for API version v1beta.",
            "",
        ];
        for message in kept {
            assert_eq!(client_safe(message), message);
        }
    }
}
