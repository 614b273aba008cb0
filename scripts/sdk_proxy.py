"""The SDK checks of proxied failures: a fake upstream that replays the real
provider bodies and stream events of tests/upstream-corpus/, and checks that
the official SDKs, talking to the gateway, raise their own error class with the
canonical code for each, the provider named, and the gateway's own upstream
failures (a broken connection, a timeout) as upstream_error / upstream_timeout.

A stream error event is replayed twice: after the stream's preamble only (the
gateway holds the preamble, so the SDK gets a real HTTP error with its status
and retry headers, and raises its status class), and, for model
`late/<case>`, after a first content event (then it is the stream's own error
event, status 200, after the events already relayed).

The gateway must forward to the fake: start it with
--upstream NAME=http://127.0.0.1:PORT for each NAME in FORWARDED and
--upstream-timeout 2, and pass --fake-upstream-port PORT to sdk-check.py.

Imported by sdk-check.py; not a script.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import anthropic
import openai
from sdk_support import PROMPT, Report, anthropic_class, expect, expect_class, expect_equal, openai_class, raised

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "upstream-corpus"
# The providers the gateway forwards to as they are (the others need translation).
FORWARDED = ["openai", "mistral", "groq", "deepseek", "openrouter", "openai_compatible", "anthropic"]
SLOW_SECONDS = 3  # longer than the gateway's --upstream-timeout 2


def first_event(path: str) -> bytes:
    """A normal first event of the stream of the API at `path`."""
    if path == "/v1/messages":
        message = {"id": "msg_up", "type": "message", "role": "assistant", "model": "m", "content": [],
                   "stop_reason": None, "stop_sequence": None, "usage": {"input_tokens": 1, "output_tokens": 0}}
        data = {"type": "message_start", "message": message}
        return f"event: message_start\ndata: {json.dumps(data)}\n\n".encode()
    if path == "/v1/responses":
        response = {"id": "resp_up", "object": "response", "created_at": 1, "status": "in_progress", "model": "m",
                    "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": []}
        data = {"type": "response.created", "sequence_number": 0, "response": response}
        return f"event: response.created\ndata: {json.dumps(data)}\n\n".encode()
    chunk = {"id": "chatcmpl-up", "object": "chat.completion.chunk", "created": 1, "model": "m",
             "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]}
    return f"data: {json.dumps(chunk)}\n\n".encode()


def content_event(path: str) -> bytes:
    """A first content event of the stream of the API at `path`."""
    if path == "/v1/messages":
        data = {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}
        return f"event: content_block_start\ndata: {json.dumps(data)}\n\n".encode()
    if path == "/v1/responses":
        data = {"type": "response.output_text.delta", "sequence_number": 1, "item_id": "msg_up", "output_index": 0,
                "content_index": 0, "delta": "up", "logprobs": []}
        return f"event: response.output_text.delta\ndata: {json.dumps(data)}\n\n".encode()
    chunk = {"id": "chatcmpl-up", "object": "chat.completion.chunk", "created": 1, "model": "m",
             "choices": [{"index": 0, "delta": {"content": "up"}, "finish_reason": None}]}
    return f"data: {json.dumps(chunk)}\n\n".encode()


LATE = "late/"  # the model prefix of a stream error after content


class FakeUpstream:
    """Serves every corpus case by name (the model the gateway forwards; a
    stream event after the preamble, or after content for `late/<case>`), plus
    `reset` (the connection closes without an answer) and `slow`."""

    def __init__(self, port: int) -> None:
        self.cases: dict[str, dict] = {}
        for file in sorted(CORPUS.glob("*.json")):
            for case in json.loads(file.read_text()):
                self.cases[case["name"]] = case
        cases = self.cases

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
                model = body.get("model", "")
                if model == "reset":
                    self.close_connection = True
                    self.connection.close()
                    return
                if model == "slow":
                    time.sleep(SLOW_SECONDS)
                late = model.startswith(LATE)
                case = cases.get(model.removeprefix(LATE))
                if case is None:
                    return self.answer(404, {"content-type": "text/plain"}, f"no case {model}".encode())
                if case["kind"] == "sse":
                    content = content_event(self.path) if late else b""
                    stream = first_event(self.path) + content + case["event"].encode()
                    return self.answer(200, {"content-type": "text/event-stream"}, stream)
                raw = base64.b64decode(case["body_base64"]) if "body_base64" in case else case["body"].encode()
                headers = {k: v for k, v in case.get("headers", {}).items() if k != "content-length"}
                self.answer(case["status"], headers, raw)

            def answer(self, status: int, headers: dict, body: bytes) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def forwarded(self, kind: str) -> list[dict]:
        return [case for case in self.cases.values()
                if case["kind"] == kind and case["provider"] in FORWARDED and case["expect"]["canonical"]]


def status_of(canonical: str, catalogue: dict) -> int:
    return catalogue[canonical].wire_status


def check_openai_case(client: Any, case: dict, catalogue: dict, responses: bool) -> None:
    model = f"{case['provider']}/{case['name']}"
    canonical = case["expect"]["canonical"]
    if responses:
        call = lambda: client.responses.create(model=model, input="Hello, gateway")  # noqa: E731
    else:
        call = lambda: client.chat.completions.create(model=model, messages=PROMPT)  # noqa: E731
    error = raised(call)
    expect_class(error, openai_class(status_of(canonical, catalogue)))
    expect_equal("code", error.code, canonical)
    expect_equal("provider", (error.body or {}).get("provider"), case["provider"])
    expect_equal("x-should-retry", error.response.headers.get("x-should-retry"),
                 str(catalogue[canonical].retryable).lower())


def check_anthropic_case(client: Any, case: dict, catalogue: dict) -> None:
    canonical = case["expect"]["canonical"]
    model = f"anthropic/{case['name']}"
    error = raised(lambda: client.messages.create(model=model, max_tokens=16, messages=PROMPT))
    expect_class(error, anthropic_class(status_of(canonical, catalogue)))
    expect_equal("error_code", error.body["error"]["details"]["error_code"], canonical)


def check_stream_case(openai_client: Any, anthropic_client: Any, case: dict, catalogue: dict) -> None:
    """The error event after the preamble only: a real HTTP error."""
    canonical = case["expect"]["canonical"]
    model = f"{case['provider']}/{case['name']}"
    status = status_of(canonical, catalogue)
    if case["provider"] == "anthropic":
        error = raised(lambda: list(anthropic_client.messages.create(
            model=model, max_tokens=16, messages=PROMPT, stream=True)))
        expect_class(error, anthropic_class(status))
        expect_equal("error_code", error.body["error"]["details"]["error_code"], canonical)
        return
    calls = [lambda: list(openai_client.chat.completions.create(model=model, messages=PROMPT, stream=True))]
    if case["provider"] == "openai":
        calls.append(lambda: list(openai_client.responses.create(model=model, input="Hello, gateway", stream=True)))
    for call in calls:
        error = raised(call)
        expect_class(error, openai_class(status))
        expect_equal("code", error.code, canonical)
        expect_equal("provider", (error.body or {}).get("provider"), case["provider"])
        expect_equal("x-should-retry", error.response.headers.get("x-should-retry"),
                     str(catalogue[canonical].retryable).lower())


def check_late_stream_case(openai_client: Any, anthropic_client: Any, case: dict) -> None:
    """The error event after content: the stream's own error event."""
    canonical = case["expect"]["canonical"]
    model = f"{case['provider']}/{LATE}{case['name']}"
    if case["provider"] == "anthropic":
        stream = anthropic_client.messages.create(model=model, max_tokens=16, messages=PROMPT, stream=True)
        events = []
        error = raised(lambda: events.extend(stream))
        expect_class(error, anthropic.APIStatusError)
        expect_equal("status", error.status_code, 200)
        expect_equal("events before the error", [event.type for event in events],
                     ["message_start", "content_block_start"])
        expect_equal("error_code", error.body["error"]["details"]["error_code"], canonical)
        return
    streams = [openai_client.chat.completions.create(model=model, messages=PROMPT, stream=True)]
    if case["provider"] == "openai":
        streams.append(openai_client.responses.create(model=model, input="Hello, gateway", stream=True))
    for stream in streams:
        events = []
        error = raised(lambda: events.extend(stream))
        expect_class(error, openai.APIError)
        expect_equal("events before the error", len(events), 2)
        expect_equal("code", error.code, canonical)
        expect_equal("provider", (error.body or {}).get("provider"), case["provider"])


def check_gateway_failures(openai_client: Any, anthropic_client: Any, catalogue: dict) -> None:
    error = raised(lambda: openai_client.chat.completions.create(model="openai/reset", messages=PROMPT))
    expect_class(error, openai.InternalServerError)
    expect_equal("code", error.code, "upstream_error")
    error = raised(lambda: anthropic_client.messages.create(model="anthropic/reset", max_tokens=16, messages=PROMPT))
    expect_class(error, anthropic_class(catalogue["upstream_error"].wire_status))
    started = time.monotonic()
    error = raised(lambda: openai_client.responses.create(model="groq/slow", input="Hello, gateway"))
    expect_class(error, openai_class(504))
    expect_equal("code", error.code, "upstream_timeout")
    expect(time.monotonic() - started < SLOW_SECONDS, "the gateway waited for the slow upstream")


def check_proxied(report: Report, base_url: str, catalogue: dict, fake: FakeUpstream) -> None:
    # No retries: the corpus's retry delays are real ones (up to minutes); x-should-retry is checked instead.
    openai_client = openai.OpenAI(api_key="sk-demo", base_url=f"{base_url}/v1", max_retries=0, timeout=10)
    anthropic_client = anthropic.Anthropic(api_key="sk-demo", base_url=base_url, max_retries=0, timeout=10)
    responses, streams = fake.forwarded("response"), fake.forwarded("sse")
    before = len(report.failures)
    for case in responses:
        if case["provider"] == "anthropic":
            report.check(f"proxied {case['name']}", lambda: check_anthropic_case(anthropic_client, case, catalogue))
            continue
        report.check(f"proxied {case['name']}",
                     lambda: check_openai_case(openai_client, case, catalogue, responses=False))
        if case["provider"] == "openai":
            report.check(f"proxied {case['name']} responses",
                         lambda: check_openai_case(openai_client, case, catalogue, responses=True))
    for case in streams:
        report.check(f"proxied {case['name']} stream, before content",
                     lambda: check_stream_case(openai_client, anthropic_client, case, catalogue))
        report.check(f"proxied {case['name']} stream, after content",
                     lambda: check_late_stream_case(openai_client, anthropic_client, case))
    report.check("proxied reset and timeout", lambda: check_gateway_failures(openai_client, anthropic_client, catalogue))
    failed = len(report.failures) - before
    print(f"proxied: {len(responses)} corpus error responses, {len(streams)} corpus stream errors "
          f"(before and after content), a reset and a timeout: {'ok' if not failed else f'{failed} FAILED'}")
