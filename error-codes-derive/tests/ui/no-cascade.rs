use api_error_codes::ApiError;

// One mistake, one error: the type still implements `ApiError`, `Display`
// and `Error`, so the code using it below adds nothing.
#[derive(Debug, ApiError)]
enum E {
    #[api_error(code = "quota_gone", stauts = 429, message = "no quota")]
    QuotaGone,
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    Err(E::QuotaGone)?
}

fn main() {
    println!("{} {} {:?}", E::QuotaGone.status(), E::QuotaGone, run());
}
