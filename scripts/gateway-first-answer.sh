#!/usr/bin/env bash
# How long `cargo run --example gateway` takes on a fresh clone until the
# gateway's first HTTP answer: a clone of this repository at REV (default
# HEAD) in a temporary directory, a fresh target directory, CARGO_HOME as it
# is (warm: the registry cache holds every crate). Prints the packages
# compiled, the seconds to the first answer, the CPU time the build took
# (user + system: what an idle machine of N cores needs at least CPU/N
# seconds of wall time for) and the load average before and after (the
# machine's other work slows the build; say it with the number).
#
#   scripts/gateway-first-answer.sh [REV]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
rev=${1:-HEAD}
port=18299
work=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

git clone --quiet "$repo" "$work/clone"
git -C "$work/clone" checkout --quiet --detach "$(git -C "$repo" rev-parse "$rev")"
cd "$work/clone"
echo "rev $(git rev-parse --short HEAD), $(nproc) CPUs, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
export CARGO_TARGET_DIR="$work/target"
start=$(date +%s.%N)
# The build first, for its CPU time; `cargo run` then only starts it.
TIMEFORMAT="build: %R s wall, %U s user + %S s system CPU"
time cargo build --example gateway >"$work/build" 2>&1
cargo run --example gateway -- --listen "127.0.0.1:$port" >"$work/out" 2>&1 &
pid=$!
until curl -s -o /dev/null "http://127.0.0.1:$port/v1/error-codes"; do
    if ! kill -0 "$pid" 2>/dev/null; then
        cat "$work/out"
        echo "the gateway stopped before answering" >&2
        exit 1
    fi
    sleep 0.2
done
end=$(date +%s.%N)
echo "packages compiled: $(grep -c '^ *Compiling ' "$work/build")"
echo "first answer after $(echo "$end - $start" | bc) s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
