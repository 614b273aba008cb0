//! `SseSplitter` against the WHATWG EventSource parsing rules: a plain
//! reading of the specification's algorithm over the whole input is the
//! reference, and any chunking of any input must give its events.

use api_error_codes::stream::{SseEvent, SseSplitter};
use proptest::prelude::*;

/// The events EventSource dispatches for `input`, read as the WHATWG
/// HTML standard's "Interpreting an event stream" says: decode as UTF-8
/// (lossy), drop one leading BOM, split lines on CRLF, LF or CR, dispatch
/// at a blank line when the data buffer is not empty, drop the unfinished
/// event at the end. Each event is its type ("message" by default) and data.
fn reference(input: &[u8]) -> Vec<(String, String)> {
    let decoded = String::from_utf8_lossy(input);
    let mut rest = decoded.strip_prefix('\u{feff}').unwrap_or(&decoded);
    let (mut events, mut kind, mut data) = (Vec::new(), String::new(), String::new());
    while let Some(end) = rest.find(['\r', '\n']) {
        let line = &rest[..end];
        rest = &rest[end
            + if rest[end..].starts_with("\r\n") {
                2
            } else {
                1
            }..];
        if line.is_empty() {
            if !data.is_empty() {
                data.pop();
                let kind = if kind.is_empty() { "message" } else { &kind };
                events.push((kind.to_owned(), std::mem::take(&mut data)));
            }
            kind.clear();
            data.clear();
            continue;
        }
        if line.starts_with(':') {
            continue;
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "event" => kind = value.to_owned(),
            "data" => {
                data.push_str(value);
                data.push('\n');
            }
            _ => {}
        }
    }
    events
}

/// Every event of `input` pushed in the chunks cut at `cuts`, and what
/// `finish` leaves.
fn split(input: &[u8], cuts: &[usize]) -> (Vec<SseEvent>, Option<SseEvent>) {
    let mut splitter = SseSplitter::new();
    let mut events = Vec::new();
    let mut at = 0;
    for &cut in cuts.iter().chain([&input.len()]) {
        let cut = cut.clamp(at, input.len());
        splitter.push(&input[at..cut]);
        at = cut;
        while let Some(event) = splitter.next_event() {
            events.push(event.expect("no event is over the default bound"));
        }
    }
    (events, splitter.finish())
}

/// The events EventSource would dispatch, as the reference lists them.
fn dispatched(events: &[SseEvent]) -> Vec<(String, String)> {
    events
        .iter()
        .filter_map(|event| {
            let data = event.data()?.into_owned();
            let name = event
                .name()
                .map_or("message".to_owned(), |name| name.into_owned());
            Some((name, data))
        })
        .collect()
}

/// Streams made of the pieces that matter to the rules.
fn stream() -> impl Strategy<Value = Vec<u8>> {
    let pieces: Vec<&[u8]> = vec![
        b"data",
        b"event",
        b"id",
        b"retry",
        b":",
        b": ",
        b" ",
        b"\r",
        b"\n",
        b"\r\n",
        b"x",
        b"{}",
        b"\xc3\xa9",
        b"\xff",
        b"\xef\xbb\xbf",
        b"data: ",
        b"event: e",
        b"\n\n",
    ];
    prop::collection::vec(prop::sample::select(pieces), 0..80).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_chunking_gives_the_events_eventsource_dispatches(
        input in stream(),
        cuts in prop::collection::vec(0usize..400, 0..12),
    ) {
        let mut cuts = cuts;
        cuts.sort_unstable();
        let (events, _) = split(&input, &cuts);
        prop_assert_eq!(dispatched(&events), reference(&input));
    }

    #[test]
    fn the_raw_bytes_put_together_are_the_input(
        input in stream(),
        cuts in prop::collection::vec(0usize..400, 0..12),
    ) {
        let mut cuts = cuts;
        cuts.sort_unstable();
        let (events, rest) = split(&input, &cuts);
        let mut joined: Vec<u8> = events.iter().flat_map(|event| event.as_bytes().to_vec()).collect();
        joined.extend(rest.map(|rest| rest.as_bytes().to_vec()).unwrap_or_default());
        prop_assert_eq!(joined, input);
    }

    #[test]
    fn arbitrary_bytes_never_break_the_bound(
        input in prop::collection::vec(any::<u8>(), 0..600),
        chunk in 1usize..64,
        limit in 0usize..64,
    ) {
        let mut splitter = SseSplitter::new().max_event_len(limit);
        let mut failed = false;
        for piece in input.chunks(chunk) {
            splitter.push(piece);
            while let Some(event) = splitter.next_event() {
                match event {
                    Ok(event) => {
                        prop_assert!(event.as_bytes().len() <= limit);
                        let _ = (event.name(), event.data());
                    }
                    Err(error) => {
                        prop_assert_eq!(error.limit(), limit);
                        prop_assert!(!failed, "one error, then nothing");
                        failed = true;
                    }
                }
            }
        }
        if let Some(rest) = splitter.finish() {
            prop_assert!(!failed);
            prop_assert!(rest.as_bytes().len() <= limit);
        }
    }
}

#[test]
fn a_cr_at_the_end_of_a_chunk_and_an_lf_at_the_start_of_the_next_are_one_line_end() {
    let mut splitter = SseSplitter::new();
    splitter.push(b"data: 1\r");
    assert!(splitter.next_event().is_none());
    splitter.push(b"\n\r");
    let first = splitter.next_event().unwrap().unwrap();
    assert_eq!(first.data().as_deref(), Some("1"));
    assert_eq!(first.as_bytes(), b"data: 1\r\n\r");
    // The LF that completes the CRLF starts no empty event of its own.
    splitter.push(b"\ndata: 2\r\n\r\n");
    let second = splitter.next_event().unwrap().unwrap();
    assert_eq!(second.data().as_deref(), Some("2"));
    assert!(splitter.next_event().is_none());
    assert!(splitter.finish().is_none());
}

#[test]
fn lf_cr_lf_and_lone_crs_end_lines() {
    let events: Vec<_> = SseSplitter::split_all(b"data: a\n\r\ndata: b\r\rdata: c\r\ndata: d\n\n")
        .map(|event| event.data().unwrap().into_owned())
        .collect();
    assert_eq!(events, ["a", "b", "c\nd"]);
}

#[test]
fn comments_fields_without_colon_and_unknown_fields() {
    let event = SseSplitter::split_all(b": hi\ndata\nid: 3\nretry: 10\nfoo: bar\ndata:  two\n\n")
        .next()
        .unwrap();
    assert_eq!(event.data().as_deref(), Some("\n two"));
    assert_eq!(event.name(), None);
}

#[test]
fn a_byte_order_mark_starts_only_the_stream() {
    let mut events = SseSplitter::split_all(b"\xef\xbb\xbfdata: 1\n\n\xef\xbb\xbfdata: 2\n\n");
    assert_eq!(events.next().unwrap().data().as_deref(), Some("1"));
    assert_eq!(events.next().unwrap().data(), None);
}

#[test]
fn an_event_over_the_bound_stops_the_splitter_even_before_it_ends() {
    let mut splitter = SseSplitter::new().max_event_len(16);
    splitter.push(b"data: ok\n\ndata: 0123456789");
    assert!(splitter.next_event().unwrap().is_ok());
    assert!(splitter.next_event().is_none(), "15 bytes so far: within");
    splitter.push(b"abc");
    let error = splitter.next_event().unwrap().unwrap_err();
    assert_eq!(error.limit(), 16);
    splitter.push(b"\n\ndata: more\n\n");
    assert!(splitter.next_event().is_none());
    assert!(splitter.finish().is_none());
}
