//! The catalogue the derive compiles in.

use crate::catalogue::{find, parse, rows};

#[test]
fn the_committed_table_parses_into_57_rows() {
    let rows = rows().unwrap();
    assert_eq!(rows.len(), 57);
    assert_eq!(rows[0].code, "batch_only");
    assert!(rows
        .iter()
        .enumerate()
        .all(|(index, row)| row.index == index));
    assert_eq!(rows.iter().filter(|row| row.retryable).count(), 7);
    let limit = find("rate_limit_exceeded").unwrap();
    assert_eq!((limit.status, limit.retryable), (429, true));
    assert_eq!(
        find("budget_exhausted").unwrap().anthropic_type,
        Some("billing_error")
    );
    assert_eq!(find("client_disconnected").unwrap().status, 0);
    assert!(find("tenant_suspended").is_none());
}

#[test]
fn a_broken_table_names_its_line() {
    let header = "code\tstatus\tdescription\tretryable\topenai_type\tanthropic_type\n";
    let cases = [
        ("no header\n", "header"),
        ("a\t400\tA\tno\t\n", "line 2: expected 6"),
        ("a\t700\tA\tno\t\t\n", "line 2: `700` is not an HTTP status"),
        (
            "a\t400\tA\tmaybe\t\t\n",
            "line 2: retryable is `yes` or `no`",
        ),
        (
            "a\t400\tA\tno\t\t\na\t401\tA\tno\t\t\n",
            "line 3: `a` is listed twice",
        ),
        ("\t400\tA\tno\t\t\n", "line 2: a code and a description"),
        (
            "Rate-Limit\t429\tA\tno\t\t\n",
            "line 2: `Rate-Limit` is not a code",
        ),
        ("9lives\t400\tA\tno\t\t\n", "line 2: `9lives` is not a code"),
    ];
    for (body, expected) in cases {
        let table: &'static str = if body.starts_with("no header") {
            body
        } else {
            Box::leak(format!("{header}{body}").into_boxed_str())
        };
        let error = parse(table).unwrap_err();
        assert!(error.contains(expected), "{error} should say {expected}");
    }
    assert_eq!(parse(header).unwrap(), Vec::new());
}

use crate::valid::is_snake_case;

#[test]
fn snake_case() {
    for good in ["a", "rate_limit_exceeded", "v2_error", "x9"] {
        assert!(is_snake_case(good), "{good}");
    }
    for bad in [
        "",
        "Rate",
        "rate-limit",
        "_lead",
        "trail_",
        "dou__ble",
        "9lives",
        "caf\u{e9}",
        "has space",
    ] {
        assert!(!is_snake_case(bad), "{bad}");
    }
}
