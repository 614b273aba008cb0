"""The SDK checks of the OpenAI Responses API (POST /v1/responses): every code
through the official SDK, streamed and not, and every event of every stream
validated against the SDK's own event types.

Imported by sdk-check.py; not a script.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import openai
import pydantic
from openai.types.responses import Response as ResponsesResponse
from openai.types.responses import ResponseStreamEvent
from sdk_support import (
    PROMPT,
    Code,
    RequestCounter,
    expect_attempts,
    expect_class,
    expect_equal,
    expect_request_id,
    openai_class,
    raised,
)

RESPONSES_EVENTS = pydantic.TypeAdapter(ResponseStreamEvent)


def raw_responses_events(base_url: str, model: str) -> list[Any]:
    """The raw stream of POST /v1/responses, every event validated as the SDK's event types."""
    body = json.dumps({"model": model, "input": PROMPT, "stream": True}).encode()
    request = urllib.request.Request(
        f"{base_url}/v1/responses",
        data=body,
        headers={"authorization": "Bearer sk-demo", "content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read().decode()
    events = []
    for number, block in enumerate(text.split("\n\n")[:-1]):
        fields = dict(line.split(": ", 1) for line in block.split("\n"))
        data = json.loads(fields["data"])
        expect_equal(f"event {number} name", fields.get("event"), data.get("type"))
        expect_equal(f"event {number} sequence_number", data.get("sequence_number"), number)
        try:
            events.append(RESPONSES_EVENTS.validate_python(data))
        except pydantic.ValidationError as invalid:
            raise AssertionError(f"event {number} ({data.get('type')}) is not a valid SDK event: {invalid}")
    return events


def check_responses(client: Any, counter: RequestCounter, code: Code) -> None:
    counter.count = 0
    error = raised(lambda: client.responses.create(model=f"error/{code.code}", input="Hello, gateway"))
    expect_class(error, openai_class(code.wire_status))
    expect_attempts(counter, code)
    expect_equal("status_code", error.status_code, code.wire_status)
    expect_equal("code", error.code, code.code)
    expect_equal("type", error.type, code.openai_type)
    expect_equal("message", error.message, f"Error code: {code.wire_status} - {code.description}")
    expect_request_id("request_id", error.request_id)


def check_responses_stream(client: Any, counter: RequestCounter, base_url: str, code: Code) -> None:
    counter.count = 0
    stream = client.responses.create(model=f"error/{code.code}", input="Hello, gateway", stream=True)
    events = []

    def consume() -> None:
        for event in stream:
            events.append(event)

    error = raised(consume)
    # The SDK raises its base APIError on the error event, with the nested object's fields.
    expect_class(error, openai.APIError)
    expect_equal("events before the error", [event.type for event in events], ["response.created", "response.in_progress"])
    expect_equal("code", error.code, code.code)
    expect_equal("type", error.type, code.openai_type)
    expect_equal("message", error.message, code.description)
    expect_request_id("x-request-id", stream.response.headers.get("x-request-id"))
    expect_equal("requests", counter.count, 1)
    # The whole stream, as a client reading the documented event types sees it.
    raw = raw_responses_events(base_url, f"error/{code.code}")
    expect_equal("raw event types", [event.type for event in raw][2:], ["error", "response.failed"])
    expect_equal("error event code", raw[2].code, code.code)
    expect_equal("error event message", raw[2].message, code.description)
    expect_equal("failed response status", raw[3].response.status, "failed")
    expect_equal("failed response message", raw[3].response.error.message, code.description)


def check_responses_echo(client: Any, base_url: str) -> None:
    response = client.responses.create(model="echo", input=PROMPT)
    ResponsesResponse.model_validate(response.model_dump())
    expect_equal("output_text", response.output_text, "Hello, gateway")
    expect_equal("status", response.status, "completed")
    stream = client.responses.create(model="echo", input="Hello, gateway", stream=True)
    text = "".join(event.delta for event in stream if event.type == "response.output_text.delta")
    expect_equal("streamed text", text, "Hello, gateway")
    expect_request_id("stream x-request-id", stream.response.headers.get("x-request-id"))
    with client.responses.stream(model="echo", input="Hello, gateway") as helper:
        final = helper.get_final_response()
    expect_equal("stream helper output_text", final.output_text, "Hello, gateway")
    raw = raw_responses_events(base_url, "echo")
    expect_equal("last raw event", raw[-1].type, "response.completed")
