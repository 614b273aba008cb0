#!/usr/bin/env python3
"""Writes the user crates that scripts/compile-time.sh builds.

    compile_time_gen.py WORKSPACE_ROOT OUT_DIR

- OUT_DIR/ours:  the 57-code enum with #[derive(ApiError)], depending on
  `error-codes = "=VERSION"` as a user of the published crate does
  (compile-time.sh serves it, packaged from WORKSPACE_ROOT, from a local
  directory source);
- OUT_DIR/peer:  the same enum with thiserror 2 (Display/Error), strum 0.28
  (IntoStaticStr for the code) and a hand-written status match;
- OUT_DIR/ours-floor, OUT_DIR/peer-floor: the same enum with only
  `#[derive(Debug)]`, linking each side's dependencies and using none of
  them: what a rebuild costs before any derive runs;
- OUT_DIR/large: a 2,000-variant enum with #[derive(ApiError)], to show the
  derive handles it through rustc;
- OUT_DIR/vendor: both sides' dependencies, error-codes by path, for
  `cargo vendor` to collect every third-party crate of both sides.

Both 57-variant enums carry the same codes, statuses and messages, read
from the committed seed table tests/error-codes.tsv; every sixth variant
has a field its message interpolates, as real error enums do.
"""

import os
import re
import shutil
import sys


def camel(code):
    return "".join(part[:1].upper() + part[1:] for part in code.split("_"))


def rust_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def read_table(root):
    rows = []
    with open(os.path.join(root, "tests", "error-codes.tsv"), encoding="utf-8") as table:
        lines = table.read().splitlines()
    assert lines[0] == "code\tstatus\tdescription", lines[0]
    for line in lines[1:]:
        if line:
            code, status, description = line.split("\t")
            rows.append((code, int(status), description))
    assert len(rows) == 57, len(rows)
    return rows


def variants(rows):
    """(name, code, status, message, fields, pattern) per variant."""
    out = []
    for index, (code, status, description) in enumerate(rows):
        if index % 6 == 5:
            fields, pattern = "(String)", "(..)"
            message = description + ": {0}"
        else:
            fields, pattern = "", ""
            message = description
        out.append((camel(code), code, status, message, fields, pattern))
    return out


def manifest(name, dependencies):
    return f"""[package]
name = "{name}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
{dependencies}

# Not part of the caller's workspace.
[workspace]
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


def ours(root, rows):
    body = []
    for name, code, status, message, fields, _ in variants(rows):
        body.append(
            f"    #[api_error(code = {rust_str(code)}, status = {status}, "
            f"message = {rust_str(message)})]\n    {name}{fields},"
        )
    return (
        "//! 57 error codes with `#[derive(ApiError)]`.\n\n"
        "use error_codes::ApiError;\n\n"
        "#[derive(Debug, ApiError)]\n"
        "pub enum UserError {\n" + "\n".join(body) + "\n}\n\n"
        "/// Uses what the peer's enum also provides: code, status, message.\n"
        "pub fn describe(error: &UserError) -> (&'static str, u16, String) {\n"
        "    (error.code(), error.status(), error.message().into_owned())\n"
        "}\n"
    )


def peer(rows):
    body, statuses = [], []
    for name, code, status, message, fields, pattern in variants(rows):
        body.append(
            f"    #[error({rust_str(message)})]\n"
            f"    #[strum(serialize = {rust_str(code)})]\n    {name}{fields},"
        )
        statuses.append(f"            Self::{name}{pattern} => {status},")
    return (
        "//! 57 error codes with thiserror + strum + a hand-written status match.\n\n"
        "#[derive(Debug, thiserror::Error, strum::IntoStaticStr)]\n"
        "pub enum UserError {\n" + "\n".join(body) + "\n}\n\n"
        "impl UserError {\n"
        "    pub fn code(&self) -> &'static str {\n"
        "        self.into()\n"
        "    }\n\n"
        "    pub fn status(&self) -> u16 {\n"
        "        match self {\n" + "\n".join(statuses) + "\n        }\n"
        "    }\n"
        "}\n\n"
        "/// Code, status and message, as the derive's side provides them.\n"
        "pub fn describe(error: &UserError) -> (&'static str, u16, String) {\n"
        "    (error.code(), error.status(), error.to_string())\n"
        "}\n"
    )


def floor(rows, crates):
    body = [f"    {name}{fields}," for name, _, _, _, fields, _ in variants(rows)]
    uses = "".join(f"use {krate} as _;\n" for krate in crates)
    return (
        "//! The 57-variant enum without the error derives: the dependency floor.\n\n"
        + uses
        + "\n#[derive(Debug)]\npub enum UserError {\n" + "\n".join(body) + "\n}\n"
    )


def large(count):
    body = []
    statuses = [400, 401, 403, 404, 409, 429, 500, 503]
    for index in range(count):
        status = statuses[index % len(statuses)]
        if index % 4 == 3:
            body.append(
                f'    #[api_error(code = "private_code_{index}", status = {status}, '
                f'message = "private failure {index}: {{0}}", param = 0)]\n'
                f"    V{index}(String),"
            )
        else:
            body.append(
                f'    /// Private failure {index}.\n'
                f'    #[api_error(code = "private_code_{index}", status = {status})]\n'
                f"    V{index},"
            )
    return (
        f"//! {count} private error codes with `#[derive(ApiError)]`.\n\n"
        "use error_codes::ApiError;\n\n"
        "#[derive(Debug, ApiError)]\n"
        "pub enum Large {\n" + "\n".join(body) + "\n}\n\n"
        "pub fn describe(error: &Large) -> (&'static str, u16, String) {\n"
        "    (error.code(), error.status(), error.message().into_owned())\n"
        "}\n"
    )


def workspace_version(root):
    with open(os.path.join(root, "Cargo.toml"), encoding="utf-8") as manifest_file:
        found = re.search(r'^version = "([^"]+)"$', manifest_file.read(), re.M)
    assert found, "no version in the workspace manifest"
    return found.group(1)


def main():
    root, out = sys.argv[1], sys.argv[2]
    rows = read_table(root)
    error_codes = f'error-codes = "={workspace_version(root)}"'
    error_codes_path = f'error-codes = {{ path = {rust_str(os.path.join(root, "error-codes"))} }}'
    peer_dependencies = 'thiserror = "2"\nstrum = { version = "0.28", features = ["derive"] }'
    crates = {
        "vendor": (error_codes_path + "\n" + peer_dependencies, ""),
        "ours": (error_codes, ours(root, rows)),
        "peer": (peer_dependencies, peer(rows)),
        "ours-floor": (error_codes, floor(rows, ["error_codes"])),
        "peer-floor": (peer_dependencies, floor(rows, ["strum", "thiserror"])),
        "large": (error_codes, large(2000)),
    }
    for name, (dependencies, source) in crates.items():
        directory = os.path.join(out, name)
        write(os.path.join(directory, "Cargo.toml"), manifest(f"compile-time-{name}", dependencies))
        write(os.path.join(directory, "src", "lib.rs"), source)
        # Start from the workspace's lock file, so shared dependencies build
        # at the versions the workspace tests; cargo adds what is missing.
        shutil.copyfile(os.path.join(root, "Cargo.lock"), os.path.join(directory, "Cargo.lock"))


if __name__ == "__main__":
    main()
