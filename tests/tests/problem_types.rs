//! `ProblemTypes::install`: once per process, so this file is its own test
//! binary, and its one test installs the API's base before any body.

use api_error_codes::{ApiError, ErrorCode, Format, ProblemTypes, ReceivedError};

#[test]
fn installed_types_name_every_code_in_bodies() {
    assert_eq!(ProblemTypes::installed(), ProblemTypes::DEFAULT);
    let docs = ProblemTypes::new("https://docs.example.com/errors/").unwrap();
    assert_eq!(docs.install(), Ok(()));
    assert_eq!(ProblemTypes::installed(), docs);
    // A second install changes nothing and says what is installed.
    let other = ProblemTypes::new("urn:other:").unwrap();
    assert_eq!(other.install(), Err(docs));
    assert_eq!(ProblemTypes::installed(), docs);

    for &code in ErrorCode::ALL {
        let expected = format!("https://docs.example.com/errors/{}", code.code());
        let body = code.to_body(Format::Problem);
        let received = ReceivedError::parse(code.status(), &body).unwrap();
        assert_eq!(received.problem_type(), Some(expected.as_str()));
        // The envelope's own types, and then its doc URL, still win.
        let body = code
            .envelope(Format::Problem)
            .problem_types(other)
            .to_body();
        let received = ReceivedError::parse(code.status(), &body).unwrap();
        assert_eq!(
            received.problem_type(),
            Some(format!("urn:other:{}", code.code()).as_str())
        );
        let body = code
            .envelope(Format::Problem)
            .doc_url("https://x.test/e")
            .to_body();
        let received = ReceivedError::parse(code.status(), &body).unwrap();
        assert_eq!(received.problem_type(), Some("https://x.test/e"));
    }
}
