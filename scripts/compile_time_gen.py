#!/usr/bin/env python3
"""Writes the user crates that scripts/compile-time.sh builds.

    compile_time_gen.py WORKSPACE_ROOT OUT_DIR

- OUT_DIR/ours:  the 57-code enum with #[derive(ApiError)], depending on
  `api-error-codes = "=VERSION"` as a user of the published crate does
  (compile-time.sh serves it, packaged from WORKSPACE_ROOT, from a local
  directory source);
- OUT_DIR/peer:  the same enum with thiserror 2 (Display/Error), strum 0.28
  (IntoStaticStr for the code) and a hand-written status match;
- OUT_DIR/ours-floor, OUT_DIR/peer-floor: the same enum with only
  `#[derive(Debug)]`, linking each side's dependencies and using none of
  them: what a rebuild costs before any derive runs;
- OUT_DIR/deps-floor: the same, linking only what the runtime crate
  depends on (`http`, `serde` with its derive, `serde_json`): the part of
  the derive side's floor that comes from those three, which every axum
  service has already;
- OUT_DIR/large: a 2,000-variant enum with #[derive(ApiError)], to show the
  derive handles it through rustc;
- OUT_DIR/service-floor, service-ours, service-peer: a minimal axum +
  tokio + serde-derive service (one JSON route) answering errors of the
  57-variant enum: with only `#[derive(Debug)]` and a plain 500, with
  #[derive(ApiError)] through the `axum` feature, with thiserror + strum and
  a status match. Their clean builds show what adding each side costs where
  users build it;
- OUT_DIR/vendor: every side's dependencies, api-error-codes by path, for
  `cargo vendor` to collect every third-party crate.

The 57-variant enums carry the same codes, statuses and messages, read from
the catalogue the derive compiles in (error-codes-derive/catalogue.tsv, its
first three columns); every sixth variant has a field its message
interpolates, as real error enums do.
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
    path = os.path.join(root, "error-codes-derive", "catalogue.tsv")
    with open(path, encoding="utf-8") as table:
        lines = table.read().splitlines()
    assert lines[0].startswith("code\tstatus\tdescription\t"), lines[0]
    for line in lines[1:]:
        if line:
            code, status, description = line.split("\t")[:3]
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
        "use api_error_codes::ApiError;\n\n"
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
                f'    #[api_error(code = "private_code_{index}", status = {status}, '
                f'message = "Private failure {index}.")]\n'
                f"    V{index},"
            )
    return (
        f"//! {count} private error codes with `#[derive(ApiError)]`.\n\n"
        "use api_error_codes::ApiError;\n\n"
        "#[derive(Debug, ApiError)]\n"
        "pub enum Large {\n" + "\n".join(body) + "\n}\n\n"
        "pub fn describe(error: &Large) -> (&'static str, u16, String) {\n"
        "    (error.code(), error.status(), error.message().into_owned())\n"
        "}\n"
    )


SERVICE = """
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
pub struct Request {
    pub model: String,
}

#[derive(Serialize)]
pub struct Reply {
    pub model: String,
}

async fn chat(Json(request): Json<Request>) -> Result<Json<Reply>, Response> {
    if request.model == "echo" {
        Ok(Json(Reply { model: request.model }))
    } else {
        Err(respond(UserError::ModelNotFound))
    }
}

#[tokio::main]
async fn main() {
    let app = Router::new().route("/v1/chat/completions", post(chat));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
"""


def service(enum_source, respond):
    """A service binary around one side's 57-variant enum."""
    enum_source = enum_source.replace("//!", "//", 1)
    return "//! A minimal axum service answering the 57-variant enum's errors.\n\n" + enum_source + SERVICE + respond


SERVICE_DEPENDENCIES = (
    'axum = "0.8"\n'
    'tokio = { version = "1", features = ["rt-multi-thread", "macros", "net"] }\n'
    'serde = { version = "1", features = ["derive"] }'
)

# What api-error-codes itself depends on, as error-codes/Cargo.toml says.
RUNTIME_DEPENDENCIES = (
    'http = "1"\n'
    'serde = { version = "1", features = ["derive"] }\n'
    'serde_json = "1"'
)


def workspace_version(root):
    with open(os.path.join(root, "Cargo.toml"), encoding="utf-8") as manifest_file:
        found = re.search(r'^version = "([^"]+)"$', manifest_file.read(), re.M)
    assert found, "no version in the workspace manifest"
    return found.group(1)


def main():
    root, out = sys.argv[1], sys.argv[2]
    rows = read_table(root)
    api_error_codes = f'api-error-codes = "={workspace_version(root)}"'
    error_codes_path = f'api-error-codes = {{ path = {rust_str(os.path.join(root, "error-codes"))} }}'
    peer_dependencies = 'thiserror = "2"\nstrum = { version = "0.28", features = ["derive"] }'
    axum_error_codes = api_error_codes[:-1].replace('= "', '= { version = "') + '", features = ["axum"] }'
    service_ours = service(
        ours(root, rows),
        "\nfn respond(error: UserError) -> Response {\n"
        "    api_error_codes::axum::OpenAi(error).into_response()\n}\n",
    )
    service_peer = service(
        peer(rows),
        "\nfn respond(error: UserError) -> Response {\n"
        "    let status = axum::http::StatusCode::from_u16(error.status())\n"
        "        .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);\n"
        "    (status, error.to_string()).into_response()\n}\n",
    )
    service_floor = service(
        floor(rows, []),
        "\nfn respond(error: UserError) -> Response {\n"
        "    (axum::http::StatusCode::INTERNAL_SERVER_ERROR, format!(\"{error:?}\")).into_response()\n}\n",
    )
    crates = {
        "vendor": (
            error_codes_path.replace("}", ', features = ["axum"] }') + "\n" + peer_dependencies
            + "\n" + SERVICE_DEPENDENCIES,
            "",
        ),
        "service-floor": (SERVICE_DEPENDENCIES, service_floor),
        "service-ours": (SERVICE_DEPENDENCIES + "\n" + axum_error_codes, service_ours),
        "service-peer": (SERVICE_DEPENDENCIES + "\n" + peer_dependencies, service_peer),
        "ours": (api_error_codes, ours(root, rows)),
        "peer": (peer_dependencies, peer(rows)),
        "ours-floor": (api_error_codes, floor(rows, ["api_error_codes"])),
        "peer-floor": (peer_dependencies, floor(rows, ["strum", "thiserror"])),
        "deps-floor": (RUNTIME_DEPENDENCIES, floor(rows, ["http", "serde", "serde_json"])),
        "large": (api_error_codes, large(2000)),
    }
    for name, (dependencies, source) in crates.items():
        directory = os.path.join(out, name)
        write(os.path.join(directory, "Cargo.toml"), manifest(f"compile-time-{name}", dependencies))
        main = name.startswith("service-")
        write(os.path.join(directory, "src", "main.rs" if main else "lib.rs"), source)
        # Start from the workspace's lock file, so shared dependencies build
        # at the versions the workspace tests; cargo adds what is missing.
        shutil.copyfile(os.path.join(root, "Cargo.lock"), os.path.join(directory, "Cargo.lock"))


if __name__ == "__main__":
    main()
