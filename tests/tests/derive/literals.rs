//! String literals with escapes, raw strings and odd characters.

use super::*;

/// Plain literals are read on a fast path, the others by syn: both must
/// give the literal's value, and the message must reach `CodeInfo`.
#[derive(Debug, ApiError)]
enum Literals {
    #[api_error(code = "plain_text", status = 400, message = "plain words")]
    Plain,
    #[api_error(
        code = "escaped_text",
        status = 400,
        message = "say \"hi\"\tnow \u{e9}"
    )]
    Escaped,
    #[api_error(code = r"raw_text", status = 400, message = r#"raw "quoted" \n"#)]
    Raw,
    #[api_error(code = "braces_text", status = 400, message = "a {{literal}} brace")]
    Braces,
}

#[test]
fn every_literal_form_gives_its_value() {
    let expected = [
        (Literals::Plain, "plain_text", "plain words"),
        (Literals::Escaped, "escaped_text", "say \"hi\"\tnow \u{e9}"),
        (Literals::Raw, "raw_text", r#"raw "quoted" \n"#),
        (Literals::Braces, "braces_text", "a {literal} brace"),
    ];
    for (error, code, message) in expected {
        assert_eq!(error.code(), code);
        assert_eq!(error.message(), message);
        assert_eq!(error.info().message(), message);
        // A private code's description is its plain message.
        assert_eq!(error.info().description(), message);
    }
}

/// A canonical code with its own message keeps the catalogue's
/// description and says the message.
#[derive(Debug, ApiError)]
enum Reworded {
    #[api_error(code = "rate_limit_exceeded", message = "Slow down")]
    Limited,
}

#[test]
fn canonical_code_with_its_own_message() {
    let info = Reworded::Limited.info();
    assert_eq!(info.message(), "Slow down");
    assert_eq!(Reworded::Limited.message(), "Slow down");
    assert_eq!(
        info.description(),
        ErrorCode::RateLimitExceeded.description()
    );
    assert_eq!(info.status(), 429);
}
