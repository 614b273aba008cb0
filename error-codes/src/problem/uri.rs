//! Text made safe inside a URI: every byte but the unreserved ones
//! (`A-Z a-z 0-9 - . _ ~`, RFC 3986) percent-encoded.

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Whether RFC 3986 lets each byte stand for itself anywhere in a URI:
/// one table lookup per byte.
const UNRESERVED: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
        byte += 1;
    }
    table
};

#[inline]
fn is_unreserved(byte: u8) -> bool {
    UNRESERVED[usize::from(byte)]
}

/// The length of `text` percent-encoded. The encoding is ASCII without
/// `"`, `\` or control characters, so this is also its length inside a
/// JSON string.
#[inline]
pub(crate) fn encoded_len(text: &str) -> usize {
    // 1 for an unreserved byte, 3 for `%XX`.
    text.bytes()
        .map(|byte| 3 - 2 * usize::from(is_unreserved(byte)))
        .sum()
}

/// Appends `text` percent-encoded.
#[inline]
pub(crate) fn push_encoded(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    if bytes.iter().all(|&byte| is_unreserved(byte)) {
        out.extend_from_slice(bytes);
        return;
    }
    for &byte in bytes {
        if is_unreserved(byte) {
            out.push(byte);
        } else {
            out.extend_from_slice(&[
                b'%',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xf)],
            ]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(text: &str) -> String {
        let mut out = Vec::new();
        push_encoded(&mut out, text);
        assert_eq!(out.len(), encoded_len(text), "{text:?}");
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn keeps_unreserved_and_encodes_the_rest() {
        assert_eq!(encoded("rate_limit_exceeded"), "rate_limit_exceeded");
        assert_eq!(encoded("req_01HZ-x.y~z"), "req_01HZ-x.y~z");
        assert_eq!(encoded(""), "");
        assert_eq!(encoded("a b/c?d#e%"), "a%20b%2Fc%3Fd%23e%25");
        assert_eq!(encoded("\"\\\n"), "%22%5C%0A");
        assert_eq!(encoded("caf\u{e9}"), "caf%C3%A9");
    }

    #[test]
    fn every_byte_encodes_to_json_safe_ascii() {
        for byte in 0u8..0x80 {
            let text = char::from(byte).to_string();
            let out = encoded(&text);
            assert!(
                out.bytes()
                    .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\'),
                "{out:?}"
            );
        }
    }
}
