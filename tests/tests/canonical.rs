//! The canonical `ErrorCode` enum against the one catalogue file the code
//! reads (`error-codes-derive/catalogue.tsv`), row by row; that file against
//! the shared source of truth and the tests' copy; and the behaviour the
//! catalogue promises.

use api_error_codes::{ApiError, CodeList, ErrorCode, Format};
use std::collections::HashSet;
use std::path::Path;

use error_codes_tests::catalogue;

/// The first three columns of each catalogue row, as the shared table has them.
fn catalogue_as_shared_table() -> String {
    let mut table = String::from("code\tstatus\tdescription\n");
    for row in catalogue() {
        table.push_str(&format!(
            "{}\t{}\t{}\n",
            row.code, row.status, row.description
        ));
    }
    table
}

use error_codes_tests::RETRYABLE_CODES as RETRYABLE;

/// `rate_limit_exceeded` -> `RateLimitExceeded`.
fn upper_camel(code: &str) -> String {
    code.split('_')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// Every fact of every variant is the catalogue file's, in its order.
#[test]
fn every_variant_is_its_catalogue_row_in_table_order() {
    let rows = catalogue();
    assert_eq!(rows.len(), 57);
    assert_eq!(ErrorCode::ALL.len(), rows.len());
    for (code, row) in ErrorCode::ALL.iter().zip(&rows) {
        assert_eq!(code.to_string(), row.description, "Display of {}", row.code);
        assert_eq!(format!("{code:?}"), upper_camel(&row.code));
        assert_eq!(code.param(), None, "a bare canonical code names no param");
        assert_eq!(
            code.retry_after(),
            None,
            "a bare canonical code has no delay"
        );
        let info = code.info();
        assert_eq!(info.code(), row.code);
        assert_eq!(info.status(), row.status, "{}", row.code);
        assert_eq!(info.description(), row.description, "{}", row.code);
        assert_eq!(info.message(), row.description, "{}", row.code);
        assert_eq!(info.is_retryable(), row.retryable, "{}", row.code);
        let default_openai = Format::OpenAi.default_type(row.status);
        let default_anthropic = Format::Anthropic.default_type(row.status);
        assert_eq!(
            info.openai_type(),
            row.openai_type.as_deref().unwrap_or(default_openai),
            "{}",
            row.code
        );
        assert_eq!(
            info.anthropic_type(),
            row.anthropic_type.as_deref().unwrap_or(default_anthropic),
            "{}",
            row.code
        );
    }
    let retryable: HashSet<&str> = rows
        .iter()
        .filter(|row| row.retryable)
        .map(|row| row.code.as_str())
        .collect();
    assert_eq!(retryable, RETRYABLE.into_iter().collect::<HashSet<_>>());
}

#[test]
fn codes_is_all_in_table_order() {
    let listed: Vec<&str> = CodeList::of::<ErrorCode>()
        .iter()
        .map(|info| info.code())
        .collect();
    let all: Vec<&str> = ErrorCode::ALL.iter().map(|code| code.code()).collect();
    assert_eq!(listed, all);
    for code in ErrorCode::ALL {
        assert_eq!(
            CodeList::of::<ErrorCode>().find(code.code()),
            Some(code.info())
        );
    }
}

#[test]
fn all_codes_are_lower_snake_case_and_distinct() {
    let mut seen = HashSet::new();
    for code in ErrorCode::ALL {
        let text = code.code();
        assert!(
            !text.is_empty()
                && !text.starts_with('_')
                && !text.ends_with('_')
                && !text.contains("__")
                && text
                    .bytes()
                    .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'_'),
            "{text} is lower snake_case"
        );
        assert!(seen.insert(*code), "{code:?} appears once in ALL");
    }
}

#[test]
fn exhausted_budget_and_quota_are_429_billing_errors_that_waiting_does_not_fix() {
    for code in [ErrorCode::BudgetExhausted, ErrorCode::InsufficientQuota] {
        assert_eq!(code.status(), 429, "{code:?}");
        assert!(!code.is_retryable(), "{code:?}");
        assert_eq!(code.anthropic_type(), "billing_error", "{code:?}");
        assert_eq!(code.openai_type(), "rate_limit_error", "{code:?}");
        let response = code.to_http_response(Format::Anthropic);
        assert_eq!(response.headers()["x-should-retry"], "false");
    }
    // The retryable 429 stays a rate-limit error in both formats.
    assert_eq!(
        ErrorCode::RateLimitExceeded.anthropic_type(),
        "rate_limit_error"
    );
    assert!(ErrorCode::RateLimitExceeded.is_retryable());
}

#[test]
fn from_code_is_exact_and_case_sensitive() {
    for code in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_code(code.code()), Some(*code));
        assert_eq!(ErrorCode::from_code(&code.code().to_uppercase()), None);
        assert_eq!(ErrorCode::from_code(&format!(" {}", code.code())), None);
        assert_eq!(ErrorCode::from_code(&format!("{}\0", code.code())), None);
        assert_eq!(ErrorCode::from_code(&code.code()[1..]), None);
    }
    for unknown in [
        "",
        "_",
        "rate_limit",
        "Rate_Limit_Exceeded",
        "rate-limit-exceeded",
    ] {
        assert_eq!(ErrorCode::from_code(unknown), None, "{unknown:?}");
    }
}

#[test]
fn from_str_agrees_with_from_code_and_names_the_bad_input() {
    for code in ErrorCode::ALL {
        assert_eq!(code.code().parse::<ErrorCode>(), Ok(*code));
    }
    for bad in [
        "",
        "nope",
        "RATE_LIMIT_EXCEEDED",
        "quote\"inside",
        "caf\u{e9}",
    ] {
        let error = bad.parse::<ErrorCode>().unwrap_err();
        assert_eq!(error.input(), bad);
        assert_eq!(error.to_string(), format!("unknown error code {bad:?}"));
        let as_error: &dyn std::error::Error = &error;
        assert!(as_error.source().is_none());
    }
}

#[test]
fn serde_round_trips_the_code_string() {
    for code in ErrorCode::ALL {
        let json = serde_json::to_string(code).unwrap();
        assert_eq!(json, format!("\"{}\"", code.code()));
        let back: ErrorCode = serde_json::from_str(&json).unwrap();
        assert_eq!(back, *code);
    }
    let all: Vec<ErrorCode> =
        serde_json::from_str(&serde_json::to_string(ErrorCode::ALL).unwrap()).unwrap();
    assert_eq!(all, ErrorCode::ALL);

    let error = serde_json::from_str::<ErrorCode>("\"not_a_code\"").unwrap_err();
    assert!(error.to_string().contains("\"not_a_code\""), "{error}");
    let error = serde_json::from_str::<ErrorCode>("429").unwrap_err();
    assert!(
        error.to_string().contains("canonical error code"),
        "{error}"
    );
}

#[test]
fn http_status_is_none_only_for_status_zero() {
    for code in ErrorCode::ALL {
        match code.status() {
            0 => assert_eq!(code.http_status(), None, "{code:?}"),
            status => assert_eq!(
                code.http_status().map(|status| status.as_u16()),
                Some(status),
                "{code:?}"
            ),
        }
    }
    let zero: Vec<ErrorCode> = ErrorCode::ALL
        .iter()
        .copied()
        .filter(|code| code.status() == 0)
        .collect();
    assert_eq!(zero, [ErrorCode::ClientDisconnected]);
}

#[test]
fn error_code_is_a_std_error_whose_display_is_the_description() {
    let error: Box<dyn std::error::Error> = Box::new(ErrorCode::UpstreamTimeout);
    assert_eq!(error.to_string(), "Upstream exceeded the request deadline");
    assert!(error.source().is_none());
}

/// CI copies the shared directory next to the clone: there, the catalogue
/// must be the source of truth, row for row. Outside CI a checkout without
/// it checks nothing here (and says so); under `CI=true` its absence fails.
#[test]
fn the_catalogue_equals_the_shared_source_of_truth() {
    let tests_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = tests_dir.join("../../shared/error-codes.tsv");
    match std::fs::read_to_string(&shared) {
        Ok(source_of_truth) => assert!(
            source_of_truth == catalogue_as_shared_table(),
            "error-codes-derive/catalogue.tsv differs from {}",
            shared.display()
        ),
        Err(error) => {
            let in_ci = std::env::var("CI").is_ok_and(|value| value == "true");
            assert!(
                !in_ci,
                "CI=true but {} cannot be read ({error}): CI copies shared/ beside the clone",
                shared.display()
            );
            eprintln!(
                "note: {} not found; the catalogue is not compared with the shared table",
                shared.display()
            );
        }
    }
}
