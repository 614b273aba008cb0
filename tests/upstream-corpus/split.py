#!/usr/bin/env python3
"""Re-derive the held-out split of the upstream corpus and check it.

A case added with a "class" member belongs to the held-out side when the first
hex digit of sha256(source URL without its #fragment) is 0-5, to the training
side otherwise. Held-out cases live in held-out/<provider>.json, training cases
in <provider>.json. The cases without "class" (the corpus before the split was
introduced) are all training cases and stay in <provider>.json.

Exits non-zero if any case is on the wrong side, if one source (fragment
stripped) has cases on both sides, or if a file's cases are not of its
provider. Standard library only.
"""
import hashlib
import json
import sys
from pathlib import Path

PROVIDERS = ["openai", "azure", "anthropic", "gemini", "vertex", "bedrock",
             "mistral", "groq", "deepseek", "openrouter", "openai_compatible"]
HELD_DIGITS = "012345"


def source_key(url):
    return url.split("#", 1)[0]


def held_out(url):
    digest = hashlib.sha256(source_key(url).encode("utf-8")).hexdigest()
    return digest[0] in HELD_DIGITS


def main():
    here = Path(__file__).resolve().parent
    problems = []
    sides = {}  # source key -> set of sides
    counts = {}
    for provider in PROVIDERS:
        for side, path in (("train", here / f"{provider}.json"),
                           ("held-out", here / "held-out" / f"{provider}.json")):
            if not path.exists():
                if side == "train":
                    problems.append(f"{path}: missing")
                continue
            cases = json.loads(path.read_text(encoding="utf-8"))
            for case in cases:
                name = case.get("name", "?")
                if case.get("provider") != provider:
                    problems.append(f"{name}: provider {case.get('provider')!r} in {path.name}")
                key = source_key(case["source"])
                sides.setdefault(key, set()).add(side)
                if "class" not in case:
                    if side == "held-out":
                        problems.append(f"{name}: held-out case without a class")
                    continue
                want = "held-out" if held_out(case["source"]) else "train"
                if want != side:
                    problems.append(f"{name}: in {side}, belongs to {want}")
                counts[(provider, side)] = counts.get((provider, side), 0) + 1
    for key, found in sides.items():
        if len(found) > 1:
            problems.append(f"{key}: cases on both sides")
    for problem in problems:
        print("wrong side:", problem, file=sys.stderr)
    total_train = sum(v for (p, s), v in counts.items() if s == "train")
    total_held = sum(v for (p, s), v in counts.items() if s == "held-out")
    print(f"split cases: {total_train} train, {total_held} held-out; "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
