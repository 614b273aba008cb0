"""What the SDK checks share: the catalogue entry, the report, and the assertions.

Imported by sdk-check.py and its sibling modules; not a script.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import anthropic
import openai

PROMPT = [{"role": "user", "content": "Hello, gateway"}]
MAX_RETRIES = 2  # the SDKs' default; a retryable code costs 1 + MAX_RETRIES requests


@dataclass
class Code:
    code: str
    status: int
    description: str
    retryable: bool
    openai_type: str
    anthropic_type: str
    problem_type: str

    @property
    def wire_status(self) -> int:
        # Status 0 (client_disconnected) is answered with 499, as the crate renders it.
        return self.status or 499


@dataclass
class Report:
    passed: int = 0
    failures: list[str] = field(default_factory=list)

    def check(self, label: str, run: Callable[[], None]) -> bool:
        try:
            run()
        except AssertionError as failure:
            self.failures.append(f"{label}: {failure}")
            return False
        except Exception as error:  # an unexpected exception is a failure too, with its class
            self.failures.append(f"{label}: unexpected {type(error).__module__}.{type(error).__name__}: {error}")
            return False
        self.passed += 1
        return True


class RequestCounter:
    """Counts the HTTP requests an SDK client sends, through an httpx event hook."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, request: Any) -> None:
        self.count += 1


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def expect_equal(what: str, actual: Any, expected: Any) -> None:
    expect(actual == expected, f"{what} is {actual!r}, expected {expected!r}")


def first_class(module: Any, *names: str) -> type:
    """The first of `names` this SDK version defines (newer versions add finer classes)."""
    for name in names:
        cls = getattr(module, name, None)
        if cls is not None:
            return cls
    raise AssertionError(f"{module.__name__} defines none of {names}")


def openai_class(status: int) -> type:
    named = {
        400: "BadRequestError",
        401: "AuthenticationError",
        403: "PermissionDeniedError",
        404: "NotFoundError",
        409: "ConflictError",
        422: "UnprocessableEntityError",
        429: "RateLimitError",
    }
    if status in named:
        return first_class(openai, named[status])
    if status >= 500:
        return openai.InternalServerError
    return openai.APIStatusError


def anthropic_class(status: int) -> type:
    named = {
        400: ("BadRequestError",),
        401: ("AuthenticationError",),
        402: ("PaymentRequiredError", "APIStatusError"),
        403: ("PermissionDeniedError",),
        404: ("NotFoundError",),
        409: ("ConflictError",),
        413: ("ContentTooLargeError", "RequestTooLargeError", "APIStatusError"),
        422: ("UnprocessableEntityError",),
        429: ("RateLimitError",),
        499: ("ClientClosedRequestError", "APIStatusError"),
        503: ("ServiceUnavailableError", "InternalServerError"),
        504: ("GatewayTimeoutError", "InternalServerError"),
        529: ("OverloadedError", "InternalServerError"),
    }
    if status in named:
        return first_class(anthropic, *named[status])
    if status >= 500:
        return anthropic.InternalServerError
    return anthropic.APIStatusError


def raised(call: Callable[[], Any]) -> BaseException:
    try:
        call()
    except Exception as error:  # the caller checks the class
        return error
    raise AssertionError("no exception was raised")


def expect_class(error: BaseException, cls: type) -> None:
    expect(
        type(error) is cls,
        f"raised {type(error).__module__}.{type(error).__name__}, expected {cls.__module__}.{cls.__name__}",
    )


def expect_request_id(what: str, request_id: Any) -> None:
    expect(isinstance(request_id, str) and request_id.startswith("req_"), f"{what} is {request_id!r}, expected req_...")


def expect_attempts(counter: RequestCounter, code: Code) -> None:
    expected = 1 + MAX_RETRIES if code.retryable else 1
    what = "retried" if code.retryable else "not retried"
    expect(counter.count == expected, f"sent {counter.count} requests, expected {expected} ({what})")
