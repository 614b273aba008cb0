//! Message templates: fields, format specs, braces, pointers; doc comments
//! stay off the wire.

use super::*;

#[derive(Debug, ApiError)]
pub enum Templates {
    #[api_error(code = "padded", status = 400, message = "[{0:>5}] [{0:<4}] [{1:.2}]")]
    Padded(u32, f64),
    #[api_error(code = "debugged", status = 400, message = "got {x:?} and {x}")]
    Debugged { x: String },
    #[api_error(code = "braces", status = 400, message = "use {{json}} not }}{0}{{")]
    Braces(u8),
    #[api_error(code = "raw_field", status = 400, message = "bad type {type}")]
    Raw { r#type: &'static str },
    /// `{` and `}` are fill characters like any other: rustc reads the spec.
    #[api_error(
        code = "brace_fill",
        status = 400,
        message = "[{0:}>5}] [{0:{<4}] [{1:#>+6.1}]"
    )]
    BraceFill(u8, f64),
    /// `{}` takes the next field by index, as `format!` takes arguments.
    #[api_error(code = "implicit", status = 400, message = "{} then {} then {0}")]
    Implicit(u8, &'static str),
    /// `{:p}` prints the pointer the field holds.
    #[api_error(code = "pointer", status = 400, message = "{0:p} {0}")]
    Pointer(&'static u8),
    #[api_error(
        code = "hex",
        status = 400,
        message = "{0:#06x} {0:b} {0:o} {1:e} {1:E}"
    )]
    Numbers(u16, f32),
    /// Doc comments are documentation: a canonical code keeps the
    /// catalogue's message. TODO: JIRA-123 never reaches a client.
    #[api_error(code = "internal_error")]
    CanonicalDocumented,
    /// An explicit message is the only message of a private code.
    #[api_error(code = "explicit", status = 400, message = "explicit wins")]
    Explicit,
}

static BYTE: u8 = 42;

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
    assert_eq!(
        Templates::BraceFill(7, 2.25).message(),
        "[}}}}7] [7{{{] [##+2.2]"
    );
    assert_eq!(Templates::Implicit(1, "b").message(), "1 then b then 1");
    assert_eq!(
        Templates::Numbers(255, 1500.0).message(),
        "0x00ff 11111111 377 1.5e3 1.5E3"
    );
}

/// The address of the `u8` the field points to, not of the binding that
/// refers to the field.
#[test]
fn pointer_placeholders_print_the_fields_pointer() {
    let error = Templates::Pointer(&BYTE);
    assert_eq!(error.message(), format!("{:p} 42", &raw const BYTE));
}

#[test]
fn doc_comments_never_reach_the_wire() {
    let error = Templates::CanonicalDocumented;
    assert_eq!(error.message(), ErrorCode::InternalError.description());
    assert_eq!(
        error.info().description(),
        ErrorCode::InternalError.description()
    );
    for &format in Format::ALL {
        let body = String::from_utf8(error.to_body(format)).unwrap();
        assert!(!body.contains("JIRA"), "{body}");
    }
    assert_eq!(Templates::Explicit.message(), "explicit wins");
}

/// A private code's description (listings, the problem `title`) is its
/// message when that is fixed text, else the code as a sentence: never a
/// template.
#[test]
fn private_descriptions_have_no_placeholders() {
    let codes = CodeList::of::<Templates>();
    let description = |code| codes.find(code).map(|info| info.description());
    assert_eq!(description("explicit"), Some("explicit wins"));
    assert_eq!(description("padded"), Some("Padded"));
    assert_eq!(description("brace_fill"), Some("Brace fill"));
    for info in codes.own() {
        assert!(!info.description().contains('{'), "{}", info.description());
    }
    let body: serde_json::Value =
        serde_json::from_slice(&Templates::Padded(1, 1.0).to_body(Format::Problem)).unwrap();
    assert_eq!(body["title"], "Padded");
    assert_eq!(body["detail"], "[    1] [1   ] [1.00]");
}

/// A wrapped template formats through the wrapper.
#[derive(Debug, ApiError)]
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
    #[derive(Debug)]
    struct Broken;
    impl fmt::Display for Broken {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("half")?;
            Err(fmt::Error)
        }
    }
    #[derive(Debug, ApiError)]
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
    #[derive(Debug, ApiError)]
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
    #[derive(Debug, ApiError)]
    enum Storage {
        #[api_error(code = "internal_error")]
        Io(std::io::Error),
    }
    let error = Storage::Io(std::io::Error::other("password=hunter2"));
    assert_eq!(error.message(), ErrorCode::InternalError.description());
    let body = String::from_utf8(error.to_body(Format::OpenAi)).unwrap();
    assert!(!body.contains("hunter2"), "{body}");
}
