//! The message policy's filter: what of a provider's message may reach
//! the client. The message is cut into pieces (runs of characters between
//! spaces, quotes, brackets and `=`, `,`, `;`, `|`; a URL is one piece
//! with its query), and each piece is one of three kinds:
//!
//! - **a credential** (never passes): an API key (`sk-`, `AIza`, `gsk_`,
//!   `AKIA…`, a JWT, a masked `sk-abc***xyz`, ...), an organization,
//!   project, account or user id (`org-`, `proj_`, `acct_`, `user_`), an
//!   ARN, a cloud resource path (`projects/123/locations/...`);
//! - **a location or an opaque id** (passes only when the client sent it,
//!   or as a public documentation link): a URL, a host name (under any
//!   country or common top-level domain, with or without a path), an IPv4
//!   or IPv6 address, an e-mail address, a file path, a UUID, a number of
//!   10 or more digits, 20 or more hex digits, a random-looking id;
//! - **everything else** passes: words, numbers, request fields, model
//!   names with slashes, dots and colons, JSON pointers (`#/$defs/Step`),
//!   tool call ids the client sent (`toolu_`, `call_`).

/// What a removed piece is replaced with.
pub(crate) const REDACTED: &str = "[redacted]";

/// `message` with every piece that may not reach the client replaced by
/// [`REDACTED`]. `request`, the client's request body, lets through the
/// locations and ids it contains.
pub(crate) fn client_safe(message: &str, request: Option<&str>) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(start) = rest.find(|c| !is_delimiter(c, true)) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        // A URL runs to the next space, quote or bracket, query and all.
        let coarse = rest
            .split(|c| is_delimiter(c, false))
            .next()
            .unwrap_or(rest);
        let url = coarse.contains("://");
        let end = rest.find(|c| is_delimiter(c, !url)).unwrap_or(rest.len());
        push_piece(&mut out, &rest[..end], request);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Whether `c` separates pieces: spaces, quotes (typographic ones too) and
/// brackets always; `=`, `,`, `;`, `|` within a piece that is not a URL
/// (`strict`).
fn is_delimiter(c: char, strict: bool) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '\'' | '`' | '(' | ')' | '[' | ']' | '{' | '}' | '<' | '>'
        )
        || (strict && matches!(c, '=' | ',' | ';' | '|'))
        || (!c.is_ascii() && !c.is_alphanumeric())
}

/// Writes one piece, redacted unless it may pass; its trailing
/// punctuation is kept either way.
fn push_piece(out: &mut String, piece: &str, request: Option<&str>) {
    let core = piece.trim_end_matches(['.', ':', '!', '?', ',', ';']);
    let tail = &piece[core.len()..];
    let sent =
        |text: &str| request.is_some_and(|request| text.len() >= 2 && request.contains(text));
    let parts = || core.split(':').filter(|part| !part.is_empty());
    let withheld = is_credential(core)
        || parts().any(is_credential)
        || ((is_private(core) || parts().any(is_private)) && !sent(core) && !is_public_link(core));
    out.push_str(if withheld { REDACTED } else { core });
    out.push_str(tail);
}

/// An API key, an account's id, an ARN, a cloud resource path.
fn is_credential(piece: &str) -> bool {
    const KEYS: [&str; 16] = [
        "sk-",
        "sk_",
        "gsk_",
        "xai-",
        "aiza",
        "key-",
        "rk-",
        "sess-",
        "ghp_",
        "github_pat_",
        "hf_",
        "r8_",
        "pplx-",
        "nvapi-",
        "csk-",
        "fw_",
    ];
    const ACCOUNTS: [&str; 10] = [
        "org-", "org_", "proj_", "proj-", "acct_", "acct-", "user_", "user-", "ws_", "wrkspc_",
    ];
    const RESOURCES: [&str; 7] = [
        "projects/",
        "organizations/",
        "folders/",
        "billingaccounts/",
        "subscriptions/",
        "resourcegroups/",
        "tenants/",
    ];
    let lower = piece.to_ascii_lowercase();
    let id_after = |prefix: &&str| {
        lower.starts_with(*prefix) && {
            let rest = &piece[prefix.len()..];
            rest.len() >= 6
                && rest
                    .bytes()
                    .any(|b| b.is_ascii_digit() || b.is_ascii_uppercase() || b == b'*')
        }
    };
    KEYS.iter().chain(&ACCOUNTS).any(id_after)
        || piece.contains("***")
        || lower.starts_with("arn:")
        || RESOURCES.iter().any(|resource| lower.contains(resource))
        || aws_access_key(piece)
        || (piece.starts_with("eyJ") && piece.len() >= 20)
}

/// `AKIA` or `ASIA` and 16 upper-case letters or digits.
fn aws_access_key(piece: &str) -> bool {
    (piece.starts_with("AKIA") || piece.starts_with("ASIA"))
        && piece.len() == 20
        && piece
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// A location or an id of the gateway's, unless the client sent it.
fn is_private(piece: &str) -> bool {
    const CLIENT_IDS: [&str; 5] = ["toolu_", "srvtoolu_", "call_", "fc_", "tool_"];
    if CLIENT_IDS.iter().any(|prefix| piece.starts_with(prefix)) {
        return false;
    }
    let lower = piece.to_ascii_lowercase();
    piece.contains("://")
        || lower.starts_with("req_")
        || lower.starts_with("req-")
        || is_file_path(piece)
        || is_email(piece)
        || is_uuid(piece)
        || is_ipv4(piece)
        || is_ipv6(piece)
        || host(&lower).is_some()
        || is_long_number(piece)
        || is_opaque(piece)
}

/// Hosts of public sites a provider's message links to: documentation,
/// consoles, model registries, standards.
#[rustfmt::skip]
const PUBLIC: &[&str] = &[
    "platform.openai.com", "help.openai.com", "anthropic.com", "claude.com", "ai.google.dev", "cloud.google.com",
    "developers.generativeai.google", "googleapis.com", "aws.amazon.com", "microsoft.com", "aka.ms", "mistral.ai",
    "console.groq.com", "openrouter.ai", "api-docs.deepseek.com", "ollama.ai", "ollama.com", "huggingface.co",
    "json-schema.org", "github.com",
];

/// A link to a public page: a documentation site (a host under
/// [`PUBLIC`], or starting `docs.`, `help.`, `learn.`, `developers.`), on a
/// public domain, with no account number in it and no credential in its
/// query.
fn is_public_link(piece: &str) -> bool {
    const DOC_SITES: [&str; 5] = ["docs.", "help.", "learn.", "developer.", "developers."];
    const QUERY_SECRETS: [&str; 6] = ["key=", "token=", "secret=", "project=", "account=", "sig"];
    let lower = piece.to_ascii_lowercase();
    let after_scheme = lower
        .split_once("://")
        .map_or(lower.as_str(), |(_, rest)| rest);
    let Some(host) = host(after_scheme).filter(|host| !is_internal(host)) else {
        return false;
    };
    let under = |site: &&str| {
        host == *site
            || host
                .strip_suffix(site)
                .is_some_and(|sub| sub.ends_with('.'))
    };
    let public = PUBLIC.iter().any(under) || DOC_SITES.iter().any(|site| host.starts_with(site));
    let account_number = piece
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() >= 10);
    public && !account_number && !QUERY_SECRETS.iter().any(|secret| lower.contains(secret))
}

/// A host under a domain of a private network (`.internal`, `.local`,
/// `.svc`, ...).
fn is_internal(host: &str) -> bool {
    const INTERNAL: [&str; 8] = [
        "internal",
        "local",
        "localhost",
        "svc",
        "lan",
        "corp",
        "intranet",
        "home",
    ];
    host.rsplit('.')
        .next()
        .is_some_and(|tld| INTERNAL.contains(&tld))
}

/// The host name `lower` starts with (before a port or path), if it is
/// one: dot-separated labels of letters, digits and `-`, ending in a
/// common top-level domain, an internal one, or a two-letter country code.
fn host(lower: &str) -> Option<&str> {
    const DOMAINS: [&str; 14] = [
        "com", "net", "org", "io", "ai", "dev", "app", "cloud", "info", "biz", "xyz", "tech",
        "site", "online",
    ];
    let host = lower.split(['/', ':', '?', '#']).next()?;
    let labels: Vec<&str> = host.split('.').collect();
    let label = |label: &&str| {
        !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !label.bytes().all(|b| b.is_ascii_digit())
    };
    let last = *labels.last()?;
    let domain = DOMAINS.contains(&last)
        || is_internal(last)
        || (last.len() == 2 && last.bytes().all(|b| b.is_ascii_lowercase()) && last != "id");
    (labels.len() >= 2 && labels.iter().all(label) && domain).then_some(host)
}

/// `/etc/x`, `~/x`, `C:\\x`: a path on some machine (a lone `/` is not).
fn is_file_path(piece: &str) -> bool {
    (piece.starts_with(['/', '~']) || piece.contains('\\'))
        && piece.bytes().any(|b| b.is_ascii_alphanumeric())
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

/// An IPv4 address, with an optional port.
fn is_ipv4(piece: &str) -> bool {
    let address = piece.split(':').next().unwrap_or(piece);
    let octets: Vec<&str> = address.split('.').collect();
    octets.len() == 4
        && octets.iter().all(|octet| {
            (1..=3).contains(&octet.len()) && octet.bytes().all(|b| b.is_ascii_digit())
        })
}

/// An IPv6 address: hex groups and colons, `::` or eight groups, perhaps
/// a zone (`%eth0`) or an embedded IPv4 tail.
fn is_ipv6(piece: &str) -> bool {
    let address = piece.split('%').next().unwrap_or(piece);
    let groups = address.split(':').count();
    (address.contains("::") || groups == 8)
        && groups >= 3
        && address.split(':').all(|group| {
            group.len() <= 4 && group.bytes().all(|b| b.is_ascii_hexdigit()) || is_ipv4(group)
        })
        && address.bytes().any(|b| b.is_ascii_hexdigit())
}

/// 10 or more digits (AWS accounts, Google project numbers), or 20 or
/// more hex digits with both digits and letters (keys, hashes).
fn is_long_number(piece: &str) -> bool {
    let digits = piece.bytes().filter(u8::is_ascii_digit).count();
    (digits == piece.len() && digits >= 10)
        || (piece.len() >= 20
            && piece.bytes().all(|b| b.is_ascii_hexdigit())
            && digits > 0
            && digits < piece.len())
}

/// A random-looking id: a part (between `-`, `_`, `.`, `/`, `:`) of 12 or
/// more letters and digits mixing upper case, lower case and digits, or
/// of 20 or more mixing letters and digits. Model names (`Llama-3.3-70B`,
/// `claude-3-5-sonnet-20241022`) have no such part.
fn is_opaque(piece: &str) -> bool {
    piece.split(['-', '_', '.', '/', ':']).any(|part| {
        let has = |test: fn(&u8) -> bool| part.bytes().any(|b| test(&b));
        let alphanumeric = part.bytes().all(|b| b.is_ascii_alphanumeric());
        let letters = has(u8::is_ascii_alphabetic);
        let digits = has(u8::is_ascii_digit);
        alphanumeric
            && letters
            && digits
            && ((part.len() >= 12 && has(u8::is_ascii_uppercase) && has(u8::is_ascii_lowercase))
                || part.len() >= 20)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_locations_and_ids_are_withheld() {
        let cases = [
            (
                "Incorrect API key provided: “sk-proj-abcDEF123456”.",
                "Incorrect API key provided: “[redacted]”.",
            ),
            (
                "key …sk-ant-api03-AbC123xYz and AKIAIOSFODNN7EXAMPLE",
                "key …[redacted] and [redacted]",
            ),
            (
                "in organization org-AbC123xyz on tokens per min",
                "in organization [redacted] on tokens per min",
            ),
            (
                "User: arn:aws:iam::123456789012:user/gw is not authorized",
                "User: [redacted] is not authorized",
            ),
            (
                "project 123456789012 (projects/my-proj/locations/us-central1)",
                "project [redacted] ([redacted])",
            ),
            (
                "connect to llm.acme.co.uk failed, then to gw.example.de/v1",
                "connect to [redacted] failed, then to [redacted]",
            ),
            (
                "from 10.0.3.7:8443 and [2001:db8::7]:443 and fe80::1%eth0",
                "from [redacted] and [[redacted]]:443 and [redacted]",
            ),
            (
                "key 0123456789abcdef0123 for ops@example.com",
                "key [redacted] for [redacted]",
            ),
            (
                "https://gw.internal/v1?api_key=abc123 failed",
                "[redacted] failed",
            ),
            (
                "request req_011CSHoEeqs5C35K2UUqR7Fy, id 5f0c6b0e-1c9a-4d43-9c2b-8b1d3c1b2a11",
                "request [redacted], id [redacted]",
            ),
        ];
        for (message, safe) in cases {
            assert_eq!(client_safe(message, None), safe, "{message}");
        }
    }

    #[test]
    fn what_a_client_sends_passes() {
        let kept = [
            "The model `meta-llama/Llama-3.3-70B-Instruct` does not exist",
            "registry.ollama.ai/library/qwen3.5:0.8b does not support tools",
            "Invalid schema: '#/$defs/Step' is not a valid $ref",
            "Input should be 'system', 'user', 'assistant' or 'tool'",
            "messages.3: `tool_use` ids were found without `tool_result` blocks: toolu_01AbCdEfGhIjKlMnOpQrStUv.",
            "Learn more: https://platform.openai.com/docs/guides/structured-outputs?api-mode=chat#supported-schemas",
            "max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens for claude-sonnet-4-20250514",
            "tokens / minute: 1,048,576 of gpt-4.1 (e.g. input)",
            "",
        ];
        for message in kept {
            assert_eq!(client_safe(message, None), message);
        }
        let message = "Invalid image URL: https://img.example.net/cat.png?size=2 (from 192.0.2.1)";
        let request = r#"{"image_url":{"url":"https://img.example.net/cat.png?size=2"}}"#;
        assert_eq!(
            client_safe(message, Some(request)),
            "Invalid image URL: https://img.example.net/cat.png?size=2 (from [redacted])"
        );
        // A credential passes not even when the request holds it.
        let message = "Incorrect API key provided: sk-proj-abcDEF123456.";
        assert_eq!(
            client_safe(message, Some(message)),
            "Incorrect API key provided: [redacted]."
        );
    }
}
