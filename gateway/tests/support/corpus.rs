//! The upstream corpus (`tests/upstream-corpus/*.json`, its README says
//! the format): real provider error responses and stream events, each
//! with its source and expected translation; read here for what the fake
//! upstream replays and what the gateway must answer.

use base64::Engine as _;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One case, with the fields the gateway's tests read.
#[derive(Clone, Debug, Deserialize)]
pub struct Case {
    pub name: String,
    pub provider: String,
    pub kind: Kind,
    pub status: Option<u16>,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    body: Option<String>,
    body_base64: Option<String>,
    event: Option<String>,
    pub expect: Expect,
}

/// A response or a stream event.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Response,
    Sse,
}

/// The expected translation: the canonical code (`None` for an event that
/// is not an error) and the delay asked for.
#[derive(Clone, Debug, Deserialize)]
pub struct Expect {
    pub canonical: Option<String>,
    pub retry_after_ms: Option<u64>,
}

impl Case {
    /// The raw bytes: a response's body, or the event.
    pub fn bytes(&self) -> Vec<u8> {
        match (&self.body, &self.body_base64, &self.event) {
            (Some(body), None, None) => body.clone().into_bytes(),
            (None, Some(encoded), None) => base64::engine::general_purpose::STANDARD
                .decode(encoded)
                .unwrap(),
            (None, None, Some(event)) => event.clone().into_bytes(),
            _ => panic!("{}: one body or one event", self.name),
        }
    }
}

/// Every case of every provider's file.
pub fn corpus() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/upstream-corpus");
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .extension()
            .is_some_and(|extension| extension == "json")
        {
            let text = std::fs::read_to_string(&path).unwrap();
            let file: Vec<Case> = serde_json::from_str(&text)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            cases.extend(file);
        }
    }
    assert!(
        cases.len() > 100,
        "{} cases in {}",
        cases.len(),
        dir.display()
    );
    cases
}
