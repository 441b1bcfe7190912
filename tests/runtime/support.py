"""Scripted transports and a sync/async harness for probing the generated clients from outside."""

from __future__ import annotations

import asyncio
import copy
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.replay import client_module, package_ir

VENDORS = ("agendize", "hipcall", "monica", "snapcall", "voipnow")
FLAVOURS = ("sync", "async")
NOW = 1_700_000_000.0  # the injected clock's fixed time

Step = httpx.Response | BaseException | type[BaseException] | Callable[[httpx.Request], httpx.Response]


class Script:
    """A MockTransport handler that answers from a fixed list of steps and records every request.

    A step is a response, an httpx exception (class or instance) to raise, or a function of
    the request. Running out of steps fails the test: the client asked more than expected.
    """

    def __init__(self, *steps: Step) -> None:
        self.steps = list(steps)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        assert self.steps, f"unexpected extra request {request.method} {request.url}"
        step = self.steps.pop(0)
        if isinstance(step, type) and issubclass(step, httpx.TransportError):
            raise step("scripted failure", request=request)
        if isinstance(step, BaseException):
            raise step
        if isinstance(step, httpx.Response):
            return step
        assert callable(step)
        return step(request)


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    """A JSON answer with the given status."""
    return httpx.Response(status, json=body, headers=headers)


@dataclass
class Run:
    """What one scripted run saw: the result (or error), the sleeps asked for, the requests sent."""

    result: Any = None
    error: BaseException | None = None
    sleeps: list[float] = field(default_factory=list)
    requests: list[httpx.Request] = field(default_factory=list)


def module(vendor: str) -> Any:
    """The generated package of `vendor`, imported from this worktree's generated/."""
    return client_module(vendor)


def run(
    vendor: str,
    flavour: str,
    script: Script,
    action: Callable[[Any], Any],
    *,
    credentials: dict[str, str] | None = None,
    **client_kwargs: Any,
) -> Run:
    """Build a client of `flavour` over `script`, apply `action` to it and record what happened.

    `action` may return a value, an awaitable (async client, awaited) or a `Walk` (drained into
    a list with `for` or `async for`). Errors are caught and returned in `Run.error`.
    """
    pkg = module(vendor)
    outcome = Run(requests=script.requests)
    if credentials is None:
        credentials = default_credentials(vendor)
    kwargs = {**credentials, **client_kwargs}
    kwargs.setdefault("clock", lambda: NOW)
    if flavour == "sync":
        http = httpx.Client(transport=httpx.MockTransport(script))
        client = pkg.Client(http_client=http, sleep=outcome.sleeps.append, **kwargs)
        try:
            value = action(client)
            outcome.result = list(value.pager) if isinstance(value, Walk) else value
        except Exception as exc:  # noqa: BLE001  (the test inspects it)
            outcome.error = exc
        return outcome

    async def sleep(seconds: float) -> None:
        outcome.sleeps.append(seconds)

    async def main() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(script))
        client = pkg.AsyncClient(http_client=http, sleep=sleep, **kwargs)
        try:
            value = action(client)
            if isinstance(value, Walk):
                value = [item async for item in value.pager]
            elif inspect.isawaitable(value):
                value = await value
            outcome.result = value
        except Exception as exc:  # noqa: BLE001
            outcome.error = exc

    asyncio.run(main())
    return outcome


@dataclass
class Walk:
    """Ask `run` for every item of every page: `list(pager)` or `[x async for x in pager]`."""

    pager: Any


def default_credentials(vendor: str) -> dict[str, str]:
    """A distinct fake secret for every credential the vendor's client takes."""
    return {c.name: f"secret-{vendor}-{c.name}-0123456789" for c in package_ir(vendor).credentials}


def documented_response(vendor: str, operation_id: str, status: str = "200") -> Any:
    """A deep copy of the first documented response body of an operation, from the spec."""
    op = operation(vendor, operation_id)
    for example in op.examples:
        if example.has_response and example.status == status:
            return copy.deepcopy(example.response)
    raise LookupError(f"{vendor} {operation_id} documents no {status} response")


def operation(vendor: str, operation_id: str) -> Any:
    """The IR of one operation."""
    return next(op for op in package_ir(vendor).operations if op.operation_id == operation_id)


def ids(values: Iterable[Any]) -> list[str]:
    """Readable parametrize ids."""
    return [str(v) for v in values]
