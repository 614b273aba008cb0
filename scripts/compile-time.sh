#!/usr/bin/env bash
# What users pay at build time: a user crate with a 57-variant enum using
# `#[derive(ApiError)]`, against the same enum with thiserror 2 + strum 0.28
# + a hand-written status match. Both are built from scratch (clean build),
# then rebuilt after `touch src/lib.rs` RUNS times (median). Each side also
# has a floor crate, the same enum with only `#[derive(Debug)]` linking the
# side's dependencies: rebuild minus floor is what the derives and their
# generated code cost, apart from what the dependencies cost to load; a
# third floor links only the runtime crate's own dependencies (http, serde,
# serde_json), to show how much of the derive side's floor is theirs. A
# rebuild is cargo checking the dependency graph, then rustc on the crate:
# the script times both apart too (`cargo build` with nothing to do, and the
# rustc command cargo runs, run alone), and, where valgrind is installed,
# counts the instructions of that rustc command (callgrind): a count is the
# same on every run, where times on a shared machine move by several percent
# from run to run. A last crate with a 2,000-variant
# `#[derive(ApiError)]` enum shows the derive handles it through rustc.
#
# Then the setting users build in: a minimal axum + tokio + serde-derive
# service around the same enum, built clean (empty target directory) with
# only `#[derive(Debug)]` (the floor), with api-error-codes (its `axum`
# feature), and with thiserror + strum; what each side adds is its clean
# build minus the floor's. SERVICE_RUNS (default 1) clean builds each,
# interleaved, median.
#
#   scripts/compile-time.sh [RUNS]      # RUNS defaults to 5
#
# The crates depend on api-error-codes as users of the published crate do: this
# tree's api-error-codes and api-error-codes-derive are packaged (`cargo package`,
# uncommitted changes included) into a local directory source, beside every
# third-party crate of both sides (`cargo vendor`), and both sides build
# from that source. (A path dependency would make every no-op build check
# the mtime of each of its source files and read its workspace's manifest,
# which no user of the published crate pays.)
#
# Crates and build directories go to $COMPILE_TIME_DIR (default
# target/compile-time); the crates are regenerated on every run by
# scripts/compile_time_gen.py from error-codes-derive/catalogue.tsv. Needs python3 and
# crates.io (or a warm cargo cache) for the first run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
work=${COMPILE_TIME_DIR:-$root/target/compile-time}
mkdir -p "$work"
rm -rf "$work/.cargo"
python3 "$root/scripts/compile_time_gen.py" "$root" "$work"

# The directory source: third-party crates first (vendored before the source
# replacement below exists), then this tree's two crates.
registry="$work/registry"
rm -rf "$registry" "$work/package"
(cd "$work/vendor" && cargo vendor --quiet --versioned-dirs "$registry" >/dev/null)
(cd "$root" && cargo package --quiet --no-verify --allow-dirty \
    -p api-error-codes-derive -p api-error-codes --target-dir "$work/package")
for crate in "$work"/package/package/*.crate; do
    tar xzf "$crate" -C "$registry"
    # No checksums: cargo takes the files as they are.
    echo '{"files":{},"package":null}' >"$registry/$(basename "$crate" .crate)/.cargo-checksum.json"
done
mkdir -p "$work/.cargo"
cat >"$work/.cargo/config.toml" <<EOF
# Written by scripts/compile-time.sh: the crates under this directory build
# from the local directory source, as from crates.io.
[source.crates-io]
replace-with = "compile-time"

[source.compile-time]
directory = "$registry"
EOF

now() { date +%s.%N; }
seconds_since() { awk -v start="$1" -v end="$(now)" 'BEGIN { printf "%.3f", end - start }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }

# Per-unit compile times from cargo's --timings report: "name version secs".
unit_times() {
    python3 - "$1" <<'EOF'
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
match = re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S)
for unit in json.loads(match.group(1)) if match else []:
    target = unit.get("target", "")
    print(unit["name"], unit["version"] + target.replace(" ", ""), "%.2f" % unit["duration"])
EOF
}

# One rebuild of crate $1 (target dir $2) after touching its lib.rs, in
# seconds.
rebuild_once() {
    touch "$1/src/lib.rs"
    local start
    start=$(now)
    (cd "$1" && CARGO_TARGET_DIR="$2" cargo build --quiet)
    seconds_since "$start"
}

# `cargo build` of crate $1 (target dir $2) with nothing to rebuild: what
# cargo's check of the dependency graph costs every build.
noop_once() {
    local start
    start=$(now)
    (cd "$1" && CARGO_TARGET_DIR="$2" cargo build --quiet)
    seconds_since "$start"
}

# The rustc command cargo runs for crate $1 (target dir $2) after a touch,
# as `cargo build -v` prints it (shell-quoted).
rustc_command() {
    touch "$1/src/lib.rs"
    (cd "$1" && CARGO_TARGET_DIR="$2" cargo build -v 2>&1) |
        sed -n 's/^ *Running `\(.*--crate-name compile_time_.*\)`$/\1/p' | tail -n 1
}

# That command run alone in crate $1: rustc's part of a rebuild. Its
# incremental state is cargo's, so it does what the rebuild's rustc does.
rustc_once() {
    local start
    start=$(now)
    (cd "$1" && bash -c "$2" >/dev/null 2>&1)
    seconds_since "$start"
}

# Instructions (millions) rustc executes for crate $1 after a touch, running
# command $2 under callgrind: a count, not a time, so it is the same on every
# run whatever else the machine does, and small differences show.
rustc_instructions() {
    touch "$1/src/lib.rs"
    (cd "$1" && bash -c "valgrind --tool=callgrind --callgrind-out-file=/dev/null $2" 2>&1 >/dev/null) |
        sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' |
        awk '{ printf "%.1f", $1 / 1e6 }'
}

# Times `runs` rebuilds of crate $1 (target dir $2), into the array `samples`.
rebuild_samples() {
    samples=()
    for _ in $(seq "$runs"); do
        samples+=("$(rebuild_once "$1" "$2")")
    done
}

declare -A clean rebuild own syn_report macro_report
for side in ours peer; do
    crate="$work/$side"
    target="$work/target-$side"
    (cd "$crate" && cargo fetch --quiet)
    # A clean build: this script's own build directory, emptied first.
    rm -rf "$target"
    start=$(now)
    (cd "$crate" && CARGO_TARGET_DIR="$target" cargo build --quiet --timings 2>/dev/null)
    clean[$side]=$(seconds_since "$start")

    times=$(unit_times "$target/cargo-timings/cargo-timing.html")
    # Which syn each side compiles, with its features and its own rustc time.
    syn_report[$side]=$(cd "$crate" && cargo tree -e features --prefix none --format '{p} [{f}]' 2>/dev/null \
        | grep -E '^syn v' | grep -v '(\*)' | sort -u | while read -r _ version features; do
            secs=$(awk -v v="${version#v}" '$1 == "syn" && index($2, v) == 1 { s += $3 } END { printf "%.1f", s }' <<<"$times")
            echo "syn ${version} ${features} (${secs}s of rustc)"
        done | paste -sd ';' - | sed 's/;/; /g')
    macro_report[$side]=$(awk '$1 ~ /(_derive|_macros|-impl|-derive)$/ { printf "%s %.1fs; ", $1, $3 }' <<<"$times")

    echo "$side: clean ${clean[$side]}s" >&2
done

# The floors: the same enum with only `#[derive(Debug)]`, linking each
# side's dependencies, built on the side's already built dependencies; and
# the part of the derive side's floor that is the runtime crate's own
# dependencies (`http`, `serde`, `serde_json`, in every axum service).
# target_of CRATE: the build directory a crate builds in.
target_of() {
    case "$1" in
        peer | peer-floor) echo "$work/target-peer" ;;
        *) echo "$work/target-ours" ;;
    esac
}
for crate in ours-floor peer-floor deps-floor; do
    (cd "$work/$crate" && CARGO_TARGET_DIR="$(target_of "$crate")" cargo build --quiet)
done

# Rebuilds alternate between the crates, so a change in the machine's load
# during the run falls on all alike.
crates="ours peer ours-floor peer-floor deps-floor"
declare -A samples_of noop_samples rustc_samples rustc_of noop rustc_alone instructions
for crate in $crates; do
    rustc_of[$crate]=$(rustc_command "$work/$crate" "$(target_of "$crate")")
    if [ -z "${rustc_of[$crate]}" ]; then
        echo "no rustc command found in cargo build -v of $crate" >&2
        exit 1
    fi
    if command -v valgrind >/dev/null 2>&1; then
        instructions[$crate]=$(rustc_instructions "$work/$crate" "${rustc_of[$crate]}")
    else
        instructions[$crate]="(no valgrind)"
    fi
done
for _ in $(seq "$runs"); do
    for crate in $crates; do
        samples_of[$crate]+="$(rebuild_once "$work/$crate" "$(target_of "$crate")") "
    done
    for side in ours peer deps-floor; do
        noop_samples[$side]+="$(noop_once "$work/$side" "$(target_of "$side")") "
        rustc_samples[$side]+="$(rustc_once "$work/$side" "${rustc_of[$side]}") "
    done
done
for crate in $crates; do
    rebuild[$crate]=$(tr ' ' '\n' <<<"${samples_of[$crate]}" | grep . | median)
    echo "$crate: rebuilds ${samples_of[$crate]}(s)" >&2
done
for side in ours peer deps-floor; do
    noop[$side]=$(tr ' ' '\n' <<<"${noop_samples[$side]}" | grep . | median)
    rustc_alone[$side]=$(tr ' ' '\n' <<<"${rustc_samples[$side]}" | grep . | median)
    echo "$side: no-op builds ${noop_samples[$side]}(s); rustc alone ${rustc_samples[$side]}(s)" >&2
done
difference() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }
for side in ours peer; do
    own[$side]=$(difference "${rebuild[$side]}" "${rebuild[$side-floor]}")
done

# The 2,000-variant enum, on top of the derive side's built dependencies.
large="$work/large"
(cd "$large" && cargo fetch --quiet)
start=$(now)
(cd "$large" && CARGO_TARGET_DIR="$work/target-ours" cargo build --quiet)
large_first=$(seconds_since "$start")
rebuild_samples "$large" "$work/target-ours"
large_rebuild=$(printf '%s\n' "${samples[@]}" | median)

# The service, built clean: the floor and both sides, interleaved.
service_runs=${SERVICE_RUNS:-1}
# Wall-clock and CPU time (user + system of cargo and every rustc it runs):
# on a machine shared with other builds, the CPU time moves far less.
declare -A service_samples service_cpu_samples service_clean service_cpu
for service in service-floor service-ours service-peer; do
    (cd "$work/$service" && cargo fetch --quiet)
done
for _ in $(seq "$service_runs"); do
    for service in service-floor service-ours service-peer; do
        rm -rf "$work/target-$service"
        start=$(now)
        cpu=$( { TIMEFORMAT='%U %S'; time (cd "$work/$service" && CARGO_TARGET_DIR="$work/target-$service" cargo build --quiet 2>/dev/null); } 2>&1 | tail -n 1 | awk '{ printf "%.1f", $1 + $2 }')
        service_samples[$service]+="$(seconds_since "$start") "
        service_cpu_samples[$service]+="$cpu "
    done
done
for service in service-floor service-ours service-peer; do
    service_clean[$service]=$(tr ' ' '\n' <<<"${service_samples[$service]}" | grep . | median)
    service_cpu[$service]=$(tr ' ' '\n' <<<"${service_cpu_samples[$service]}" | grep . | median)
    echo "$service: clean builds ${service_samples[$service]}(s), CPU ${service_cpu_samples[$service]}(s)" >&2
done
service_added_ours=$(difference "${service_clean[service-ours]}" "${service_clean[service-floor]}")
service_added_peer=$(difference "${service_clean[service-peer]}" "${service_clean[service-floor]}")
service_cpu_added_ours=$(difference "${service_cpu[service-ours]}" "${service_cpu[service-floor]}")
service_cpu_added_peer=$(difference "${service_cpu[service-peer]}" "${service_cpu[service-floor]}")

echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(rustc --version)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| build (dev profile) | #[derive(ApiError)] | thiserror + strum + match | ratio |"
echo "|---|---|---|---|"
echo "| clean build, all dependencies | ${clean[ours]} s | ${clean[peer]} s | $(ratio "${clean[ours]}" "${clean[peer]}") |"
echo "| rebuild after touch, median of $runs | ${rebuild[ours]} s | ${rebuild[peer]} s | $(ratio "${rebuild[ours]}" "${rebuild[peer]}") |"
echo "| rebuild after touch, the floor: same enum, only \`#[derive(Debug)]\`, same dependencies | ${rebuild[ours-floor]} s | ${rebuild[peer-floor]} s | $(ratio "${rebuild[ours-floor]}" "${rebuild[peer-floor]}") |"
echo "| the derives' own share: rebuild minus floor | ${own[ours]} s | ${own[peer]} s | $(ratio "${own[ours]}" "${own[peer]}") |"
echo "| a rebuild's cargo part: \`cargo build\` with nothing to rebuild | ${noop[ours]} s | ${noop[peer]} s | $(ratio "${noop[ours]}" "${noop[peer]}") |"
echo "| the floor of the runtime crate's dependencies alone (http, serde, serde_json): rebuild / cargo part / rustc part | ${rebuild[deps-floor]} s / ${noop[deps-floor]} s / ${rustc_alone[deps-floor]} s | ${rebuild[peer-floor]} s (the peer's floor) | $(ratio "${rebuild[deps-floor]}" "${rebuild[peer-floor]}") |"
echo "| a rebuild's rustc part: the command cargo runs, alone | ${rustc_alone[ours]} s | ${rustc_alone[peer]} s | $(ratio "${rustc_alone[ours]}" "${rustc_alone[peer]}") |"
if command -v valgrind >/dev/null 2>&1; then
    echo "| rustc's part in instructions (callgrind, millions) | ${instructions[ours]} | ${instructions[peer]} | $(ratio "${instructions[ours]}" "${instructions[peer]}") |"
    echo "| the same for the floors | ${instructions[ours-floor]} | ${instructions[peer-floor]} | $(ratio "${instructions[ours-floor]}" "${instructions[peer-floor]}") |"
    echo "| the same for the runtime crate's dependencies alone | ${instructions[deps-floor]} | ${instructions[peer-floor]} (the peer's floor) | $(ratio "${instructions[deps-floor]}" "${instructions[peer-floor]}") |"
    own_ours=$(difference "${instructions[ours]}" "${instructions[ours-floor]}")
    own_peer=$(difference "${instructions[peer]}" "${instructions[peer-floor]}")
    echo "| the derives' own instructions: crate minus floor | ${own_ours} | ${own_peer} | $(ratio "$own_ours" "$own_peer") |"
fi
echo
echo "syn, derive side:  ${syn_report[ours]}"
echo "syn, peer side:    ${syn_report[peer]}"
echo "proc-macro crates, derive side: ${macro_report[ours]}"
echo "proc-macro crates, peer side:   ${macro_report[peer]}"
echo
echo "| axum + tokio + serde-derive service, clean build (median of $service_runs) | with api-error-codes | with thiserror + strum | ratio |"
echo "|---|---|---|---|"
echo "| the service | ${service_clean[service-ours]} s | ${service_clean[service-peer]} s | $(ratio "${service_clean[service-ours]}" "${service_clean[service-peer]}") |"
echo "| the floor: the service with only \`#[derive(Debug)]\` | ${service_clean[service-floor]} s | ${service_clean[service-floor]} s | 1.00x |"
echo "| what adding the side costs: service minus floor | ${service_added_ours} s | ${service_added_peer} s | $(ratio "$service_added_ours" "$service_added_peer") |"
echo "| the service, CPU time (user + system) | ${service_cpu[service-ours]} s | ${service_cpu[service-peer]} s | $(ratio "${service_cpu[service-ours]}" "${service_cpu[service-peer]}") |"
echo "| the floor, CPU time | ${service_cpu[service-floor]} s | ${service_cpu[service-floor]} s | 1.00x |"
echo "| what adding the side costs, CPU time | ${service_cpu_added_ours} s | ${service_cpu_added_peer} s | $(ratio "$service_cpu_added_ours" "$service_cpu_added_peer") |"
echo
echo "2,000-variant #[derive(ApiError)] enum: first build ${large_first} s, rebuild after touch (median of $runs) ${large_rebuild} s"
