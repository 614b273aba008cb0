//! The catalogue as a page: `CodeList::to_markdown` read back by a
//! CommonMark parser and compared with the shared source of truth, and
//! `CodeList::to_json` and the extra columns compared with what the bodies
//! say.

use api_error_codes::{
    ApiError, CatalogueColumn, CodeInfo, CodeList, ErrorCode, Format, ProblemTypes,
};
use error_codes_tests::RETRYABLE_CODES;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::path::{Path, PathBuf};

/// `shared/error-codes.tsv` beside the workspace (CI copies `shared/`
/// beside the clone) or beside one of its parent folders (a worktree in a
/// folder of its own); a clear failure when there is none.
fn shared_table() -> String {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let candidates: Vec<PathBuf> = (workspace.ancestors().skip(1))
        .map(|folder| folder.join("shared/error-codes.tsv"))
        .collect();
    let found = candidates.iter().find(|path| path.is_file());
    let path = found.unwrap_or_else(|| {
        panic!("the source of truth shared/error-codes.tsv is in none of {candidates:?}: copy shared/ beside the clone")
    });
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The rows of the first table in `markdown`, each a list of cell texts,
/// as a CommonMark parser with GFM tables reads them.
fn table_rows(markdown: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableCell) => row.push(String::new()),
            Event::Text(text) | Event::Code(text) => {
                row.last_mut().expect("text outside a cell").push_str(&text)
            }
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => rows.push(std::mem::take(&mut row)),
            Event::Start(Tag::Table(_) | Tag::TableHead | Tag::TableRow) | Event::End(_) => {}
            other => panic!("not a plain table: {other:?}"),
        }
    }
    rows
}

#[test]
fn the_markdown_page_of_the_canonical_codes_is_the_shared_table_row_for_row() {
    let shared = shared_table();
    let expected: Vec<Vec<String>> = (shared.lines().skip(1))
        .map(|line| line.split('\t').map(str::to_owned).collect())
        .collect();
    assert_eq!(expected.len(), 57, "the shared table has the 57 codes");

    let rows = table_rows(&CodeList::of::<ErrorCode>().to_markdown());
    assert_eq!(rows[0], ["Error Code", "HTTP Status", "Description"]);
    assert_eq!(rows[1..], expected[..]);
}

/// A code whose description holds a `|` and a line break.
const AWKWARD: CodeInfo = CodeInfo::new("awkward", 418, "pipes | and\nbreaks");

#[test]
fn pipes_and_line_breaks_stay_inside_their_cell() {
    const LIST: CodeList = CodeList::new(&[AWKWARD], &[]);
    let markdown = LIST.to_markdown_with(&[CatalogueColumn::Retryable]);
    let rows = table_rows(&markdown);
    assert_eq!(rows.len(), 2, "{markdown}");
    assert_eq!(rows[1], ["awkward", "418", "pipes | and breaks", "no"]);
}

/// What the bodies of `code` say: retryable (from `x-should-retry`), the
/// OpenAI and Anthropic `type`s and the problem `type`, all read back
/// from rendered responses.
fn what_the_bodies_say(code: &str, types: ProblemTypes) -> [String; 4] {
    let error = ErrorCode::from_code(code).expect("a canonical code");
    let response = error.to_http_response(Format::OpenAi);
    let retry = response.headers()["x-should-retry"] == "true";
    let body = |format| -> serde_json::Value {
        let envelope = error.envelope(format).problem_types(types);
        serde_json::from_slice(&envelope.to_body()).expect("JSON body")
    };
    [
        if retry { "yes" } else { "no" }.to_owned(),
        body(Format::OpenAi)["error"]["type"]
            .as_str()
            .unwrap()
            .to_owned(),
        body(Format::Anthropic)["error"]["type"]
            .as_str()
            .unwrap()
            .to_owned(),
        body(Format::Problem)["type"].as_str().unwrap().to_owned(),
    ]
}

#[test]
fn every_extra_column_says_what_the_bodies_say() {
    let types = ProblemTypes::new("https://docs.example.com/errors#").unwrap();
    let columns = [
        CatalogueColumn::Retryable,
        CatalogueColumn::OpenAiType,
        CatalogueColumn::AnthropicType,
        CatalogueColumn::ProblemType(types),
    ];
    let rows = table_rows(&CodeList::of::<ErrorCode>().to_markdown_with(&columns));
    assert_eq!(
        rows[0],
        [
            "Error Code",
            "HTTP Status",
            "Description",
            "Retryable",
            "OpenAI Type",
            "Anthropic Type",
            "Problem Type"
        ]
    );
    assert_eq!(rows.len(), 58);
    for row in &rows[1..] {
        assert_eq!(row[3..], what_the_bodies_say(&row[0], types), "{}", row[0]);
        assert_eq!(
            row[3] == "yes",
            RETRYABLE_CODES.contains(&row[0].as_str()),
            "{}",
            row[0]
        );
    }
}

#[test]
fn the_json_listing_has_every_canonical_code_as_the_shared_table_and_the_bodies_say() {
    let types = ProblemTypes::new("urn:example:errors:").unwrap();
    let json = CodeList::of::<ErrorCode>().to_json(types);
    let object = json.as_object().expect("an object");
    assert_eq!(object.keys().collect::<Vec<_>>(), ["data"]);
    let entries = json["data"].as_array().expect("data is an array");
    let shared = shared_table();
    let rows: Vec<Vec<&str>> = shared
        .lines()
        .skip(1)
        .map(|line| line.split('\t').collect())
        .collect();
    assert_eq!(entries.len(), rows.len());
    for (entry, row) in entries.iter().zip(&rows) {
        let keys: Vec<&String> = entry
            .as_object()
            .expect("an entry is an object")
            .keys()
            .collect();
        assert_eq!(
            keys,
            [
                "anthropic_type",
                "code",
                "description",
                "openai_type",
                "problem_type",
                "retryable",
                "status"
            ],
            "serde_json sorts keys; these are the gateway's seven"
        );
        let code = entry["code"].as_str().unwrap();
        assert_eq!(
            [
                code,
                &entry["status"].to_string(),
                entry["description"].as_str().unwrap()
            ],
            row[..]
        );
        let retryable = if entry["retryable"] == true {
            "yes"
        } else {
            "no"
        };
        let said = [
            retryable,
            entry["openai_type"].as_str().unwrap(),
            entry["anthropic_type"].as_str().unwrap(),
            entry["problem_type"].as_str().unwrap(),
        ];
        assert_eq!(
            said,
            what_the_bodies_say(code, types)
                .each_ref()
                .map(String::as_str),
            "{code}"
        );
    }
}

#[derive(Debug, ApiError)]
#[allow(dead_code)] // Only its codes are read.
enum KeyError {
    #[api_error(code = "key_locked", status = 423, message = "The key is locked")]
    Locked,
    #[api_error(code = "rate_limit_exceeded", message = "Slow down")]
    Limited,
    #[api_error(transparent)]
    Canonical(ErrorCode),
}

#[test]
fn a_derived_type_lists_its_own_codes_first_then_each_wrapped_code_once() {
    let rows = table_rows(&CodeList::of::<KeyError>().to_markdown());
    let codes: Vec<&str> = rows[1..].iter().map(|row| row[0].as_str()).collect();
    assert_eq!(codes[..2], ["key_locked", "rate_limit_exceeded"]);
    assert_eq!(rows[1], ["key_locked", "423", "The key is locked"]);
    assert_eq!(codes.len(), 1 + ErrorCode::ALL.len());
    assert_eq!(
        codes
            .iter()
            .filter(|code| **code == "rate_limit_exceeded")
            .count(),
        1
    );
    let json = CodeList::of::<KeyError>().to_json(ProblemTypes::DEFAULT);
    let listed: Vec<&str> = (json["data"].as_array().unwrap().iter())
        .map(|entry| entry["code"].as_str().unwrap())
        .collect();
    assert_eq!(listed, codes);
}
