#!/usr/bin/env bash
# Instructions per call of `UpstreamError::from_sse_event` on normal events,
# and of a `serde_json::Value` parse of the same events' data, counted with
# callgrind in the upstream benchmark's own binary (`cargo bench -p
# api-error-codes --bench upstream`), so the machine's load cannot move
# them: the inclusive instruction count of `from_sse_event` and of the
# benchmark's `value_parse` divided by their number of calls.
#
# Usage: scripts/upstream-instructions.sh   (needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo bench -p api-error-codes --bench upstream --no-run 2>/dev/null
target_dir=$(cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
bench=$(ls -t "$target_dir"/release/deps/upstream-* | grep -v '\.d$' | head -n 1)
out=$(mktemp -d)

# Inclusive instructions per call of the functions matching $2 in $1.
per_call() {
    callgrind_annotate --threshold=100 --tree=calling "$1" 2>/dev/null | python3 -c '
import re, sys
pattern = sys.argv[1]
total = calls = 0
for line in sys.stdin:
    match = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+=?>\s+\S*?:(.*?) \(([\d,]+)x\)", line)
    if match and re.search(pattern, match.group(2)):
        total += int(match.group(1).replace(",", ""))
        calls += int(match.group(3).replace(",", ""))
print(f"{total / calls:.0f}" if calls else "n/a")
' "$2"
}

printf '| normal event | bytes | `from_sse_event` (instructions) | `serde_json::Value` parse | share |\n|---|---:|---:|---:|---:|\n'
for name in openai-chat-chunk-not-error openai-responses-output-text-delta-not-error \
    anthropic-stream-content-block-delta-not-error gemini-stream-chunk-thoughts-token-count-not-error \
    mistral-stream-tool-calls-finish-not-error groq-stream-final-chunk-x-groq-usage-not-error; do
    for side in from_sse_event serde_json_value; do
        valgrind --tool=callgrind --callgrind-out-file="$out/$side" \
            "$bench" --bench --profile-time 1 "normal_event/$side/$name\$" >/dev/null 2>&1
    done
    ours=$(per_call "$out/from_sse_event" 'UpstreamError::from_sse_event$')
    peer=$(per_call "$out/serde_json_value" '^upstream::value_parse$')
    bytes=$(python3 -c "
import json, glob
for f in glob.glob('tests/upstream-corpus/*.json'):
    for case in json.load(open(f)):
        if case['name'] == '$name': print(len(case['event'].encode()))")
    share=$(python3 -c "print(f'1/{$peer / $ours:.1f}')")
    printf '| `%s` | %s | %s | %s | %s |\n' "$name" "$bytes" "$ours" "$peer" "$share"
done
rm -rf "$out"
