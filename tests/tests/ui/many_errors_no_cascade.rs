use api_error_codes::ApiError;

// Every mistake is reported in one go, and nothing else: the type still
// implements `ApiError`, so the code using it below adds no "trait not
// implemented" errors.
#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "Bad Code", status = 700)]
    BadCode,
    #[api_error(code = "fine_code", stauts = 400, message = "fine")]
    Typo,
    #[api_error(code = "templated", status = 400, message = "missing {nope}")]
    Templated { yes: u32 },
    NoAttribute,
}

fn report(error: &impl ApiError) -> (&'static str, u16) {
    (error.code(), error.status())
}

fn main() {
    let (code, status) = report(&E::BadCode);
    println!("{code} {status} {}", E::NoAttribute.message());
}
