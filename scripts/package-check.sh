#!/usr/bin/env bash
# What a user gets from crates.io, checked before it is published:
#
# 1. `cargo package` of api-error-codes-derive and api-error-codes together
#    (cargo builds each from its .crate, the runtime crate against the
#    packaged derive);
# 2. a consumer crate built from the sources inside those .crate files, not
#    from the workspace: its `main` is the README's quickstart, taken from
#    the README packaged in api-error-codes.
#
# Usage: scripts/package-check.sh [extra `cargo package` flags, e.g. --allow-dirty]
set -euo pipefail
cd "$(dirname "$0")/.."

cargo package -p api-error-codes-derive -p api-error-codes "$@"

metadata=$(cargo metadata --format-version 1 --no-deps)
field() {
    python3 -c 'import json, sys; m = json.load(sys.stdin); print(eval(sys.argv[1]))' "$1" <<<"$metadata"
}
target_dir=$(field 'm["target_directory"]')
version=$(field '[p["version"] for p in m["packages"] if p["name"] == "api-error-codes"][0]')

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for crate in api-error-codes-derive api-error-codes; do
    tar -xzf "$target_dir/package/$crate-$version.crate" -C "$work"
done

# The packaged runtime crate depends on api-error-codes-derive by version
# alone; the patch points that version at the packaged derive.
mkdir -p "$work/consumer/src"
cat >"$work/consumer/Cargo.toml" <<EOF
[package]
name = "consumer"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
api-error-codes = { path = "../api-error-codes-$version" }

[patch.crates-io]
api-error-codes-derive = { path = "../api-error-codes-derive-$version" }

[workspace]
EOF
# The workspace's lock file pins the same dependency versions.
cp Cargo.lock "$work/consumer/Cargo.lock"

# The first `rust` block after "## Quickstart" in the packaged README.
python3 - "$work/api-error-codes-$version/README.md" >"$work/consumer/src/main.rs" <<'EOF'
import re, sys
readme = open(sys.argv[1], encoding="utf-8").read()
quickstart = readme[readme.index("## Quickstart"):]
block = re.search(r"```rust\n(.*?)```", quickstart, re.S).group(1)
print("fn main() {\n" + block + "}")
EOF

echo "== the README quickstart, built and run against the packaged crates"
(cd "$work/consumer" && cargo run --quiet)
echo "package check passed: api-error-codes $version and api-error-codes-derive $version"
