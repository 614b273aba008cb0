#!/usr/bin/env bash
# What serde's derive for the envelope structs costs a service that uses the
# crate: a minimal axum + tokio + serde-derive service (one derived request
# type, one derived reply, one `#[derive(ApiError)]` enum) built from clean
# against this tree's api-error-codes (`#[derive(Serialize, Deserialize)]`) and
# against the tree at HAND_REV, the last commit with hand-written impls.
#
#   scripts/serde-derive-cost.sh [RUNS]     # RUNS clean builds per side, alternating (default 2)
#
# Prints per run the wall-clock and CPU (user + system) seconds of the
# clean `cargo build`, and the api-error-codes unit's own time from cargo's
# --timings report; then, where valgrind is installed, the instructions
# rustc spends on the api-error-codes crate on each side (callgrind), which do
# not move with the machine's load. Needs the crates in the cargo cache
# (it builds --offline) and python3.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-2}
hand_rev=${HAND_REV:-451e9f3}
work=${SERDE_COST_DIR:-$root/target/serde-derive-cost}
rm -rf "$work"
mkdir -p "$work/hand" "$work/derive"

# The two sides: the crates only (no benches, no dev-dependencies), in a
# workspace of their own with the service.
(cd "$root" && git archive "$hand_rev" error-codes error-codes-derive) | tar x -C "$work/hand"
(cd "$root" && git ls-files -co --exclude-standard error-codes error-codes-derive | tar c -T -) | tar x -C "$work/derive"
for side in hand derive; do
    dir="$work/$side"
    cp "$root/Cargo.lock" "$dir/"
    rm -rf "$dir/error-codes/benches"
    sed -i '/^\[\[bench\]\]/,$d; /^\[dev-dependencies\]/,/^$/d' "$dir/error-codes/Cargo.toml"
    sed -e 's/members = \["error-codes", "error-codes-derive", "tests"\]/members = ["error-codes", "error-codes-derive", "svc"]/' \
        -e '/^default-members/d; /^exclude/d' "$root/Cargo.toml" >"$dir/Cargo.toml"
    mkdir -p "$dir/svc/src"
    cat >"$dir/svc/Cargo.toml" <<'TOML'
[package]
name = "svc"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
api-error-codes = { path = "../error-codes", features = ["axum"] }
axum = "0.8"
tokio = { version = "1", features = ["rt-multi-thread", "macros", "net"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
TOML
    cat >"$dir/svc/src/main.rs" <<'RUST'
//! A minimal axum service: one JSON endpoint with derived request and
//! reply types, errors answered with api-error-codes.
use axum::{routing::post, Json, Router};
use api_error_codes::axum::OpenAi;
use api_error_codes::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Request {
    model: String,
}

#[derive(Serialize)]
struct Reply {
    model: String,
}

#[derive(Debug, ApiError)]
enum ServiceError {
    #[api_error(code = "model_not_found", message = "no model named {0}", param = "model")]
    NoModel(String),
    #[api_error(transparent)]
    Canonical(ErrorCode),
}

async fn chat(Json(request): Json<Request>) -> Result<Json<Reply>, OpenAi<ServiceError>> {
    if request.model != "echo" {
        return Err(ServiceError::NoModel(request.model).into());
    }
    Ok(Json(Reply { model: request.model }))
}

#[tokio::main]
async fn main() {
    let app = Router::new().route("/v1/chat/completions", post(chat));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
RUST
done
# The side that states its own serde features says which one derives.
grep -q 'features = \["derive"\]' "$work/derive/error-codes/Cargo.toml" \
    || echo "note: this tree's api-error-codes does not enable serde's derive feature"

unit_time() {
    python3 - "$1" <<'PY'
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
match = re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S)
print(sum(u["duration"] for u in json.loads(match.group(1)) if u["name"] == "api-error-codes"))
PY
}

for run in $(seq 1 "$runs"); do
    for side in hand derive; do
        dir="$work/$side"
        rm -rf "$dir/target"
        start=$(date +%s.%N)
        /usr/bin/time -o "$work/time" -f "%U %S" cargo build --offline --quiet -p svc --timings \
            --manifest-path "$dir/Cargo.toml" >/dev/null 2>&1
        wall=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
        cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$work/time")
        unit=$(unit_time "$(ls -t "$dir"/target/cargo-timings/cargo-timing-*.html | head -1)")
        printf 'run %s %-6s clean build: %6s s wall, %6s s CPU; api-error-codes unit %.2f s\n' "$run" "$side" "$wall" "$cpu" "$unit"
    done
done

if command -v valgrind >/dev/null 2>&1; then
    for side in hand derive; do
        dir="$work/$side"
        touch "$dir/error-codes/src/lib.rs"
        # Without incremental compilation, as a crates.io dependency builds.
        cmd=$(CARGO_INCREMENTAL=0 cargo build --offline -v -p api-error-codes --manifest-path "$dir/Cargo.toml" 2>&1 \
            | grep -o 'Running `.*--crate-name api_error_codes .*`' | sed 's/^Running `//; s/`$//')
        touch "$dir/error-codes/src/lib.rs"
        (cd "$dir" && valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null bash -c "$cmd" 2>&1) \
            | awk -v side="$side" '/Collected/ { if ($NF + 0 > max) max = $NF + 0 } END { printf "%-6s rustc on api-error-codes: %d instructions\n", side, max }'
    done
fi
