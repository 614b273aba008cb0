//! Which `api_error` keys are accepted where, and the nearest one to a
//! misspelt key.

/// Keys accepted on a variant.
pub const VARIANT_KEYS: [&str; 9] = [
    "code",
    "status",
    "message",
    "param",
    "retry_after",
    "retryable",
    "openai_type",
    "anthropic_type",
    "transparent",
];

/// Keys accepted on the type. `catalogue` is internal (it marks the
/// canonical enum) and is not advertised.
pub const CONTAINER_KEYS: [&str; 1] = ["crate"];

/// Which keys an `#[api_error]` may hold, by what it stands on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AllowedKeys {
    /// On an enum: only the type's keys.
    TypeOnly,
    /// On a variant: only a variant's keys.
    VariantOnly,
    /// On a struct, which is its own one variant: both.
    Both,
}

pub fn keys_for(allowed: AllowedKeys) -> String {
    let keys: Vec<String> = match allowed {
        AllowedKeys::TypeOnly => CONTAINER_KEYS.iter().collect::<Vec<_>>(),
        AllowedKeys::VariantOnly => VARIANT_KEYS.iter().collect(),
        AllowedKeys::Both => CONTAINER_KEYS.iter().chain(VARIANT_KEYS.iter()).collect(),
    }
    .into_iter()
    .map(|key| format!("`{key}`"))
    .collect();
    match keys.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("one of {} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The accepted key nearest to a misspelt one, if any is near.
pub fn closest(key: &str, allowed: AllowedKeys) -> Option<&'static str> {
    let candidates: Vec<&'static str> = match allowed {
        AllowedKeys::TypeOnly => CONTAINER_KEYS.to_vec(),
        AllowedKeys::VariantOnly => VARIANT_KEYS.to_vec(),
        AllowedKeys::Both => CONTAINER_KEYS
            .iter()
            .chain(VARIANT_KEYS.iter())
            .copied()
            .collect(),
    };
    candidates
        .into_iter()
        .map(|known| (edit_distance(key, known), known))
        .filter(|&(distance, known)| distance <= known.len().div_ceil(3))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, known)| known)
}

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            let insert = current[j] + 1;
            let delete = previous[j + 1] + 1;
            current.push(substitute.min(insert).min(delete));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}
