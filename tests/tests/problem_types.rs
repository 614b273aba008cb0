//! `ProblemTypes::install`: once per process, and it changes every body
//! the process writes after it, so its test runs in a process of its own
//! (this test binary, started again for that one test).

use api_error_codes::{ApiError, ErrorCode, Format, ProblemTypes, ReceivedError};

/// Set in the child process that runs the installing test.
const CHILD: &str = "API_ERROR_CODES_TEST_INSTALL";

#[test]
fn installed_types_name_every_code_in_bodies() {
    if std::env::var_os(CHILD).is_none() {
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "problem_types::installed_types_name_every_code_in_bodies",
            ])
            .env(CHILD, "1")
            .status()
            .unwrap();
        assert!(status.success(), "the test failed in its own process");
        return;
    }
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
