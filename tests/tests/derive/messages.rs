//! Message templates: fields, format specs, braces, doc comments.

use super::*;

#[derive(ApiError)]
pub enum Templates {
    #[api_error(code = "padded", status = 400, message = "[{0:>5}] [{0:<4}] [{1:.2}]")]
    Padded(u32, f64),
    #[api_error(code = "debugged", status = 400, message = "got {x:?} and {x}")]
    Debugged { x: String },
    #[api_error(code = "braces", status = 400, message = "use {{json}} not }}{0}{{")]
    Braces(u8),
    #[api_error(code = "raw_field", status = 400, message = "bad type {type}")]
    Raw { r#type: &'static str },
    /// The doc comment of a private code is its message.
    #[api_error(code = "documented", status = 400)]
    Documented,
    /// First paragraph only,
    /// joined across lines.
    ///
    /// Developer notes in later paragraphs stay out of the message.
    #[api_error(code = "documented_long", status = 400)]
    DocumentedLong,
    /// This doc comment is for developers; a canonical code keeps the
    /// catalogue's message.
    #[api_error(code = "internal_error")]
    CanonicalDocumented,
    /// An explicit message wins over the doc comment.
    #[api_error(code = "explicit", status = 400, message = "explicit wins")]
    Explicit,
}

#[test]
fn format_specs() {
    assert_eq!(
        Templates::Padded(42, 2.5).message(),
        "[   42] [42  ] [2.50]"
    );
    assert_eq!(
        Templates::Debugged { x: "a\"b".into() }.message(),
        r#"got "a\"b" and a"b"#
    );
    assert_eq!(Templates::Braces(1).message(), "use {json} not }1{");
    assert_eq!(Templates::Raw { r#type: "x" }.message(), "bad type x");
}

#[test]
fn doc_comments() {
    assert_eq!(
        Templates::Documented.message(),
        "The doc comment of a private code is its message."
    );
    assert_eq!(
        Templates::DocumentedLong.message(),
        "First paragraph only, joined across lines."
    );
    let codes = CodeList::of::<Templates>();
    assert_eq!(
        codes.find("documented").map(|i| i.description()),
        Some("The doc comment of a private code is its message.")
    );
    assert_eq!(
        Templates::CanonicalDocumented.message(),
        ErrorCode::InternalError.description()
    );
    assert_eq!(
        codes.find("internal_error").map(|i| i.description()),
        Some(ErrorCode::InternalError.description())
    );
    assert_eq!(Templates::Explicit.message(), "explicit wins");
}

/// What `write_message` writes is what `message` returns, for every
/// kind of message: templates, doc comments, catalogue text, explicit.
#[derive(ApiError)]
pub enum Wrapping {
    #[api_error(transparent)]
    Templated(Templates),
    #[api_error(code = "plain", status = 400, message = "plain text")]
    Plain,
}

#[test]
fn a_wrapped_template_formats_through_the_wrapper() {
    let wrapped = Wrapping::Templated(Templates::Braces(7));
    assert_eq!(wrapped.message(), "use {json} not }7{");
    assert_eq!(Wrapping::Plain.message(), "plain text");
}

/// A `Display` that fails (a bug in that impl) ends the message where it
/// failed: no panic, and the body carries the text written so far.
#[test]
fn a_failing_display_truncates_the_message() {
    struct Broken;
    impl fmt::Display for Broken {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("half")?;
            Err(fmt::Error)
        }
    }
    #[derive(ApiError)]
    #[api_error(code = "broken", status = 400, message = "before {0} after")]
    struct Failing(Broken);

    let error = Failing(Broken);
    assert_eq!(error.message(), "before half");
    for &format in Format::ALL {
        let body: serde_json::Value = serde_json::from_slice(&error.to_body(format)).unwrap();
        assert_eq!(message_of(&body, format), "before half", "{body}");
    }
}

/// A formatted message longer than the stack buffer the bodies write it
/// into is rendered in full, escaped, the same as a short one.
#[test]
fn long_formatted_messages_render_in_full() {
    #[derive(ApiError)]
    #[api_error(code = "long", status = 400, message = "upstream said: {0}")]
    struct Upstream(String);

    for len in [0, 1, 200, 236, 237, 238, 255, 256, 257, 1000, 10_000] {
        let text: String = "ab\"\u{e9}\n".chars().cycle().take(len).collect();
        let error = Upstream(text.clone());
        let expected = format!("upstream said: {text}");
        assert_eq!(error.message(), expected);
        for &format in Format::ALL {
            let body: serde_json::Value = serde_json::from_slice(&error.to_body(format)).unwrap();
            assert_eq!(
                message_of(&body, format),
                expected.as_str(),
                "{len} {format:?}"
            );
        }
    }
}

/// Where a format's body carries the message: problem details as
/// `detail`, the envelopes as `error.message`.
fn message_of(body: &serde_json::Value, format: Format) -> &serde_json::Value {
    match format {
        Format::Problem => &body["detail"],
        _ => &body["error"]["message"],
    }
}

#[test]
fn messages_never_leak_a_wrapped_source() {
    #[derive(ApiError)]
    enum Storage {
        #[api_error(code = "internal_error")]
        Io(std::io::Error),
    }
    let error = Storage::Io(std::io::Error::other("password=hunter2"));
    assert_eq!(error.message(), ErrorCode::InternalError.description());
    let body = String::from_utf8(error.to_body(Format::OpenAi)).unwrap();
    assert!(!body.contains("hunter2"), "{body}");
}
