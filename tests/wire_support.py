"""Generate a small spec's client, call it through a capturing mock transport, sync or async (issue 18)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx

from tests.fuzz.roundtrip import generate, imported

FLAVOURS = ("sync", "async")
BASE = "https://api.example.com/v1"


@contextmanager
def package(spec: dict[str, Any], root: Path, name: str) -> Iterator[ModuleType]:
    """The imported client package of `spec`."""
    with imported(generate(spec, root, name)) as module:
        yield module


def mock_client(directory: Path, spec_text: str) -> httpx.Client:
    """A client of `trunkline mock`'s application over the spec `spec_text` (written into `directory`)."""
    from generator.mock.app import MockApp
    from generator.mock.model import mock_spec
    from generator.reading.load import load

    spec = directory / "spec.yaml"
    spec.write_text(spec_text, encoding="utf-8")
    return httpx.Client(transport=httpx.WSGITransport(app=MockApp(mock_spec(load(spec)))), base_url="http://mock.test")


def send(module: ModuleType, flavour: str, call: Callable[[Any], Any], answer: httpx.Response | None = None) -> tuple[httpx.Request, Any]:
    """The one request `call(client)` sends, read whole, and what the call returned."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return answer if answer is not None else httpx.Response(200, json={})

    if flavour == "sync":
        with module.Client(base_url=BASE, http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
            result = call(client)
    else:

        async def main() -> Any:
            async def ahandler(request: httpx.Request) -> httpx.Response:
                await request.aread()
                return handler(request)

            transport = httpx.MockTransport(ahandler)
            async with module.AsyncClient(base_url=BASE, http_client=httpx.AsyncClient(transport=transport)) as client:
                value = call(client)
                return await value if inspect.isawaitable(value) else value

        result = asyncio.run(main())
    assert len(seen) == 1
    return seen[0], result
