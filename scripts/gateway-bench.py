#!/usr/bin/env python3
"""The example gateway's overhead, measured with wrk against a direct echo upstream.

One echo upstream (the example gateway's own `echo` model, release build) is
asked directly and through each gateway under test (`--upstream
openai_compatible=http://UPSTREAM`, model `openai_compatible/echo`):
with a key for it (`--upstream-key`):
non-streaming and streaming chat completions (`"stream": true`: five events,
the role chunk, two words, the stop chunk and `[DONE]`), with 1 and 16
connections. For each run: p50 and p99 latency (wrk's, of the whole response),
requests per second, and the CPU time the process in the middle spent per
request (utime + stime from /proc/PID/stat, before and after; for the direct
runs, the upstream's own). A gateway's overhead is its p50 minus the direct
p50 of the same case.

The gateways under test: this tree's, and with --baseline COMMIT (default
a23fea7, the gateway before issue 22) the same example built from a git
worktree of that commit (removed once built; its target directory under --work
is kept for the next run; the binary is never committed). Every run is interleaved case by case, so both see the same load.

    python3 scripts/gateway-bench.py [--duration 10] [--baseline a23fea7 | --no-baseline]

Needs wrk (Debian: apt-get install wrk) and cargo. Prints a Markdown table and
the machine's load average before and after.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROMPT = '[{"role":"user","content":"Hello, gateway"}]'
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def build_current() -> Path:
    subprocess.run(["cargo", "build", "--quiet", "--release", "--example", "gateway"], cwd=ROOT, check=True)
    return ROOT / "target" / "release" / "examples" / "gateway"


def build_baseline(commit: str, work: Path) -> Path:
    """The commit's gateway, built in a git worktree that lives only while
    it builds (its target directory stays, for the next run)."""
    tree = work / f"baseline-{commit}"
    target = work / f"baseline-{commit}-target"
    subprocess.run(["git", "worktree", "add", "--quiet", "--detach", str(tree), commit], cwd=ROOT, check=True)
    try:
        env = dict(os.environ, CARGO_TARGET_DIR=str(target))
        subprocess.run(["cargo", "build", "--quiet", "--release", "--example", "gateway"],
                       cwd=tree, env=env, check=True)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=True)
    return target / "release" / "examples" / "gateway"


def start(binary: Path, port: int, *args: str) -> subprocess.Popen:
    process = subprocess.Popen([str(binary), "--listen", f"127.0.0.1:{port}", *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/error-codes", timeout=1)
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    sys.exit(f"{binary} did not answer on port {port}")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # utime and stime: fields 14 and 15 of stat(5), counted after the ")".
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def lua(model: str, stream: bool) -> str:
    body = f'{{"model":"{model}","stream":{"true" if stream else "false"},"messages":{PROMPT}}}'
    escaped = body.replace("\\", "\\\\").replace('"', '\\"')
    return (f'wrk.method = "POST"\nwrk.body = "{escaped}"\n'
            'wrk.headers["Content-Type"] = "application/json"\n'
            'wrk.headers["Authorization"] = "Bearer sk-bench"\n')


def wrk(port: int, script: Path, connections: int, duration: int) -> dict:
    threads = min(connections, 2)
    out = subprocess.run(["wrk", "--latency", f"-t{threads}", f"-c{connections}", f"-d{duration}s",
                          "-s", str(script), f"http://127.0.0.1:{port}/v1/chat/completions"],
                         capture_output=True, text=True, check=True).stdout
    latency = {percent: float(value) * UNITS[unit]
               for percent, value, unit in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)}
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", out)
    if errors:
        sys.exit(f"wrk reported errors on port {port}:\n{out}")
    return {"p50": latency["50"], "p99": latency["99"], "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "requests": requests}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per run (default 10)")
    parser.add_argument("--baseline", default="a23fea7", help="the commit whose gateway is measured side by side")
    parser.add_argument("--no-baseline", action="store_true", help="measure this tree's gateway only")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "gateway-bench",
                        help="where the baseline's worktree and target go (default /tmp/gateway-bench)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    binaries = {"this tree": build_current()}
    if not args.no_baseline:
        binaries[f"baseline {args.baseline}"] = build_baseline(args.baseline, args.work)
    upstream = start(binaries["this tree"], 18200)
    forward = ("--upstream", "openai_compatible=http://127.0.0.1:18200", "--upstream-key", "openai_compatible=sk-bench")
    targets = {"direct (the upstream)": (18200, "echo", upstream)}
    processes = [upstream]
    for index, (name, binary) in enumerate(binaries.items()):
        process = start(binary, 18201 + index, *forward)
        processes.append(process)
        targets[name] = (18201 + index, "openai_compatible/echo", process)
    load_before = os.getloadavg()
    rows = []
    try:
        for stream in (False, True):
            for connections in (1, 16):
                for name, (port, model, process) in targets.items():
                    script = args.work / f"{port}-{stream}.lua"
                    script.write_text(lua(model, stream))
                    wrk(port, script, connections, 1)  # warm-up: connections, pools, caches
                    before = cpu_seconds(process.pid)
                    result = wrk(port, script, connections, args.duration)
                    result["cpu_us"] = (cpu_seconds(process.pid) - before) / result["requests"] * 1e6
                    rows.append((stream, connections, name, result))
    finally:
        for process in processes:
            process.kill()
    load_after = os.getloadavg()

    print(f"load average before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
          f"after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}; {os.cpu_count()} CPUs; "
          f"{args.duration} s per run")
    print("\n| request | conns | target | p50 ms | p99 ms | overhead p50 ms | req/s | CPU µs/req |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    direct = {(stream, c): result["p50"] for stream, c, name, result in rows if name.startswith("direct")}
    for stream, connections, name, result in rows:
        kind = "stream (5 events)" if stream else "JSON"
        overhead = "" if name.startswith("direct") else f"{result['p50'] - direct[(stream, connections)]:+.3f}"
        print(f"| {kind} | {connections} | {name} | {result['p50']:.3f} | {result['p99']:.3f} | {overhead} | "
              f"{result['rps']:.0f} | {result['cpu_us']:.0f} |")


if __name__ == "__main__":
    main()
