use api_error_codes::ApiError;

use api_error_codes::{CodeInfo, CodeList, Describe};

/// An `ApiError` that is no `std::error::Error`.
#[derive(Debug)]
struct Teapot;

impl Describe for Teapot {
    const CODES: CodeList = CodeList::new(&[TEAPOT], &[]);
    fn info(_: &Self) -> &'static CodeInfo {
        &TEAPOT
    }
}

const TEAPOT: CodeInfo = CodeInfo::new("teapot", 418, "I am a teapot");

#[derive(Debug, ApiError)]
enum E {
    #[api_error(transparent)]
    Teapot(Teapot),
}

fn main() {}
