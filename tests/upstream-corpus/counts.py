#!/usr/bin/env python3
"""Print the README's count tables, counted from the corpus files.

Standard library only. Run from anywhere: python3 tests/upstream-corpus/counts.py
"""
import json
from collections import Counter, defaultdict
from pathlib import Path

PROVIDERS = ["openai", "azure", "anthropic", "gemini", "vertex", "bedrock",
             "mistral", "groq", "deepseek", "openrouter", "openai_compatible"]


def load(here):
    cases = []
    for provider in PROVIDERS:
        for side, path in (("train", here / f"{provider}.json"),
                           ("held-out", here / "held-out" / f"{provider}.json")):
            if path.exists():
                for case in json.loads(path.read_text(encoding="utf-8")):
                    cases.append((side, case))
    return cases


def main():
    here = Path(__file__).resolve().parent
    cases = load(here)
    print("| provider | all cases | earlier | new, training | new, held-out | responses | SSE events | reconstructed |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    totals = Counter()
    for provider in PROVIDERS:
        mine = [(s, c) for s, c in cases if c["provider"] == provider]
        row = Counter()
        row["all"] = len(mine)
        row["earlier"] = sum(1 for s, c in mine if "class" not in c)
        row["train"] = sum(1 for s, c in mine if "class" in c and s == "train")
        row["held"] = sum(1 for s, c in mine if s == "held-out")
        row["resp"] = sum(1 for s, c in mine if c["kind"] == "response")
        row["sse"] = sum(1 for s, c in mine if c["kind"] == "sse")
        row["rec"] = sum(1 for s, c in mine if c.get("note", "").startswith("reconstructed"))
        totals.update(row)
        print(f"| `{provider}` | {row['all']} | {row['earlier']} | {row['train']} | {row['held']} | "
              f"{row['resp']} | {row['sse']} | {row['rec']} |")
    print(f"| **total** | **{totals['all']}** | **{totals['earlier']}** | **{totals['train']}** | "
          f"**{totals['held']}** | **{totals['resp']}** | **{totals['sse']}** | **{totals['rec']}** |")
    print()
    print("| canonical code | all cases | new cases | providers |")
    print("|---|---:|---:|---|")
    by_code = defaultdict(list)
    for s, c in cases:
        by_code[c["expect"]["canonical"]].append(c)
    for code, items in sorted(by_code.items(), key=lambda kv: (-len(kv[1]), str(kv[0]))):
        providers = [p for p in PROVIDERS if any(c["provider"] == p for c in items)]
        label = f"`{code}`" if code else "— (not an error)"
        new = sum(1 for c in items if "class" in c)
        print(f"| {label} | {len(items)} | {new} | {', '.join(providers)} |")
    print()
    print("| class (new cases) | training | held-out | total |")
    print("|---|---:|---:|---:|")
    by_class = defaultdict(Counter)
    for s, c in cases:
        if "class" in c:
            by_class[c["class"]][s] += 1
    for cls, cnt in sorted(by_class.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        print(f"| `{cls}` | {cnt['train']} | {cnt['held-out']} | {sum(cnt.values())} |")
    print()
    redact = sum(1 for s, c in cases if c["expect"].get("redact"))
    keep = sum(1 for s, c in cases if c["expect"].get("keep"))
    secret = sum(1 for s, c in cases if "secret:" in c.get("note", ""))
    delay = sum(1 for s, c in cases if c["expect"]["retry_after_ms"] is not None)
    sources = {c["source"].split("#", 1)[0] for s, c in cases if "class" in c}
    print(f"cases with expect.redact: {redact}; with expect.keep: {keep}; "
          f"notes with 'secret:': {secret}; cases with a delay: {delay}; "
          f"distinct sources of new cases (fragment stripped): {len(sources)}")


if __name__ == "__main__":
    main()
