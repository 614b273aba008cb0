#!/usr/bin/env python3
"""Writes the upstream corpus (tests/upstream-corpus/*.json) as seed inputs
for the `upstream_parse` cargo-fuzz target, in its input layout: provider
byte, kind byte, status (big-endian), header lines up to a NUL byte, then
the body or event. Also writes each body truncated at its middle.

Run from the repository root: python3 fuzz/seed-upstream.py
"""
import base64
import glob
import json
import os

PROVIDERS = ["openai", "azure", "anthropic", "gemini", "vertex", "bedrock",
             "mistral", "groq", "deepseek", "openrouter", "openai_compatible"]

out = os.path.join("fuzz", "corpus", "upstream_parse")
os.makedirs(out, exist_ok=True)
count = 0
for path in sorted(glob.glob(os.path.join("tests", "upstream-corpus", "*.json"))):
    with open(path, encoding="utf-8") as file:
        cases = json.load(file)
    for case in cases:
        sse = case["kind"] == "sse"
        if sse:
            body = case["event"].encode()
        elif "body_base64" in case:
            body = base64.b64decode(case["body_base64"])
        else:
            body = case["body"].encode()
        head = bytes([PROVIDERS.index(case["provider"]), 1 if sse else 0])
        head += (case.get("status") or 200).to_bytes(2, "big")
        head += "".join(f"{k}: {v}\n" for k, v in case.get("headers", {}).items()).encode()
        for suffix, data in (("", body), ("-truncated", body[: len(body) // 2])):
            with open(os.path.join(out, case["name"] + suffix), "wb") as file:
                file.write(head + b"\0" + data)
            count += 1
print(f"{count} seeds in {out}")
