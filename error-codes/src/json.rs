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

/// Whether `bytes` holds nothing JSON must escape, eight bytes at a time:
/// the common case (codes, types, catalogue messages) then costs one quick
/// scan and a copy instead of a table lookup per byte.
#[inline]
fn is_plain(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if word_needs_escape(u64::from_le_bytes(word)) {
            return false;
        }
    }
    chunks
        .remainder()
        .iter()
        .all(|&byte| ESCAPE[byte as usize] == 0)
}

/// Whether any byte of `word` is a control character, `"` or `\`.
#[inline]
fn word_needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte below `n` (n <= 0x80) borrows into its high bit; bytes with
    // the high bit already set are masked out by `!word`.
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS;
    let control = below(word, 0x20);
    let quote = below(word ^ (ONES * u64::from(b'"')), 1);
    let backslash = below(word ^ (ONES * u64::from(b'\\')), 1);
    control | quote | backslash != 0
}

/// The length of `text` as a quoted JSON string.
#[inline]
pub(crate) fn quoted_len(text: &str) -> usize {
    quoted_bytes_len(text.as_bytes())
}

/// The length of UTF-8 `bytes` as a quoted JSON string.
#[inline]
pub(crate) fn quoted_bytes_len(bytes: &[u8]) -> usize {
    if is_plain(bytes) {
        return bytes.len() + 2;
    }
    let mut len = bytes.len() + 2;
    for &byte in bytes {
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
    push_quoted_bytes(out, text.as_bytes());
}

/// Appends UTF-8 `bytes` as a quoted JSON string. Only ASCII bytes are
/// ever escaped, so the bytes of a multi-byte character pass through whole.
#[inline]
pub(crate) fn push_quoted_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'"');
    if is_plain(bytes) {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
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

/// The length of an optional member: its `key` (`,"name":`) and the
/// quoted value, or nothing when there is no value.
#[inline]
pub(crate) fn member_len(key: &[u8], value: Option<&str>) -> usize {
    value.map_or(0, |value| key.len() + quoted_len(value))
}

/// Appends an optional member: its `key` (`,"name":`) and the quoted
/// value, or nothing when there is no value.
#[inline]
pub(crate) fn push_member(out: &mut Vec<u8>, key: &[u8], value: Option<&str>) {
    if let Some(value) = value {
        out.extend_from_slice(key);
        push_quoted(out, value);
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

    /// Every ASCII character and some multi-byte ones at every position of
    /// strings long enough to take the eight-bytes-at-a-time path.
    #[test]
    fn word_scan_matches_serde_json_at_every_position() {
        let specials =
            (0u32..0x80)
                .filter_map(char::from_u32)
                .chain(['\u{e9}', '\u{2028}', '\u{1f600}']);
        for special in specials {
            for len in [8, 9, 15, 16, 17, 31] {
                for position in 0..len {
                    let sample: String = (0..len)
                        .map(|i| if i == position { special } else { 'a' })
                        .collect();
                    let expected = serde_json::to_vec(&sample).unwrap();
                    assert_eq!(quoted(&sample), expected, "{sample:?}");
                    assert_eq!(quoted_len(&sample), expected.len(), "{sample:?}");
                }
            }
        }
    }
}
