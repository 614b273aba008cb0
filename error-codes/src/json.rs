//! The JSON string writer behind every envelope: exact-size, one pass to
//! measure and one to copy, the same bytes `serde_json` writes.

/// How each byte is written inside a JSON string: 0 = as is, otherwise the
/// escape's second character (`u` for `\u00XX`).
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The length of `text` as a quoted JSON string.
#[inline]
pub(crate) fn quoted_len(text: &str) -> usize {
    let mut len = text.len() + 2;
    for &byte in text.as_bytes() {
        match ESCAPE[byte as usize] {
            0 => {}
            b'u' => len += 5,
            _ => len += 1,
        }
    }
    len
}

/// Appends `text` as a quoted JSON string.
#[inline]
pub(crate) fn push_quoted(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        let escape = ESCAPE[byte as usize];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        if escape == b'u' {
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(byte >> 4) as usize],
                HEX[(byte & 0xf) as usize],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// The length of an optional string: quoted, or `null`.
#[inline]
pub(crate) fn nullable_len(text: Option<&str>) -> usize {
    text.map_or(4, quoted_len)
}

/// Appends an optional string: quoted, or `null`.
#[inline]
pub(crate) fn push_nullable(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => push_quoted(out, text),
        None => out.extend_from_slice(b"null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<u8> {
        let mut out = Vec::new();
        push_quoted(&mut out, text);
        out
    }

    #[test]
    fn matches_serde_json_for_every_char_class() {
        let mut samples: Vec<String> = (0u32..0x80)
            .filter_map(char::from_u32)
            .map(|c| format!("a{c}b"))
            .collect();
        samples.extend(
            [
                "",
                "plain",
                "quote \" and backslash \\",
                "line\nbreak\r\n",
                "\u{2028}\u{2029}",
                "caf\u{e9} \u{1f600}",
                "\u{7f}\u{0}",
            ]
            .map(String::from),
        );
        for sample in samples {
            let expected = serde_json::to_vec(&sample).unwrap();
            assert_eq!(quoted(&sample), expected, "{sample:?}");
            assert_eq!(quoted_len(&sample), expected.len(), "{sample:?}");
        }
    }
}
