#!/usr/bin/env bash
# Instructions per passed-through event of the stream relay, counted with
# callgrind in the relay benchmark's own binary
# (`cargo bench -p api-error-codes --features stream --bench relay`), so
# the machine's load cannot move them. For each client API:
#
# - relay: `RelayStream::poll_read`, inclusive, per event (everything the
#   relay does for an event, the upstream's own chunk stream included);
# - from_sse_event: `UpstreamError::from_sse_event` as the relay calls it,
#   per event (the upstream module's error check, not the relay's work);
# - relay work: the difference;
# - serde_json Value: `serde_json::from_slice::<Value>` of the event's data
#   and its drop, per event (what one parse of each event costs).
#
# Usage: scripts/relay-instructions.sh   (needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo bench -p api-error-codes --features stream --bench relay --no-run 2>/dev/null
target_dir=$(cargo metadata --format-version 1 --no-deps \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
bench=$(ls -t "$target_dir"/release/deps/relay-* | grep -v '\.d$' | head -n 1)
out=$(mktemp -d)

# The inclusive instructions and calls of each callee of the function
# matching $2 (callgrind_annotate's calling tree of file $1), as
# "name total calls" lines.
callees() {
    callgrind_annotate --threshold=100 --tree=calling --inclusive=yes "$1" 2>/dev/null | python3 -c '
import re, sys
caller, inside = sys.argv[1], False
for line in sys.stdin:
    head = re.match(r"\s*[\d,]+ \(\s*[\d.]+%\)\s+\*\s+\?\?\?:(.*?) \[", line)
    if head:
        inside = re.search(caller, head.group(1)) is not None
        continue
    callee = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+>\s+\?\?\?:(.*?) \(([\d,]+)x\)", line)
    if inside and callee:
        print(callee.group(2).replace(" ", "_"), callee.group(1).replace(",", ""), callee.group(3).replace(",", ""))
' "$2"
}

# Inclusive instructions of the function matching $2 in file $1.
inclusive() {
    callgrind_annotate --threshold=100 --inclusive=yes "$1" 2>/dev/null | python3 -c '
import re, sys
for line in sys.stdin:
    match = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+\?\?\?:(.*?) \[", line)
    if match and re.search(sys.argv[1], match.group(2)):
        print(match.group(1).replace(",", ""))
        break
' "$2"
}

printf '| API | relay (instructions/event) | of which from_sse_event | relay work | serde_json Value parse + drop |\n|---|---|---|---|---|\n'
for api in chat messages responses; do
    valgrind --tool=callgrind --callgrind-out-file="$out/$api.relay" \
        "$bench" --bench --profile-time 1 "relay/$api/relay\$" >/dev/null 2>&1
    valgrind --tool=callgrind --callgrind-out-file="$out/$api.serde" \
        "$bench" --bench --profile-time 1 "relay/$api/serde_json_value\$" >/dev/null 2>&1
    relay_total=$(inclusive "$out/$api.relay" 'RelayStream<S>::poll_read$')
    read -r _ check_total events < <(callees "$out/$api.relay" 'RelayStream<S>::poll_read$' | grep 'from_sse_event ')
    serde=$(callees "$out/$api.serde" 'Bencher<M>::iter$' \
        | python3 -c 'import sys
rows = [line.split() for line in sys.stdin]
parse = [r for r in rows if "Value>::deserialize" in r[0] or r[0].endswith("Value>::deserialize")]
total = sum(int(r[1]) for r in rows if "Value" in r[0])
calls = sum(int(r[2]) for r in parse)
print(f"{total / calls:.0f}")')
    python3 -c "
relay, check, events = $relay_total / $events, $check_total / $events, $events
print(f'| {\"$api\"} | {relay:.0f} | {check:.0f} | {relay - check:.0f} | $serde |')"
done
rm -rf "$out"
