"""An operation or path item with servers of its own is sent there (issue 18: GitHub's uploads host)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.wire_support import package

_OK = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}}
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Hosts", "version": "1"},
    "servers": [{"url": "https://api.example.com/v1"}],
    "tags": [{"name": "files"}],
    "paths": {
        "/files": {"get": {"operationId": "list_files", "tags": ["files"], "responses": _OK}},
        "/files/{id}/content": {
            "post": {
                "operationId": "upload_file", "tags": ["files"], "responses": _OK,
                "servers": [{"url": "https://{host}.example.com/up", "variables": {"host": {"default": "uploads"}}}],
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            },
        },
        "/live": {
            "servers": [{"url": "wss://stream.example.com"}],
            "get": {"operationId": "live_feed", "tags": ["files"], "responses": _OK},
        },
        "/same": {
            "servers": [{"url": "https://api.example.com/v1/"}],
            "get": {"operationId": "same_host", "tags": ["files"], "responses": _OK},
        },
    },
}


@pytest.fixture(scope="module")
def hosts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with package(SPEC, tmp_path_factory.mktemp("hosts"), "hosts") as module:
        yield module


def _urls(module: ModuleType, **kwargs: Any) -> list[str]:
    """The URLs of list, upload_file, live_feed and same_host, sync then async."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json={}, headers={"Location": "https://elsewhere.example.net/"})

    with module.Client(**kwargs, http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
        client.files.list()
        client.files.upload_file(id="a/b")
        client.files.live_feed()
        client.files.same_host()

    async def main() -> None:
        async def ahandler(request: httpx.Request) -> httpx.Response:
            return handler(request)

        async with module.AsyncClient(**kwargs, http_client=httpx.AsyncClient(transport=httpx.MockTransport(ahandler))) as client:
            await client.files.upload_file(id="c")

    asyncio.run(main())
    return seen


def test_operation_server_is_used_with_the_default_base(hosts: ModuleType) -> None:
    assert _urls(hosts) == [
        "https://api.example.com/v1/files",
        "https://uploads.example.com/up/files/a%2Fb/content",  # its variable at its default
        "https://stream.example.com/live",  # a WebSocket server's handshake URL
        "https://api.example.com/v1/same",  # the API's own server, trailing slash aside
        "https://uploads.example.com/up/files/c/content",
    ]


def test_an_explicit_base_url_takes_every_call(hosts: ModuleType) -> None:
    assert _urls(hosts, base_url="http://127.0.0.1:4010/v1") == [
        "http://127.0.0.1:4010/v1/files",
        "http://127.0.0.1:4010/v1/files/a%2Fb/content",
        "http://127.0.0.1:4010/v1/live",
        "http://127.0.0.1:4010/v1/same",
        "http://127.0.0.1:4010/v1/files/c/content",
    ]


def test_the_base_url_environment_variable_takes_every_call(hosts: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOSTS_BASE_URL", "http://127.0.0.1:4010/v1")
    assert _urls(hosts)[1] == "http://127.0.0.1:4010/v1/files/a%2Fb/content"


def test_the_client_docstring_says_where_calls_go(hosts: ModuleType) -> None:
    doc = hosts.Client.__doc__ or ""
    assert "Operations the spec serves from a host of their own go there, unless `base_url`" in doc
    assert "$HOSTS_BASE_URL" in doc


def test_a_next_link_must_stay_on_the_operations_own_origin(hosts: ModuleType) -> None:
    client = hosts.Client()
    op = hosts.resources.files._UPLOAD_FILE
    assert str(client._next_url(op, "/up/files/x/content?page=2")) == "https://uploads.example.com/up/files/x/content?page=2"
    with pytest.raises(hosts.errors.ForeignNextLinkError):
        client._next_url(op, "https://api.example.com/v1/files?page=2")
