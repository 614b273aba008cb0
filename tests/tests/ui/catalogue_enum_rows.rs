use api_error_codes::ApiError;

// A `catalogue` enum lists catalogue.tsv's rows in order, with only `code`
// and the row's description as its doc comment.
#[derive(ApiError)]
#[api_error(catalogue)]
enum Codes {
    /// Model is batch-only and cannot serve real-time requests
    #[api_error(code = "batch_only", status = 400)]
    BatchOnly,
    /// Account or project budget reached
    #[api_error(code = "byok_keys_required")]
    Swapped,
    /// Not the catalogue's words
    #[api_error(code = "byok_keys_required")]
    ByokKeysRequired,
}

fn main() {}
