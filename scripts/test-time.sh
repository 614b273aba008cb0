#!/usr/bin/env bash
# How long the README's test command (`cargo test --workspace`) takes on a
# fresh clone, build included: for each REV, a clone in a temporary
# directory with `../shared` beside it (as CI has it), a fresh target
# directory, CARGO_HOME as it is (warm: the registry cache holds every
# crate). The revisions run one after the other, so that each has the
# machine to itself; prints wall and CPU time, the tests that passed, the
# load average before and after, and the time of a second run, warm.
#
#   scripts/test-time.sh REV [REV ...]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$repo/../shared" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ln -s "$shared" "$work/shared"

for rev in "$@"; do
    clone="$work/$rev"
    git clone --quiet "$repo" "$clone"
    git -C "$clone" checkout --quiet --detach "$(git -C "$repo" rev-parse "$rev")"
    echo "rev $(git -C "$clone" rev-parse --short HEAD), $(nproc) CPUs, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    TIMEFORMAT="cargo test --workspace: %R s wall, %U s user + %S s system CPU"
    if ! (cd "$clone" && time CARGO_TARGET_DIR="$work/target-$rev" cargo test --workspace >"$work/log" 2>&1); then
        tail -n 30 "$work/log"
        echo "the tests failed at $rev" >&2
        exit 1
    fi
    passed=$(grep -o '[0-9]* passed' "$work/log" | awk '{sum += $1} END {print sum}')
    echo "tests passed: $passed; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    # Again, everything built: what a run after a change to a test costs
    # at least (doc tests and trybuild's cases are compiled on every run).
    TIMEFORMAT="again, warm: %R s wall, %U s user + %S s system CPU"
    (cd "$clone" && time CARGO_TARGET_DIR="$work/target-$rev" cargo test --workspace >"$work/log" 2>&1)
    rm -rf "$work/target-$rev"
done
