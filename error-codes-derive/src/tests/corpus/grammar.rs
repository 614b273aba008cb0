//! The pieces of generated derive inputs: a seeded PRNG, and random
//! literals, keys, attributes, field lists and generics.

/// xorshift64*: small, deterministic, good enough to pick grammar pieces.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

pub const KEYS: &[&str] = &[
    "code",
    "status",
    "message",
    "param",
    "retryable",
    "openai_type",
    "anthropic_type",
    "transparent",
    "retry_after",
    "crate",
    "catalogue",
    "Code",
    "codes",
    "r#code",
    "r#type",
    "type",
    "self",
    "_",
    "doc",
    "api_error",
    "cfg",
    "default",
];

pub const TEMPLATES: &[&str] = &[
    "plain text",
    "{0}",
    "{1}",
    "{0:?}",
    "{0:>8}",
    "{name}",
    "{used} of {max}",
    "{used:x} {max:#?}",
    "{r#type}",
    "{",
    "}",
    "{{}}",
    "{{0}}",
    "{ }",
    "{}",
    "{0.0}",
    "{-1}",
    "{name",
    "name}",
    "{:}",
    "{0:}",
    "{0:{1}}",
    "{\u{e9}t\u{e9}}",
    "line\nbreak\r\u{2028}",
    "\"quoted\" \\ backslash",
    "",
    "{99999999999999999999}",
];

/// A literal of any kind, valid for the key or not.
pub fn literal(rng: &mut Rng) -> String {
    match rng.below(26) {
        0 => format!("\"{}\"", rng.pick(TEMPLATES).escape_default()),
        1 => format!("\"{}\"", code(rng)),
        2 => rng
            .pick(&["0", "100", "200", "404", "429", "499", "599", "503"])
            .to_owned(),
        3 => rng
            .pick(&[
                "99",
                "600",
                "65536",
                "1000000",
                "18446744073709551616",
                "00429",
            ])
            .to_owned(),
        4 => rng
            .pick(&[
                "429u16", "429i8", "429_u64", "0x1ad", "0o657", "0b1", "4_2_9",
            ])
            .to_owned(),
        5 => rng
            .pick(&["4.29", "1e3", "429f32", "-1", "- 429"])
            .to_owned(),
        6 => rng.pick(&["true", "false"]).to_owned(),
        7 => rng
            .pick(&["'x'", "'\\n'", "b'x'", "'\\u{1f600}'"])
            .to_owned(),
        8 => rng
            .pick(&["b\"bytes\"", "br\"raw\"", "c\"cstr\""])
            .to_owned(),
        9 => rng
            .pick(&["r\"raw {0}\"", "r#\"raw \"quoted\"\"#", "r##\"#\"##"])
            .to_owned(),
        10 => format!("\"{}\"", "x".repeat(rng.below(100_000))),
        11 => format!("\"{}\"", "{0}".repeat(rng.below(2_000))),
        12 => format!("{}", u64::MAX),
        13 => "\"\"".to_owned(),
        14 => rng
            .pick(&["field", "0", "1", "name", "used", "r#type", "self"])
            .to_owned(),
        15 => rng
            .pick(&[
                "crate",
                "::api_error_codes",
                "my::path",
                "super::x",
                "<T>::x",
            ])
            .to_owned(),
        16 => rng.pick(&["[1, 2]", "(1)", "{ 1 }", "()", "[]"]).to_owned(),
        17 => rng
            .pick(&["Some(1)", "vec![1]", "1 + 2", "!", "#", "$x"])
            .to_owned(),
        18 => "\"snake_case\"".to_owned(),
        19 => "\"UPPER_CASE\"".to_owned(),
        20 => "\"with space\"".to_owned(),
        21 => "\"trailing_\"".to_owned(),
        22 => "\"double__underscore\"".to_owned(),
        23 => "\"9starts_with_digit\"".to_owned(),
        24 => "\"caf\u{e9}\"".to_owned(),
        _ => "\"invalid_api_key\"".to_owned(),
    }
}

pub fn code(rng: &mut Rng) -> String {
    rng.pick(&[
        "rate_limit_exceeded",
        "invalid_api_key",
        "model_not_found",
        "client_disconnected",
        "my_private_code",
        "another_one",
        "x",
        "a1_b2",
    ])
    .to_owned()
}

/// One `key`, `key = value`, `key(...)` or malformed item of an attribute
/// list.
pub fn meta(rng: &mut Rng, depth: usize) -> String {
    let key = rng.pick(KEYS);
    match rng.below(10) {
        0 => key.to_owned(),
        1 if depth < 3 => format!("{key}({})", meta_list(rng, depth + 1)),
        2 => format!("{key} ="),
        3 => format!("= {}", literal(rng)),
        4 => format!("{key} = {} {}", literal(rng), literal(rng)),
        5 => format!("{key} : {}", literal(rng)),
        6 => format!("{key}::{key} = {}", literal(rng)),
        _ => format!("{key} = {}", literal(rng)),
    }
}

pub fn meta_list(rng: &mut Rng, depth: usize) -> String {
    let count = rng.below(5);
    let separator = if rng.chance(90) { ", " } else { "; " };
    let mut items: Vec<String> = (0..count).map(|_| meta(rng, depth)).collect();
    if rng.chance(10) {
        items.push(String::new());
    }
    items.join(separator)
}

pub fn attribute(rng: &mut Rng) -> String {
    match rng.below(14) {
        0 => "#[api_error]".to_owned(),
        1 => format!("#[api_error = {}]", literal(rng)),
        2 => "#[api_error()]".to_owned(),
        3 => format!("#[api_error[{}]]", meta_list(rng, 0)),
        4 => format!("#[api_error{{{}}}]", meta_list(rng, 0)),
        5 => format!("#[doc = {}]", literal(rng)),
        6 => "#[doc = \"A documented thing\"]".to_owned(),
        7 => rng
            .pick(&[
                "#[cfg(any())]",
                "#[cfg(all())]",
                "#[cfg(test)]",
                "#[deprecated]",
                "#[allow(unused)]",
                "#[cfg_attr(all(), api_error(code = \"x\"))]",
                "#[serde(rename = \"x\")]",
                "#[api_error::nested]",
            ])
            .to_owned(),
        _ => format!("#[api_error({})]", meta_list(rng, 0)),
    }
}

pub fn attributes(rng: &mut Rng, max: usize) -> String {
    (0..rng.below(max + 1))
        .map(|_| attribute(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn ty(rng: &mut Rng) -> &'static str {
    rng.pick(&[
        "u32",
        "String",
        "T",
        "&'a str",
        "Vec<T>",
        "::std::time::Duration",
        "Option<String>",
        "ErrorCode",
        "Box<dyn std::error::Error>",
        "[u8; 4]",
        "(u8, u16)",
        "fn() -> T",
        "impl Trait",
        "Self",
        "!",
    ])
}

pub fn fields(rng: &mut Rng) -> String {
    let field_attrs = |rng: &mut Rng| {
        if rng.chance(15) {
            attribute(rng)
        } else {
            String::new()
        }
    };
    match rng.below(4) {
        0 => String::new(),
        1 => {
            let list: Vec<String> = (0..rng.below(4))
                .map(|_| format!("{} {}", field_attrs(rng), ty(rng)))
                .collect();
            format!("({})", list.join(", "))
        }
        2 => {
            let names = ["used", "max", "name", "field", "r#type", "delay", "_x"];
            let list: Vec<String> = (0..rng.below(4))
                .map(|index| format!("{} {}: {}", field_attrs(rng), names[index], ty(rng)))
                .collect();
            format!("{{ {} }}", list.join(", "))
        }
        _ => rng.pick(&["()", "{}", "= 1", "= -1"]).to_owned(),
    }
}

pub fn generics(rng: &mut Rng) -> String {
    rng.pick(&[
        "",
        "",
        "<T>",
        "<'a>",
        "<'a, T: Clone + 'a>",
        "<T = u32>",
        "<const N: usize>",
        "<T, U>",
        "<>",
        "<T: ApiError>",
    ])
    .to_owned()
}

pub fn where_clause(rng: &mut Rng) -> &'static str {
    rng.pick(&["", "", "where T: Clone", "where", "where for<'b> T: 'b"])
}
