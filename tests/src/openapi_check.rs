//! `scripts/openapi-check.py`, the independent OpenAPI validator
//! (openapi-spec-validator, and every example against its schema).

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

/// What the validator says of `document`: `Ok` with its report, `Err`
/// with its complaint; `None` when no Python with openapi-spec-validator
/// is found (the validation is then skipped, with a note).
/// `OPENAPI_VALIDATOR_PYTHON` names the Python to use (`.ci/run` sets it);
/// when set, it must work. Otherwise `python3` is tried.
pub fn openapi_check(document: &Value) -> Option<Result<String, String>> {
    let configured = std::env::var("OPENAPI_VALIDATOR_PYTHON").ok();
    let python = configured.clone().unwrap_or_else(|| "python3".to_owned());
    let probe = (Command::new(&python))
        .args(["-c", "import openapi_spec_validator"])
        .output();
    if !probe.as_ref().is_ok_and(|probe| probe.status.success()) {
        assert!(
            configured.is_none(),
            "OPENAPI_VALIDATOR_PYTHON={python} cannot import openapi_spec_validator: {probe:?}"
        );
        eprintln!(
            "note: no python3 with openapi-spec-validator; the document is not validated \
             (pip install openapi-spec-validator==0.9.0, or set OPENAPI_VALIDATOR_PYTHON)"
        );
        return None;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/openapi-check.py");
    let mut child = (Command::new(&python).arg(script))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the validator starts");
    let input = serde_json::to_vec(document).unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let output = child.wait_with_output().expect("the validator runs");
    let said = |bytes: &[u8]| String::from_utf8_lossy(bytes).trim().to_owned();
    Some(if output.status.success() {
        Ok(said(&output.stdout))
    } else {
        Err(said(&output.stderr))
    })
}
