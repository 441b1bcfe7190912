"""An operation whose only documented answer is a 3xx with a JSON body returns it (issue 18)."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.wire_support import FLAVOURS, package, send

_LINK = {"type": "object", "required": ["url"], "properties": {"url": {"type": "string"}}}
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Redirects", "version": "1"},
    "servers": [{"url": "https://api.example.com/v1"}],
    "tags": [{"name": "links"}],
    "paths": {
        "/download": {"get": {"operationId": "download_link", "tags": ["links"], "responses": {
            "307": {"description": "Where to download it.", "content": {"application/json": {"schema": _LINK}}},
            "404": {"description": "Not found."},
        }}},
        "/moved": {"get": {"operationId": "moved", "tags": ["links"], "responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": _LINK}}},
        }}},
    },
}


@pytest.fixture(scope="module")
def links(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with package(SPEC, tmp_path_factory.mktemp("links"), "links") as module:
        yield module


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_documented_307_is_the_answer(links: ModuleType, flavour: str) -> None:
    answer = httpx.Response(307, json={"url": "https://cdn.example.com/f"}, headers={"Location": "https://api.example.com/v1/elsewhere"})
    request, result = send(links, flavour, lambda c: c.links.download_link(), answer)
    assert request.url.path == "/v1/download"  # one request: the documented 307 is not followed
    assert result.url == "https://cdn.example.com/f"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_raw_response_of_a_documented_307(links: ModuleType, flavour: str) -> None:
    answer = httpx.Response(307, json={"url": "u"}, headers={"Location": "/v1/elsewhere"})
    _, raw = send(links, flavour, lambda c: c.links.with_raw_response.download_link(), answer)
    assert raw.status_code == 307 and raw.parse().url == "u"


def test_undocumented_redirect_of_a_2xx_operation_still_raises(links: ModuleType) -> None:
    answer = httpx.Response(307, json={"url": "u"}, headers={"Location": "https://evil.example/x"})
    with pytest.raises(links.RedirectError):
        send(links, "sync", lambda c: c.links.moved(), answer)


def test_return_type_is_the_documented_3xx_model(links: ModuleType) -> None:
    import inspect

    signature = inspect.signature(links.Client(base_url="https://x.example").links.download_link)
    assert signature.return_annotation == "models.DownloadLinkResponse"
