#!/usr/bin/env bash
# Instructions per body of `to_body` and of its serde_json peer, for the
# three formats, counted with callgrind in the runtime benchmark's own
# binary (`cargo bench -p api-error-codes --bench runtime`), so the machine's
# load cannot move them: the inclusive instruction count of the function
# that writes one body (`Envelope::render`, `serde_openai`,
# `serde_anthropic`, `serde_problem`, in `benches/runtime/serde_peer.rs`)
# divided by its number of calls.
#
# Usage: scripts/body-instructions.sh   (needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo bench -p api-error-codes --bench runtime --no-run 2>/dev/null
target_dir=$(cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
bench=$(ls -t "$target_dir"/release/deps/runtime-* | grep -v '\.d$' | head -n 1)
out=$(mktemp -d)

# Inclusive instructions per call of the functions matching $2 in $1.
per_call() {
    callgrind_annotate --tree=calling "$1" 2>/dev/null | python3 -c '
import re, sys
pattern = sys.argv[1]
total = calls = 0
for line in sys.stdin:
    match = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+>\s+\?\?\?:(.*?) \(([\d,]+)x\)", line)
    if match and re.search(pattern, match.group(2)):
        total += int(match.group(1).replace(",", ""))
        calls += int(match.group(3).replace(",", ""))
print(f"{total / calls:.0f}" if calls else "n/a")
' "$2"
}

printf '| benchmark | api-error-codes (instructions/body) | serde_json peer | ratio |\n|---|---|---|---|\n'
for case in all_57_codes formatted_message; do
    for format in openai anthropic problem; do
        for side in api_error_codes serde_json; do
            valgrind --tool=callgrind --callgrind-out-file="$out/$format.$case.$side" \
                "$bench" --bench --profile-time 1 "to_body_$format/$case/$side\$" >/dev/null 2>&1
        done
        ours=$(per_call "$out/$format.$case.api_error_codes" 'Envelope<E>>::render$')
        peer=$(per_call "$out/$format.$case.serde_json" "^runtime::(serde_peer::)?serde_$format\$")
        ratio=$(python3 -c "print(f'{$peer / $ours:.2f}x')")
        printf '| `to_body(%s)`, %s | %s | %s | %s |\n' "$format" "$case" "$ours" "$peer" "$ratio"
    done
done
rm -rf "$out"
