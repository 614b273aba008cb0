//! The canonical table as the derive's `catalogue.tsv` has it (its first
//! columns are `/work/shared/error-codes.tsv` row for row; the tests crate
//! checks that): what the gateway's answers are checked against.

/// One row: code, HTTP status (0 for "no response is sent"), description,
/// and whether it is retryable.
#[derive(Clone, Debug)]
pub struct Row {
    pub code: String,
    pub status: u16,
    pub description: String,
    pub retryable: bool,
}

/// Every row, in the table's order.
pub fn rows() -> Vec<Row> {
    const TABLE: &str = include_str!("../../../error-codes-derive/catalogue.tsv");
    let mut lines = TABLE.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("code\tstatus\tdescription\tretryable\t"),
        "{header}"
    );
    (lines.filter(|line| !line.is_empty()))
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            Row {
                code: fields[0].to_owned(),
                status: fields[1].parse().unwrap(),
                description: fields[2].to_owned(),
                retryable: match fields[3] {
                    "yes" => true,
                    "no" => false,
                    other => panic!("retryable {other:?} in {line:?}"),
                },
            }
        })
        .collect()
}

/// The row of `code`.
pub fn row(code: &str) -> Row {
    let row = rows().into_iter().find(|row| row.code == code);
    row.unwrap_or_else(|| panic!("no code {code} in the catalogue"))
}
