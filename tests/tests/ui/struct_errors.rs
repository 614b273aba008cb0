use api_error_codes::ApiError;

// On a struct the type's attribute holds the variant keys too.
#[derive(ApiError)]
#[api_error(code = "quota_gone", status = 429, message = "gone {missing}", param = nope)]
struct QuotaGone {
    used: u64,
}

#[derive(ApiError)]
struct NoAttribute;

fn main() {}
