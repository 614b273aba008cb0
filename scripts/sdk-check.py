#!/usr/bin/env python3
"""Check the example gateway against the official OpenAI and Anthropic Python SDKs.

For every canonical code (read from the gateway's GET /v1/error-codes), in the
three APIs (OpenAI chat completions, the OpenAI Responses API, Anthropic
messages), streaming and not, this asks the gateway for model "error/<code>"
through the official SDK and asserts that the SDK raises its own error class
with the right status, code, type, message and request id, and that it retries
exactly the retryable codes (it counts the HTTP requests the SDK sends). Every
Responses stream, echo or failing, is also validated event by event against the
SDK's own event types (pydantic validation: required fields, literal values). It
also checks that the "echo" model works through both SDKs, streaming and not,
and that an unknown model is the SDK's NotFoundError. With --fake-upstream-port,
it also checks proxied failures: every real provider error of the upstream
corpus, replayed by a fake upstream behind the gateway (see sdk_proxy.py).

It installs nothing. Prepare once, then run against a running gateway:

    pip install openai anthropic
    cargo run --example gateway &
    python3 scripts/sdk-check.py [--base-url http://127.0.0.1:8080] [--code CODE ...]

With a gateway forwarding to the fake upstream (port 18090 here):

    cargo run --example gateway -- --upstream-timeout 2 \\
        --upstream openai=http://127.0.0.1:18090 --upstream anthropic=http://127.0.0.1:18090 ... &
    python3 scripts/sdk-check.py --fake-upstream-port 18090

Exit status: 0 when every check passes, 1 when one fails, 2 on bad usage or
when the SDKs or the gateway cannot be reached.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.error
import urllib.request
from typing import Any

try:
    import anthropic
    import openai
    import pydantic  # noqa: F401 (the Responses checks need it)
except ImportError as missing:
    sys.exit(f"sdk-check: {missing}. Install the SDKs first: pip install openai anthropic")

from sdk_proxy import FakeUpstream, check_proxied  # noqa: E402
from sdk_responses import check_responses, check_responses_echo, check_responses_stream  # noqa: E402
from sdk_support import (  # noqa: E402
    MAX_RETRIES,
    PROMPT,
    Code,
    Report,
    RequestCounter,
    anthropic_class,
    expect,
    expect_attempts,
    expect_class,
    expect_equal,
    expect_request_id,
    openai_class,
    raised,
)

# --- OpenAI -------------------------------------------------------------------------------------


def check_openai(client: Any, counter: RequestCounter, code: Code) -> None:
    counter.count = 0
    error = raised(lambda: client.chat.completions.create(model=f"error/{code.code}", messages=PROMPT))
    expect_class(error, openai_class(code.wire_status))
    expect_attempts(counter, code)
    expect_equal("status_code", error.status_code, code.wire_status)
    expect_equal("code", error.code, code.code)
    expect_equal("type", error.type, code.openai_type)
    expect_equal("param", error.param, None)
    expect_equal("body.message", error.body.get("message"), code.description)
    expect_equal("message", error.message, f"Error code: {code.wire_status} - {code.description}")
    expect_request_id("request_id", error.request_id)
    expect_equal("x-should-retry", error.response.headers.get("x-should-retry"), str(code.retryable).lower())


def check_openai_stream(client: Any, counter: RequestCounter, code: Code) -> None:
    counter.count = 0
    stream = client.chat.completions.create(model=f"error/{code.code}", messages=PROMPT, stream=True)
    chunks = []

    def consume() -> None:
        for chunk in stream:
            chunks.append(chunk)

    error = raised(consume)
    # A mid-stream error has no status of its own: the SDK raises its base APIError.
    expect_class(error, openai.APIError)
    expect_equal("chunks before the error", len(chunks), 1)
    expect_equal("first chunk object", chunks[0].object, "chat.completion.chunk")
    expect_equal("code", error.code, code.code)
    expect_equal("type", error.type, code.openai_type)
    expect_equal("message", error.message, code.description)
    expect_request_id("x-request-id", stream.response.headers.get("x-request-id"))
    expect_equal("requests", counter.count, 1)


def check_openai_echo(client: Any) -> None:
    completion = client.chat.completions.create(model="echo", messages=PROMPT)
    expect_equal("content", completion.choices[0].message.content, "Hello, gateway")
    expect_equal("finish_reason", completion.choices[0].finish_reason, "stop")
    raw = client.chat.completions.with_raw_response.create(model="echo", messages=PROMPT)
    expect_request_id("x-request-id", raw.headers.get("x-request-id"))
    stream = client.chat.completions.create(model="echo", messages=PROMPT, stream=True)
    text = "".join(chunk.choices[0].delta.content or "" for chunk in stream)
    expect_equal("streamed text", text, "Hello, gateway")
    expect_request_id("stream x-request-id", stream.response.headers.get("x-request-id"))


def check_openai_unknown_model(client: Any) -> None:
    error = raised(lambda: client.chat.completions.create(model="gpt-nonexistent", messages=PROMPT))
    expect_class(error, openai.NotFoundError)
    expect_equal("code", error.code, "model_not_found")
    expect_equal("param", error.param, "model")


# --- OpenAI Responses API -----------------------------------------------------------------------

# --- Anthropic ----------------------------------------------------------------------------------


def anthropic_body_error(error: Any) -> dict:
    body = error.body
    expect(isinstance(body, dict) and isinstance(body.get("error"), dict), f"body is {body!r}")
    return body


def check_anthropic_error_fields(error: Any, code: Code) -> None:
    body = anthropic_body_error(error)
    expect_equal("body.type", body.get("type"), "error")
    expect_equal("error.type", body["error"].get("type"), code.anthropic_type)
    expect_equal("error.message", body["error"].get("message"), code.description)
    expect_equal("error.details.error_code", (body["error"].get("details") or {}).get("error_code"), code.code)
    # Newer SDKs expose the parsed fields; older ones only the body.
    if hasattr(error, "error_code"):
        expect_equal("error_code", error.error_code, code.code)
    if hasattr(error, "api_message"):
        expect_equal("api_message", error.api_message, code.description)
    expect_request_id("request_id", error.request_id)
    expect_equal("body.request_id", body.get("request_id"), error.request_id)


def check_anthropic(client: Any, counter: RequestCounter, code: Code) -> None:
    counter.count = 0
    error = raised(lambda: client.messages.create(model=f"error/{code.code}", max_tokens=16, messages=PROMPT))
    expect_class(error, anthropic_class(code.wire_status))
    expect_attempts(counter, code)
    expect_equal("status_code", error.status_code, code.wire_status)
    check_anthropic_error_fields(error, code)
    expect_equal("x-should-retry", error.response.headers.get("x-should-retry"), str(code.retryable).lower())


def check_anthropic_stream(client: Any, counter: RequestCounter, code: Code) -> None:
    counter.count = 0
    stream = client.messages.create(model=f"error/{code.code}", max_tokens=16, messages=PROMPT, stream=True)
    events = []

    def consume() -> None:
        for event in stream:
            events.append(event)

    error = raised(consume)
    # The stream's status is 200; the SDK raises its generic APIStatusError with the body's fields.
    expect_class(error, anthropic.APIStatusError)
    expect_equal("status_code", error.status_code, 200)
    expect_equal("events before the error", [event.type for event in events], ["message_start"])
    check_anthropic_error_fields(error, code)
    expect_equal("requests", counter.count, 1)


def check_anthropic_echo(client: Any) -> None:
    message = client.messages.create(model="echo", max_tokens=16, messages=PROMPT)
    expect_equal("content", message.content[0].text, "Hello, gateway")
    expect_equal("stop_reason", message.stop_reason, "end_turn")
    raw = client.messages.with_raw_response.create(model="echo", max_tokens=16, messages=PROMPT)
    expect_request_id("request-id", raw.headers.get("request-id"))
    stream = client.messages.create(model="echo", max_tokens=16, messages=PROMPT, stream=True)
    types, text = [], ""
    for event in stream:
        types.append(event.type)
        if event.type == "content_block_delta":
            text += event.delta.text
    expect_equal("streamed text", text, "Hello, gateway")
    expect_equal("first and last events", (types[0], types[-1]), ("message_start", "message_stop"))
    expect_request_id("stream request-id", stream.response.headers.get("request-id"))


def check_anthropic_unknown_model(client: Any) -> None:
    error = raised(lambda: client.messages.create(model="claude-nonexistent", max_tokens=16, messages=PROMPT))
    expect_class(error, anthropic.NotFoundError)
    expect_equal("error_code", anthropic_body_error(error)["error"]["details"]["error_code"], "model_not_found")


# --- Driver -------------------------------------------------------------------------------------


def fetch_catalogue(base_url: str) -> list[Code]:
    try:
        with urllib.request.urlopen(f"{base_url}/v1/error-codes", timeout=10) as response:
            data = json.load(response)["data"]
    except (urllib.error.URLError, OSError, ValueError, KeyError) as error:
        sys.exit(f"sdk-check: cannot read {base_url}/v1/error-codes ({error}); is the gateway running?")
    return [Code(**entry) for entry in data]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8080", help="the gateway (default %(default)s)")
    parser.add_argument("--code", action="append", help="check only this code (repeatable)")
    parser.add_argument(
        "--fake-upstream-port",
        type=int,
        help="also check proxied failures: serve the fake upstream on this port (see sdk_proxy.py)",
    )
    args = parser.parse_args()
    base_url = args.base_url.rstrip("/")

    codes = fetch_catalogue(base_url)
    catalogue = {code.code: code for code in codes}
    if args.code:
        unknown = sorted(set(args.code) - {code.code for code in codes})
        if unknown:
            parser.error(f"not canonical codes: {', '.join(unknown)}")
        codes = [code for code in codes if code.code in args.code]

    openai_counter, anthropic_counter = RequestCounter(), RequestCounter()
    openai_client = openai.OpenAI(
        api_key="sk-demo",
        base_url=f"{base_url}/v1",
        max_retries=MAX_RETRIES,
        timeout=10,
        http_client=openai.DefaultHttpxClient(event_hooks={"request": [openai_counter]}),
    )
    anthropic_client = anthropic.Anthropic(
        api_key="sk-demo",
        base_url=base_url,
        max_retries=MAX_RETRIES,
        timeout=10,
        http_client=anthropic.DefaultHttpxClient(event_hooks={"request": [anthropic_counter]}),
    )

    print(f"openai {openai.__version__}, anthropic {anthropic.__version__}, gateway {base_url}")
    report = Report()
    started = time.monotonic()
    report.check("openai echo", lambda: check_openai_echo(openai_client))
    report.check("openai unknown model", lambda: check_openai_unknown_model(openai_client))
    report.check("responses echo", lambda: check_responses_echo(openai_client, base_url))
    report.check("anthropic echo", lambda: check_anthropic_echo(anthropic_client))
    report.check("anthropic unknown model", lambda: check_anthropic_unknown_model(anthropic_client))
    print(f"{'code':<44} {'status':>6}  openai  stream  responses  stream  anthropic  stream")
    for code in codes:
        results = [
            report.check(f"{code.code} openai", lambda: check_openai(openai_client, openai_counter, code)),
            report.check(
                f"{code.code} openai stream", lambda: check_openai_stream(openai_client, openai_counter, code)
            ),
            report.check(f"{code.code} responses", lambda: check_responses(openai_client, openai_counter, code)),
            report.check(
                f"{code.code} responses stream",
                lambda: check_responses_stream(openai_client, openai_counter, base_url, code),
            ),
            report.check(
                f"{code.code} anthropic", lambda: check_anthropic(anthropic_client, anthropic_counter, code)
            ),
            report.check(
                f"{code.code} anthropic stream",
                lambda: check_anthropic_stream(anthropic_client, anthropic_counter, code),
            ),
        ]
        marks = ["ok" if passed else "FAIL" for passed in results]
        retry = " (retried)" if code.retryable else ""
        print(
            f"{code.code + retry:<44} {code.status:>6}  {marks[0]:<6}  {marks[1]:<6}  "
            f"{marks[2]:<9}  {marks[3]:<6}  {marks[4]:<9}  {marks[5]}"
        )

    if args.fake_upstream_port:
        check_proxied(report, base_url, catalogue, FakeUpstream(args.fake_upstream_port))

    elapsed = time.monotonic() - started
    for failure in report.failures:
        print(f"FAIL {failure}")
    print(f"{report.passed} checks passed, {len(report.failures)} failed, {len(codes)} codes, {elapsed:.1f} s")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
